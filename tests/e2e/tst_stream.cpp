#include "support/latchkeydprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::LatchkeydProcess;

namespace {

/// Reads a chunked text/event-stream body off a raw socket as it arrives.
class StreamReader
{
public:
    explicit StreamReader(QTcpSocket &socket) : m_socket(socket) { }

    /// Reads until the response headers are complete; returns them (status line included).
    QByteArray readHeaders(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_raw.contains("\r\n\r\n") && timer.elapsed() < timeoutMs)
            pull(100);
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        const QByteArray headers = m_raw.left(end);
        m_raw.remove(0, end + 4);
        return headers;
    }

    /// One SSE message: its `event:` name and its `data:` payload.
    struct Message {
        QByteArray event;
        QJsonObject data;
    };

    /// Every `data:` payload of the SSE messages received so far, as JSON objects.
    QList<QJsonObject> messages(int waitMs)
    {
        QList<QJsonObject> parsed;
        for (const Message &message : events(waitMs))
            parsed.append(message.data);
        return parsed;
    }

    /// The SSE messages received so far with their event names (comments are skipped).
    QList<Message> events(int waitMs)
    {
        pull(waitMs);
        dechunk();
        QList<Message> parsed;
        qsizetype end = -1;
        while ((end = m_body.indexOf("\n\n")) >= 0) {
            const QByteArray text = m_body.left(end);
            m_body.remove(0, end + 2);
            Message message;
            for (const QByteArray &line : text.split('\n')) {
                if (line.startsWith("event:"))
                    message.event = line.mid(6).trimmed();
                else if (line.startsWith("data:"))
                    message.data = QJsonDocument::fromJson(line.mid(5).trimmed()).object();
            }
            if (!message.event.isEmpty())
                parsed.append(message);
        }
        return parsed;
    }

private:
    void pull(int waitMs)
    {
        if (m_socket.bytesAvailable() == 0)
            m_socket.waitForReadyRead(waitMs);
        m_raw += m_socket.readAll();
    }

    // Transfer-Encoding: chunked — "<hex size>\r\n<bytes>\r\n", complete chunks only.
    void dechunk()
    {
        for (;;) {
            const qsizetype lineEnd = m_raw.indexOf("\r\n");
            if (lineEnd < 0)
                return;
            bool ok = false;
            const qsizetype size = m_raw.left(lineEnd).toLongLong(&ok, 16);
            if (!ok || m_raw.size() < lineEnd + 2 + size + 2)
                return;
            m_body += m_raw.mid(lineEnd + 2, size);
            m_raw.remove(0, lineEnd + 2 + size + 2);
        }
    }

    QTcpSocket &m_socket;
    QByteArray m_raw;
    QByteArray m_body;
};

/// Opens POST /v2/analytics.stream with @p body on @p socket; the response headers on success.
QByteArray openStream(QTcpSocket &socket, StreamReader &reader, const LatchkeydProcess &server, const QByteArray &body)
{
    socket.connectToHost(u"127.0.0.1"_s, server.port());
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("POST /v2/analytics.stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Authorization: Bearer " + server.rootKey().toUtf8() + "\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return reader.readHeaders(5000);
}

} // namespace

/// The live stream against the real binary: POST /v2/analytics.stream with the root key in the
/// Authorization header only, ticks whose counts match the verifications sent.
class TestStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsMoveWithVerifications();
    void needsTheRootKeyInTheHeader();
    void ratelimitChecksAndExternalIds();
};

void TestStream::countsMoveWithVerifications()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const auto api = server.call(u"apis.createApi"_s, {{u"name"_s, u"streamed"_s}});
    QVERIFY2(api.status == 200, api.describe().constData());
    const auto key = server.call(u"keys.createKey"_s, {{u"apiId"_s, api.data().value(u"apiId")}});
    QVERIFY2(key.status == 200, key.describe().constData());

    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, server.port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = R"({"scope":"workspace"})";
    socket.write("POST /v2/analytics.stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Authorization: Bearer " + server.rootKey().toUtf8() + "\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    StreamReader reader(socket);
    const QByteArray headers = reader.readHeaders(5000);
    QVERIFY2(headers.startsWith("HTTP/1.1 200"), headers.constData());
    QVERIFY2(headers.toLower().contains("content-type: text/event-stream"), headers.constData());

    for (int i = 0; i < 3; ++i) {
        const auto verified = server.call(u"keys.verifyKey"_s, {{u"key"_s, key.data().value(u"key")}});
        QCOMPARE(verified.data().value(u"code").toString(), u"VALID"_s);
    }
    const auto disabled = server.call(u"keys.updateKey"_s, {{u"keyId"_s, key.data().value(u"keyId")},
                                                          {u"enabled"_s, false}});
    QCOMPARE(disabled.status, 200);
    QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, key.data().value(u"key")}}).data().value(u"code"),
             QJsonValue(u"DISABLED"_s));

    // Ticks come once a second; within a few seconds the four verifications have been counted,
    // exactly once each.
    qint64 valid = 0;
    qint64 rejected = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 6000) {
        for (const QJsonObject &tick : reader.messages(300)) {
            const QJsonObject counts = tick.value(u"counts").toObject();
            valid += counts.value(u"VALID").toInteger();
            rejected += counts.value(u"DISABLED").toInteger();
        }
        if (valid >= 3 && rejected >= 1 && timer.elapsed() > 3000)
            break;
    }
    QCOMPARE(valid, 3);
    QCOMPARE(rejected, 1);

    // The client goes away; the server keeps serving and stops cleanly.
    socket.abort();
    QVERIFY(server.isLive());
    QVERIFY(!server.standardError().contains(server.rootKey().toUtf8()));
    QCOMPARE(server.terminate(), 0);
}

void TestStream::needsTheRootKeyInTheHeader()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const auto missing = server.sendRaw(Latchkey::Test::RawHttp::request(
        "POST", "/v2/analytics.stream", R"({"scope":"workspace"})", {{"Content-Type", "application/json"}}));
    QCOMPARE(missing.status, 400);
    const auto wrong = server.sendRaw(Latchkey::Test::RawHttp::request(
        "POST", "/v2/analytics.stream", R"({"scope":"workspace"})",
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer lkroot_not_a_key"}}));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(server.terminate(), 0);
}

/// Rate-limit checks reach the workspace stream as `event: ratelimit` (distinct from the
/// verifications' `event: tick`) and a namespace stream opened by the namespace's name; an identity
/// stream opened by its externalId counts that identity's verifications only.
void TestStream::ratelimitChecksAndExternalIds()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QJsonObject check {{u"namespace"_s, u"login"_s}, {u"identifier"_s, u"alice"_s}, {u"limit"_s, 2},
        {u"duration"_s, 60000}};
    QCOMPARE(server.call(u"ratelimit.limit"_s, check).status, 200); // creates the namespace; before any stream
    const auto api = server.call(u"apis.createApi"_s, {{u"name"_s, u"streamed"_s}});
    const auto owned = server.call(u"keys.createKey"_s, {{u"apiId"_s, api.data().value(u"apiId")},
                                                         {u"externalId"_s, u"customer_7"_s}});
    const auto anonymous = server.call(u"keys.createKey"_s, {{u"apiId"_s, api.data().value(u"apiId")}});
    QVERIFY2(owned.status == 200 && anonymous.status == 200, owned.describe().constData());

    QTcpSocket wsSocket, nsSocket, idSocket;
    StreamReader workspace(wsSocket), ns(nsSocket), identity(idSocket);
    QVERIFY(openStream(wsSocket, workspace, server, R"({"scope":"workspace"})").startsWith("HTTP/1.1 200"));
    QVERIFY(openStream(nsSocket, ns, server, R"({"scope":"namespace","id":"login"})").startsWith("HTTP/1.1 200"));
    QVERIFY(openStream(idSocket, identity, server, R"({"scope":"identity","id":"customer_7"})").startsWith("HTTP/1.1 200"));

    for (int i = 0; i < 3; ++i) // one passes (the namespace was used once), two are blocked
        QCOMPARE(server.call(u"ratelimit.limit"_s, check).status, 200);
    QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, owned.data().value(u"key")}}).status, 200);
    QCOMPARE(server.call(u"keys.verifyKey"_s, {{u"key"_s, anonymous.data().value(u"key")}}).status, 200);

    struct Seen {
        qint64 passed = 0, blocked = 0, valid = 0, checkEvents = 0;
    } seenWs, seenNs, seenId;
    auto collect = [](StreamReader &reader, Seen &seen) {
        for (const StreamReader::Message &message : reader.events(100)) {
            const QJsonObject counts = message.data.value(u"counts").toObject();
            if (message.event == "ratelimit") {
                seen.passed += counts.value(u"passed").toInteger();
                seen.blocked += counts.value(u"blocked").toInteger();
                for (const QJsonValue &event : message.data.value(u"events").toArray()) {
                    QCOMPARE(event.toObject().value(u"identifier").toString(), u"alice"_s);
                    ++seen.checkEvents;
                }
            } else if (message.event == "tick") {
                seen.valid += counts.value(u"VALID").toInteger();
            }
        }
    };
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 8000) {
        collect(workspace, seenWs);
        collect(ns, seenNs);
        collect(identity, seenId);
        if (seenWs.blocked >= 2 && seenWs.valid >= 2 && seenNs.blocked >= 2 && seenId.valid >= 1 && timer.elapsed() > 3000)
            break;
    }
    QCOMPARE(seenWs.passed, 1);
    QCOMPARE(seenWs.blocked, 2);
    QCOMPARE(seenWs.checkEvents, 3);
    QCOMPARE(seenWs.valid, 2);
    QCOMPARE(seenNs.passed, 1);
    QCOMPARE(seenNs.blocked, 2);
    QCOMPARE(seenNs.valid, 0); // a namespace stream has no verifications
    QCOMPARE(seenId.valid, 1); // only customer_7's key
    QCOMPARE(seenId.checkEvents, 0);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestStream)
#include "tst_stream.moc"
