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

    /// Every `data:` payload of the SSE messages received so far, as JSON objects.
    QList<QJsonObject> messages(int waitMs)
    {
        pull(waitMs);
        dechunk();
        QList<QJsonObject> parsed;
        qsizetype end = -1;
        while ((end = m_body.indexOf("\n\n")) >= 0) {
            const QByteArray message = m_body.left(end);
            m_body.remove(0, end + 2);
            for (const QByteArray &line : message.split('\n')) {
                if (line.startsWith("data:"))
                    parsed.append(QJsonDocument::fromJson(line.mid(5).trimmed()).object());
            }
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

} // namespace

/// The live stream against the real binary: POST /v2/analytics.stream with the root key in the
/// Authorization header only, ticks whose counts match the verifications sent.
class TestStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsMoveWithVerifications();
    void needsTheRootKeyInTheHeader();
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

QTEST_GUILESS_MAIN(TestStream)
#include "tst_stream.moc"
