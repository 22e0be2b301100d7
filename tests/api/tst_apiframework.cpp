#include "support/apiharness.h"

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
};

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

QTEST_GUILESS_MAIN(TestApiFramework)
#include "tst_apiframework.moc"
