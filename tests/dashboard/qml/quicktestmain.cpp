// The Qt Quick Test runner of tests/dashboard/qml/tst_*.qml. Each test file gets `testSession`, a
// Session connected to an in-process latchkeyd (DashboardFixture) with sample data (`testSample`:
// apiId, keyId, externalId), `testEmptySession`, a Session of a workspace of its own that no test
// fills (the pages' empty states: the files share one server), `testNoApiSession`, another workspace
// of its own, without an API until tst_firststep creates the first one through the issue dialog,
// `testUnreachableSession`, a Session
// whose server has gone (a port nothing listens on: every request fails without an answer),
// `testReadOnlySession`, a Session of the sample's workspace with a root key that may only read
// (keys, APIs, analytics and owners: what a support desk's read-only key sees), `testHeldSession`,
// a Session of the sample's workspace whose answers `testAnswerGate` can hold back (`held`) and
// let through later (what a page shows while its requests are out, e.g. a running bulk action),
// `testServer`, what that server answered (`answered(action)`: a test that counts requests),
// and imports Latchkey.Dashboard like the app does.
// A warning of the QML engine (a binding loop, a type error, a required property left unset) fails
// the test function it happens in, as `--self-test` fails on one: printed only, a binding loop in
// the expiry picker went unnoticed for several stops. One outside every test function (a file's
// loading) fails the run at its end.
#include "dashboardfixture.h"
#include "serverrequests.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlError>
#include <QSettings>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest>

#include <cstdio>
#include <memory>
#include <vector>

/// A loopback proxy to the test server that holds the server's answers back while `held`, and
/// passes them on, in order, once it is not: a slow server on demand, without fixed delays.
class AnswerGate : public QTcpServer
{
    Q_OBJECT
    Q_PROPERTY(bool held READ held WRITE setHeld NOTIFY heldChanged)

public:
    explicit AnswerGate(const QUrl &upstream) : m_upstream(upstream)
    {
        connect(this, &QTcpServer::newConnection, this, &AnswerGate::pipeNext);
        if (!listen(QHostAddress::LocalHost))
            qFatal("the answer gate cannot listen");
    }

    [[nodiscard]] QUrl url() const
    {
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(serverPort());
        return url;
    }
    [[nodiscard]] bool held() const { return m_held; }
    void setHeld(bool held)
    {
        if (held == m_held)
            return;
        m_held = held;
        if (!held) {
            for (const std::shared_ptr<Pipe> &pipe : m_pipes)
                pipe->flush();
        }
        Q_EMIT heldChanged();
    }

Q_SIGNALS:
    void heldChanged();

private:
    /// One client connection and its own connection to the server.
    struct Pipe {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
        QByteArray answers; // held back
        bool serverClosed = false;
        void flush()
        {
            if (client && !answers.isEmpty())
                client->write(answers);
            answers.clear();
            if (client && serverClosed)
                client->disconnectFromHost();
        }
    };

    void pipeNext()
    {
        while (QTcpSocket *client = nextPendingConnection()) {
            auto pipe = std::make_shared<Pipe>();
            pipe->client = client;
            pipe->server = new QTcpSocket(client);
            m_pipes.push_back(pipe);
            // Requests go on at once (written before the connection is up, they wait in its buffer).
            connect(client, &QTcpSocket::readyRead, client, [pipe] {
                if (pipe->server)
                    pipe->server->write(pipe->client->readAll());
            });
            connect(pipe->server, &QTcpSocket::readyRead, client, [this, pipe] {
                pipe->answers += pipe->server->readAll();
                if (!m_held)
                    pipe->flush();
            });
            connect(pipe->server, &QTcpSocket::disconnected, client, [this, pipe] {
                pipe->serverClosed = true;
                if (!m_held)
                    pipe->flush();
            });
            connect(client, &QTcpSocket::disconnected, this, [this, pipe] {
                std::erase(m_pipes, pipe);
                pipe->client->deleteLater(); // and the server's socket, its child
            });
            pipe->server->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
        }
    }

    QUrl m_upstream;
    bool m_held = false;
    std::vector<std::shared_ptr<Pipe>> m_pipes;
};

/// What the test server answered so far, for a test that counts its requests (`testServer`).
class ServerRequests : public QObject
{
    Q_OBJECT

public:
    explicit ServerRequests(Latchkey::Server::Server &server) : m_server(server) {}

    /// How many `POST /v2/<action>` requests the server answered so far, whatever their status.
    Q_INVOKABLE double answered(const QString &action) const
    {
        return double(Latchkey::Test::answered(m_server, QStringLiteral("/v2/") + action));
    }

private:
    Latchkey::Server::Server &m_server;
};

/// The time testSession's formatter counts relative texts from (`testClock`): pinned by a test
/// that checks a text follows the time, given back to the clock before each file.
class TestClock : public QObject
{
    Q_OBJECT

public:
    explicit TestClock(Latchkey::Dashboard::Formatter &format) : m_format(format) {}

    /// `format.now` is @p unixMs from now on (and bindings that read it are evaluated anew).
    Q_INVOKABLE void pin(double unixMs) { m_format.setNow(qint64(unixMs)); }
    /// `format.now` follows the clock again.
    Q_INVOKABLE void unpin() { m_format.setNow(0); }

private:
    Latchkey::Dashboard::Formatter &m_format;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_fixture = std::make_unique<Latchkey::Test::DashboardFixture>();
        const QString apiId = m_fixture->createApi(QStringLiteral("qml-tests"));
        const QJsonObject key = m_fixture->createKey({{QStringLiteral("apiId"), apiId},
                                                      {QStringLiteral("externalId"), QStringLiteral("qml-owner")},
                                                      {QStringLiteral("name"), QStringLiteral("qml key")}});
        m_sample = {{QStringLiteral("apiId"), apiId},
                    {QStringLiteral("keyId"), key.value(u"keyId").toString()},
                    {QStringLiteral("externalId"), QStringLiteral("qml-owner")}};
        m_emptySession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectToNewWorkspace(*m_emptySession))
            qFatal("cannot make the empty workspace's session");
        m_noApiSession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectToNewWorkspace(*m_noApiSession))
            qFatal("cannot make the no-API workspace's session");
        m_unreachableSession = std::make_unique<Latchkey::Dashboard::Session>();
        m_unreachableSession->connectTo(unusedPortUrl(), m_fixture->rootKey());
        m_readOnlySession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectWith(*m_readOnlySession,
                                    {QStringLiteral("api.*.read_key"), QStringLiteral("api.*.read_api"),
                                     QStringLiteral("api.*.read_analytics"), QStringLiteral("identity.*.read_identity")}))
            qFatal("cannot make the read-only session");
        m_serverRequests = std::make_unique<ServerRequests>(m_fixture->server());
        m_answerGate = std::make_unique<AnswerGate>(m_fixture->baseUrl());
        m_heldSession = std::make_unique<Latchkey::Dashboard::Session>();
        m_heldSession->connectTo(m_answerGate->url(), m_fixture->rootKey());
        m_clock = std::make_unique<TestClock>(*m_fixture->session()->format());
        m_startLanguage = m_fixture->session()->settings()->language();
        m_startTheme = m_fixture->session()->settings()->theme();
    }

    // Called before each file.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        resetSettings();
        m_clock->unpin();
        connect(engine, &QQmlEngine::warnings, this, &Setup::failOnWarnings);
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testSession"), m_fixture->session());
        engine->rootContext()->setContextProperty(QStringLiteral("testSample"), m_sample);
        engine->rootContext()->setContextProperty(QStringLiteral("testEmptySession"), m_emptySession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testNoApiSession"), m_noApiSession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testUnreachableSession"), m_unreachableSession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testReadOnlySession"), m_readOnlySession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testHeldSession"), m_heldSession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testAnswerGate"), m_answerGate.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testServer"), m_serverRequests.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testClock"), m_clock.get());
    }

    void cleanupTestCase()
    {
        m_unreachableSession.reset();
        m_answerGate->setHeld(false);
        m_heldSession.reset();
        m_answerGate.reset();
        m_noApiSession.reset();
        m_emptySession.reset(); // no request in flight when the server goes
        m_readOnlySession.reset();
        m_serverRequests.reset();
        m_clock.reset();
        m_fixture.reset();
    }

public:
    /// The QML warnings that came outside every test function.
    [[nodiscard]] const QStringList &warningsOutsideTests() const { return m_warningsOutsideTests; }

private:
    /// Every session back to the language and theme of the run's start: a file that failed while
    /// it had switched to German left German to every later file of its half, whose hundreds of
    /// failures then hid the first one and ran into the half's timeout. And that language's
    /// catalogue installed, as the app does at its start: without it English plurals read "2
    /// hour(s)" until a test had switched the language once (so a file's texts depended on the
    /// files before it).
    void resetSettings()
    {
        for (Latchkey::Dashboard::Session *session :
             {m_fixture->session(), m_emptySession.get(), m_noApiSession.get(), m_unreachableSession.get(),
              m_readOnlySession.get(), m_heldSession.get()}) {
            session->settings()->setLanguage(m_startLanguage);
            session->settings()->setTheme(m_startTheme);
        }
        m_fixture->session()->settings()->apply();
    }

    void failOnWarnings(const QList<QQmlError> &warnings)
    {
        for (const QQmlError &warning : warnings) {
            const QString message = QStringLiteral("QML warning: ") + warning.toString();
            if (QTest::currentTestFunction())
                QTest::qFail(qPrintable(message), __FILE__, __LINE__);
            else
                m_warningsOutsideTests.append(message);
        }
    }

    /// A loopback URL whose port was free a moment ago: connections to it are refused.
    static QUrl unusedPortUrl()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot find a free port");
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(probe.serverPort());
        return url;
    }

    std::unique_ptr<Latchkey::Dashboard::Session> m_unreachableSession;
    std::unique_ptr<AnswerGate> m_answerGate;
    std::unique_ptr<ServerRequests> m_serverRequests;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<Latchkey::Dashboard::Session> m_heldSession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_noApiSession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_emptySession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_readOnlySession;
    std::unique_ptr<Latchkey::Test::DashboardFixture> m_fixture;
    QVariantMap m_sample;
    QString m_startLanguage;
    QString m_startTheme;
    QStringList m_warningsOutsideTests;
};

int main(int argc, char **argv)
{
    // Settings of this run only: a language or theme a test leaves behind (or a crashed run's)
    // must not leak into the next run, or another developer's, through ~/.qttest.
    const QTemporaryDir settingsDir;
    if (!settingsDir.isValid())
        return 1;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QtWebEngineQuick::initialize(); // before the application exists, as in the app
    qputenv("QML_XHR_ALLOW_FILE_READ", "1"); // tst_usageexport reads back the CSV it saved
    Setup setup;
    const int failed = quick_test_main_with_setup(argc, argv, "dashboard_qml", QUICK_TEST_SOURCE_DIR, &setup);
    for (const QString &warning : setup.warningsOutsideTests())
        std::fprintf(stderr, "FAIL!  : %s (outside any test function)\n", qPrintable(warning));
    return failed != 0 ? failed : setup.warningsOutsideTests().isEmpty() ? 0 : 1;
}

#include "quicktestmain.moc"
