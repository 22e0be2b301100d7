// Schema 5: the writer adds events to the minute rows of the detail and rate-limit rollups only,
// and builds their hour, day and month rows from completed minutes (AnalyticsStore::rollUp()).
// These tests feed the same traffic — times from a ManualClock across an hour, a day and a month
// boundary, late events among them — to a store that rolls up that way and to a reference store
// that writes every resolution at once (as schema 4 did: its roll-up state is set past every
// event, so each event takes the late-event path), and require identical answers from every
// series, top list and public view after every few batches, identical stored rows once rolled up,
// nothing lost across a restart between a minute's write and its roll-up, and retention that
// keeps minutes not rolled up yet.

#include "analyticsanswers.h"
#include "core/clock.h"
#include "store/analyticsqueries.h"
#include "store/analyticsstore.h"
#include "store/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <random>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Store::AnalyticsBatch;
using Store::Resolution;
using Store::TimeRange;
using Store::TopOrder;
using Test::describe;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc()).toMSecsSinceEpoch();
}

// 2026-01-31 23:00 UTC: the traffic runs into the next hour, day and month.
const qint64 Midnight = utc(2026, 2, 1);

/// Traffic as the request threads stamp it with their clock: Test::randomVerification()'s keys,
/// and rate limits of a few identifiers in two namespaces.
class Traffic
{
public:
    explicit Traffic(qint64 startMs)
        : m_clock(startMs)
    { }

    /// The next batch: events up to the clock's next few seconds, and now and then a late one
    /// (stamped minutes ago, published late: its minute may be rolled up already).
    AnalyticsBatch next(int events)
    {
        AnalyticsBatch batch;
        for (int i = 0; i < events; ++i) {
            m_clock.advanceMs(qint64(m_random() % 4000));
            qint64 time = m_clock.nowMs();
            if (m_random() % 40 == 0)
                time -= qint64(m_random() % (8 * Minute));
            m_newest = std::max(m_newest, time);
            if (m_random() % 3 == 0)
                batch.ratelimits.append(ratelimit(time));
            else
                batch.verifications.append(verification(time));
        }
        return batch;
    }

    [[nodiscard]] qint64 nowMs() const { return m_clock.nowMs(); }
    /// The newest event time of every batch so far.
    [[nodiscard]] qint64 newestMs() const { return m_newest; }

private:
    Core::VerificationEvent verification(qint64 time) { return Test::randomVerification(m_random, ++m_serial, time); }

    Core::RatelimitEvent ratelimit(qint64 time)
    {
        Core::RatelimitEvent event;
        event.requestId = u"req_%1"_s.arg(++m_serial);
        event.timeMs = time;
        event.workspaceId = u"ws_1"_s;
        event.namespaceId = u"rlns_%1"_s.arg(m_random() % 2);
        event.identifier = u"u%1"_s.arg(m_random() % 5);
        event.passed = m_random() % 4 != 0;
        event.limit = 10;
        event.remaining = event.passed ? 5 : 0;
        event.resetMs = time + Minute;
        event.cost = 1 + qint64(m_random() % 3);
        event.latencyUs = 5 + qint64(m_random() % 900);
        return event;
    }

    Core::ManualClock m_clock;
    qint64 m_newest = 0;
    std::mt19937 m_random {2026};
    int m_serial = 0;
};

/// Every row of @p sql as text.
QStringList rows(Store::Database &db, const QString &sql)
{
    return Test::storedRows(db.connection(), sql);
}

struct Range {
    TimeRange range;
    Resolution resolution;
};

/// Ranges of each resolution around the boundaries; one hour range that ends inside a bucket.
const QList<Range> &seriesRanges()
{
    static const QList<Range> ranges = {
        {{Midnight - Hour, Midnight + Hour}, Resolution::Minute},
        {{Midnight - 4 * Hour, Midnight + 3 * Hour}, Resolution::Hour},
        {{Midnight - Hour - 17 * Minute - 30'000, Midnight + 41 * Minute + 10'000}, Resolution::Hour},
        {{Midnight - 2 * 24 * Hour, Midnight + 2 * 24 * Hour}, Resolution::Day},
    };
    return ranges;
}

/// Ranges a top list accepts (whole minutes), tiled by days, hours and minutes.
const QList<TimeRange> &topRanges()
{
    static const QList<TimeRange> ranges = {{Midnight - 24 * Hour, Midnight + 24 * Hour},
        {Midnight - Hour, Midnight + Hour}, {Midnight - 13 * Minute, Midnight + 13 * Minute}};
    return ranges;
}

/// Every series, top list and public view of the coarser detail rollups, as text.
QStringList answers(Store::Database &db)
{
    Store::AnalyticsQueries queries(db);
    QStringList all;
    const QList<std::pair<QString, QString>> scopes
        = {{u"workspace"_s, QString()}, {u"api"_s, u"api_0"_s}, {u"key"_s, u"key_0"_s}, {u"key"_s, u"key_1"_s},
            {u"key"_s, u"key_3"_s}, {u"key"_s, u"key_none"_s}, {u"identity"_s, u"id_0"_s}, {u"identity"_s, u"id_1"_s}};
    for (const Range &r : seriesRanges()) {
        for (const auto &[scope, id] : scopes) {
            all.append(scope + u' ' + id);
            all.append(describe(queries.verificationSeries(u"ws_1"_s, scope, id, r.range, r.resolution)));
        }
        for (const QString &identifier : {QString(), u"u1"_s, u"u4"_s}) {
            all.append(u"ratelimit "_s + identifier);
            all.append(describe(queries.ratelimitSeries(u"ws_1"_s, u"rlns_0"_s, identifier, r.range, r.resolution)));
        }
    }
    for (const TimeRange &range : topRanges()) {
        for (const TopOrder order : {TopOrder::Verifications, TopOrder::Rejections, TopOrder::SpentCredits}) {
            all.append(describe(queries.topVerifications(u"ws_1"_s, u"key"_s, QString(), range, order, 10)));
            all.append(describe(queries.topVerifications(u"ws_1"_s, u"key"_s, u"ks_1"_s, range, order, 10)));
            all.append(describe(queries.topVerifications(u"ws_1"_s, u"identity"_s, QString(), range, order, 10)));
            all.append(describe(queries.topIdentifiers(u"ws_1"_s, u"rlns_1"_s, range, order, 10)));
        }
    }
    all.append(Test::viewRows(db.connection()));
    return all;
}

/// The stored rows of every coarser rollup the roll-up builds.
QStringList coarserRows(Store::Database &db)
{
    QStringList all;
    for (const QString &resolution : {u"hour"_s, u"day"_s, u"month"_s}) {
        all.append(rows(db,
            u"SELECT * FROM verification_detail_rollups_"_s + resolution
                + u" ORDER BY workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s));
    }
    for (const QString &resolution : {u"hour"_s, u"day"_s}) {
        all.append(rows(db,
            u"SELECT * FROM ratelimit_rollups_"_s + resolution
                + u" ORDER BY workspace_id, namespace_id, identifier, time"_s));
    }
    return all;
}

/// Whether @p actual equals @p expected; otherwise says where they part (QCOMPARE of two long
/// lists names only their sizes).
bool same(const QStringList &actual, const QStringList &expected)
{
    if (actual == expected)
        return true;
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual.at(i) == expected.at(i))
        ++i;
    qWarning().noquote() << "answers differ at line" << i
                         << "\n  context:" << expected.mid(std::max<qsizetype>(i - 3, 0), 3)
                         << "\n  actual:  " << actual.mid(i, 4) << "\n  expected:" << expected.mid(i, 4);
    return false;
}

qint64 scalar(Store::Database &db, const QString &sql)
{
    QSqlQuery query = db.prepare(sql);
    return Store::exec(query) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestAnalyticsMinuteRollup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answersMatchEveryResolutionWrittenAtOnce();
    void restartBetweenWriteAndRollUpLosesNothing();
    void retentionKeepsMinutesNotRolledUp();

private:
    /// A store that rolls up completed minutes (as the writer runs it), or with @p reference one that
    /// writes every resolution at once.
    [[nodiscard]] std::unique_ptr<Store::Database> open(const QString &name, bool reference);
    static void write(Store::Database &db, const AnalyticsBatch &batch);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAnalyticsMinuteRollup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestAnalyticsMinuteRollup::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Store::Database> TestAnalyticsMinuteRollup::open(const QString &name, bool reference)
{
    auto db = Store::Database::open(m_dir->filePath(name));
    if (!db) {
        qWarning() << db.error().detail;
        return nullptr;
    }
    if (!Test::registerSandboxFunctions((*db)->connection()))
        return nullptr;
    if (reference) {
        // Every minute counts as rolled up already (until the year 9892: the month views take its
        // calendar month): each event goes into every resolution at once.
        const Core::Status set = (*db)->write([&]() -> Core::Status {
            QSqlQuery update = (*db)->prepare(u"UPDATE analytics_rollup_state SET rolled_until = 250000000000000"_s);
            return Store::exec(update) ? Core::Status {} : Core::Status(Store::sqlError(update));
        });
        if (!set)
            return nullptr;
    }
    return std::move(*db);
}

void TestAnalyticsMinuteRollup::write(Store::Database &db, const AnalyticsBatch &batch)
{
    const Core::Status written = Store::AnalyticsStore(db).write(batch);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));
}

void TestAnalyticsMinuteRollup::answersMatchEveryResolutionWrittenAtOnce()
{
    auto rolling = open(u"rolling.db"_s, false);
    auto reference = open(u"reference.db"_s, true);
    QVERIFY(rolling && reference);
    Traffic traffic(Midnight - Hour + 20 * Minute); // 23:20 to past 00:40
    std::mt19937 sizes(5);
    int batches = 0;
    bool deferred = false;
    while (traffic.nowMs() < Midnight + 45 * Minute) {
        const AnalyticsBatch batch = traffic.next(1 + int(sizes() % 60));
        write(*rolling, batch);
        write(*reference, batch);
        if (QTest::currentTestFailed())
            return;
        // The rolling store really holds minutes that are not in its hour rows yet.
        deferred = deferred
            || scalar(*rolling,
                   u"SELECT count(*) FROM verification_detail_rollups_minute"
                   " WHERE time >= (SELECT rolled_until FROM analytics_rollup_state)"_s)
                > 0;
        if (++batches % 4 == 0)
            QVERIFY(same(answers(*rolling), answers(*reference)));
    }
    QVERIFY(batches > 40);
    QVERIFY(deferred);
    QVERIFY(scalar(*rolling, u"SELECT rolled_until FROM analytics_rollup_state"_s) > Midnight);
    QVERIFY(same(answers(*rolling), answers(*reference)));
    QVERIFY(answers(*rolling).join(u'\n').contains(u"key_1 "_s)); // the top lists are not empty

    // Once every minute is rolled up, the stored rows are those the reference wrote event by event.
    QVERIFY(coarserRows(*rolling) != coarserRows(*reference));
    QVERIFY(Store::AnalyticsStore(*rolling).writeRollUp(traffic.nowMs() + Minute));
    QVERIFY(same(coarserRows(*rolling), coarserRows(*reference)));
    QVERIFY(same(answers(*rolling), answers(*reference)));
}

void TestAnalyticsMinuteRollup::restartBetweenWriteAndRollUpLosesNothing()
{
    auto reference = open(u"reference.db"_s, true);
    auto rolling = open(u"rolling.db"_s, false);
    QVERIFY(rolling && reference);
    Traffic traffic(Midnight - 3 * Minute);
    while (traffic.nowMs() < Midnight + 3 * Minute) {
        const AnalyticsBatch batch = traffic.next(25);
        write(*rolling, batch);
        write(*reference, batch);
    }
    const qint64 rolledBefore = scalar(*rolling, u"SELECT rolled_until FROM analytics_rollup_state"_s);
    QVERIFY(rolledBefore > Midnight - 3 * Minute);
    QVERIFY(scalar(*rolling,
                u"SELECT count(*) FROM ratelimit_rollups_minute WHERE time >= (SELECT rolled_until FROM"
                " analytics_rollup_state)"_s)
        > 0);

    // The process ends after committing minutes that were not rolled up (no flush, no stop): the
    // minute rows and the roll-up state are in the file, and that is all a roll-up needs.
    rolling.reset();
    rolling = open(u"rolling.db"_s, false);
    QVERIFY(rolling);
    QCOMPARE(scalar(*rolling, u"SELECT rolled_until FROM analytics_rollup_state"_s), rolledBefore);
    QVERIFY(same(answers(*rolling), answers(*reference)));

    // The next batches after the restart roll those minutes up.
    while (traffic.nowMs() < Midnight + 6 * Minute) {
        const AnalyticsBatch batch = traffic.next(25);
        write(*rolling, batch);
        write(*reference, batch);
    }
    QVERIFY(scalar(*rolling, u"SELECT rolled_until FROM analytics_rollup_state"_s) > rolledBefore);
    QVERIFY(same(answers(*rolling), answers(*reference)));
    QVERIFY(Store::AnalyticsStore(*rolling).writeRollUp(traffic.nowMs() + Minute));
    QVERIFY(same(coarserRows(*rolling), coarserRows(*reference)));
}

void TestAnalyticsMinuteRollup::retentionKeepsMinutesNotRolledUp()
{
    auto rolling = open(u"rolling.db"_s, false);
    QVERIFY(rolling);
    Traffic traffic(Midnight);
    while (traffic.nowMs() < Midnight + 5 * Minute + 30'000)
        write(*rolling, traffic.next(20));
    Store::AnalyticsStore store(*rolling);
    const qint64 rolled = *store.rolledUntil();
    // The minutes before the one before the newest event's are complete.
    QCOMPARE(rolled, Store::bucketStart(traffic.newestMs(), Resolution::Minute) - Minute);
    QVERIFY(rolled >= Midnight + 4 * Minute);
    const QString minutes = u"SELECT count(*) FROM verification_detail_rollups_minute WHERE time >= %1"_s;
    const qint64 open = scalar(*rolling, minutes.arg(rolled));
    QVERIFY(open > 0);

    // A cutoff past every minute (a minute retention shorter than the writer's lag) deletes only
    // what the hour rows already hold.
    const auto deleted = store.expire(Store::AnalyticsTable::VerificationDetailRollupsMinute, Midnight + Hour, 100'000);
    QVERIFY(deleted);
    QVERIFY(*deleted > 0);
    QCOMPARE(scalar(*rolling, minutes.arg(0)), open);
    QVERIFY(*store.expire(Store::AnalyticsTable::RatelimitRollupsMinute, Midnight + Hour, 100'000) > 0);
    QVERIFY(scalar(*rolling, u"SELECT count(*) FROM ratelimit_rollups_minute"_s) > 0);
    QCOMPARE(scalar(*rolling, u"SELECT count(*) FROM ratelimit_rollups_minute WHERE time < %1"_s.arg(rolled)), 0);

    // Once rolled up, they may go.
    QVERIFY(store.writeRollUp(traffic.nowMs() + Minute));
    QCOMPARE(
        qint64(*store.expire(Store::AnalyticsTable::VerificationDetailRollupsMinute, Midnight + Hour, 100'000)), open);
    QCOMPARE(scalar(*rolling, minutes.arg(0)), 0);
    QVERIFY(scalar(*rolling, u"SELECT sum(count) FROM verification_detail_rollups_hour"_s) > 0);
}

QTEST_GUILESS_MAIN(TestAnalyticsMinuteRollup)
#include "tst_analyticsminuterollup.moc"
