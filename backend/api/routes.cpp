#include "api/routes.h"

namespace Latchkey::Api {

void registerAllRoutes(Router &router, Services &services)
{
    registerLivenessRoutes(router, services);
    registerApiRoutes(router, services);
    registerKeyRoutes(router, services);
    registerVerifyRoutes(router, services);
    registerIdentityRoutes(router, services);
    registerPermissionRoutes(router, services);
    registerRatelimitRoutes(router, services);
    registerAnalyticsRoutes(router, services);
    registerStreamRoutes(router, services);
    registerAnalyticsExtRoutes(router, services);
    registerAuditRoutes(router, services);
    registerRootKeyRoutes(router, services);
    registerKeyListRoutes(router, services);
    registerNamespaceListRoutes(router, services);
    registerOpenApiRoute(router, services);
}

} // namespace Latchkey::Api
