#include "api/keyaccess.h"
#include "api/keybindings.h"
#include "api/keyrequests.h"
#include "api/keyroutes.h"
#include "api/router.h"
#include "core/keyencryption.h"
#include "core/keyfactory.h"
#include "core/random.h"
#include "store/auditchanges.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "store/ratelimitconfigstore.h"
#include "store/rbacstore.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Store::AuditEvent;

constexpr int kDefaultByteLength = 16;

struct CreateKeyRequest {
    QString apiId;
    QString prefix;
    std::optional<qint64> byteLength;
    bool recoverable = false;
    NewKeyFields fields;
};

struct MigratedKey {
    QString hash;
    NewKeyFields fields;
};

struct MigrateKeysRequest {
    QString migrationId;
    QString apiId;
    QList<MigratedKey> keys;
};

/// The row of a new key (everything but its identity link, which needs an upsert).
Store::KeyRecord newKeyRecord(const Store::ApiRecord &api, const NewKeyFields &fields, const QString &start,
    const QString &migrationId, qint64 nowMs)
{
    Store::KeyRecord key;
    key.id = Core::newId(u"key");
    key.workspaceId = api.workspaceId;
    key.keyspaceId = api.keyspaceId;
    key.start = start;
    key.name = fields.name;
    key.meta = fields.meta;
    key.expiresMs = fields.expiresMs;
    key.enabled = fields.enabled;
    key.credits = fields.credits;
    key.credits.lastRefillAtMs = key.credits.refill ? nowMs : 0; // first refill: the next boundary
    key.createdAtMs = nowMs;
    key.pendingMigrationId = migrationId;
    return key;
}

/// Rate limits, direct permissions and roles of a freshly inserted key, with the bindings' audit
/// events. The limits have no rows of their own (Unkey's createKey writes none, reference §9): the
/// key's `key.create` row names them.
Core::Status attachRelations(Store::Database &db, const Store::KeyRecord &key, const NewKeyFields &fields,
    const QList<Core::Permission> &permissions, const QList<Core::Role> &roles, qint64 nowMs, QList<AuditEvent> &events)
{
    if (!fields.ratelimits.isEmpty()) {
        const auto limits = Store::RatelimitConfigStore(db).replace(
            Core::RatelimitOwner::Key, key.workspaceId, key.id, fields.ratelimits, nowMs);
        if (!limits)
            return limits.error();
    }
    Store::RbacStore rbac(db);
    KeyBindings bindings(rbac, key, nowMs, &events);
    if (Core::Status bound = bindings.addPermissions(permissions); !bound)
        return bound;
    return bindings.addRoles(roles);
}

/// Inserts a new key with everything createKey / migrateKeys attach to it: identity link (upserted),
/// rate limits, direct permissions (created when missing) and roles (which must exist). Appends
/// `key.create` (its `changes`: what the key was issued with) and one connect event per binding to @p events.
/// Returns the new key's id.
Core::Result<QString> insertNewKey(Store::Database &db, const ApiContext &context, const Store::ApiRecord &api,
    const NewKeyFields &fields, const QString &start, const QByteArray &hash, const QString &migrationId,
    QList<AuditEvent> &events)
{
    Store::KeyRecord key = newKeyRecord(api, fields, start, migrationId, context.nowMs);
    if (!fields.externalId.isEmpty()) {
        const Core::Result<QString> identityId
            = Store::IdentityStore(db).upsert(api.workspaceId, fields.externalId, context.nowMs, context.auditOrigin());
        if (!identityId)
            return identityId.error();
        key.identityId = *identityId;
    }
    Store::RbacStore rbac(db);
    const Core::Result<QList<Core::Role>> roles = rbac.findRolesByName(api.workspaceId, fields.roles);
    if (!roles)
        return roles.error();
    const Core::Result<QList<Core::Permission>> permissions
        = rbac.ensurePermissions(api.workspaceId, fields.permissions, context.nowMs, &events);
    if (!permissions)
        return permissions.error();
    if (Core::Status inserted = Store::KeyStore(db).insert(key, hash); !inserted)
        return inserted.error();
    AuditEvent created = keyAuditEvent({key, api}, u"key.create"_s, u"Created key "_s + key.id);
    // Its owner, as key.delete's row names it (walkthrough 22/X15: "Key issued" did not say whose).
    if (!key.identityId.isEmpty())
        created.targets.append(Store::AuditTarget {u"identity"_s, key.identityId, fields.externalId});
    Store::AuditChanges issued;
    issued.created(key);
    issued.ratelimits({}, fields.ratelimits);
    created.changes = issued.json();
    events.append(created);
    if (Core::Status attached = attachRelations(db, key, fields, *permissions, *roles, context.nowMs, events);
        !attached)
        return attached.error();
    return key.id;
}

// ---- keys.createKey ---------------------------------------------------------------------------

/// Generates and stores the key in @p api (inside the write transaction of createKey).
Core::Result<ApiReply> createKeyIn(
    Services &services, const ApiContext &context, const Store::ApiRecord &api, const CreateKeyRequest &request)
{
    const QString prefix = request.prefix.isEmpty() ? api.defaultPrefix : request.prefix;
    const int byteLength
        = int(request.byteLength.value_or(api.defaultBytes > 0 ? api.defaultBytes : kDefaultByteLength));
    const Core::GeneratedKey generated = Core::generateKey(prefix, byteLength);
    QList<AuditEvent> events;
    const Core::Result<QString> keyId
        = insertNewKey(services.db, context, api, request.fields, generated.start, generated.hash, {}, events);
    if (!keyId)
        return keyId.error();
    if (request.recoverable) {
        const QByteArray encrypted = services.encryption->encrypt(generated.plaintext.toUtf8());
        Core::Status stored
            = Store::KeyStore(services.db).storeEncrypted(api.workspaceId, *keyId, encrypted, context.nowMs);
        if (!stored)
            return stored.error();
    }
    if (Core::Status audited = appendAudit(services.db, context, events); !audited)
        return audited.error();
    return ApiReply {QJsonObject {{u"keyId"_s, *keyId}, {u"key"_s, generated.plaintext}}, std::nullopt};
}

Core::Result<ApiReply> createKey(Services &services, const ApiContext &context, const CreateKeyRequest &request)
{
    // Unkey masks missing permissions as "not found", so a caller cannot probe for API ids.
    if (!context.principal.hasAny(apiPermission(request.apiId, u"create_key"_s)))
        return apiNotFound();
    if (request.recoverable && !context.principal.hasAny(apiPermission(request.apiId, u"encrypt_key"_s)))
        return apiNotFound();
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Store::Found<Store::ApiRecord> api
            = Store::ApiStore(services.db).find(context.principal.workspaceId, request.apiId);
        if (!api)
            return api.error();
        if (!*api)
            return apiNotFound();
        if (request.recoverable) {
            if (Core::Status available = checkEncryptionAvailable(services, **api); !available)
                return available.error();
        }
        return createKeyIn(services, context, **api, request);
    });
}

Decode decodeCreateKey(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        CreateKeyRequest request;
        request.apiId
            = in.string(u"apiId"_s,
                    {.required = true, .minLength = 3, .maxLength = 255, .pattern = &RequestReader::idPattern()})
                  .value;
        request.prefix
            = in.string(u"prefix"_s, {.minLength = 1, .maxLength = 16, .pattern = &RequestReader::idPattern()}).value;
        const Field<qint64> byteLength = in.integer(u"byteLength"_s, {.minimum = 16, .maximum = 255});
        if (byteLength.hasValue())
            request.byteLength = byteLength.value;
        request.recoverable = in.boolean(u"recoverable"_s).valueOr(false);
        request.fields = readNewKeyFields(in, true);
        if (!in.finish())
            return in.error();
        return Execute([&services, request](ApiContext &context) { return createKey(services, context, request); });
    };
}

// ---- keys.migrateKeys -------------------------------------------------------------------------

/// Imports each entry whose hash is new; hashes already stored (or repeated in the request) are
/// reported in `failed` instead of failing the whole request.
Core::Result<QJsonObject> importKeys(Store::Database &db, const ApiContext &context, const Store::ApiRecord &api,
    const MigrateKeysRequest &request, QList<AuditEvent> &events)
{
    Store::KeyStore keys(db);
    QJsonArray migrated;
    QJsonArray failed;
    QSet<QString> seen;
    for (const MigratedKey &entry : request.keys) {
        const QByteArray hash = entry.hash.toUtf8();
        const Core::Result<bool> stored = seen.contains(entry.hash) ? Core::Result<bool>(true) : keys.hashExists(hash);
        if (!stored)
            return stored.error();
        if (*stored) {
            failed.append(entry.hash);
            continue;
        }
        seen.insert(entry.hash);
        const Core::Result<QString> keyId
            = insertNewKey(db, context, api, entry.fields, QString(), hash, request.migrationId, events);
        if (!keyId)
            return keyId.error();
        migrated.append(QJsonObject {{u"hash"_s, entry.hash}, {u"keyId"_s, *keyId}});
    }
    return QJsonObject {{u"migrated"_s, migrated}, {u"failed"_s, failed}};
}

Core::Result<ApiReply> migrateKeys(Services &services, const ApiContext &context, const MigrateKeysRequest &request)
{
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const QString &workspaceId = context.principal.workspaceId;
        const Store::Found<Store::ApiRecord> api = Store::ApiStore(services.db).find(workspaceId, request.apiId);
        if (!api)
            return api.error();
        if (!*api)
            return apiNotFound();
        if (Core::Status allowed = requireAny(context.principal, apiPermission((*api)->id, u"create_key"_s)); !allowed)
            return allowed.error();
        // Unkey needs the migration registered for the workspace (its support staff set it up).
        const Core::Result<bool> registered
            = Store::KeyStore(services.db).migrationExists(workspaceId, request.migrationId);
        if (!registered)
            return registered.error();
        if (!*registered) {
            return Core::makeError(
                Core::ErrorCode::MigrationNotFound, u"Migration '%1' was not found."_s.arg(request.migrationId));
        }
        QList<AuditEvent> events;
        const Core::Result<QJsonObject> data = importKeys(services.db, context, **api, request, events);
        if (!data)
            return data.error();
        if (Core::Status audited = appendAudit(services.db, context, events); !audited)
            return audited.error();
        return ApiReply {*data, std::nullopt};
    });
}

Decode decodeMigrateKeys(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        MigrateKeysRequest request;
        request.migrationId = in.string(u"migrationId"_s, {.required = true, .minLength = 3, .maxLength = 255}).value;
        request.apiId = in.string(u"apiId"_s, {.required = true, .minLength = 3, .maxLength = 255}).value;
        if (std::optional<QList<RequestReader>> items = in.objectArray(u"keys"_s, {.required = true, .minItems = 1})) {
            for (RequestReader &item : *items) {
                MigratedKey entry;
                entry.hash = item.string(u"hash"_s, {.required = true, .minLength = 3}).value;
                entry.fields = readNewKeyFields(item, false);
                (void)item.finish();
                request.keys.append(std::move(entry));
            }
        }
        if (!in.finish())
            return in.error();
        return Execute([&services, request](ApiContext &context) { return migrateKeys(services, context, request); });
    };
}

} // namespace

void registerKeyCreateRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/keys.createKey"),
        .permissions = u"api.*.create_key | api.<apiId>.create_key (else 404); recoverable: + encrypt_key"_s,
        .decode = decodeCreateKey(services),
    });
    router.add({
        .path = QByteArrayLiteral("/v2/keys.migrateKeys"),
        .permissions = u"api.*.create_key | api.<apiId>.create_key"_s,
        .decode = decodeMigrateKeys(services),
    });
}

} // namespace Latchkey::Api
