#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's owners (`identities.listIdentities`), searchable by external id or id on the
/// server (`search`, case-insensitive substring), for the Owners page. `keyCount` is each owner's
/// live keys (the server's extension field), -1 from a server without it.
class IdentitiesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { IdentityIdRole = Qt::UserRole + 1, ExternalIdRole, MetaRole, RatelimitCountRole, KeyCountRole };
    Q_ENUM(Role)

    explicit IdentitiesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// Creates an owner with @p externalId (`identities.createIdentity`) and refreshes.
    Q_INVOKABLE void create(const QString &externalId);

Q_SIGNALS:
    void created(const QString &identityId, const QString &externalId);

protected:
    QString action() const override;
    QString searchField() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard
