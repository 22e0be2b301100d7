#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's rate-limit namespaces (`ratelimit.listNamespaces`) for the Rate limits page;
/// `search` filters by name locally; create() makes a new one.
class RatelimitNamespacesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { NamespaceIdRole = Qt::UserRole + 1, NameRole, OverrideCountRole, CreatedAtRole };
    Q_ENUM(Role)

    explicit RatelimitNamespacesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// Creates namespace @p name (trimmed) with `ratelimit.createNamespace`, which records no
    /// rate-limit check; needs `ratelimit.*.create_namespace`. A taken name fails (409) through
    /// the client's error sink. Refreshes, then emits created().
    Q_INVOKABLE void create(const QString &name);

Q_SIGNALS:
    /// The namespace @p name exists now.
    void created(const QString &name);

protected:
    QString action() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard
