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
    /// Finds the owner that has @p externalId (`identities.getIdentity`), for New owner with an
    /// id that is taken: existingLookedUp() with its id, "" when there is none or it cannot be
    /// read (the caller offers nothing then; no error banner). Only the newest lookup answers.
    Q_INVOKABLE void lookUpExisting(const QString &externalId);

Q_SIGNALS:
    void created(const QString &identityId, const QString &externalId);
    void existingLookedUp(const QString &externalId, const QString &identityId);

protected:
    QString action() const override;
    QString searchField() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;

private:
    quint64 m_lookup = 0; ///< the newest lookUpExisting()'s number
};

} // namespace Latchkey::Dashboard
