// GET /openapi.yaml: the OpenAPI 3.1 document of the extension endpoints (resources/openapi.yaml,
// compiled in as a Qt resource so the binary always serves the document it was built with).

#include "api/router.h"
#include "api/routes.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {
QByteArray openApiDocument()
{
    QFile file(u":/openapi.yaml"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

void registerOpenApiRoute(Router &router, Services &)
{
    router.add({
        .method = QByteArrayLiteral("GET"),
        .path = QByteArrayLiteral("/openapi.yaml"),
        .access = Access::Public,
        .permissions = u"none"_s,
        .decode = [](RequestReader &) -> Core::Result<Execute> {
            return Execute([](ApiContext &) -> Core::Result<ApiReply> {
                static const QByteArray document = openApiDocument();
                ApiReply reply;
                reply.rawData = document;
                reply.contentType = QByteArrayLiteral("application/yaml");
                return reply;
            });
        },
    });
}

} // namespace Latchkey::Api
