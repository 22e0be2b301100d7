// GET /metrics against the real binary: off by default, on a separate listener with
// --metrics-listen, on the API listener with LATCHKEY_METRICS_ON_MAIN=1; the counts match exactly
// what was sent, and no key or root key appears anywhere in a scrape.
#include "support/latchkeydprocess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::HttpTarget;
using Latchkey::Test::LatchkeydProcess;
namespace RawHttp = Latchkey::Test::RawHttp;

namespace {

/// series ("name{labels}") -> value, plus every problem with the 0.0.4 text format found.
struct Scrape {
    QHash<QByteArray, double> samples;
    QStringList problems;
    QByteArray text;

    [[nodiscard]] double operator[](const char *series) const { return samples.value(series, -1); }
};

Scrape parse(const QByteArray &text)
{
    static const QRegularExpression sampleLine(
        uR"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*")*\})? [-+0-9.eE]+$|^\S+ \+Inf$)"_s);
    Scrape scrape;
    scrape.text = text;
    QSet<QByteArray> typed;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith("# TYPE ")) {
            const QByteArray family = line.mid(7).split(' ').value(0);
            if (typed.contains(family))
                scrape.problems << u"second TYPE for "_s + QString::fromUtf8(family);
            typed.insert(family);
            continue;
        }
        if (line.startsWith("# HELP "))
            continue;
        if (!sampleLine.match(QString::fromUtf8(line)).hasMatch())
            scrape.problems << u"bad line: "_s + QString::fromUtf8(line);
        const qsizetype space = line.lastIndexOf(' ');
        scrape.samples.insert(line.left(space), line.mid(space + 1).toDouble());
    }
    return scrape;
}

HttpResponse get(const HttpTarget &target, const QByteArray &path)
{
    return RawHttp::exchange(target, RawHttp::request("GET", path));
}

} // namespace

class TestMetricsE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offByDefault();
    void separateListenerCountsExactly();
    void onMainListener();
    void metricsPortInUse();
};

void TestMetricsE2e::offByDefault()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const HttpResponse response = get(server.target(), "/metrics");
    QCOMPARE(response.status, 404);
    QVERIFY(!response.body.contains("latchkey_"));
}

void TestMetricsE2e::separateListenerCountsExactly()
{
    LatchkeydProcess server;
    const quint16 metricsPort = LatchkeydProcess::freePort();
    server.setExtraArguments({u"--metrics-listen"_s, u"127.0.0.1:%1"_s.arg(metricsPort)});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    HttpTarget metrics;
    metrics.port = metricsPort;

    const HttpResponse api = server.call(u"apis.createApi"_s, {{u"name"_s, u"metrics"_s}});
    QCOMPARE(api.status, 200);
    const QString apiId = api.data().value(u"apiId").toString();
    const HttpResponse plain = server.call(u"keys.createKey"_s, {{u"apiId"_s, apiId}});
    const HttpResponse credited
        = server.call(u"keys.createKey"_s, {{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject{{u"remaining"_s, 1}}}});
    QCOMPARE(plain.status, 200);
    QCOMPARE(credited.status, 200);
    const QString key = plain.data().value(u"key").toString();
    const QString creditKey = credited.data().value(u"key").toString();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, key}}).status, 200);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, u"sk_doesnotexist"_s}}).status, 200);
        QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, creditKey}}).status, 200);
    }
    const QJsonObject check{{u"namespace"_s, u"e2e"_s}, {u"identifier"_s, u"u1"_s}, {u"limit"_s, 1},
                            {u"duration"_s, 60000}};
    QCOMPARE(server.call(u"ratelimit.limit"_s, check).status, 200);
    QCOMPARE(server.call(u"ratelimit.limit"_s, check).status, 200);
    QCOMPARE(server.call(u"apis.createApi"_s, {{u"name"_s, u"other-api"_s}}, u"lkroot_wrongwrongwrong"_s).status, 401);
    QCOMPARE(server.call(u"lkroot_pathsecret"_s, {}).status, 404);

    // Only /metrics on that port, never the API.
    QCOMPARE(get(metrics, "/v2/liveness").status, 404);
    QCOMPARE(RawHttp::exchange(metrics, RawHttp::request("POST", "/metrics", "{}")).status, 405);
    QCOMPARE(get(server.target(), "/metrics").status, 404);

    const HttpResponse response = get(metrics, "/metrics");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    const Scrape s = parse(response.body);
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(u'\n')));
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/v2/apis.createApi",status="200"})"], 1.0);
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/v2/apis.createApi",status="401"})"], 1.0);
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/v2/keys.createKey",status="200"})"], 2.0);
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/v2/keys.verifyKey",status="200"})"], 7.0);
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/v2/ratelimit.limit",status="200"})"], 2.0);
    // The unknown API path and the /v2/liveness on the metrics port.
    QCOMPARE(s[R"(latchkey_http_requests_total{route="unknown",status="404"})"], 3.0);
    QCOMPARE(s[R"(latchkey_http_requests_total{route="/metrics",status="405"})"], 1.0);
    QCOMPARE(s[R"(latchkey_http_request_duration_seconds_count{route="/v2/keys.verifyKey"})"], 7.0);
    QCOMPARE(s[R"(latchkey_http_request_duration_seconds_bucket{route="/v2/keys.verifyKey",le="+Inf"})"], 7.0);
    QCOMPARE(s[R"(latchkey_verifications_total{outcome="VALID"})"], 4.0);
    QCOMPARE(s[R"(latchkey_verifications_total{outcome="NOT_FOUND"})"], 2.0);
    QCOMPARE(s[R"(latchkey_verifications_total{outcome="USAGE_EXCEEDED"})"], 1.0);
    QCOMPARE(s[R"(latchkey_verifications_total{outcome="DISABLED"})"], 0.0);
    QCOMPARE(s["latchkey_verification_duration_seconds_count"], 7.0);
    QCOMPARE(s["latchkey_verification_cache_hits_total"] + s["latchkey_verification_cache_misses_total"], 7.0);
    QCOMPARE(s[R"(latchkey_ratelimit_checks_total{passed="true"})"], 1.0);
    QCOMPARE(s[R"(latchkey_ratelimit_checks_total{passed="false"})"], 1.0);
    QVERIFY(s["latchkey_store_commit_duration_seconds_count"] >= 3.0); // the API, the two keys, ...
    QVERIFY(s["latchkey_analytics_queue_capacity"] > 0);
    QVERIFY(s["latchkey_analytics_queue_depth"] >= 0);
    QCOMPARE(s["latchkey_analytics_events_dropped_total"], 0.0);
    QVERIFY(s.samples.contains("latchkey_analytics_commit_duration_seconds_count"));
    QVERIFY(s["latchkey_http_open_connections"] >= 0);
    QVERIFY(s["latchkey_process_start_time_seconds"] > 1.6e9);
    const QByteArray buildInfo = QByteArray("latchkey_build_info{version=\"") + LATCHKEY_VERSION + "\"}";
    QCOMPARE(s.samples.value(buildInfo, -1), 1.0);

    for (const QString &secret : {key, creditKey, server.rootKey(), u"lkroot_wrongwrongwrong"_s, u"pathsecret"_s})
        QVERIFY2(!s.text.contains(secret.toUtf8()), qPrintable(u"secret in scrape: "_s + secret));
    QCOMPARE(server.terminate(), 0);
}

void TestMetricsE2e::onMainListener()
{
    LatchkeydProcess server;
    server.setEnvironmentVariable(u"LATCHKEY_METRICS_ON_MAIN"_s, u"1"_s);
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, u"sk_nothing"_s}}).status, 200);
    const HttpResponse response = get(server.target(), "/metrics");
    QCOMPARE(response.status, 200);
    const Scrape s = parse(response.body);
    QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(u'\n')));
    QCOMPARE(s[R"(latchkey_verifications_total{outcome="NOT_FOUND"})"], 1.0);
    // Counted while it serves this very scrape: the connection of the scrape itself is open.
    QVERIFY(s["latchkey_http_open_connections"] >= 1);
    QVERIFY(!s.text.contains(server.rootKey().toUtf8()));
}

void TestMetricsE2e::metricsPortInUse()
{
    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(LatchkeydProcess::freePort()), u"--data-dir"_s, dir.path(),
         u"--metrics-listen"_s, u"127.0.0.1:%1"_s.arg(occupied.serverPort())});
    QVERIFY(finished.finished);
    QVERIFY(finished.exitCode != 0);
    QVERIFY2(finished.standardError.contains("metrics"), finished.standardError.constData());
}

QTEST_GUILESS_MAIN(TestMetricsE2e)
#include "tst_metrics_http.moc"
