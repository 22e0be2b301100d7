#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerPermissionRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
