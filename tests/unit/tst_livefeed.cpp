// Tests of the live feed (Analytics::LiveFeed) and of POST /v2/analytics.stream in-process: one
// aggregation per tick fanned out per scope, per-API restrictions, pings, dropping slow and
// departed subscribers, and the route's validation and authorization.

#include "analytics/analyticssink.h"
#include "analytics/livefeed.h"
#include "api/router.h"
#include "core/clock.h"
#include "http/responsestream.h"
#include "support/apiharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Latchkey;
using namespace Qt::StringLiterals;
using Analytics::LiveFeed;
using Analytics::LiveScope;

namespace {

Core::VerificationEvent makeEvent(const QString &ws, const QString &api, const QString &key, const QString &outcome,
    const QString &identity = {})
{
    static int counter = 0;
    Core::VerificationEvent e;
    e.requestId = u"req_%1"_s.arg(++counter);
    e.timeMs = 1000 + counter;
    e.workspaceId = ws;
    e.apiId = api;
    e.keyId = key;
    e.identityId = identity;
    e.outcome = outcome;
    return e;
}

QByteArray drain(const std::shared_ptr<Http::ResponseStream> &stream)
{
    return stream->take().join();
}

/// The `data` of the last `event: tick` in @p text; empty when there is none.
QJsonObject lastTick(const QByteArray &text)
{
    const qsizetype at = text.lastIndexOf("event: tick\ndata: ");
    if (at < 0)
        return {};
    const qsizetype start = at + qsizetype(qstrlen("event: tick\ndata: "));
    return QJsonDocument::fromJson(text.mid(start, text.indexOf("\n\n", start) - start)).object();
}

Http::Request streamRequest(const QByteArray &body, const QString &rootKey)
{
    Http::Request request;
    request.method = "POST";
    request.path = "/v2/analytics.stream";
    request.body = body;
    request.headers = {{"Authorization", "Bearer " + rootKey.toUtf8()}, {"Content-Type", "application/json"}};
    return request;
}

} // namespace

class TestLiveFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aggregatesPerScope();
    void nothingIsQueuedWithoutSubscribers();
    void restrictedKeyScopeSeesGrantedApisOnly();
    void slowAndDepartedSubscribersAreDropped();
    void stopEndsStreams();
    void routeStreamsTicks();
    void routeValidation_data();
    void routeValidation();
    void routeAuthorization();

private:
    Core::ManualClock m_clock;
};

void TestLiveFeed::aggregatesPerScope()
{
    m_clock.setNowMs(5000);
    LiveFeed feed(m_clock, {.tickMs = 0, .newestEvents = 2});
    const auto workspace = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    const auto workspaceTwin = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    const auto api = feed.subscribe({LiveScope::Kind::Api, u"ws1"_s, u"api_a"_s});
    const auto key = feed.subscribe({LiveScope::Kind::Key, u"ws1"_s, u"key_2"_s});
    const auto identity = feed.subscribe({LiveScope::Kind::Identity, u"ws1"_s, u"id_1"_s});
    const auto other = feed.subscribe({LiveScope::Kind::Workspace, u"ws2"_s, {}});
    QCOMPARE(feed.subscriberCount(), 6);
    QCOMPARE(drain(workspace), ": subscribed\n\n");
    for (const auto &stream : {workspaceTwin, api, key, identity, other})
        (void)drain(stream);

    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s, u"id_1"_s));
    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    feed.offer(makeEvent(u"ws1"_s, u"api_b"_s, u"key_2"_s, u"RATE_LIMITED"_s));
    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"USAGE_EXCEEDED"_s, u"id_1"_s));
    feed.tick();

    const QByteArray workspaceText = drain(workspace);
    QCOMPARE(workspaceText, drain(workspaceTwin)); // one message per scope, shared
    QVERIFY2(workspaceText.startsWith("event: tick\ndata: {"), workspaceText.constData());
    const QJsonObject all = lastTick(workspaceText);
    QCOMPARE(all.value(u"time").toInteger(), 5000);
    QCOMPARE(all.value(u"counts").toObject(),
        (QJsonObject {{u"VALID"_s, 2}, {u"RATE_LIMITED"_s, 1}, {u"USAGE_EXCEEDED"_s, 1}}));
    const QJsonArray newest = all.value(u"events").toArray();
    QCOMPARE(newest.size(), 2); // newestEvents, newest first
    QCOMPARE(newest.at(0).toObject().value(u"outcome").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(newest.at(0).toObject().value(u"identityId").toString(), u"id_1"_s);
    QCOMPARE(newest.at(1).toObject().value(u"keyId").toString(), u"key_2"_s);
    QVERIFY(!newest.at(1).toObject().contains(u"identityId")); // absent, not null

    QCOMPARE(lastTick(drain(api)).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 2}, {u"USAGE_EXCEEDED"_s, 1}}));
    QCOMPARE(lastTick(drain(key)).value(u"counts").toObject(), (QJsonObject {{u"RATE_LIMITED"_s, 1}}));
    QCOMPARE(lastTick(drain(identity)).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}, {u"USAGE_EXCEEDED"_s, 1}}));
    QCOMPARE(drain(other), LiveFeed::kPing.toByteArray()); // another workspace sees nothing

    // The next second starts from zero: only a ping.
    feed.tick();
    QCOMPARE(drain(workspace), LiveFeed::kPing.toByteArray());
}

void TestLiveFeed::nothingIsQueuedWithoutSubscribers()
{
    LiveFeed feed(m_clock, {.tickMs = 0, .queueCapacity = 4});
    for (int i = 0; i < 100; ++i)
        feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    QCOMPARE(feed.droppedEvents(), 0); // not even offered to the queue
    const auto stream = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    (void)drain(stream);
    feed.tick();
    QCOMPARE(drain(stream), LiveFeed::kPing.toByteArray());
    // With a subscriber a too small queue counts what it loses (the feed drains it every 50 ms).
    for (int i = 0; i < 10; ++i)
        feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    QCOMPARE(feed.droppedEvents(), 6);
    feed.tick();
    QCOMPARE(lastTick(drain(stream)).value(u"counts").toObject().value(u"VALID").toInt(), 4);
}

void TestLiveFeed::restrictedKeyScopeSeesGrantedApisOnly()
{
    LiveFeed feed(m_clock, {.tickMs = 0});
    LiveScope granted {LiveScope::Kind::Key, u"ws1"_s, u"key_1"_s, false, {u"api_a"_s}};
    LiveScope notGranted {LiveScope::Kind::Key, u"ws1"_s, u"key_1"_s, false, {u"api_b"_s}};
    const auto yes = feed.subscribe(granted);
    const auto no = feed.subscribe(notGranted);
    (void)drain(yes);
    (void)drain(no);
    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    feed.tick();
    QCOMPARE(lastTick(drain(yes)).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}}));
    QCOMPARE(drain(no), LiveFeed::kPing.toByteArray());
}

void TestLiveFeed::slowAndDepartedSubscribersAreDropped()
{
    LiveFeed feed(m_clock, {.tickMs = 0, .streamBufferBytes = 600});
    const auto slow = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    const auto gone = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    const auto reader = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    gone->detach(Http::ResponseStream::CloseReason::ClientGone);
    feed.tick();
    QCOMPARE(feed.subscriberCount(), 2); // the departed one is gone at the next tick
    for (int i = 0; i < 6; ++i) {
        feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
        feed.tick();
        (void)drain(reader); // this one keeps up
    }
    QCOMPARE(slow->closeReason(), Http::ResponseStream::CloseReason::Overflow);
    QCOMPARE(feed.subscriberCount(), 1);
    QVERIFY(!reader->isClosed());
}

void TestLiveFeed::stopEndsStreams()
{
    LiveFeed feed(m_clock, {.tickMs = 50});
    feed.start();
    const auto stream = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}});
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += drain(stream), text.contains(LiveFeed::kPing)), 2000); // the thread ticks
    feed.stop();
    bool finished = false;
    (void)stream->take(&finished);
    QVERIFY(finished);
    QCOMPARE(feed.subscriberCount(), 0);
}

void TestLiveFeed::routeStreamsTicks()
{
    Test::ApiHarness h;
    const QString apiId = h.createApi();
    const QString key = h.createKey({{u"apiId"_s, apiId}}).value(u"key"_s).toString();
    const Http::Response response
        = h.server().router().handle(streamRequest(R"({"scope":"api","id":")" + apiId.toUtf8() + "\"}", h.rootKey()));
    QCOMPARE(response.status, 200);
    QVERIFY(response.stream);
    QCOMPARE(response.header("Content-Type"), "text/event-stream");
    QCOMPARE(response.header("Cache-Control"), "no-store");
    QVERIFY(response.body.isEmpty());
    QCOMPARE(h.server().analytics().liveFeed().subscriberCount(), 1);

    for (int i = 0; i < 3; ++i)
        QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}}).status, 200);
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, u"nope_123"_s}}).status, 200);
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += drain(response.stream), !lastTick(text).isEmpty()), 3000);
    const QJsonObject tick = lastTick(text);
    QCOMPARE(tick.value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 3}})); // NOT_FOUND has no API
    QCOMPARE(tick.value(u"events").toArray().size(), 3);

    response.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
    QTRY_COMPARE_WITH_TIMEOUT(h.server().analytics().liveFeed().subscriberCount(), 0, 3000);
}

void TestLiveFeed::routeValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing scope") << QByteArray("{}") << u"body.scope"_s;
    QTest::newRow("unknown scope") << QByteArray(R"({"scope":"galaxy"})") << u"body.scope"_s;
    QTest::newRow("scope not a string") << QByteArray(R"({"scope":3})") << u"body.scope"_s;
    QTest::newRow("api without id") << QByteArray(R"({"scope":"api"})") << u"body.id"_s;
    QTest::newRow("workspace with id") << QByteArray(R"({"scope":"workspace","id":"x"})") << u"body.id"_s;
    QTest::newRow("empty id") << QByteArray(R"({"scope":"key","id":""})") << u"body.id"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"scope":"workspace","rootKey":"x"})") << u"body.rootKey"_s;
}

void TestLiveFeed::routeValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    Test::ApiHarness h;
    const Http::Response response = h.server().router().handle(streamRequest(body, h.rootKey()));
    QCOMPARE(response.status, 400);
    QVERIFY(!response.stream);
    const QJsonArray errors = QJsonDocument::fromJson(response.body).object()[u"error"_s][u"errors"_s].toArray();
    QVERIFY2(QString::fromUtf8(response.body).contains(field), response.body.constData());
    QVERIFY(!errors.isEmpty());
    QCOMPARE(h.server().analytics().liveFeed().subscriberCount(), 0);
}

void TestLiveFeed::routeAuthorization()
{
    Test::ApiHarness h;
    const QString apiId = h.createApi();
    auto status = [&h](const QByteArray &body, const QString &rootKey) {
        const Http::Response response = h.server().router().handle(streamRequest(body, rootKey));
        if (response.stream)
            response.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
        return response.status;
    };
    const QByteArray workspace = R"({"scope":"workspace"})";
    const QByteArray api = R"({"scope":"api","id":")" + apiId.toUtf8() + "\"}";
    QCOMPARE(status(workspace, u"lkroot_unknown"_s), 401);
    const QString none = h.createRootKey({u"api.*.read_key"_s});
    QCOMPARE(status(workspace, none), 403);
    const Http::Response denied = h.server().router().handle(streamRequest(api, none));
    QVERIFY(QString::fromUtf8(denied.body).contains(u"api.%1.read_analytics"_s.arg(apiId)));
    const QString perApi = h.createRootKey({u"api.%1.read_analytics"_s.arg(apiId)});
    QCOMPARE(status(api, perApi), 200);
    QCOMPARE(status(R"({"scope":"key","id":"key_x"})", perApi), 200);
    QCOMPARE(status(workspace, perApi), 403); // the whole workspace needs api.*.read_analytics
    QCOMPARE(status(R"({"scope":"identity","id":"id_x"})", perApi), 403);
    QCOMPARE(status(R"({"scope":"api","id":"api_other"})", perApi), 403);
    QCOMPARE(status(R"({"scope":"api","id":"api_missing"})", h.rootKey()), 404);
    QCOMPARE(status(api, h.otherRootKey()), 404); // another workspace's API does not exist for it
    QCOMPARE(status(workspace, h.createRootKey({u"api.*.read_analytics"_s})), 200);
}

QTEST_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
