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

} // namespace Latchkey::Dashboard
