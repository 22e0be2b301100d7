#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerRatelimitRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
