// LATCHKEY_TEST_SECRET_SERVICE: ctest runs this through with-secret-service.sh, on a private
// session bus in a throw-away HOME, three times: "keyring" (an unlocked gnome-keyring-daemon is
// the secret service), "locked" (the same, which the test locks; nothing can unlock it without a
// prompt, and no prompter can start there) and "none" (no secret service on the bus). What the
// start screen promises: with a secret service, "remember" keeps the root key there and the next
// start connects with it, and "forget" removes it; with a locked one or none, the key is stored
// nowhere, the user is told why and that it will be asked again, and the connection made with
// the typed key works all the same. Real qtkeychain, real libsecret, a real in-process server.
#include "connectionparts.h"
#include "dashboardfixture.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::ConnectionParts;
using Latchkey::Test::DashboardFixture;

namespace {

/// @p text as it may stand in a file: UTF-8, or UTF-16 either way (QDataStream, as in QSettings'
/// @Variant(...) values).
QList<QByteArray> encodings(const QString &text)
{
    QByteArray big;
    QByteArray little;
    for (const QChar c : text) {
        big.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        little.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    }
    return {text.toUtf8(), big, little};
}

/// @p bytes with QSettings' INI escapes undone ("\0", "\x65", "\n"...), so a QDataStream'd
/// value inside @Variant(...) can be searched.
QByteArray iniUnescaped(const QByteArray &bytes)
{
    static const QByteArray controls("a\ab\bf\fn\nr\rt\tv\v");
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '\\' || i + 1 == bytes.size()) {
            out.append(bytes.at(i));
            continue;
        }
        const char next = bytes.at(++i);
        if (next == '0') {
            out.append('\0');
        } else if (next == 'x') {
            qsizetype end = i + 1;
            while (end < bytes.size() && end < i + 5 && std::isxdigit(static_cast<unsigned char>(bytes.at(end))))
                ++end;
            out.append(char(bytes.mid(i + 1, end - i - 1).toUInt(nullptr, 16) & 0xff));
            i = end - 1;
        } else {
            const qsizetype control = controls.indexOf(next);
            out.append(control >= 0 && control % 2 == 0 ? controls.at(control + 1) : next);
        }
    }
    return out;
}

/// The files below @p folder that contain @p text in any of its encodings(), raw or INI-escaped.
QStringList filesContaining(const QString &folder, const QString &text)
{
    const QList<QByteArray> needles = encodings(text);
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        const QByteArray unescaped = iniUnescaped(bytes);
        if (std::any_of(needles.cbegin(), needles.cend(), [&](const QByteArray &needle) {
                return bytes.contains(needle) || unescaped.contains(needle);
            }))
            found.append(file.fileName());
    }
    return found;
}

/// What a fresh vault (a new start of the app) reads for @p url: "" when nothing is stored.
QString storedKey(const QString &url)
{
    RootKeyVault vault(u"latchkey-dashboard-test"_s);
    QString key;
    bool done = false;
    vault.read(url, &vault, [&](const QString &read) {
        key = read;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("the keychain did not answer in 30 s");
    return key;
}

/// Whether the start screen's latest recent connection says its key is in the keychain.
bool recentKeyStored(const ConnectionParts &parts)
{
    return parts.connection->recentConnections().value(0).toMap().value(u"keyStored"_s).toBool();
}

/// dbus-send --print-reply to the secret service; its output, "" when the call failed.
QString callSecretService(const QStringList &arguments)
{
    QProcess process;
    process.start(u"dbus-send"_s, QStringList{u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s} + arguments);
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("dbus-send %s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// Locks the default collection (where libsecret stores), as a screen locker or the user would;
/// true when the collection then says it is locked. Unlocking needs a prompt.
bool lockKeyring()
{
    const QString collection = u"/org/freedesktop/secrets/aliases/default"_s;
    if (callSecretService({u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                           u"array:objpath:"_s + collection})
            .isEmpty())
        return false;
    return callSecretService({collection, u"org.freedesktop.DBus.Properties.Get"_s,
                              u"string:org.freedesktop.Secret.Collection"_s, u"string:Locked"_s})
        .contains(u"boolean true"_s);
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void cleanupTestCase() { m_fixture.reset(); }

    void rememberedKeyIsInTheKeychainAndUsedOnTheNextStart();
    void forgetRemovesTheKeyFromTheKeychain();
    void withoutSecretServiceTheKeyIsStoredNowhereAndAskedAgain();
    void statusFollowsEveryLanguageChange();
    void aKeyGivenByFileIsNotStored();
    // "locked": the first needs the keyring still open, so it comes first (declaration order).
    void keyStoredBeforeTheKeyringLockedIsAskedAgain();
    void lockedKeyringStoresNothingAndSaysWhy();
    void startScreenKnowsAboutTheKeychainBeforeAnyConnect();

private:
    /// Connects a new start of the app with "remember"; false when it did not connect.
    bool connectRemembering(ConnectionParts &parts);

    QString m_mode;
    QString m_home;
    std::unique_ptr<DashboardFixture> m_fixture;
};

void TestKeychain::initTestCase()
{
    m_mode = qEnvironmentVariable("LATCHKEY_TEST_SECRET_SERVICE");
    m_home = qEnvironmentVariable("LATCHKEY_TEST_HOME");
    if (m_mode == u"missing")
        QSKIP("gnome-keyring or dbus-run-session is not installed (apt-get install gnome-keyring dbus-daemon): "
              "the keychain is not tested");
    if (m_mode.isEmpty() || m_home.isEmpty())
        QSKIP("run through tests/dashboard/with-secret-service.sh (ctest does): it needs a private session bus");
    QVERIFY(m_mode == u"keyring" || m_mode == u"locked" || m_mode == u"none");
    QCOMPARE(QDir::homePath(), QDir(m_home).canonicalPath()); // never the user's keyring or settings
    m_fixture = std::make_unique<DashboardFixture>();
}

bool TestKeychain::connectRemembering(ConnectionParts &parts)
{
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    parts.connection->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), true);
    return connected.wait(20000);
}

void TestKeychain::rememberedKeyIsInTheKeychainAndUsedOnTheNextStart()
{
    if (m_mode != u"keyring")
        QSKIP("needs the secret service");
    const QString url = m_fixture->baseUrl().toString();
    {
        ConnectionParts first(ConnectionParts::Keychain::Real);
        QVERIFY(connectRemembering(first));
        // The recent entry says the key is in the keychain once the secret service took it.
        QTRY_VERIFY_WITH_TIMEOUT(recentKeyStored(first), 20000);
        QVERIFY2(first.connection->keychainAvailable(), qPrintable(first.connection->keychainStatus()));
        QVERIFY(first.connection->keychainStatus().isEmpty());
    }
    QCOMPARE(storedKey(url), m_fixture->rootKey());

    ConnectionParts later(ConnectionParts::Keychain::Real); // the next start of the app
    const QVariantMap recent = later.connection->recentConnections().value(0).toMap();
    QCOMPARE(recent.value(u"url"_s).toString(), url);
    QVERIFY(recent.value(u"keyStored"_s).toBool());
    QSignalSpy connected(later.connection, &ConnectionController::connected);
    QSignalSpy needed(later.connection, &ConnectionController::rootKeyNeeded);
    later.connection->connectRecent(url);
    QVERIFY(connected.wait(20000));
    QCOMPARE(needed.count(), 0);
    QVERIFY(later.session.connected());
    QCOMPARE(later.session.client()->rootKey(), m_fixture->rootKey());
    // The keyring file on disk is encrypted, and no settings or data file holds the key.
    const QStringList leaks = filesContaining(m_home, m_fixture->rootKey());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    QVERIFY(QDir(m_home).exists(u".local/share/keyrings"_s)); // the key went to gnome-keyring's store
}

void TestKeychain::forgetRemovesTheKeyFromTheKeychain()
{
    if (m_mode != u"keyring")
        QSKIP("needs the secret service");
    const QString url = m_fixture->baseUrl().toString();
    ConnectionParts parts(ConnectionParts::Keychain::Real);
    QVERIFY(connectRemembering(parts));
    QTRY_VERIFY_WITH_TIMEOUT(recentKeyStored(parts), 20000);
    QCOMPARE(storedKey(url), m_fixture->rootKey());

    parts.connection->forget(url);
    QVERIFY(parts.connection->recentConnections().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(storedKey(url).isEmpty(), 20000);
    // Connecting to it again asks for the key.
    ConnectionParts later(ConnectionParts::Keychain::Real);
    QVERIFY(later.connection->recentConnections().isEmpty());
    QSignalSpy needed(later.connection, &ConnectionController::rootKeyNeeded);
    later.connection->connectRecent(url);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, 20000);
    QVERIFY(!later.session.connected());
}

void TestKeychain::withoutSecretServiceTheKeyIsStoredNowhereAndAskedAgain()
{
    if (m_mode != u"none")
        QSKIP("needs a bus without a secret service");
    const QString url = m_fixture->baseUrl().toString();
    {
        ConnectionParts first(ConnectionParts::Keychain::Real);
        QVERIFY(connectRemembering(first));
        // The failed write tells the start screen why the key is not kept.
        QTRY_VERIFY_WITH_TIMEOUT(!first.connection->keychainAvailable(), 20000);
        const QString status = first.connection->keychainStatus();
        QVERIFY2(status.contains(u"not stored"_s) && status.contains(u"asked"_s), qPrintable(status));
        QVERIFY(!recentKeyStored(first));
        QVERIFY(first.session.connected()); // connecting itself is unaffected
    }
    QVERIFY(storedKey(url).isEmpty());
    ConnectionParts later(ConnectionParts::Keychain::Real);
    const QVariantMap recent = later.connection->recentConnections().value(0).toMap();
    QCOMPARE(recent.value(u"url"_s).toString(), url); // the server is remembered, its key is not
    QVERIFY(!recent.value(u"keyStored"_s).toBool());
    QSignalSpy needed(later.connection, &ConnectionController::rootKeyNeeded);
    later.connection->connectRecent(url);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, 20000);
    QCOMPARE(needed.at(0).at(0).toString(), url);
    QVERIFY(!later.session.connected());
    // No plaintext fallback anywhere: settings, app data, caches.
    const QStringList leaks = filesContaining(m_home, m_fixture->rootKey());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    QVERIFY(!filesContaining(m_home, url).isEmpty()); // the search itself works: the URL is in the settings
}

/// `--connect URL --root-key-file FILE`: the server joins the recent list (the start screen offers
/// it after Disconnect), its key does not join the keychain, wherever one exists: it stays in the
/// file the user keeps it in, and reconnecting asks for it.
void TestKeychain::aKeyGivenByFileIsNotStored()
{
    const QString url = m_fixture->baseUrl().toString();
    ConnectionParts parts(ConnectionParts::Keychain::Real);
    QSignalSpy connected(parts.connection, &ConnectionController::connected);
    parts.connection->connectFromCommandLine(url, m_fixture->rootKey());
    QVERIFY(connected.wait(20000));
    parts.session.disconnectFromServer();
    const QVariantMap recent = parts.connection->recentConnections().value(0).toMap();
    QCOMPARE(recent.value(u"url"_s).toString(), url);
    QVERIFY(!recent.value(u"keyStored"_s).toBool());
    QVERIFY(storedKey(url).isEmpty());
    QSignalSpy needed(parts.connection, &ConnectionController::rootKeyNeeded);
    parts.connection->connectRecent(url);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, 20000);
    QVERIFY(!parts.session.connected());
    const QStringList leaks = filesContaining(m_home, m_fixture->rootKey());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
}

/// The keychain line is found missing while the UI is German, then the UI turns Spanish: the
/// line follows (not only a status first found in English does).
void TestKeychain::statusFollowsEveryLanguageChange()
{
    if (m_mode != u"none")
        QSKIP("needs a bus without a secret service");
    QTranslator german;
    QTranslator spanish;
    QVERIFY(german.load(u":/i18n/latchkey_de.qm"_s));
    QVERIFY(spanish.load(u":/i18n/latchkey_es.qm"_s));
    const auto cleanup = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&german);
        QCoreApplication::removeTranslator(&spanish);
    });
    QCoreApplication::installTranslator(&german);
    ConnectionParts parts(ConnectionParts::Keychain::Real);
    QTRY_VERIFY_WITH_TIMEOUT(parts.vault.probed(), 20000);
    QVERIFY(!parts.connection->keychainAvailable());
    const QString inGerman = parts.connection->keychainStatus();
    QVERIFY2(inGerman.contains(u"Schlüsselbund"_s), qPrintable(inGerman));
    QSignalSpy changed(parts.connection, &ConnectionController::keychainChanged);
    QCoreApplication::removeTranslator(&german);
    QCoreApplication::installTranslator(&spanish);
    QTRY_VERIFY(changed.count() > 0);
    const QString inSpanish = parts.connection->keychainStatus();
    QVERIFY2(inSpanish != inGerman && inSpanish.contains(u"llavero"_s), qPrintable(inSpanish));
    QCoreApplication::removeTranslator(&spanish);
    QTRY_VERIFY(parts.connection->keychainStatus().startsWith(u"No keychain on this computer"_s));
}

void TestKeychain::keyStoredBeforeTheKeyringLockedIsAskedAgain()
{
    if (m_mode != u"locked")
        QSKIP("needs a keyring the test may lock");
    const QString url = m_fixture->baseUrl().toString();
    {
        ConnectionParts first(ConnectionParts::Keychain::Real);
        QVERIFY(connectRemembering(first));
        QTRY_VERIFY_WITH_TIMEOUT(recentKeyStored(first), 20000);
    }
    QCOMPARE(storedKey(url), m_fixture->rootKey());
    QVERIFY(lockKeyring());

    // The next start cannot read the key without a prompt nobody can answer: it asks the user,
    // promptly, instead of waiting for the keyring.
    ConnectionParts later(ConnectionParts::Keychain::Real);
    QVERIFY(recentKeyStored(later));
    QSignalSpy needed(later.connection, &ConnectionController::rootKeyNeeded);
    QSignalSpy connected(later.connection, &ConnectionController::connected);
    QElapsedTimer answered;
    answered.start();
    later.connection->connectRecent(url);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, 20000);
    qInfo("a locked keyring's read answered in %lld ms", answered.elapsed());
    QCOMPARE(needed.at(0).at(0).toString(), url);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!later.session.connected());
    QVERIFY(storedKey(url).isEmpty());
}

void TestKeychain::lockedKeyringStoresNothingAndSaysWhy()
{
    if (m_mode != u"locked")
        QSKIP("needs a keyring the test may lock");
    QVERIFY(lockKeyring()); // again: this function may run alone
    const QString url = m_fixture->baseUrl().toString();
    {
        ConnectionParts first(ConnectionParts::Keychain::Real);
        QTRY_VERIFY_WITH_TIMEOUT(first.vault.probed(), 20000);
        QVERIFY(connectRemembering(first));
        // The typed key is not lost: the session uses it, and it works.
        QVERIFY(first.session.connected());
        QCOMPARE(first.session.client()->rootKey(), m_fixture->rootKey());
        // The write cannot unlock the keyring: it fails, and the start screen says why.
        QTRY_VERIFY_WITH_TIMEOUT(!first.connection->keychainAvailable(), 20000);
        const QString status = first.connection->keychainStatus();
        QVERIFY2(status.contains(u"locked"_s) && status.contains(u"not stored"_s) && status.contains(u"asked"_s),
                 qPrintable(status));
        QVERIFY2(!first.connection->keychainDetail().isEmpty(), "the secret service's own error, for the tooltip");
        QVERIFY(!recentKeyStored(first));
        bool listed = false;
        first.session.client()->post(u"apis.listApis"_s, {}, &first.session, [&](const ApiResult &result) {
            listed = result.ok();
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed, 20000);
    }
    QVERIFY(storedKey(url).isEmpty());

    // The next start remembers the server, not the key, and asks for it.
    ConnectionParts later(ConnectionParts::Keychain::Real);
    const QVariantMap recent = later.connection->recentConnections().value(0).toMap();
    QCOMPARE(recent.value(u"url"_s).toString(), url);
    QVERIFY(!recent.value(u"keyStored"_s).toBool());
    QSignalSpy needed(later.connection, &ConnectionController::rootKeyNeeded);
    later.connection->connectRecent(url);
    QTRY_COMPARE_WITH_TIMEOUT(needed.count(), 1, 20000);
    QVERIFY(!later.session.connected());
    const QStringList leaks = filesContaining(m_home, m_fixture->rootKey());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
}

void TestKeychain::startScreenKnowsAboutTheKeychainBeforeAnyConnect()
{
    // A new start of the app, nobody connects: the probe alone decides what "remember" promises.
    ConnectionParts parts(ConnectionParts::Keychain::Real);
    QSignalSpy changed(parts.connection, &ConnectionController::keychainChanged);
    QTRY_VERIFY_WITH_TIMEOUT(parts.vault.probed(), 20000);
    QVERIFY(parts.connection->recentConnections().isEmpty());
    QVERIFY(!parts.session.connected());
    if (m_mode == u"none") {
        QVERIFY(!parts.connection->keychainAvailable());
        QCOMPARE(changed.count(), 1);
        const QString status = parts.connection->keychainStatus();
        QVERIFY2(status.contains(u"not stored"_s) && status.contains(u"asked"_s), qPrintable(status));
        // The friendly status only; the secret service's own error is kept apart (a tooltip).
        const QString detail = parts.connection->keychainDetail();
        QVERIFY(!detail.isEmpty());
        QVERIFY2(!status.contains(detail) && !status.contains(u"dbus"_s, Qt::CaseInsensitive), qPrintable(status));
    } else {
        QVERIFY2(parts.connection->keychainAvailable(), qPrintable(parts.connection->keychainStatus()));
        QVERIFY(parts.connection->keychainStatus().isEmpty());
        QVERIFY(parts.connection->keychainDetail().isEmpty());
        QCOMPARE(changed.count(), 0);
        QVERIFY(storedKey(u"latchkey-probe-entry-that-is-never-written"_s).isEmpty()); // the probe wrote nothing
    }
    // A disabled vault never probes and keeps its own reason.
    ConnectionParts disabled(ConnectionParts::Keychain::Disabled);
    QVERIFY(disabled.vault.probed());
    QTest::qWait(200);
    QCOMPARE(disabled.connection->keychainStatus(), u"no keychain in tests"_s);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
