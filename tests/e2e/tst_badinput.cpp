// Bad input over a real socket: malformed HTTP, bad JSON, oversize bodies and headers, unknown
// fields, wrong types, huge numbers, invalid UTF-8. Each gets the right 4xx with the error
// envelope, and the server keeps answering afterwards.
#include "support/latchkeydprocess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::LatchkeydProcess;
namespace RawHttp = Latchkey::Test::RawHttp;

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rejected_data();
    void rejected();
    void oversizeBodyAnsweredBeforeItIsSent();
    void deepNestingDoesNotCrash();
    void dataUnchangedByRejectedMutations();
    void slowClientsGet408WithoutBlockingOthers();
    void cleanupTestCase();

private:
    QByteArray post(const QByteArray &path, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}) const;
    /// The error envelope: {meta:{requestId}, error:{title, detail, status, type, errors (400)}}.
    static void verifyEnvelope(const HttpResponse &response, int status);

    LatchkeydProcess m_server;
};

QByteArray TestBadInput::post(
    const QByteArray &path, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders) const
{
    QList<QPair<QByteArray, QByteArray>> headers {
        {"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_server.rootKey().toUtf8()}};
    headers += extraHeaders;
    return RawHttp::request("POST", path, body, headers);
}

void TestBadInput::verifyEnvelope(const HttpResponse &response, int status)
{
    const QByteArray description = response.describe();
    QVERIFY2(response.status == status, description.constData());
    QVERIFY2(response.header("content-type").startsWith("application/"), description.constData());
    const QJsonObject body = response.json();
    QVERIFY2(
        body.value(u"meta").toObject().value(u"requestId").toString().startsWith(u"req_"), description.constData());
    const QJsonObject error = body.value(u"error").toObject();
    for (const QString &field : {u"title"_s, u"detail"_s, u"type"_s})
        QVERIFY2(!error.value(field).toString().isEmpty(), description.constData());
    QVERIFY2(error.value(u"status").toInt() == status, description.constData());
    if (status == 400)
        QVERIFY2(error.value(u"errors").isArray(), description.constData());
    QVERIFY2(!body.contains(u"data"), description.constData());
}

void TestBadInput::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestBadInput::cleanupTestCase()
{
    QCOMPARE(m_server.terminate(), 0);
}

void TestBadInput::rejected_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("envelope"); // false: a transport-level error whose body we do not insist on

    const QByteArray createApi = "/v2/apis.createApi";
    const QByteArray limit = "/v2/ratelimit.limit";
    const QByteArray createKey = "/v2/keys.createKey";

    QTest::newRow("malformed request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << true;
    QTest::newRow("request line without version") << QByteArray("POST /v2/apis.createApi\r\n\r\n") << 400 << true;
    QTest::newRow("header without colon")
        << QByteArray("POST /v2/apis.createApi HTTP/1.1\r\nHost: x\r\nno colon here\r\nContent-Length: 0\r\n\r\n")
        << 400 << true;
    QTest::newRow("bad content-length") << QByteArray(
        "POST /v2/apis.createApi HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n")
                                        << 400 << true;
    QTest::newRow("header over 32 KiB") << RawHttp::request(
        "GET", "/v2/liveness", {}, {{"X-Filler", QByteArray(40 * 1024, 'a')}})
                                        << 431 << true;

    QTest::newRow("empty body") << post(createApi, "") << 400 << true;
    QTest::newRow("truncated JSON") << post(createApi, R"({"name": "truncated)") << 400 << true;
    QTest::newRow("invalid JSON") << post(createApi, "{name: 'single quotes'}") << 400 << true;
    QTest::newRow("trailing garbage") << post(createApi, R"({"name": "valid"} x)") << 400 << true;
    QTest::newRow("array instead of object") << post(createApi, R"(["name"])") << 400 << true;
    QTest::newRow("unknown field") << post(createApi, R"({"name": "valid-name", "colour": "blue"})") << 400 << true;
    QTest::newRow("missing required field") << post(createApi, "{}") << 400 << true;
    QTest::newRow("wrong type: number for string") << post(createApi, R"({"name": 12345})") << 400 << true;
    QTest::newRow("wrong type: null for required") << post(createApi, R"({"name": null})") << 400 << true;
    QTest::newRow("wrong type: string for integer")
        << post(limit, R"({"namespace": "ns", "identifier": "x", "limit": "10", "duration": 60000})") << 400 << true;
    QTest::newRow("wrong type: float for integer")
        << post(limit, R"({"namespace": "ns", "identifier": "x", "limit": 1.5, "duration": 60000})") << 400 << true;
    QTest::newRow("huge number 1e400") << post(
        limit, R"({"namespace": "ns", "identifier": "x", "limit": 1e400, "duration": 60000})")
                                       << 400 << true;
    QTest::newRow("huge integer beyond int64")
        << post(limit, R"({"namespace": "ns", "identifier": "x", "limit": 99999999999999999999, "duration": 60000})")
        << 400 << true;
    QTest::newRow("huge credits") << post(
        createKey, R"({"apiId": "api_1234567890", "credits": {"remaining": 99999999999999999999}})")
                                  << 400 << true;
    QTest::newRow("negative number") << post(
        limit, R"({"namespace": "ns", "identifier": "x", "limit": -1, "duration": 60000})")
                                     << 400 << true;
    QTest::newRow("invalid UTF-8 (0xff)") << post(createApi, "{\"name\": \"bad\xff\xfe name\"}") << 400 << true;
    QTest::newRow("invalid UTF-8 (truncated sequence)")
        << post(createApi, "{\"name\": \"bad\xc3\x28 name\"}") << 400 << true;
    QTest::newRow("invalid UTF-8 (overlong)") << post(createApi, "{\"name\": \"bad\xc0\xaf name\"}") << 400 << true;
    QTest::newRow("unknown route") << post("/v2/keys.doesNotExist", "{}") << 404 << true;
    QTest::newRow("wrong method") << RawHttp::request("GET", "/v2/apis.createApi") << 405 << true;
}

void TestBadInput::rejected()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(bool, envelope);
    const HttpResponse response = m_server.sendRaw(request, 10000);
    if (envelope)
        verifyEnvelope(response, status);
    else
        QVERIFY2(response.status == status, response.describe().constData());
    QVERIFY2(m_server.isRunning(), "latchkeyd died");
    QVERIFY2(m_server.isLive(), "latchkeyd stopped answering liveness");
}

void TestBadInput::oversizeBodyAnsweredBeforeItIsSent()
{
    // Only the headers go out: the server must answer from Content-Length alone.
    const QByteArray headers
        = "POST /v2/apis.createApi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          "Authorization: Bearer "
        + m_server.rootKey().toUtf8() + "\r\nContent-Length: " + QByteArray::number(11 * 1024 * 1024) + "\r\n\r\n";
    const HttpResponse response = m_server.sendRaw(headers, 5000);
    verifyEnvelope(response, 413);
    QVERIFY(m_server.isLive());

    // Exactly 10 MiB of body is still accepted as far as size goes (it is then bad JSON: 400).
    const QByteArray limitBody(10 * 1024 * 1024, ' ');
    const HttpResponse atLimit = m_server.sendRaw(post("/v2/apis.createApi", limitBody), 30000);
    verifyEnvelope(atLimit, 400);
    QVERIFY(m_server.isLive());
}

void TestBadInput::deepNestingDoesNotCrash()
{
    const int depth = 100000;
    const QByteArray nested = "{\"name\": " + QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
    verifyEnvelope(m_server.sendRaw(post("/v2/apis.createApi", nested), 20000), 400);
    QVERIFY(m_server.isLive());
}

void TestBadInput::dataUnchangedByRejectedMutations()
{
    // A key whose update requests are all rejected keeps its state.
    const HttpResponse api = m_server.call(u"apis.createApi"_s, {{u"name"_s, u"unchanged"_s}});
    QVERIFY2(api.status == 200, api.describe().constData());
    const HttpResponse key = m_server.call(u"keys.createKey"_s,
        {{u"apiId"_s, api.data().value(u"apiId")}, {u"name"_s, u"original"_s},
            {u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    QVERIFY2(key.status == 200, key.describe().constData());
    const QByteArray keyId = key.data().value(u"keyId").toString().toUtf8();
    const QList<QByteArray> bodies {
        R"({"keyId": ")" + keyId + R"(", "name": "changed", "colour": "blue"})",
        R"({"keyId": ")" + keyId + R"(", "name": 7})",
        R"({"keyId": ")" + keyId + R"(", "credits": {"remaining": 1e400}})",
        R"({"keyId": ")" + keyId + R"(", "name": "changed")",
        "{\"keyId\": \"" + keyId + "\", \"name\": \"ch\xff\"}",
    };
    for (const QByteArray &body : bodies) {
        const HttpResponse response = m_server.sendRaw(post("/v2/keys.updateKey", body));
        verifyEnvelope(response, 400);
    }
    const HttpResponse after = m_server.call(u"keys.getKey"_s, {{u"keyId"_s, QString::fromUtf8(keyId)}});
    QVERIFY2(after.status == 200, after.describe().constData());
    QCOMPARE(after.data().value(u"name").toString(), u"original"_s);
    QCOMPARE(after.data().value(u"credits").toObject().value(u"remaining").toInt(), 5);
}

void TestBadInput::slowClientsGet408WithoutBlockingOthers()
{
    // More half-sent requests than the server has worker threads ("slowloris").
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 6; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(u"127.0.0.1"_s, m_server.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("POST /v2/apis.createApi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"na");
        QVERIFY(socket->waitForBytesWritten(5000));
        slow.push_back(std::move(socket));
    }
    QElapsedTimer timer;
    timer.start();
    // Well under the 15 s request timeout, with room for a loaded CI machine.
    QVERIFY2(m_server.isLive(10000), "slow clients block everybody else");
    const HttpResponse created = m_server.call(u"apis.createApi"_s, {{u"name"_s, u"next-to-slow-clients"_s}});
    QVERIFY2(created.status == 200, created.describe().constData());
    QVERIFY2(timer.elapsed() < 10000, "requests next to slow clients waited for the slow ones");

    // Each slow request is answered 408 once the request timeout (15 s) is over, then closed.
    const QDeadlineTimer deadline(30000);
    for (const auto &socket : slow) {
        QByteArray received;
        while (socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            received += socket->readAll();
        }
        received += socket->readAll();
        const QByteArray message = "slow client got: " + received.left(500);
        QVERIFY2(received.startsWith("HTTP/1.1 408 "), message.constData());
        QVERIFY2(received.contains("\"status\":408"), message.constData());
        QVERIFY2(received.contains("\"requestId\":\"req_"), message.constData());
    }
    QVERIFY(m_server.isLive());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
