#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerKeyRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
