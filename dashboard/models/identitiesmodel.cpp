#include "models/identitiesmodel.h"

#include "client/apiclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

IdentitiesModel::IdentitiesModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> IdentitiesModel::roleNames() const
{
    return {{IdentityIdRole, "identityId"},
            {ExternalIdRole, "externalId"},
            {MetaRole, "meta"},
            {RatelimitCountRole, "ratelimitCount"},
            {KeyCountRole, "keyCount"}};
}

QString IdentitiesModel::action() const
{
    return u"identities.listIdentities"_s;
}

QString IdentitiesModel::searchField() const
{
    return u"search"_s;
}

QVariant IdentitiesModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case IdentityIdRole:
        return row.value(u"id"_s).toString();
    case ExternalIdRole:
        return row.value(u"externalId"_s).toString();
    case MetaRole:
        return row.value(u"meta"_s).toObject().toVariantMap();
    case RatelimitCountRole:
        return int(row.value(u"ratelimits"_s).toArray().size());
    case KeyCountRole:
        return row.value(u"keyCount"_s).toInt(-1);
    default:
        return {};
    }
}

void IdentitiesModel::create(const QString &externalId)
{
    postCreate(u"identities.createIdentity"_s, {{u"externalId"_s, externalId}},
        [this, externalId](const QJsonObject &data) {
            Q_EMIT created(data.value(u"identityId"_s).toString(), externalId);
        });
}

void IdentitiesModel::lookUpExisting(const QString &externalId)
{
    const quint64 lookup = ++m_lookup;
    if (!client() || externalId.isEmpty())
        return;
    client()->post(u"identities.getIdentity"_s, {{u"identity"_s, externalId}}, this,
                   [this, lookup, externalId](const ApiResult &result) {
                       if (lookup != m_lookup)
                           return;
                       const QJsonObject identity = result.data.toObject();
                       // getIdentity takes an id as well: only the owner with this external id counts.
                       const bool same = result.ok() && identity.value(u"externalId"_s).toString() == externalId;
                       Q_EMIT existingLookedUp(externalId, same ? identity.value(u"id"_s).toString() : QString());
                   },
                   ApiClient::Failures::Quiet);
}

} // namespace Latchkey::Dashboard
