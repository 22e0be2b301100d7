#include "store/apistore.h"
#include "store/database.h"
#include "support/apiharness.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

namespace {

const QString kDocs = u"https://unkey.com/docs/errors/"_s;
const QString kRoute = u"analytics.getVerifications"_s;

QJsonObject query(const QString &sql)
{
    return QJsonObject {{u"query"_s, sql}};
}

QString keyspaceOf(ApiHarness &h, const QString &apiId)
{
    const auto api = Latchkey::Store::ApiStore(h.server().database()).find(h.workspaceId(), apiId);
    return api && *api ? (*api)->keyspaceId : QString();
}

/// Inserts @p count verification events of @p workspace / @p keyspace, outcomes alternating
/// VALID / RATE_LIMITED, one a minute from the harness clock.
bool insertEvents(ApiHarness &h, const QString &workspace, const QString &keyspace, int count, const QString &prefix)
{
    Latchkey::Store::Database &db = h.server().database();
    return db
        .write([&]() -> Latchkey::Core::Status {
            for (int i = 0; i < count; ++i) {
                QSqlQuery insert = db.prepare(
                    u"INSERT INTO verification_events (request_id, time, workspace_id, keyspace_id, key_id, outcome,"
                    " tags, spent_credits, latency_us, node) VALUES (?, ?, ?, ?, ?, ?, '[\"sdk\"]', 0, 2500, 'test-node')"_s);
                insert.addBindValue(u"%1_%2"_s.arg(prefix).arg(i, 4, 10, QChar(u'0')));
                insert.addBindValue(h.clock().nowMs() + i * 60'000);
                insert.addBindValue(workspace);
                insert.addBindValue(keyspace);
                insert.addBindValue(QString(u"key_"_s + prefix));
                insert.addBindValue(i % 2 ? u"RATE_LIMITED"_s : u"VALID"_s);
                if (!Latchkey::Store::exec(insert))
                    return Latchkey::Store::sqlError(insert);
            }
            return {};
        })
        .ok();
}

qint64 scalar(ApiHarness &h, const QString &sql)
{
    QSqlQuery query = h.server().database().prepare(sql);
    return Latchkey::Store::exec(query) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

/// analytics.getVerifications through the real router: envelope, sandbox errors, permissions, limits.
class TestAnalyticsQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void successEnvelopeHoldsTheSdkShape();
    void emptyResultIsAnEmptyArray();
    void sandboxErrorsAre400_data();
    void sandboxErrorsAre400();
    void schemaErrors_data();
    void schemaErrors();
    void unknownFieldsAreAccepted();
    void withoutPermissionIs403();
    void unknownRootKeyIs401();
    void perApiPermissionSeesOnlyThoseApis();
    void otherWorkspaceIsInvisible();
    void tooManyRowsIs422();
    void runawayQueryIs422AfterFiveSeconds();

private:
    std::unique_ptr<ApiHarness> m_h;
    QString m_api1;
    QString m_api2;
    QString m_ks1;
    QString m_ks2;
};

void TestAnalyticsQuery::init()
{
    m_h = std::make_unique<ApiHarness>();
    m_api1 = m_h->createApi(u"payments"_s);
    m_api2 = m_h->createApi(u"search"_s);
    m_ks1 = keyspaceOf(*m_h, m_api1);
    m_ks2 = keyspaceOf(*m_h, m_api2);
    QVERIFY(!m_ks1.isEmpty() && !m_ks2.isEmpty());
    QVERIFY(insertEvents(*m_h, m_h->workspaceId(), m_ks1, 6, u"one"_s));
    QVERIFY(insertEvents(*m_h, m_h->workspaceId(), m_ks2, 4, u"two"_s));
    QVERIFY(insertEvents(*m_h, m_h->otherWorkspaceId(), u"ks_foreign"_s, 3, u"foreign"_s));
}

void TestAnalyticsQuery::cleanup()
{
    m_h.reset();
}

void TestAnalyticsQuery::successEnvelopeHoldsTheSdkShape()
{
    const ApiReply reply = m_h->call(kRoute,
        query(u"SELECT outcome, count(*) AS total, min(time) AS first,"
              " avg(latency) AS latency FROM key_verifications_v1"
              " GROUP BY outcome ORDER BY outcome"_s));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QCOMPARE(reply.body.keys(), (QStringList {u"data"_s, u"meta"_s}));
    QVERIFY(reply.body.value(u"meta").toObject().value(u"requestId").toString().startsWith(u"req_"));
    // V2AnalyticsGetVerificationsResponseData: an array of free-form row objects.
    QVERIFY(reply.data().isArray());
    const qint64 now = m_h->clock().nowMs();
    QCOMPARE(reply.dataArray(),
        (QJsonArray {
            QJsonObject {
                {u"outcome"_s, u"RATE_LIMITED"_s}, {u"total"_s, 5}, {u"first"_s, now + 60'000}, {u"latency"_s, 2.5}},
            QJsonObject {{u"outcome"_s, u"VALID"_s}, {u"total"_s, 5}, {u"first"_s, now}, {u"latency"_s, 2.5}},
        }));
    const ApiReply tags = m_h->call(kRoute, query(u"SELECT tags, region, source FROM key_verifications_v1 LIMIT 1"_s));
    QVERIFY2(tags.status == 200, tags.describe().constData());
    QCOMPARE(tags.dataArray().at(0).toObject(),
        (QJsonObject {{u"tags"_s, QJsonArray {u"sdk"_s}}, {u"region"_s, u"test-node"_s}, {u"source"_s, u"api"_s}}));
}

void TestAnalyticsQuery::emptyResultIsAnEmptyArray()
{
    const ApiReply reply = m_h->call(kRoute, query(u"SELECT * FROM key_verifications_per_day_v1"_s));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.data().isArray());
    QVERIFY(reply.dataArray().isEmpty());
}

void TestAnalyticsQuery::sandboxErrorsAre400_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("detail");
    QTest::newRow("pragma") << u"PRAGMA table_info(keys)"_s << u"invalid_analytics_query_type"_s
                            << u"PRAGMA is not allowed"_s;
    QTest::newRow("attach") << u"ATTACH ':memory:' AS x"_s << u"invalid_analytics_query_type"_s
                            << u"ATTACH is not allowed"_s;
    QTest::newRow("delete") << u"DELETE FROM verification_events"_s << u"invalid_analytics_query_type"_s << u"DELETE"_s;
    QTest::newRow("drop") << u"DROP TABLE keys"_s << u"invalid_analytics_query_type"_s << u"schema"_s;
    QTest::newRow("table") << u"SELECT hash FROM keys"_s << u"invalid_analytics_table"_s
                           << u"table 'keys' is not allowed; query one of key_verifications_v1"_s;
    QTest::newRow("raw table") << u"SELECT * FROM verification_events"_s << u"invalid_analytics_table"_s
                               << u"verification_events"_s;
    QTest::newRow("function") << u"SELECT load_extension('x')"_s << u"invalid_analytics_function"_s
                              << u"function 'load_extension' is not allowed"_s;
    QTest::newRow("two statements") << u"SELECT 1; DELETE FROM keys"_s << u"invalid_analytics_query"_s
                                    << u"only one statement is allowed"_s;
    QTest::newRow("recursive") << u"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r"_s
                               << u"invalid_analytics_query"_s << u"recursive"_s;
    QTest::newRow("syntax") << u"SELECT FROM WHERE"_s << u"invalid_analytics_query"_s << u"syntax error"_s;
    QTest::newRow("too long") << u"SELECT 1"_s + QString(16 * 1024, u' ') << u"invalid_analytics_query"_s << u"16384"_s;
}

void TestAnalyticsQuery::sandboxErrorsAre400()
{
    QFETCH(QString, sql);
    QFETCH(QString, type);
    QFETCH(QString, detail);
    const qint64 events = scalar(*m_h, u"SELECT count(*) FROM verification_events"_s);
    const qint64 keys = scalar(*m_h, u"SELECT count(*) FROM keys"_s);
    const ApiReply reply = m_h->call(kRoute, query(sql));
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.errorType(), kDocs + u"user/bad_request/"_s + type);
    QCOMPARE(reply.error().value(u"title").toString(), u"Bad Request"_s);
    QVERIFY2(reply.detail().contains(detail), reply.describe().constData());
    const QJsonArray errors = reply.error().value(u"errors").toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).toObject().value(u"location").toString(), u"body.query"_s);
    QCOMPARE(scalar(*m_h, u"SELECT count(*) FROM verification_events"_s), events);
    QCOMPARE(scalar(*m_h, u"SELECT count(*) FROM keys"_s), keys);
}

void TestAnalyticsQuery::schemaErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("missing query") << QJsonObject {};
    QTest::newRow("empty query") << query(QString());
    QTest::newRow("query not a string") << QJsonObject {{u"query"_s, 42}};
    QTest::newRow("query null") << QJsonObject {{u"query"_s, QJsonValue::Null}};
}

void TestAnalyticsQuery::schemaErrors()
{
    QFETCH(QJsonObject, body);
    const ApiReply reply = m_h->call(kRoute, body);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.errorType(), kDocs + u"unkey/application/invalid_input"_s);
    QCOMPARE(reply.error().value(u"errors").toArray().at(0).toObject().value(u"location").toString(), u"body.query"_s);
}

void TestAnalyticsQuery::unknownFieldsAreAccepted()
{
    // The request schema allows additional properties (as Unkey's does).
    QJsonObject body = query(u"SELECT count(*) AS n FROM key_verifications_v1"_s);
    body.insert(u"format"_s, u"json"_s);
    const ApiReply reply = m_h->call(kRoute, body);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataArray(), (QJsonArray {QJsonObject {{u"n"_s, 10}}}));
}

void TestAnalyticsQuery::withoutPermissionIs403()
{
    const QString reader
        = m_h->createRootKey({u"api.*.read_key"_s, u"api.*.read_api"_s, u"ratelimit.*.read_analytics"_s});
    const ApiReply reply = m_h->call(kRoute, query(u"SELECT count(*) FROM key_verifications_v1"_s), reader);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kDocs + u"unkey/authorization/insufficient_permissions"_s);
    QVERIFY2(reply.detail().contains(u"'api.*.read_analytics'"_s), reply.describe().constData());
    QVERIFY2(reply.detail().contains(u"'api.<apiId>.read_analytics'"_s), reply.describe().constData());
    // Schema errors still win over permission errors, as everywhere.
    QCOMPARE(m_h->call(kRoute, QJsonObject {}, reader).status, 400);
}

void TestAnalyticsQuery::unknownRootKeyIs401()
{
    const ApiReply reply = m_h->call(kRoute, query(u"SELECT 1"_s), u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorType(), kDocs + u"unkey/authentication/key_not_found"_s);
}

void TestAnalyticsQuery::perApiPermissionSeesOnlyThoseApis()
{
    const QString one = m_h->createRootKey({u"api."_s + m_api1 + u".read_analytics"_s});
    const QString sql = u"SELECT key_space_id, count(*) AS n FROM key_verifications_v1 WHERE key_space_id = '"_s + m_ks2
        + u"' OR 1 = 1 GROUP BY key_space_id"_s;
    const ApiReply reply = m_h->call(kRoute, query(sql), one);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataArray(), (QJsonArray {QJsonObject {{u"key_space_id"_s, m_ks1}, {u"n"_s, 6}}}));

    const QString both
        = m_h->createRootKey({u"api."_s + m_api1 + u".read_analytics"_s, u"api."_s + m_api2 + u".read_analytics"_s});
    const ApiReply bothReply = m_h->call(kRoute, query(u"SELECT count(*) AS n FROM key_verifications_v1"_s), both);
    QVERIFY2(bothReply.status == 200, bothReply.describe().constData());
    QCOMPARE(bothReply.dataArray(), (QJsonArray {QJsonObject {{u"n"_s, 10}}}));

    // An API of no one (or deleted) grants nothing, but is not an error.
    const QString ghost = m_h->createRootKey({u"api.api_doesnotexist.read_analytics"_s});
    const ApiReply ghostReply = m_h->call(kRoute, query(u"SELECT count(*) AS n FROM key_verifications_v1"_s), ghost);
    QVERIFY2(ghostReply.status == 200, ghostReply.describe().constData());
    QCOMPARE(ghostReply.dataArray(), (QJsonArray {QJsonObject {{u"n"_s, 0}}}));
}

void TestAnalyticsQuery::otherWorkspaceIsInvisible()
{
    const QString sql = u"SELECT workspace_id, count(*) AS n FROM key_verifications_v1"
                        " WHERE workspace_id IN ('%1', '%2') OR 1 = 1 GROUP BY workspace_id"_s.arg(
                            m_h->workspaceId(), m_h->otherWorkspaceId());
    const ApiReply mine = m_h->call(kRoute, query(sql));
    QVERIFY2(mine.status == 200, mine.describe().constData());
    QCOMPARE(mine.dataArray(), (QJsonArray {QJsonObject {{u"workspace_id"_s, m_h->workspaceId()}, {u"n"_s, 10}}}));
    const ApiReply theirs = m_h->call(kRoute, query(sql), m_h->otherRootKey());
    QVERIFY2(theirs.status == 200, theirs.describe().constData());
    QCOMPARE(
        theirs.dataArray(), (QJsonArray {QJsonObject {{u"workspace_id"_s, m_h->otherWorkspaceId()}, {u"n"_s, 3}}}));
}

void TestAnalyticsQuery::tooManyRowsIs422()
{
    QVERIFY(insertEvents(*m_h, m_h->workspaceId(), m_ks1, 91, u"many"_s));
    // 101 × 101 = 10,201 rows: one page more than the 10,000 allowed.
    const ApiReply reply = m_h->call(kRoute,
        query(u"SELECT a.request_id, b.request_id AS other"
              " FROM key_verifications_v1 a, key_verifications_v1 b"_s));
    QVERIFY2(reply.status == 422, reply.describe().constData());
    QCOMPARE(reply.errorType(), kDocs + u"user/unprocessable_entity/query_rows_limit_exceeded"_s);
    QCOMPARE(reply.error().value(u"title").toString(), u"Unprocessable Entity"_s);
    QVERIFY(!reply.error().contains(u"errors"));
    const ApiReply limited = m_h->call(kRoute,
        query(u"SELECT a.request_id FROM key_verifications_v1 a,"
              " key_verifications_v1 b LIMIT 10000"_s));
    QVERIFY2(limited.status == 200, limited.describe().left(300).constData());
    QCOMPARE(limited.dataArray().size(), 10000);
}

void TestAnalyticsQuery::runawayQueryIs422AfterFiveSeconds()
{
    QVERIFY(insertEvents(*m_h, m_h->workspaceId(), m_ks1, 90, u"many"_s));
    QElapsedTimer timer;
    timer.start();
    // 100^6 = 10^12 combinations: days of counting without the time limit.
    const ApiReply reply = m_h->call(kRoute,
        query(u"SELECT count(*) FROM key_verifications_v1 a, key_verifications_v1 b,"
              " key_verifications_v1 c, key_verifications_v1 d,"
              " key_verifications_v1 e, key_verifications_v1 f"_s));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(reply.status == 422, reply.describe().constData());
    QCOMPARE(reply.errorType(), kDocs + u"user/unprocessable_entity/query_execution_timeout"_s);
    QVERIFY2(elapsed >= 4900 && elapsed < 15000, QByteArray::number(elapsed).constData());
    // The server answers the next query normally.
    QCOMPARE(m_h->call(kRoute, query(u"SELECT 1 AS one"_s)).dataArray(), (QJsonArray {QJsonObject {{u"one"_s, 1}}}));
}

QTEST_GUILESS_MAIN(TestAnalyticsQuery)
#include "tst_analytics_query.moc"
