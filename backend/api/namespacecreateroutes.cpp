// ratelimit.createNamespace: creates a rate-limit namespace explicitly, for the dashboard's "New
// namespace" (an extension; resources/openapi.yaml documents it). Unkey creates namespaces only as
// a side effect of ratelimit.limit, which would record a rate-limit check in the analytics and the
// live stream; this records nothing but the namespace and its audit row.

#include "api/router.h"
#include "api/routes.h"
#include "store/database.h"
#include "store/ratelimitstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const QString CreatePermission = u"ratelimit.*.create_namespace"_s;

Core::Result<ApiReply> createNamespace(Services &services, const ApiContext &context, const QString &name)
{
    if (Core::Status allowed = requireAny(context.principal, {CreatePermission}); !allowed)
        return allowed.error();
    const auto ns = Store::RatelimitStore(services.db)
                        .createNamespace(context.principal.workspaceId, name, context.nowMs, context.auditOrigin());
    if (!ns)
        return ns.error();
    return ApiReply{QJsonObject{{u"namespaceId"_s, ns->id}, {u"name"_s, ns->name}, {u"createdAt"_s, ns->createdAtMs}},
                    std::nullopt};
}

Core::Result<Execute> decodeCreate(Services &services, RequestReader &in)
{
    // The same bounds as ratelimit.limit's `namespace`, so every name created here can be used there.
    const QString name = in.string(u"name"_s, {.required = true, .minLength = 1, .maxLength = 512}).value;
    if (!name.isEmpty() && name.trimmed() != name)
        in.addError(u"name"_s, u"must not start or end with white space"_s, u"Remove the surrounding spaces."_s);
    if (!in.finish())
        return in.error();
    return Execute([&services, name](ApiContext &context) { return createNamespace(services, context, name); });
}

} // namespace

void registerNamespaceCreateRoute(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.createNamespace"), .permissions = CreatePermission,
                .decode = [&services](RequestReader &in) { return decodeCreate(services, in); }});
}

} // namespace Latchkey::Api
