#pragma once

#include "http/httpmessage.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>

#include <functional>
#include <optional>

namespace Latchkey::Http {

/// Limits, timeouts and transport settings of an HttpServer.
struct HttpServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0 picks a free port; see HttpServer::serverPort()
    int workerThreads = 2; ///< 0 means QThread::idealThreadCount()
    qint64 maxBodyBytes = 10 * 1024 * 1024;
    int maxHeaderBytes = 32 * 1024; ///< request line plus all header lines
    int idleTimeoutMs = 60000; ///< a keep-alive connection without a request in flight is closed after this
    /// Once the first byte of a request has arrived, the whole request must arrive within this
    /// (protects the workers from slow clients, "slowloris"). Also bounds the TLS handshake.
    int requestTimeoutMs = 15000;
    /// When set, the server speaks HTTPS only. Needs a local certificate and private key.
    std::optional<QSslConfiguration> tls;
    /// The worker threads' event loop. Epoll: EpollEventDispatcher (the default; measured cheaper
    /// per request, docs/BENCHMARKS.md). QtDefault: what Qt installs (glib, or Qt's own poll()
    /// loop with QT_NO_GLIB=1), for comparison. The environment variable
    /// LATCHKEY_HTTP_EVENT_LOOP=qt selects QtDefault too, for benchmarks of one binary.
    enum class WorkerEventLoop { Epoll, QtDefault };
    WorkerEventLoop workerEventLoop = WorkerEventLoop::Epoll;
};

/// Builds the response for a request the engine rejects itself: 400 (malformed HTTP; the detail
/// names the parser error), 408 (request timeout), 413 (body too large), 431 (headers too large)
/// and 500 (the handler threw). The layer above formats the body; the engine adds the framing
/// headers and closes the connection afterwards (except after a 500). Called on worker threads,
/// concurrently: must be thread-safe.
using ErrorResponder = std::function<Response(int status, const QString &detail)>;

} // namespace Latchkey::Http
