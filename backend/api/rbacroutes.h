#pragma once

#include "api/apicontext.h"
#include "api/requestreader.h"
#include "api/router.h"
#include "api/services.h"
#include "store/auditlog.h"
#include "store/rbacstore.h"

#include <functional>

namespace Latchkey::Api {

/// permissions.createRole / getRole / listRoles / deleteRole / setRolePermissions
/// (roleroutes.cpp); registered by registerPermissionRoutes().
void registerRoleRoutes(Router &router, Services &services);

/// Reads `cursor` (<= 1024), `limit` (1..100, default 100) and `search` (<= 256) of the
/// permissions.list* requests.
[[nodiscard]] Store::RbacListQuery readRbacListQuery(RequestReader &in);

/// The reply of a list endpoint: `data` = @p items, `pagination` from @p page.
template<typename T> [[nodiscard]] ApiReply rbacPageReply(const Store::RbacPage<T> &page, const QJsonArray &items)
{
    return ApiReply {items, Pagination {page.hasMore, page.nextCursor}};
}

/// What permissions.getPermission / listPermissions / deletePermission and getRole / listRoles /
/// deleteRole differ in: the request field naming the item (id, or slug / name) and its rule, the
/// root-key permissions they demand, the store calls, and the 404 of an unknown item. Every
/// instance is a static object: the Execute steps hold a pointer to it.
template<typename T> struct RbacItemKind {
    QString field;
    const StringRule *rule = nullptr;
    QString readPermission;
    QString deletePermission;
    Core::Error (*notFound)() = nullptr;
    Store::Found<T> (Store::RbacStore::*find)(const QString &workspaceId, const QString &idOrName) = nullptr;
    Core::Result<Store::RbacPage<T>> (Store::RbacStore::*list)(
        const QString &workspaceId, const Store::RbacListQuery &query)
        = nullptr;
    Core::Status (Store::RbacStore::*remove)(
        const QString &workspaceId, const T &item, QList<Store::AuditEvent> *auditEvents)
        = nullptr;
};

/// permissions.get<Item>: the item by id or slug/name, 404 when unknown (permissionroutes.cpp;
/// instantiated for Core::Permission and Core::Role).
template<typename T>
[[nodiscard]] Core::Result<Execute> decodeGetRbacItem(
    RequestReader &in, Services &services, const RbacItemKind<T> &kind);
/// permissions.list<Items>: one page (readRbacListQuery()).
template<typename T>
[[nodiscard]] Core::Result<Execute> decodeListRbacItems(
    RequestReader &in, Services &services, const RbacItemKind<T> &kind);
/// permissions.delete<Item>: by id or slug/name with its audit events, 404 when unknown.
template<typename T>
[[nodiscard]] Core::Result<Execute> decodeDeleteRbacItem(
    RequestReader &in, Services &services, const RbacItemKind<T> &kind);

/// Runs @p change in one Database::write() and appends the audit events it collected in the same
/// transaction (invariant 5), so the change and its audit rows commit or roll back together.
[[nodiscard]] Core::Status writeAudited(Services &services, const ApiContext &context,
    const std::function<Core::Status(QList<Store::AuditEvent> &)> &change);

} // namespace Latchkey::Api
