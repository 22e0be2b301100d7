#pragma once

#include <QObject>
#include <QUrl>

class QQmlApplicationEngine;

namespace Latchkey::Dashboard {

class ConnectionController;
class LocalServerController;
class RootKeyVault;
class Session;

/// The dashboard's object graph, built once by main() (and by the self-test and screenshot
/// tests): the session, the root-key vault, the connection and local-server controllers, wired
/// together; load() shows Main.qml with them as its required properties.
class DashboardApp : public QObject
{
    Q_OBJECT

public:
    explicit DashboardApp(QObject *parent = nullptr);
    ~DashboardApp() override;

    [[nodiscard]] Session *session() const { return m_session; }
    [[nodiscard]] RootKeyVault *vault() const { return m_vault; }
    [[nodiscard]] ConnectionController *connection() const { return m_connection; }
    [[nodiscard]] LocalServerController *localServer() const { return m_localServer; }

    /// The resource path of the window, for QQmlApplicationEngine::load().
    [[nodiscard]] static QUrl mainQmlUrl();
    /// Applies the saved language, then loads Main.qml into @p engine. False (with the reason
    /// logged) when the root object could not be created.
    [[nodiscard]] bool load(QQmlApplicationEngine &engine);
    /// Before @p engine is destroyed (main(), --self-test, the window tests): removes the
    /// window's pages and deletes them, and whatever else waits for deleteLater(), while the
    /// engine is still there. A web view (the console views) destroyed by the engine's own
    /// teardown may still be handed a navigation by Qt WebEngine, which then asks the engine it
    /// no longer has: a crash on exit (QQuickWebEngineViewPrivate::navigationRequested).
    static void unload(QQmlApplicationEngine &engine);

private:
    Session *m_session;
    RootKeyVault *m_vault;
    ConnectionController *m_connection;
    LocalServerController *m_localServer;
};

} // namespace Latchkey::Dashboard
