#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerVerifyRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
