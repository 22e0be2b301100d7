// The analytics writer: batches by size and by time, loses nothing on stop, and strict
// durability writes events before publish() returns or inside the caller's transaction.

#include "analytics/analyticssink.h"
#include "core/clock.h"
#include "store/analyticsstore.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

Core::VerificationEvent verification(int i, const QString &keyId = u"key_1"_s)
{
    Core::VerificationEvent e;
    e.requestId = u"req_"_s + QString::number(i);
    e.timeMs = 1'767'225'600'000 + i * 10;
    e.workspaceId = u"ws_1"_s;
    e.apiId = u"api_1"_s;
    e.keyspaceId = u"ks_1"_s;
    e.keyId = keyId;
    e.outcome = i % 5 ? u"VALID"_s : u"RATE_LIMITED"_s;
    e.latencyUs = 50 + i % 100;
    return e;
}

Core::RatelimitEvent ratelimit(int i)
{
    Core::RatelimitEvent e;
    e.requestId = u"req_rl_"_s + QString::number(i);
    e.timeMs = 1'767'225'600'000 + i * 10;
    e.workspaceId = u"ws_1"_s;
    e.namespaceId = u"rlns_1"_s;
    e.identifier = u"user_"_s + QString::number(i % 7);
    e.passed = i % 3 != 0;
    e.cost = 1;
    return e;
}

} // namespace

class TestAnalyticsWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void batchesBySize();
    void batchesByTime();
    void defaultWindowIsOneSecond();
    void stopWritesEverythingQueued();
    void retentionRunsInTheBackground();
    void strictWritesBeforePublishReturns();
    void strictRidesTheCallersTransaction();
    void strictRequestsLeaveTheRollUpToTheWriter();

private:
    qint64 count(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    Core::ManualClock m_clock {1'767'225'600'000};
};

void TestAnalyticsWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Store::Database::open(m_dir->filePath(u"writer.db"_s));
    QVERIFY(db);
    m_db = std::move(*db);
}

void TestAnalyticsWriter::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestAnalyticsWriter::count(const QString &sql)
{
    QSqlQuery query = m_db->prepare(sql);
    return Store::exec(query) && query.next() ? query.value(0).toLongLong() : -1;
}

void TestAnalyticsWriter::batchesBySize()
{
    Analytics::AnalyticsSink::Options options;
    options.writer.maxDelayMs = 60'000; // only size can end a batch here
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    for (int i = 0; i < 2500; ++i)
        sink.publish(verification(i));
    QTRY_COMPARE_WITH_TIMEOUT(sink.metrics().batchesWritten, quint64(2), 10'000);
    QCOMPARE(sink.metrics().eventsWritten, quint64(2000)); // two full batches of 1,000
    QTest::qWait(300);
    QCOMPARE(sink.metrics().batchesWritten, quint64(2)); // the last 500 wait for their batch to age
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 2000);
    sink.stop();
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 2500);
    QCOMPARE(sink.metrics().batchesWritten, quint64(3));
}

void TestAnalyticsWriter::batchesByTime()
{
    Analytics::AnalyticsSink::Options options;
    options.writer.maxDelayMs = 250;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 10; ++i)
        sink.publish(verification(i));
    sink.publish(ratelimit(1));
    QTRY_COMPARE_WITH_TIMEOUT(sink.metrics().eventsWritten, quint64(11), 5000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 200, qPrintable(QString::number(elapsed))); // not before the window
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(sink.metrics().batchesWritten, quint64(1)); // one transaction for both kinds
    QCOMPARE(count(u"SELECT count(*) FROM ratelimit_events"_s), 1);
}

void TestAnalyticsWriter::defaultWindowIsOneSecond()
{
    Analytics::AnalyticsSink sink(*m_db, m_clock, {});
    sink.start();
    QElapsedTimer timer;
    timer.start();
    sink.publish(verification(1));
    QTRY_COMPARE_WITH_TIMEOUT(sink.metrics().eventsWritten, quint64(1), 5000);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
}

void TestAnalyticsWriter::stopWritesEverythingQueued()
{
    Analytics::AnalyticsSink::Options options;
    options.writer.maxDelayMs = 60'000;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    for (int i = 0; i < 5000; ++i) {
        sink.publish(verification(i, u"key_"_s + QString::number(i % 40)));
        if (i % 2)
            sink.publish(ratelimit(i));
    }
    sink.stop();
    QCOMPARE(sink.metrics().dropped, quint64(0));
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 5000);
    QCOMPARE(count(u"SELECT count(*) FROM ratelimit_events"_s), 2500);
    QCOMPARE(count(u"SELECT count(DISTINCT request_id) FROM verification_events"_s), 5000);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_rollups_minute WHERE scope = 'workspace'"_s), 5000);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_day WHERE key_id <> ''"_s), 5000);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_month"_s), 5000);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_rollups_hour WHERE scope = 'workspace'"
                   " AND outcome = 'RATE_LIMITED'"_s),
        1000);
    QCOMPARE(count(u"SELECT sum(passed + blocked) FROM ratelimit_rollups_minute WHERE identifier = ''"_s), 2500);
    QVERIFY(sink.flush(100)); // everything published before the stop is committed
    sink.publish(verification(99'999));
    QCOMPARE(sink.metrics().dropped, quint64(1)); // after stop, events are counted as dropped
}

void TestAnalyticsWriter::retentionRunsInTheBackground()
{
    const qint64 old = m_clock.nowMs() - 45 * Analytics::RetentionPolicy::DayMs;
    Core::VerificationEvent expired = verification(1);
    expired.timeMs = old;
    QVERIFY(Store::AnalyticsStore(*m_db).write({{expired, verification(2)}, {}}));
    Analytics::AnalyticsSink::Options options;
    options.retentionChunkRows = 1;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start(); // the first pass runs at start, one row per transaction
    QTRY_COMPARE(count(u"SELECT count(*) FROM verification_events"_s), 1);
    QTRY_COMPARE(count(u"SELECT count(*) FROM verification_rollups_minute WHERE time < "_s
                     + QString::number(m_clock.nowMs() - 7 * Analytics::RetentionPolicy::DayMs)),
        0);
    QTRY_VERIFY(sink.metrics().rowsExpired >= 1 + 2 + 1); // raw, minute scope rows (workspace, api), detail
}

void TestAnalyticsWriter::strictWritesBeforePublishReturns()
{
    Analytics::AnalyticsSink::Options options;
    options.durability = Analytics::Durability::Strict;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    QVERIFY(sink.durable());
    sink.publish(verification(1));
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 1); // no flush, no wait
    QCOMPARE(count(u"SELECT sum(count) FROM verification_rollups_minute WHERE scope = 'workspace'"_s), 1);
    sink.publish(ratelimit(1));
    QCOMPARE(count(u"SELECT count(*) FROM ratelimit_events"_s), 1);
    QCOMPARE(sink.metrics().queueDepth, quint64(0));
    QCOMPARE(sink.metrics().batchesWritten, quint64(2));
}

void TestAnalyticsWriter::strictRidesTheCallersTransaction()
{
    Analytics::AnalyticsSink::Options options;
    options.durability = Analytics::Durability::Strict;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    QSqlQuery create = m_db->prepare(u"CREATE TABLE request_change (id INTEGER)"_s);
    QVERIFY(Store::exec(create));

    // The caller's change and the event commit together...
    QVERIFY(m_db->write([&]() -> Core::Status {
        QSqlQuery change = m_db->prepare(u"INSERT INTO request_change VALUES (1)"_s);
        if (!Store::exec(change))
            return Store::sqlError(change);
        return sink.publishInTransaction(verification(1));
    }));
    QCOMPARE(count(u"SELECT count(*) FROM request_change"_s), 1);
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 1);

    // ...and roll back together: when the request fails after recording, no event remains...
    QVERIFY(!m_db->write([&]() -> Core::Status {
        QSqlQuery change = m_db->prepare(u"INSERT INTO request_change VALUES (2)"_s);
        (void)Store::exec(change);
        if (Core::Status recorded = sink.publishInTransaction(verification(2)); !recorded)
            return recorded;
        return Core::makeError(Core::ErrorCode::Internal, u"the request failed"_s);
    }));
    QCOMPARE(count(u"SELECT count(*) FROM request_change"_s), 1);
    QCOMPARE(count(u"SELECT count(*) FROM verification_events"_s), 1);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_rollups_day WHERE scope = 'workspace'"_s), 1);

    // ...and when the event cannot be stored, the request's change is rolled back too.
    QSqlQuery trigger = m_db->prepare(
        u"CREATE TRIGGER refuse BEFORE INSERT ON verification_events BEGIN SELECT RAISE(ABORT, 'refused'); END"_s);
    QVERIFY(Store::exec(trigger));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"SQL error: .*refused"_s));
    QVERIFY(!m_db->write([&]() -> Core::Status {
        QSqlQuery change = m_db->prepare(u"INSERT INTO request_change VALUES (3)"_s);
        (void)Store::exec(change);
        return sink.publishInTransaction(verification(3));
    }));
    QCOMPARE(count(u"SELECT count(*) FROM request_change"_s), 1);
}

// Strict durability stores each event in its request's transaction. Rolling the completed minute
// of every key up there made the first request of a minute wait for all of them (10,000 keys:
// docs/BENCHMARKS.md, latchkey_rollup_latency), and with a credit spend every spend of its group
// commit. The requests leave it to the writer, which rolls up the minutes its clock says are
// complete, once a minute.
void TestAnalyticsWriter::strictRequestsLeaveTheRollUpToTheWriter()
{
    Analytics::AnalyticsSink::Options options;
    options.durability = Analytics::Durability::Strict;
    options.writer.adaptivePriority = false; // at SCHED_IDLE it may wait long on a loaded machine
    Analytics::AnalyticsSink sink(*m_db, m_clock, options); // not started: no writer yet
    Store::AnalyticsStore store(*m_db);
    const auto at = [](qint64 timeMs) {
        Core::VerificationEvent event = verification(1);
        event.timeMs = timeMs;
        return event;
    };
    const auto rolledUntil = [&]() -> qint64 {
        const auto rolled = store.rolledUntil();
        return rolled ? *rolled : -1;
    };
    const qint64 first = Store::bucketStart(m_clock.nowMs(), Store::Resolution::Minute);
    const qint64 before = rolledUntil();
    QVERIFY(before <= first);
    sink.publish(at(first + 1000));
    m_clock.advanceMs(2 * 60'000); // the first minute is complete now
    sink.publish(at(m_clock.nowMs()));
    QVERIFY(m_db->write([&] { return sink.publishInTransaction(at(m_clock.nowMs())); }));
    QCOMPARE(rolledUntil(), before); // neither request rolled the first minute up
    QCOMPARE(count(u"SELECT count(*) FROM verification_detail_rollups_hour"_s), 0);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_minute"_s), 3);

    sink.start();
    QTRY_COMPARE_WITH_TIMEOUT(rolledUntil(), first + 60'000, 20'000); // the writer did
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_hour"_s), 1);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_month"_s), 1);
    m_clock.advanceMs(2 * 60'000); // and the later requests' minute once it is complete
    QTRY_COMPARE_WITH_TIMEOUT(rolledUntil(), first + 3 * 60'000, 20'000);
    QCOMPARE(count(u"SELECT sum(count) FROM verification_detail_rollups_day"_s), 3);
    QCOMPARE(sink.metrics().batchesWritten, quint64(3));
}

QTEST_GUILESS_MAIN(TestAnalyticsWriter)
#include "tst_analyticswriter.moc"
