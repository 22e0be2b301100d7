#include "analytics/querysandbox.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Analytics::QueryLimits;
using Analytics::QueryResult;
using Analytics::QuerySandbox;
using Analytics::QueryScope;
using Core::ErrorCode;

Q_DECLARE_METATYPE(Latchkey::Core::ErrorCode)

namespace {

// A whole hour, so the per-hour buckets below start at T0.
constexpr qint64 T0 = 1'699'999'200'000;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

const QString WsA = u"ws_a"_s;
const QString WsB = u"ws_b"_s;

QueryScope wholeWorkspace(const QString &workspace = WsA)
{
    return {workspace, true, {}};
}

// Workspace A: 20 verifications every 10 minutes from T0 over keyspaces ks_a1/ks_a2 (outcomes
// cycling VALID, VALID, RATE_LIMITED, VALID, EXPIRED; every third tagged beta+eu) and one NOT_FOUND
// without keyspace. Workspace B: 5 VALID verifications tagged beta. The minute rollups hold the
// same verifications, one row each.
const QString kOutcomes[] = {u"VALID"_s, u"VALID"_s, u"RATE_LIMITED"_s, u"VALID"_s, u"EXPIRED"_s};

struct Event {
    QString workspace;
    QVariant keyspace;
    QString outcome;
    QString tags;
    qint64 time;
    int latencyUs;
};

QList<Event> events()
{
    QList<Event> list;
    for (int i = 0; i < 20; ++i) {
        list.append({WsA, i % 2 ? u"ks_a2"_s : u"ks_a1"_s, kOutcomes[i % 5],
            i % 3 == 0 ? u"[\"beta\",\"eu\"]"_s : u"[]"_s, T0 + i * 10 * Minute, 1500 + i});
    }
    list.append({WsA, QVariant(), u"NOT_FOUND"_s, u"[]"_s, T0 + 5 * Minute, 900});
    for (int i = 0; i < 5; ++i)
        list.append({WsB, u"ks_b1"_s, u"VALID"_s, u"[\"beta\"]"_s, T0 + i * Minute, 700});
    return list;
}

Core::Status insertEvents(Store::Database &db)
{
    return db.write([&]() -> Core::Status {
        int n = 0;
        for (const Event &event : events()) {
            QSqlQuery raw = db.prepare(
                u"INSERT INTO verification_events (request_id, time, workspace_id, api_id, keyspace_id, key_id,"
                " identity_id, external_id, outcome, tags, spent_credits, latency_us, node)"
                " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 1, ?, 'node-1')"_s);
            for (const QVariant &value :
                {QVariant(u"req_%1"_s.arg(++n)), QVariant(event.time), QVariant(event.workspace),
                    QVariant(u"api_"_s + event.keyspace.toString()), event.keyspace, QVariant(u"key_%1"_s.arg(n % 3)),
                    QVariant(event.outcome), QVariant(event.tags), QVariant(event.latencyUs)})
                raw.addBindValue(value);
            if (!Store::exec(raw))
                return Store::sqlError(raw);
            if (event.keyspace.isNull())
                continue;
            QSqlQuery rollup = db.prepare(
                u"INSERT INTO verification_detail_rollups_minute (workspace_id, time, keyspace_id, key_id,"
                " identity_id, external_id, outcome, tags, count, spent_credits, latency_sum_us, latency_hist,"
                " latency_p50_us, latency_p75_us, latency_p99_us, last_time)"
                " VALUES (?, ?, ?, ?, '', '', ?, ?, 1, 1, ?, X'', ?, ?, ?, ?)"_s);
            for (const QVariant &value :
                {QVariant(event.workspace), QVariant(event.time), event.keyspace, QVariant(u"key_%1"_s.arg(n % 3)),
                    QVariant(event.outcome), QVariant(event.tags), QVariant(event.latencyUs), QVariant(event.latencyUs),
                    QVariant(event.latencyUs), QVariant(event.latencyUs), QVariant(event.time)})
                rollup.addBindValue(value);
            if (!Store::exec(rollup))
                return Store::sqlError(rollup);
        }
        return {};
    });
}

} // namespace

/// The SQL sandbox of analytics.getVerifications against hostile and ordinary queries.
class TestQuerySandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void hostileQueriesAreRefused_data();
    void hostileQueriesAreRefused();
    void nothingIsWrittenOutsideTheDatabase();
    void oversizedQueryIsRefused();
    void runawayQueryIsInterrupted();
    void rowLimit();
    void resultSizeLimit();
    void hugeValueIsRefused();

    void otherWorkspacesAreInvisible_data();
    void otherWorkspacesAreInvisible();
    void perApiScopeSeesOnlyItsKeyspaces();
    void noScopeNoRows();

    void countsByOutcome();
    void hourlyBucketsFromPerMinuteView();
    void tagsFilterWithJsonEach();
    void valuesKeepTheirTypesAndColumnOrder();
    void cteUnionAndOrderLimit();
    void viewNamesAreCaseInsensitive();
    void concurrentQueries();
    void missingViewsAreNotConfigured();

    void databaseUnchangedAfterAll();

private:
    Core::Result<QueryResult> run(const QString &sql, const QueryScope &scope = wholeWorkspace());
    QByteArray fingerprint();

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<QuerySandbox> m_sandbox;
    QByteArray m_fingerprint;
};

Core::Result<QueryResult> TestQuerySandbox::run(const QString &sql, const QueryScope &scope)
{
    return m_sandbox->run(sql, scope);
}

// Every row of every table and the schema itself, plus the bytes of the database and WAL files.
QByteArray TestQuerySandbox::fingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery schema = m_db->prepare(u"SELECT type, name, sql FROM sqlite_master ORDER BY name"_s);
    if (!Store::exec(schema))
        return {};
    QStringList tables;
    while (schema.next()) {
        for (int i = 0; i < 3; ++i)
            hash.addData(QByteArray(schema.value(i).toString().toUtf8() + '\x1f'));
        if (schema.value(0).toString() == u"table")
            tables.append(schema.value(1).toString());
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery rows = m_db->prepare(u"SELECT * FROM \"%1\""_s.arg(table));
        if (!Store::exec(rows))
            return {};
        qint64 count = 0;
        while (rows.next()) {
            ++count;
            for (int i = 0; i < rows.record().count(); ++i)
                hash.addData(QByteArray(rows.value(i).toByteArray() + '\x1f'));
        }
        hash.addData(QByteArray(table.toUtf8() + QByteArray::number(count)));
    }
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        QFile file(m_db->path() + suffix);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return hash.result();
}

void TestQuerySandbox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Store::Database::open(m_dir.filePath(u"latchkey.db"_s));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
    m_db = std::move(*db);
    QVERIFY(insertEvents(*m_db).ok());
    // Secrets next to the analytics tables, which no query may reach.
    QVERIFY(m_db->write([&]() -> Core::Status {
                    QSqlQuery query
                        = m_db->prepare(u"INSERT INTO workspaces (id, name, created_at) VALUES ('ws_a', 'A', 1)"_s);
                    return Store::exec(query) ? Core::Status() : Store::sqlError(query);
                })
                .ok());
    m_sandbox = std::make_unique<QuerySandbox>(m_db->path());
    m_fingerprint = fingerprint();
    QVERIFY(!m_fingerprint.isEmpty());
}

void TestQuerySandbox::hostileQueriesAreRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detail");

    const auto type = ErrorCode::InvalidAnalyticsQueryType;
    const auto table = ErrorCode::InvalidAnalyticsTable;
    const auto function = ErrorCode::InvalidAnalyticsFunction;
    const auto query = ErrorCode::InvalidAnalyticsQuery;
    // Every kind of statement SQLite has.
    QTest::newRow("insert") << u"INSERT INTO verification_events (request_id, time, workspace_id, outcome)"
                               " VALUES ('r', 1, 'ws_a', 'VALID')"_s
                            << type << u"INSERT of verification_events is not allowed"_s;
    QTest::newRow("insert into view") << u"INSERT INTO key_verifications_v1 (request_id) VALUES ('r')"_s << type
                                      << u"INSERT"_s;
    QTest::newRow("replace") << u"REPLACE INTO workspaces (id, name, created_at) VALUES ('ws_a', 'x', 2)"_s << type
                             << u"INSERT"_s;
    QTest::newRow("upsert")
        << u"INSERT INTO workspaces VALUES ('ws_a', 'x', 2) ON CONFLICT (id) DO UPDATE SET name = 'y'"_s << type
        << u"INSERT"_s;
    QTest::newRow("update") << u"UPDATE verification_events SET workspace_id = 'ws_a'"_s << type
                            << u"UPDATE of verification_events"_s;
    QTest::newRow("update from") << u"UPDATE workspaces SET name = v.outcome FROM key_verifications_v1 v"_s << type
                                 << u"UPDATE"_s;
    QTest::newRow("delete") << u"DELETE FROM verification_events"_s << type << u"DELETE of verification_events"_s;
    QTest::newRow("delete returning") << u"DELETE FROM workspaces RETURNING *"_s << type << u"DELETE"_s;
    QTest::newRow("create table") << u"CREATE TABLE x (a)"_s << type << u"changing the schema"_s;
    QTest::newRow("create temp table") << u"CREATE TEMP TABLE x AS SELECT * FROM key_verifications_v1"_s << type
                                       << u"changing the schema"_s;
    QTest::newRow("create view") << u"CREATE VIEW x AS SELECT * FROM verification_events"_s << type
                                 << u"changing the schema"_s;
    QTest::newRow("create temp view") << u"CREATE TEMP VIEW key_verifications_v1 AS SELECT * FROM verification_events"_s
                                      << type << u"changing the schema"_s;
    QTest::newRow("create index") << u"CREATE INDEX x ON verification_events (outcome)"_s << type
                                  << u"changing the schema"_s;
    QTest::newRow("create trigger")
        << u"CREATE TRIGGER x AFTER INSERT ON workspaces BEGIN DELETE FROM workspaces; END"_s << type
        << u"CREATE TRIGGER"_s;
    QTest::newRow("create temp trigger") << u"CREATE TEMP TRIGGER x AFTER INSERT ON workspaces BEGIN SELECT 1; END"_s
                                         << type << u"CREATE TRIGGER"_s;
    QTest::newRow("create virtual table")
        << u"CREATE VIRTUAL TABLE x USING fts5 (a)"_s << type << u"changing the schema"_s;
    QTest::newRow("drop table") << u"DROP TABLE workspaces"_s << type << u"changing the schema"_s;
    QTest::newRow("drop view") << u"DROP VIEW key_verifications_v1"_s << type << u"changing the schema"_s;
    QTest::newRow("drop index") << u"DROP INDEX verification_events_key_time"_s << type << u"changing the schema"_s;
    QTest::newRow("alter table add") << u"ALTER TABLE workspaces ADD COLUMN x TEXT"_s << type << u"ALTER TABLE"_s;
    QTest::newRow("alter table rename") << u"ALTER TABLE verification_events RENAME TO x"_s << type << u"ALTER TABLE"_s;
    QTest::newRow("alter table drop column")
        << u"ALTER TABLE verification_events DROP COLUMN node"_s << type << u"ALTER TABLE"_s;
    QTest::newRow("begin") << u"BEGIN"_s << type << u"BEGIN is not allowed"_s;
    QTest::newRow("begin immediate") << u"BEGIN IMMEDIATE"_s << type << u"BEGIN"_s;
    QTest::newRow("commit") << u"COMMIT"_s << type << u"COMMIT"_s;
    QTest::newRow("end") << u"END"_s << type << u"COMMIT"_s;
    QTest::newRow("rollback") << u"ROLLBACK"_s << type << u"ROLLBACK"_s;
    QTest::newRow("savepoint") << u"SAVEPOINT s"_s << type << u"SAVEPOINT is not allowed"_s;
    QTest::newRow("release") << u"RELEASE s"_s << type << u"RELEASE"_s;
    QTest::newRow("rollback to") << u"ROLLBACK TO s"_s << type << u"ROLLBACK TO"_s;
    QTest::newRow("vacuum") << u"VACUUM"_s << type << u"only SELECT"_s;
    QTest::newRow("vacuum into") << u"VACUUM INTO '%1'"_s.arg(m_dir.filePath(u"copy.db"_s)) << type << u"only SELECT"_s;
    QTest::newRow("reindex") << u"REINDEX"_s << type << u"REINDEX"_s;
    QTest::newRow("analyze") << u"ANALYZE"_s << type << u"changing the schema"_s;
    QTest::newRow("attach") << u"ATTACH DATABASE '%1' AS x"_s.arg(m_dir.filePath(u"attached.db"_s)) << type
                            << u"ATTACH"_s;
    QTest::newRow("attach memory") << u"ATTACH ':memory:' AS x"_s << type << u"ATTACH"_s;
    QTest::newRow("detach") << u"DETACH DATABASE main"_s << type << u"DETACH"_s;
    QTest::newRow("pragma writable_schema") << u"PRAGMA writable_schema = ON"_s << type << u"PRAGMA is not allowed"_s;
    QTest::newRow("pragma query_only") << u"PRAGMA query_only = OFF"_s << type << u"PRAGMA"_s;
    QTest::newRow("pragma table_info") << u"PRAGMA table_info(root_keys)"_s << type << u"PRAGMA"_s;
    QTest::newRow("pragma journal_mode") << u"PRAGMA journal_mode = DELETE"_s << type << u"PRAGMA"_s;
    QTest::newRow("pragma function") << u"SELECT * FROM pragma_table_info('root_keys')"_s << type << u"not allowed"_s;
    QTest::newRow("explain") << u"EXPLAIN SELECT * FROM key_verifications_v1"_s << type << u"EXPLAIN"_s;
    QTest::newRow("explain query plan") << u"EXPLAIN QUERY PLAN SELECT * FROM key_verifications_v1"_s << type
                                        << u"EXPLAIN"_s;
    // Functions outside the allow-list.
    QTest::newRow("load_extension") << u"SELECT load_extension('/tmp/evil.so')"_s << function
                                    << u"function 'load_extension' is not allowed"_s;
    QTest::newRow("load_extension in where")
        << u"SELECT count(*) FROM key_verifications_v1 WHERE load_extension('x') IS NULL"_s << function
        << u"load_extension"_s;
    QTest::newRow("sqlite_version") << u"SELECT sqlite_version()"_s << function << u"sqlite_version"_s;
    QTest::newRow("randomblob") << u"SELECT randomblob(1000000)"_s << function << u"randomblob"_s;
    QTest::newRow("zeroblob") << u"SELECT zeroblob(1000000000)"_s << function << u"zeroblob"_s;
    QTest::newRow("readfile") << u"SELECT readfile('/etc/passwd')"_s << query << u"no such function"_s;
    QTest::newRow("store function") << u"SELECT lk_hist_merge(NULL, NULL)"_s << query << u"no such function"_s;
    // Tables other than the public views.
    QTest::newRow("sqlite_master") << u"SELECT sql FROM sqlite_master"_s << table
                                   << u"table 'sqlite_master' is not allowed; query one of key_verifications_v1"_s;
    QTest::newRow("sqlite_schema") << u"SELECT * FROM sqlite_schema"_s << table << u"sqlite_master"_s;
    QTest::newRow("sqlite_temp_master") << u"SELECT * FROM sqlite_temp_master"_s << table << u"sqlite_temp_master"_s;
    QTest::newRow("root_keys") << u"SELECT * FROM root_keys"_s << table << u"table 'root_keys' is not allowed"_s;
    QTest::newRow("keys") << u"SELECT hash FROM keys"_s << table << u"table 'keys' is not allowed"_s;
    QTest::newRow("verification_events") << u"SELECT * FROM verification_events"_s << table
                                         << u"table 'verification_events'"_s;
    QTest::newRow("main.verification_events")
        << u"SELECT * FROM main.verification_events"_s << table << u"verification_events"_s;
    QTest::newRow("rollup table") << u"SELECT * FROM verification_detail_rollups_minute"_s << table
                                  << u"verification_detail_rollups_minute"_s;
    QTest::newRow("json_tree") << u"SELECT * FROM json_tree('[1]')"_s << table << u"json_tree"_s;
    QTest::newRow("count of a table") << u"SELECT count(*) FROM keys"_s << table << u"table 'keys' is not allowed"_s;
    QTest::newRow("count of a table aliased as a view")
        << u"SELECT count(*) FROM root_keys AS key_verifications_v1"_s << table << u"root_keys"_s;
    QTest::newRow("count of a cte shadowing a view")
        << u"WITH key_verifications_v1 AS (SELECT * FROM verification_events) SELECT count(*) FROM key_verifications_v1"_s
        << table << u"verification_events"_s;
    QTest::newRow("cte named json_each")
        << u"WITH json_each AS (SELECT * FROM verification_events) SELECT * FROM json_each"_s << table
        << u"verification_events"_s;
    QTest::newRow("subquery in select")
        << u"SELECT outcome, (SELECT name FROM workspaces LIMIT 1) AS w FROM key_verifications_v1"_s << table
        << u"workspaces"_s;
    QTest::newRow("subquery in where") << u"SELECT * FROM key_verifications_v1 WHERE key_id IN (SELECT id FROM keys)"_s
                                       << table << u"'keys'"_s;
    QTest::newRow("subquery in json_each")
        << u"SELECT * FROM json_each((SELECT group_concat(sql) FROM sqlite_master))"_s << table << u"sqlite_master"_s;
    QTest::newRow("union with raw table")
        << u"SELECT workspace_id FROM key_verifications_v1 UNION SELECT workspace_id FROM verification_events"_s
        << table << u"verification_events"_s;
    QTest::newRow("join raw table") << u"SELECT e.* FROM key_verifications_v1 v JOIN verification_events e ON 1"_s
                                    << table << u"verification_events"_s;
    QTest::newRow("cte over raw table") << u"WITH x AS (SELECT * FROM verification_events) SELECT * FROM x"_s << table
                                        << u"verification_events"_s;
    QTest::newRow("cte shadowing a view")
        << u"WITH key_verifications_v1 AS (SELECT * FROM verification_events) SELECT * FROM key_verifications_v1"_s
        << table << u"public views"_s;
    QTest::newRow("cte shadowing a rollup view")
        << u"WITH key_verifications_per_minute_v1 AS (SELECT * FROM verification_detail_rollups_minute) SELECT count(*) FROM key_verifications_per_minute_v1"_s
        << table << u"verification_detail_rollups_minute"_s;
    QTest::newRow("cte shadowing, secrets")
        << u"WITH key_verifications_v1 AS (SELECT hash AS request_id FROM root_keys) SELECT * FROM key_verifications_v1"_s
        << table << u"root_keys"_s;
    QTest::newRow("cte shadowing, not flattened")
        << u"WITH key_verifications_per_minute_v1 AS (SELECT workspace_id, count FROM verification_detail_rollups_minute LIMIT 1000) SELECT sum(count) FROM key_verifications_per_minute_v1"_s
        << table << u"public views"_s;
    QTest::newRow("cte shadowing, materialized")
        << u"WITH key_verifications_v1 AS MATERIALIZED (SELECT * FROM verification_events) SELECT workspace_id, count(*) FROM key_verifications_v1 GROUP BY 1"_s
        << table << u"public views"_s;
    QTest::newRow("subquery alias of a view")
        << u"SELECT * FROM (SELECT * FROM verification_events) AS key_verifications_v1"_s << table
        << u"verification_events"_s;
    // Recursion, several statements, nonsense.
    QTest::newRow("recursive cte forever")
        << u"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"_s << query
        << u"recursive"_s;
    QTest::newRow("recursive cte over a view")
        << u"WITH RECURSIVE r(n) AS (SELECT count(*) FROM key_verifications_v1 UNION ALL SELECT n FROM r) SELECT * FROM r"_s
        << query << u"recursive"_s;
    QTest::newRow("two statements") << u"SELECT 1; SELECT 2"_s << query << u"only one statement is allowed"_s;
    QTest::newRow("select then drop") << u"SELECT count(*) FROM key_verifications_v1; DROP TABLE workspaces"_s << query
                                      << u"only one statement"_s;
    QTest::newRow("select then attach") << u"SELECT 1;ATTACH ':memory:' AS x"_s << query << u"only one statement"_s;
    QTest::newRow("comment hides a statement")
        << u"SELECT 1 /* ; */; -- harmless\nDELETE FROM workspaces"_s << query << u"only one statement"_s;
    QTest::newRow("statement after comments")
        << u"SELECT 1; /* c */ -- c\n /* c */ UPDATE workspaces SET name = 'x'"_s << query << u"only one statement"_s;
    QTest::newRow("garbage after statement") << u"SELECT 1; garbage"_s << query << u"only one statement"_s;
    QTest::newRow("empty") << QString() << query << u"empty"_s;
    QTest::newRow("only comments") << u"  -- nothing\n /* at all */ ;"_s << query << u"empty"_s;
    QTest::newRow("syntax error") << u"SELEC 1"_s << query << u"syntax error"_s;
    QTest::newRow("unknown column") << u"SELECT password FROM key_verifications_v1"_s << query << u"no such column"_s;
    QTest::newRow("too many columns") << u"SELECT "_s + QStringList(65, u"1"_s).join(u", "_s) << query
                                      << u"at most 64"_s;
}

void TestQuerySandbox::hostileQueriesAreRefused()
{
    QFETCH(QString, sql);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detail);
    const auto result = run(sql);
    QVERIFY2(!result.ok(), result.ok() ? result->json.constData() : "");
    QVERIFY2(result.error().code == code, qPrintable(result.error().detail));
    QCOMPARE(result.error().status(), 400);
    QVERIFY2(result.error().detail.contains(detail), qPrintable(result.error().detail));
    QCOMPARE(fingerprint(), m_fingerprint);
}

void TestQuerySandbox::nothingIsWrittenOutsideTheDatabase()
{
    QVERIFY(!QFile::exists(m_dir.filePath(u"copy.db"_s)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"attached.db"_s)));
}

void TestQuerySandbox::oversizedQueryIsRefused()
{
    const QString padding(16 * 1024, u' ');
    const auto tooLong = run(u"SELECT 1"_s + padding);
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().code, ErrorCode::InvalidAnalyticsQuery);
    QVERIFY2(tooLong.error().detail.contains(u"at most 16384 bytes"_s), qPrintable(tooLong.error().detail));
    QVERIFY(run(u"SELECT 1"_s + padding.left(16 * 1024 - 8)).ok());
}

void TestQuerySandbox::runawayQueryIsInterrupted()
{
    QuerySandbox quick(m_db->path(), QueryLimits {.timeout = std::chrono::milliseconds(200)});
    QElapsedTimer timer;
    timer.start();
    // 21^7 ≈ 1.8 billion combinations: minutes of work without the time limit.
    const auto result = quick.run(u"SELECT count(*) FROM key_verifications_v1 a, key_verifications_v1 b,"
                                  " key_verifications_v1 c, key_verifications_v1 d, key_verifications_v1 e,"
                                  " key_verifications_v1 f, key_verifications_v1 g"_s,
        wholeWorkspace());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::QueryTimeout);
    QCOMPARE(result.error().status(), 422);
    QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
    // The connection is usable again afterwards.
    const auto after = quick.run(u"SELECT count(*) AS n FROM key_verifications_v1"_s, wholeWorkspace());
    QVERIFY(after.ok());
    QCOMPARE(after->rows().at(0).toObject().value(u"n").toInteger(), 21);
    QCOMPARE(fingerprint(), m_fingerprint);
}

void TestQuerySandbox::rowLimit()
{
    // 21^4 = 194,481 rows of a cross join: refused at row 10,001.
    const auto result = run(u"SELECT a.request_id FROM key_verifications_v1 a, key_verifications_v1 b,"
                            " key_verifications_v1 c, key_verifications_v1 d"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::QueryRowsLimitExceeded);
    QCOMPARE(result.error().status(), 422);
    QVERIFY2(result.error().detail.contains(u"10000"_s), qPrintable(result.error().detail));

    QuerySandbox small(m_db->path(), QueryLimits {.maxRows = 21});
    QVERIFY(small.run(u"SELECT * FROM key_verifications_v1"_s, wholeWorkspace()).ok());
    const auto over
        = small.run(u"SELECT * FROM key_verifications_v1 a, key_verifications_v1 b LIMIT 22"_s, wholeWorkspace());
    QVERIFY(!over.ok());
    QCOMPARE(over.error().code, ErrorCode::QueryRowsLimitExceeded);
}

void TestQuerySandbox::resultSizeLimit()
{
    QuerySandbox small(m_db->path(), QueryLimits {.maxResultBytes = 2000});
    const auto result = small.run(u"SELECT * FROM key_verifications_v1"_s, wholeWorkspace());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::QueryMemoryLimitExceeded);
    QCOMPARE(result.error().status(), 422);
    QVERIFY(small.run(u"SELECT count(*) FROM key_verifications_v1"_s, wholeWorkspace()).ok());
}

void TestQuerySandbox::hugeValueIsRefused()
{
    // Strings are capped by SQLite itself (SQLITE_LIMIT_LENGTH) before memory is spent: printf()
    // stops at the cap, other functions fail.
    const auto printed = run(u"SELECT length(printf('%.*c', 100000000, 'x')) AS n"_s);
    QVERIFY2(printed.ok(), printed.ok() ? "" : qPrintable(printed.error().detail));
    QVERIFY(printed->rows().at(0).toObject().value(u"n").toInteger() <= 4 * 1024 * 1024);
    const auto replaced = run(u"SELECT length(replace(printf('%.*c', 3000000, 'x'), 'x', 'xx')) AS n"_s);
    QVERIFY(!replaced.ok());
    QCOMPARE(replaced.error().code, ErrorCode::QueryMemoryLimitExceeded);
    QCOMPARE(replaced.error().status(), 422);
    const auto grouped = run(u"SELECT length(group_concat(printf('%.*c', 1000000, 'x'))) FROM key_verifications_v1"_s);
    QVERIFY(!grouped.ok());
    QCOMPARE(grouped.error().code, ErrorCode::QueryMemoryLimitExceeded);
}

void TestQuerySandbox::otherWorkspacesAreInvisible_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("all rows") << u"SELECT count(*) AS n FROM key_verifications_v1"_s << qint64(21);
    QTest::newRow("where B") << u"SELECT count(*) AS n FROM key_verifications_v1 WHERE workspace_id = 'ws_b'"_s
                             << qint64(0);
    QTest::newRow("or 1=1") << u"SELECT count(*) AS n FROM key_verifications_v1 WHERE workspace_id = 'ws_b' OR 1=1"_s
                            << qint64(21);
    QTest::newRow("not A") << u"SELECT count(*) AS n FROM key_verifications_v1 WHERE workspace_id <> 'ws_a'"_s
                           << qint64(0);
    QTest::newRow("distinct workspaces") << u"SELECT count(DISTINCT workspace_id) AS n FROM key_verifications_v1"_s
                                         << qint64(1);
    QTest::newRow("keyspace of B") << u"SELECT count(*) AS n FROM key_verifications_v1 WHERE key_space_id = 'ks_b1'"_s
                                   << qint64(0);
    QTest::newRow("self join")
        << u"SELECT count(*) AS n FROM key_verifications_v1 a JOIN key_verifications_v1 b ON a.workspace_id <> b.workspace_id"_s
        << qint64(0);
    QTest::newRow("minute view") << u"SELECT sum(count) AS n FROM key_verifications_per_minute_v1"_s << qint64(20);
    QTest::newRow("minute view where B")
        << u"SELECT count(*) AS n FROM key_verifications_per_minute_v1 WHERE workspace_id = 'ws_b' OR 1 = 1"_s
        << qint64(20);
    QTest::newRow("lk_workspace is A")
        << u"SELECT count(*) AS n FROM key_verifications_v1 WHERE lk_workspace() = 'ws_a'"_s << qint64(21);
    QTest::newRow("cte named like a view over a view")
        << u"WITH key_verifications_v1 AS (SELECT * FROM key_verifications_per_minute_v1) SELECT count(*) AS n FROM key_verifications_v1"_s
        << qint64(20);
}

void TestQuerySandbox::otherWorkspacesAreInvisible()
{
    QFETCH(QString, sql);
    QFETCH(qint64, expected);
    const auto result = run(sql);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    QCOMPARE(result->rows().at(0).toObject().value(u"n").toInteger(), expected);
    // And B sees only its own 5.
    const auto other = run(u"SELECT count(*) AS n, min(workspace_id) AS lo, max(workspace_id) AS hi"
                           " FROM key_verifications_v1 WHERE workspace_id = 'ws_a' OR 1 = 1"_s,
        wholeWorkspace(WsB));
    QVERIFY(other.ok());
    QCOMPARE(other->rows().at(0).toObject(), (QJsonObject {{u"n"_s, 5}, {u"lo"_s, WsB}, {u"hi"_s, WsB}}));
}

void TestQuerySandbox::perApiScopeSeesOnlyItsKeyspaces()
{
    const QueryScope scope {WsA, false, {u"ks_a1"_s}};
    const auto result = run(u"SELECT key_space_id, count(*) AS n FROM key_verifications_v1"
                            " WHERE key_space_id IN ('ks_a1', 'ks_a2', '') OR 1 = 1 GROUP BY key_space_id"_s,
        scope);
    QVERIFY(result.ok());
    QCOMPARE(result->rows(), (QJsonArray {QJsonObject {{u"key_space_id"_s, u"ks_a1"_s}, {u"n"_s, 10}}}));
    const auto rollups = run(u"SELECT DISTINCT key_space_id FROM key_verifications_per_minute_v1"_s, scope);
    QVERIFY(rollups.ok());
    QCOMPARE(rollups->rows(), (QJsonArray {QJsonObject {{u"key_space_id"_s, u"ks_a1"_s}}}));
    // A keyspace of another workspace grants nothing.
    const auto foreign
        = run(u"SELECT count(*) AS n FROM key_verifications_v1"_s, QueryScope {WsA, false, {u"ks_b1"_s}});
    QVERIFY(foreign.ok());
    QCOMPARE(foreign->rows().at(0).toObject().value(u"n").toInteger(), 0);
    // No keyspace at all: nothing.
    const auto none = run(u"SELECT count(*) AS n FROM key_verifications_v1"_s, QueryScope {WsA, false, {}});
    QVERIFY(none.ok());
    QCOMPARE(none->rows().at(0).toObject().value(u"n").toInteger(), 0);
}

void TestQuerySandbox::noScopeNoRows()
{
    const auto result = run(u"SELECT 1"_s, QueryScope {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Internal);
}

void TestQuerySandbox::countsByOutcome()
{
    const auto result = run(u"SELECT outcome, count(*) AS total FROM key_verifications_v1"
                            " GROUP BY outcome ORDER BY total DESC, outcome"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    QCOMPARE(result->rows(),
        (QJsonArray {
            QJsonObject {{u"outcome"_s, u"VALID"_s}, {u"total"_s, 12}},
            QJsonObject {{u"outcome"_s, u"EXPIRED"_s}, {u"total"_s, 4}},
            QJsonObject {{u"outcome"_s, u"RATE_LIMITED"_s}, {u"total"_s, 4}},
            QJsonObject {{u"outcome"_s, u"NOT_FOUND"_s}, {u"total"_s, 1}},
        }));
    QCOMPARE(result->columns, (QStringList {u"outcome"_s, u"total"_s}));
}

void TestQuerySandbox::hourlyBucketsFromPerMinuteView()
{
    const auto result = run(u"SELECT time - time % 3600000 AS hour, sum(count) AS verifications,"
                            " sum(CASE WHEN outcome = 'VALID' THEN count ELSE 0 END) AS valid"
                            " FROM key_verifications_per_minute_v1 GROUP BY hour ORDER BY hour"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    // Every 10 minutes from T0: 6 per hour, then 2.
    QJsonArray expected;
    const int perHour[] = {6, 6, 6, 2};
    const int validPerHour[] = {4, 4, 3, 1};
    for (int h = 0; h < 4; ++h) {
        expected.append(
            QJsonObject {{u"hour"_s, T0 + h * Hour}, {u"verifications"_s, perHour[h]}, {u"valid"_s, validPerHour[h]}});
    }
    QCOMPARE(result->rows(), expected);
}

void TestQuerySandbox::tagsFilterWithJsonEach()
{
    const auto result = run(u"SELECT count(*) AS beta FROM key_verifications_v1"
                            " WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'beta')"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    QCOMPARE(result->rows().at(0).toObject().value(u"beta").toInteger(), 7);
    const auto tag = run(u"SELECT t.value AS tag, count(*) AS n FROM key_verifications_v1, json_each(tags) AS t"
                         " GROUP BY tag ORDER BY tag"_s);
    QVERIFY2(tag.ok(), tag.ok() ? "" : qPrintable(tag.error().detail));
    QCOMPARE(tag->rows(),
        (QJsonArray {
            QJsonObject {{u"tag"_s, u"beta"_s}, {u"n"_s, 7}}, QJsonObject {{u"tag"_s, u"eu"_s}, {u"n"_s, 7}}}));
    const auto arrow = run(u"SELECT count(*) AS n FROM key_verifications_v1 WHERE tags ->> '$[1]' = 'eu'"_s);
    QVERIFY(arrow.ok());
    QCOMPARE(arrow->rows().at(0).toObject().value(u"n").toInteger(), 7);
}

void TestQuerySandbox::valuesKeepTheirTypesAndColumnOrder()
{
    const auto result = run(u"SELECT request_id AS id, time, tags, latency, spent_credits, NULL AS missing,"
                            " 1e999 AS infinite, tags AS labels, json_extract(tags, '$') AS raw"
                            " FROM key_verifications_v1 WHERE request_id = 'req_1'"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    QCOMPARE(result->json,
        QByteArray(R"([{"id":"req_1","time":1699999200000,"tags":["beta","eu"],"latency":1.5,)"
                   R"("spent_credits":1,"missing":null,"infinite":null,"labels":["beta","eu"],)"
                   R"("raw":"[\"beta\",\"eu\"]"}])"));
    const auto rollup = run(u"SELECT time, tags, count, latency_avg, latency_p99 FROM key_verifications_per_minute_v1"
                            " ORDER BY time LIMIT 1"_s);
    QVERIFY(rollup.ok());
    QCOMPARE(rollup->json,
        QByteArray(R"([{"time":1699999200000,"tags":["beta","eu"],"count":1,)"
                   R"("latency_avg":1.5,"latency_p99":1.5}])"));
    const auto text = run(u"SELECT 'quote \" backslash \\ newline' || char(10) || 'é' AS s, 'a' AS s"_s);
    QVERIFY2(!text.ok(), "char() is not allow-listed");
    const auto escaped = run(u"SELECT 'quote \" backslash \\ tab' || '\t' || 'é' AS s, 2 AS s"_s);
    QVERIFY(escaped.ok());
    QCOMPARE(escaped->json, QByteArray("[{\"s\":\"quote \\\" backslash \\\\ tab\\t\xc3\xa9\"}]"));
}

void TestQuerySandbox::cteUnionAndOrderLimit()
{
    const auto result = run(u"WITH recent AS (SELECT * FROM key_verifications_v1 WHERE time >= "_s
        + QString::number(T0 + 150 * Minute)
        + u") SELECT request_id, outcome FROM recent UNION ALL"
          " SELECT 'total', CAST(count(*) AS TEXT) FROM key_verifications_per_day_v1"
          " ORDER BY request_id DESC LIMIT 3 OFFSET 1"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    // req_16..req_20 (i = 15..19) are at or after 150 minutes; "total" sorts first descending.
    QCOMPARE(result->rows(),
        (QJsonArray {
            QJsonObject {{u"request_id"_s, u"req_20"_s}, {u"outcome"_s, u"EXPIRED"_s}},
            QJsonObject {{u"request_id"_s, u"req_19"_s}, {u"outcome"_s, u"VALID"_s}},
            QJsonObject {{u"request_id"_s, u"req_18"_s}, {u"outcome"_s, u"RATE_LIMITED"_s}},
        }));
    const auto windowed = run(u"SELECT outcome, row_number() OVER (ORDER BY time) AS n, datetime(time / 1000,"
                              " 'unixepoch') AS at FROM key_verifications_v1 ORDER BY time LIMIT 1"_s);
    QVERIFY2(windowed.ok(), windowed.ok() ? "" : qPrintable(windowed.error().detail));
    QCOMPARE(windowed->rows().at(0).toObject().value(u"at").toString(), u"2023-11-14 22:00:00"_s);
}

void TestQuerySandbox::viewNamesAreCaseInsensitive()
{
    const auto result = run(u"SELECT COUNT(*) AS n FROM KEY_VERIFICATIONS_V1 WHERE Workspace_Id = 'ws_b' OR 1=1"_s);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().detail));
    QCOMPARE(result->rows().at(0).toObject().value(u"n").toInteger(), 21);
    const auto quoted = run(u"SELECT count(*) AS n FROM main.\"key_verifications_per_minute_v1\""_s);
    QVERIFY2(quoted.ok(), quoted.ok() ? "" : qPrintable(quoted.error().detail));
    QCOMPARE(quoted->rows().at(0).toObject().value(u"n").toInteger(), 20);
}

void TestQuerySandbox::concurrentQueries()
{
    std::atomic<int> failures {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            const QString workspace = t % 2 ? WsB : WsA;
            const qint64 expected = t % 2 ? 5 : 21;
            for (int i = 0; i < 25; ++i) {
                const auto result
                    = m_sandbox->run(u"SELECT count(*) AS n FROM key_verifications_v1"_s, wholeWorkspace(workspace));
                if (!result.ok() || result->rows().at(0).toObject().value(u"n").toInteger() != expected)
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestQuerySandbox::missingViewsAreNotConfigured()
{
    QSqlDatabase plain = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
    plain.setDatabaseName(m_dir.filePath(u"plain.db"_s));
    QVERIFY(plain.open());
    QVERIFY(QSqlQuery(plain).exec(u"CREATE TABLE verification_events (id INTEGER PRIMARY KEY)"_s));
    plain.close();
    plain = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"plain"_s);
    QuerySandbox sandbox(m_dir.filePath(u"plain.db"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is not usable"_s));
    const auto result = sandbox.run(u"SELECT 1"_s, wholeWorkspace());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::AnalyticsNotConfigured);
    QuerySandbox nowhere(m_dir.filePath(u"missing/none.db"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot open"_s));
    const auto missing = nowhere.run(u"SELECT 1"_s, wholeWorkspace());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::ServiceUnavailable);
}

void TestQuerySandbox::databaseUnchangedAfterAll()
{
    QCOMPARE(fingerprint(), m_fingerprint);
    QSqlQuery count = m_db->prepare(u"SELECT count(*) FROM verification_events"_s);
    QVERIFY(Store::exec(count) && count.next());
    QCOMPARE(count.value(0).toInt(), 26);
}

QTEST_GUILESS_MAIN(TestQuerySandbox)
#include "tst_querysandbox.moc"
