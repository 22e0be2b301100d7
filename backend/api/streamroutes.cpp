// POST /v2/analytics.stream: the live feed of verifications and rate-limit checks as
// server-sent events.

#include "analytics/livefeed.h"
#include "api/router.h"
#include "api/routes.h"
#include "http/responsestream.h"
#include "store/apistore.h"
#include "store/identitystore.h"
#include "store/ratelimitstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Analytics::LiveScope;

const QString kAllApis = u"api.*.read_analytics"_s;
const QString kAllNamespaces = u"ratelimit.*.read_analytics"_s;

std::optional<LiveScope::Kind> kindOf(const QString &scope)
{
    if (scope == u"workspace")
        return LiveScope::Kind::Workspace;
    if (scope == u"api")
        return LiveScope::Kind::Api;
    if (scope == u"key")
        return LiveScope::Kind::Key;
    if (scope == u"identity")
        return LiveScope::Kind::Identity;
    if (scope == u"namespace")
        return LiveScope::Kind::Namespace;
    return std::nullopt;
}

/// A rate-limit namespace scope: `ratelimit.*.read_analytics` or
/// `ratelimit.<namespaceId>.read_analytics`; the id may be the namespace's id or its name.
Core::Status authorizeNamespace(Services &services, const Principal &principal, LiveScope &scope)
{
    const Store::Found<Store::RatelimitNamespace> found
        = Store::RatelimitStore(services.db).findNamespace(principal.workspaceId, scope.id);
    if (!found)
        return found.error();
    const std::optional<Store::RatelimitNamespace> &ns = *found;
    if (Core::Status allowed = requireAny(principal, wildcardOr(u"ratelimit"_s, ns ? ns->id : scope.id,
                                                                u"read_analytics"_s));
        !allowed)
        return allowed;
    if (!ns || ns->deleted)
        return Core::makeError(Core::ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
    scope.id = ns->id;
    return {};
}

/// The whole workspace: verifications with `api.*.read_analytics`, rate limits with
/// `ratelimit.*.read_analytics`; at least one of them.
Core::Status authorizeWorkspace(const Principal &principal, LiveScope &scope)
{
    scope.verifications = principal.has(kAllApis);
    scope.ratelimits = principal.has(kAllNamespaces);
    if (scope.verifications || scope.ratelimits)
        return {};
    return requireAny(principal, {kAllApis, kAllNamespaces});
}

/// An identity by its id or its externalId (the stream always watches the id).
Core::Status resolveIdentity(Services &services, const Principal &principal, LiveScope &scope)
{
    const Store::FoundIdentity identity = Store::IdentityStore(services.db).find(principal.workspaceId, scope.id);
    if (!identity)
        return identity.error();
    if (!*identity)
        return Core::makeError(Core::ErrorCode::IdentityNotFound, u"This identity does not exist."_s);
    scope.id = (*identity)->id;
    return {};
}

/// The live API @p apiId of the caller's workspace: ApiNotFound when there is none.
Core::Status requireApi(Services &services, const Principal &principal, const QString &apiId)
{
    const Store::Found<Store::ApiRecord> api = Store::ApiStore(services.db).find(principal.workspaceId, apiId);
    if (!api)
        return api.error();
    if (!*api)
        return Core::makeError(Core::ErrorCode::ApiNotFound, u"The requested API does not exist or has been deleted."_s);
    return {};
}

/// Who may watch what: identities (which span APIs) need `api.*.read_analytics`; an API or a key
/// also accept `api.<apiId>.read_analytics` (a key then shows only events of the granted APIs).
Core::Status authorize(Services &services, const Principal &principal, LiveScope &scope)
{
    switch (scope.kind) {
    case LiveScope::Kind::Workspace:
        return authorizeWorkspace(principal, scope);
    case LiveScope::Kind::Namespace:
        return authorizeNamespace(services, principal, scope);
    case LiveScope::Kind::Api:
        if (Core::Status allowed = requireAny(principal, wildcardOr(u"api"_s, scope.id, u"read_analytics"_s)); !allowed)
            return allowed;
        return requireApi(services, principal, scope.id);
    case LiveScope::Kind::Identity:
        if (Core::Status allowed = requireAny(principal, {kAllApis}); !allowed)
            return allowed;
        return resolveIdentity(services, principal, scope);
    case LiveScope::Kind::Key:
        break;
    }
    const std::optional<QStringList> apiIds = grantedIds(principal, u"api"_s, u"read_analytics"_s);
    if (!apiIds)
        return {};
    scope.apiIds = QSet<QString>(apiIds->cbegin(), apiIds->cend());
    scope.allApis = false;
    if (!scope.apiIds.isEmpty())
        return {};
    return requireAny(principal, {kAllApis, u"api.<apiId>.read_analytics"_s});
}

Core::Result<ApiReply> openStream(Services &services, const ApiContext &context, LiveScope scope)
{
    scope.workspaceId = context.principal.workspaceId;
    if (Core::Status allowed = authorize(services, context.principal, scope); !allowed)
        return allowed.error();
    if (!services.liveFeed)
        return Core::makeError(Core::ErrorCode::ServiceUnavailable, u"The live stream is not available."_s);
    ApiReply reply;
    reply.stream = services.liveFeed->subscribe(scope);
    reply.streamHeaders = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no")}, // nginx: pass events on at once
        {QByteArrayLiteral("X-Request-Id"), context.requestId.toLatin1()}};
    return reply;
}

} // namespace

void registerStreamRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/analytics.stream"),
        .permissions = u"api.*.read_analytics | api.<apiId>.read_analytics | ratelimit.*.read_analytics | "
                        "ratelimit.<namespaceId>.read_analytics"_s,
        .decode = [&services](RequestReader &in) -> Core::Result<Execute> {
            const QString scopeName = in.string(u"scope"_s, {.required = true, .minLength = 1}).value;
            const auto id = in.string(u"id"_s, {.minLength = 1, .maxLength = 255});
            const auto kind = kindOf(scopeName);
            if (!scopeName.isEmpty() && !kind)
                in.addError(u"scope"_s, u"must be one of workspace, api, key, identity, namespace"_s);
            if (kind && *kind != LiveScope::Kind::Workspace && !id.hasValue())
                in.addError(u"id"_s, u"is required for scope %1"_s.arg(scopeName));
            if (kind == LiveScope::Kind::Workspace && id.hasValue())
                in.addError(u"id"_s, u"must be omitted for scope workspace"_s);
            if (!in.finish())
                return in.error();
            LiveScope scope;
            scope.kind = kind.value_or(LiveScope::Kind::Workspace);
            scope.id = id.valueOr({});
            return Execute([&services, scope](ApiContext &context) { return openStream(services, context, scope); });
        },
    });
}

} // namespace Latchkey::Api
