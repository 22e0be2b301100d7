#include "api/keyroutes.h"

#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

// Every keys.* endpoint except keys.verifyKey, plus apis.listKeys (it returns KeyResponseData).
void registerKeyRoutes(Router &router, Services &services)
{
    registerKeyCreateRoutes(router, services);
    registerKeyReadRoutes(router, services);
    registerKeyUpdateRoutes(router, services);
    registerKeyLifecycleRoutes(router, services);
    registerKeyBindingRoutes(router, services);
}

} // namespace Latchkey::Api
