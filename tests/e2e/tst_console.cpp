// The web console's static files, served by the real latchkeyd: content types, caching, ETags and
// 304, the security headers on every answer, HEAD, 404/405 envelopes, and no key material needed.

#include "support/latchkeydprocess.h"

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

    void apiRoutesAreUntouched()
    {
        QCOMPARE(get("/consoles").status, 404);
        QCOMPARE(get("/openapi.yaml").status, 200);
        QVERIFY(get("/openapi.yaml").header("content-security-policy").isNull());
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
