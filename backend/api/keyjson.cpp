#include "api/keyjson.h"

#include "api/domainjson.h"
#include "api/keylastuse.h"
#include "api/services.h"
#include "store/identitystore.h"
#include "store/ratelimitconfigstore.h"
#include "store/rbacstore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

Core::Result<KeyDetails> loadKeyDetails(const Services &services, const Store::KeyRecord &key)
{
    Store::Database &db = services.db;
    KeyDetails details;
    details.key = key;
    if (services.keyLastUse)
        details.key.lastUsedAtMs = services.keyLastUse->newest(key.id, key.lastUsedAtMs);
    if (!key.identityId.isEmpty()) {
        Store::FoundIdentity identity = Store::IdentityStore(db).findById(key.workspaceId, key.identityId);
        if (!identity)
            return identity.error();
        details.identity = std::move(*identity);
    }
    Store::RbacStore rbac(db);
    Core::Result<QList<Core::Permission>> permissions = rbac.keyPermissions(key.id);
    if (!permissions)
        return permissions.error();
    details.permissions = std::move(*permissions);
    Core::Result<QList<Core::Role>> roles = rbac.keyRoles(key.id);
    if (!roles)
        return roles.error();
    details.roles = std::move(*roles);
    Core::Result<QList<Core::RatelimitConfig>> ratelimits
        = Store::RatelimitConfigStore(db).list(Core::RatelimitOwner::Key, key.id);
    if (!ratelimits)
        return ratelimits.error();
    details.ratelimits = std::move(*ratelimits);
    return details;
}

QJsonObject keyCreditsData(const Core::CreditState &credits)
{
    QJsonObject object;
    // remaining is the one field the SDK accepts as null: it means "unlimited".
    object.insert(u"remaining"_s, credits.remaining ? QJsonValue(*credits.remaining) : QJsonValue(QJsonValue::Null));
    if (credits.refill) {
        const bool monthly = credits.refill->interval == Core::RefillInterval::Monthly;
        QJsonObject refill {
            {u"interval"_s, monthly ? u"monthly"_s : u"daily"_s}, {u"amount"_s, credits.refill->amount}};
        if (monthly)
            refill.insert(u"refillDay"_s, credits.refill->refillDay);
        object.insert(u"refill"_s, refill);
    }
    return object;
}

namespace {

QJsonArray slugs(const QList<Core::Permission> &permissions)
{
    QJsonArray array;
    for (const Core::Permission &permission : permissions)
        array.append(permission.slug);
    return array;
}

QJsonArray names(const QList<Core::Role> &roles)
{
    QJsonArray array;
    for (const Core::Role &role : roles)
        array.append(role.name);
    return array;
}

void insertOptional(QJsonObject &object, const QString &name, const std::optional<qint64> &value)
{
    if (value)
        object.insert(name, *value);
}

} // namespace

QJsonObject keyResponseData(const KeyDetails &details, qint64 nowMs)
{
    const Store::KeyRecord &key = details.key;
    QJsonObject object {
        {u"keyId"_s, key.id}, {u"start"_s, key.start}, {u"enabled"_s, key.enabled}, {u"createdAt"_s, key.createdAtMs}};
    if (key.name)
        object.insert(u"name"_s, *key.name);
    if (key.meta)
        object.insert(u"meta"_s, *key.meta);
    insertOptional(object, u"updatedAt"_s, key.updatedAtMs);
    insertOptional(object, u"lastUsedAt"_s, key.lastUsedAtMs);
    insertOptional(object, u"expires"_s, key.expiresMs);
    if (!details.permissions.isEmpty())
        object.insert(u"permissions"_s, slugs(details.permissions));
    if (!details.roles.isEmpty())
        object.insert(u"roles"_s, names(details.roles));
    Core::CreditState credits = key.credits;
    Core::applyDueRefill(credits, nowMs);
    if (credits.remaining || credits.refill)
        object.insert(u"credits"_s, keyCreditsData(credits));
    if (details.identity)
        object.insert(u"identity"_s, toJson(*details.identity));
    if (details.plaintext)
        object.insert(u"plaintext"_s, *details.plaintext);
    if (!details.ratelimits.isEmpty())
        object.insert(u"ratelimits"_s, toJson(details.ratelimits));
    return object;
}

} // namespace Latchkey::Api
