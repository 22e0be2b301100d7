// ApiClient against an in-process latchkeyd (real store) and against raw sockets that answer
// what a real server would not: the wire contract, the one error sink, cancellation, TLS.
#include "dashboardfixture.h"

#include <QJSEngine>
#include <QScopeGuard>
#include <QTranslator>
#include <QProcess>
#include <QRegularExpression>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Test::DashboardFixture;

namespace {

/// A TCP server that records the first request and answers it with @p response verbatim.
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(QByteArray response, quint16 port = 0) : m_response(std::move(response))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                request += socket->readAll();
                if (request.contains("\r\n\r\n") && !m_response.isEmpty()) {
                    socket->write(m_response);
                    socket->disconnectFromHost();
                }
            });
        });
        listen(QHostAddress::LocalHost, port);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
    QByteArray request;

private:
    QByteArray m_response;
};

QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

/// Posts and waits; the callback must run exactly once.
ApiResult postAndWait(ApiClient &client, const QString &action, const QJsonObject &body)
{
    ApiResult result;
    int calls = 0;
    client.post(action, body, nullptr, [&](const ApiResult &answer) {
        result = answer;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return calls > 0; }, 30000))
        qWarning("no answer");
    QTest::qWait(20);
    if (calls != 1)
        qWarning("callback ran %d times", calls);
    return result;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_fixture = std::make_unique<DashboardFixture>(); }
    void cleanupTestCase() { m_fixture.reset(); }

    void successCarriesDataAndRequestId();
    void successWithOnlyMetaIsOkWithEmptyData();
    void busyWhileCallsAreInFlight();
    void errorEnvelopeReachesCallbackAndTheOneSink_data();
    void errorEnvelopeReachesCallbackAndTheOneSink();
    void paginationCursorWalksAllPages();
    void knownErrorsSpeakTheUiLanguage();
    void cancelledCallNeverCallsBackNorReports();
    void deadContextNeverCalledBack();
    void setConnectionCancelsCallsInFlight();
    void callWhileDisconnectedSendsNothing();
    void rootKeyOnlyInTheAuthorizationHeader();
    void nonEnvelopeAnswersBecomeReadableErrors_data();
    void nonEnvelopeAnswersBecomeReadableErrors();
    void unreachableServerIsANetworkError();
    void timedOutChangeMayHaveBeenMade_data();
    void timedOutChangeMayHaveBeenMade();
    void answerAfterNetworkFailuresSaysReachableAgain();
    void tlsErrorsFailTheCallAndAreNamed();
    void qmlCallPassesAnApiResult();

private:
    std::unique_ptr<DashboardFixture> m_fixture;
};

void TestApiClient::successCarriesDataAndRequestId()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, u"apis.createApi"_s, {{u"name"_s, u"billing"_s}});
    QVERIFY2(result.ok(), qPrintable(result.errorDetail));
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.data.toObject().value(u"apiId").toString().startsWith(u"api_"));
    QVERIFY(result.requestId.startsWith(u"req_"));
    QVERIFY(result.errorDetail.isEmpty());
    QCOMPARE(failed.count(), 0);
    // It really exists on the server.
    const ApiResult read = postAndWait(client, u"apis.getApi"_s, {{u"apiId"_s, result.data[u"apiId"].toString()}});
    QCOMPARE(read.data[u"name"].toString(), u"billing"_s);
}

// identities.deleteIdentity answers 200 with `{"meta": {...}}` and no `data` (the spec's
// V2IdentitiesDeleteIdentityResponseBody): a success like any other, with empty data, not a
// "not a latchkeyd answer" (status 0) that reached the error banner.
void TestApiClient::successWithOnlyMetaIsOkWithEmptyData()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult created = postAndWait(client, u"identities.createIdentity"_s, {{u"externalId"_s, u"meta-only"_s}});
    QVERIFY2(created.ok(), qPrintable(created.errorDetail));
    const QString identityId = created.data[u"identityId"].toString();

    const ApiResult deleted = postAndWait(client, u"identities.deleteIdentity"_s, {{u"identity"_s, identityId}});
    QVERIFY2(deleted.ok(), qPrintable(deleted.errorType + u": "_s + deleted.errorDetail));
    QCOMPARE(deleted.httpStatus, 200);
    QVERIFY(deleted.requestId.startsWith(u"req_"));
    QCOMPARE(deleted.data, QJsonValue(QJsonObject())); // empty: `result.data.x` is undefined in QML, no TypeError
    QVERIFY(deleted.errorType.isEmpty());
    QVERIFY(deleted.errorTitle.isEmpty());
    QVERIFY(deleted.errorDetail.isEmpty());
    QCOMPARE(failed.count(), 0);
    // It really is gone.
    const ApiResult gone = postAndWait(client, u"identities.getIdentity"_s, {{u"identity"_s, identityId}});
    QCOMPARE(gone.httpStatus, 404);
}

void TestApiClient::busyWhileCallsAreInFlight()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy busyChanged(&client, &ApiClient::busyChanged);
    QVERIFY(!client.busy());
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        client.post(u"apis.createApi"_s, {{u"name"_s, u"b%1"_s.arg(i)}}, nullptr, [&](const ApiResult &) { ++answered; });
    QVERIFY(client.busy());
    QCOMPARE(busyChanged.count(), 1); // idle -> busy once, not per call
    QTRY_COMPARE(answered, 3);
    QVERIFY(!client.busy());
    QCOMPARE(busyChanged.count(), 2);
}

void TestApiClient::errorEnvelopeReachesCallbackAndTheOneSink_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("wrongKey");
    QTest::addColumn<int>("status");
    QTest::newRow("404 unknown key") << u"keys.getKey"_s << QJsonObject{{u"keyId"_s, u"key_doesnotexist123"_s}} << false << 404;
    QTest::newRow("400 missing field") << u"apis.createApi"_s << QJsonObject{} << false << 400;
    QTest::newRow("401 wrong root key") << u"apis.listApis"_s << QJsonObject{} << true << 401;
    QTest::newRow("404 unknown route") << u"nothing.here"_s << QJsonObject{} << false << 404;
}

void TestApiClient::errorEnvelopeReachesCallbackAndTheOneSink()
{
    QFETCH(QString, action);
    QFETCH(QJsonObject, body);
    QFETCH(bool, wrongKey);
    QFETCH(int, status);
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), wrongKey ? u"lkroot_wrong_123456"_s : m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, action, body);
    QVERIFY(!result.ok());
    QCOMPARE(result.httpStatus, status);
    QVERIFY2(!result.errorDetail.isEmpty(), "the server's detail is what the user reads");
    QVERIFY(!result.errorTitle.isEmpty());
    QVERIFY(result.data.isUndefined() || result.data.isNull());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), action);
    QCOMPARE(failed.at(0).at(1).toString(), result.errorTitle);
    QCOMPARE(failed.at(0).at(2).toString(), result.errorDetail);

    // Failures::ReportUnlessNotFound (a key, owner or namespace page loading its own object): a
    // 404 goes to the callback only, the page says "does not exist any more"; any other failure
    // reaches the sink as well (walkthrough H10: the explained 404 also raised the banner).
    failed.clear();
    int calls = 0;
    client.post(action, body, nullptr, [&](const ApiResult &) { ++calls; }, ApiClient::Failures::ReportUnlessNotFound);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 30000);
    QCOMPARE(failed.count(), status == 404 ? 0 : 1);
}

void TestApiClient::paginationCursorWalksAllPages()
{
    const QString apiId = m_fixture->createApi(u"paged"_s);
    QSet<QString> created;
    for (int i = 0; i < 5; ++i)
        created.insert(m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"k%1"_s.arg(i)}})[u"keyId"].toString());
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSet<QString> seen;
    QString cursor;
    int pages = 0;
    do {
        QJsonObject body{{u"apiId"_s, apiId}, {u"limit"_s, 2}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiResult page = postAndWait(client, u"apis.listKeys"_s, body);
        QVERIFY2(page.ok(), qPrintable(page.errorDetail));
        for (const QJsonValue &key : page.data.toArray())
            seen.insert(key[u"keyId"].toString());
        QCOMPARE(page.hasMore(), !page.cursor().isEmpty());
        cursor = page.cursor();
        QVERIFY(++pages <= 5);
    } while (!cursor.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(seen, created);
}

/// A known error type (backend/core/error.cpp) is said in the UI's language, with the server's
/// own words kept beside it; an unknown type, and English, show the server's words.
void TestApiClient::knownErrorsSpeakTheUiLanguage()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult english = postAndWait(client, u"keys.getKey"_s, {{u"keyId"_s, u"key_doesnotexist77"_s}});
    QCOMPARE(english.httpStatus, 404);
    QVERIFY(!english.errorDetail.isEmpty());
    QCOMPARE(english.message(), english.errorDetail);
    QCOMPARE(english.title(), u"Not Found"_s);
    QCOMPARE(failed.at(0).at(1).toString(), u"Not Found"_s);

    QTranslator german;
    QVERIFY(german.load(u":/i18n/latchkey_de.qm"_s));
    QCoreApplication::installTranslator(&german);
    const auto removeGerman = qScopeGuard([&german] { QCoreApplication::removeTranslator(&german); });
    const ApiResult notFound = postAndWait(client, u"keys.getKey"_s, {{u"keyId"_s, u"key_doesnotexist77"_s}});
    QCOMPARE(notFound.message(), u"Diesen Schlüssel gibt es nicht (mehr)."_s);
    QCOMPARE(notFound.errorDetail, english.errorDetail); // the server's words stay at hand
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(2).toString(), notFound.message());
    QCOMPARE(failed.at(1).at(3).toString(), english.errorDetail);
    // The banner's heading too (it stayed "Not Found", "Insufficient Permissions" in German).
    QCOMPARE(notFound.title(), u"Nicht gefunden"_s);
    QCOMPARE(notFound.errorTitle, english.errorTitle);
    QCOMPARE(failed.at(1).at(1).toString(), u"Nicht gefunden"_s);
    ApiClient readOnly;
    readOnly.setConnection(m_fixture->baseUrl(), m_fixture->createRootKey({u"api.*.read_key"_s}));
    const ApiResult forbidden = postAndWait(readOnly, u"apis.createApi"_s, {{u"name"_s, u"refused"_s}});
    QCOMPARE(forbidden.httpStatus, 403);
    QCOMPARE(forbidden.errorTitle, u"Insufficient Permissions"_s);
    QCOMPARE(forbidden.title(), u"Unzureichende Berechtigungen"_s);
    // An error the dashboard has no words for: the server's detail, in any language.
    const ApiResult invalid = postAndWait(client, u"apis.createApi"_s, {});
    QCOMPARE(invalid.httpStatus, 400);
    QVERIFY(!invalid.errorDetail.isEmpty());
    QCOMPARE(invalid.message(), invalid.errorDetail);
}

void TestApiClient::cancelledCallNeverCallsBackNorReports()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    bool called = false;
    const quint64 id = client.post(u"apis.createApi"_s, {}, nullptr, [&](const ApiResult &) { called = true; });
    QVERIFY(client.busy());
    client.cancel(id);
    QVERIFY(!client.busy());
    client.cancel(id);      // twice: ignored
    client.cancel(999999);  // unknown: ignored
    QTest::qWait(300);
    QVERIFY(!called);
    QCOMPARE(failed.count(), 0); // the 400 it would have got is not reported
}

void TestApiClient::deadContextNeverCalledBack()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    auto *context = new QObject;
    bool called = false;
    client.post(u"apis.createApi"_s, {}, context, [&](const ApiResult &) { called = true; });
    delete context;
    QVERIFY(!client.busy());
    QTest::qWait(300);
    QVERIFY(!called);
    QCOMPARE(failed.count(), 0);
    // A living context is called back.
    QObject alive;
    client.post(u"apis.listApis"_s, {}, &alive, [&](const ApiResult &) { called = true; });
    QTRY_VERIFY(called);
}

void TestApiClient::setConnectionCancelsCallsInFlight()
{
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QSignalSpy changed(&client, &ApiClient::connectionChanged);
    bool called = false;
    client.post(u"apis.listApis"_s, {}, nullptr, [&](const ApiResult &) { called = true; });
    client.setConnection(QUrl(u"http://127.0.0.1:1"_s), u"other"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(client.baseUrl(), QUrl(u"http://127.0.0.1:1"_s));
    QVERIFY(!client.busy());
    QTest::qWait(300);
    QVERIFY(!called);
}

void TestApiClient::rootKeyOnlyInTheAuthorizationHeader()
{
    CannedServer server(httpResponse(200, "application/json", R"({"meta":{"requestId":"req_1"},"data":{"a":1}})"));
    ApiClient client;
    const QString secret = u"lkroot_secret_abcdef"_s;
    client.setConnection(QUrl(server.url().toString() + u"/prefix/"_s), secret);
    const ApiResult result = postAndWait(client, u"keys.getKey"_s, {{u"keyId"_s, u"key_1"_s}});
    QVERIFY(result.ok());
    const QByteArray request = server.request;
    QVERIFY2(request.startsWith("POST /prefix/v2/keys.getKey HTTP/1.1\r\n"), request.constData());
    QVERIFY(request.contains("\r\nAuthorization: Bearer lkroot_secret_abcdef\r\n"));
    QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));
    QCOMPARE(request.count(secret.toUtf8()), 1); // the header and nowhere else
    QVERIFY(request.endsWith(R"({"keyId":"key_1"})"));
}

void TestApiClient::nonEnvelopeAnswersBecomeReadableErrors_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailContains");
    QTest::newRow("proxy 502 html") << httpResponse(502, "text/html", "<html>Bad Gateway</html>") << 502 << u"502"_s;
    QTest::newRow("empty 500") << httpResponse(500, "text/plain", "") << 500 << u"500"_s;
    QTest::newRow("200 but not latchkeyd") << httpResponse(200, "text/html", "<html>welcome</html>") << 0 << u"welcome"_s;
    QTest::newRow("200 broken json") << httpResponse(200, "application/json", "{\"data\":") << 0 << u"200"_s;
    QTest::newRow("200 json, no envelope") << httpResponse(200, "application/json", "{\"status\":\"fine\"}") << 0
                                           << u"fine"_s;
}

void TestApiClient::nonEnvelopeAnswersBecomeReadableErrors()
{
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(QString, detailContains);
    CannedServer server(response);
    ApiClient client;
    client.setConnection(server.url(), u"k"_s);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, u"apis.listApis"_s, {});
    QVERIFY(!result.ok());
    QCOMPARE(result.httpStatus, status);
    QVERIFY2(result.errorDetail.contains(detailContains), qPrintable(result.errorDetail));
    QCOMPARE(failed.count(), 1);
}

// A page asking between a disconnect and the next connection (tst_keyboard's key page): the call
// fails as "Not connected" without a request, and the next connection cancels it without Qt's
// "QNetworkReplyImplPrivate::error: Internal problem, this method must only be called once"
// (a reply to a URL without a scheme, aborted before it reported its own error).
void TestApiClient::callWhileDisconnectedSendsNothing()
{
    // Only our own warning that someone asked while not connected, once per call.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^asked while not connected: keys.getKey "_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^asked while not connected: apis.listApis "_s));
    QTest::failOnWarning(QRegularExpression(u"."_s));
    ApiClient client;
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    QSignalSpy asked(&client, &ApiClient::askedWhileNotConnected);
    bool called = false;
    client.post(u"keys.getKey"_s, {}, nullptr, [&](const ApiResult &) { called = true; });
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), u"keys.getKey"_s);
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    QVERIFY(!client.busy());
    const ApiResult answered = postAndWait(client, u"apis.listApis"_s, {}); // events run, the old call's too
    QVERIFY(answered.ok());
    QVERIFY(!called);
    QCOMPARE(failed.count(), 0);

    client.setConnection({}, {});
    const ApiResult result = postAndWait(client, u"apis.listApis"_s, {});
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.errorType, u"network"_s);
    QCOMPARE(result.title(), u"Not connected"_s);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(asked.count(), 2);
}

void TestApiClient::unreachableServerIsANetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    ApiClient client;
    client.setConnection(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"k"_s);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, u"apis.listApis"_s, {});
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.errorType, u"network"_s);
    QVERIFY(result.errorDetail.contains(QString::number(port)));
    QCOMPARE(failed.count(), 1);
}

void TestApiClient::timedOutChangeMayHaveBeenMade_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("change");
    QTest::newRow("keys.updateCredits") << u"keys.updateCredits"_s << true;
    QTest::newRow("keys.createKey") << u"keys.createKey"_s << true;
    QTest::newRow("identities.deleteIdentity") << u"identities.deleteIdentity"_s << true;
    QTest::newRow("keys.getKey") << u"keys.getKey"_s << false;
    QTest::newRow("apis.listKeys") << u"apis.listKeys"_s << false;
    QTest::newRow("rootKeys.whoami") << u"rootKeys.whoami"_s << false;
    QTest::newRow("analytics.getVerificationLog") << u"analytics.getVerificationLog"_s << false;
}

/// A request that timed out may still have been carried out: the banner says so for a change,
/// and to reload before trying again (walkthrough 23b, Y15: a retried "Add 100 credits" added
/// them twice). A read that timed out just did not answer.
void TestApiClient::timedOutChangeMayHaveBeenMade()
{
    QFETCH(QString, action);
    QFETCH(bool, change);
    CannedServer silent(QByteArray{}); // reads the request, never answers
    QVERIFY(silent.isListening());
    ApiClient client;
    client.setTimeout(300);
    client.setConnection(silent.url(), u"k"_s);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, action, {});
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.title(), u"Timeout"_s);
    QCOMPARE(failed.count(), 1);
    const QString detail = failed.first().at(2).toString();
    QCOMPARE(detail, result.message());
    const QString mayHaveBeenMade = u"The server did not answer in time; the change may still have been made. Reload before trying again."_s;
    if (change)
        QCOMPARE(detail, mayHaveBeenMade);
    else
        QCOMPARE(detail, u"%1 did not answer in time."_s.arg(silent.url().toDisplayString()));
}

void TestApiClient::answerAfterNetworkFailuresSaysReachableAgain()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // the server is down
    ApiClient client;
    client.setConnection(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"k"_s);
    QSignalSpy again(&client, &ApiClient::serverReachableAgain);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    QVERIFY(!client.unreachable());
    QCOMPARE(postAndWait(client, u"apis.listApis"_s, {}).httpStatus, 0);
    QCOMPARE(postAndWait(client, u"apis.listApis"_s, {}).httpStatus, 0);
    QVERIFY(client.unreachable());
    QCOMPARE(again.count(), 0);

    // back up on the same port; its answer is an error envelope, which is an answer all the same
    CannedServer server(httpResponse(403, "application/json",
                                     R"({"meta":{"requestId":"r"},"error":{"title":"Forbidden","detail":"no","status":403,"type":"t"}})"),
                        port);
    QVERIFY(server.isListening());
    QObject::connect(&client, &ApiClient::requestFailed, &client, [&] {
        QCOMPARE(again.count(), 1); // resolved first, then the new failure: the banner shows it
    });
    const ApiResult answered = postAndWait(client, u"apis.listApis"_s, {});
    QCOMPARE(answered.httpStatus, 403);
    QVERIFY(!client.unreachable());
    QCOMPARE(again.count(), 1);
    QCOMPARE(failed.count(), 3);

    // a new connection forgets the old server's state without claiming it came back
    server.close();
    QCOMPARE(postAndWait(client, u"apis.listApis"_s, {}).httpStatus, 0);
    QVERIFY(client.unreachable());
    client.setConnection(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"k"_s);
    QVERIFY(!client.unreachable());
    QCOMPARE(again.count(), 1);
}

void TestApiClient::tlsErrorsFailTheCallAndAreNamed()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir dir;
    QProcess generate;
    generate.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                             u"-nodes"_s, u"-subj"_s, u"/CN=elsewhere.example"_s, u"-days"_s, u"1"_s,
                             u"-keyout"_s, dir.filePath(u"k.pem"_s), u"-out"_s, dir.filePath(u"c.pem"_s)});
    QVERIFY(generate.waitForFinished(60000));
    QCOMPARE(generate.exitCode(), 0);
    QFile certFile(dir.filePath(u"c.pem"_s));
    QFile keyFile(dir.filePath(u"k.pem"_s));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    ApiClient client;
    client.setConnection(QUrl(u"https://127.0.0.1:%1"_s.arg(server.serverPort())), u"lkroot_tls_secret"_s);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    const ApiResult result = postAndWait(client, u"apis.listApis"_s, {});
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.errorType, u"tls"_s);
    QVERIFY2(result.errorDetail.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(result.errorDetail));
    QCOMPARE(failed.count(), 1);
}

void TestApiClient::qmlCallPassesAnApiResult()
{
    QJSEngine engine;
    ApiClient client;
    client.setConnection(m_fixture->baseUrl(), m_fixture->rootKey());
    engine.globalObject().setProperty(u"client"_s, engine.newQObject(&client));
    QJSEngine::setObjectOwnership(&client, QJSEngine::CppOwnership);
    const QJSValue ran = engine.evaluate(uR"(
        var answers = [];
        client.call("apis.createApi", { name: "from-qml" }, function (result) { answers.push(result); });
        client.call("apis.createApi", {}, function (result) { answers.push(result); });
        client.call("apis.listApis", {});   // no callback: fine
    )"_s);
    QVERIFY2(!ran.isError(), qPrintable(ran.toString()));
    QTRY_COMPARE(engine.evaluate(u"answers.length"_s).toInt(), 2);
    QTRY_VERIFY(!client.busy());
    const QJSValue okAnswer = engine.evaluate(u"answers.filter(a => a.ok)[0]"_s);
    QVERIFY(okAnswer.property(u"data"_s).property(u"apiId"_s).toString().startsWith(u"api_"));
    QCOMPARE(okAnswer.property(u"httpStatus"_s).toInt(), 200);
    const QJSValue badAnswer = engine.evaluate(u"answers.filter(a => !a.ok)[0]"_s);
    QCOMPARE(badAnswer.property(u"httpStatus"_s).toInt(), 400);
    QVERIFY(!badAnswer.property(u"errorDetail"_s).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
