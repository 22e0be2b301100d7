#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQmlIntegration>

class QThread;

namespace Latchkey::Server {
class Server;
}

namespace Latchkey::Dashboard {

/// "Start a local server": runs latchkeyd's Server in this process, on a worker thread, on a
/// loopback port over a local data folder (default: <AppDataLocation>/local-server). No install,
/// no configuration. The root key it hands out is the data folder's bootstrap key, read from the
/// file the server writes there on first start (or a key seeded in-process when that file is gone).
class LocalServerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main()")
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool starting READ starting NOTIFY stateChanged)
    Q_PROPERTY(QUrl url READ url NOTIFY stateChanged)
    Q_PROPERTY(QString address READ address NOTIFY stateChanged)
    Q_PROPERTY(QString dataDir READ dataDir WRITE setDataDir NOTIFY dataDirChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    /// While running: the file in the data folder that holds the root key the dashboard uses
    /// (`bootstrap-root-key.txt`, or `dashboard-root-key.txt` when that was moved away), for
    /// curl lines that need a root key. "" when stopped.
    Q_PROPERTY(QString rootKeyFile READ rootKeyFile NOTIFY stateChanged)

public:
    explicit LocalServerController(QObject *parent = nullptr);
    ~LocalServerController() override;

    [[nodiscard]] bool running() const { return m_url.isValid(); }
    [[nodiscard]] bool starting() const { return m_starting; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString address() const { return m_url.toDisplayString(); }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    void setDataDir(const QString &dir);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString rootKeyFile() const { return m_rootKeyFile; }
    /// The default data folder: <AppDataLocation>/local-server.
    [[nodiscard]] static QString defaultDataDir();

    /// Opens the store and listens on 127.0.0.1 (a free port) off the GUI thread; started() or
    /// failed() follows. Does nothing when running or starting.
    Q_INVOKABLE void start();
    /// Stops the server (in-flight requests finish) and its thread. Blocks briefly.
    Q_INVOKABLE void stop();
    /// Connects again to the running server (after "Disconnect"): started() once more, with the
    /// root key it handed out, which this process keeps while the server runs. Does nothing when
    /// not running.
    Q_INVOKABLE void reopen();

Q_SIGNALS:
    /// The server answers at @p url; @p rootKey may do everything in its workspace.
    void started(const QUrl &url, const QString &rootKey);
    void failed(const QString &detail);
    void stateChanged();
    void dataDirChanged();

private:
    void onStarted(quint16 port, const QString &rootKey, const QString &keyFile, const QString &error);

    QString m_dataDir;
    QThread *m_thread = nullptr;
    QObject *m_anchor = nullptr; ///< lives on m_thread, parent of the Server
    bool m_starting = false;
    QUrl m_url;
    QString m_error;
    QString m_rootKey;
    QString m_rootKeyFile;
};

} // namespace Latchkey::Dashboard
