#pragma once

#include "api/principal.h"
#include "apiclient.h"
#include "core/random.h"
#include "server/server.h"
#include "session.h"

#include <QGuiApplication>
#include <QQuickStyle>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <memory>

namespace Latchkey::Test {

/// An in-process latchkeyd for dashboard tests: a real Server listening on 127.0.0.1 (a free
/// port) over a fresh SQLite file in a temporary folder, a root key with every permission, and a
/// Session whose ApiClient is connected to it. The server's listening socket lives on the test's
/// thread, so it serves while the test waits (QTRY_*, QSignalSpy::wait, call()); requests are
/// handled on the server's worker threads.
class DashboardFixture
{
public:
    DashboardFixture()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in ~/.qttest, never the user's
        Server::ServerConfig config;
        config.listenHost = QStringLiteral("127.0.0.1");
        config.listenPort = 0;
        config.dataDir = m_dir.path();
        config.bootstrapRootKey = QStringLiteral("lkroot_dash_") + Core::newId(u"t");
        config.nodeName = QStringLiteral("test-node");
        config.workerThreads = 2;
        config.shutdownGraceMs = 1000;
        m_rootKey = config.bootstrapRootKey;
        m_server = std::make_unique<Server::Server>(config);
        if (const Core::Status listening = m_server->listen(); !listening)
            qFatal("cannot listen: %s", qPrintable(listening.error().detail));
        if (const Core::Status opened = m_server->open(); !opened)
            qFatal("cannot open test server: %s", qPrintable(opened.error().detail));
        m_baseUrl.setScheme(QStringLiteral("http"));
        m_baseUrl.setHost(QStringLiteral("127.0.0.1"));
        m_baseUrl.setPort(m_server->port());
        resetChartSettings();
        m_session = std::make_unique<Dashboard::Session>();
        m_session->connectTo(m_baseUrl, m_rootKey);
    }

    /// A fixture for a test whose settings start empty: QSettings (in test mode, never the
    /// user's) cleared before the server and the fixture's Session exist.
    static std::unique_ptr<DashboardFixture> withClearedSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        return std::make_unique<DashboardFixture>();
    }

    /// The one place tests get the charts' settings from: an API's keys with their charts (the
    /// page's tightest layout, which most layout and Tab-order tests were written for; a fresh
    /// installation hides them: tst_screens keysPageOpensOnItsKeys), for every Session and
    /// DashboardApp made after the fixture. Test-mode QSettings live in ~/.qttest across runs, so
    /// a run that stopped with the charts hidden handed that on to the next.
    static void resetChartSettings()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("ui/listCharts"), true);
    }

    ~DashboardFixture()
    {
        m_session.reset(); // no request in flight when the server goes
        m_server->stop();
    }

    [[nodiscard]] Server::Server &server() { return *m_server; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString rootKey() const { return m_rootKey; }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }
    [[nodiscard]] Dashboard::Session *session() { return m_session.get(); }
    [[nodiscard]] Dashboard::ApiClient *client() { return m_session->client(); }
    [[nodiscard]] QString workspaceId() const { return m_server->defaultWorkspaceId(); }

    /// A new root key in the main workspace holding exactly @p permissions.
    QString createRootKey(const QStringList &permissions)
    {
        const QString plaintext = QStringLiteral("lkroot_dash_") + Core::newId(u"k");
        return m_server->seedRootKey(workspaceId(), plaintext, permissions) ? plaintext : QString();
    }

    /// Connects @p session (rootKeys.whoami not answered yet) with a new root key holding exactly
    /// @p permissions; false when the key could not be created.
    [[nodiscard]] bool connectWith(Dashboard::Session &session, const QStringList &permissions)
    {
        const QString rootKey = createRootKey(permissions);
        if (rootKey.isEmpty())
            return false;
        session.connectTo(m_baseUrl, rootKey);
        return true;
    }

    /// Connects @p session (rootKeys.whoami not answered yet) with a root key holding every
    /// permission in a new, empty workspace of the same server (a page's empty states, whatever
    /// other tests created); false when the workspace or key could not be created.
    [[nodiscard]] bool connectToNewWorkspace(Dashboard::Session &session)
    {
        const Core::Result<QString> workspace = m_server->createWorkspace(QStringLiteral("empty ") + Core::newId(u"w"));
        if (!workspace)
            return false;
        const QString rootKey = QStringLiteral("lkroot_dash_") + Core::newId(u"k");
        if (!m_server->seedRootKey(workspace.value(), rootKey, Api::allWorkspacePermissions()))
            return false;
        session.connectTo(m_baseUrl, rootKey);
        return true;
    }

    /// Calls @p action through the fixture's client and waits for the answer (test set-up and
    /// checks "through the server's API"). @p rootKey: call with another key.
    Dashboard::ApiResult call(const QString &action, const QJsonObject &body, const QString &rootKey = {})
    {
        Dashboard::ApiClient other;
        Dashboard::ApiClient *client = m_session->client();
        if (!rootKey.isEmpty()) {
            other.setConnection(m_baseUrl, rootKey);
            client = &other;
        }
        Dashboard::ApiResult result;
        bool done = false;
        client->post(action, body, nullptr, [&](const Dashboard::ApiResult &answer) {
            result = answer;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning("%s did not answer in 30 s", qPrintable(action));
        return result;
    }

    /// Creates an API; returns its id ("" on failure, with a warning).
    QString createApi(const QString &name = QStringLiteral("test-api"))
    {
        const auto result = call(QStringLiteral("apis.createApi"), {{QStringLiteral("name"), name}});
        if (!result.ok())
            qWarning("createApi failed: %s", qPrintable(result.errorDetail));
        return result.data.toObject().value(u"apiId").toString();
    }

    /// Creates a key with @p request (apiId required); returns `data` ({keyId, key}).
    QJsonObject createKey(const QJsonObject &request)
    {
        const auto result = call(QStringLiteral("keys.createKey"), request);
        if (!result.ok())
            qWarning("createKey failed: %s", qPrintable(result.errorDetail));
        return result.data.toObject();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Server::Server> m_server;
    std::unique_ptr<Dashboard::Session> m_session;
    QUrl m_baseUrl;
    QString m_rootKey;
};

} // namespace Latchkey::Test

/// main() for dashboard tests that create QML (WebEngine needs initialising before the app
/// exists; the Material style is the app's). Use instead of QTEST_MAIN.
#define LATCHKEY_DASHBOARD_TEST_MAIN(TestObject)                                                   \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QtWebEngineQuick::initialize();                                                            \
        QGuiApplication app(argc, argv);                                                           \
        QQuickStyle::setStyle(QStringLiteral("Material"));                                         \
        TestObject test;                                                                           \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
