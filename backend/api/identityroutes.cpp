#include "api/router.h"
#include "api/routes.h"

namespace Latchkey::Api {

void registerIdentityRoutes(Router &, Services &)
{
}

} // namespace Latchkey::Api
