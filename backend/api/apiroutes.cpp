#include "api/router.h"
#include "api/routes.h"
#include "store/apistore.h"
#include "store/database.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

Core::Error apiNotFound()
{
    return Core::makeError(Core::ErrorCode::ApiNotFound, u"The requested API does not exist or has been deleted."_s);
}

QString readApiId(RequestReader &in)
{
    return in.string(u"apiId"_s, {.required = true, .minLength = 8, .maxLength = 255,
                                  .pattern = &RequestReader::idPattern()})
        .value;
}

Core::Result<Execute> decodeCreate(Services &services, RequestReader &in)
{
    const QString name = in.string(u"name"_s, {.required = true, .minLength = 3, .maxLength = 256}).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, name](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"api.*.create_api"_s}); !allowed)
            return allowed.error();
        QString apiId;
        const Core::Status written = services.db.write([&]() -> Core::Status {
            auto api = Store::ApiStore(services.db)
                           .create(context.principal.workspaceId, name, context.nowMs, context.auditOrigin());
            if (!api)
                return api.error();
            apiId = api->id;
            return {};
        });
        if (!written)
            return written.error();
        return ApiReply{QJsonObject{{u"apiId"_s, apiId}}, std::nullopt};
    });
}

Core::Result<Execute> decodeGet(Services &services, RequestReader &in)
{
    const QString apiId = readApiId(in);
    if (!in.finish())
        return in.error();
    return Execute([&services, apiId](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, wildcardOr(u"api"_s, apiId, u"read_api"_s)); !allowed)
            return allowed.error();
        const Core::Result<Store::ApiRecord> api
            = Store::foundOr(Store::ApiStore(services.db).find(context.principal.workspaceId, apiId), apiNotFound());
        if (!api)
            return api.error();
        return ApiReply{QJsonObject{{u"id"_s, api->id}, {u"name"_s, api->name}}, std::nullopt};
    });
}

Core::Result<Execute> decodeDelete(Services &services, RequestReader &in)
{
    const QString apiId = readApiId(in);
    if (!in.finish())
        return in.error();
    return Execute([&services, apiId](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, wildcardOr(u"api"_s, apiId, u"delete_api"_s));
            !allowed)
            return allowed.error();
        // Looked up inside the transaction so a concurrent delete cannot audit twice.
        const Core::Status written = services.db.write([&]() -> Core::Status {
            Store::ApiStore store(services.db);
            const Core::Result<Store::ApiRecord> api
                = Store::foundOr(store.find(context.principal.workspaceId, apiId), apiNotFound());
            if (!api)
                return api.error();
            if (api->deleteProtection) {
                return Core::makeError(Core::ErrorCode::ProtectedResource,
                                       u"This API has delete protection enabled. Disable it before attempting to delete."_s);
            }
            return store.softDelete(*api, context.nowMs, context.auditOrigin());
        });
        if (!written)
            return written.error();
        return ApiReply{QJsonObject{}, std::nullopt}; // EmptyResponse
    });
}

} // namespace

void registerApiRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/apis.createApi"),
        .permissions = u"api.*.create_api"_s,
        .decode = [&services](RequestReader &in) { return decodeCreate(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/apis.getApi"),
        .permissions = u"api.*.read_api | api.<apiId>.read_api"_s,
        .decode = [&services](RequestReader &in) { return decodeGet(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/apis.deleteApi"),
        .permissions = u"api.*.delete_api | api.<apiId>.delete_api"_s,
        .decode = [&services](RequestReader &in) { return decodeDelete(services, in); },
    });
}

} // namespace Latchkey::Api
