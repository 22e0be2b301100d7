// GET /openapi.yaml is public, served as YAML, and names every extension route the router has.

#include "support/apiharness.h"

#include "api/router.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

class TestOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheDocument();
};

void TestOpenApi::servesTheDocument()
{
    ApiHarness h;
    const ApiReply reply = h.raw("GET", "/openapi.yaml", {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/yaml"));
    Latchkey::Http::Request request;
    request.method = "GET";
    request.path = "/openapi.yaml";
    const QByteArray document = h.server().router().handle(request).body;
    QVERIFY(document.startsWith("openapi: 3.1.0"));
    // Every extension route (not Unkey's) appears as a path key of the document.
    const QStringList extensions{u"analytics.getTimeseries"_s, u"analytics.getTopKeys"_s,
        u"analytics.getTopIdentities"_s, u"analytics.getVerificationLog"_s, u"ratelimit.getTimeseries"_s,
        u"ratelimit.getTopIdentifiers"_s, u"ratelimit.getLog"_s, u"audit.listLogs"_s, u"apis.listApis"_s, u"analytics.stream"_s,
        u"rootKeys.whoami"_s, u"rootKeys.createRootKey"_s, u"rootKeys.listRootKeys"_s, u"rootKeys.deleteRootKey"_s,
        u"keys.listKeys"_s, u"ratelimit.listNamespaces"_s, u"ratelimit.createNamespace"_s,
        u"ratelimit.renameNamespace"_s, u"ratelimit.deleteNamespace"_s};
    int registered = 0;
    for (const auto &route : h.server().router().routes()) {
        const QString path = QString::fromUtf8(route.path);
        if (path == u"/openapi.yaml" || extensions.contains(path.mid(4))) {
            ++registered;
            QVERIFY2(document.contains(QByteArray("\n  " + route.path + ":\n")), route.path.constData());
        }
        // Unkey-compatible routes are at least listed by path in the description.
        else if (path.startsWith(u"/v2/"))
            QVERIFY2(document.contains(route.path) || document.contains(QByteArray(route.path.left(route.path.indexOf('.') + 1) + '*')),
                     route.path.constData());
    }
    QCOMPARE(registered, extensions.size() + 1);
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
