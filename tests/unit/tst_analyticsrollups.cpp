// Rollup maintenance and retention of AnalyticsStore, with event times and "now" chosen by the
// test (ManualClock): bucket edges, late events, counts / credits / percentiles, lastUsedAt, and
// exactly which rows retention deletes.

#include "analytics/analyticsretention.h"
#include "core/clock.h"
#include "core/latencyhistogram.h"
#include "store/analyticsstore.h"
#include "store/database.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Store::AnalyticsBatch;
using Store::Resolution;

namespace {

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

Core::VerificationEvent verification(
    qint64 timeMs, const QString &outcome = u"VALID"_s, qint64 latencyUs = 100, const QString &keyId = u"key_1"_s)
{
    Core::VerificationEvent event;
    event.requestId = u"req_"_s + QString::number(timeMs) + u'_' + keyId;
    event.timeMs = timeMs;
    event.workspaceId = u"ws_1"_s;
    event.apiId = u"api_1"_s;
    event.keyspaceId = u"ks_1"_s;
    event.keyId = keyId;
    event.outcome = outcome;
    event.latencyUs = latencyUs;
    event.node = u"node-a"_s;
    return event;
}

Core::RatelimitEvent ratelimit(qint64 timeMs, const QString &identifier, bool passed, qint64 cost = 1,
    const QString &ns = u"rlns_1"_s, const QString &workspace = u"ws_1"_s)
{
    Core::RatelimitEvent event;
    event.requestId = u"req_rl"_s;
    event.timeMs = timeMs;
    event.workspaceId = workspace;
    event.namespaceId = ns;
    event.identifier = identifier;
    event.passed = passed;
    event.limit = 10;
    event.remaining = passed ? 9 : 0;
    event.resetMs = timeMs + 1000;
    event.cost = cost;
    event.latencyUs = 20;
    return event;
}

// sqlite3_update_hook callback: counts UPDATEs of the keys table.
void countKeyUpdates(void *counter, int operation, const char *, const char *table, sqlite3_int64)
{
    if (operation == SQLITE_UPDATE && qstrcmp(table, "keys") == 0)
        ++*static_cast<int *>(counter);
}

sqlite3 *handle(const QSqlDatabase &connection)
{
    return *static_cast<sqlite3 *const *>(connection.driver()->handle().constData());
}

} // namespace

class TestAnalyticsRollups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bucketStarts();
    void bucketBoundaries();
    void lateEventsLandInTheirOwnBucket();
    void countsCreditsAndPercentiles();
    void scopesAndDetailRows();
    void rawRowsAreStoredAsPublished();
    void rawRowsOfLargeBatches();
    void ratelimitRollups();
    void lastUsedAtOneUpdatePerKeyAndOnlyForward();
    void batchIsAllOrNothing();
    void retentionDeletesExactlyWhatExpired();
    void retentionWorksInChunks();
    void viewsNeedTheSandboxFunctions();

private:
    qint64 scalar(const QString &sql, const QVariantList &values = {});
    void write(const AnalyticsBatch &batch);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
};

void TestAnalyticsRollups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Store::Database::open(m_dir->filePath(u"analytics.db"_s));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().detail));
    m_db = std::move(*db);
}

void TestAnalyticsRollups::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestAnalyticsRollups::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery query = m_db->prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!Store::exec(query) || !query.next()) {
        qWarning() << "no row for" << sql;
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestAnalyticsRollups::write(const AnalyticsBatch &batch)
{
    Store::AnalyticsStore store(*m_db);
    const Core::Status written = store.write(batch);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));
    // The coarser detail and rate-limit rows are built from completed minutes (schema 5); these
    // tests read the tables after each batch as the writer leaves them after a flush.
    qint64 newest = 0;
    for (const Core::VerificationEvent &event : batch.verifications)
        newest = std::max(newest, event.timeMs);
    for (const Core::RatelimitEvent &event : batch.ratelimits)
        newest = std::max(newest, event.timeMs);
    QVERIFY(store.writeRollUp(newest + 60'000));
}

void TestAnalyticsRollups::bucketStarts()
{
    const qint64 t = utc(2026, 2, 28, 13, 47, 12, 345);
    QCOMPARE(Store::bucketStart(t, Resolution::Minute), utc(2026, 2, 28, 13, 47));
    QCOMPARE(Store::bucketStart(t, Resolution::Hour), utc(2026, 2, 28, 13));
    QCOMPARE(Store::bucketStart(t, Resolution::Day), utc(2026, 2, 28));
    QCOMPARE(Store::bucketStart(t, Resolution::Month), utc(2026, 2, 1));
    // Edges belong to the bucket they start.
    QCOMPARE(Store::bucketStart(utc(2026, 3, 1), Resolution::Month), utc(2026, 3, 1));
    QCOMPARE(Store::bucketStart(utc(2026, 3, 1) - 1, Resolution::Month), utc(2026, 2, 1));
    QCOMPARE(Store::bucketStart(utc(2026, 3, 1) - 1, Resolution::Minute), utc(2026, 2, 28, 23, 59));
    QCOMPARE(Store::bucketStart(-1, Resolution::Minute), -60'000); // floor, not truncation

    // Month starts are integer calendar arithmetic: they agree with QDateTime on every day of
    // 1900..2200 (leap years, centuries, before 1970) and at the last millisecond of each day.
    for (qint64 day = -25'567; day < 84'000; ++day) {
        for (const qint64 offset : {qint64(0), qint64(86'399'999)}) {
            const qint64 at = day * 86'400'000 + offset;
            const QDate date = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).date();
            const qint64 expected
                = QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            if (Store::bucketStart(at, Resolution::Month) != expected)
                QFAIL(qPrintable(u"month of %1"_s.arg(at)));
        }
    }
}

void TestAnalyticsRollups::bucketBoundaries()
{
    // The last millisecond of January and the first of February: different minute, hour, day and month.
    const qint64 before = utc(2026, 1, 31, 23, 59, 59, 999);
    const qint64 after = utc(2026, 2, 1);
    write({{verification(before), verification(after), verification(after + 59'999)}, {}});

    const auto workspaceCount = [&](const QString &resolution, qint64 time) {
        return scalar(u"SELECT count FROM verification_rollups_"_s + resolution
                + u" WHERE workspace_id = 'ws_1' AND scope = 'workspace' AND scope_id = '' AND time = ?"
                  " AND outcome = 'VALID'"_s,
            {time});
    };
    QCOMPARE(workspaceCount(u"minute"_s, utc(2026, 1, 31, 23, 59)), 1);
    QCOMPARE(workspaceCount(u"minute"_s, utc(2026, 2, 1, 0, 0)), 2); // 00:00:00.000 and 00:00:59.999
    QCOMPARE(workspaceCount(u"hour"_s, utc(2026, 1, 31, 23)), 1);
    QCOMPARE(workspaceCount(u"hour"_s, utc(2026, 2, 1, 0)), 2);
    QCOMPARE(workspaceCount(u"day"_s, utc(2026, 1, 31)), 1);
    QCOMPARE(workspaceCount(u"day"_s, utc(2026, 2, 1)), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_rollups_minute WHERE scope = 'workspace'"_s), 2);
    QCOMPARE(
        scalar(u"SELECT sum(count) FROM verification_detail_rollups_month WHERE time = ?"_s, {utc(2026, 1, 1)}), 1);
    QCOMPARE(
        scalar(u"SELECT sum(count) FROM verification_detail_rollups_month WHERE time = ?"_s, {utc(2026, 2, 1)}), 2);
    QCOMPARE(scalar(u"SELECT max(last_time) FROM verification_rollups_minute WHERE time = ?"_s, {utc(2026, 2, 1)}),
        after + 59'999);
}

void TestAnalyticsRollups::lateEventsLandInTheirOwnBucket()
{
    const qint64 now = utc(2026, 1, 10, 10, 5, 30);
    write({{verification(now), verification(now + 1000)}, {}});
    // A later batch carries an event from four minutes earlier (and one from the previous day).
    write({{verification(utc(2026, 1, 10, 10, 1, 15), u"RATE_LIMITED"_s), verification(utc(2026, 1, 9, 23, 59))}, {}});

    // A key's rows are its detail rows (schema 4: no 'key' scope rows).
    const QString minute = u"SELECT coalesce(sum(count), 0) FROM verification_detail_rollups_minute WHERE"
                           " key_id = 'key_1' AND time = ? AND outcome = ?"_s;
    QCOMPARE(scalar(minute, {utc(2026, 1, 10, 10, 5), u"VALID"_s}), 2);
    QCOMPARE(scalar(minute, {utc(2026, 1, 10, 10, 5), u"RATE_LIMITED"_s}), 0);
    QCOMPARE(scalar(minute, {utc(2026, 1, 10, 10, 1), u"RATE_LIMITED"_s}), 1);
    QCOMPARE(scalar(minute, {utc(2026, 1, 9, 23, 59), u"VALID"_s}), 1);
    const QString hour = u"SELECT sum(count) FROM verification_detail_rollups_hour WHERE key_id = 'key_1' AND time = ?"_s;
    QCOMPARE(scalar(hour, {utc(2026, 1, 10, 10)}), 3);
    QCOMPARE(scalar(hour, {utc(2026, 1, 9, 23)}), 1);
    QCOMPARE(scalar(u"SELECT sum(count) FROM verification_detail_rollups_day WHERE key_id = 'key_1' AND time = ?"_s,
                 {utc(2026, 1, 10)}),
        3);
}

void TestAnalyticsRollups::countsCreditsAndPercentiles()
{
    const qint64 t = utc(2026, 1, 10, 10, 0, 5);
    // Latencies below 16 µs are stored exactly, so the percentiles are exact: 1..10 µs over two
    // batches (the second merges into the rows of the first through lk_hist_merge).
    AnalyticsBatch first;
    AnalyticsBatch second;
    for (int us = 1; us <= 10; ++us) {
        Core::VerificationEvent event = verification(t + us, u"VALID"_s, us);
        event.spentCredits = us;
        (us % 2 ? first : second).verifications.append(event);
    }
    write(first);
    write(second);

    QSqlQuery row = m_db->prepare(
        u"SELECT count, spent_credits, latency_sum_us, latency_p50_us, latency_p75_us, latency_p99_us, latency_hist"
        " FROM verification_rollups_minute WHERE scope = 'workspace' AND time = ? AND outcome = 'VALID'"_s);
    row.addBindValue(utc(2026, 1, 10, 10));
    QVERIFY(Store::exec(row) && row.next());
    QCOMPARE(row.value(0).toLongLong(), 10);
    QCOMPARE(row.value(1).toLongLong(), 55);
    QCOMPARE(row.value(2).toLongLong(), 55);
    QCOMPARE(row.value(3).toLongLong(), 5);
    QCOMPARE(row.value(4).toLongLong(), 8);
    QCOMPARE(row.value(5).toLongLong(), 10);
    const auto histogram = Core::LatencyHistogram::decode(row.value(6).toByteArray());
    QVERIFY(histogram);
    QCOMPARE(histogram->count(), quint64(10));

    // Readers merge rows with the SQL functions: the hour row equals the minute row here.
    QVERIFY(Store::AnalyticsStore::registerFunctions(m_db->connection()));
    QCOMPARE(scalar(u"SELECT lk_hist_quantile(lk_hist_merge_all(latency_hist), 0.99) FROM verification_rollups_hour"
                    " WHERE scope = 'workspace'"_s),
        10);
    QCOMPARE(scalar(u"SELECT latency_p50_us FROM verification_rollups_day WHERE scope = 'workspace'"_s), 5);
}

void TestAnalyticsRollups::scopesAndDetailRows()
{
    const qint64 t = utc(2026, 1, 10, 10, 0, 5);
    Core::VerificationEvent withIdentity = verification(t, u"VALID"_s, 100, u"key_2"_s);
    withIdentity.identityId = u"id_1"_s;
    withIdentity.externalId = u"user_1"_s;
    withIdentity.tags = {u"path=/a"_s, u"b"_s};
    write({{verification(t), verification(t + 1, u"DISABLED"_s), withIdentity, withIdentity}, {}});

    const QString count = u"SELECT coalesce(sum(count), 0) FROM verification_rollups_minute WHERE scope = ?"
                          " AND scope_id = ? AND outcome = ?"_s;
    QCOMPARE(scalar(count, {u"workspace"_s, u""_s, u"VALID"_s}), 3);
    QCOMPARE(scalar(count, {u"workspace"_s, u""_s, u"DISABLED"_s}), 1);
    QCOMPARE(scalar(count, {u"api"_s, u"api_1"_s, u"VALID"_s}), 3);
    // Keys and identities have no scope rows (schema 4): their series read the detail rows.
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_rollups_minute WHERE scope NOT IN ('workspace', 'api')"_s), 0);
    const QString detail = u"SELECT coalesce(sum(count), 0) FROM verification_detail_rollups_minute WHERE "_s;
    QCOMPARE(scalar(detail + u"key_id = 'key_1' AND outcome = 'VALID'"_s), 1);
    QCOMPARE(scalar(detail + u"key_id = 'key_2' AND outcome = 'VALID'"_s), 2);
    QCOMPARE(scalar(detail + u"identity_id = 'id_1' AND outcome = 'VALID'"_s), 2);
    // The detail grain: key, identity, external id, outcome and tags.
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_detail_rollups_minute"_s), 3);
    QCOMPARE(scalar(u"SELECT count FROM verification_detail_rollups_minute WHERE key_id = 'key_2'"
                    " AND identity_id = 'id_1' AND external_id = 'user_1' AND tags = ?"_s,
                 {u"[\"path=/a\",\"b\"]"_s}),
        2);
    QCOMPARE(scalar(u"SELECT count FROM verification_detail_rollups_day WHERE key_id = 'key_1' AND identity_id = ''"
                    " AND outcome = 'DISABLED' AND tags = '[]' AND keyspace_id = 'ks_1'"_s),
        1);
}

void TestAnalyticsRollups::rawRowsAreStoredAsPublished()
{
    Core::VerificationEvent event = verification(utc(2026, 1, 10, 10), u"USAGE_EXCEEDED"_s, 1234);
    event.identityId = u"id_9"_s;
    event.externalId = u"ext_9"_s;
    event.tags = {u"a"_s, u"ünï ✓"_s};
    event.spentCredits = 0;
    Core::VerificationEvent bare = verification(utc(2026, 1, 10, 10, 0, 1));
    bare.node.clear();
    write({{event, bare}, {ratelimit(utc(2026, 1, 10, 10), u"user@x"_s, false, 3)}});

    QSqlQuery row
        = m_db->prepare(u"SELECT request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id,"
                        " external_id, outcome, tags, spent_credits, latency_us, node FROM verification_events"
                        " ORDER BY id"_s);
    QVERIFY(Store::exec(row) && row.next());
    const QVariantList expected {event.requestId, event.timeMs, u"ws_1"_s, u"api_1"_s, u"ks_1"_s, u"key_1"_s, u"id_9"_s,
        u"ext_9"_s, u"USAGE_EXCEEDED"_s, u"[\"a\",\"ünï ✓\"]"_s, 0, 1234, u"node-a"_s};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(row.value(i).toString(), expected.at(i).toString());
    QVERIFY(row.next());
    QVERIFY(row.value(6).isNull()); // no identity: NULL, not ''
    QVERIFY(row.value(12).isNull());
    QCOMPARE(row.value(9).toString(), u"[]"_s);

    QSqlQuery rl = m_db->prepare(u"SELECT identifier, passed, \"limit\", remaining, reset, cost, override_id FROM"
                                 " ratelimit_events"_s);
    QVERIFY(Store::exec(rl) && rl.next());
    QCOMPARE(rl.value(0).toString(), u"user@x"_s);
    QCOMPARE(rl.value(1).toInt(), 0);
    QCOMPARE(rl.value(2).toLongLong(), 10);
    QCOMPARE(rl.value(3).toLongLong(), 0);
    QCOMPARE(rl.value(4).toLongLong(), utc(2026, 1, 10, 10) + 1000);
    QCOMPARE(rl.value(5).toLongLong(), 3);
    QVERIFY(rl.value(6).isNull());
}

// A batch's raw rows go 16 to an INSERT and the rest one by one: every row keeps its own values
// and the ids follow the batch's order, for both raw tables.
void TestAnalyticsRollups::rawRowsOfLargeBatches()
{
    const qint64 t = utc(2026, 1, 10, 10);
    AnalyticsBatch batch;
    for (int i = 0; i < 37; ++i) {
        Core::VerificationEvent event = verification(t + i, i % 2 ? u"VALID"_s : u"DISABLED"_s, 10 + i,
                                                     u"key_%1"_s.arg(i));
        event.identityId = i % 3 ? QString() : u"id_%1"_s.arg(i);
        event.tags = i % 4 ? QStringList() : QStringList{u"n=%1"_s.arg(i)};
        batch.verifications.append(event);
        Core::RatelimitEvent limit = ratelimit(t + i, u"who_%1"_s.arg(i), i % 2 == 0, i);
        limit.requestId = u"req_rl_%1"_s.arg(i);
        limit.overrideId = i % 5 ? QString() : u"ovr_%1"_s.arg(i);
        batch.ratelimits.append(limit);
    }
    write(batch);

    QSqlQuery rows = m_db->prepare(u"SELECT time, outcome, latency_us, key_id, coalesce(identity_id, '-'), tags"
                                   " FROM verification_events ORDER BY id"_s);
    QVERIFY(Store::exec(rows));
    for (int i = 0; i < 37; ++i) {
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toLongLong(), t + i);
        QCOMPARE(rows.value(1).toString(), i % 2 ? u"VALID"_s : u"DISABLED"_s);
        QCOMPARE(rows.value(2).toLongLong(), 10 + i);
        QCOMPARE(rows.value(3).toString(), u"key_%1"_s.arg(i));
        QCOMPARE(rows.value(4).toString(), i % 3 ? u"-"_s : u"id_%1"_s.arg(i));
        QCOMPARE(rows.value(5).toString(), i % 4 ? u"[]"_s : u"[\"n=%1\"]"_s.arg(i));
    }
    QVERIFY(!rows.next());
    QSqlQuery limits = m_db->prepare(u"SELECT request_id, time, identifier, passed, cost, coalesce(override_id, '-')"
                                     " FROM ratelimit_events ORDER BY id"_s);
    QVERIFY(Store::exec(limits));
    for (int i = 0; i < 37; ++i) {
        QVERIFY(limits.next());
        QCOMPARE(limits.value(0).toString(), u"req_rl_%1"_s.arg(i));
        QCOMPARE(limits.value(1).toLongLong(), t + i);
        QCOMPARE(limits.value(2).toString(), u"who_%1"_s.arg(i));
        QCOMPARE(limits.value(3).toInt(), i % 2 == 0 ? 1 : 0);
        QCOMPARE(limits.value(4).toLongLong(), i);
        QCOMPARE(limits.value(5).toString(), i % 5 ? u"-"_s : u"ovr_%1"_s.arg(i));
    }
    QVERIFY(!limits.next());
}

void TestAnalyticsRollups::ratelimitRollups()
{
    const qint64 t = utc(2026, 1, 10, 10, 0, 5);
    write({{},
        {ratelimit(t, u"alice"_s, true, 2), ratelimit(t + 1, u"alice"_s, false, 5), ratelimit(t + 2, u"bob"_s, true),
            ratelimit(t + 60'000, u"bob"_s, true), ratelimit(t, u"alice"_s, true, 1, u"rlns_2"_s)}});
    const QString row = u"SELECT passed || '/' || blocked || '/' || passed_cost || '/' || blocked_cost"
                        " FROM ratelimit_rollups_%1 WHERE namespace_id = ? AND identifier = ? AND time = ?"_s;
    const auto text = [&](const QString &resolution, const QString &ns, const QString &identifier, qint64 time) {
        QSqlQuery query = m_db->prepare(row.arg(resolution));
        query.addBindValue(ns);
        query.addBindValue(identifier);
        query.addBindValue(time);
        return Store::exec(query) && query.next() ? query.value(0).toString() : QString();
    };
    const qint64 minute = utc(2026, 1, 10, 10);
    QCOMPARE(text(u"minute"_s, u"rlns_1"_s, u""_s, minute), u"2/1/3/5"_s); // the namespace row
    QCOMPARE(text(u"minute"_s, u"rlns_1"_s, u"alice"_s, minute), u"1/1/2/5"_s);
    QCOMPARE(text(u"minute"_s, u"rlns_1"_s, u"bob"_s, minute), u"1/0/1/0"_s);
    QCOMPARE(text(u"minute"_s, u"rlns_1"_s, u"bob"_s, minute + 60'000), u"1/0/1/0"_s);
    QCOMPARE(text(u"hour"_s, u"rlns_1"_s, u""_s, minute), u"3/1/4/5"_s);
    QCOMPARE(text(u"day"_s, u"rlns_2"_s, u"alice"_s, utc(2026, 1, 10)), u"1/0/1/0"_s);
    QCOMPARE(
        scalar(u"SELECT last_time FROM ratelimit_rollups_hour WHERE namespace_id = 'rlns_1' AND identifier = ''"_s),
        t + 60'000);
    QCOMPARE(scalar(u"SELECT latency_p99_us FROM ratelimit_rollups_day WHERE identifier = ''"
                    " AND namespace_id = 'rlns_1'"_s),
        20);
}

void TestAnalyticsRollups::lastUsedAtOneUpdatePerKeyAndOnlyForward()
{
    QSqlQuery insert = m_db->prepare(u"INSERT INTO keys (id, workspace_id, keyspace_id, hash, start, created_at)"
                                     " VALUES (?, 'ws_1', 'ks_1', ?, 'x', 0)"_s);
    for (const QString &id : {u"key_1"_s, u"key_2"_s}) {
        insert.addBindValue(id);
        insert.addBindValue(QString(id + u"-hash"_s));
        QVERIFY(Store::exec(insert));
    }
    int keyUpdates = 0;
    sqlite3_update_hook(handle(m_db->connection()), countKeyUpdates, &keyUpdates);

    const qint64 t = utc(2026, 1, 10, 10);
    AnalyticsBatch batch;
    qint64 newest = 0;
    for (int i = 0; i < 50; ++i) {
        const qint64 shuffled = t + (i * 997) % 20'000; // out of order within the batch
        newest = std::max(newest, shuffled);
        batch.verifications.append(verification(shuffled, u"VALID"_s, 10, u"key_1"_s));
        batch.verifications.append(verification(t + 5000 + i, u"DISABLED"_s, 10, u"key_2"_s));
    }
    write(batch);
    QCOMPARE(keyUpdates, 2); // one UPDATE per distinct key, not one per verification
    const QString lastUsed = u"SELECT last_used_at FROM keys WHERE id = ?"_s;
    QCOMPARE(scalar(lastUsed, {u"key_1"_s}), newest);
    QCOMPARE(scalar(lastUsed, {u"key_2"_s}), t + 5049);

    // A late batch never moves it back; a newer one moves it forward.
    write({{verification(t - 60'000, u"VALID"_s, 10, u"key_2"_s)}, {}});
    QCOMPARE(scalar(lastUsed, {u"key_2"_s}), t + 5049);
    write({{verification(t + 90'000, u"VALID"_s, 10, u"key_2"_s)}, {}});
    QCOMPARE(scalar(lastUsed, {u"key_2"_s}), t + 90'000);
    sqlite3_update_hook(handle(m_db->connection()), nullptr, nullptr);
}

void TestAnalyticsRollups::batchIsAllOrNothing()
{
    QSqlQuery trigger = m_db->prepare(
        u"CREATE TRIGGER refuse BEFORE INSERT ON ratelimit_events BEGIN SELECT RAISE(ABORT, 'refused'); END"_s);
    QVERIFY(Store::exec(trigger));
    const qint64 t = utc(2026, 1, 10, 10);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"SQL error: .*refused"_s));
    const Core::Status written = Store::AnalyticsStore(*m_db).write({{verification(t)}, {ratelimit(t, u"a"_s, true)}});
    QVERIFY(!written);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_events"_s), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_rollups_minute"_s), 0);
}

void TestAnalyticsRollups::retentionDeletesExactlyWhatExpired()
{
    const qint64 now = utc(2026, 6, 15, 12, 30, 20);
    Core::ManualClock clock(now);
    const qint64 day = Analytics::RetentionPolicy::DayMs;
    const qint64 rawCutoff = now - 30 * day;
    // Raw events on both sides of the 30-day edge, in two workspaces and two namespaces.
    AnalyticsBatch batch;
    for (const qint64 time : {rawCutoff - 1, rawCutoff, rawCutoff + 1, now - 40 * day, now}) {
        batch.verifications.append(verification(time));
        Core::VerificationEvent other = verification(time);
        other.workspaceId = u"ws_2"_s;
        batch.verifications.append(other);
        batch.ratelimits.append(ratelimit(time, u"a"_s, true));
        batch.ratelimits.append(ratelimit(time, u"a"_s, true, 1, u"rlns_2"_s, u"ws_2"_s));
    }
    // Rollups: minute buckets around 7 days, hour buckets around 90 days, day buckets around 3 years.
    const qint64 minuteEdge = Store::bucketStart(now - 7 * day, Resolution::Minute); // 12:30 seven days ago
    const qint64 hourEdge = Store::bucketStart(now - 90 * day, Resolution::Hour);
    const qint64 dayEdge = Store::bucketStart(now - 3 * 365 * day, Resolution::Day);
    for (const qint64 time : {minuteEdge - 1, minuteEdge, hourEdge - 1, hourEdge, dayEdge - 1, dayEdge})
        batch.verifications.append(verification(time));
    write(batch);

    Analytics::AnalyticsRetention retention(*m_db, clock, {});
    const auto deleted = retention.runPass();
    QVERIFY(deleted);
    QVERIFY(!retention.running());

    // Raw: every event older than now - 30 d is gone, the one exactly at the edge stays.
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_events WHERE time < ?"_s, {rawCutoff}), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_events WHERE time >= ?"_s, {rawCutoff}), 8);
    QCOMPARE(scalar(u"SELECT count(*) FROM ratelimit_events"_s), 6);
    QCOMPARE(scalar(u"SELECT count(*) FROM ratelimit_events WHERE workspace_id = 'ws_2'"_s), 3);
    // Minute rollups: the bucket holding now - 7 d stays, the one before it goes.
    const QString minuteRows
        = u"SELECT count(*) FROM verification_rollups_minute WHERE scope = 'workspace' AND workspace_id = 'ws_1'"
          " AND time = ?"_s;
    QCOMPARE(scalar(minuteRows, {minuteEdge}), 1);
    QCOMPARE(scalar(minuteRows, {minuteEdge - 60'000}), 0);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_rollups_minute"_s), minuteEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_detail_rollups_minute"_s), minuteEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM ratelimit_rollups_minute"_s), Store::bucketStart(now, Resolution::Minute));
    QCOMPARE(scalar(u"SELECT min(time) FROM ratelimit_rollups_hour"_s),
        Store::bucketStart(now - 40 * day, Resolution::Hour));
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_rollups_hour"_s), hourEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_detail_rollups_hour"_s), hourEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_rollups_day"_s), dayEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_detail_rollups_day"_s), dayEdge);
    QCOMPARE(scalar(u"SELECT min(time) FROM verification_detail_rollups_month"_s),
        Store::bucketStart(now - 3 * 365 * day, Resolution::Month));
    // Every scope row of the remaining minute bucket is still there (workspace, api), and its detail row.
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_rollups_minute WHERE time = ?"_s, {minuteEdge}), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_detail_rollups_minute WHERE time = ?"_s, {minuteEdge}), 1);

    // A second pass at the same "now" finds nothing; moving the clock expires the next minute.
    QCOMPARE(*retention.runPass(), 0);
    clock.advanceMs(60'000);
    QVERIFY(*retention.runPass() > 0);
    QCOMPARE(scalar(minuteRows, {minuteEdge}), 0);
}

void TestAnalyticsRollups::retentionWorksInChunks()
{
    const qint64 now = utc(2026, 6, 15, 12, 0, 30);
    Core::ManualClock clock(now);
    AnalyticsBatch batch;
    for (int i = 0; i < 25; ++i)
        batch.verifications.append(verification(now - 31 * Analytics::RetentionPolicy::DayMs - i));
    write(batch);
    Analytics::AnalyticsRetention retention(*m_db, clock, {}, 10);
    retention.begin();
    QCOMPARE(*retention.step(), 10); // raw verification events, chunk 1
    QCOMPARE(*retention.step(), 10);
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_events"_s), 5);
    QCOMPARE(*retention.step(), 5); // fewer than a chunk: the table is done
    QVERIFY(retention.running());
    qint64 rest = 0;
    while (retention.running())
        rest += *retention.step();
    QCOMPARE(rest, 3); // the minute rollups (workspace and api rows, one detail row); hour and day stay
    QCOMPARE(scalar(u"SELECT count(*) FROM verification_events"_s), 0);
}

void TestAnalyticsRollups::viewsNeedTheSandboxFunctions()
{
    const qint64 t = utc(2026, 1, 10, 10, 0, 5);
    Core::VerificationEvent other = verification(t, u"VALID"_s, 100, u"key_9"_s);
    other.workspaceId = u"ws_2"_s;
    other.keyspaceId = u"ks_9"_s;
    Core::VerificationEvent hidden = verification(t, u"VALID"_s, 100, u"key_3"_s);
    hidden.keyspaceId = u"ks_hidden"_s;
    write({{verification(t, u"VALID"_s, 2000), verification(t + 1, u"VALID"_s, 4000), other, hidden}, {}});

    // Without lk_workspace() the views fail: they cannot be read outside the sandbox.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot prepare .*no such function: lk_"_s));
    QSqlQuery outside = m_db->prepare(u"SELECT count(*) FROM key_verifications_v1"_s);
    QVERIFY(!outside.exec());

    // What the sandbox registers: the querying workspace, and the keyspaces it may read.
    sqlite3 *db = handle(m_db->connection());
    sqlite3_create_function_v2(
        db, "lk_workspace", 0, SQLITE_UTF8, nullptr,
        [](sqlite3_context *context, int, sqlite3_value **) {
            sqlite3_result_text(context, "ws_1", -1, SQLITE_STATIC);
        },
        nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(
        db, "lk_keyspace_allowed", 1, SQLITE_UTF8, nullptr,
        [](sqlite3_context *context, int, sqlite3_value **args) {
            const auto *keyspace = reinterpret_cast<const char *>(sqlite3_value_text(args[0]));
            sqlite3_result_int(context, keyspace && qstrcmp(keyspace, "ks_hidden") != 0);
        },
        nullptr, nullptr, nullptr);

    QSqlQuery raw = m_db->prepare(u"SELECT request_id, time, workspace_id, key_space_id, identity_id, external_id,"
                                  " key_id, region, source, app_id, outcome, tags, spent_credits, latency"
                                  " FROM key_verifications_v1 ORDER BY time"_s);
    QVERIFY(Store::exec(raw) && raw.next());
    QCOMPARE(raw.value(2).toString(), u"ws_1"_s);
    QCOMPARE(raw.value(3).toString(), u"ks_1"_s);
    QCOMPARE(raw.value(4).toString(), u""_s);
    QCOMPARE(raw.value(7).toString(), u"node-a"_s);
    QCOMPARE(raw.value(8).toString(), u"api"_s);
    QCOMPARE(raw.value(13).toDouble(), 2.0);
    QVERIFY(raw.next());
    QVERIFY(!raw.next()); // neither the other workspace's row nor the hidden keyspace's

    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s, u"month"_s}) {
        QSqlQuery rolled = m_db->prepare(u"SELECT time, workspace_id, key_space_id, identity_id, external_id, key_id,"
                                         " outcome, source, tags, count, spent_credits, latency_avg, latency_p75,"
                                         " latency_p99 FROM key_verifications_per_"_s
            + resolution + u"_v1"_s);
        QVERIFY2(Store::exec(rolled) && rolled.next(), qPrintable(resolution));
        QCOMPARE(rolled.value(0).toLongLong(),
            Store::bucketStart(t,
                resolution == u"month"      ? Resolution::Month
                    : resolution == u"day"  ? Resolution::Day
                    : resolution == u"hour" ? Resolution::Hour
                                            : Resolution::Minute));
        QCOMPARE(rolled.value(9).toLongLong(), 2);
        QCOMPARE(rolled.value(11).toDouble(), 3.0); // (2 ms + 4 ms) / 2
        // p99 of {2 ms, 4 ms} is the midpoint of the bin holding 4000 µs (3840..4095 µs).
        QCOMPARE(Core::LatencyHistogram::binLowUs(Core::LatencyHistogram::binOf(4000)), 3840);
        QCOMPARE(rolled.value(13).toDouble(), 3.967);
        QVERIFY(!rolled.next());
    }
}

QTEST_GUILESS_MAIN(TestAnalyticsRollups)
#include "tst_analyticsrollups.moc"
