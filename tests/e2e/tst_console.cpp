// The web console's static files, served by the real latchkeyd: content types, caching, ETags and
// 304, the security headers on every answer, HEAD, 404/405 envelopes, no key material needed, and
// every answer in the access log and in /metrics under the one route label /console.

#include "support/latchkeydprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::LatchkeydProcess;
namespace RawHttp = Latchkey::Test::RawHttp;

namespace {
const QByteArray kPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private:
    LatchkeydProcess m_server;

    HttpResponse get(const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                     const QByteArray &method = "GET")
    {
        return m_server.sendRaw(RawHttp::request(method, path, {}, headers));
    }

    /// The asset names index.html refers to (src="..." and href="...").
    QList<QByteArray> assetsOfIndex()
    {
        const HttpResponse index = get("/console/");
        QList<QByteArray> names;
        static const QRegularExpression reference(u"(?:src|href)=\"([^\"]+)\""_s);
        auto it = reference.globalMatch(QString::fromUtf8(index.body));
        while (it.hasNext())
            names.append(it.next().captured(1).toUtf8());
        return names;
    }

    static void verifySecurityHeaders(const HttpResponse &response)
    {
        QCOMPARE(response.header("content-security-policy"), kPolicy);
        QCOMPARE(response.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(response.header("referrer-policy"), QByteArray("no-referrer"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.lastError())); }
    void cleanupTestCase() { QCOMPARE(m_server.terminate(), 0); }

    void indexIsRevalidatedEveryTime()
    {
        const HttpResponse index = get("/console/");
        QCOMPARE(index.status, 200);
        QCOMPARE(index.header("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(index.header("cache-control"), QByteArray("no-cache"));
        QVERIFY(index.header("etag").startsWith('"'));
        verifySecurityHeaders(index);
        QVERIFY(index.body.contains("<div id=\"app\""));
        // CSP forbids inline code, so the page must not carry any.
        QVERIFY(!index.body.contains("<style"));
        QVERIFY(!index.body.contains("style="));
        QVERIFY(!QRegularExpression(u"<script(?![^>]*\\bsrc=)"_s).match(QString::fromUtf8(index.body)).hasMatch());
        QCOMPARE(get("/console/index.html").body, index.body);
        // The embed form's query string selects nothing on the server.
        QCOMPARE(get("/console/?embed=1&theme=dark").body, index.body);
    }

    void hashedAssetsAreImmutableWithTheirContentType()
    {
        const QList<QByteArray> assets = assetsOfIndex();
        QCOMPARE(assets.size(), 3); // icon, style sheet, script
        static const QRegularExpression hashed(u"^[A-Za-z]+-[A-Z0-9]{8,}\\.(js|css|svg)$"_s);
        for (const QByteArray &name : assets) {
            QVERIFY2(hashed.match(QString::fromUtf8(name)).hasMatch(), name.constData());
            const HttpResponse asset = get("/console/" + name);
            QCOMPARE(asset.status, 200);
            QVERIFY(!asset.body.isEmpty());
            QCOMPARE(asset.header("cache-control"), QByteArray("public, max-age=31536000, immutable"));
            verifySecurityHeaders(asset);
            const QByteArray type = asset.header("content-type");
            if (name.endsWith(".js"))
                QCOMPARE(type, QByteArray("text/javascript; charset=utf-8"));
            else if (name.endsWith(".css"))
                QCOMPARE(type, QByteArray("text/css; charset=utf-8"));
            else
                QCOMPARE(type, QByteArray("image/svg+xml"));
        }
    }

    void scriptBundlesTheChartLibrary()
    {
        for (const QByteArray &name : assetsOfIndex()) {
            if (name.endsWith(".js"))
                QVERIFY(get("/console/" + name).body.contains("uplot"));
            if (name.endsWith(".css"))
                QVERIFY(get("/console/" + name).body.contains(".uplot"));
        }
    }

    void ifNoneMatchGives304()
    {
        for (const QByteArray &path : QList<QByteArray>{"/console/", QByteArray("/console/" + assetsOfIndex().constLast())}) {
            const QByteArray etag = get(path).header("etag");
            const HttpResponse cached = get(path, {{"If-None-Match", etag}});
            QCOMPARE(cached.status, 304);
            QVERIFY(cached.body.isEmpty());
            QCOMPARE(cached.header("etag"), etag);
            verifySecurityHeaders(cached);
            QCOMPARE(get(path, {{"If-None-Match", "\"other\", W/" + etag}}).status, 304);
            QCOMPARE(get(path, {{"If-None-Match", "\"stale\""}}).status, 200);
        }
    }

    void headHasTheHeadersWithoutTheBody()
    {
        const HttpResponse full = get("/console/");
        const HttpResponse head = get("/console/", {}, "HEAD");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("content-length"), QByteArray::number(full.body.size()));
        QCOMPARE(head.header("etag"), full.header("etag"));
        verifySecurityHeaders(head);
    }

    void unknownFilesAre404Envelopes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("unknown") << QByteArray("/console/app.js");
        QTest::newRow("traversal") << QByteArray("/console/../openapi.yaml");
        QTest::newRow("nested") << QByteArray("/console/a/index.html");
        QTest::newRow("qrc") << QByteArray("/console/console.qrc");
    }
    void unknownFilesAre404Envelopes()
    {
        QFETCH(QByteArray, path);
        const HttpResponse missing = get(path);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.error().value(u"status").toInt(), 404);
        QVERIFY(!missing.requestId().isEmpty());
        verifySecurityHeaders(missing);
    }

    void otherMethodsAre405()
    {
        const HttpResponse posted = m_server.sendRaw(RawHttp::request("POST", "/console/", "{}"));
        QCOMPARE(posted.status, 405);
        QCOMPARE(posted.header("allow"), QByteArray("GET, HEAD"));
        QCOMPARE(posted.error().value(u"status").toInt(), 405);
    }

    void bareConsoleRedirects()
    {
        const HttpResponse bare = get("/console");
        QCOMPARE(bare.status, 308);
        QCOMPARE(bare.header("location"), QByteArray("/console/"));
    }

    void requestsAreCountedAndLogged()
    {
        LatchkeydProcess server;
        server.setEnvironmentVariable(u"LATCHKEY_METRICS_ON_MAIN"_s, u"1"_s);
        server.setExtraArguments({u"--log-format"_s, u"json"_s});
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const auto send = [&server](const QByteArray &method, const QByteArray &path,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
            return server.sendRaw(RawHttp::request(method, path, {}, headers));
        };
        const QByteArray asset = "/console/" + assetsOfIndex().constLast();
        QCOMPARE(send("GET", "/console/").status, 200);
        const HttpResponse assetResponse = send("GET", asset);
        QCOMPARE(assetResponse.status, 200);
        QCOMPARE(send("GET", asset, {{"If-None-Match", assetResponse.header("etag")}}).status, 304);
        const HttpResponse missing = send("GET", "/console/missing-0123456789.js");
        QCOMPARE(missing.status, 404);
        QCOMPARE(send("POST", "/console/").status, 405);
        QCOMPARE(send("GET", "/console").status, 308);

        const QByteArray metrics = send("GET", "/metrics").body;
        const auto counted = [&metrics](int status) {
            const QByteArray name = "latchkey_http_requests_total{route=\"/console\",status=\"" + QByteArray::number(status)
                                    + "\"} ";
            for (const QByteArray &line : metrics.split('\n')) {
                if (line.startsWith(name))
                    return line.mid(name.size()).toDouble();
            }
            return -1.0;
        };
        QCOMPARE(counted(200), 2.0);
        QCOMPARE(counted(304), 1.0);
        QCOMPARE(counted(404), 1.0);
        QCOMPARE(counted(405), 1.0);
        QCOMPARE(counted(308), 1.0);
        // One label for every file: asking for any path must not add a time series.
        QVERIFY2(!metrics.contains("route=\"/console/"), metrics.constData());
        QVERIFY(!metrics.contains("missing-0123456789"));
        QCOMPARE(server.terminate(), 0);

        QStringList access;
        for (const QByteArray &line : server.standardError().split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(u"category").toString() == u"latchkey.access"
                && entry.value(u"message").toString().contains(u" /console"_s))
                access.append(entry.value(u"message").toString());
        }
        QCOMPARE(access.size(), 6);
        const QString assetPath = QString::fromUtf8(asset);
        const QStringList expected {u" GET /console/ 200 "_s, u" GET "_s + assetPath + u" 200 "_s,
            u" GET "_s + assetPath + u" 304 "_s, u" GET /console/missing-0123456789.js 404 "_s,
            u" POST /console/ 405 "_s, u" GET /console 308 "_s};
        for (qsizetype i = 0; i < expected.size(); ++i)
            QVERIFY2(access.at(i).contains(expected.at(i)), qPrintable(access.at(i) + u" lacks "_s + expected.at(i)));
        // The line names the request id the 404 envelope carries.
        QVERIFY2(access.at(3).startsWith(missing.requestId() + u' '), qPrintable(access.at(3)));
    }

    void apiRoutesAreUntouched()
    {
        QCOMPARE(get("/consoles").status, 404);
        QCOMPARE(get("/openapi.yaml").status, 200);
        QVERIFY(get("/openapi.yaml").header("content-security-policy").isNull());
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
