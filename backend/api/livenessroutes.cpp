#include "api/router.h"
#include "api/routes.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

void registerLivenessRoutes(Router &router, Services &)
{
    router.add({
        .method = QByteArrayLiteral("GET"),
        .path = QByteArrayLiteral("/v2/liveness"),
        .access = Access::Public,
        .permissions = u"none"_s,
        .decode = [](RequestReader &) -> Core::Result<Execute> {
            return Execute([](ApiContext &) -> Core::Result<ApiReply> {
                // Unkey answers "we're cooking"; SDKs only check the shape.
                return ApiReply{QJsonObject{{u"message"_s, u"we're cooking"_s}}, std::nullopt};
            });
        },
    });
}

} // namespace Latchkey::Api
