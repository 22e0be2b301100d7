// Tests of the HTTP/1.1 engine (Latchkey::Http::HttpServer) through real sockets on 127.0.0.1.
//
// The server's listening socket lives on the test thread, so the clients never block: they are
// driven by the event loop (HttpTestClient's waits) while the workers serve them on their threads.

#include "core/loopround.h"
#include "http/httpserver.h"
#include "support/httptestclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>

using namespace Latchkey::Http;
using Latchkey::Testing::HttpTestClient;
using Latchkey::Testing::HttpTestResponse;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 5000;

QByteArray echoBody(const QByteArray &method, const QByteArray &path, const QByteArray &query, const QByteArray &body)
{
    return method + ' ' + path + ' ' + query + ' ' + QByteArray::number(body.size()) + '\n' + body;
}

QByteArray getRequest(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n";
}

QByteArray postRequest(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void headRequest();
    void requestArrivingByteByByte();
    void keepAliveSequentialRequests();
    void pipelinedRequests();
    void pipelinedFloodIsAnsweredInOrder();
    void workerEndsLoopRounds();
    void connectionPersistence_data();
    void connectionPersistence();
    void chunkedBody();
    void expectContinue();
    void handlerExceptionGives500();
    void malformedRequest_data();
    void malformedRequest();
    void headersTooLarge_data();
    void headersTooLarge();
    void bodySize_data();
    void bodySize();
    void stalledRequestTimesOut();
    void tricklingRequestTimesOut();
    void idleConnectionIsClosed();
    void activeConnectionIsKeptOpen();
    void concurrentClients();
    void shutdownDeliversInFlightResponse();
    void shutdownClosesIdleConnections();
    void listenOnUsedPortFails();
    void tlsRoundTrip();
    void survivesHostileClients();

private:
    std::unique_ptr<HttpServer> startServer(HttpServerConfig config = {});
    Response handle(const Request &request);
    static Response respondWithError(int status, const QString &detail);
    static bool isOpen(HttpTestClient &client);
    bool makeCertificate(const QTemporaryDir &dir, QSslCertificate &certificate, QSslKey &key);

    std::atomic<int> m_slowRequestsStarted {0};
    // workerEndsLoopRounds(): what the handler's deferred work saw (all on the worker thread).
    std::atomic<int> m_deferHandled {0};
    std::atomic<int> m_deferRefused {0};
    std::atomic<int> m_roundEnds {0};
    std::atomic<int> m_ranInsideHandler {0};
};

std::unique_ptr<HttpServer> TestHttpServer::startServer(HttpServerConfig config)
{
    auto server = std::make_unique<HttpServer>(
        std::move(config), [this](const Request &request) { return handle(request); },
        &TestHttpServer::respondWithError);
    QString error;
    if (!server->listen(&error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    return server;
}

/// Echoes the request, with a few special paths for the tests that need a slow, big or failing handler.
Response TestHttpServer::handle(const Request &request)
{
    Response response;
    response.setHeader("Content-Type", "text/plain");
    response.setHeader("X-Echo-Header", request.header("X-Test"));
    if (request.path == "/slow") {
        ++m_slowRequestsStarted;
        QThread::msleep(200);
    } else if (request.path == "/throw") {
        throw std::runtime_error("handler failure");
    } else if (request.path == "/defer") {
        // Core::LoopRound: the work runs once the worker has served what was ready.
        ++m_deferHandled;
        const int endsBefore = m_roundEnds.load();
        const bool deferred
            = Latchkey::Core::LoopRound::deferToEndOfRound(&m_roundEnds, [this] { ++m_roundEnds; });
        if (!deferred)
            ++m_deferRefused;
        if (m_roundEnds.load() != endsBefore)
            ++m_ranInsideHandler;
    } else if (request.path.startsWith("/big/")) {
        response.body = QByteArray(request.path.mid(5).toInt(), 'b');
        return response;
    }
    response.body = echoBody(request.method, request.path, request.query, request.body);
    return response;
}

Response TestHttpServer::respondWithError(int status, const QString &detail)
{
    Response response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("X-Error-Detail", detail.toUtf8());
    response.body = "{\"error\":" + QByteArray::number(status) + '}';
    return response;
}

/// Whether the server keeps @p client's connection open for a little while.
bool TestHttpServer::isOpen(HttpTestClient &client)
{
    return !client.waitForDisconnected(150) && client.socket()->state() == QAbstractSocket::ConnectedState;
}

void TestHttpServer::roundTrip_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::addColumn<QByteArray>("expectedEchoHeader");

    QTest::newRow("GET with query") << getRequest("/hello?x=1&y=2", "X-Test: abc\r\n")
                                    << echoBody("GET", "/hello", "x=1&y=2", {}) << QByteArray("abc");
    QTest::newRow("POST with body") << postRequest("/v2/keys.verifyKey", R"({"key":"sk_1"})")
                                    << echoBody("POST", "/v2/keys.verifyKey", {}, R"({"key":"sk_1"})") << QByteArray();
    QTest::newRow("DELETE") << QByteArray("DELETE /items/7 HTTP/1.1\r\nHost: test\r\n\r\n")
                            << echoBody("DELETE", "/items/7", {}, {}) << QByteArray();
    QTest::newRow("empty query") << getRequest("/q?") << echoBody("GET", "/q", {}, {}) << QByteArray();
    QTest::newRow("question mark inside the query")
        << getRequest("/q?a=?b&c") << echoBody("GET", "/q", "a=?b&c", {}) << QByteArray();
    QTest::newRow("origin-form with fragment")
        << getRequest("/f?x=1#part") << echoBody("GET", "/f", "x=1", {}) << QByteArray();
    QTest::newRow("absolute-form target")
        << getRequest("http://example.com/abs?q#frag") << echoBody("GET", "/abs", "q", {}) << QByteArray();
    QTest::newRow("header name case and empty value")
        << getRequest("/h", "x-TEST:\r\n") << echoBody("GET", "/h", {}, {}) << QByteArray();
    QTest::newRow("binary body") << postRequest("/bin", QByteArray("\0\1\2\r\n\xff", 6))
                                 << echoBody("POST", "/bin", {}, QByteArray("\0\1\2\r\n\xff", 6)) << QByteArray();
}

void TestHttpServer::roundTrip()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QByteArray, expectedEchoHeader);
    auto server = startServer();
    QVERIFY(server);

    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(request);
    QVERIFY(client.waitForResponses(1));

    const HttpTestResponse &response = client.responses().constFirst();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, expectedBody);
    QCOMPARE(response.header("Content-Length"), QByteArray::number(expectedBody.size()));
    QCOMPARE(response.header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(response.header("X-Echo-Header"), expectedEchoHeader);
    QCOMPARE(response.header("Connection"), QByteArray("keep-alive"));
    QVERIFY2(response.header("Date").endsWith(" GMT"), response.header("Date").constData());
    QVERIFY(client.received().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(!client.hadParseError());
}

void TestHttpServer::headRequest()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.expectHeadResponse();
    client.send("HEAD /page HTTP/1.1\r\nHost: test\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(
        client.responses()[0].header("Content-Length"), QByteArray::number(echoBody("HEAD", "/page", {}, {}).size()));
    QVERIFY(client.responses()[0].body.isEmpty());

    // Any body bytes after the HEAD response would corrupt this next response.
    client.send(getRequest("/after"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses()[1].body, echoBody("GET", "/after", {}, {}));
    QVERIFY(!client.hadParseError());
}

void TestHttpServer::requestArrivingByteByByte()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    const QByteArray body = "split body";
    const QByteArray request = "POST /split?a=b HTTP/1.1\r\nHost: test\r\nX-Test: in pieces\r\n"
                               "Content-Length: 10\r\n\r\n"
        + body;
    for (char byte : request) {
        client.send(QByteArray(1, byte));
        QTest::qWait(1);
    }
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, echoBody("POST", "/split", "a=b", body));
    QCOMPARE(client.responses()[0].header("X-Echo-Header"), QByteArray("in pieces"));
}

void TestHttpServer::keepAliveSequentialRequests()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    for (int i = 0; i < 100; ++i) {
        const QByteArray query = "i=" + QByteArray::number(i);
        client.send(getRequest("/seq?" + query));
        QVERIFY2(client.waitForResponses(i + 1), qPrintable(u"no response to request %1"_s.arg(i)));
        QCOMPARE(client.responses()[i].status, 200);
        QCOMPARE(client.responses()[i].body, echoBody("GET", "/seq", query, {}));
        QCOMPARE(client.responses()[i].header("Connection"), QByteArray("keep-alive"));
    }
    QVERIFY(!client.isDisconnected());
    QVERIFY(!client.hadParseError());
}

void TestHttpServer::pipelinedRequests()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send(getRequest("/first") + postRequest("/second", "payload") + getRequest("/third?last"));
    QVERIFY(client.waitForResponses(3));
    QCOMPARE(client.responses().size(), 3);
    QCOMPARE(client.responses()[0].body, echoBody("GET", "/first", {}, {}));
    QCOMPARE(client.responses()[1].body, echoBody("POST", "/second", {}, "payload"));
    QCOMPARE(client.responses()[2].body, echoBody("GET", "/third", "last", {}));
    QVERIFY(isOpen(client));
}

void TestHttpServer::pipelinedFloodIsAnsweredInOrder()
{
    // 200 x 64 KiB of answers to one write: far more than the socket buffers hold, so the server
    // has to stop parsing while the client catches up, and resume afterwards.
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    constexpr int count = 200;
    QByteArray batch;
    for (int i = 0; i < count; ++i)
        batch += getRequest("/big/" + QByteArray::number(65536 + i));
    client.send(batch);
    QVERIFY(client.waitForResponses(count, 20000));
    for (int i = 0; i < count; ++i) {
        QCOMPARE(client.responses()[i].status, 200);
        QCOMPARE(client.responses()[i].body.size(), 65536 + i);
    }
    QVERIFY(!client.hadParseError());
}

// A worker thread ends loop rounds (Core::LoopRound): work its handlers defer runs after the
// round, once however many requests of the round deferred it (three pipelined requests in one
// write: usually one round). The credit commit thread's wake-up relies on this.
void TestHttpServer::workerEndsLoopRounds()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/defer") + getRequest("/defer") + getRequest("/defer"));
    QVERIFY(client.waitForResponses(3));
    QTRY_VERIFY_WITH_TIMEOUT(m_roundEnds.load() >= 1, 10'000);
    QCOMPARE(m_deferHandled.load(), 3);
    QCOMPARE(m_deferRefused.load(), 0); // the worker thread has rounds
    QCOMPARE(m_ranInsideHandler.load(), 0); // not at once: at the end of the round
    QVERIFY2(m_roundEnds.load() <= 3, "deferred work ran more often than it was deferred");
    // This (test) thread has no rounds: the caller is told to do the work itself.
    QVERIFY(!Latchkey::Core::LoopRound::deferToEndOfRound(&m_roundEnds, [] {}));
}

void TestHttpServer::connectionPersistence_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("connectionHeader");
    QTest::addColumn<bool>("closed");

    QTest::newRow("HTTP/1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: t\r\n\r\n") << QByteArray("keep-alive")
                                      << false;
    QTest::newRow("HTTP/1.1 Connection: close")
        << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << QByteArray("close") << true;
    QTest::newRow("HTTP/1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("close") << true;
    QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                                         << QByteArray("keep-alive") << false;
    QTest::newRow("Upgrade is not supported") << QByteArray("GET / HTTP/1.1\r\nConnection: upgrade\r\n"
                                                            "Upgrade: websocket\r\n\r\n")
                                              << QByteArray("close") << true;
}

void TestHttpServer::connectionPersistence()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, connectionHeader);
    QFETCH(bool, closed);
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, echoBody("GET", "/", {}, {}));
    QCOMPARE(client.responses()[0].header("Connection"), connectionHeader);
    if (closed)
        QVERIFY(client.waitForDisconnected());
    else
        QVERIFY(isOpen(client));
}

void TestHttpServer::chunkedBody()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send("POST /chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (const char *chunk : {"5\r\nhello\r\n", "6;ext=1\r\n world\r\n", "0\r\nX-Trailer: t\r\n\r\n"}) {
        QTest::qWait(20);
        QVERIFY(client.responses().isEmpty());
        client.send(chunk);
    }
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, echoBody("POST", "/chunked", {}, "hello world"));
    QVERIFY(isOpen(client));
}

void TestHttpServer::expectContinue()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send("POST /upload HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 100);
    QVERIFY(client.received().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(!client.waitForResponses(2, 100)); // the final answer waits for the body

    client.send("abcde");
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses()[1].status, 200);
    QCOMPARE(client.responses()[1].body, echoBody("POST", "/upload", {}, "abcde"));

    // A client that sends the body right away gets no interim response.
    client.send("POST /eager HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");
    QVERIFY(client.waitForResponses(3));
    QCOMPARE(client.responses()[2].status, 200);
    QCOMPARE(client.responses()[2].body, echoBody("POST", "/eager", {}, "ok"));
}

void TestHttpServer::handlerExceptionGives500()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send(getRequest("/throw") + getRequest("/fine"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses()[0].status, 500);
    QCOMPARE(client.responses()[0].body, QByteArray("{\"error\":500}"));
    QCOMPARE(client.responses()[0].header("X-Error-Detail"), QByteArray("internal error"));
    QCOMPARE(client.responses()[1].status, 200);
    QCOMPARE(client.responses()[1].body, echoBody("GET", "/fine", {}, {}));
}

void TestHttpServer::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expectedDetail");

    QTest::newRow("binary garbage") << QByteArray("\x01\x02\x03garbage\r\n\r\n") << QByteArray("HPE_INVALID_METHOD");
    QTest::newRow("unknown method") << QByteArray("FOO / HTTP/1.1\r\n\r\n") << QByteArray("HPE_INVALID_METHOD");
    QTest::newRow("lowercase method") << QByteArray("get / HTTP/1.1\r\n\r\n") << QByteArray("HPE_INVALID_METHOD");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/x.1\r\n\r\n") << QByteArray("HPE_INVALID_VERSION");
    QTest::newRow("control character in target")
        << QByteArray("GET /\x7f HTTP/1.1\r\n\r\n") << QByteArray("HPE_INVALID_URL");
    QTest::newRow("separator in header name")
        << QByteArray("GET / HTTP/1.1\r\nBad(Header): x\r\n\r\n") << QByteArray("HPE_INVALID_HEADER_TOKEN");
    QTest::newRow("non-numeric Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << QByteArray("HPE_INVALID_CONTENT_LENGTH");
    QTest::newRow("Content-Length with chunked")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
        << QByteArray("HPE_UNEXPECTED_CONTENT_LENGTH");
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << QByteArray("HPE_INVALID_CHUNK_SIZE");
}

void TestHttpServer::malformedRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expectedDetail);
    auto server = startServer();
    QVERIFY(server);

    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    const HttpTestResponse &response = client.responses()[0];
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body, QByteArray("{\"error\":400}"));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY2(
        response.header("X-Error-Detail").startsWith(expectedDetail), response.header("X-Error-Detail").constData());
    QVERIFY(client.received().startsWith("HTTP/1.1 400 Bad Request\r\n"));
    QVERIFY(client.waitForDisconnected());

    HttpTestClient next;
    next.connectTo(server->serverPort());
    QVERIFY(next.waitForConnected());
    next.send(getRequest("/still-serving"));
    QVERIFY(next.waitForResponses(1));
    QCOMPARE(next.responses()[0].status, 200);
}

void TestHttpServer::headersTooLarge_data()
{
    QTest::addColumn<int>("maxHeaderBytes");
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("one long header") << 32 * 1024 << getRequest("/", "X-Big: " + QByteArray(40 * 1024, 'a') + "\r\n");
    QTest::newRow("many headers") << 32 * 1024 << getRequest("/", QByteArray("X-Many: 0123456789\r\n").repeated(2000));
    QTest::newRow("long request target") << 32 * 1024 << getRequest('/' + QByteArray(40 * 1024, 'p'));
    QTest::newRow("at a small limit") << 100 << getRequest("/", "X-Test: " + QByteArray(100, 'v') + "\r\n");
    // With a generous limit of ours, libhttp-parser's own 80 KiB limit answers.
    QTest::newRow("parser limit") << 1024 * 1024 << getRequest("/", "X-Big: " + QByteArray(100 * 1024, 'a') + "\r\n");
}

void TestHttpServer::headersTooLarge()
{
    QFETCH(int, maxHeaderBytes);
    QFETCH(QByteArray, request);
    HttpServerConfig config;
    config.maxHeaderBytes = maxHeaderBytes;
    auto server = startServer(config);
    QVERIFY(server);

    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 431);
    QCOMPARE(client.responses()[0].body, QByteArray("{\"error\":431}"));
    QCOMPARE(client.responses()[0].header("Connection"), QByteArray("close"));
    QVERIFY(client.received().startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::bodySize_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("expectedStatus");

    const QByteArray atLimit(1024, 'x');
    QTest::newRow("declared length at the limit") << postRequest("/ok", atLimit) << 200;
    // Only the headers are sent: the 413 proves the server did not wait for the body.
    QTest::newRow("declared length over the limit")
        << QByteArray("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 20000000\r\n\r\n") << 413;
    QTest::newRow("over the limit with 100-continue")
        << QByteArray("POST /big HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1025\r\n\r\n") << 413;
    QTest::newRow("chunked body at the limit")
        << QByteArray("POST /ok HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + atLimit + "\r\n0\r\n\r\n")
        << 200;
    QTest::newRow("chunked body growing over the limit")
        << QByteArray("POST /big HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + atLimit + "\r\n1\r\nx\r\n")
        << 413;
}

void TestHttpServer::bodySize()
{
    QFETCH(QByteArray, request);
    QFETCH(int, expectedStatus);
    HttpServerConfig config;
    config.maxBodyBytes = 1024;
    auto server = startServer(config);
    QVERIFY(server);

    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    const HttpTestResponse &response = client.responses()[0];
    QCOMPARE(response.status, expectedStatus);
    if (expectedStatus == 200) {
        QCOMPARE(response.body, echoBody("POST", "/ok", {}, QByteArray(1024, 'x')));
        return;
    }
    QCOMPARE(response.body, QByteArray("{\"error\":413}"));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(client.received().startsWith("HTTP/1.1 413 Payload Too Large\r\n"));
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::stalledRequestTimesOut()
{
    HttpServerConfig config;
    config.requestTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    QElapsedTimer timer;
    timer.start();
    client.send("GET /half HTTP/1.1\r\nHost: test\r\n"); // the blank line never comes
    QVERIFY(client.waitForResponses(1, 3000));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 250 && elapsed < 1500, qPrintable(QString::number(elapsed)));
    QCOMPARE(client.responses()[0].status, 408);
    QCOMPARE(client.responses()[0].body, QByteArray("{\"error\":408}"));
    QCOMPARE(client.responses()[0].header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::tricklingRequestTimesOut()
{
    // Sending a byte now and then must not extend the deadline (slowloris).
    HttpServerConfig config;
    config.requestTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    QElapsedTimer timer;
    timer.start();
    client.send("GET /trickle HTTP/1.1\r\n");
    while (client.responses().isEmpty() && timer.elapsed() < 3000) {
        client.send("X");
        QTest::qWait(50);
    }
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 408);
    QVERIFY(client.waitForDisconnected());
}

void TestHttpServer::idleConnectionIsClosed()
{
    HttpServerConfig config;
    config.idleTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    client.send(getRequest("/once"));
    QVERIFY(client.waitForResponses(1));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForDisconnected(3000));
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(client.responses().size(), 1); // closed silently, no 408
}

void TestHttpServer::activeConnectionIsKeptOpen()
{
    HttpServerConfig config;
    config.idleTimeoutMs = 1000;
    auto server = startServer(config);
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());

    // 1.6 s in total, longer than the idle timeout; each gap far shorter, so a loaded machine's
    // scheduling delays cannot make a gap reach it.
    for (int i = 0; i < 8; ++i) {
        client.send(getRequest("/tick"));
        QVERIFY(client.waitForResponses(i + 1));
        QTest::qWait(200);
    }
    QVERIFY(!client.isDisconnected());
}

void TestHttpServer::concurrentClients()
{
    HttpServerConfig config;
    config.workerThreads = 4;
    auto server = startServer(config);
    QVERIFY(server);

    constexpr int clientCount = 50;
    constexpr int requestsPerClient = 20;
    auto target = [](int client, int sequence) -> QByteArray {
        return "/c?client=" + QByteArray::number(client) + "&seq=" + QByteArray::number(sequence);
    };
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    int mismatches = 0;
    for (int i = 0; i < clientCount; ++i) {
        auto client = std::make_unique<HttpTestClient>();
        HttpTestClient *raw = client.get();
        // Each answer triggers the next request, so all clients keep the workers busy at once.
        raw->onResponse = [raw, i, target, &mismatches](const HttpTestResponse &response) {
            const int done = int(raw->responses().size()); // includes this response
            const QByteArray path = target(i, done - 1);
            if (response.status != 200 || response.body != echoBody("GET", "/c", path.mid(3), {}))
                ++mismatches;
            if (done < requestsPerClient)
                raw->send(getRequest(target(i, done)));
        };
        raw->connectTo(server->serverPort());
        clients.push_back(std::move(client));
    }
    for (int i = 0; i < clientCount; ++i) {
        QVERIFY(clients[size_t(i)]->waitForConnected());
        clients[size_t(i)]->send(getRequest(target(i, 0)));
    }
    for (const auto &client : clients)
        QVERIFY(client->waitForResponses(requestsPerClient, 15000));
    QCOMPARE(mismatches, 0);
    for (const auto &client : clients) {
        QCOMPARE(client->responses().size(), requestsPerClient);
        QVERIFY(!client->hadParseError());
    }
}

void TestHttpServer::shutdownDeliversInFlightResponse()
{
    auto server = startServer();
    QVERIFY(server);
    const quint16 port = server->serverPort();
    HttpTestClient client;
    client.connectTo(port);
    QVERIFY(client.waitForConnected());

    const int startedBefore = m_slowRequestsStarted;
    client.send(getRequest("/slow"));
    QVERIFY(QTest::qWaitFor([&] { return m_slowRequestsStarted > startedBefore; }, kWaitMs));
    QElapsedTimer timer;
    timer.start();
    server->shutdown(2000);
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!server->isListening());

    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, echoBody("GET", "/slow", {}, {}));
    QVERIFY(client.waitForDisconnected());

    HttpTestClient late;
    late.connectTo(port);
    QVERIFY(!late.waitForConnected() || late.waitForDisconnected());
}

void TestHttpServer::shutdownClosesIdleConnections()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/"));
    QVERIFY(client.waitForResponses(1));

    QElapsedTimer timer;
    timer.start();
    server->shutdown(5000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(client.waitForDisconnected());
    server->shutdown(5000); // idempotent
}

void TestHttpServer::listenOnUsedPortFails()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    HttpServerConfig config;
    config.port = occupant.serverPort();
    HttpServer server(
        config, [this](const Request &request) { return handle(request); }, &TestHttpServer::respondWithError);

    QString error;
    QVERIFY(!server.listen(&error));
    QCOMPARE(error, u"cannot listen on 127.0.0.1:%1: address already in use"_s.arg(config.port));
    QCOMPARE(server.serverPort(), quint16(0));

    HttpServerConfig tlsWithoutKey;
    tlsWithoutKey.tls = QSslConfiguration::defaultConfiguration();
    HttpServer tlsServer(
        tlsWithoutKey, [](const Request &) { return Response {}; }, nullptr);
    QVERIFY(!tlsServer.listen(&error));
    QVERIFY2(error.endsWith(u"the TLS configuration has no certificate or no private key"_s), qPrintable(error));
}

bool TestHttpServer::makeCertificate(const QTemporaryDir &dir, QSslCertificate &certificate, QSslKey &key)
{
    const QString certPath = dir.filePath(u"c.pem"_s);
    const QString keyPath = dir.filePath(u"k.pem"_s);
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s, u"/CN=localhost"_s, u"-days"_s,
            u"1"_s, u"-keyout"_s, keyPath, u"-out"_s, certPath});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        qWarning() << "openssl failed:" << openssl.readAll();
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certPath);
    QFile keyFile(keyPath);
    if (certificates.size() != 1 || !keyFile.open(QIODevice::ReadOnly))
        return false;
    certificate = certificates.constFirst();
    key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    return !key.isNull();
}

void TestHttpServer::tlsRoundTrip()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSslCertificate certificate;
    QSslKey key;
    QVERIFY(makeCertificate(dir, certificate, key));

    HttpServerConfig config;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    config.tls = tls;
    auto server = startServer(config);
    QVERIFY(server);

    auto *sslSocket = new QSslSocket;
    HttpTestClient client(sslSocket);
    sslSocket->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, certificate)});
    sslSocket->connectToHostEncrypted(u"127.0.0.1"_s, server->serverPort(), u"localhost"_s);
    QVERIFY2(QTest::qWaitFor([&] { return sslSocket->isEncrypted(); }, kWaitMs), qPrintable(sslSocket->errorString()));
    QCOMPARE(sslSocket->peerCertificate(), certificate);
    client.send(postRequest("/secure?x", "over tls") + getRequest("/again"));
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, echoBody("POST", "/secure", "x", "over tls"));
    QCOMPARE(client.responses()[1].body, echoBody("GET", "/again", {}, {}));

    HttpTestClient plain;
    plain.connectTo(server->serverPort());
    QVERIFY(plain.waitForConnected());
    plain.send(getRequest("/plain"));
    QVERIFY(plain.waitForDisconnected());
    QVERIFY(plain.responses().isEmpty());
    QVERIFY2(!plain.received().startsWith("HTTP/"), plain.received().constData());
}

void TestHttpServer::survivesHostileClients()
{
    HttpServerConfig config;
    config.requestTimeoutMs = 500;
    auto server = startServer(config);
    QVERIFY(server);
    const quint16 port = server->serverPort();
    QRandomGenerator random(20240601);
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    auto connectClient = [&] {
        clients.push_back(std::make_unique<HttpTestClient>());
        clients.back()->connectTo(port);
        return clients.back().get();
    };

    for (int i = 0; i < 30; ++i) { // random bytes: rejected or timed out, never a crash
        HttpTestClient *client = connectClient();
        QVERIFY(client->waitForConnected());
        QByteArray noise(512, Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(random.bounded(256));
        client->send(noise);
    }
    for (int i = 0; i < 10; ++i) { // half a request, then gone
        HttpTestClient *client = connectClient();
        QVERIFY(client->waitForConnected());
        client->send("POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part");
        client->socket()->abort();
    }
    for (int i = 0; i < 10; ++i) { // gone in the middle of a 4 MiB response
        HttpTestClient *client = connectClient();
        QVERIFY(client->waitForConnected());
        client->send(getRequest("/big/4194304"));
        QVERIFY(QTest::qWaitFor([&] { return !client->received().isEmpty(); }, kWaitMs));
        client->socket()->abort();
    }
    for (const auto &client : clients) {
        if (client->socket()->state() != QAbstractSocket::UnconnectedState)
            QVERIFY(client->waitForDisconnected(3000));
    }

    HttpTestClient survivor;
    survivor.connectTo(port);
    QVERIFY(survivor.waitForConnected());
    survivor.send(getRequest("/alive"));
    QVERIFY(survivor.waitForResponses(1));
    QCOMPARE(survivor.responses()[0].body, echoBody("GET", "/alive", {}, {}));
}

QTEST_GUILESS_MAIN(TestHttpServer)

#include "tst_httpserver.moc"
