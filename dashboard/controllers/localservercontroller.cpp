#include "localservercontroller.h"

#include "api/principal.h"
#include "core/keyfactory.h"
#include "server/server.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLocalServer, "latchkey.dashboard.localserver")

namespace Latchkey::Dashboard {

namespace {

QString readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

/// The root key the dashboard uses and the file it is in.
struct SessionKey
{
    QString key;
    QString file;
};

/// The key the dashboard uses: the bootstrap key file, else one it seeded earlier, else a new
/// one seeded now (the bootstrap file was moved away after first start).
Core::Result<SessionKey> sessionRootKey(Server::Server &server, const QString &dataDir)
{
    const QDir dir(dataDir);
    for (const QString &name : {u"bootstrap-root-key.txt"_s, u"dashboard-root-key.txt"_s})
        if (const QString key = readKeyFile(dir.filePath(name)); !key.isEmpty())
            return SessionKey{key, dir.filePath(name)};
    const QString plaintext = Core::generateKey(u"lkroot", 24).plaintext;
    auto id = server.seedRootKey(server.defaultWorkspaceId(), plaintext, Api::allWorkspacePermissions(),
                                 u"dashboard (local)"_s);
    if (!id)
        return id.error();
    QFile file(dir.filePath(u"dashboard-root-key.txt"_s));
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(plaintext.toUtf8() + '\n');
        return SessionKey{plaintext, file.fileName()};
    }
    return SessionKey{plaintext, QString()};
}

/// Where the data folder's server notes the port it listened on.
QString portFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"local-server-port"_s);
}

quint16 rememberedPort(const QString &dataDir)
{
    bool ok = false;
    const uint port = readKeyFile(portFile(dataDir)).toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : 0;
}

void rememberPort(const QString &dataDir, quint16 port)
{
    QFile file(portFile(dataDir));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QByteArray::number(port) + '\n');
}

/// A server listening on the port this data folder's server had last time, so that the curl lines
/// and addresses shown before still work after a restart; on a free port when that one is taken
/// (or on the first start). Null with @p error when neither works.
Server::Server *listeningServer(Server::ServerConfig config, QObject *parent, Core::Status &status)
{
    config.listenPort = rememberedPort(config.dataDir);
    if (config.listenPort != 0) {
        auto *server = new Server::Server(config, nullptr, parent);
        status = server->listen();
        if (status)
            return server;
        qCInfo(lcLocalServer).noquote() << "port" << config.listenPort << "is taken, using another:"
                                        << status.error().detail;
        delete server;
    }
    config.listenPort = 0;
    auto *server = new Server::Server(config, nullptr, parent);
    status = server->listen();
    return server;
}

} // namespace

LocalServerController::LocalServerController(QObject *parent) : QObject(parent), m_dataDir(defaultDataDir()) { }

LocalServerController::~LocalServerController()
{
    stop();
}

QString LocalServerController::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"local-server"_s);
}

void LocalServerController::setDataDir(const QString &dir)
{
    if (dir == m_dataDir || running() || m_starting)
        return;
    m_dataDir = dir;
    Q_EMIT dataDirChanged();
}

void LocalServerController::start()
{
    if (running() || m_starting)
        return;
    m_starting = true;
    m_error.clear();
    Q_EMIT stateChanged();
    if (!QDir().mkpath(m_dataDir)) {
        m_starting = false;
        m_error = tr("Cannot create the data folder %1.").arg(m_dataDir);
        Q_EMIT stateChanged();
        Q_EMIT failed(m_error);
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(u"local-server"_s);
    m_anchor = new QObject; // lives on m_thread; owns the Server there
    m_anchor->moveToThread(m_thread);
    m_thread->start();
    Server::ServerConfig config;
    config.listenHost = u"127.0.0.1"_s;
    config.listenPort = 0;
    config.dataDir = m_dataDir;
    config.workerThreads = 2;
    config.shutdownGraceMs = 2000;
    // Built, opened and listening on the worker thread: the store may take a moment to open, and
    // the listening socket needs that thread's event loop.
    QObject *anchor = m_anchor;
    QMetaObject::invokeMethod(anchor, [this, anchor, config] {
        Core::Status status;
        Server::Server *server = listeningServer(config, anchor, status);
        if (status)
            status = server->open();
        if (status)
            rememberPort(config.dataDir, server->port());
        const Core::Result<SessionKey> key = status ? sessionRootKey(*server, config.dataDir)
                                                    : Core::Result<SessionKey>(status.error());
        const quint16 port = key ? server->port() : 0;
        const QString error = key ? QString() : key.error().detail;
        const SessionKey found = key ? *key : SessionKey{};
        QMetaObject::invokeMethod(
            this, [this, port, found, error] { onStarted(port, found.key, found.file, error); },
            Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void LocalServerController::onStarted(quint16 port, const QString &rootKey, const QString &keyFile,
                                      const QString &error)
{
    if (!m_thread)
        return; // stopped while starting
    m_starting = false;
    if (!error.isEmpty()) {
        m_error = error;
        qCWarning(lcLocalServer).noquote() << "local server failed:" << error;
        stop();
        Q_EMIT stateChanged();
        Q_EMIT failed(error);
        return;
    }
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port);
    m_url = url;
    m_rootKey = rootKey;
    m_rootKeyFile = keyFile;
    qCInfo(lcLocalServer).noquote() << "local server on" << url.toString() << "data in" << m_dataDir;
    Q_EMIT stateChanged();
    Q_EMIT started(url, rootKey);
}

void LocalServerController::stop()
{
    if (!m_thread)
        return;
    // Queued after the start job, so the server exists (or failed) by the time this runs.
    QMetaObject::invokeMethod(m_anchor, [anchor = m_anchor] {
        for (auto *server : anchor->findChildren<Server::Server *>()) {
            server->stop();
            delete server;
        }
    }, Qt::BlockingQueuedConnection);
    // The store hooks QThread::finished of every thread that used it (to drop that thread's
    // connection) and does not unhook when it is destroyed; it is gone now and closed all its
    // connections itself, so those hooks must not run.
    QObject::disconnect(m_thread, &QThread::finished, m_thread, nullptr);
    m_thread->quit();
    m_thread->wait();
    delete m_anchor;
    m_anchor = nullptr;
    delete m_thread;
    m_thread = nullptr;
    const bool changed = m_url.isValid() || m_starting;
    m_url = QUrl();
    m_rootKey.fill(u'0'); // overwritten, then released
    m_rootKey.clear();
    m_rootKeyFile.clear();
    m_starting = false;
    if (changed)
        Q_EMIT stateChanged();
}

void LocalServerController::reopen()
{
    if (running() && !m_rootKey.isEmpty())
        Q_EMIT started(m_url, m_rootKey);
}

} // namespace Latchkey::Dashboard
