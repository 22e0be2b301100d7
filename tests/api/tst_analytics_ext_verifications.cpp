// The extension endpoints of verification analytics through the real router: verifications
// driven with the manual clock across minute/hour/day boundaries, flushed, then every number of
// analytics.getTimeseries, getTopKeys, getTopIdentities and getVerificationLog checked exactly,
// with their validation, permissions and workspace isolation.

#include "tst_analytics_ext_helpers.h"
#include "verifyfixture.h"

#include "analytics/analyticssink.h"

using namespace Qt::StringLiterals;
using namespace Latchkey;
using namespace Latchkey::Test;
using namespace Latchkey::Test::AnalyticsExt;

namespace {
QJsonObject outcomes(const QJsonObject &bucket) { return bucket.value(u"outcomes").toObject(); }
} // namespace

class TestAnalyticsExtVerifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeseriesPerMinuteHourDay();
    void timeseriesScopesAndIsolation();
    void timeseriesValidation();
    void topKeysAndIdentities();
    void verificationLogFiltersAndPages();
    void permissions();

private:
    std::unique_ptr<ApiHarness> h;
    std::unique_ptr<VerifyFixture> f;
    TestKey a, b, disabled;
    QString identityId;
    QList<QString> requestIds; ///< in the order sent
};

// a: 3 VALID at 00:00:10, 1 VALID at 00:01:30 (tags x), 1 VALID at 01:00:00 (next hour), 1 VALID next day
// b (credits 2): 2 VALID + 1 USAGE_EXCEEDED at 00:00:20; disabled: 1 DISABLED at 00:01:40
void TestAnalyticsExtVerifications::initTestCase()
{
    h = std::make_unique<ApiHarness>();
    f = std::make_unique<VerifyFixture>(*h);
    identityId = f->createIdentity(u"user_1"_s);
    a = f->createKey({{u"externalId"_s, u"user_1"_s}});
    b = f->createKey({{u"credits"_s, QJsonObject{{u"remaining"_s, 2}}}});
    disabled = f->createKey({{u"enabled"_s, false}});
    const auto verify = [&](qint64 at, const TestKey &key, const QJsonObject &body = {}) {
        h->clock().setNowMs(at);
        const ApiReply reply = f->verify(key.key, body);
        QCOMPARE(reply.status, 200);
        requestIds.append(reply.body.value(u"meta").toObject().value(u"requestId").toString());
    };
    for (int i = 0; i < 3; ++i)
        verify(Start + 10'000, a);
    for (int i = 0; i < 3; ++i)
        verify(Start + 20'000, b);
    verify(Start + 90'000, a, {{u"tags"_s, QJsonArray{u"x"_s, u"y"_s}}});
    verify(Start + 100'000, disabled);
    verify(Start + Hour, a);
    verify(Start + Day, a);
    QVERIFY(h->server().analytics().flush());
}

void TestAnalyticsExtVerifications::timeseriesPerMinuteHourDay()
{
    ApiReply r = h->call(u"analytics.getTimeseries"_s, QJsonObject{{u"scope"_s, u"workspace"_s}, {u"start"_s, Start},
                                                                   {u"end"_s, Start + 3 * Minute}, {u"bucket"_s, u"minute"_s}});
    QVERIFY2(r.status == 200, r.describe().constData());
    QJsonArray buckets = r.dataObject().value(u"buckets").toArray();
    QCOMPARE(buckets.size(), 3);
    QCOMPARE(buckets[0].toObject().value(u"time").toInteger(), Start);
    QCOMPARE(buckets[0].toObject().value(u"total").toInteger(), 6);
    QCOMPARE(outcomes(buckets[0].toObject()).value(u"VALID").toInteger(), 5);
    QCOMPARE(outcomes(buckets[0].toObject()).value(u"USAGE_EXCEEDED").toInteger(), 1);
    QCOMPARE(buckets[0].toObject().value(u"spentCredits").toInteger(), 2);
    QVERIFY(buckets[0].toObject().value(u"latencyP99Us").toInteger() >= buckets[0].toObject().value(u"latencyP50Us").toInteger());
    QCOMPARE(buckets[1].toObject().value(u"total").toInteger(), 2);
    QCOMPARE(outcomes(buckets[1].toObject()).value(u"DISABLED").toInteger(), 1);
    QCOMPARE(buckets[2].toObject().value(u"total").toInteger(), 0); // empty bucket as zeros
    QCOMPARE(outcomes(buckets[2].toObject()).value(u"VALID").toInteger(), 0);
    QCOMPARE(buckets[2].toObject().value(u"latencyP50Us").toInteger(), 0);

    r = h->call(u"analytics.getTimeseries"_s, QJsonObject{{u"scope"_s, u"workspace"_s}, {u"start"_s, Start + 5},
                                                          {u"end"_s, Start + 3 * Hour}, {u"bucket"_s, u"hour"_s}});
    buckets = r.dataObject().value(u"buckets").toArray();
    QCOMPARE(buckets.size(), 3);
    QCOMPARE(buckets[0].toObject().value(u"time").toInteger(), Start); // aligned down
    QCOMPARE(buckets[0].toObject().value(u"total").toInteger(), 8);
    QCOMPARE(buckets[1].toObject().value(u"total").toInteger(), 1);
    QCOMPARE(buckets[2].toObject().value(u"total").toInteger(), 0);

    r = h->call(u"analytics.getTimeseries"_s, QJsonObject{{u"scope"_s, u"workspace"_s}, {u"start"_s, Start},
                                                          {u"end"_s, Start + 2 * Day}, {u"bucket"_s, u"day"_s}});
    buckets = r.dataObject().value(u"buckets").toArray();
    QCOMPARE(buckets.size(), 2);
    QCOMPARE(buckets[0].toObject().value(u"total").toInteger(), 9);
    QCOMPARE(buckets[1].toObject().value(u"total").toInteger(), 1);
    QCOMPARE(r.dataObject().value(u"bucket").toString(), u"day"_s);
}

void TestAnalyticsExtVerifications::timeseriesScopesAndIsolation()
{
    const auto total = [&](const QJsonObject &body, const QString &rootKey = {}) {
        QJsonObject request = body;
        request.insert(u"start"_s, Start);
        request.insert(u"end"_s, Start + Day);
        request.insert(u"bucket"_s, u"day"_s);
        const ApiReply r = h->call(u"analytics.getTimeseries"_s, request, rootKey);
        if (r.status != 200)
            return qint64(-r.status);
        return qint64(r.dataObject().value(u"buckets").toArray()[0].toObject().value(u"total").toInteger());
    };
    QCOMPARE(total({{u"scope"_s, u"api"_s}, {u"apiId"_s, f->apiId}}), 9);
    QCOMPARE(total({{u"scope"_s, u"key"_s}, {u"keyId"_s, a.id}}), 5);
    QCOMPARE(total({{u"scope"_s, u"key"_s}, {u"keyId"_s, b.id}}), 3);
    QCOMPARE(total({{u"scope"_s, u"identity"_s}, {u"identityId"_s, identityId}}), 5);
    // Another workspace's resources look like 404; its workspace series is empty.
    QCOMPARE(total({{u"scope"_s, u"api"_s}, {u"apiId"_s, f->apiId}}, h->otherRootKey()), -404);
    QCOMPARE(total({{u"scope"_s, u"key"_s}, {u"keyId"_s, a.id}}, h->otherRootKey()), -404);
    QCOMPARE(total({{u"scope"_s, u"identity"_s}, {u"identityId"_s, identityId}}, h->otherRootKey()), -404);
    QCOMPARE(total({{u"scope"_s, u"workspace"_s}}, h->otherRootKey()), 0);
}

void TestAnalyticsExtVerifications::timeseriesValidation()
{
    const auto location = [&](const QJsonObject &body) {
        const ApiReply r = h->call(u"analytics.getTimeseries"_s, body);
        if (r.status != 400)
            return u"status %1"_s.arg(r.status);
        return r.error().value(u"errors").toArray()[0].toObject().value(u"location").toString();
    };
    const QJsonObject ok{{u"scope"_s, u"workspace"_s}, {u"start"_s, Start}, {u"end"_s, Start + Hour}, {u"bucket"_s, u"minute"_s}};
    QJsonObject body = ok;
    body[u"bucket"_s] = u"week"_s;
    QCOMPARE(location(body), u"body.bucket"_s);
    body = ok;
    body[u"end"_s] = Start;
    QCOMPARE(location(body), u"body.end"_s);
    body = ok;
    body[u"end"_s] = Start + 1501 * Minute;
    QCOMPARE(location(body), u"body.end"_s);
    body = ok;
    body[u"scope"_s] = u"api"_s;
    QCOMPARE(location(body), u"body.apiId"_s);
    body = ok;
    body[u"keyId"_s] = a.id;
    QCOMPARE(location(body), u"body.keyId"_s);
    body = ok;
    body[u"extra"_s] = 1;
    QCOMPARE(location(body), u"body.extra"_s);
    body = ok;
    body.remove(u"start"_s);
    QCOMPARE(location(body), u"body.start"_s);
    body = ok;
    body[u"end"_s] = Start + 1500 * Minute;
    QCOMPARE(h->call(u"analytics.getTimeseries"_s, body).status, 200);
}

void TestAnalyticsExtVerifications::topKeysAndIdentities()
{
    const QJsonObject range{{u"start"_s, Start}, {u"end"_s, Start + 2 * Day}};
    ApiReply r = h->call(u"analytics.getTopKeys"_s, range);
    QVERIFY2(r.status == 200, r.describe().constData());
    QJsonArray top = r.dataArray();
    QCOMPARE(top.size(), 3);
    QCOMPARE(top[0].toObject().value(u"keyId").toString(), a.id);
    QCOMPARE(top[0].toObject().value(u"verifications").toInteger(), 6);
    QCOMPARE(top[1].toObject().value(u"keyId").toString(), b.id);
    QCOMPARE(top[1].toObject().value(u"rejections").toInteger(), 1);
    QCOMPARE(top[1].toObject().value(u"spentCredits").toInteger(), 2);
    QJsonObject body = range;
    body[u"orderBy"_s] = u"spentCredits"_s;
    body[u"limit"_s] = 1;
    top = h->call(u"analytics.getTopKeys"_s, body).dataArray();
    QCOMPARE(top.size(), 1);
    QCOMPARE(top[0].toObject().value(u"keyId").toString(), b.id);
    body = range;
    body[u"orderBy"_s] = u"rejections"_s;
    top = h->call(u"analytics.getTopKeys"_s, body).dataArray();
    QCOMPARE(top[0].toObject().value(u"rejections").toInteger(), 1); // b and disabled tie at 1: by id
    QCOMPARE(top[2].toObject().value(u"keyId").toString(), a.id);
    // Range on hour boundaries within the first day: only a's next-hour verification.
    top = h->call(u"analytics.getTopKeys"_s, QJsonObject{{u"start"_s, Start + Hour}, {u"end"_s, Start + 2 * Hour}}).dataArray();
    QCOMPARE(top.size(), 1);
    QCOMPARE(top[0].toObject().value(u"verifications").toInteger(), 1);
    top = h->call(u"analytics.getTopIdentities"_s, range).dataArray();
    QCOMPARE(top.size(), 1);
    QCOMPARE(top[0].toObject().value(u"identityId").toString(), identityId);
    QCOMPARE(top[0].toObject().value(u"verifications").toInteger(), 6);
    QCOMPARE(h->call(u"analytics.getTopKeys"_s, range, h->otherRootKey()).dataArray().size(), 0);
    r = h->call(u"analytics.getTopKeys"_s, QJsonObject{{u"start"_s, Start + 1}, {u"end"_s, Start + Hour}});
    QCOMPARE(r.status, 400);
    r = h->call(u"analytics.getTopKeys"_s, QJsonObject{{u"start"_s, Start}, {u"end"_s, Start + Hour}, {u"limit"_s, 101}});
    QCOMPARE(r.status, 400);
}

void TestAnalyticsExtVerifications::verificationLogFiltersAndPages()
{
    // Pages of 3 over all 10 events: newest first, no duplicates, no gaps.
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QJsonObject body{{u"limit"_s, 3}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply r = h->call(u"analytics.getVerificationLog"_s, body);
        QVERIFY2(r.status == 200, r.describe().constData());
        for (const QJsonValue &row : r.dataArray())
            seen.append(row.toObject().value(u"requestId").toString());
        cursor = r.pagination().value(u"cursor").toString();
        QCOMPARE(r.pagination().value(u"hasMore").toBool(), !cursor.isEmpty());
        ++pages;
    } while (!cursor.isEmpty());
    QCOMPARE(pages, 4);
    QStringList expected = requestIds;
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(seen, expected);

    ApiReply r = h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"outcomes"_s, QJsonArray{u"USAGE_EXCEEDED"_s, u"DISABLED"_s}}});
    QCOMPARE(r.dataArray().size(), 2);
    QCOMPARE(r.dataArray()[0].toObject().value(u"outcome").toString(), u"DISABLED"_s);
    r = h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"tags"_s, QJsonArray{u"y"_s}}});
    QCOMPARE(r.dataArray().size(), 1);
    QCOMPARE(r.dataArray()[0].toObject().value(u"tags").toArray(), (QJsonArray{u"x"_s, u"y"_s}));
    QCOMPARE(r.dataArray()[0].toObject().value(u"externalId").toString(), u"user_1"_s);
    r = h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"keyId"_s, b.id}});
    QCOMPARE(r.dataArray().size(), 3);
    r = h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"identityId"_s, identityId}, {u"start"_s, Start + Minute}, {u"end"_s, Start + Day}});
    QCOMPARE(r.dataArray().size(), 2);
    r = h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"apiId"_s, f->apiId}});
    QCOMPARE(r.dataArray().size(), 10);
    QVERIFY(!r.pagination().value(u"hasMore").toBool());
    QVERIFY(!r.pagination().contains(u"cursor"));
    QCOMPARE(h->call(u"analytics.getVerificationLog"_s, QJsonObject{}, h->otherRootKey()).dataArray().size(), 0);
    QCOMPARE(h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"apiId"_s, f->apiId}}, h->otherRootKey()).status, 404);
    QCOMPARE(h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"cursor"_s, u"!!"_s}}).status, 400);
    QCOMPARE(h->call(u"analytics.getVerificationLog"_s, QJsonObject{{u"outcomes"_s, QJsonArray{u"NOPE"_s}}}).status, 400);
}

void TestAnalyticsExtVerifications::permissions()
{
    const QString perApi = h->createRootKey({u"api."_s + f->apiId + u".read_analytics"_s});
    const QString nothing = h->createRootKey({u"api.*.read_key"_s});
    const QJsonObject keyScope{{u"scope"_s, u"key"_s}, {u"keyId"_s, a.id}, {u"start"_s, Start}, {u"end"_s, Start + Day}, {u"bucket"_s, u"day"_s}};
    QCOMPARE(h->call(u"analytics.getTimeseries"_s, keyScope, perApi).status, 200);
    ApiReply r = h->call(u"analytics.getTimeseries"_s, keyScope, nothing);
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"api.*.read_analytics"));
    const QJsonObject ws{{u"scope"_s, u"workspace"_s}, {u"start"_s, Start}, {u"end"_s, Start + Day}, {u"bucket"_s, u"day"_s}};
    QCOMPARE(h->call(u"analytics.getTimeseries"_s, ws, perApi).status, 403);
    QCOMPARE(h->call(u"analytics.getTimeseries"_s, ws, u"lk_unknown_root_key"_s).status, 401);
    QCOMPARE(h->call(u"analytics.getTopKeys"_s, QJsonObject{{u"start"_s, Start}, {u"end"_s, Start + Day}, {u"apiId"_s, f->apiId}}, perApi).status, 200);
    QCOMPARE(h->call(u"analytics.getTopIdentities"_s, QJsonObject{{u"start"_s, Start}, {u"end"_s, Start + Day}}, perApi).status, 403);
    QCOMPARE(h->call(u"analytics.getVerificationLog"_s, QJsonObject{}, nothing).status, 403);
}

QTEST_GUILESS_MAIN(TestAnalyticsExtVerifications)
#include "tst_analytics_ext_verifications.moc"
