#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerApiRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
