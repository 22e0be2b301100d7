// Tests of the HTTP engine's response encoder (appendResponse, appendStreamHead): the exact bytes
// a response becomes, and the header rules that protect the framing.

#include "http/responseencoder.h"

#include <QRegularExpression>
#include <QTest>

using namespace Latchkey::Http;

namespace {

Response makeResponse(int status, const QByteArray &body, const HeaderList &headers = {})
{
    Response response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    return response;
}

/// The encoded bytes with the Date header's value replaced by "<date>" (it changes every second).
QByteArray encode(const Response &response, ResponseFraming framing = {})
{
    QByteArray out("previous;"); // appended, never overwritten
    appendResponse(out, response, framing);
    static const QRegularExpression date(QStringLiteral("Date: [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
                                                        "\\d\\d:\\d\\d:\\d\\d GMT\\r\\n"));
    return QString::fromLatin1(out).replace(date, QStringLiteral("Date: <date>\r\n")).toLatin1();
}

} // namespace

class TestHttpEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodes_data();
    void encodes();
    void streamHead();
};

void TestHttpEncoder::encodes_data()
{
    QTest::addColumn<Response>("response");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("head");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("200 keep-alive") << makeResponse(200, "{}", {{"Content-Type", "application/json"}}) << true
                                    << false
                                    << QByteArray("previous;HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                  "Date: <date>\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}");
    QTest::newRow("close") << makeResponse(404, "x") << false << false
                           << QByteArray("previous;HTTP/1.1 404 Not Found\r\nDate: <date>\r\nContent-Length: 1\r\n"
                                         "Connection: close\r\n\r\nx");
    QTest::newRow("HEAD keeps the length, drops the body")
        << makeResponse(200, "abc") << true << true
        << QByteArray("previous;HTTP/1.1 200 OK\r\nDate: <date>\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\n");
    QTest::newRow("204 has no body nor length")
        << makeResponse(204, "ignored") << true << false
        << QByteArray("previous;HTTP/1.1 204 No Content\r\nDate: <date>\r\nConnection: keep-alive\r\n\r\n");
    QTest::newRow("handler's framing headers are replaced")
        << makeResponse(200, "ab",
               {{"content-length", "99"}, {"Transfer-Encoding", "chunked"}, {"CONNECTION", "upgrade"}, {"X-A", "1"}})
        << true << false
        << QByteArray("previous;HTTP/1.1 200 OK\r\nX-A: 1\r\nDate: <date>\r\nContent-Length: 2\r\n"
                      "Connection: keep-alive\r\n\r\nab");
    QTest::newRow("headers with line breaks or no name are dropped")
        << makeResponse(200, "", {{"X-Split", "a\r\nSet-Cookie: evil"}, {"X-B\n", "b"}, {"", "c"}, {"X-Ok", "d"}})
        << true << false
        << QByteArray("previous;HTTP/1.1 200 OK\r\nX-Ok: d\r\nDate: <date>\r\nContent-Length: 0\r\n"
                      "Connection: keep-alive\r\n\r\n");
    QTest::newRow("null header value and body") // UBSan: no memcpy from a null pointer
        << makeResponse(200, QByteArray(), {{"X-Empty", QByteArray()}}) << true << false
        << QByteArray("previous;HTTP/1.1 200 OK\r\nX-Empty: \r\nDate: <date>\r\nContent-Length: 0\r\n"
                      "Connection: keep-alive\r\n\r\n");
    QTest::newRow("handler's Date is kept")
        << makeResponse(200, "", {{"date", "Thu, 01 Jan 1970 00:00:00 GMT"}}) << true << false
        << QByteArray("previous;HTTP/1.1 200 OK\r\ndate: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Length: 0\r\n"
                      "Connection: keep-alive\r\n\r\n");
    QTest::newRow("status out of range becomes 500")
        << makeResponse(7, "e") << true << false
        << QByteArray("previous;HTTP/1.1 500 Internal Server Error\r\nDate: <date>\r\nContent-Length: 1\r\n"
                      "Connection: keep-alive\r\n\r\ne");
    const QByteArray longValue(5000, 'v');
    const QByteArray body(70000, 'b');
    QTest::newRow("long header and body") << makeResponse(200, body, {{"X-Long", longValue}}) << true << false
                                          << QByteArray("previous;HTTP/1.1 200 OK\r\nX-Long: " + longValue
                                                 + "\r\nDate: <date>\r\nContent-Length: 70000\r\n"
                                                   "Connection: keep-alive\r\n\r\n" + body);
}

void TestHttpEncoder::encodes()
{
    QFETCH(Response, response);
    QFETCH(bool, keepAlive);
    QFETCH(bool, head);
    QFETCH(QByteArray, expected);
    if (QByteArray(QTest::currentDataTag()).startsWith("headers with line breaks"))
        for (int i = 0; i < 3; ++i)
            QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(QStringLiteral("^dropping response header with an empty name or a line break")));
    QCOMPARE(encode(response, {keepAlive, head}), expected);
}

void TestHttpEncoder::streamHead()
{
    QByteArray out;
    appendStreamHead(out, makeResponse(200, "ignored", {{"Content-Type", "text/event-stream"}, {"Content-Length", "5"}}));
    QVERIFY(out.startsWith("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nDate: "));
    QVERIFY(out.endsWith(" GMT\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
    QVERIFY(!out.contains("Content-Length"));
    QVERIFY(!out.contains("ignored"));
}

QTEST_MAIN(TestHttpEncoder)
#include "tst_httpencoder.moc"
