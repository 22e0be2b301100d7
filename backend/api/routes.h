#pragma once

namespace Latchkey::Api {

class Router;
struct Services;

/// Route tables, one per v2 group; each lives next to its handlers (api/<group>routes.cpp).
void registerLivenessRoutes(Router &router, Services &services);
void registerApiRoutes(Router &router, Services &services);          ///< apis.*
void registerKeyRoutes(Router &router, Services &services);          ///< keys.* except verify/whoami
void registerVerifyRoutes(Router &router, Services &services);       ///< keys.verifyKey, keys.whoami
void registerIdentityRoutes(Router &router, Services &services);     ///< identities.*
void registerPermissionRoutes(Router &router, Services &services);   ///< permissions.*
void registerRatelimitRoutes(Router &router, Services &services);    ///< ratelimit.*
void registerRatelimitOverrideRoutes(Router &router, Services &services); ///< ratelimit.*Override(s); called by registerRatelimitRoutes
void registerAnalyticsRoutes(Router &router, Services &services);    ///< analytics.*
void registerStreamRoutes(Router &router, Services &services);       ///< analytics.stream (live feed)
void registerAnalyticsExtRoutes(Router &router, Services &services); ///< extension analytics.* / ratelimit.get*
void registerAuditRoutes(Router &router, Services &services);        ///< audit.listLogs, apis.listApis
void registerOpenApiRoute(Router &router, Services &services);       ///< GET /openapi.yaml
void registerRootKeyRoutes(Router &router, Services &services);      ///< rootKeys.* (whoami, create, list, delete)
void registerNamespaceListRoutes(Router &router, Services &services); ///< ratelimit.listNamespaces (+ create, rename, delete)
void registerNamespaceCreateRoute(Router &router, Services &services); ///< ratelimit.createNamespace; called by registerNamespaceListRoutes
void registerNamespaceManageRoutes(Router &router, Services &services); ///< ratelimit.renameNamespace, deleteNamespace; called by registerNamespaceListRoutes
void registerKeyListRoutes(Router &router, Services &services);      ///< keys.listKeys (by identity, across APIs)

/// Every route of the server.
void registerAllRoutes(Router &router, Services &services);

} // namespace Latchkey::Api
