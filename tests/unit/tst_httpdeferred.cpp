// Tests of deferred responses (Latchkey::Http::DeferredResponse) through the real engine: a
// handler hands back a DeferredResponse and another thread completes it later.

#include "http/deferredresponse.h"
#include "http/httpserver.h"
#include "http/responsestream.h"
#include "support/httptestclient.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Latchkey::Http;
using Latchkey::Testing::HttpTestClient;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 5000;

QByteArray getRequest(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
}

Response textResponse(const QByteArray &body)
{
    Response response;
    response.setHeader("Content-Type", "text/plain");
    response.body = body;
    return response;
}

Response respondWithError(int status, const QString &detail)
{
    Response response;
    response.status = status;
    response.setHeader("X-Error-Detail", detail.toUtf8());
    response.body = QByteArray::number(status);
    return response;
}

} // namespace

class TestHttpDeferred : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completedFromAnotherThread();
    void completedInsideTheHandler();
    void pipelinedRequestsKeepTheirOrder();
    void clientGoneAbandonsTheResponse();
    void neverCompletedGives503();
    void deferredStreamGives500();
    void shutdownAbandonsPendingResponses();

private:
    /// Serves "/now/<body>" at once and "/later/<body>" deferred; deferred ones are kept in
    /// m_pending until a test completes them.
    std::unique_ptr<HttpServer> startServer(HttpServerConfig config = {});
    Response handle(const Request &request);
    std::shared_ptr<DeferredResponse> waitForPending(int timeoutMs = kWaitMs);

    QMutex m_lock;
    QList<std::shared_ptr<DeferredResponse>> m_pending;
};

std::unique_ptr<HttpServer> TestHttpDeferred::startServer(HttpServerConfig config)
{
    auto server = std::make_unique<HttpServer>(
        std::move(config), [this](const Request &request) { return handle(request); }, &respondWithError);
    QString error;
    if (!server->listen(&error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    return server;
}

Response TestHttpDeferred::handle(const Request &request)
{
    if (request.path.startsWith("/now/"))
        return textResponse(request.path.mid(5));
    Response response;
    response.deferred = std::make_shared<DeferredResponse>();
    if (request.path.startsWith("/sync/")) {
        response.deferred->complete(textResponse(request.path.mid(6)));
    } else if (request.path == "/stream") {
        Response streaming;
        streaming.stream = std::make_shared<ResponseStream>();
        response.deferred->complete(streaming);
    } else {
        QMutexLocker locker(&m_lock);
        m_pending.append(response.deferred);
    }
    return response;
}

std::shared_ptr<DeferredResponse> TestHttpDeferred::waitForPending(int timeoutMs)
{
    std::shared_ptr<DeferredResponse> pending;
    const bool found = QTest::qWaitFor(
        [&] {
            QMutexLocker locker(&m_lock);
            if (!m_pending.isEmpty())
                pending = m_pending.takeFirst();
            return pending != nullptr;
        },
        timeoutMs);
    return found ? pending : nullptr;
}

void TestHttpDeferred::completedFromAnotherThread()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/later/a"));
    const auto pending = waitForPending();
    QVERIFY(pending);
    QVERIFY(!client.waitForResponses(1, 100)); // nothing is sent before it completes

    std::unique_ptr<QThread> completer(QThread::create([pending] { pending->complete(textResponse("done")); }));
    completer->start();
    QVERIFY(client.waitForResponses(1, kWaitMs));
    QVERIFY(completer->wait(kWaitMs));
    QCOMPARE(client.responses()[0].status, 200);
    QCOMPARE(client.responses()[0].body, QByteArray("done"));
    QVERIFY(!pending->complete(textResponse("again"))); // the first completion wins

    client.send(getRequest("/now/b")); // the connection is kept alive
    QVERIFY(client.waitForResponses(2, kWaitMs));
    QCOMPARE(client.responses()[1].body, QByteArray("b"));
}

void TestHttpDeferred::completedInsideTheHandler()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/sync/x") + getRequest("/sync/y"));
    QVERIFY(client.waitForResponses(2, kWaitMs));
    QCOMPARE(client.responses()[0].body, QByteArray("x"));
    QCOMPARE(client.responses()[1].body, QByteArray("y"));
}

void TestHttpDeferred::pipelinedRequestsKeepTheirOrder()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    // The second and third request must wait behind the first, although they could be answered
    // at once, and the second deferred one must only be handled after the first is written.
    client.send(getRequest("/now/1") + getRequest("/later/2") + getRequest("/now/3") + getRequest("/later/4")
        + getRequest("/now/5"));
    const auto second = waitForPending();
    QVERIFY(second);
    QVERIFY(client.waitForResponses(1, kWaitMs));
    QVERIFY(!client.waitForResponses(2, 100));
    QVERIFY(second->complete(textResponse("2")));
    const auto fourth = waitForPending();
    QVERIFY(fourth);
    QVERIFY(client.waitForResponses(3, kWaitMs));
    QVERIFY(!client.waitForResponses(4, 100));
    QVERIFY(fourth->complete(textResponse("4")));
    QVERIFY(client.waitForResponses(5, kWaitMs));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client.responses()[i].body, QByteArray::number(i + 1));
}

void TestHttpDeferred::clientGoneAbandonsTheResponse()
{
    auto server = startServer();
    QVERIFY(server);
    std::shared_ptr<DeferredResponse> pending;
    {
        HttpTestClient client;
        client.connectTo(server->serverPort());
        QVERIFY(client.waitForConnected());
        client.send(getRequest("/later/gone"));
        pending = waitForPending();
        QVERIFY(pending);
        QVERIFY(!pending->isAbandoned());
        client.socket()->abort();
    }
    QTRY_VERIFY_WITH_TIMEOUT(pending->isAbandoned(), kWaitMs);
    QVERIFY(!pending->complete(textResponse("too late")));
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, kWaitMs);
}

void TestHttpDeferred::neverCompletedGives503()
{
    HttpServerConfig config;
    config.requestTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/later/forever"));
    const auto pending = waitForPending();
    QVERIFY(pending);
    QVERIFY(client.waitForResponses(1, kWaitMs));
    QCOMPARE(client.responses()[0].status, 503);
    QVERIFY(client.responses()[0].header("X-Error-Detail").contains("300 ms"));
    QVERIFY(client.waitForDisconnected(kWaitMs));
    QVERIFY(pending->isAbandoned());
}

void TestHttpDeferred::deferredStreamGives500()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    QTest::ignoreMessage(QtWarningMsg, "a deferred response cannot carry a stream or be deferred again");
    client.send(getRequest("/stream"));
    QVERIFY(client.waitForResponses(1, kWaitMs));
    QCOMPARE(client.responses()[0].status, 500);
}

void TestHttpDeferred::shutdownAbandonsPendingResponses()
{
    auto server = startServer();
    QVERIFY(server);
    HttpTestClient client;
    client.connectTo(server->serverPort());
    QVERIFY(client.waitForConnected());
    client.send(getRequest("/later/shutdown"));
    const auto pending = waitForPending();
    QVERIFY(pending);
    server->shutdown(100); // nobody completes it within the grace period
    QVERIFY(pending->isAbandoned());
    QVERIFY(client.waitForDisconnected(kWaitMs));
    QCOMPARE(client.responses().size(), 0);
}

QTEST_MAIN(TestHttpDeferred)
#include "tst_httpdeferred.moc"
