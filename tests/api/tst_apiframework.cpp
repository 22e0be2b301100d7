#include "support/apiharness.h"

#include <QMutex>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;

/// The router's shared behaviour: envelope, request ids, authentication, body parsing.
class TestApiFramework : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void livenessNeedsNoAuth();
    void unknownRouteIs404();
    void wrongMethodIs405();
    void missingAuthorizationIs400();
    void malformedAuthorizationIs400();
    void unknownRootKeyIs401();
    void invalidJsonIs400_data();
    void invalidJsonIs400();
    void requestIdsAreUnique();
    void problemJsonWhenAccepted();
    void accessLogLines();
};

namespace {

struct LoggedLine {
    QtMsgType type;
    QString message;
};
QMutex g_accessLock;
QList<LoggedLine> g_accessLines;
QtMessageHandler g_previousHandler = nullptr;

void collectAccessLines(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "latchkey.access") == 0) {
        const QMutexLocker locker(&g_accessLock); // deferred answers log on the commit thread
        g_accessLines.append({type, message});
        return;
    }
    g_previousHandler(type, context, message);
}

} // namespace

void TestApiFramework::livenessNeedsNoAuth()
{
    ApiHarness h;
    const auto reply = h.raw("GET", "/v2/liveness", {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.dataObject().value(u"message").toString(), u"we're cooking"_s);
    QVERIFY(reply.body.value(u"meta").toObject().value(u"requestId").toString().startsWith(u"req_"));
}

void TestApiFramework::unknownRouteIs404()
{
    ApiHarness h;
    const auto reply = h.call(u"keys.doesNotExist"_s, QJsonObject{});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.error().value(u"status").toInt(), 404);
    QCOMPARE(reply.error().value(u"title").toString(), u"Not Found"_s);
}

void TestApiFramework::wrongMethodIs405()
{
    ApiHarness h;
    const auto reply = h.raw("POST", "/v2/liveness", "{}");
    QCOMPARE(reply.status, 405);
}

void TestApiFramework::missingAuthorizationIs400()
{
    ApiHarness h;
    const auto reply = h.raw("POST", "/v2/analytics.getVerifications", R"({"query":"SELECT 1"})");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/authentication/missing"_s);
    QVERIFY(reply.error().value(u"errors").isArray());
}

void TestApiFramework::malformedAuthorizationIs400()
{
    ApiHarness h;
    const auto reply = h.raw("POST", "/v2/analytics.getVerifications", R"({"query":"SELECT 1"})",
                             {{"Authorization", "Basic abc"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/authentication/malformed"_s);
}

void TestApiFramework::unknownRootKeyIs401()
{
    ApiHarness h;
    const auto reply = h.call(u"analytics.getVerifications"_s, QJsonObject{{u"query"_s, u"SELECT 1"_s}},
                              u"lkroot_doesnotexist"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.error().value(u"title").toString(), u"Unauthorized"_s);
}

void TestApiFramework::invalidJsonIs400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"query": "SEL)");
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("array instead of object") << QByteArray("[1,2]");
    QTest::newRow("invalid utf-8") << QByteArray("{\"query\": \"\xff\xfe\"}");
    QTest::newRow("wrong type") << QByteArray(R"({"query": 5})");
    QTest::newRow("unknown field") << QByteArray(R"({"quer": "x"})");
}

void TestApiFramework::invalidJsonIs400()
{
    QFETCH(QByteArray, body);
    ApiHarness h;
    const auto reply = h.raw("POST", "/v2/liveness", body);
    QCOMPARE(reply.status, 405);
    const auto apiReply = h.raw("POST", "/v2/analytics.getVerifications", body,
                                {{"Authorization", "Bearer " + h.rootKey().toUtf8()}});
    QCOMPARE(apiReply.status, 400);
    QCOMPARE(apiReply.error().value(u"status").toInt(), 400);
    QVERIFY(apiReply.error().value(u"errors").isArray());
    QVERIFY(!apiReply.detail().isEmpty());
}

void TestApiFramework::requestIdsAreUnique()
{
    ApiHarness h;
    QSet<QString> ids;
    for (int i = 0; i < 100; ++i)
        ids.insert(h.raw("GET", "/v2/liveness", {}).body.value(u"meta").toObject().value(u"requestId").toString());
    QCOMPARE(ids.size(), 100);
}

void TestApiFramework::problemJsonWhenAccepted()
{
    ApiHarness h;
    const auto reply = h.raw("POST", "/v2/analytics.getVerifications", R"({"query":"SELECT 1"})",
                             {{"Authorization", "Bearer nope"}, {"Accept", "application/problem+json"}});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.contentType, QByteArray("application/problem+json"));
}

// One access line per answer, "<request id> <method> <path> <status> <µs> us", as the
// QDebug-streamed line was: an answer of the worker, an error with a non-ASCII path, and a
// deferred answer (verify with credits, logged by the commit thread). The key is not in it.
void TestApiFramework::accessLogLines()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject key
        = h.createKey({{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    g_accessLines.clear();
    g_previousHandler = qInstallMessageHandler(collectAccessLines);
    const auto live = h.raw("GET", "/v2/liveness", {});
    const auto missing = h.raw("POST", "/v2/k\xc3\xa9ys.nothing", "{}");
    const auto verified = h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key.value(u"key"_s)}});
    qInstallMessageHandler(g_previousHandler);
    QCOMPARE(verified.dataObject().value(u"code").toString(), u"VALID"_s);
    const QMutexLocker locker(&g_accessLock);
    QCOMPARE(g_accessLines.size(), 3);
    const auto requestId = [](const Latchkey::Test::ApiReply &reply) {
        return reply.body.value(u"meta").toObject().value(u"requestId").toString();
    };
    const QList<std::pair<QString, QString>> expected {
        {requestId(live), u" GET /v2/liveness 200 "_s},
        {requestId(missing), u" POST /v2/k\u00e9ys.nothing 404 "_s},
        {requestId(verified), u" POST /v2/keys.verifyKey 200 "_s},
    };
    const QRegularExpression shape(u"^req_\\w+ (GET|POST) \\S+ \\d{3} \\d+ us$"_s);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const LoggedLine &line = g_accessLines.at(i);
        QCOMPARE(line.type, QtInfoMsg);
        QVERIFY2(line.message.startsWith(expected[i].first + expected[i].second), qPrintable(line.message));
        QVERIFY2(shape.match(line.message).hasMatch(), qPrintable(line.message));
        QVERIFY2(!line.message.contains(key.value(u"key"_s).toString()), qPrintable(line.message));
    }
}

QTEST_GUILESS_MAIN(TestApiFramework)
#include "tst_apiframework.moc"
