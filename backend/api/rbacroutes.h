#pragma once

#include "api/apicontext.h"
#include "api/requestreader.h"
#include "api/services.h"
#include "store/auditlog.h"
#include "store/rbacstore.h"

#include <functional>

namespace Latchkey::Api {

class Router;

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

/// Runs @p change in one Database::write() and appends the audit events it collected in the same
/// transaction (invariant 5), so the change and its audit rows commit or roll back together.
[[nodiscard]] Core::Status writeAudited(Services &services, const ApiContext &context,
    const std::function<Core::Status(QList<Store::AuditEvent> &)> &change);

} // namespace Latchkey::Api
