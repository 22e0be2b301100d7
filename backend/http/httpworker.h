#pragma once

#include "http/httpconnection.h"
#include "http/httpserverconfig.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <functional>

class QTimer;

namespace Latchkey::Http {

/// The connections of one worker thread. Lives in that thread: every function must be called
/// there (the server uses queued invocations). Engine-internal.
class HttpWorker : public QObject
{
    Q_OBJECT

public:
    /// The references must outlive the worker; the HttpServer that owns them joins the thread
    /// before it lets go of them.
    /// @p openConnections counts this worker's open connections (shared by all workers).
    HttpWorker(const HttpServerConfig &config, const Handler &handler, const ErrorResponder &errorResponder,
               std::atomic<qint64> &openConnections);
    /// Drops the remaining connections.
    ~HttpWorker() override;

    /// Serves an accepted socket descriptor: on the descriptor itself (PlainTcpTransport), or in
    /// a QSslSocket when TLS is configured (TlsTransport).
    void adoptSocket(qintptr descriptor);
    /// Stops taking connections, closes idle ones and lets the others finish their request;
    /// calls @p onDrained once no connection is left.
    void beginDrain(std::function<void()> onDrained);

private:
    [[nodiscard]] std::unique_ptr<ConnectionTransport> createTransport(int descriptor) const;
    void removeConnection(HttpConnection *connection);
    void checkDeadlines();
    void reportIfDrained();

    const HttpServerConfig &m_config;
    QElapsedTimer m_clock;
    ConnectionEnvironment m_environment;
    QTimer *m_deadlineTimer;
    QList<HttpConnection *> m_connections;
    std::atomic<qint64> &m_openConnections;
    bool m_draining = false;
    std::function<void()> m_onDrained;
};

} // namespace Latchkey::Http
