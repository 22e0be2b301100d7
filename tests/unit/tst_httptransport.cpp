// Edge cases of the HTTP engine's plain-TCP transport (Latchkey::Http::PlainTcpTransport on the
// epoll worker loop) through real sockets on 127.0.0.1, driven by a raw POSIX client so that the
// test controls exactly how bytes are split, when the client reads and how it closes.
//
// The listening socket lives on the test thread: the client never blocks, it polls its socket in
// short slices and spins the event loop in between.

#include "http/httpserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <memory>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Latchkey::Http;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;

/// A response the client has parsed: status and body (the engine always frames with Content-Length).
struct Parsed {
    int status = 0;
    QByteArray body;
    bool close = false;
};

/// Complete responses at the start of @p data; @p rest receives the bytes after them.
QList<Parsed> parseResponses(const QByteArray &data, qsizetype *consumed = nullptr)
{
    QList<Parsed> result;
    qsizetype pos = 0;
    while (true) {
        const qsizetype headEnd = data.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            break;
        const QByteArray head = data.mid(pos, headEnd - pos).toLower();
        const qsizetype lengthAt = head.indexOf("content-length: ");
        const qsizetype length = lengthAt < 0 ? 0 : head.mid(lengthAt + 16, head.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
        if (data.size() < headEnd + 4 + length)
            break;
        result.append({head.mid(9, 3).toInt(), data.mid(headEnd + 4, length), head.contains("connection: close")});
        pos = headEnd + 4 + length;
    }
    if (consumed)
        *consumed = pos;
    return result;
}

/// A blocking-free raw TCP client.
class RawClient
{
public:
    explicit RawClient(quint16 port, int receiveBuffer = 0)
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (receiveBuffer > 0) // before connect(), so the window is small from the start
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~RawClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    [[nodiscard]] bool isConnected() const { return m_connected; }

    /// Sends everything, spinning the event loop while the kernel's buffer is full.
    bool send(const QByteArray &data)
    {
        qsizetype sent = 0;
        QElapsedTimer clock;
        clock.start();
        while (sent < data.size() && clock.elapsed() < kWaitMs) {
            const ssize_t n = ::send(m_fd, data.data() + sent, size_t(data.size() - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0)
                sent += n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                return false;
            else
                spin(5);
        }
        return sent == data.size();
    }

    /// Reads until @p done holds for what was received (true) or the peer closed or time ran out.
    bool readUntil(const std::function<bool(const QByteArray &)> &done, int timeoutMs = kWaitMs, qsizetype maxBytes = -1)
    {
        QElapsedTimer clock;
        clock.start();
        while (!done(received)) {
            if (m_closed || clock.elapsed() > timeoutMs)
                return false;
            readSome(maxBytes);
        }
        return true;
    }
    /// Reads until the peer closes; false on timeout.
    bool waitClosed(int timeoutMs = kWaitMs)
    {
        readUntil([this](const QByteArray &) { return m_closed; }, timeoutMs);
        return m_closed;
    }
    /// Closes with a reset (SO_LINGER 0) instead of an orderly FIN.
    void reset()
    {
        const linger hard {1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(m_fd);
        m_fd = -1;
    }
    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }

    QByteArray received;

private:
    static void spin(int ms)
    {
        QCoreApplication::processEvents(QEventLoop::AllEvents, ms);
        QTest::qSleep(1);
    }
    void readSome(qsizetype maxBytes)
    {
        QCoreApplication::processEvents(); // the acceptor lives on this thread
        pollfd entry {m_fd, POLLIN, 0};
        if (::poll(&entry, 1, 5) <= 0)
            return;
        char buffer[64 * 1024];
        const size_t want = maxBytes > 0 ? size_t(qMin<qsizetype>(maxBytes, sizeof buffer)) : sizeof buffer;
        const ssize_t n = ::recv(m_fd, buffer, want, MSG_DONTWAIT);
        if (n > 0)
            received.append(buffer, n);
        else if (n == 0 || (errno != EAGAIN && errno != EINTR))
            m_closed = true;
    }

    int m_fd;
    bool m_connected = false;
    bool m_closed = false;
};

QByteArray post(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n";
}

/// Bytes that differ from position to position, so a lost, doubled or reordered slice shows.
QByteArray pattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char('a' + (i * 7 + i / 251) % 26);
    return data;
}

auto responsesAtLeast(qsizetype count)
{
    return [count](const QByteArray &data) { return parseResponses(data).size() >= count; };
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodiesAcrossReadBufferSizes_data();
    void bodiesAcrossReadBufferSizes();
    void requestSplitByteByByte();
    void pipelinedRequestsInOnePacket();
    void largeResponseToASlowReader();
    void peerResetMidResponse();
    void halfClosedClientGetsItsResponse();
    void idleTimeoutClosesAfterTheLastResponse();
    void workersOnQtsDefaultLoopServeAlike();

private:
    std::unique_ptr<HttpServer> startServer(HttpServerConfig config = {});
    static Response handle(const Request &request);
};

std::unique_ptr<HttpServer> TestHttpTransport::startServer(HttpServerConfig config)
{
    config.workerThreads = 1;
    auto server = std::make_unique<HttpServer>(std::move(config), &TestHttpTransport::handle, [](int status, const QString &) {
        Response response;
        response.status = status;
        return response;
    });
    return server->listen() ? std::move(server) : nullptr;
}

/// /echo answers the body, /big/N answers pattern(N), anything else the path.
Response TestHttpTransport::handle(const Request &request)
{
    Response response;
    if (request.path == "/echo")
        response.body = request.body;
    else if (request.path.startsWith("/big/"))
        response.body = pattern(request.path.mid(5).toLongLong());
    else
        response.body = request.path;
    return response;
}

void TestHttpTransport::bodiesAcrossReadBufferSizes_data()
{
    QTest::addColumn<int>("size");
    // Around the transport's 16 KiB read chunk and 4 KiB minimum room, the 64 KiB buffer kept per
    // connection, and beyond the 256 KiB of unparsed input at which reading pauses.
    for (const int size : {0, 1, 4095, 4096, 16383, 16384, 16385, 65536, 65537, 262144, 300001, 1048576})
        QTest::addRow("%d bytes", size) << size;
}

void TestHttpTransport::bodiesAcrossReadBufferSizes()
{
    QFETCH(int, size);
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->serverPort());
    QVERIFY(client.isConnected());
    const QByteArray body = pattern(size);
    // Two requests in one write: the second one starts wherever the first one's body ends.
    QVERIFY(client.send(post("/echo", body) + get("/after")));
    QVERIFY(client.readUntil(responsesAtLeast(2)));
    const QList<Parsed> responses = parseResponses(client.received);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses[0].status, 200);
    QVERIFY(responses[0].body == body);
    QCOMPARE(responses[1].body, QByteArray("/after"));
}

void TestHttpTransport::requestSplitByteByByte()
{
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->serverPort());
    QVERIFY(client.isConnected());
    const QByteArray request = post("/echo", "split into single bytes") + get("/second");
    for (const char byte : request) {
        QVERIFY(client.send(QByteArray(1, byte)));
        QCoreApplication::processEvents();
        QTest::qSleep(1); // each byte its own segment, most of the time its own read
    }
    QVERIFY(client.readUntil(responsesAtLeast(2)));
    const QList<Parsed> responses = parseResponses(client.received);
    QCOMPARE(responses[0].body, QByteArray("split into single bytes"));
    QCOMPARE(responses[1].body, QByteArray("/second"));
}

void TestHttpTransport::pipelinedRequestsInOnePacket()
{
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->serverPort());
    QVERIFY(client.isConnected());
    constexpr int count = 300;
    QByteArray batch;
    for (int i = 0; i < count; ++i)
        batch += i % 2 ? get("/get-" + QByteArray::number(i)) : post("/echo", "post-" + QByteArray::number(i));
    QVERIFY(client.send(batch));
    QVERIFY(client.readUntil(responsesAtLeast(count)));
    const QList<Parsed> responses = parseResponses(client.received);
    QCOMPARE(responses.size(), count); // nothing more, nothing less, in order
    for (int i = 0; i < count; ++i)
        QCOMPARE(responses[i].body, (i % 2 ? "/get-" : "post-") + QByteArray::number(i));
}

void TestHttpTransport::largeResponseToASlowReader()
{
    auto server = startServer();
    QVERIFY(server);
    // A small receive window: the kernel takes a fraction of the response, the rest waits in the
    // transport behind its write notifier.
    RawClient client(server->serverPort(), 4096);
    QVERIFY(client.isConnected());
    constexpr qsizetype size = 6 * 1024 * 1024;
    QVERIFY(client.send(get("/big/" + QByteArray::number(size)) + get("/next")));
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 1, kWaitMs);
    QTest::qWait(200); // not reading: the server must not block or spin meanwhile
    // Read in small slices with pauses, then the rest.
    for (int i = 0; i < 20; ++i) {
        QVERIFY(!client.readUntil([](const QByteArray &) { return false; }, 10, 1024));
    }
    QVERIFY(client.readUntil(responsesAtLeast(2)));
    const QList<Parsed> responses = parseResponses(client.received);
    QCOMPARE(responses[0].body.size(), size);
    QVERIFY(responses[0].body == pattern(size));
    QCOMPARE(responses[1].body, QByteArray("/next"));
    // The connection is still usable after its output drained through the notifier.
    QVERIFY(client.send(get("/third")));
    QVERIFY(client.readUntil(responsesAtLeast(3)));
    QCOMPARE(parseResponses(client.received)[2].body, QByteArray("/third"));
}

void TestHttpTransport::peerResetMidResponse()
{
    auto server = startServer();
    QVERIFY(server);
    {
        RawClient client(server->serverPort(), 4096);
        QVERIFY(client.isConnected());
        QVERIFY(client.send(get("/big/" + QByteArray::number(16 * 1024 * 1024))));
        QVERIFY(client.readUntil([](const QByteArray &data) { return data.size() > 100000; }));
        client.reset(); // the server is in the middle of sending: its next send fails
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, kWaitMs);
    // The worker is fine: a new client is served.
    RawClient next(server->serverPort());
    QVERIFY(next.send(get("/alive")));
    QVERIFY(next.readUntil(responsesAtLeast(1)));
    QCOMPARE(parseResponses(next.received)[0].body, QByteArray("/alive"));
}

void TestHttpTransport::halfClosedClientGetsItsResponse()
{
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->serverPort());
    QVERIFY(client.send(post("/echo", "then FIN") + get("/pipelined")));
    client.shutdownWrite(); // the end of input arrives with, or right after, the requests
    QVERIFY(client.waitClosed());
    const QList<Parsed> responses = parseResponses(client.received);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses[0].body, QByteArray("then FIN"));
    QCOMPARE(responses[1].body, QByteArray("/pipelined"));
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, kWaitMs);
}

void TestHttpTransport::idleTimeoutClosesAfterTheLastResponse()
{
    HttpServerConfig config;
    config.idleTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    RawClient client(server->serverPort());
    QVERIFY(client.send(get("/once")));
    QVERIFY(client.readUntil(responsesAtLeast(1)));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.waitClosed());
    // Not at once: the deadline (300 ms) was set as the response left the server; the margin
    // covers a slow delivery of the response to this client on a loaded machine.
    QVERIFY2(clock.elapsed() >= 100, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(parseResponses(client.received).size(), 1); // closed silently
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, kWaitMs);
}

void TestHttpTransport::workersOnQtsDefaultLoopServeAlike()
{
    // The transport does not depend on the epoll dispatcher: Qt's default loop serves it too.
    HttpServerConfig config;
    config.workerEventLoop = HttpServerConfig::WorkerEventLoop::QtDefault;
    auto server = startServer(config);
    QVERIFY(server);
    RawClient client(server->serverPort(), 4096);
    constexpr qsizetype size = 2 * 1024 * 1024;
    QVERIFY(client.send(post("/echo", pattern(300001)) + get("/big/" + QByteArray::number(size))));
    QVERIFY(client.readUntil(responsesAtLeast(2)));
    const QList<Parsed> responses = parseResponses(client.received);
    QVERIFY(responses[0].body == pattern(300001));
    QVERIFY(responses[1].body == pattern(size));
}

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
