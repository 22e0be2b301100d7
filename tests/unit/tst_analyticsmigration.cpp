// Schema 4 (issue 6) moved key and identity series and top lists from the 'key'/'identity' rows of
// verification_rollups_* to the detail rollups. This test builds a schema-3 database with the rows
// the schema-3 writer kept, reads it the way the schema-3 queries did, opens it (which migrates it
// to the current schema), and checks that every series and top list answers exactly as before, that
// the migrated database answers as one written by the current writer from the start, and that the
// current writer keeps adding to the migrated rows.

#include "analyticsanswers.h"
#include "core/latencyhistogram.h"
#include "store/analyticsqueries.h"
#include "store/analyticssql.h"
#include "store/analyticsstore.h"
#include "store/database.h"
#include "store/schema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Store::Resolution;
using Store::TimeRange;
using Store::TopOrder;
using Store::AnalyticsSql::suffix;
using Test::describe;

namespace {

constexpr qint64 Start = 1'767'225'600'000; // 2026-01-01 00:00 UTC
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

/// 400 events over two days (Test::randomVerification()).
QList<Core::VerificationEvent> events()
{
    std::mt19937 random(6);
    QList<Core::VerificationEvent> all;
    for (int i = 0; i < 400; ++i) {
        const qint64 time = Start + qint64(random() % (2 * Day));
        all.append(Test::randomVerification(random, i, time));
    }
    return all;
}

QString tagsJson(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

bool exec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning().noquote() << sql << query.lastError().text();
        return false;
    }
    return true;
}

/// The upsert of one event into a schema-3 verification rollup, as the schema-3 writer did it.
QString upsertSql(const QString &table, const QString &dimensions, int count)
{
    return u"INSERT INTO "_s + table + u" ("_s + dimensions
        + u", count, spent_credits, latency_sum_us, latency_hist, latency_p50_us, latency_p75_us, latency_p99_us,"
          " last_time) VALUES ("_s
        + QStringList(count, u"?"_s).join(u',')
        + u", 1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET count = count + 1,"
          " spent_credits = spent_credits + excluded.spent_credits,"
          " latency_sum_us = latency_sum_us + excluded.latency_sum_us,"
          " latency_hist = lk_hist_merge(latency_hist, excluded.latency_hist),"
          " latency_p50_us = lk_hist_merged_quantile(latency_hist, excluded.latency_hist, 0.5),"
          " latency_p75_us = lk_hist_merged_quantile(latency_hist, excluded.latency_hist, 0.75),"
          " latency_p99_us = lk_hist_merged_quantile(latency_hist, excluded.latency_hist, 0.99),"
          " last_time = max(last_time, excluded.last_time)"_s;
}

QVariantList metrics(const Core::VerificationEvent &event)
{
    Core::LatencyHistogram histogram;
    histogram.add(event.latencyUs);
    // The percentiles of the row's histogram, as the writer stores them (the views show them).
    return {event.spentCredits, event.latencyUs, histogram.encode(), histogram.quantileUs(0.5),
        histogram.quantileUs(0.75), histogram.quantileUs(0.99), event.timeMs};
}

/// Every row the schema-3 writer kept for @p event (raw row, scope rows incl. 'key'/'identity', detail rows).
bool writeVersion3(QSqlDatabase &db, const Core::VerificationEvent &event)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QVariant() : QVariant(text);
    };
    bool ok = exec(db,
        u"INSERT INTO verification_events (request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id,"
        " external_id, outcome, tags, spent_credits, latency_us, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s,
        {event.requestId, event.timeMs, event.workspaceId, orNull(event.apiId), orNull(event.keyspaceId),
            orNull(event.keyId), orNull(event.identityId), orNull(event.externalId), event.outcome,
            tagsJson(event.tags), event.spentCredits, event.latencyUs, event.node});
    const QList<std::pair<QString, QString>> scopes = {
        {u"workspace"_s, u""_s}, {u"api"_s, event.apiId}, {u"key"_s, event.keyId}, {u"identity"_s, event.identityId}};
    for (const Resolution resolution : {Resolution::Minute, Resolution::Hour, Resolution::Day}) {
        for (const auto &[scope, id] : scopes) {
            if (scope != u"workspace" && id.isEmpty())
                continue;
            ok = ok
                && exec(db,
                    upsertSql(u"verification_rollups_"_s + suffix(resolution),
                        u"workspace_id, scope, scope_id, time, outcome"_s, 5),
                    QVariantList {event.workspaceId, scope, QString(u""_s + id),
                        Store::bucketStart(event.timeMs, resolution), event.outcome}
                        + metrics(event));
        }
    }
    for (const Resolution resolution : {Resolution::Minute, Resolution::Hour, Resolution::Day, Resolution::Month}) {
        ok = ok
            && exec(db,
                upsertSql(u"verification_detail_rollups_"_s + suffix(resolution),
                    u"workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s, 8),
                QVariantList {event.workspaceId, Store::bucketStart(event.timeMs, resolution),
                    QString(u""_s + event.keyspaceId), QString(u""_s + event.keyId), QString(u""_s + event.identityId),
                    QString(u""_s + event.externalId), event.outcome, tagsJson(event.tags)}
                    + metrics(event));
    }
    return ok;
}

/// How the schema-3 queries read a key or identity series: its own scope rows, merged per bucket.
QStringList version3Series(
    const QSqlDatabase &db, const QString &scope, const QString &id, TimeRange range, Resolution resolution)
{
    const qint64 width = resolution == Resolution::Minute ? Minute : resolution == Resolution::Hour ? Hour : Day;
    Store::Series<Store::VerificationBucket> series;
    for (qint64 t = Store::bucketStart(range.startMs, resolution); t < range.endMs; t += width)
        series.buckets.append(Store::VerificationBucket {.timeMs = t});
    QList<Core::LatencyHistogram> latency(series.buckets.size());
    QSqlQuery query(db);
    query.prepare(u"SELECT time, outcome, count, spent_credits, latency_hist FROM verification_rollups_"_s
        + suffix(resolution)
        + u" WHERE workspace_id = 'ws_1' AND scope = ? AND scope_id = ? AND time >= ? AND time < ?"_s);
    query.addBindValue(scope);
    query.addBindValue(QString(u""_s + id));
    query.addBindValue(series.buckets.first().timeMs);
    query.addBindValue(range.endMs);
    if (!query.exec())
        return {u"query failed: "_s + query.lastError().text()};
    while (query.next()) {
        const qsizetype index = (query.value(0).toLongLong() - series.buckets.first().timeMs) / width;
        Store::VerificationBucket &bucket = series.buckets[index];
        bucket.outcomes[query.value(1).toString()] += query.value(2).toLongLong();
        bucket.total += query.value(2).toLongLong();
        bucket.spentCredits += query.value(3).toLongLong();
        latency[index].mergeEncoded(query.value(4).toByteArray());
    }
    Core::LatencyHistogram whole;
    for (qsizetype i = 0; i < series.buckets.size(); ++i) {
        if (latency.at(i).isEmpty())
            continue;
        series.buckets[i].latencyP50Us = latency.at(i).quantileUs(0.5);
        series.buckets[i].latencyP99Us = latency.at(i).quantileUs(0.99);
        whole.merge(latency.at(i));
    }
    if (!whole.isEmpty()) {
        series.latencyP50Us = whole.quantileUs(0.5);
        series.latencyP99Us = whole.quantileUs(0.99);
    }
    return describe(series);
}

/// How the schema-3 queries read a top list: the scope rows of the range, grouped by scope id.
QStringList version3Top(const QSqlDatabase &db, const QString &scope, const QString &keyspaceId, TimeRange range,
    Resolution resolution, TopOrder order)
{
    const QString orderBy = order == TopOrder::Rejections ? u"rejections"_s
        : order == TopOrder::SpentCredits                 ? u"spent"_s
                                                          : u"total"_s;
    QSqlQuery query(db);
    query.prepare(
        u"SELECT r.scope_id, sum(r.count) AS total, sum(CASE WHEN r.outcome <> 'VALID' THEN r.count ELSE 0 END)"
        " AS rejections, sum(r.spent_credits) AS spent, sum(CASE WHEN r.outcome = 'VALID' THEN r.count ELSE 0 END)"
        " FROM verification_rollups_"_s
        + suffix(resolution) + u" r"_s
        + (keyspaceId.isEmpty() ? QString() : u" JOIN keys k ON k.id = r.scope_id AND k.keyspace_id = ?"_s)
        + u" WHERE r.workspace_id = 'ws_1' AND r.scope = ? AND r.time >= ? AND r.time < ? GROUP BY r.scope_id"
          " ORDER BY "_s
        + orderBy + u" DESC, r.scope_id LIMIT 10"_s);
    if (!keyspaceId.isEmpty())
        query.addBindValue(keyspaceId);
    query.addBindValue(scope);
    query.addBindValue(range.startMs);
    query.addBindValue(range.endMs);
    if (!query.exec())
        return {u"query failed: "_s + query.lastError().text()};
    QList<Store::TopEntry> entries;
    while (query.next())
        entries.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
            query.value(3).toLongLong(), query.value(4).toLongLong()});
    return describe(entries);
}

struct SeriesCase {
    QString scope, id;
    TimeRange range;
    Resolution resolution;
};

QList<SeriesCase> seriesCases()
{
    QList<SeriesCase> cases;
    const QList<std::pair<TimeRange, Resolution>> ranges = {{{Start + 5 * Hour, Start + 7 * Hour}, Resolution::Minute},
        {{Start, Start + 2 * Day}, Resolution::Hour}, {{Start - Day, Start + 3 * Day}, Resolution::Day}};
    const QList<std::pair<QString, QString>> scopes = {{u"key"_s, u"key_0"_s}, {u"key"_s, u"key_1"_s},
        {u"key"_s, u"key_3"_s}, {u"key"_s, u"key_none"_s}, {u"identity"_s, u"id_0"_s}, {u"identity"_s, u"id_1"_s}};
    for (const auto &[range, resolution] : ranges) {
        for (const auto &[scope, id] : scopes)
            cases.append({scope, id, range, resolution});
    }
    return cases;
}

struct TopCase {
    QString scope, keyspaceId;
    TimeRange range;
    TopOrder order;
};

QList<TopCase> topCases()
{
    QList<TopCase> cases;
    for (const TimeRange range : {TimeRange {Start + 3 * Hour, Start + 3 * Hour + 17 * Minute},
             TimeRange {Start + Hour, Start + 30 * Hour}, TimeRange {Start, Start + 2 * Day}}) {
        for (const TopOrder order : {TopOrder::Verifications, TopOrder::Rejections, TopOrder::SpentCredits}) {
            cases.append({u"key"_s, QString(), range, order});
            cases.append({u"key"_s, u"ks_1"_s, range, order});
            cases.append({u"identity"_s, QString(), range, order});
        }
    }
    return cases;
}

} // namespace

class TestAnalyticsMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void version3AnswersSurviveTheMigration();
    void freshDatabaseAnswersAsTheMigratedOne();
    void writerAddsToMigratedRows();
    void version4StoreStartsRolledUp();

private:
    /// A schema-3 database of @p all; the keys the keyspace-filtered top list joins are in it too.
    /// With @p version 4, migrated to schema 4 (as a schema-4 writer of the same events leaves it).
    [[nodiscard]] QString buildVersion3(
        const QString &name, const QList<Core::VerificationEvent> &all, int version = 3);
    /// Every series and top list of the cases above as the schema-3 queries answered them.
    [[nodiscard]] static QStringList version3Answers(const QString &path);
    /// The same through today's AnalyticsQueries.
    [[nodiscard]] static QStringList answers(Store::Database &db);
    [[nodiscard]] std::unique_ptr<Store::Database> openFresh(const QList<Core::VerificationEvent> &all);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAnalyticsMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestAnalyticsMigration::cleanup()
{
    m_dir.reset();
}

/// A connection name never used before: AnalyticsStore::registerFunctions() remembers names per thread.
QString uniqueConnectionName()
{
    static int serial = 0;
    return u"v3-%1"_s.arg(++serial);
}

QString TestAnalyticsMigration::buildVersion3(
    const QString &name, const QList<Core::VerificationEvent> &all, int version)
{
    const QString path = m_dir->filePath(name);
    const QString connection = uniqueConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        ok = db.open() && Store::AnalyticsStore::registerFunctions(db) && db.transaction()
            && exec(db, u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s);
        for (const Store::Migration &migration : Store::migrations()) {
            if (migration.version > 3)
                continue;
            for (const QString &statement : migration.statements)
                ok = ok && exec(db, statement);
            ok = ok && exec(db, u"INSERT INTO schema_version (version) VALUES (?)"_s, {migration.version});
        }
        for (int key = 0; key < 4; ++key) {
            ok = ok
                && exec(db,
                    u"INSERT INTO keys (id, workspace_id, keyspace_id, hash, start, created_at) VALUES (?, 'ws_1', ?, "
                    u"?,"
                    " 'lk_', 0)"_s,
                    {u"key_%1"_s.arg(key), u"ks_%1"_s.arg(key % 2), u"hash_%1"_s.arg(key)});
        }
        for (const Core::VerificationEvent &event : all)
            ok = ok && writeVersion3(db, event);
        for (const Store::Migration &migration : Store::migrations()) {
            if (migration.version <= 3 || migration.version > version)
                continue;
            for (const QString &statement : migration.statements)
                ok = ok && exec(db, statement);
            ok = ok && exec(db, u"INSERT INTO schema_version (version) VALUES (?)"_s, {migration.version});
        }
        ok = ok && db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok ? path : QString();
}

QStringList TestAnalyticsMigration::version3Answers(const QString &path)
{
    QStringList all;
    const QString connection = uniqueConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open() || !Store::AnalyticsStore::registerFunctions(db))
            return {u"cannot open"_s};
        for (const SeriesCase &c : seriesCases()) {
            all.append(c.scope + u' ' + c.id);
            all.append(version3Series(db, c.scope, c.id, c.range, c.resolution));
        }
        all.append(version3Series(db, u"workspace"_s, QString(), {Start, Start + 2 * Day}, Resolution::Hour));
        all.append(version3Series(db, u"api"_s, u"api_1"_s, {Start, Start + 2 * Day}, Resolution::Hour));
        for (const TopCase &c : topCases()) {
            const Resolution resolution = *Store::AnalyticsQueries::tilingResolution(c.range);
            all.append(version3Top(db, c.scope, c.keyspaceId, c.range, resolution, c.order));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return all;
}

QStringList TestAnalyticsMigration::answers(Store::Database &db)
{
    Store::AnalyticsQueries queries(db);
    QStringList all;
    for (const SeriesCase &c : seriesCases()) {
        const auto series = queries.verificationSeries(u"ws_1"_s, c.scope, c.id, c.range, c.resolution);
        all.append(c.scope + u' ' + c.id);
        all.append(series ? describe(*series) : QStringList {series.error().detail});
    }
    for (const QString &scope : {u"workspace"_s, u"api"_s}) {
        const auto series = queries.verificationSeries(
            u"ws_1"_s, scope, scope == u"api" ? u"api_1"_s : QString(), {Start, Start + 2 * Day}, Resolution::Hour);
        all.append(series ? describe(*series) : QStringList {series.error().detail});
    }
    for (const TopCase &c : topCases()) {
        const auto top = queries.topVerifications(u"ws_1"_s, c.scope, c.keyspaceId, c.range, c.order, 10);
        all.append(top ? describe(*top) : QStringList {top.error().detail});
    }
    return all;
}

std::unique_ptr<Store::Database> TestAnalyticsMigration::openFresh(const QList<Core::VerificationEvent> &all)
{
    auto db = Store::Database::open(m_dir->filePath(u"fresh.db"_s));
    if (!db)
        return nullptr;
    const Core::Status keys = (*db)->write([&]() -> Core::Status {
        for (int key = 0; key < 4; ++key) {
            QSqlQuery insert = (*db)->prepare(u"INSERT INTO keys (id, workspace_id, keyspace_id, hash, start,"
                                              " created_at) VALUES (?, 'ws_1', ?, ?, 'lk_', 0)"_s);
            insert.addBindValue(u"key_%1"_s.arg(key));
            insert.addBindValue(u"ks_%1"_s.arg(key % 2));
            insert.addBindValue(u"hash_%1"_s.arg(key));
            if (!Store::exec(insert))
                return Core::makeError(Core::ErrorCode::Internal, u"insert failed"_s);
        }
        return {};
    });
    // The writer's batches: 64 events each, so rollup rows are both created and merged into.
    Store::AnalyticsStore store(**db);
    for (qsizetype i = 0; keys && i < all.size(); i += 64) {
        if (!store.write({all.mid(i, 64), {}}))
            return nullptr;
    }
    return keys ? std::move(*db) : nullptr;
}

void TestAnalyticsMigration::version3AnswersSurviveTheMigration()
{
    const QString path = buildVersion3(u"v3.db"_s, events());
    QVERIFY(!path.isEmpty());
    const QStringList before = version3Answers(path);
    QVERIFY(before.size() > 100);
    QVERIFY(!before.join(u'\n').contains(u"failed"));
    QVERIFY(before.join(u'\n').contains(u"\nkey_1 "_s)); // top lists are not empty

    auto db = Store::Database::open(path); // migrates to the current schema
    QVERIFY2(db, qPrintable(db ? QString() : db.error().detail));
    const QStringList after = answers(**db);
    QCOMPARE(after, before);

    QSqlQuery check = (*db)->prepare(
        u"SELECT (SELECT max(version) FROM schema_version),"
        " (SELECT count(*) FROM verification_rollups_minute WHERE scope IN ('key', 'identity'))"
        " + (SELECT count(*) FROM verification_rollups_hour WHERE scope IN ('key', 'identity'))"
        " + (SELECT count(*) FROM verification_rollups_day WHERE scope IN ('key', 'identity')),"
        " (SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'verification_detail_rollups_%'),"
        " (SELECT count(*) FROM sqlite_master WHERE name = 'verification_rollups_minute_time'),"
        " (SELECT count(*) FROM verification_events)"_s);
    QVERIFY(Store::exec(check) && check.next());
    QCOMPARE(check.value(0).toInt(), Store::Database::schemaVersion());
    QCOMPARE(check.value(1).toInt(), 0);
    QCOMPARE(check.value(2).toInt(), 6); // key and identity, minute/hour/day
    QCOMPARE(check.value(3).toInt(), 0);
    QCOMPARE(check.value(4).toInt(), 400);
}

void TestAnalyticsMigration::freshDatabaseAnswersAsTheMigratedOne()
{
    // Today's writer from the start answers as the schema-3 writer and readers did.
    const QString path = buildVersion3(u"v3.db"_s, events());
    QVERIFY(!path.isEmpty());
    const QStringList before = version3Answers(path);
    auto fresh = openFresh(events());
    QVERIFY(fresh);
    QCOMPARE(answers(*fresh), before);
}

void TestAnalyticsMigration::writerAddsToMigratedRows()
{
    const QList<Core::VerificationEvent> all = events();
    const QString path = buildVersion3(u"v3.db"_s, all.mid(0, 250));
    QVERIFY(!path.isEmpty());
    auto migrated = Store::Database::open(path);
    QVERIFY(migrated);
    Store::AnalyticsStore store(**migrated);
    QVERIFY(store.write({all.mid(250), {}}));
    auto fresh = openFresh(all);
    QVERIFY(fresh);
    const QStringList expected = answers(*fresh);
    QCOMPARE(answers(**migrated), expected);
    // Not a vacuous comparison: the later events changed the answers.
    QVERIFY(expected != version3Answers(buildVersion3(u"v3-part.db"_s, all.mid(0, 250))));
}

void TestAnalyticsMigration::version4StoreStartsRolledUp()
{
    // Schema 5: a schema-4 store holds every event in every rollup, so it starts rolled up through
    // its newest minute, and its public views answer as before.
    const QString path = buildVersion3(u"v4.db"_s, events(), 4);
    QVERIFY(!path.isEmpty());
    const QString connection = uniqueConnectionName();
    QStringList viewsBefore;
    QStringList coarserBefore;
    qint64 newestMinute = 0;
    const QString coarser = u"SELECT * FROM verification_detail_rollups_%1 ORDER BY workspace_id, time, keyspace_id,"
                            " key_id, identity_id, external_id, outcome, tags"_s;
    {
        QSqlDatabase v4 = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        v4.setDatabaseName(path);
        QVERIFY(v4.open() && Test::registerSandboxFunctions(v4));
        viewsBefore = Test::viewRows(v4);
        for (const QString &resolution : {u"hour"_s, u"day"_s, u"month"_s})
            coarserBefore.append(Test::storedRows(v4, coarser.arg(resolution)));
        QSqlQuery newest(v4);
        QVERIFY(newest.exec(u"SELECT max(time), (SELECT max(version) FROM schema_version)"
                            " FROM verification_detail_rollups_minute"_s)
            && newest.next());
        newestMinute = newest.value(0).toLongLong();
        QCOMPARE(newest.value(1).toInt(), 4);
        v4.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QVERIFY(viewsBefore.size() > 400);
    QVERIFY(!viewsBefore.join(u'\n').contains(u"failed"));

    auto db = Store::Database::open(path); // migrates to schema 5
    QVERIFY2(db, qPrintable(db ? QString() : db.error().detail));
    QVERIFY(Test::registerSandboxFunctions((*db)->connection()));
    Store::AnalyticsStore store(**db);
    QCOMPARE(*store.rolledUntil(), newestMinute + Minute);
    QCOMPARE(Test::viewRows((*db)->connection()), viewsBefore);
    QStringList coarserAfter;
    for (const QString &resolution : {u"hour"_s, u"day"_s, u"month"_s})
        coarserAfter.append(Test::storedRows((*db)->connection(), coarser.arg(resolution)));
    QCOMPARE(coarserAfter, coarserBefore);
    // Nothing is left to roll up.
    QVERIFY(store.writeRollUp(newestMinute + Hour));
    coarserAfter.clear();
    for (const QString &resolution : {u"hour"_s, u"day"_s, u"month"_s})
        coarserAfter.append(Test::storedRows((*db)->connection(), coarser.arg(resolution)));
    QCOMPARE(coarserAfter, coarserBefore);
}

QTEST_GUILESS_MAIN(TestAnalyticsMigration)
#include "tst_analyticsmigration.moc"
