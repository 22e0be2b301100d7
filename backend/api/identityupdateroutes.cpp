#include "api/domainjson.h"
#include "api/identityhandlers.h"
#include "store/auditchanges.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "store/ratelimitconfigstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api::IdentityHandlers {

namespace {

struct UpdateRequest {
    QString identity;
    Field<QJsonObject> meta;
    std::optional<QList<Core::RatelimitConfig>> ratelimits; ///< nullopt: keep
};

// meta replaces the whole object; ratelimits replace by name (ids of kept names survive).
Core::Status applyUpdate(Services &services, const ApiContext &context, const UpdateRequest &request,
                         QList<Store::AuditEvent> &events)
{
    const QString &workspaceId = context.principal.workspaceId;
    Store::FoundIdentity found = Store::IdentityStore(services.db).find(workspaceId, request.identity);
    if (!found)
        return found.error();
    std::optional<Core::Identity> &identity = *found;
    if (!identity)
        return Core::makeError(Core::ErrorCode::IdentityNotFound, u"Identity not found in this workspace"_s);
    // The identity.update row says what changed, as a key.update row does (the dashboard showed
    // owner rows without a word of it).
    Store::AuditChanges changes;
    if (request.meta.hasValue() && request.meta.value != identity->meta)
        changes.named(u"meta"_s);
    if (request.meta.hasValue())
        identity->meta = request.meta.value;
    const qsizetype updateRow = events.size();
    if (Core::Status updated = Store::IdentityStore(services.db).update(workspaceId, *identity, context.nowMs, &events);
        !updated)
        return updated;
    if (request.ratelimits) {
        auto replaced = Store::RatelimitConfigStore(services.db)
                            .replace(Core::RatelimitOwner::Identity, workspaceId, identity->id, *request.ratelimits,
                                     context.nowMs, &events);
        if (!replaced)
            return replaced.error();
        changes.ratelimits(identity->ratelimits, *replaced);
    }
    events[updateRow].changes = changes.json();
    return {};
}

} // namespace

Core::Result<Execute> decodeUpdate(Services &services, RequestReader &in)
{
    UpdateRequest request;
    request.identity = in.string(u"identity"_s, {.required = true, .minLength = 1}).value;
    request.meta = readMeta(in);
    request.ratelimits = readRatelimitRequests(in, u"ratelimits"_s);
    if (!in.finish())
        return in.error();
    return Execute([&services, request](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"identity.*.update_identity"_s}); !allowed)
            return allowed.error();
        const Core::Status written = writeWithAudit(services, context, [&](QList<Store::AuditEvent> &events) {
            return applyUpdate(services, context, request, events);
        });
        if (!written)
            return written.error();
        const auto identity = Store::IdentityStore(services.db).find(context.principal.workspaceId, request.identity);
        if (!identity)
            return identity.error();
        if (!*identity)
            return identityNotFound();
        return ApiReply {toJson(**identity), std::nullopt};
    });
}

Core::Result<Execute> decodeDelete(Services &services, RequestReader &in)
{
    const QString wanted = in.string(u"identity"_s, {.required = true, .minLength = 1}).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, wanted](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"identity.*.delete_identity"_s}); !allowed)
            return allowed.error();
        const Core::Status written = writeWithAudit(services, context, [&](QList<Store::AuditEvent> &events) {
            Store::IdentityStore store(services.db);
            // A second delete finds nothing live and answers 404, as Unkey does.
            const auto identity = store.find(context.principal.workspaceId, wanted);
            if (!identity)
                return Core::Status(identity.error());
            if (!*identity)
                return Core::Status(identityNotFound());
            return store.softDelete(context.principal.workspaceId, **identity, context.nowMs, &events);
        });
        if (!written)
            return written.error();
        return ApiReply{}; // deleteIdentity answers {meta} only
    });
}

} // namespace Latchkey::Api::IdentityHandlers
