// Tests of streaming responses (Http::ResponseStream) through real sockets on 127.0.0.1: chunks
// reach the client as the producer writes them, from a thread that is not the connection's; a
// client that disconnects, a server that shuts down and a client that does not read all close
// the stream in a way the producer observes, and memory stays bounded.

#include "http/httpserver.h"
#include "http/responsestream.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>

using namespace Latchkey::Http;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 5000;

/// What the handler handed out, for the test thread to feed (the producer thread in these tests).
struct Streams {
    std::mutex mutex;
    QList<std::shared_ptr<ResponseStream>> list;
    std::atomic<int> closedCallbacks {0};
    qsizetype maxBuffered = 64 * 1024;

    std::shared_ptr<ResponseStream> at(qsizetype i)
    {
        std::lock_guard lock(mutex);
        return i < list.size() ? list.at(i) : nullptr;
    }
};

/// A raw client that records every byte and splits the response into head and de-chunked body.
class StreamClient
{
public:
    explicit StreamClient(quint16 port, const QByteArray &path = "/stream")
    {
        m_socket.connectToHost(u"127.0.0.1"_s, port);
        m_socket.write("POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n{}");
    }
    QTcpSocket &socket() { return m_socket; }

    QByteArray received()
    {
        m_received += m_socket.readAll();
        return m_received;
    }
    QByteArray head()
    {
        const QByteArray all = received();
        const qsizetype end = all.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : all.left(end + 4);
    }
    /// The chunk payloads so far; @p complete tells whether the last chunk arrived.
    QByteArrayList chunks(bool *complete = nullptr)
    {
        const QByteArray all = received();
        qsizetype pos = all.indexOf("\r\n\r\n");
        QByteArrayList out;
        if (complete)
            *complete = false;
        if (pos < 0)
            return out;
        pos += 4;
        for (;;) {
            const qsizetype lineEnd = all.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return out;
            bool ok = false;
            const qsizetype size = all.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok || all.size() < lineEnd + 2 + size + 2)
                return out;
            if (size == 0) {
                if (complete)
                    *complete = true;
                return out;
            }
            out.append(all.mid(lineEnd + 2, size));
            pos = lineEnd + 2 + size + 2;
        }
    }
    bool disconnected()
    {
        received();
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestHttpStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void chunksArriveAsTheyAreWritten();
    void dataWrittenBeforeTheEngineAttachesIsSent();
    void plainResponsesAreUnchanged();
    void clientDisconnectIsObserved();
    void shutdownEndsOpenStreams();
    void slowReaderIsDropped();
    void chunkEncoding();

private:
    std::unique_ptr<HttpServer> m_server;
    std::shared_ptr<Streams> m_streams;
};

void TestHttpStream::init()
{
    m_streams = std::make_shared<Streams>();
    HttpServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.workerThreads = 2;
    auto streams = m_streams;
    m_server = std::make_unique<HttpServer>(
        config,
        [streams](const Request &request) {
            Response response;
            response.setHeader("Content-Type", "text/event-stream");
            if (request.path == "/plain") {
                response.body = "plain";
                return response;
            }
            auto stream = std::make_shared<ResponseStream>(streams->maxBuffered);
            // Weak: the list holds the streams, so a strong capture would be a reference cycle.
            stream->setOnClosed([weak = std::weak_ptr<Streams>(streams)](ResponseStream::CloseReason) {
                if (const auto owner = weak.lock())
                    ++owner->closedCallbacks;
            });
            if (request.path == "/early")
                stream->write("early");
            response.stream = stream;
            std::lock_guard lock(streams->mutex);
            streams->list.append(stream);
            return response;
        },
        [](int status, const QString &) {
            Response response;
            response.status = status;
            return response;
        });
    QVERIFY(m_server->listen());
}

void TestHttpStream::cleanup()
{
    if (m_server)
        m_server->shutdown(1000);
    m_server.reset();
}

void TestHttpStream::chunksArriveAsTheyAreWritten()
{
    StreamClient client(m_server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!client.head().isEmpty(), kWaitMs);
    const QByteArray head = client.head();
    QVERIFY2(head.startsWith("HTTP/1.1 200 OK\r\n"), head.constData());
    QVERIFY(head.contains("Transfer-Encoding: chunked\r\n"));
    QVERIFY(head.contains("Content-Type: text/event-stream\r\n"));
    QVERIFY(head.contains("Connection: close\r\n"));
    QVERIFY(!head.contains("Content-Length"));
    const auto stream = m_streams->at(0);
    QVERIFY(stream);

    // Each write shows up on its own, before the stream ends.
    QVERIFY(stream->write("data: one\n\n"));
    QTRY_COMPARE_WITH_TIMEOUT(client.chunks(), QByteArrayList {"data: one\n\n"}, kWaitMs);
    QVERIFY(stream->write("data: two\n\n"));
    QVERIFY(stream->write(QByteArray())); // ignored: an empty chunk would end the body
    QTRY_COMPARE_WITH_TIMEOUT(client.chunks().size(), 2, kWaitMs);
    QCOMPARE(client.chunks().at(1), "data: two\n\n");
    QVERIFY(!client.disconnected());

    stream->close();
    QVERIFY(!stream->write("late"));
    bool complete = false;
    QTRY_VERIFY_WITH_TIMEOUT((client.chunks(&complete), complete), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected(), kWaitMs);
    QCOMPARE(stream->closeReason(), ResponseStream::CloseReason::Finished);
    QCOMPARE(m_streams->closedCallbacks.load(), 0); // the producer ended it: no callback
}

void TestHttpStream::dataWrittenBeforeTheEngineAttachesIsSent()
{
    StreamClient client(m_server->serverPort(), "/early");
    QTRY_COMPARE_WITH_TIMEOUT(client.chunks(), QByteArrayList {"early"}, kWaitMs);
}

void TestHttpStream::plainResponsesAreUnchanged()
{
    StreamClient client(m_server->serverPort(), "/plain");
    QTRY_VERIFY_WITH_TIMEOUT(client.received().endsWith("plain"), kWaitMs);
    QVERIFY(client.received().contains("Content-Length: 5\r\n"));
    QVERIFY(!client.received().contains("chunked"));
    QVERIFY(!client.disconnected()); // keep-alive as before
}

void TestHttpStream::clientDisconnectIsObserved()
{
    auto client = std::make_unique<StreamClient>(m_server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!client->head().isEmpty(), kWaitMs);
    const auto stream = m_streams->at(0);
    QVERIFY(stream->write("x"));
    QVERIFY(!stream->isClosed());
    client->socket().disconnectFromHost();
    client.reset();
    QTRY_VERIFY_WITH_TIMEOUT(stream->isClosed(), kWaitMs);
    QCOMPARE(stream->closeReason(), ResponseStream::CloseReason::ClientGone);
    QCOMPARE(m_streams->closedCallbacks.load(), 1);
    QVERIFY(!stream->write("y"));
    QCOMPARE(stream->bufferedBytes(), 0);
}

void TestHttpStream::shutdownEndsOpenStreams()
{
    StreamClient first(m_server->serverPort());
    StreamClient second(m_server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!first.head().isEmpty() && !second.head().isEmpty(), kWaitMs);
    QVERIFY(m_streams->at(0)->write("before"));
    QTRY_COMPARE_WITH_TIMEOUT(first.chunks().size() + second.chunks().size(), 1, kWaitMs);

    QElapsedTimer timer;
    timer.start();
    m_server->shutdown(3000);
    QVERIFY2(timer.elapsed() < 2000, "an open stream must not hold the shutdown for its grace period");
    for (qsizetype i = 0; i < 2; ++i) {
        QCOMPARE(m_streams->at(i)->closeReason(), ResponseStream::CloseReason::Shutdown);
        QVERIFY(!m_streams->at(i)->write("after"));
    }
    QCOMPARE(m_streams->closedCallbacks.load(), 2);
    // Each client sees a well-formed end of the body, then the connection closes.
    for (StreamClient *client : {&first, &second}) {
        bool complete = false;
        QTRY_VERIFY_WITH_TIMEOUT((client->chunks(&complete), complete), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(client->disconnected(), kWaitMs);
    }
}

void TestHttpStream::slowReaderIsDropped()
{
    StreamClient client(m_server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!client.head().isEmpty(), kWaitMs);
    // From now on the client reads nothing: Qt stops pulling from the kernel once 1 KiB waits.
    client.socket().setReadBufferSize(1024);
    const auto stream = m_streams->at(0);
    const QByteArray chunk(16 * 1024, 'z');
    qint64 written = 0;
    QElapsedTimer timer;
    timer.start();
    while (stream->write(chunk)) {
        written += chunk.size();
        QVERIFY(stream->bufferedBytes() <= stream->maxBufferedBytes());
        QVERIFY2(written < 512LL * 1024 * 1024, "the stream kept accepting data nobody reads");
        QVERIFY2(timer.elapsed() < 20000, "no backpressure within 20 s");
        if (stream->bufferedBytes() > stream->maxBufferedBytes() / 2)
            QThread::msleep(1); // let the engine drain what it can, like a paced producer
    }
    QCOMPARE(stream->closeReason(), ResponseStream::CloseReason::Overflow);
    QCOMPARE(stream->bufferedBytes(), 0); // the buffer is released at once
    QCOMPARE(m_streams->closedCallbacks.load(), 1);
    // The connection is dropped; the server still serves others.
    client.socket().setReadBufferSize(0);
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected(), kWaitMs);
    StreamClient other(m_server->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(!other.head().isEmpty(), kWaitMs);
}

void TestHttpStream::chunkEncoding()
{
    // Without an engine: what a producer wrote comes out in order, and close() is reported once
    // everything was taken.
    ResponseStream stream(10);
    int wakes = 0;
    QVERIFY(!stream.attach([&wakes] { ++wakes; }));
    QVERIFY(stream.write("abc"));
    QVERIFY(stream.write("def"));
    QCOMPARE(wakes, 1); // one wake-up per batch
    bool finished = true;
    QCOMPARE(stream.take(&finished), (QByteArrayList {"abc", "def"}));
    QVERIFY(!finished);
    QVERIFY(stream.write("0123456789"));
    QCOMPARE(wakes, 2);
    QVERIFY(!stream.write("!")); // 11 bytes would wait: overflow
    QCOMPARE(stream.closeReason(), ResponseStream::CloseReason::Overflow);
    QVERIFY(stream.take(&finished).isEmpty());
    QVERIFY(!finished);

    ResponseStream closing;
    QVERIFY(closing.write("last"));
    closing.close();
    QVERIFY(closing.isClosed());
    QCOMPARE(closing.take(&finished), QByteArrayList {"last"});
    QVERIFY(finished);
}

QTEST_MAIN(TestHttpStream)
#include "tst_httpstream.moc"
