#pragma once

namespace Latchkey::Api {

class Router;
struct Services;

// The keys.* route table is split by concern; registerKeyRoutes() (keyroutes.cpp) calls them all.
void registerKeyCreateRoutes(Router &router, Services &services); ///< keys.createKey, keys.migrateKeys
void registerKeyReadRoutes(Router &router, Services &services); ///< keys.getKey, keys.whoami, apis.listKeys
void registerKeyUpdateRoutes(Router &router, Services &services); ///< keys.updateKey, keys.updateCredits
void registerKeyLifecycleRoutes(Router &router, Services &services); ///< keys.deleteKey, keys.rerollKey
void registerKeyBindingRoutes(Router &router, Services &services); ///< keys.{add,remove,set}{Permissions,Roles}

} // namespace Latchkey::Api
