// GET /metrics: the lock-free registry, the Prometheus text format (checked by parsing the
// exposition line by line), the counting done by the router, verifier, rate limits, cache and
// store, and the configuration switches.
#include "support/apiharness.h"

#include "analytics/analyticsmetrics.h"
#include "api/verifier.h"
#include "core/metrics.h"
#include "server/configloader.h"
#include "server/metricsendpoint.h"
#include "server/server.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Core::ExpositionWriter;
using Latchkey::Core::Metrics;
using Latchkey::Core::MetricHistogram;

namespace {

/// One parsed exposition: samples by their full series ("name{labels}"), and TYPE/HELP by family.
struct Exposition {
    QHash<QByteArray, QByteArray> samples; ///< series -> value text
    QList<QByteArray> order;               ///< series in the order written
    QHash<QByteArray, QByteArray> types;   ///< family -> type
    QSet<QByteArray> helps;
    QStringList problems;

    [[nodiscard]] double value(const QByteArray &series) const { return samples.value(series, "-1").toDouble(); }
};

QByteArray familyOf(const QByteArray &name, const QHash<QByteArray, QByteArray> &types)
{
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (name.endsWith(suffix)) {
            const QByteArray base = name.chopped(qsizetype(qstrlen(suffix)));
            if (types.value(base) == "histogram")
                return base;
        }
    }
    return name;
}

// The 0.0.4 grammar, as far as this server uses it: comments "# HELP name text" and
// "# TYPE name type", and samples "name{label="value",...} number".
Exposition parse(const QByteArray &text)
{
    static const QRegularExpression sampleLine(
        uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\n|[^"\\\n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\\\|\\"|\\n|[^"\\\n])*")*)\})? ([-+0-9.eE]+|\+Inf|NaN)$)"_s);
    Exposition e;
    if (!text.endsWith('\n'))
        e.problems << u"no final line feed"_s;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            const QList<QByteArray> parts = line.mid(7).split(' ');
            if (line.startsWith("# HELP ")) {
                if (e.helps.contains(parts.value(0)))
                    e.problems << u"second HELP for "_s + QString::fromUtf8(parts.value(0));
                e.helps.insert(parts.value(0));
            } else {
                if (e.types.contains(parts.value(0)) || parts.size() != 2)
                    e.problems << u"bad or second TYPE: "_s + QString::fromUtf8(line);
                e.types.insert(parts.value(0), parts.value(1));
            }
            continue;
        }
        const auto match = sampleLine.match(QString::fromUtf8(line));
        if (!match.hasMatch()) {
            e.problems << u"not a sample line: "_s + QString::fromUtf8(line);
            continue;
        }
        const QByteArray family = familyOf(match.captured(1).toUtf8(), e.types);
        if (!e.types.contains(family) || !e.helps.contains(family))
            e.problems << u"sample before its TYPE/HELP: "_s + QString::fromUtf8(line);
        const QByteArray series = line.left(line.lastIndexOf(' '));
        if (e.samples.contains(series))
            e.problems << u"duplicate series "_s + QString::fromUtf8(series);
        e.samples.insert(series, line.mid(line.lastIndexOf(' ') + 1));
        e.order << series;
    }
    return e;
}

/// Checks a histogram series: buckets ascending and cumulative, +Inf == _count.
QString checkHistogram(const Exposition &e, const QByteArray &name, const QByteArray &labels)
{
    const QByteArray prefix = name + "_bucket{" + (labels.isEmpty() ? QByteArray() : labels + ',') + "le=\"";
    double previous = 0;
    int buckets = 0;
    for (const QByteArray &series : e.order) {
        if (!series.startsWith(prefix))
            continue;
        const double count = e.value(series);
        if (count < previous)
            return u"not cumulative at "_s + QString::fromUtf8(series);
        previous = count;
        ++buckets;
    }
    const QByteArray suffix = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    if (buckets == 0 || !e.samples.contains(prefix + "+Inf\"}"))
        return u"no +Inf bucket for "_s + QString::fromUtf8(name);
    if (e.value(prefix + "+Inf\"}") != e.value(name + "_count" + suffix))
        return u"+Inf != _count for "_s + QString::fromUtf8(name);
    if (!e.samples.contains(name + "_sum" + suffix))
        return u"no _sum for "_s + QString::fromUtf8(name);
    return {};
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramBucketsAreCumulative();
    void labelValuesAreEscaped();
    void renderedTextIsValidExposition();
    void routesAreRegisteredOnce();
    void outcomeLabelsMatchVerifierCodes();
    void analyticsFamilies();
    void routerCountsRoutesAndStatuses();
    void verifierCountsOutcomesAndCache();
    void ratelimitChecksAndStoreCommits();
    void endpointServesOnlyMetrics();
    void configSwitches();
    void configRejectsBadValues();
};

void TestMetrics::histogramBucketsAreCumulative()
{
    MetricHistogram histogram;
    histogram.observeMicros(50);        // <= 0.0001
    histogram.observeMicros(100);       // exactly 0.0001: le is inclusive
    histogram.observeMicros(2000);      // <= 0.0025
    histogram.observeMicros(20'000'000); // above every bound
    histogram.observeMicros(-5);        // clock went backwards: counted as 0
    const MetricHistogram::Snapshot s = histogram.snapshot();
    QCOMPARE(s.cumulative[0], 3u);
    QCOMPARE(s.cumulative[3], 3u); // 0.001
    QCOMPARE(s.cumulative[4], 4u); // 0.0025
    QCOMPARE(s.cumulative.back(), 4u);
    QCOMPARE(s.count, 5u);
    QCOMPARE(s.sumSeconds, 20.00215);
}

void TestMetrics::labelValuesAreEscaped()
{
    QCOMPARE(ExpositionWriter::escapeLabelValue("a\\b\"c\nd"), QByteArray("a\\\\b\\\"c\\nd"));
    ExpositionWriter writer;
    writer.family("x_total", "counter", "Help with \\ and\nnewline.");
    writer.sample("x_total", {{"route", "/odd\"path\\\n"}}, quint64(7));
    QCOMPARE(writer.text(), QByteArray("# HELP x_total Help with \\\\ and\\nnewline.\n# TYPE x_total counter\n"
                                       "x_total{route=\"/odd\\\"path\\\\\\n\"} 7\n"));
    const Exposition e = parse(writer.text());
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
    QCOMPARE(ExpositionWriter::formatNumber(0.0001), QByteArray("0.0001"));
    QCOMPARE(ExpositionWriter::formatNumber(10), QByteArray("10"));
    QCOMPARE(ExpositionWriter::formatNumber(qInf()), QByteArray("+Inf"));
}

void TestMetrics::renderedTextIsValidExposition()
{
    Metrics metrics("1.2.3", 1'700'000'000'500);
    const int verify = metrics.registerRoute("/v2/keys.verifyKey");
    (void)metrics.registerRoute("/v2/quiet");
    metrics.recordRequest(verify, 200, 150);
    metrics.recordRequest(verify, 200, 3000);
    metrics.recordRequest(verify, 401, 80);
    metrics.recordRequest(Metrics::UnknownRoute, 404, 10);
    metrics.recordRequest(verify, 1000, 10); // not a status: ignored
    metrics.recordVerification(0, 40);
    metrics.recordVerification(6, 40);
    metrics.recordRatelimitCheck(true);
    metrics.recordCacheLookup(true);
    metrics.recordCacheLookup(false);
    metrics.recordStoreCommit(700);
    metrics.addCollector([](ExpositionWriter &writer) { Latchkey::Server::writeConnectionMetrics(writer, 3); });

    const Exposition e = parse(metrics.render());
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/keys.verifyKey",status="200"})"), "2");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/keys.verifyKey",status="401"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="unknown",status="404"})"), "1");
    QCOMPARE(e.types.value("latchkey_http_request_duration_seconds"), "histogram");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_count{route="/v2/keys.verifyKey"})"), "3");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_bucket{route="/v2/keys.verifyKey",le="0.0001"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_bucket{route="/v2/keys.verifyKey",le="0.00025"})"), "2");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_bucket{route="/v2/keys.verifyKey",le="0.0025"})"), "2");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_bucket{route="/v2/keys.verifyKey",le="0.005"})"), "3");
    QCOMPARE(e.value(R"(latchkey_http_request_duration_seconds_sum{route="/v2/keys.verifyKey"})"), 0.00323);
    QVERIFY2(checkHistogram(e, "latchkey_http_request_duration_seconds", R"(route="/v2/keys.verifyKey")").isEmpty(),
             qPrintable(checkHistogram(e, "latchkey_http_request_duration_seconds", R"(route="/v2/keys.verifyKey")")));
    QCOMPARE(e.samples.value(R"(latchkey_verifications_total{outcome="VALID"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_verifications_total{outcome="RATE_LIMITED"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_verifications_total{outcome="EXPIRED"})"), "0");
    QVERIFY(checkHistogram(e, "latchkey_verification_duration_seconds", {}).isEmpty());
    QCOMPARE(e.samples.value("latchkey_verification_duration_seconds_count"), "2");
    QCOMPARE(e.samples.value(R"(latchkey_ratelimit_checks_total{passed="true"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_ratelimit_checks_total{passed="false"})"), "0");
    QCOMPARE(e.samples.value("latchkey_verification_cache_hits_total"), "1");
    QCOMPARE(e.samples.value("latchkey_verification_cache_misses_total"), "1");
    QVERIFY(checkHistogram(e, "latchkey_store_commit_duration_seconds", {}).isEmpty());
    QCOMPARE(e.samples.value(R"(latchkey_store_commit_duration_seconds_bucket{le="0.001"})"), "1");
    QCOMPARE(e.samples.value("latchkey_http_open_connections"), "3");
    QCOMPARE(e.types.value("latchkey_http_open_connections"), "gauge");
    QCOMPARE(e.samples.value("latchkey_process_start_time_seconds"), "1700000000.5");
    QCOMPARE(e.samples.value(R"(latchkey_build_info{version="1.2.3"})"), "1");
    // Routes nobody asked for yet have no series (no 60 empty histograms per scrape).
    QVERIFY(e.samples.contains(R"(latchkey_http_request_duration_seconds_count{route="unknown"})"));
    QVERIFY(!e.samples.contains(R"(latchkey_http_request_duration_seconds_count{route="/v2/quiet"})"));
}

void TestMetrics::routesAreRegisteredOnce()
{
    Metrics metrics({}, 0);
    const int a = metrics.registerRoute("/v2/a");
    QCOMPARE(metrics.registerRoute("/v2/a"), a);
    QCOMPARE(metrics.registerRoute("unknown"), Metrics::UnknownRoute);
    for (int i = 0; i < Metrics::MaxRoutes; ++i)
        (void)metrics.registerRoute(QByteArray("/r" + QByteArray::number(i)));
    QCOMPARE(metrics.registerRoute("/one-too-many"), -1);
    metrics.recordRequest(-1, 200, 1); // an unregistered route counts as unknown
    metrics.recordRequest(9999, 200, 1);
    QCOMPARE(metrics.requests(Metrics::UnknownRoute, 200), 2u);
}

void TestMetrics::outcomeLabelsMatchVerifierCodes()
{
    using Outcome = Latchkey::Api::Verifier::Outcome;
    for (std::size_t i = 0; i < Metrics::VerificationOutcomes.size(); ++i)
        QCOMPARE(Latchkey::Api::Verifier::codeName(Outcome(i)), QString::fromLatin1(Metrics::VerificationOutcomes[i]));
}

void TestMetrics::analyticsFamilies()
{
    Latchkey::Analytics::AnalyticsMetricsSnapshot s;
    s.queueDepth = 4;
    s.queueCapacity = 65536;
    s.dropped = 2;
    s.eventsWritten = 10;
    s.batchesWritten = 3;
    s.commitBuckets.fill(3);
    s.commitBuckets[0] = 1;
    s.commitCount = 3;
    s.commitSecondsSum = 0.25;
    ExpositionWriter writer;
    Latchkey::Server::writeAnalyticsMetrics(writer, s);
    const Exposition e = parse(writer.text());
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
    QCOMPARE(e.samples.value("latchkey_analytics_queue_depth"), "4");
    QCOMPARE(e.types.value("latchkey_analytics_queue_depth"), "gauge");
    QCOMPARE(e.samples.value("latchkey_analytics_queue_capacity"), "65536");
    QCOMPARE(e.samples.value("latchkey_analytics_events_dropped_total"), "2");
    QCOMPARE(e.samples.value("latchkey_analytics_events_written_total"), "10");
    QCOMPARE(e.samples.value("latchkey_analytics_batches_total"), "3");
    QCOMPARE(e.samples.value(R"(latchkey_analytics_commit_duration_seconds_bucket{le="0.0005"})"), "1");
    QVERIFY(checkHistogram(e, "latchkey_analytics_commit_duration_seconds", {}).isEmpty());
}

void TestMetrics::routerCountsRoutesAndStatuses()
{
    Latchkey::Test::ApiHarness h;
    Metrics &metrics = h.server().metrics();
    QCOMPARE(h.raw("GET", "/v2/liveness", {}).status, 200);
    QCOMPARE(h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"metrics-api"_s}}).status, 200);
    QCOMPARE(h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"metrics-api"_s}}, u"lkroot_nope"_s).status, 401);
    QCOMPARE(h.raw("POST", "/v2/lkroot_secretInThePath", "{}").status, 404);
    QCOMPARE(h.raw("GET", "/v2/apis.createApi", {}).status, 405);

    const Exposition e = parse(metrics.render());
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/liveness",status="200"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/apis.createApi",status="200"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/apis.createApi",status="401"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/apis.createApi",status="405"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="unknown",status="404"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_request_duration_seconds_count{route="/v2/apis.createApi"})"), "3");
    const QByteArray text = metrics.render();
    QVERIFY(!text.contains("secretInThePath"));
    QVERIFY(!text.contains(h.rootKey().toUtf8()));
    QVERIFY(!text.contains("lkroot_nope"));
}

void TestMetrics::verifierCountsOutcomesAndCache()
{
    Latchkey::Test::ApiHarness h;
    Metrics &metrics = h.server().metrics();
    const QString apiId = h.createApi();
    const QString key = h.createKey({{u"apiId"_s, apiId}}).value(u"key").toString();
    const QString disabled = h.createKey({{u"apiId"_s, apiId}, {u"enabled"_s, false}}).value(u"key").toString();
    const quint64 hitsBefore = metrics.cacheHits();
    const quint64 missesBefore = metrics.cacheMisses();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, key}}).status, 200);
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, u"nope_123"_s}}).status, 200);
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, disabled}}).status, 200);
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, key}, {u"permissions"_s, u"a AND"_s}}).status, 400);

    QCOMPARE(metrics.verifications(0), 3u); // VALID
    QCOMPARE(metrics.verifications(1), 1u); // NOT_FOUND
    QCOMPARE(metrics.verifications(2), 1u); // DISABLED
    // Six lookups: the first of each of the three keys misses, the rest hit.
    QCOMPARE(metrics.cacheMisses() - missesBefore, 3u);
    QCOMPARE(metrics.cacheHits() - hitsBefore, 3u);
    const Exposition e = parse(metrics.render());
    QCOMPARE(e.samples.value(R"(latchkey_verifications_total{outcome="VALID"})"), "3");
    QCOMPARE(e.samples.value("latchkey_verification_duration_seconds_count"), "5");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/keys.verifyKey",status="200"})"), "5");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/v2/keys.verifyKey",status="400"})"), "1");
    const QByteArray text = metrics.render();
    QVERIFY(!text.contains(key.toUtf8()));
    QVERIFY(!text.contains(disabled.toUtf8()));
}

void TestMetrics::ratelimitChecksAndStoreCommits()
{
    Latchkey::Test::ApiHarness h;
    Metrics &metrics = h.server().metrics();
    const quint64 commitsBefore = metrics.storeCommits().count;
    QCOMPARE(h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"one"_s}}).status, 200);
    // At least the mutation's own commit; the analytics writer (batches, retention) may commit on
    // its thread at the same moment, so an exact count would race it.
    QVERIFY(metrics.storeCommits().count - commitsBefore >= 1u);

    const QJsonObject check{{u"namespace"_s, u"ns"_s}, {u"identifier"_s, u"user"_s}, {u"limit"_s, 2},
                            {u"duration"_s, 60000}};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(h.call(u"ratelimit.limit"_s, check).status, 200);
    QCOMPARE(metrics.ratelimitChecks(true), 2u);
    QCOMPARE(metrics.ratelimitChecks(false), 1u);
    QCOMPARE(h.call(u"ratelimit.multiLimit"_s, QJsonArray{check, QJsonObject{{u"namespace"_s, u"ns"_s},
        {u"identifier"_s, u"other"_s}, {u"limit"_s, 2}, {u"duration"_s, 60000}}}).status, 200);
    QCOMPARE(metrics.ratelimitChecks(true) + metrics.ratelimitChecks(false), 5u);
}

void TestMetrics::endpointServesOnlyMetrics()
{
    Metrics metrics("v", 0);
    const Latchkey::Server::MetricsEndpoint endpoint(metrics);
    Latchkey::Http::Request request;
    request.method = "GET";
    request.path = "/metrics";
    const Latchkey::Http::Response ok = endpoint.serveListener(request);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(ok.body.contains("# TYPE latchkey_http_requests_total counter\n"));
    request.method = "POST";
    QCOMPARE(endpoint.serveListener(request).status, 405);
    request.method = "GET";
    request.path = "/v2/liveness";
    QCOMPARE(endpoint.serveListener(request).status, 404);
    request.path = "/metrics";
    const Exposition e = parse(endpoint.serveListener(request).body);
    QVERIFY2(e.problems.isEmpty(), qPrintable(e.problems.join(u'\n')));
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/metrics",status="200"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="/metrics",status="405"})"), "1");
    QCOMPARE(e.samples.value(R"(latchkey_http_requests_total{route="unknown",status="404"})"), "1");
}

void TestMetrics::configSwitches()
{
    using Latchkey::Server::loadConfig;
    QProcessEnvironment env;
    auto off = loadConfig({u"latchkeyd"_s}, env);
    QVERIFY(off);
    QVERIFY(off->config.metricsListenHost.isEmpty());
    QVERIFY(!off->config.metricsOnMain);

    auto flags = loadConfig({u"latchkeyd"_s, u"--metrics-listen"_s, u"[::1]:9100"_s, u"--metrics-on-main"_s}, env);
    QVERIFY(flags);
    QCOMPARE(flags->config.metricsListenHost, u"::1"_s);
    QCOMPARE(flags->config.metricsListenPort, quint16(9100));
    QVERIFY(flags->config.metricsOnMain);

    env.insert(u"LATCHKEY_METRICS_LISTEN"_s, u"127.0.0.1:9200"_s);
    env.insert(u"LATCHKEY_METRICS_ON_MAIN"_s, u"1"_s);
    auto fromEnv = loadConfig({u"latchkeyd"_s}, env);
    QVERIFY(fromEnv);
    QCOMPARE(fromEnv->config.metricsListenHost, u"127.0.0.1"_s);
    QCOMPARE(fromEnv->config.metricsListenPort, quint16(9200));
    QVERIFY(fromEnv->config.metricsOnMain);

    QTemporaryDir dir;
    const QString file = dir.filePath(u"latchkey.ini"_s);
    QFile ini(file);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("metrics-listen = 10.0.0.5:9300\nmetrics-on-main = false\n");
    ini.close();
    auto fromFile = loadConfig({u"latchkeyd"_s, u"--config"_s, file}, QProcessEnvironment());
    QVERIFY2(fromFile, fromFile ? "" : qPrintable(fromFile.error().detail));
    QCOMPARE(fromFile->config.metricsListenHost, u"10.0.0.5"_s);
    QCOMPARE(fromFile->config.metricsListenPort, quint16(9300));
    QVERIFY(!fromFile->config.metricsOnMain);
}

void TestMetrics::configRejectsBadValues()
{
    using Latchkey::Server::loadConfig;
    auto badListen = loadConfig({u"latchkeyd"_s, u"--metrics-listen"_s, u"9100"_s}, QProcessEnvironment());
    QVERIFY(!badListen);
    QVERIFY2(badListen.error().detail.contains(u"--metrics-listen"_s), qPrintable(badListen.error().detail));
    QProcessEnvironment env;
    env.insert(u"LATCHKEY_METRICS_ON_MAIN"_s, u"maybe"_s);
    auto badBool = loadConfig({u"latchkeyd"_s}, env);
    QVERIFY(!badBool);
    QVERIFY2(badBool.error().detail.contains(u"--metrics-on-main"_s), qPrintable(badBool.error().detail));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
