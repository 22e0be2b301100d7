#include "analytics/querysandbox.h"
#include "api/router.h"
#include "api/routes.h"
#include "store/apistore.h"
#include "store/database.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const QString kAllApis = u"api.*.read_analytics"_s;

/// The rows a root key may query: every keyspace of its workspace with `api.*.read_analytics`,
/// otherwise those of the APIs named by its `api.<apiId>.read_analytics` permissions (403 when it
/// has none). APIs that no longer exist contribute nothing.
Core::Result<Analytics::QueryScope> scopeOf(Services &services, const Principal &principal)
{
    Analytics::QueryScope scope {principal.workspaceId, false, {}};
    const std::optional<QStringList> apiIds = grantedIds(principal, u"api"_s, u"read_analytics"_s);
    if (!apiIds) {
        scope.allKeyspaces = true;
        return scope;
    }
    if (apiIds->isEmpty())
        return requireAny(principal, {kAllApis, u"api.<apiId>.read_analytics"_s}).error();
    Store::ApiStore apis(services.db);
    for (const QString &apiId : *apiIds) {
        const Store::Found<Store::ApiRecord> api = apis.find(principal.workspaceId, apiId);
        if (!api)
            return api.error();
        if (*api)
            scope.keyspaceIds.insert((*api)->keyspaceId);
    }
    return scope;
}

Core::Result<ApiReply> getVerifications(
    Services &services, Analytics::QuerySandbox &sandbox, const ApiContext &context, const QString &query)
{
    const auto scope = scopeOf(services, context.principal);
    if (!scope)
        return scope.error();
    auto result = sandbox.run(query, *scope);
    if (!result) {
        Core::Error error = result.error();
        if (error.status() == 400)
            error.fieldErrors.append({u"body.query"_s, error.detail, {}});
        return error;
    }
    ApiReply reply;
    reply.rawData = std::move(result->json); // rows keep their SELECT column order
    return reply;
}

} // namespace

void registerAnalyticsRoutes(Router &router, Services &services)
{
    auto sandbox = std::make_shared<Analytics::QuerySandbox>(services.db.path());
    router.add({
        .path = QByteArrayLiteral("/v2/analytics.getVerifications"),
        .permissions = u"api.*.read_analytics | api.<apiId>.read_analytics"_s,
        .decode = [&services, sandbox](RequestReader &in) -> Core::Result<Execute> {
            const QString query = in.string(u"query"_s, {.required = true, .minLength = 1}).value;
            in.allowUnknownFields();
            if (!in.finish())
                return in.error();
            return Execute([&services, sandbox, query](
                               ApiContext &context) { return getVerifications(services, *sandbox, context, query); });
        },
    });
}

} // namespace Latchkey::Api
