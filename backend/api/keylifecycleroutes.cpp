#include "api/keyaccess.h"
#include "api/keyrequests.h"
#include "api/keyroutes.h"
#include "api/router.h"
#include "core/keyencryption.h"
#include "core/keyfactory.h"
#include "core/random.h"
#include "store/database.h"
#include "store/ratelimitconfigstore.h"
#include "store/rbacstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Store::AuditEvent;

constexpr qint64 kMaxExpiration = 4'102'444'800'000;
constexpr qint64 kMinuteMs = 60'000;
constexpr int kDefaultByteLength = 16;

// ---- keys.deleteKey ---------------------------------------------------------------------------

/// Hard delete: the key row, its encrypted copy, its bindings and its key-level rate limits. Its
/// `key.delete` row is the only one (Unkey's deleteKey writes no `ratelimit.delete`, reference §9).
Core::Status deletePermanently(Store::Database &db, const QString &keyId)
{
    Store::RbacStore rbac(db);
    if (Core::Status cleared = rbac.clearKeyPermissions(keyId); !cleared)
        return cleared;
    if (Core::Status cleared = rbac.clearKeyRoles(keyId); !cleared)
        return cleared;
    if (Core::Status cleared = Store::RatelimitConfigStore(db).removeAll(Core::RatelimitOwner::Key, keyId); !cleared)
        return cleared;
    return Store::KeyStore(db).hardDelete(keyId);
}

Core::Result<ApiReply> deleteKey(Services &services, const ApiContext &context, const QString &keyId, bool permanent)
{
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, keyId);
        if (!target)
            return target.error();
        if (Core::Status allowed = requireAny(context.principal, apiPermission(target->api.id, u"delete_key"_s));
            !allowed)
            return allowed.error();
        QList<AuditEvent> events {keyAuditEvent(*target, u"key.delete"_s, u"Deleted key "_s + keyId)};
        // Its owner too: a key deleted permanently leaves no row that says whose it was, and the
        // audit log's owner filter (includeOwnedKeys) finds only the keys that are still stored.
        const Store::Found<Store::AuditTarget> owner = ownerAuditTarget(services.db, target->key);
        if (!owner)
            return owner.error();
        if (*owner)
            events.first().targets.append(**owner);
        const Core::Status deleted = permanent ? deletePermanently(services.db, keyId)
                                               : Store::KeyStore(services.db).softDelete(keyId, context.nowMs);
        if (!deleted)
            return deleted.error();
        if (Core::Status audited = appendAudit(services.db, context, events); !audited)
            return audited.error();
        return ApiReply {QJsonObject {}, std::nullopt};
    });
}

Decode decodeDeleteKey(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        const QString keyId = in.string(u"keyId"_s, keyIdRule()).value;
        const bool permanent = in.boolean(u"permanent"_s).valueOr(false);
        if (!in.finish())
            return in.error();
        return Execute([&services, keyId, permanent](
                           ApiContext &context) { return deleteKey(services, context, keyId, permanent); });
    };
}

// ---- keys.rerollKey ---------------------------------------------------------------------------

/// When the original key stops verifying: now + expiration, rounded up to the next whole minute
/// (Unkey §5.5); expiration 0 revokes at once.
qint64 revocationTime(qint64 nowMs, qint64 expirationMs)
{
    // A key is expired strictly after `expires`; one millisecond in the past makes the revocation
    // visible to the very next verification, even within the same millisecond (DESIGN.md).
    if (expirationMs == 0)
        return nowMs - 1;
    const qint64 at = nowMs + expirationMs;
    return at % kMinuteMs == 0 ? at : (at / kMinuteMs + 1) * kMinuteMs;
}

/// The old key's prefix is everything before the last `_` of its start (the base58 body has none),
/// else the API's default. Unkey's API server cuts at the first `_`, which turns `sk_live` into `sk`;
/// its dashboard, like us, cuts at the last (docs/unkey-compatibility.md).
QString rerollPrefix(const Store::KeyRecord &key, const Store::ApiRecord &api)
{
    const qsizetype lastUnderscore = key.start.lastIndexOf(u'_');
    return lastUnderscore > 0 ? key.start.left(lastUnderscore) : api.defaultPrefix;
}

/// Copies the key-level rate limits (new ids) and the role and permission bindings.
Core::Status copyRelations(Store::Database &db, const Store::KeyRecord &from, const QString &toKeyId, qint64 nowMs)
{
    Store::RatelimitConfigStore limits(db);
    Core::Result<QList<Core::RatelimitConfig>> listed = limits.list(Core::RatelimitOwner::Key, from.id);
    if (!listed)
        return listed.error();
    QList<Core::RatelimitConfig> configs = std::move(*listed);
    for (Core::RatelimitConfig &config : configs)
        config.id.clear();
    if (!configs.isEmpty()) {
        const auto copied = limits.replace(Core::RatelimitOwner::Key, from.workspaceId, toKeyId, configs, nowMs);
        if (!copied)
            return copied.error();
    }
    Store::RbacStore rbac(db);
    const Core::Result<QList<Core::Permission>> permissions = rbac.keyPermissions(from.id);
    if (!permissions)
        return permissions.error();
    if (Core::Status copied = rbac.addKeyPermissions(from.workspaceId, toKeyId, *permissions, nowMs); !copied)
        return copied;
    const Core::Result<QList<Core::Role>> roles = rbac.keyRoles(from.id);
    if (!roles)
        return roles.error();
    return rbac.addKeyRoles(from.workspaceId, toKeyId, *roles, nowMs);
}

/// Inserts the successor of @p target.key (everything copied, fresh secret), encrypted when the
/// original was recoverable. Returns the new key's id.
Core::Result<QString> insertSuccessor(const Services &services, const ApiContext &context, const KeyTarget &target,
    const Core::GeneratedKey &generated, bool recoverable)
{
    Store::KeyRecord successor = target.key;
    successor.id = Core::newId(u"key");
    successor.start = generated.start;
    successor.createdAtMs = context.nowMs;
    successor.updatedAtMs.reset();
    successor.lastUsedAtMs.reset();
    successor.pendingMigrationId.clear();
    Store::KeyStore keys(services.db);
    if (Core::Status inserted = keys.insert(successor, generated.hash); !inserted)
        return inserted.error();
    if (recoverable) {
        const QByteArray encrypted = services.encryption->encrypt(generated.plaintext.toUtf8());
        if (Core::Status stored = keys.storeEncrypted(successor.workspaceId, successor.id, encrypted, context.nowMs);
            !stored)
            return stored.error();
    }
    if (Core::Status copied = copyRelations(services.db, target.key, successor.id, context.nowMs); !copied)
        return copied.error();
    return successor.id;
}

/// create_key; for a recoverable original also encrypt_key and a working key encryption.
Core::Status checkRerollAllowed(
    const Services &services, const Principal &principal, const Store::ApiRecord &api, bool recoverable)
{
    if (Core::Status allowed = requireAny(principal, apiPermission(api.id, u"create_key"_s)); !allowed)
        return allowed;
    if (!recoverable)
        return {};
    if (Core::Status allowed = requireAny(principal, apiPermission(api.id, u"encrypt_key"_s)); !allowed)
        return allowed;
    return checkEncryptionAvailable(services, api);
}

Core::Result<ApiReply> rerollKey(Services &services, const ApiContext &context, const QString &keyId, qint64 expiration)
{
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, keyId);
        if (!target)
            return target.error();
        Store::KeyStore keys(services.db);
        const Store::Found<QByteArray> encrypted = keys.encrypted(keyId);
        if (!encrypted)
            return encrypted.error();
        const bool recoverable = encrypted->has_value();
        if (Core::Status allowed = checkRerollAllowed(services, context.principal, target->api, recoverable); !allowed)
            return allowed.error();
        const int byteLength = target->api.defaultBytes > 0 ? target->api.defaultBytes : kDefaultByteLength;
        const Core::GeneratedKey generated = Core::generateKey(rerollPrefix(target->key, target->api), byteLength);
        const Core::Result<QString> newKeyId = insertSuccessor(services, context, *target, generated, recoverable);
        if (!newKeyId)
            return newKeyId.error();
        Store::KeyRecord original = target->key;
        original.expiresMs = revocationTime(context.nowMs, expiration);
        original.updatedAtMs = context.nowMs;
        if (Core::Status updated = keys.update(original); !updated)
            return updated.error();
        const AuditEvent event {original.workspaceId, u"key.reroll"_s,
            u"Rerolled key (%1) to (%2)"_s.arg(original.id, *newKeyId),
            {keyAuditTarget(*newKeyId, original.name), keyAuditTarget(original.id, original.name),
                apiAuditTarget(target->api)}};
        if (Core::Status audited = appendAudit(services.db, context, {event}); !audited)
            return audited.error();
        return ApiReply {QJsonObject {{u"keyId"_s, *newKeyId}, {u"key"_s, generated.plaintext}}, std::nullopt};
    });
}

Decode decodeRerollKey(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        const QString keyId = in.string(u"keyId"_s, keyIdRule()).value;
        const qint64 expiration
            = in.integer(u"expiration"_s, {.required = true, .minimum = 0, .maximum = kMaxExpiration}).value;
        // V2KeysRerollKeyRequestBody does not forbid additional properties (reference §1.1).
        in.allowUnknownFields();
        if (!in.finish())
            return in.error();
        return Execute([&services, keyId, expiration](
                           ApiContext &context) { return rerollKey(services, context, keyId, expiration); });
    };
}

} // namespace

void registerKeyLifecycleRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/keys.deleteKey"),
        .permissions = u"api.*.delete_key | api.<apiId>.delete_key"_s,
        .decode = decodeDeleteKey(services),
    });
    router.add({
        .path = QByteArrayLiteral("/v2/keys.rerollKey"),
        .permissions = u"api.*.create_key | api.<apiId>.create_key; recoverable original: + encrypt_key"_s,
        .decode = decodeRerollKey(services),
    });
}

} // namespace Latchkey::Api
