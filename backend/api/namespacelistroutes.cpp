// ratelimit.listNamespaces: the workspace's rate-limit namespaces with their override counts, for
// the dashboard's rate-limit page (an extension; resources/openapi.yaml documents it). Also
// registers ratelimit.createNamespace (namespacecreateroutes.cpp) and ratelimit.renameNamespace /
// deleteNamespace (namespacemanageroutes.cpp).

#include "api/router.h"
#include "api/routes.h"
#include "store/database.h"
#include "store/ratelimitnamespacelist.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const QString ReadAll = u"ratelimit.*.read_namespace"_s;

QJsonObject namespaceJson(const Store::RatelimitNamespaceSummary &ns)
{
    return QJsonObject{{u"namespaceId"_s, ns.id}, {u"name"_s, ns.name}, {u"overrideCount"_s, ns.overrideCount},
                       {u"createdAt"_s, ns.createdAtMs}};
}

Core::Result<Execute> decodeList(Services &services, RequestReader &in)
{
    const QString cursor = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 255}).value;
    const int limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    if (!in.finish())
        return in.error();
    return Execute([&services, cursor, limit](ApiContext &context) -> Core::Result<ApiReply> {
        const std::optional<QStringList> ids = grantedIds(context.principal, u"ratelimit"_s, u"read_namespace"_s);
        if (ids && ids->isEmpty()) {
            return Core::makeError(Core::ErrorCode::InsufficientPermissions,
                                   u"Missing one of these permissions: '%1' or 'ratelimit.<namespaceId>.read_namespace'"_s
                                       .arg(ReadAll));
        }
        const auto page = Store::RatelimitNamespaceList(services.db).page(context.principal.workspaceId, ids, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::RatelimitNamespaceSummary &ns : page->namespaces)
            array.append(namespaceJson(ns));
        return ApiReply{array, page->next ? Pagination{true, *page->next} : Pagination{false, {}}};
    });
}

} // namespace

void registerNamespaceListRoutes(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.listNamespaces"),
                .permissions = ReadAll + u", or ratelimit.<namespaceId>.read_namespace per namespace (others omitted)"_s,
                .decode = [&services](RequestReader &in) { return decodeList(services, in); }});
    registerNamespaceCreateRoute(router, services);
    registerNamespaceManageRoutes(router, services);
}

} // namespace Latchkey::Api
