#include "api/domainjson.h"
#include "api/rbacroutes.h"
#include "api/router.h"
#include "api/routes.h"
#include "store/database.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const StringRule permissionRule {
    .required = true, .minLength = 1, .maxLength = 128, .pattern = &RequestReader::slugPattern()};

Core::Error permissionNotFound()
{
    return Core::makeError(Core::ErrorCode::PermissionNotFound, u"The requested permission does not exist."_s);
}

Core::Result<Execute> decodeCreatePermission(RequestReader &in, Services &services)
{
    const auto name = in.string(u"name"_s, {.required = true, .minLength = 1, .maxLength = 512});
    const auto slug = in.string(u"slug"_s, permissionRule);
    const auto description = in.string(u"description"_s, {.maxLength = 512});
    if (!in.finish())
        return in.error();
    const Core::Permission request {{}, name.value, slug.value, description.value};
    return Execute([&services, request](ApiContext &context) -> Core::Result<ApiReply> {
        if (auto allowed = requireAny(context.principal, {u"rbac.*.create_permission"_s}); !allowed)
            return allowed.error();
        QString permissionId;
        const Core::Status status = writeAudited(services, context, [&](QList<Store::AuditEvent> &events) {
            auto created = Store::RbacStore(services.db)
                               .createPermission(context.principal.workspaceId, request, context.nowMs, &events);
            if (!created)
                return Core::Status(created.error());
            permissionId = created->id;
            return Core::Status();
        });
        if (!status)
            return status.error();
        return ApiReply {QJsonObject {{u"permissionId"_s, permissionId}}, std::nullopt};
    });
}

const RbacItemKind<Core::Permission> permissionKind {.field = u"permission"_s,
    .rule = &permissionRule,
    .readPermission = u"rbac.*.read_permission"_s,
    .deletePermission = u"rbac.*.delete_permission"_s,
    .notFound = &permissionNotFound,
    .find = &Store::RbacStore::findPermission,
    .list = &Store::RbacStore::listPermissions,
    .remove = &Store::RbacStore::deletePermission};

} // namespace

Store::RbacListQuery readRbacListQuery(RequestReader &in)
{
    Store::RbacListQuery query;
    query.cursor = in.string(u"cursor"_s, {.maxLength = 1024}).value;
    query.limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    query.search = in.string(u"search"_s, {.maxLength = 256}).value;
    return query;
}

template<typename T>
Core::Result<Execute> decodeGetRbacItem(RequestReader &in, Services &services, const RbacItemKind<T> &kind)
{
    const auto item = in.string(kind.field, *kind.rule);
    if (!in.finish())
        return in.error();
    return Execute([&services, &kind, idOrName = item.value](ApiContext &context) -> Core::Result<ApiReply> {
        if (auto allowed = requireAny(context.principal, {kind.readPermission}); !allowed)
            return allowed.error();
        Store::RbacStore store(services.db);
        const Store::Found<T> found = (store.*kind.find)(context.principal.workspaceId, idOrName);
        if (!found)
            return found.error();
        if (!*found)
            return kind.notFound();
        return ApiReply {toJson(**found), std::nullopt};
    });
}

template<typename T>
Core::Result<Execute> decodeListRbacItems(RequestReader &in, Services &services, const RbacItemKind<T> &kind)
{
    const Store::RbacListQuery query = readRbacListQuery(in);
    if (!in.finish())
        return in.error();
    return Execute([&services, &kind, query](ApiContext &context) -> Core::Result<ApiReply> {
        if (auto allowed = requireAny(context.principal, {kind.readPermission}); !allowed)
            return allowed.error();
        Store::RbacStore store(services.db);
        const auto page = (store.*kind.list)(context.principal.workspaceId, query);
        if (!page)
            return page.error();
        return rbacPageReply(*page, toJson(page->items));
    });
}

template<typename T>
Core::Result<Execute> decodeDeleteRbacItem(RequestReader &in, Services &services, const RbacItemKind<T> &kind)
{
    const auto item = in.string(kind.field, *kind.rule);
    if (!in.finish())
        return in.error();
    return Execute([&services, &kind, idOrName = item.value](ApiContext &context) -> Core::Result<ApiReply> {
        if (auto allowed = requireAny(context.principal, {kind.deletePermission}); !allowed)
            return allowed.error();
        const Core::Status status = writeAudited(services, context, [&](QList<Store::AuditEvent> &events) {
            Store::RbacStore store(services.db);
            const Store::Found<T> found = (store.*kind.find)(context.principal.workspaceId, idOrName);
            if (!found)
                return Core::Status(found.error());
            if (!*found)
                return Core::Status(kind.notFound());
            return (store.*kind.remove)(context.principal.workspaceId, **found, &events);
        });
        if (!status)
            return status.error();
        return ApiReply {QJsonObject {}, std::nullopt};
    });
}

template Core::Result<Execute> decodeGetRbacItem(RequestReader &, Services &, const RbacItemKind<Core::Role> &);
template Core::Result<Execute> decodeListRbacItems(RequestReader &, Services &, const RbacItemKind<Core::Role> &);
template Core::Result<Execute> decodeDeleteRbacItem(RequestReader &, Services &, const RbacItemKind<Core::Role> &);

Core::Status writeAudited(Services &services, const ApiContext &context,
    const std::function<Core::Status(QList<Store::AuditEvent> &)> &change)
{
    return services.db.write([&]() -> Core::Status {
        QList<Store::AuditEvent> events;
        if (Core::Status status = change(events); !status)
            return status;
        if (events.isEmpty())
            return {};
        return Store::AuditLog(services.db).append(context.auditOrigin(), context.nowMs, events);
    });
}

void registerPermissionRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.createPermission"),
        .permissions = u"rbac.*.create_permission"_s,
        .decode = [&services](RequestReader &in) { return decodeCreatePermission(in, services); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.getPermission"),
        .permissions = u"rbac.*.read_permission"_s,
        .decode = [&services](RequestReader &in) { return decodeGetRbacItem(in, services, permissionKind); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.listPermissions"),
        .permissions = u"rbac.*.read_permission"_s,
        .decode = [&services](RequestReader &in) { return decodeListRbacItems(in, services, permissionKind); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.deletePermission"),
        .permissions = u"rbac.*.delete_permission"_s,
        .decode = [&services](RequestReader &in) { return decodeDeleteRbacItem(in, services, permissionKind); },
    });
    registerRoleRoutes(router, services);
}

} // namespace Latchkey::Api
