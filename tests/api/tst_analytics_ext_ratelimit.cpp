// The extension endpoints of rate-limit analytics through the real router: ratelimit.limit
// driven with the manual clock, flushed, then ratelimit.getTimeseries, getTopIdentifiers and
// getLog checked exactly (by namespace name and id, per identifier, pages, the passed filter),
// with their permissions (per namespace) and workspace isolation.

#include "support/apiharness.h"
#include "tst_analytics_ext_helpers.h"

#include "analytics/analyticssink.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using namespace Latchkey::Test;
using namespace Latchkey::Test::AnalyticsExt;

class TestAnalyticsExtRatelimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { h = std::make_unique<ApiHarness>(); }
    void ratelimitEndpoints();

private:
    std::unique_ptr<ApiHarness> h;
};

void TestAnalyticsExtRatelimit::ratelimitEndpoints()
{
    const auto limit = [&](qint64 at, const QString &identifier) {
        h->clock().setNowMs(at);
        return h->call(u"ratelimit.limit"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"identifier"_s, identifier},
                                                         {u"limit"_s, 2}, {u"duration"_s, 10'000}}).status;
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limit(Start + 2 * Day + 1'000, u"alice"_s), 200); // 2 passed, 1 blocked
    QCOMPARE(limit(Start + 2 * Day + Minute + 1'000, u"bob"_s), 200);
    QVERIFY(h->server().analytics().flush());

    ApiReply r = h->call(u"ratelimit.getTimeseries"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"start"_s, Start + 2 * Day},
                                                                   {u"end"_s, Start + 2 * Day + 2 * Minute}, {u"bucket"_s, u"minute"_s}});
    QVERIFY2(r.status == 200, r.describe().constData());
    QJsonArray buckets = r.dataObject().value(u"buckets").toArray();
    QCOMPARE(buckets.size(), 2);
    QCOMPARE(buckets[0].toObject().value(u"passed").toInteger(), 2);
    QCOMPARE(buckets[0].toObject().value(u"blocked").toInteger(), 1);
    QCOMPARE(buckets[1].toObject().value(u"total").toInteger(), 1);
    const QString nsId = r.dataObject().value(u"namespaceId").toString();
    r = h->call(u"ratelimit.getTimeseries"_s, QJsonObject{{u"namespace"_s, nsId}, {u"identifier"_s, u"bob"_s}, {u"start"_s, Start + 2 * Day},
                                                          {u"end"_s, Start + 2 * Day + 2 * Minute}, {u"bucket"_s, u"minute"_s}});
    QCOMPARE(r.dataObject().value(u"buckets").toArray()[0].toObject().value(u"total").toInteger(), 0);
    QCOMPARE(r.dataObject().value(u"buckets").toArray()[1].toObject().value(u"passed").toInteger(), 1);

    r = h->call(u"ratelimit.getTopIdentifiers"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"start"_s, Start + 2 * Day},
                                                              {u"end"_s, Start + 3 * Day}, {u"orderBy"_s, u"blocked"_s}});
    QCOMPARE(r.dataArray().size(), 2);
    QCOMPARE(r.dataArray()[0].toObject().value(u"identifier").toString(), u"alice"_s);
    QCOMPARE(r.dataArray()[0].toObject().value(u"blocked").toInteger(), 1);
    QCOMPARE(r.dataArray()[1].toObject().value(u"passedCost").toInteger(), 1);

    r = h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"limit"_s, 2}});
    QCOMPARE(r.dataArray().size(), 2);
    QCOMPARE(r.dataArray()[0].toObject().value(u"identifier").toString(), u"bob"_s);
    QVERIFY(r.pagination().value(u"hasMore").toBool());
    r = h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"cursor"_s, r.pagination().value(u"cursor")}});
    QCOMPARE(r.dataArray().size(), 2);
    QVERIFY(!r.pagination().value(u"hasMore").toBool());
    r = h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}, {u"passed"_s, false}});
    QCOMPARE(r.dataArray().size(), 1);
    QCOMPARE(r.dataArray()[0].toObject().value(u"remaining").toInteger(), 0);
    QCOMPARE(h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}}, h->otherRootKey()).status, 404);
    QCOMPARE(h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, nsId}}, h->otherRootKey()).status, 404);
    QCOMPARE(h->call(u"ratelimit.getLog"_s, QJsonObject{}).status, 400);
    const QString scoped = h->createRootKey({u"ratelimit."_s + nsId + u".read_analytics"_s});
    QCOMPARE(h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}}, scoped).status, 200);
    const QString none = h->createRootKey({u"api.*.read_analytics"_s});
    r = h->call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"ext-ns"_s}}, none);
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"ratelimit.*.read_analytics"));
}

QTEST_GUILESS_MAIN(TestAnalyticsExtRatelimit)
#include "tst_analytics_ext_ratelimit.moc"
