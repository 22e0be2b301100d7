// Tests of the live feed (Analytics::LiveFeed) and of POST /v2/analytics.stream in-process: one
// aggregation per tick fanned out per scope, per-API restrictions, rate-limit checks beside
// verifications, pings, dropping slow and departed subscribers, and the route's validation and
// authorization.

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

Core::RatelimitEvent makeCheck(const QString &ws, const QString &ns, const QString &identifier, bool passed)
{
    static int counter = 0;
    Core::RatelimitEvent e;
    e.requestId = u"rl_%1"_s.arg(++counter);
    e.timeMs = 2000 + counter;
    e.workspaceId = ws;
    e.namespaceId = ns;
    e.identifier = identifier;
    e.passed = passed;
    e.limit = 10;
    e.remaining = passed ? 9 : 0;
    e.resetMs = 60'000;
    e.cost = 1;
    e.latencyUs = 7;
    return e;
}

QByteArray drain(const std::shared_ptr<Http::ResponseStream> &stream)
{
    return stream->take().join();
}

/// The `data` of the last `event: <name>` in @p text; empty when there is none.
QJsonObject lastEvent(const QByteArray &text, const QByteArray &name)
{
    const QByteArray prefix = "event: " + name + "\ndata: ";
    const qsizetype at = text.lastIndexOf(prefix);
    if (at < 0)
        return {};
    const qsizetype start = at + prefix.size();
    return QJsonDocument::fromJson(text.mid(start, text.indexOf("\n\n", start) - start)).object();
}

QJsonObject lastTick(const QByteArray &text)
{
    return lastEvent(text, "tick");
}

QJsonObject lastRatelimit(const QByteArray &text)
{
    return lastEvent(text, "ratelimit");
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
    void ratelimitChecksPerScope();
    void workspaceSeesOnlyWhatItsKeyMayRead();
    void routeStreamsRatelimits();
    void routeResolvesNamesAndExternalIds();
    void routeNamespaceAuthorization();

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

void TestLiveFeed::ratelimitChecksPerScope()
{
    m_clock.setNowMs(9000);
    LiveFeed feed(m_clock, {.tickMs = 0, .newestEvents = 2});
    LiveScope both {LiveScope::Kind::Workspace, u"ws1"_s, {}};
    both.ratelimits = true;
    const auto workspace = feed.subscribe(both);
    const auto nsA = feed.subscribe({LiveScope::Kind::Namespace, u"ws1"_s, u"rlns_a"_s});
    const auto nsB = feed.subscribe({LiveScope::Kind::Namespace, u"ws1"_s, u"rlns_b"_s});
    const auto otherWs = feed.subscribe({LiveScope::Kind::Namespace, u"ws2"_s, u"rlns_a"_s});
    const auto api = feed.subscribe({LiveScope::Kind::Api, u"ws1"_s, u"api_a"_s});
    for (const auto &stream : {workspace, nsA, nsB, otherWs, api})
        (void)drain(stream);

    feed.offer(makeCheck(u"ws1"_s, u"rlns_a"_s, u"user_1"_s, true));
    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    feed.offer(makeCheck(u"ws1"_s, u"rlns_a"_s, u"user_1"_s, false));
    Core::RatelimitEvent overridden = makeCheck(u"ws1"_s, u"rlns_a"_s, u"user_2"_s, true);
    overridden.overrideId = u"rlor_1"_s;
    feed.offer(overridden);
    feed.tick();

    // The workspace gets both kinds, as two distinct SSE events in one tick.
    const QByteArray text = drain(workspace);
    QVERIFY2(text.startsWith("event: tick\ndata: {"), text.constData());
    QCOMPARE(text.count("event: "), 2);
    QCOMPARE(lastTick(text).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}}));
    QCOMPARE(lastTick(text).value(u"events").toArray().size(), 1); // verifications only
    const QJsonObject checks = lastRatelimit(text);
    QCOMPARE(checks.value(u"time").toInteger(), 9000);
    QCOMPARE(checks.value(u"counts").toObject(), (QJsonObject {{u"passed"_s, 2}, {u"blocked"_s, 1}}));
    const QJsonArray newest = checks.value(u"events").toArray();
    QCOMPARE(newest.size(), 2); // newestEvents, newest first
    const QJsonObject first = newest.at(0).toObject();
    QCOMPARE(first.value(u"identifier").toString(), u"user_2"_s);
    QCOMPARE(first.value(u"overrideId").toString(), u"rlor_1"_s);
    QCOMPARE(first.value(u"namespaceId").toString(), u"rlns_a"_s);
    QCOMPARE(first.value(u"passed").toBool(), true);
    QCOMPARE(first.value(u"limit").toInteger(), 10);
    QCOMPARE(first.value(u"remaining").toInteger(), 9);
    QCOMPARE(first.value(u"reset").toInteger(), 60'000);
    QCOMPARE(first.value(u"cost").toInteger(), 1);
    QCOMPARE(first.value(u"latencyUs").toInteger(), 7);
    QVERIFY(first.value(u"requestId").toString().startsWith(u"rl_"));
    const QJsonObject second = newest.at(1).toObject();
    QCOMPARE(second.value(u"passed").toBool(), false);
    QCOMPARE(second.value(u"remaining").toInteger(), 0);
    QVERIFY(!second.contains(u"overrideId")); // absent, not null

    const QByteArray nsText = drain(nsA);
    QVERIFY2(!nsText.contains("event: tick"), nsText.constData()); // a namespace has no verifications
    QCOMPARE(lastRatelimit(nsText).value(u"counts").toObject(), (QJsonObject {{u"passed"_s, 2}, {u"blocked"_s, 1}}));
    QCOMPARE(drain(nsB), LiveFeed::kPing.toByteArray());
    QCOMPARE(drain(otherWs), LiveFeed::kPing.toByteArray()); // same namespace id, other workspace
    const QByteArray apiText = drain(api);
    QVERIFY2(!apiText.contains("event: ratelimit"), apiText.constData());
    QCOMPARE(lastTick(apiText).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}}));

    feed.tick(); // the next second starts from zero
    QCOMPARE(drain(nsA), LiveFeed::kPing.toByteArray());
    QCOMPARE(drain(workspace), LiveFeed::kPing.toByteArray());
}

void TestLiveFeed::workspaceSeesOnlyWhatItsKeyMayRead()
{
    LiveFeed feed(m_clock, {.tickMs = 0});
    const auto verificationsOnly = feed.subscribe({LiveScope::Kind::Workspace, u"ws1"_s, {}}); // the default
    LiveScope checksScope {LiveScope::Kind::Workspace, u"ws1"_s, {}};
    checksScope.verifications = false;
    checksScope.ratelimits = true;
    const auto checksOnly = feed.subscribe(checksScope);
    (void)drain(verificationsOnly);
    (void)drain(checksOnly);

    feed.offer(makeCheck(u"ws1"_s, u"rlns_a"_s, u"u"_s, false));
    feed.tick();
    QCOMPARE(drain(verificationsOnly), LiveFeed::kPing.toByteArray());
    QCOMPARE(lastRatelimit(drain(checksOnly)).value(u"counts").toObject(),
        (QJsonObject {{u"passed"_s, 0}, {u"blocked"_s, 1}}));

    feed.offer(makeEvent(u"ws1"_s, u"api_a"_s, u"key_1"_s, u"VALID"_s));
    feed.tick();
    QCOMPARE(lastTick(drain(verificationsOnly)).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}}));
    QCOMPARE(drain(checksOnly), LiveFeed::kPing.toByteArray());
}

void TestLiveFeed::routeStreamsRatelimits()
{
    Test::ApiHarness h;
    auto limit = [&h](const QString &identifier, qint64 max) {
        const QJsonObject body {{u"namespace"_s, u"sms"_s}, {u"identifier"_s, identifier}, {u"limit"_s, max},
            {u"duration"_s, 60'000}};
        return h.call(u"ratelimit.limit"_s, body).dataObject().value(u"success"_s).toBool();
    };
    QVERIFY(limit(u"warmup"_s, 5)); // creates the namespace
    const Http::Response ns
        = h.server().router().handle(streamRequest(R"({"scope":"namespace","id":"sms"})", h.rootKey()));
    QCOMPARE(ns.status, 200);
    QVERIFY(ns.stream);
    const Http::Response workspace
        = h.server().router().handle(streamRequest(R"({"scope":"workspace"})", h.rootKey()));
    QCOMPARE(workspace.status, 200);

    QVERIFY(limit(u"alice"_s, 2));
    QVERIFY(limit(u"alice"_s, 2));
    QVERIFY(!limit(u"alice"_s, 2));
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += drain(ns.stream), !lastRatelimit(text).isEmpty()), 3000);
    const QJsonObject checks = lastRatelimit(text);
    QCOMPARE(checks.value(u"counts").toObject(), (QJsonObject {{u"passed"_s, 2}, {u"blocked"_s, 1}}));
    const QJsonObject newest = checks.value(u"events").toArray().at(0).toObject();
    QCOMPARE(newest.value(u"identifier").toString(), u"alice"_s);
    QCOMPARE(newest.value(u"passed").toBool(), false);
    QCOMPARE(newest.value(u"limit").toInteger(), 2);
    QVERIFY(newest.value(u"namespaceId").toString().startsWith(u"rlns_"));
    QByteArray all;
    QTRY_VERIFY_WITH_TIMEOUT((all += drain(workspace.stream), !lastRatelimit(all).isEmpty()), 3000);
    QCOMPARE(lastRatelimit(all).value(u"counts").toObject(), checks.value(u"counts").toObject());

    ns.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
    workspace.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
    QTRY_COMPARE_WITH_TIMEOUT(h.server().analytics().liveFeed().subscriberCount(), 0, 3000);
}

void TestLiveFeed::routeResolvesNamesAndExternalIds()
{
    Test::ApiHarness h;
    const QString apiId = h.createApi();
    const Test::ApiReply identity = h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"user_42"_s}});
    QCOMPARE(identity.status, 200);
    const QJsonObject created = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"user_42"_s}});
    const Http::Response byExternalId
        = h.server().router().handle(streamRequest(R"({"scope":"identity","id":"user_42"})", h.rootKey()));
    QCOMPARE(byExternalId.status, 200);
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, created.value(u"key"_s)}}).status, 200);
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += drain(byExternalId.stream), !lastTick(text).isEmpty()), 3000);
    QCOMPARE(lastTick(text).value(u"counts").toObject(), (QJsonObject {{u"VALID"_s, 1}}));
    QCOMPARE(lastTick(text).value(u"events").toArray().at(0).toObject().value(u"externalId").toString(), u"user_42"_s);
    byExternalId.stream->detach(Http::ResponseStream::CloseReason::ClientGone);

    auto status = [&h](const QByteArray &body, const QString &rootKey) {
        const Http::Response response = h.server().router().handle(streamRequest(body, rootKey));
        if (response.stream)
            response.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
        return response.status;
    };
    const QByteArray byId = R"({"scope":"identity","id":")" + identity.dataObject().value(u"identityId").toString().toUtf8() + "\"}";
    QCOMPARE(status(byId, h.rootKey()), 200);
    QCOMPARE(status(R"({"scope":"identity","id":"nobody"})", h.rootKey()), 404);
    QCOMPARE(status(R"({"scope":"identity","id":"user_42"})", h.otherRootKey()), 404); // other workspace
    QCOMPARE(status(R"({"scope":"namespace","id":"never.used"})", h.rootKey()), 404);
}

void TestLiveFeed::routeNamespaceAuthorization()
{
    Test::ApiHarness h;
    const QJsonObject body {{u"namespace"_s, u"sms"_s}, {u"identifier"_s, u"u"_s}, {u"limit"_s, 5}, {u"duration"_s, 60'000}};
    QCOMPARE(h.call(u"ratelimit.limit"_s, body).status, 200);
    const QString nsId = h.call(u"ratelimit.getTimeseries"_s,
                                    QJsonObject {{u"namespace"_s, u"sms"_s}, {u"start"_s, 0}, {u"end"_s, 86'400'000},
                                        {u"bucket"_s, u"day"_s}})
                             .dataObject().value(u"namespaceId"_s).toString();
    QVERIFY(nsId.startsWith(u"rlns_"));
    auto status = [&h](const QByteArray &request, const QString &rootKey) {
        const Http::Response response = h.server().router().handle(streamRequest(request, rootKey));
        if (response.stream)
            response.stream->detach(Http::ResponseStream::CloseReason::ClientGone);
        return response.status;
    };
    const QByteArray byName = R"({"scope":"namespace","id":"sms"})";
    const QByteArray byId = R"({"scope":"namespace","id":")" + nsId.toUtf8() + "\"}";
    const QString perNamespace = h.createRootKey({u"ratelimit.%1.read_analytics"_s.arg(nsId)});
    QCOMPARE(status(byName, perNamespace), 200);
    QCOMPARE(status(byId, perNamespace), 200);
    QCOMPARE(status(byName, h.createRootKey({u"ratelimit.rlns_other.read_analytics"_s})), 403);
    QCOMPARE(status(byName, h.createRootKey({u"api.*.read_analytics"_s})), 403);
    QCOMPARE(status(byName, h.otherRootKey()), 404);
    QCOMPARE(status(R"({"scope":"workspace"})", perNamespace), 403); // the workspace needs a wildcard
    QCOMPARE(status(R"({"scope":"workspace"})", h.createRootKey({u"ratelimit.*.read_analytics"_s})), 200);
    QCOMPARE(status(R"({"scope":"namespace"})", h.rootKey()), 400); // id required
}

QTEST_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
