#include "api/router.h"
#include "api/routes.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

// analytics.getVerifications is built by the analytics issue; until then it answers 412 as the
// reference allows ("analytics not configured"), after validating and authenticating like the rest.
void registerAnalyticsRoutes(Router &router, Services &)
{
    router.add({
        .path = QByteArrayLiteral("/v2/analytics.getVerifications"),
        .permissions = u"api.*.read_analytics | api.<apiId>.read_analytics"_s,
        .decode = [](RequestReader &in) -> Core::Result<Execute> {
            in.string(u"query"_s, {.required = true, .minLength = 1});
            in.allowUnknownFields();
            if (!in.finish())
                return in.error();
            return Execute([](ApiContext &) -> Core::Result<ApiReply> {
                return Core::makeError(Core::ErrorCode::AnalyticsNotConfigured,
                                       u"Analytics are not configured on this server yet."_s);
            });
        },
    });
}

} // namespace Latchkey::Api
