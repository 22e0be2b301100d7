// The range percentiles (latencyP50Us / latencyP99Us of a whole range) of
// analytics.getTimeseries and ratelimit.getTimeseries through the real router: events with known
// latencies published straight to the analytics sink, flushed, and the answer compared with a
// histogram merged here — per scope, bucket width and identifier, and null where no events are.
// In a binary of its own, so these synthetic events never show in the other files' counts.

#include "tst_analytics_ext_helpers.h"
#include "verifyfixture.h"

#include "analytics/analyticssink.h"
#include "core/latencyhistogram.h"

#include <functional>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using namespace Latchkey::Test;
using namespace Latchkey::Test::AnalyticsExt;

namespace {

const QString Namespace = u"ext-ns"_s;

/// Latencies of the range-percentile tests, per minute bucket: 40 fast, 50 medium, 10 slow. The
/// range p50 (the 50th: 263 µs) and p99 (the 99th: 13,000 µs) differ from what the console's
/// approximation from the buckets' own p50/p99 gives (375 µs, 14,000 µs), so only a merge passes.
QList<QList<qint64>> knownLatencies()
{
    QList<QList<qint64>> buckets(3);
    for (qint64 i = 1; i <= 40; ++i)
        buckets[0].append(i);
    for (qint64 i = 0; i < 50; ++i)
        buckets[1].append(200 + 7 * i);
    for (qint64 i = 0; i < 10; ++i)
        buckets[2].append(5'000 + 1'000 * i);
    return buckets;
}

/// Calls @p event(bucket, i, latency) for the i-th latency of every bucket of @p latencies.
void forEachLatency(const QList<QList<qint64>> &latencies, const std::function<void(qsizetype, qsizetype, qint64)> &event)
{
    for (qsizetype bucket = 0; bucket < latencies.size(); ++bucket) {
        for (qsizetype i = 0; i < latencies.at(bucket).size(); ++i)
            event(bucket, i, latencies.at(bucket).at(i));
    }
}

Core::LatencyHistogram histogramOf(const QList<QList<qint64>> &buckets)
{
    Core::LatencyHistogram histogram;
    forEachLatency(buckets, [&](qsizetype, qsizetype, qint64 latency) { histogram.add(latency); });
    return histogram;
}

/// Checks `latencyP50Us`/`latencyP99Us` of a series' data: both those of @p expected, or both null.
void compareRange(const QJsonObject &data, const std::optional<Core::LatencyHistogram> &expected)
{
    QVERIFY2(data.contains(u"latencyP50Us") && data.contains(u"latencyP99Us"), "the range percentiles are always present");
    if (!expected) {
        QVERIFY(data.value(u"latencyP50Us").isNull());
        QVERIFY(data.value(u"latencyP99Us").isNull());
        return;
    }
    QCOMPARE(data.value(u"latencyP50Us").toInteger(-1), expected->quantileUs(0.5));
    QCOMPARE(data.value(u"latencyP99Us").toInteger(-1), expected->quantileUs(0.99));
}

} // namespace

class TestAnalyticsExtLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeseriesRangeLatency();
    void ratelimitRangeLatency();

private:
    std::unique_ptr<ApiHarness> h;
    std::unique_ptr<VerifyFixture> f;
    TestKey a, b; ///< a gets the events, b none
};

// The keys, and the namespace (ratelimit.limit creates it), days before the events of the tests.
void TestAnalyticsExtLatency::initTestCase()
{
    h = std::make_unique<ApiHarness>();
    f = std::make_unique<VerifyFixture>(*h);
    a = f->createKey();
    b = f->createKey();
    QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
    h->clock().setNowMs(Start);
    const ApiReply created = h->call(u"ratelimit.limit"_s, QJsonObject{{u"namespace"_s, Namespace}, {u"identifier"_s, u"setup"_s},
                                                                       {u"limit"_s, 2}, {u"duration"_s, 10'000}});
    QVERIFY2(created.status == 200, created.describe().constData());
    QVERIFY(h->server().analytics().flush());
}

void TestAnalyticsExtLatency::timeseriesRangeLatency()
{
    const qint64 at = Start + 10 * Day;
    const QList<QList<qint64>> latencies = knownLatencies();
    forEachLatency(latencies, [&](qsizetype bucket, qsizetype i, qint64 latency) {
        Core::VerificationEvent event;
        event.requestId = u"req_latency_%1_%2"_s.arg(bucket).arg(i);
        event.timeMs = at + bucket * Minute + i;
        event.workspaceId = h->workspaceId();
        event.apiId = f->apiId;
        event.keyId = a.id;
        event.outcome = u"VALID"_s;
        event.latencyUs = latency;
        h->server().analytics().publish(std::move(event));
    });
    h->clock().setNowMs(at + Hour);
    QVERIFY(h->server().analytics().flush());
    const Core::LatencyHistogram expected = histogramOf(latencies);
    // What the console approximated from the buckets (the busiest bucket's p50, the slowest's p99) is wrong here.
    QVERIFY(expected.quantileUs(0.5) != histogramOf({latencies.at(1)}).quantileUs(0.5));
    QVERIFY(expected.quantileUs(0.99) != histogramOf({latencies.at(2)}).quantileUs(0.99));
    const auto series = [&](qint64 start, qint64 end, const QString &bucket, const QJsonObject &scope) {
        QJsonObject body = scope;
        body.insert(u"start"_s, start);
        body.insert(u"end"_s, end);
        body.insert(u"bucket"_s, bucket);
        const ApiReply r = h->call(u"analytics.getTimeseries"_s, body);
        if (r.status != 200)
            qWarning() << r.describe();
        return r.dataObject();
    };
    const QJsonObject workspace{{u"scope"_s, u"workspace"_s}};
    // Minute buckets (plus an empty fourth), one hour bucket, one day bucket: the same merge.
    compareRange(series(at, at + 4 * Minute, u"minute"_s, workspace), expected);
    compareRange(series(at, at + Hour, u"hour"_s, workspace), expected);
    compareRange(series(at, at + Day, u"day"_s, workspace), expected);
    compareRange(series(at, at + 4 * Minute, u"minute"_s, {{u"scope"_s, u"key"_s}, {u"keyId"_s, a.id}}), expected);
    compareRange(series(at, at + Minute, u"minute"_s, workspace), histogramOf({latencies.at(0)}));
    compareRange(series(at + Minute, at + 3 * Minute, u"minute"_s, workspace), histogramOf({latencies.at(1), latencies.at(2)}));
    // Empty: a range without events, and a scope without events in a busy range.
    compareRange(series(at + 3 * Minute, at + 10 * Minute, u"minute"_s, workspace), std::nullopt);
    compareRange(series(at, at + 4 * Minute, u"minute"_s, {{u"scope"_s, u"key"_s}, {u"keyId"_s, b.id}}), std::nullopt);
    const QJsonObject empty = series(at + 3 * Minute, at + 4 * Minute, u"minute"_s, workspace);
    QCOMPARE(empty.value(u"buckets").toArray().size(), 1);
    QCOMPARE(empty.value(u"buckets").toArray()[0].toObject().value(u"latencyP50Us").toInteger(-1), 0);
}

void TestAnalyticsExtLatency::ratelimitRangeLatency()
{
    const qint64 at = Start + 12 * Day;
    const QList<QList<qint64>> latencies = knownLatencies();
    ApiReply r = h->call(u"ratelimit.getTimeseries"_s, QJsonObject{{u"namespace"_s, Namespace}, {u"start"_s, at},
                                                                   {u"end"_s, at + Minute}, {u"bucket"_s, u"minute"_s}});
    QVERIFY2(r.status == 200, r.describe().constData());
    compareRange(r.dataObject(), std::nullopt);
    const QString nsId = r.dataObject().value(u"namespaceId").toString();
    forEachLatency(latencies, [&](qsizetype bucket, qsizetype i, qint64 latency) {
        Core::RatelimitEvent event;
        event.requestId = u"req_rl_latency_%1_%2"_s.arg(bucket).arg(i);
        event.timeMs = at + bucket * Minute + i;
        event.workspaceId = h->workspaceId();
        event.namespaceId = nsId;
        event.identifier = i % 2 == 0 ? u"carol"_s : u"dave"_s;
        event.passed = i % 3 != 0;
        event.limit = 10;
        event.resetMs = event.timeMs + 1'000;
        event.cost = 1;
        event.latencyUs = latency;
        h->server().analytics().publish(std::move(event));
    });
    h->clock().setNowMs(at + Hour);
    QVERIFY(h->server().analytics().flush());
    const auto series = [&](const QString &identifier, qint64 end, const QString &bucket) {
        QJsonObject body{{u"namespace"_s, Namespace}, {u"start"_s, at}, {u"end"_s, end}, {u"bucket"_s, bucket}};
        if (!identifier.isEmpty())
            body.insert(u"identifier"_s, identifier);
        return h->call(u"ratelimit.getTimeseries"_s, body).dataObject();
    };
    compareRange(series({}, at + 4 * Minute, u"minute"_s), histogramOf(latencies));
    compareRange(series({}, at + Hour, u"hour"_s), histogramOf(latencies));
    QList<QList<qint64>> ofCarol(latencies.size()); // the even-numbered events of every bucket
    forEachLatency(latencies, [&](qsizetype bucket, qsizetype i, qint64 latency) {
        if (i % 2 == 0)
            ofCarol[bucket].append(latency);
    });
    compareRange(series(u"carol"_s, at + 4 * Minute, u"minute"_s), histogramOf(ofCarol));
    compareRange(series(u"bob"_s, at + 4 * Minute, u"minute"_s), std::nullopt);
    compareRange(series(u"setup"_s, at + 4 * Minute, u"minute"_s), std::nullopt); // its one check was days before
}

QTEST_GUILESS_MAIN(TestAnalyticsExtLatency)
#include "tst_analytics_ext_latency.moc"
