#pragma once

#include "http/httpmessage.h"
#include "http/httpserverconfig.h"

#include <QObject>

#include <atomic>
#include <vector>

class QThread;

namespace Latchkey::Http {

class HttpWorker;
class TcpAcceptor;

/// The HTTP/1.1 server engine: accepts TCP (or TLS) connections and calls a Handler for every
/// request.
///
/// The listening socket lives on the thread that owns the HttpServer (which needs a running event
/// loop); accepted connections are spread round-robin over HttpServerConfig::workerThreads worker
/// threads, each of which owns its sockets and runs the Handler synchronously. Supports
/// keep-alive, pipelining, chunked request bodies and "Expect: 100-continue". Malformed or
/// oversized requests and slow clients get an error response built by the ErrorResponder
/// (400, 408, 413, 431), after which the connection is closed.
///
/// @code
/// HttpServer server(config, handler, errorResponder);
/// QString error;
/// if (!server.listen(&error))
///     qFatal("%s", qPrintable(error));
/// @endcode
class HttpServer : public QObject
{
    Q_OBJECT

public:
    /// @p handler and @p errorResponder are called concurrently from the worker threads.
    HttpServer(HttpServerConfig config, Handler handler, ErrorResponder errorResponder, QObject *parent = nullptr);
    /// Calls shutdown(0) if the server is still running: responses of requests already in a
    /// handler are still written, everything else is dropped.
    ~HttpServer() override;

    /// Binds to the configured address and port and starts the worker threads. On failure returns
    /// false and, if @p errorMessage is given, sets it to one line such as
    /// "cannot listen on 127.0.0.1:7070: address already in use". A server listens at most once.
    [[nodiscard]] bool listen(QString *errorMessage = nullptr);
    /// The port actually bound (useful with port 0), or 0 when not listening.
    [[nodiscard]] quint16 serverPort() const;
    [[nodiscard]] bool isListening() const;
    /// Client connections currently open on the worker threads (for GET /metrics). Thread-safe.
    [[nodiscard]] qint64 openConnections() const { return m_openConnections.load(std::memory_order_relaxed); }
    [[nodiscard]] const HttpServerConfig &config() const { return m_config; }

    /// Closes the listening socket; established connections are served on.
    void stopAccepting();
    /// Stops accepting, closes idle keep-alive connections, lets requests in flight finish and
    /// write their responses for up to @p graceMs milliseconds, then drops what is left and stops
    /// the worker threads. Blocks until the workers are gone. Idempotent.
    void shutdown(int graceMs);

private:
    struct Worker {
        QThread *thread = nullptr;
        HttpWorker *worker = nullptr;
    };

    void startWorkers();
    void dispatch(qintptr descriptor);
    void drainWorkers(int graceMs);
    void stopWorkers();
    [[nodiscard]] QString endpoint() const;

    const HttpServerConfig m_config;
    const Handler m_handler;
    const ErrorResponder m_errorResponder;
    TcpAcceptor *m_acceptor;
    std::vector<Worker> m_workers;
    size_t m_nextWorker = 0;
    bool m_listenedOnce = false;
    std::atomic<qint64> m_openConnections {0};
};

} // namespace Latchkey::Http
