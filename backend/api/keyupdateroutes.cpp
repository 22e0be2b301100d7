#include "api/domainjson.h"
#include "api/keyaccess.h"
#include "api/keybindings.h"
#include "api/keyjson.h"
#include "api/keyrequests.h"
#include "api/keyroutes.h"
#include "api/router.h"
#include "store/auditchanges.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "store/ratelimitconfigstore.h"
#include "store/rbacstore.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Store::AuditEvent;

constexpr qint64 kMaxExpires = 4'102'444'800'000;

// ---- keys.updateKey ---------------------------------------------------------------------------

/// Three-state fields: absent = keep, null = clear (where the schema allows null).
struct UpdateKeyRequest {
    QString keyId;
    Field<QString> name;
    Field<QString> externalId;
    Field<QJsonObject> meta;
    Field<qint64> expires;
    std::optional<CreditsChange> credits;
    std::optional<QList<Core::RatelimitConfig>> ratelimits; ///< replace-by-name when present
    Field<bool> enabled;
    Field<QStringList> roles; ///< replace all when present
    Field<QStringList> permissions; ///< replace all when present
};

/// Applies the scalar fields of @p request to @p key (identity upserted when an externalId is set).
Core::Status applyFields(
    Store::Database &db, const ApiContext &context, const UpdateKeyRequest &request, Store::KeyRecord &key)
{
    if (!request.name.absent())
        key.name = request.name.hasValue() ? std::optional<QString>(request.name.value) : std::nullopt;
    if (request.externalId.isNull())
        key.identityId.clear();
    if (request.externalId.hasValue()) {
        const Core::Result<QString> identityId = Store::IdentityStore(db).upsert(
            key.workspaceId, request.externalId.value, context.nowMs, context.auditOrigin());
        if (!identityId)
            return identityId.error();
        key.identityId = *identityId;
    }
    if (!request.meta.absent())
        key.meta = request.meta.hasValue() ? std::optional<QJsonObject>(request.meta.value) : std::nullopt;
    if (!request.expires.absent())
        key.expiresMs = request.expires.hasValue() ? std::optional<qint64>(request.expires.value) : std::nullopt;
    if (request.enabled.hasValue())
        key.enabled = request.enabled.value;
    if (request.credits) {
        if (Core::Status changed = applyCreditsChange(key.credits, *request.credits, context.nowMs); !changed)
            return changed;
    }
    key.updatedAtMs = context.nowMs;
    return {};
}

/// Replaces rate limits, direct permissions and roles when the request carries them, and adds
/// what that changed to @p changes. updateKey audits auto-created permissions but, like Unkey, no
/// ratelimit.* and no per-binding connect/disconnect events: its one `key.update` row names them.
Core::Status applyRelations(Store::Database &db, const ApiContext &context, const UpdateKeyRequest &request,
    const Store::KeyRecord &key, QList<AuditEvent> &events, Store::AuditChanges &changes)
{
    if (request.ratelimits) {
        Store::RatelimitConfigStore store(db);
        const Core::Result<QList<Core::RatelimitConfig>> before = store.list(Core::RatelimitOwner::Key, key.id);
        if (!before)
            return before.error();
        const auto limits
            = store.replace(Core::RatelimitOwner::Key, key.workspaceId, key.id, *request.ratelimits, context.nowMs);
        if (!limits)
            return limits.error();
        changes.ratelimits(*before, *limits);
    }
    Store::RbacStore rbac(db);
    KeyBindings bindings(rbac, key, context.nowMs, nullptr);
    if (request.permissions.hasValue()) {
        const auto permissions
            = rbac.ensurePermissions(key.workspaceId, request.permissions.value, context.nowMs, &events);
        if (!permissions)
            return permissions.error();
        if (Core::Status bound = bindings.setPermissions(*permissions); !bound)
            return bound;
        if (bindings.changedCount() > 0)
            changes.named(u"permissions"_s);
    }
    if (request.roles.hasValue()) {
        const auto roles = rbac.findRolesByName(key.workspaceId, request.roles.value);
        if (!roles)
            return roles.error();
        const int before = bindings.changedCount();
        if (Core::Status bound = bindings.setRoles(*roles); !bound)
            return bound;
        if (bindings.changedCount() > before)
            changes.named(u"roles"_s);
    }
    return {};
}

/// The external ids of @p before's and @p after's owners, looked up only when the owner changed.
Core::Result<Store::AuditChanges::Owners> ownersOf(
    Store::Database &db, const Store::KeyRecord &before, const Store::KeyRecord &after)
{
    if (before.identityId == after.identityId)
        return Store::AuditChanges::Owners {};
    Store::IdentityStore identities(db);
    const Core::Result<QString> was = identities.externalIdOf(before.workspaceId, before.identityId);
    if (!was)
        return was.error();
    const Core::Result<QString> is = identities.externalIdOf(after.workspaceId, after.identityId);
    if (!is)
        return is.error();
    return Store::AuditChanges::Owners {*was, *is};
}

/// The audit description of keys.updateKey, Unkey's style: "Updated key key_x: name, enabled". It
/// names the fields the request set (given or null), in the schema's order, never their values
/// (Unkey's words; the row's `changes` say what they became).
QString updateDescription(const QString &keyId, const UpdateKeyRequest &request)
{
    QStringList fields;
    const auto add = [&fields](bool given, const QString &field) {
        if (given)
            fields.append(field);
    };
    add(!request.name.absent(), u"name"_s);
    add(!request.externalId.absent(), u"externalId"_s);
    add(!request.meta.absent(), u"meta"_s);
    add(!request.expires.absent(), u"expires"_s);
    add(request.credits.has_value(), u"credits"_s);
    add(request.ratelimits.has_value(), u"ratelimits"_s);
    add(!request.enabled.absent(), u"enabled"_s);
    add(!request.roles.absent(), u"roles"_s);
    add(!request.permissions.absent(), u"permissions"_s);
    const QString base = u"Updated key "_s + keyId;
    return fields.isEmpty() ? base : base + u": "_s + fields.join(u", "_s);
}

Core::Result<ApiReply> updateKey(Services &services, const ApiContext &context, const UpdateKeyRequest &request)
{
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, request.keyId);
        if (!target)
            return target.error();
        if (Core::Status allowed = requireAny(context.principal, apiPermission(target->api.id, u"update_key"_s));
            !allowed)
            return allowed.error();
        Store::KeyRecord key = target->key;
        if (Core::Status applied = applyFields(services.db, context, request, key); !applied)
            return applied.error();
        if (Core::Status updated = Store::KeyStore(services.db).update(key); !updated)
            return updated.error();
        QList<AuditEvent> events {keyAuditEvent({key, target->api}, u"key.update"_s, updateDescription(key.id, request))};
        const Core::Result<Store::AuditChanges::Owners> owners = ownersOf(services.db, target->key, key);
        if (!owners)
            return owners.error();
        Store::AuditChanges changes;
        changes.key(target->key, key, *owners);
        if (Core::Status related = applyRelations(services.db, context, request, key, events, changes); !related)
            return related.error();
        events.first().changes = changes.json();
        if (Core::Status audited = appendAudit(services.db, context, events); !audited)
            return audited.error();
        return ApiReply {QJsonObject {}, std::nullopt};
    });
}

Decode decodeUpdateKey(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        UpdateKeyRequest request;
        request.keyId = in.string(u"keyId"_s, keyIdRule()).value;
        request.name = in.string(u"name"_s, {.nullable = true, .minLength = 1, .maxLength = 255});
        request.externalId = in.string(u"externalId"_s,
            {.nullable = true, .minLength = 1, .maxLength = 255, .pattern = &RequestReader::externalIdPattern()});
        request.meta = in.object(u"meta"_s, {.nullable = true, .maxProperties = 100});
        request.expires = in.integer(u"expires"_s, {.nullable = true, .minimum = 0, .maximum = kMaxExpires});
        request.credits = readCreditsChange(in);
        request.ratelimits = readRatelimitRequests(in, u"ratelimits"_s);
        request.enabled = in.boolean(u"enabled"_s);
        request.roles = in.stringArray(u"roles"_s, {.maxItems = 100}, {.minLength = 1, .maxLength = 128});
        request.permissions = in.stringArray(u"permissions"_s, {.maxItems = 1000},
            {.minLength = 1, .maxLength = 128, .pattern = &RequestReader::slugPattern()});
        if (!in.finish())
            return in.error();
        return Execute([&services, request](ApiContext &context) { return updateKey(services, context, request); });
    };
}

// ---- keys.updateCredits -----------------------------------------------------------------------

enum class CreditOperation { Set, Increment, Decrement };

struct UpdateCreditsRequest {
    QString keyId;
    Field<qint64> value;
    CreditOperation operation = CreditOperation::Set;
};

Core::Status applyOperation(Core::CreditState &credits, const UpdateCreditsRequest &request)
{
    if (request.operation == CreditOperation::Set) {
        credits.remaining = request.value.hasValue() ? std::optional<qint64>(request.value.value) : std::nullopt;
        if (!credits.remaining)
            credits.refill.reset(); // unlimited keys have nothing to refill
        return {};
    }
    if (!credits.remaining) {
        const QString detail = u"The key has unlimited credits; use operation 'set' to give it a limit first."_s;
        Core::Error error = Core::makeError(Core::ErrorCode::InvalidInput, detail);
        error.fieldErrors.append({u"body.operation"_s, detail, {}});
        return error;
    }
    const qint64 current = *credits.remaining;
    if (request.operation == CreditOperation::Increment) {
        constexpr qint64 max = std::numeric_limits<qint64>::max();
        credits.remaining = request.value.value > max - current ? max : current + request.value.value;
    } else {
        credits.remaining = std::max<qint64>(0, current - request.value.value); // Unkey floors at 0
    }
    return {};
}

Core::Result<ApiReply> updateCredits(Services &services, const ApiContext &context, const UpdateCreditsRequest &request)
{
    // Inside the write lock, so spends of concurrent verifications cannot interleave with the
    // read-modify-write below.
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, request.keyId);
        if (!target)
            return target.error();
        if (Core::Status allowed = requireAny(context.principal, apiPermission(target->api.id, u"update_key"_s));
            !allowed)
            return allowed.error();
        Store::KeyRecord key = target->key;
        Core::applyDueRefill(key.credits, context.nowMs);
        if (Core::Status applied = applyOperation(key.credits, request); !applied)
            return applied.error();
        key.updatedAtMs = context.nowMs;
        if (Core::Status updated = Store::KeyStore(services.db).update(key); !updated)
            return updated.error();
        Store::AuditChanges changes;
        changes.credits(target->key.credits, key.credits);
        // Unkey's targets (key space, key), and the API, which is what the log's readers know.
        const AuditEvent event {key.workspaceId, u"key.update"_s,
            u"Updated Key %1, set remaining to %2."_s.arg(key.id, describeRemaining(key.credits.remaining)),
            {Store::AuditTarget {u"keySpace"_s, key.keyspaceId, {}}, keyAuditTarget(key.id, key.name),
                apiAuditTarget(target->api)},
            changes.json()};
        if (Core::Status audited = appendAudit(services.db, context, {event}); !audited)
            return audited.error();
        return ApiReply {keyCreditsData(key.credits), std::nullopt};
    });
}

Decode decodeUpdateCredits(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        UpdateCreditsRequest request;
        request.keyId = in.string(u"keyId"_s, {.required = true, .minLength = 3}).value;
        request.value = in.integer(u"value"_s, {.nullable = true, .minimum = 0});
        const Field<QString> operation = in.string(u"operation"_s, {.required = true});
        if (operation.value == u"increment"_s) {
            request.operation = CreditOperation::Increment;
        } else if (operation.value == u"decrement"_s) {
            request.operation = CreditOperation::Decrement;
        } else if (operation.hasValue() && operation.value != u"set"_s) {
            in.addError(u"operation"_s, u"must be one of: set, increment, decrement"_s);
        }
        // An invalid value already has its own error; only a missing or null one is reported here.
        const bool valueGiven = in.json().contains(u"value"_s) && !request.value.isNull();
        if (request.operation != CreditOperation::Set && !valueGiven) {
            in.addError(u"value"_s, u"is required when operation is '%1'"_s.arg(operation.value),
                u"Provide a number of credits."_s);
        }
        if (!in.finish())
            return in.error();
        return Execute([&services, request](ApiContext &context) { return updateCredits(services, context, request); });
    };
}

} // namespace

void registerKeyUpdateRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/keys.updateKey"),
        .permissions = u"api.*.update_key | api.<apiId>.update_key"_s,
        .decode = decodeUpdateKey(services),
    });
    router.add({
        .path = QByteArrayLiteral("/v2/keys.updateCredits"),
        .permissions = u"api.*.update_key | api.<apiId>.update_key"_s,
        .decode = decodeUpdateCredits(services),
    });
}

} // namespace Latchkey::Api
