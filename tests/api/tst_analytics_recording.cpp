// Recording through the real router: every keys.verifyKey outcome and ratelimit.limit decision
// becomes exactly one raw row, the rollups add up to exactly what was sent, lastUsedAt follows the
// event stream, a stop writes out the queue, and strict durability commits events with the request.

#include "verifyfixture.h"

#include "analytics/analyticssink.h"
#include "store/database.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using namespace Latchkey::Test;

namespace {

constexpr qint64 Start = 1'767'225'600'000; // 2026-01-01T00:00:00Z, the harness clock

struct Sent {
    QString requestId;
    qint64 timeMs = 0;
    QString keyId;
    QString outcome;
};

} // namespace

class TestAnalyticsRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsMatchTheVerificationsExactly();
    void rollupsAddUpExactly();
    void ratelimitDecisionsAreRecorded();
    void lastUsedAtFromTheEventStream();
    void lastUsedAtBeforeItsBatchIsWritten();
    void noLastUsedAtWithoutAnalytics();
    void stopWritesOutTheQueue();
    void strictEventsCommitWithTheRequest();
    void strictCreditSpendAndEventAreOneTransaction();

private:
    struct Scenario {
        QList<Sent> sent;
        TestKey alice; // identity user_1, tags
        TestKey credits; // 3 credits
        TestKey disabled;
        TestKey unused;
        QString identityId;
    };
    static void runScenario(ApiHarness &h, VerifyFixture &f, Scenario &scenario);
};

// Eight recorded verifications over two minutes (00:00:50 and 00:01:05) plus one NOT_FOUND that
// must not be recorded.
void TestAnalyticsRecording::runScenario(ApiHarness &h, VerifyFixture &f, Scenario &s)
{
    s.identityId = f.createIdentity(u"user_1"_s);
    s.alice = f.createKey({{u"externalId"_s, u"user_1"_s}});
    s.credits = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 3}}}});
    s.disabled = f.createKey({{u"enabled"_s, false}});
    s.unused = f.createKey();
    const auto verify = [&](const TestKey &key, const QJsonObject &body, const QString &expected) {
        const ApiReply reply = f.verify(key.key, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.dataObject().value(u"code").toString(), expected);
        s.sent.append(
            {reply.body.value(u"meta").toObject().value(u"requestId").toString(), h.clock().nowMs(), key.id, expected});
    };
    h.clock().setNowMs(Start + 50'000);
    verify(s.alice, {{u"tags"_s, QJsonArray {u"path=/a"_s, u"b"_s}}}, u"VALID"_s);
    for (int i = 0; i < 3; ++i)
        verify(s.credits, {}, u"VALID"_s);
    verify(s.credits, {}, u"USAGE_EXCEEDED"_s);
    verify(s.disabled, {}, u"DISABLED"_s);
    QCOMPARE(f.verifyData(u"lk_nosuchkey123"_s).value(u"code").toString(), u"NOT_FOUND"_s);
    h.clock().setNowMs(Start + 65'000);
    verify(s.alice, {}, u"VALID"_s);
    verify(s.credits, {{u"credits"_s, QJsonObject {{u"cost"_s, 0}}}}, u"VALID"_s);
}

void TestAnalyticsRecording::rowsMatchTheVerificationsExactly()
{
    ApiHarness h;
    VerifyFixture f(h);
    Scenario s;
    runScenario(h, f, s);
    QVERIFY(h.server().analytics().flush());

    QSqlQuery rows = h.server().database().prepare(
        u"SELECT request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id, external_id, outcome, tags,"
        " spent_credits, latency_us, node FROM verification_events ORDER BY id"_s);
    QVERIFY(Store::exec(rows));
    const QList<Core::VerificationEvent> published = f.events();
    QCOMPARE(published.size(), s.sent.size());
    for (qsizetype i = 0; i < s.sent.size(); ++i) {
        QVERIFY2(rows.next(), qPrintable(QString::number(i)));
        const Sent &sent = s.sent.at(i);
        QCOMPARE(rows.value(0).toString(), sent.requestId);
        QCOMPARE(rows.value(1).toLongLong(), sent.timeMs);
        QCOMPARE(rows.value(2).toString(), h.workspaceId());
        QCOMPARE(rows.value(3).toString(), f.apiId);
        QCOMPARE(rows.value(4).toString(), f.keyspaceId);
        QCOMPARE(rows.value(5).toString(), sent.keyId);
        const bool alice = sent.keyId == s.alice.id;
        QCOMPARE(rows.value(6).toString(), alice ? s.identityId : QString());
        QCOMPARE(rows.value(6).isNull(), !alice);
        QCOMPARE(rows.value(7).toString(), alice ? u"user_1"_s : QString());
        QCOMPARE(rows.value(8).toString(), sent.outcome);
        QCOMPARE(rows.value(9).toString(), i == 0 ? u"[\"path=/a\",\"b\"]"_s : u"[]"_s);
        const bool spends = sent.keyId == s.credits.id && sent.outcome == u"VALID" && i < 4;
        QCOMPARE(rows.value(10).toLongLong(), spends ? 1 : 0);
        QCOMPARE(rows.value(11).toLongLong(), published.at(i).latencyUs);
        QVERIFY(rows.value(11).toLongLong() >= 0);
        QCOMPARE(rows.value(12).toString(), u"test-node"_s);
    }
    QVERIFY(!rows.next()); // the NOT_FOUND was not recorded
}

void TestAnalyticsRecording::rollupsAddUpExactly()
{
    ApiHarness h;
    VerifyFixture f(h);
    Scenario s;
    runScenario(h, f, s);
    QVERIFY(h.server().analytics().flush());

    const qint64 minute0 = Start;
    const qint64 minute1 = Start + 60'000;
    const auto rollup = [&](const QString &table, const QString &scope, const QString &scopeId, qint64 time,
                            const QString &outcome, const QString &column = u"count"_s) {
        return f
            .scalar(u"SELECT coalesce(sum("_s + column + u"), 0) FROM "_s + table
                    + u" WHERE workspace_id = ? AND scope = ? AND scope_id = ? AND time = ? AND outcome = ?"_s,
                {h.workspaceId(), scope, scopeId, time, outcome})
            .toLongLong();
    };
    const QString minute = u"verification_rollups_minute"_s;
    QCOMPARE(rollup(minute, u"workspace"_s, u""_s, minute0, u"VALID"_s), 4);
    QCOMPARE(rollup(minute, u"workspace"_s, u""_s, minute0, u"USAGE_EXCEEDED"_s), 1);
    QCOMPARE(rollup(minute, u"workspace"_s, u""_s, minute0, u"DISABLED"_s), 1);
    QCOMPARE(rollup(minute, u"workspace"_s, u""_s, minute1, u"VALID"_s), 2);
    QCOMPARE(rollup(minute, u"api"_s, f.apiId, minute1, u"VALID"_s), 2);
    // Keys and identities: their detail rows (schema 4 keeps no 'key'/'identity' scope rows).
    const auto detail = [&](const QString &table, const QString &column, const QString &id, qint64 time,
                            const QString &outcome, const QString &metric = u"count"_s) {
        return f
            .scalar(u"SELECT coalesce(sum("_s + metric + u"), 0) FROM "_s + table + u" WHERE workspace_id = ? AND "_s
                    + column + u" = ? AND time = ? AND outcome = ?"_s,
                {h.workspaceId(), id, time, outcome})
            .toLongLong();
    };
    const QString detailMinute = u"verification_detail_rollups_minute"_s;
    QCOMPARE(detail(detailMinute, u"key_id"_s, s.credits.id, minute0, u"VALID"_s), 3);
    QCOMPARE(detail(detailMinute, u"key_id"_s, s.credits.id, minute0, u"VALID"_s, u"spent_credits"_s), 3);
    QCOMPARE(detail(detailMinute, u"key_id"_s, s.credits.id, minute1, u"VALID"_s, u"spent_credits"_s), 0);
    QCOMPARE(detail(detailMinute, u"identity_id"_s, s.identityId, minute0, u"VALID"_s), 1);
    QCOMPARE(detail(detailMinute, u"identity_id"_s, s.identityId, minute1, u"VALID"_s), 1);
    QCOMPARE(rollup(u"verification_rollups_hour"_s, u"workspace"_s, u""_s, Start, u"VALID"_s), 6);
    QCOMPARE(detail(u"verification_detail_rollups_day"_s, u"key_id"_s, s.alice.id, Start, u"VALID"_s), 2);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM verification_detail_rollups_minute WHERE key_id = ?"_s, {s.unused.id})
                 .toLongLong(),
        0);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM verification_rollups_minute WHERE scope NOT IN ('workspace', 'api')"_s)
                 .toLongLong(),
        0);
    // Nothing more and nothing less than the raw rows.
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s}) {
        QCOMPARE(
            f.scalar(u"SELECT sum(count) FROM verification_rollups_"_s + resolution + u" WHERE scope = 'workspace'"_s)
                .toLongLong(),
            8);
    }
    // The detail grain behind key_verifications_per_*_v1 keeps identity, external id and tags.
    QCOMPARE(f.scalar(u"SELECT count FROM verification_detail_rollups_minute WHERE key_id = ? AND identity_id = ?"
                      " AND external_id = 'user_1' AND tags = ? AND time = ?"_s,
                  {s.alice.id, s.identityId, u"[\"path=/a\",\"b\"]"_s, minute0})
                 .toLongLong(),
        1);
    QCOMPARE(
        f.scalar(u"SELECT sum(count) FROM verification_detail_rollups_month WHERE keyspace_id = ?"_s, {f.keyspaceId})
            .toLongLong(),
        8);
    // The per-row latency sums are the events' latencies.
    qint64 latencySum = 0;
    for (const Core::VerificationEvent &event : f.events())
        latencySum += event.latencyUs;
    QCOMPARE(
        f.scalar(u"SELECT sum(latency_sum_us) FROM verification_rollups_day WHERE scope = 'workspace'"_s).toLongLong(),
        latencySum);
}

void TestAnalyticsRecording::ratelimitDecisionsAreRecorded()
{
    ApiHarness h;
    VerifyFixture f(h);
    const QJsonObject body {
        {u"namespace"_s, u"api-calls"_s}, {u"identifier"_s, u"alice"_s}, {u"limit"_s, 2}, {u"duration"_s, 60'000}};
    QStringList requestIds;
    for (int i = 0; i < 3; ++i) {
        const ApiReply reply = h.call(u"ratelimit.limit"_s, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.dataObject().value(u"success"_s).toBool(), i < 2);
        requestIds.append(reply.body.value(u"meta").toObject().value(u"requestId").toString());
    }
    QCOMPARE(h.call(u"ratelimit.limit"_s,
                  QJsonObject {{u"namespace"_s, u"api-calls"_s}, {u"identifier"_s, u"bob"_s}, {u"limit"_s, 2},
                      {u"duration"_s, 60'000}, {u"cost"_s, 2}})
                 .status,
        200);
    QVERIFY(h.server().analytics().flush());

    const QString ns = f.scalar(u"SELECT id FROM ratelimit_namespaces WHERE name = 'api-calls'"_s).toString();
    QVERIFY(!ns.isEmpty());
    QSqlQuery rows = h.server().database().prepare(
        u"SELECT request_id, time, workspace_id, namespace_id, identifier, passed, \"limit\", remaining, cost"
        " FROM ratelimit_events ORDER BY id"_s);
    QVERIFY(Store::exec(rows));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toString(), requestIds.at(i));
        QCOMPARE(rows.value(1).toLongLong(), Start);
        QCOMPARE(rows.value(2).toString(), h.workspaceId());
        QCOMPARE(rows.value(3).toString(), ns);
        QCOMPARE(rows.value(4).toString(), u"alice"_s);
        QCOMPARE(rows.value(5).toInt(), i < 2 ? 1 : 0);
        QCOMPARE(rows.value(6).toLongLong(), 2);
        QCOMPARE(rows.value(7).toLongLong(), i < 2 ? 1 - i : 0);
        QCOMPARE(rows.value(8).toLongLong(), 1);
    }
    QVERIFY(rows.next());
    QVERIFY(!rows.next());
    const auto rollup = [&](const QString &identifier) {
        QSqlQuery query = h.server().database().prepare(
            u"SELECT passed, blocked, passed_cost, blocked_cost FROM ratelimit_rollups_minute"
            " WHERE workspace_id = ? AND namespace_id = ? AND identifier = ? AND time = ?"_s);
        query.addBindValue(h.workspaceId());
        query.addBindValue(ns);
        query.addBindValue(identifier);
        query.addBindValue(Start);
        if (!Store::exec(query) || !query.next())
            return QString();
        return QStringList {
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString()}
            .join(u'/');
    };
    QCOMPARE(rollup(u""_s), u"3/1/4/1"_s); // the namespace: alice 2 passed + 1 blocked, bob 1 passed (cost 2)
    QCOMPARE(rollup(u"alice"_s), u"2/1/2/1"_s);
    QCOMPARE(rollup(u"bob"_s), u"1/0/2/0"_s);
}

void TestAnalyticsRecording::lastUsedAtFromTheEventStream()
{
    ApiHarness h;
    VerifyFixture f(h);
    Scenario s;
    runScenario(h, f, s);
    QVERIFY(h.server().analytics().flush());

    const auto getKey = [&](const QString &keyId) {
        const ApiReply reply = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}});
        return reply.dataObject();
    };
    QCOMPARE(getKey(s.alice.id).value(u"lastUsedAt").toInteger(), Start + 65'000);
    QCOMPARE(getKey(s.credits.id).value(u"lastUsedAt").toInteger(), Start + 65'000);
    QCOMPARE(getKey(s.disabled.id).value(u"lastUsedAt").toInteger(), Start + 50'000); // any outcome counts
    QVERIFY(!getKey(s.unused.id).contains(u"lastUsedAt"));

    const ApiReply list = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, f.apiId}});
    QCOMPARE(list.status, 200);
    int withLastUsed = 0;
    for (const QJsonValue &key : list.dataArray()) {
        const QJsonObject object = key.toObject();
        if (object.value(u"keyId").toString() == s.alice.id)
            QCOMPARE(object.value(u"lastUsedAt").toInteger(), Start + 65'000);
        withLastUsed += object.contains(u"lastUsedAt") ? 1 : 0;
    }
    QCOMPARE(withLastUsed, 3);
}

// W10: a support engineer opening a key a customer used a moment ago sees it used, not "last used
// never" until the analytics writer's batch (up to a second, far longer on a busy machine) lands.
void TestAnalyticsRecording::lastUsedAtBeforeItsBatchIsWritten()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 20}}}});
    h.clock().setNowMs(Start + 5'000);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    h.clock().setNowMs(Start + 7'000);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);

    // Asked at once, before the writer's batch (it waits up to a second for company).
    const QJsonObject read = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, key.id}}).dataObject();
    QCOMPARE(read.value(u"lastUsedAt").toInteger(), Start + 7'000);
    QCOMPARE(read.value(u"credits").toObject().value(u"remaining").toInteger(), 18);
    const ApiReply list = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, f.apiId}});
    QCOMPARE(list.status, 200);
    QCOMPARE(list.dataArray().at(0).toObject().value(u"lastUsedAt").toInteger(), Start + 7'000);

    // Once stored, the same time; an older batch never moves it back.
    QVERIFY(h.server().analytics().flush());
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, key.id}}).dataObject().value(u"lastUsedAt").toInteger(),
             Start + 7'000);
}

void TestAnalyticsRecording::noLastUsedAtWithoutAnalytics()
{
    ApiHarness h([](Server::ServerConfig &config) { config.analyticsEnabled = false; });
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    QVERIFY(h.server().analytics().flush());
    QVERIFY(!h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, key.id}}).dataObject().contains(u"lastUsedAt"));
}

void TestAnalyticsRecording::stopWritesOutTheQueue()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    for (int i = 0; i < 300; ++i)
        QCOMPARE(f.verify(key.key).status, 200);
    const QString path = h.server().database().path();
    h.server().stop(); // the SIGTERM path: nothing may be left in the queue

    auto reopened = Store::Database::open(path);
    QVERIFY(reopened);
    QSqlQuery count = (*reopened)->prepare(u"SELECT count(*), (SELECT sum(count) FROM verification_detail_rollups_day"
                                           " WHERE key_id <> '') FROM verification_events WHERE key_id = ?"_s);
    count.addBindValue(key.id);
    QVERIFY(Store::exec(count) && count.next());
    QCOMPARE(count.value(0).toInt(), 300);
    QCOMPARE(count.value(1).toInt(), 300);
}

void TestAnalyticsRecording::strictEventsCommitWithTheRequest()
{
    ApiHarness h([](Server::ServerConfig &config) { config.analyticsDurability = u"strict"_s; });
    VerifyFixture f(h);
    const TestKey plain = f.createKey();
    const TestKey limited = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    QVERIFY(h.server().analytics().durable());

    // No flush: the rows are there when the answer is.
    QCOMPARE(f.verifyData(plain.key).value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM verification_events WHERE key_id = ?"_s, {plain.id}).toInt(), 1);
    QCOMPARE(f.verifyData(limited.key).value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.scalar(u"SELECT spent_credits FROM verification_events WHERE key_id = ?"_s, {limited.id}).toInt(), 1);
    QCOMPARE(f.scalar(u"SELECT last_used_at FROM keys WHERE id = ?"_s, {limited.id}).toLongLong(), Start);
    QCOMPARE(
        h.call(u"ratelimit.limit"_s,
             QJsonObject {{u"namespace"_s, u"n"_s}, {u"identifier"_s, u"i"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}})
            .status,
        200);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM ratelimit_events"_s).toInt(), 1);
    QCOMPARE(f.events().size(), 2); // one event per verification: none twice
    QCOMPARE(f.scalar(u"SELECT count(*) FROM verification_events"_s).toInt(), 2);
    QCOMPARE(h.server().analytics().metrics().published, quint64(0)); // nothing went through the queue
}

void TestAnalyticsRecording::strictCreditSpendAndEventAreOneTransaction()
{
    ApiHarness h([](Server::ServerConfig &config) { config.analyticsDurability = u"strict"_s; });
    VerifyFixture f(h);
    const TestKey limited = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    QCOMPARE(f.verifyData(limited.key).value(u"credits").toInteger(), 4);

    // While events cannot be stored, a credit spend cannot commit either: the verification fails
    // and the credit stays.
    f.mutate(
        u"CREATE TRIGGER refuse BEFORE INSERT ON verification_events BEGIN SELECT RAISE(ABORT, 'refused'); END"_s, {});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"SQL error: .*refused"_s));
    const ApiReply failed = f.verify(limited.key);
    QCOMPARE(failed.status, 500);
    QCOMPARE(f.remaining(limited.id), 4);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM verification_events"_s).toInt(), 1);

    f.mutate(u"DROP TRIGGER refuse"_s, {});
    QCOMPARE(f.verifyData(limited.key).value(u"credits").toInteger(), 3);
    QCOMPARE(f.remaining(limited.id), 3);
    QCOMPARE(
        f.scalar(u"SELECT count(*) FROM verification_events WHERE outcome = 'VALID' AND spent_credits = 1"_s).toInt(),
        2);
    QCOMPARE(
        f.scalar(u"SELECT sum(spent_credits) FROM verification_detail_rollups_minute WHERE key_id <> ''"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestAnalyticsRecording)
#include "tst_analytics_recording.moc"
