#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's rate-limit namespaces (`ratelimit.listNamespaces`) for the Rate limits page;
/// `search` filters by name locally.
class RatelimitNamespacesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { NamespaceIdRole = Qt::UserRole + 1, NameRole, OverrideCountRole, CreatedAtRole };
    Q_ENUM(Role)

    explicit RatelimitNamespacesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

protected:
    QString action() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard
