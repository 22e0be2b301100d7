// The start screen's logic against a real in-process server: connecting checks server and key,
// refuses plain http to other machines unless confirmed, shows TLS and network failures,
// remembers recent servers, never stores a key without a keychain; "Start a local server".
#include "connectionparts.h"
#include "dashboardapp.h"
#include "dashboardfixture.h"
#include "localservercontroller.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QTcpServer>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::DashboardFixture;

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_fixture = std::make_unique<DashboardFixture>();
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { m_fixture.reset(); }

    void connectsAfterTheServerAcceptsTheKey();
    void wrongKeyIsRefusedAndNothingConnects();
    void invalidAddressesAreRefusedWithoutARequest_data();
    void invalidAddressesAreRefusedWithoutARequest();
    void validAddressesPass_data();
    void validAddressesPass();
    void hungServerSaysSoAndCanBeCancelled();
    void hungServerTimesOut();
    void sessionCallsToAHungServerFailIn30Seconds();
    void plainHttpToOtherMachinesNeedsConfirmation_data();
    void plainHttpToOtherMachinesNeedsConfirmation();
    void unconfirmedInsecureConnectionIsRefused();
    void unreachableServerIsReported();
    void recentConnectionsArePersistedAndForgotten();
    void withoutKeychainTheKeyIsNotStoredAndAskedAgain();
    void commandLineConnectionIsOfferedAfterDisconnect();
    void disconnectClearsTheSession();
    void localServerStartsConnectsAndKeepsItsData();
    void localServerKeepsItsPortWhileItIsFree();
    void localServerReportsAnUnusableDataFolder();
    void localServerOpensAgainAfterDisconnect();
    void sessionKnowsTheLocalServersKeyFile();

private:
    using Parts = Latchkey::Test::ConnectionParts;

    std::unique_ptr<DashboardFixture> m_fixture;
};

void TestConnection::connectsAfterTheServerAcceptsTheKey()
{
    Parts parts;
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    parts.connection->connectToServer(m_fixture->baseUrl().toString() + u"/"_s, m_fixture->rootKey(), true);
    QVERIFY(parts.connection->connecting());
    QVERIFY(!parts.session.connected()); // not before the server said yes
    QVERIFY(connected.wait(10000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(parts.session.connected());
    QVERIFY(!parts.connection->connecting());
    QVERIFY(parts.connection->error().isEmpty());
    QCOMPARE(parts.session.client()->baseUrl(), m_fixture->baseUrl()); // trailing slash gone
    // The session's client works and the capabilities arrive.
    QTRY_VERIFY_WITH_TIMEOUT(parts.session.capabilities()->known(), 10000);
    QVERIFY(parts.session.capabilities()->may(u"api.*.create_key"_s));
}

void TestConnection::wrongKeyIsRefusedAndNothingConnects()
{
    Parts parts;
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    parts.connection->connectToServer(m_fixture->baseUrl().toString(), u"lkroot_not_a_real_key_000"_s, true);
    QVERIFY(failed.wait(10000));
    QVERIFY(!parts.session.connected());
    QVERIFY2(parts.connection->error().contains(u"does not accept"_s), qPrintable(parts.connection->error()));
    QVERIFY(parts.connection->recentConnections().isEmpty()); // a failed attempt is not remembered
    QVERIFY(!parts.connection->error().contains(u"lkroot_not_a_real_key_000"_s)); // the key is never shown
    // In German the whole sentence is German: the server's reason too, not its English detail.
    QTranslator german;
    QVERIFY(german.load(u":/i18n/latchkey_de.qm"_s));
    QCoreApplication::installTranslator(&german);
    parts.connection->connectToServer(m_fixture->baseUrl().toString(), u"lkroot_not_a_real_key_000"_s, true);
    QVERIFY(failed.wait(10000));
    const QString german401 = parts.connection->error();
    QCoreApplication::removeTranslator(&german);
    QVERIFY2(german401.endsWith(u"akzeptiert diesen Root-Schlüssel nicht: Der Root-Schlüssel ist nicht (mehr) gültig."_s),
             qPrintable(german401));
}

void TestConnection::invalidAddressesAreRefusedWithoutARequest_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << u"Enter"_s;
    QTest::newRow("blank") << u"   "_s << u"Enter"_s;
    QTest::newRow("ftp") << u"ftp://keys.example.com"_s << u"“ftp” is not http or https"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s << u"“file” is not http or https"_s;
    // Typos that QUrl::fromUserInput would make into a host named "http" or "https".
    QTest::newRow("http without colon") << u"http//keys.example.com"_s << u"missing part of “://”: write http://"_s;
    QTest::newRow("https without colon") << u"https//keys.example.com"_s << u"missing part of “://”: write https://"_s;
    QTest::newRow("one slash") << u"http:/127.0.0.1:7070"_s << u"missing part of “://”"_s;
    QTest::newRow("no slashes") << u"https:keys.example.com"_s << u"missing part of “://”"_s;
    QTest::newRow("scheme typo") << u"htp://keys.example.com"_s << u"“htp” is not http or https"_s;
    // Only this machine is assumed to speak plain http when no scheme is written.
    QTest::newRow("no scheme, other machine") << u"keys.example.com"_s << u"no http:// or https://"_s;
    QTest::newRow("no scheme, private address") << u"10.0.0.5:7070"_s << u"no http:// or https://"_s;
    QTest::newRow("no host") << u"https://"_s << u"not an http:// or https:// server address"_s;
}

void TestConnection::invalidAddressesAreRefusedWithoutARequest()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    Parts parts;
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    const QString problem = parts.connection->validateUrl(url);
    QVERIFY2(problem.contains(says), qPrintable(problem));
    QVERIFY2(!problem.contains(u'\n'), "one line");
    parts.connection->connectToServer(url, u"key"_s, false, true); // even when http was confirmed
    QCOMPARE(failed.count(), 1); // at once: no request was made
    QCOMPARE(parts.connection->error(), problem);
    QVERIFY(!parts.connection->connecting());
    QVERIFY(!parts.session.connected());
}

void TestConnection::validAddressesPass_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("https") << u"https://keys.example.com"_s;
    QTest::newRow("http with port") << u"http://keys.example.com:8080"_s;
    QTest::newRow("upper-case scheme") << u"HTTPS://keys.example.com"_s;
    QTest::newRow("path") << u"https://example.com/latchkey/"_s;
    QTest::newRow("bare localhost") << u"localhost:7070"_s;
    QTest::newRow("bare loopback") << u"127.0.0.1:7070"_s;
    QTest::newRow("host starting with http") << u"https://httpbin.example.com"_s;
}

void TestConnection::validAddressesPass()
{
    QFETCH(QString, url);
    Parts parts;
    QCOMPARE(parts.connection->validateUrl(url), QString());
}

void TestConnection::hungServerSaysSoAndCanBeCancelled()
{
    // Accepts connections (the kernel does, into the backlog) and never answers a byte.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Parts parts;
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    QElapsedTimer waited;
    waited.start();
    parts.connection->connectToServer(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"lkroot_x"_s, false);
    QVERIFY(parts.connection->connecting());
    QVERIFY(!parts.connection->slow());
    QTRY_VERIFY_WITH_TIMEOUT(parts.connection->slow(), ConnectionController::kSlowAfterMs + 8000);
    QVERIFY2(waited.elapsed() >= ConnectionController::kSlowAfterMs - 100, qPrintable(QString::number(waited.elapsed())));
    QVERIFY(parts.connection->connecting());
    QCOMPARE(failed.count(), 0);
    parts.connection->cancel();
    QVERIFY(!parts.connection->connecting());
    QVERIFY(!parts.connection->slow());
    QVERIFY(parts.connection->error().isEmpty());
    // Nothing arrives later for the cancelled attempt.
    QTest::qWait(ConnectionController::kProbeTimeoutMs - ConnectionController::kSlowAfterMs + 3000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!parts.session.connected());
}

void TestConnection::hungServerTimesOut()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Parts parts;
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    QElapsedTimer waited;
    waited.start();
    parts.connection->connectToServer(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"lkroot_x"_s, false);
    QVERIFY(failed.wait(ConnectionController::kProbeTimeoutMs + 20000));
    // Qt's network timeout is a coarse timer, which may fire up to 5 % early.
    QVERIFY2(waited.elapsed() >= ConnectionController::kProbeTimeoutMs * 95 / 100 - 100, qPrintable(QString::number(waited.elapsed())));
    QVERIFY2(parts.connection->error().contains(u"did not answer in time"_s), qPrintable(parts.connection->error()));
    QVERIFY(!parts.connection->connecting());
    QVERIFY(!parts.connection->slow());
}

void TestConnection::plainHttpToOtherMachinesNeedsConfirmation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("needsConfirmation");
    QTest::newRow("loopback v4") << u"http://127.0.0.1:7070"_s << false;
    QTest::newRow("loopback v4 other") << u"http://127.0.0.2:7070"_s << false;
    QTest::newRow("localhost") << u"http://localhost:7070"_s << false;
    QTest::newRow("loopback v6") << u"http://[::1]:7070"_s << false;
    QTest::newRow("bare localhost") << u"localhost:7070"_s << false;
    QTest::newRow("private network") << u"http://10.0.0.5:7070"_s << true;
    QTest::newRow("host name") << u"http://keys.example.com"_s << true;
    QTest::newRow("bare host name") << u"keys.example.com"_s << true;
    QTest::newRow("https") << u"https://keys.example.com"_s << false;
}

void TestConnection::plainHttpToOtherMachinesNeedsConfirmation()
{
    QFETCH(QString, url);
    QFETCH(bool, needsConfirmation);
    Parts parts;
    QCOMPARE(parts.connection->needsInsecureConfirmation(url), needsConfirmation);
}

void TestConnection::unconfirmedInsecureConnectionIsRefused()
{
    Parts parts;
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    parts.connection->connectToServer(u"http://keys.example.com"_s, u"lkroot_x"_s, false, false);
    QCOMPARE(failed.count(), 1);
    QVERIFY(parts.connection->error().contains(u"http://"_s));
    QVERIFY(!parts.connection->connecting());
}

void TestConnection::unreachableServerIsReported()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    Parts parts;
    QSignalSpy failed(parts.connection, &ConnectionController::failed);
    parts.connection->connectToServer(u"http://127.0.0.1:%1"_s.arg(port), u"lkroot_x"_s, true);
    QVERIFY(failed.wait(20000));
    QVERIFY2(parts.connection->error().contains(QString::number(port)), qPrintable(parts.connection->error()));
    QVERIFY(!parts.session.connected());
}

void TestConnection::sessionCallsToAHungServerFailIn30Seconds()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Parts parts;
    parts.session.connectTo(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), u"lkroot_x"_s);
    QSignalSpy failed(parts.session.client(), &ApiClient::requestFailed);
    QElapsedTimer waited;
    waited.start();
    bool done = false;
    QString detail;
    parts.session.client()->post(u"apis.listApis"_s, {}, nullptr, [&](const ApiResult &result) {
        done = true;
        detail = result.errorDetail;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 50000); // 30 s, not ApiClient's default 60 s
    // 30 s by a coarse timer, which may fire up to 5 % early.
    QVERIFY2(waited.elapsed() >= 28000 && waited.elapsed() < 50000, qPrintable(QString::number(waited.elapsed())));
    QVERIFY2(detail.contains(u"did not answer in time"_s), qPrintable(detail));
    QVERIFY(failed.count() >= 1); // the banner hears of it
}

void TestConnection::recentConnectionsArePersistedAndForgotten()
{
    const QString url = m_fixture->baseUrl().toString();
    {
        Parts parts;
        QSignalSpy connected(parts.connection, &ConnectionController::connected);
        parts.connection->connectToServer(url, m_fixture->rootKey(), true);
        QVERIFY(connected.wait(10000));
        QCOMPARE(parts.connection->recentConnections().size(), 1);
    }
    Parts later; // a new start of the app
    const QVariantList recent = later.connection->recentConnections();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.at(0).toMap().value(u"url"_s).toString(), url);
    QVERIFY(recent.at(0).toMap().value(u"lastUsed"_s).toLongLong() > 0);
    // Nothing in the settings file holds the key.
    QSettings settings;
    for (const QString &name : settings.allKeys())
        QVERIFY(!settings.value(name).toString().contains(m_fixture->rootKey()));
    later.connection->forget(url);
    QVERIFY(later.connection->recentConnections().isEmpty());
    QVERIFY(Parts().connection->recentConnections().isEmpty());
}

void TestConnection::withoutKeychainTheKeyIsNotStoredAndAskedAgain()
{
    const QString url = m_fixture->baseUrl().toString();
    Parts parts;
    QVERIFY(!parts.connection->keychainAvailable());
    QVERIFY(!parts.connection->keychainStatus().isEmpty());
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    parts.connection->connectToServer(url, m_fixture->rootKey(), true);
    QVERIFY(connected.wait(10000));
    QVERIFY(!parts.connection->recentConnections().at(0).toMap().value(u"keyStored"_s).toBool());
    QSignalSpy needed(parts.connection, &ConnectionController::rootKeyNeeded);
    parts.connection->connectRecent(url);
    QTRY_COMPARE(needed.count(), 1);
    QCOMPARE(needed.at(0).at(0).toString(), url);
}

// `--connect URL --root-key-file FILE` (./dev run): after Disconnect the start screen listed no
// recent connection, not even the one just used. It lists it now; the key given by file is not
// stored (it stays in its file), so reconnecting asks for it.
void TestConnection::commandLineConnectionIsOfferedAfterDisconnect()
{
    const QString url = m_fixture->baseUrl().toString();
    Parts parts;
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    parts.connection->connectFromCommandLine(url, m_fixture->rootKey());
    QVERIFY(connected.wait(10000));
    parts.session.disconnectFromServer();
    const QVariantList recent = parts.connection->recentConnections();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.at(0).toMap().value(u"url"_s).toString(), url);
    QVERIFY(!recent.at(0).toMap().value(u"keyStored"_s).toBool());
    QCOMPARE(Parts().connection->recentConnections(), recent); // also on the next start
    QSettings settings;
    for (const QString &name : settings.allKeys())
        QVERIFY(!settings.value(name).toString().contains(m_fixture->rootKey()));
    QSignalSpy needed(parts.connection, &ConnectionController::rootKeyNeeded);
    parts.connection->connectRecent(url);
    QTRY_COMPARE(needed.count(), 1);
    QCOMPARE(needed.at(0).at(0).toString(), url);
    QVERIFY(!parts.session.connected());
}

void TestConnection::disconnectClearsTheSession()
{
    Parts parts;
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    parts.connection->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), false);
    QVERIFY(connected.wait(10000));
    QVERIFY(parts.connection->recentConnections().isEmpty()); // remember = false
    QTRY_VERIFY(parts.session.capabilities()->known());
    parts.session.disconnectFromServer();
    QVERIFY(!parts.session.connected());
    QVERIFY(parts.session.client()->rootKey().isEmpty());
    QVERIFY(!parts.session.capabilities()->known());
}

void TestConnection::localServerStartsConnectsAndKeepsItsData()
{
    QTemporaryDir dataDir;
    QString apiId;
    for (int run = 0; run < 2; ++run) {
        Parts parts;
        LocalServerController local;
        local.setDataDir(dataDir.path());
        QObject::connect(&local, &LocalServerController::started, parts.connection, &ConnectionController::connectLocal);
        QSignalSpy started(&local, &LocalServerController::started);
        QSignalSpy connected(parts.connection, &ConnectionController::connected);
        local.start();
        QVERIFY(local.starting());
        QVERIFY(started.wait(30000));
        QVERIFY(local.running());
        QCOMPARE(local.url().host(), u"127.0.0.1"_s);
        QVERIFY(connected.count() == 1 || connected.wait(10000));
        QVERIFY(parts.session.connected());
        QTRY_VERIFY_WITH_TIMEOUT(parts.session.capabilities()->known(), 10000);
        QVERIFY(parts.session.capabilities()->may(u"api.*.create_key"_s));
        bool done = false;
        if (run == 0) {
            parts.session.client()->post(u"apis.createApi"_s, {{u"name"_s, u"kept"_s}}, nullptr, [&](const ApiResult &r) {
                apiId = r.data[u"apiId"].toString();
                done = true;
            });
        } else {
            parts.session.client()->post(u"apis.getApi"_s, {{u"apiId"_s, apiId}}, nullptr, [&](const ApiResult &r) {
                QCOMPARE(r.data[u"name"].toString(), u"kept"_s);
                done = true;
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!apiId.isEmpty());
        // Not a "recent connection": "Start a local server" is its way in, and its port may change.
        QVERIFY(parts.connection->recentConnections().isEmpty());
        parts.session.client()->cancelAll();
        local.stop();
        QVERIFY(!local.running());
    }
}

namespace {

/// Starts the local server over @p dataDir and returns the port it listens on (0 when it did not
/// start), stopped again.
quint16 localServerPort(const QString &dataDir)
{
    LocalServerController local;
    local.setDataDir(dataDir);
    QSignalSpy started(&local, &LocalServerController::started);
    local.start();
    if (!started.wait(30000))
        return 0;
    const quint16 port = quint16(local.url().port());
    local.stop();
    return port;
}

} // namespace

// The curl lines and the address the dashboard showed (the issued key's, the overview's) still
// work after the app and its local server start again: the server takes its last port back, and
// another one only when that is taken.
void TestConnection::localServerKeepsItsPortWhileItIsFree()
{
    QTemporaryDir dataDir;
    const quint16 first = localServerPort(dataDir.path());
    QVERIFY(first != 0);
    QCOMPARE(localServerPort(dataDir.path()), first);

    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, first));
    const quint16 second = localServerPort(dataDir.path());
    QVERIFY(second != 0);
    QVERIFY(second != first);
    squatter.close();
    QCOMPARE(localServerPort(dataDir.path()), second);
}

void TestConnection::localServerReportsAnUnusableDataFolder()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    LocalServerController local;
    local.setDataDir(dir.filePath(u"file/below-a-file"_s));
    QSignalSpy failed(&local, &LocalServerController::failed);
    local.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(!local.running());
    QVERIFY(!local.starting());
    QVERIFY(!local.error().isEmpty());
}

// "Disconnect" leaves the local server running: the start page offers "Open" (the key it handed
// out is kept in this process) and "Stop"; it names the file the key is in for curl lines.
void TestConnection::localServerOpensAgainAfterDisconnect()
{
    QTemporaryDir dataDir;
    Parts parts;
    LocalServerController local;
    local.setDataDir(dataDir.path());
    QObject::connect(&local, &LocalServerController::started, parts.connection, &ConnectionController::connectLocal);
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    QVERIFY(local.rootKeyFile().isEmpty());
    local.start();
    QTRY_VERIFY_WITH_TIMEOUT(parts.session.connected(), 30000);
    QCOMPARE(QFileInfo(local.rootKeyFile()).fileName(), u"bootstrap-root-key.txt"_s);
    QFile keyFile(local.rootKeyFile());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(keyFile.readAll()).trimmed(), parts.session.client()->rootKey());

    parts.session.client()->cancelAll();
    parts.session.disconnectFromServer();
    QVERIFY(!parts.session.connected());
    QVERIFY(local.running());
    const int before = connected.count();
    local.reopen();
    QTRY_VERIFY_WITH_TIMEOUT(parts.session.connected(), 30000);
    QCOMPARE(connected.count(), before + 1);
    QCOMPARE(parts.session.client()->baseUrl().port(), local.url().port());
    bool answered = false;
    parts.session.client()->post(u"apis.listApis"_s, {}, nullptr, [&](const ApiResult &r) {
        QVERIFY(r.ok());
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);

    parts.session.client()->cancelAll();
    parts.session.disconnectFromServer();
    local.stop();
    QVERIFY(!local.running());
    QVERIFY(local.rootKeyFile().isEmpty());
    local.reopen(); // stopped: nothing to open
    QTest::qWait(200);
    QVERIFY(!parts.session.connected());
}

// The app's session names the local server's key file while connected to it (the curl hints
// use it), and forgets it when connected elsewhere or disconnected.
void TestConnection::sessionKnowsTheLocalServersKeyFile()
{
    QTemporaryDir dataDir;
    DashboardApp app;
    Session *session = app.session();
    app.localServer()->setDataDir(dataDir.path());
    QVERIFY(session->rootKeyFile().isEmpty());
    app.localServer()->start();
    QTRY_VERIFY_WITH_TIMEOUT(session->connected(), 30000);
    QCOMPARE(session->rootKeyFile(), app.localServer()->rootKeyFile());
    QVERIFY(session->rootKeyFile().endsWith(u"bootstrap-root-key.txt"_s));
    session->client()->cancelAll();
    session->disconnectFromServer();
    QVERIFY(session->rootKeyFile().isEmpty());
    app.localServer()->reopen();
    QTRY_VERIFY_WITH_TIMEOUT(session->connected(), 30000);
    QCOMPARE(session->rootKeyFile(), app.localServer()->rootKeyFile());
    session->connectTo(m_fixture->baseUrl(), m_fixture->rootKey()); // another server
    QVERIFY(session->rootKeyFile().isEmpty());
    session->client()->cancelAll();
    session->disconnectFromServer();
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
