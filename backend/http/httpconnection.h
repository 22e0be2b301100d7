#pragma once

#include "http/connectiontransport.h"
#include "http/httpserverconfig.h"
#include "http/requestparser.h"

#include <QObject>

#include <memory>

class QElapsedTimer;

namespace Latchkey::Http {

class DeferredResponse;
class ResponseStream;

/// What all connections of one worker share. Engine-internal.
struct ConnectionEnvironment {
    const HttpServerConfig &config;
    const Handler &handler;
    const ErrorResponder &errorResponder;
    const QElapsedTimer &clock; ///< the worker's monotonic clock; deadlines are in its milliseconds
};

/// One client connection on a worker thread: reads requests, runs the handler synchronously,
/// writes the responses in order and closes the socket on errors, timeouts and shutdown.
///
/// Timeouts are deadlines that the owning worker checks periodically (checkDeadline()), which
/// keeps timers off the per-request path. closed() is emitted exactly once; the owner then
/// deletes the connection later. Engine-internal.
class HttpConnection : public QObject, private TransportListener
{
    Q_OBJECT

public:
    /// Serves the connection @p transport carries (not started yet: start() starts it).
    /// @p environment must outlive the connection.
    HttpConnection(std::unique_ptr<ConnectionTransport> transport, const ConnectionEnvironment &environment,
                   QObject *parent = nullptr);
    /// Detaches a stream still open, so its producer sees it closed.
    ~HttpConnection() override;

    /// Starts the TLS handshake if needed and begins waiting for the first request.
    void start();
    /// Acts on an expired deadline: 408 for a request in progress, otherwise closes.
    void checkDeadline(qint64 now);
    /// Graceful shutdown: idle connections close now, a request in flight is still answered
    /// (with "Connection: close") and the connection closes after that.
    void beginDrain();
    /// Drops the connection at once, without writing anything more.
    void abort();

Q_SIGNALS:
    void closed();

private:
    // A client that pipelines requests but does not read the answers (or its stream) stops being
    // served beyond this.
    static constexpr qint64 kMaxPendingOutput = 1024 * 1024;

    enum class State {
        Handshaking, ///< TLS handshake in progress
        Idle, ///< no request in progress; waiting for the next one
        Receiving, ///< the first bytes of a request arrived
        Streaming, ///< writing a ResponseStream as it is fed; input is discarded
        Deferred, ///< waiting for a DeferredResponse; further input waits in the socket
        Flushing, ///< the last response is written; close once it is sent
        Lingering, ///< our side is closed; discarding input until the client closes too
        Closed,
    };

    void transportReadable() override;
    void transportWritten() override;
    void transportEncrypted() override;
    void transportClosed() override;

    void enter(State state, qint64 deadline);
    void readAvailable();
    void processInput();
    void handleRequest();
    void startStream(const Response &response);
    void waitForDeferred(const std::shared_ptr<DeferredResponse> &deferred);
    void finishDeferred();
    void abandonDeferred();
    void pumpStream();
    void endStream(int closeReason);
    [[nodiscard]] Response invokeHandler(const Request &request);
    [[nodiscard]] Response invokeErrorResponder(int status, const QString &detail);
    void failRequest(int status, const QString &detail);
    void compactInput();
    void flushOutput();
    void afterOutputWritten();
    void closeIdle();
    void closeGracefully();
    void finish();
    [[nodiscard]] qint64 now() const;

    std::unique_ptr<ConnectionTransport> m_transport;
    const ConnectionEnvironment &m_env;
    RequestParser m_parser;
    QByteArray m_input; ///< bytes read but not parsed yet, reused between reads
    qsizetype m_inputPos = 0; ///< parse position in m_input
    std::shared_ptr<ResponseStream> m_stream; ///< the body being streamed (State::Streaming)
    std::shared_ptr<DeferredResponse> m_deferred; ///< the response waited for (State::Deferred)
    bool m_deferredKeepAlive = false; ///< framing of the request m_deferred answers
    bool m_deferredHead = false;
    QByteArray m_output; ///< responses not handed to the socket yet, reused between requests
    State m_state = State::Idle;
    qint64 m_deadline = 0;
    bool m_draining = false;
    bool m_blocked = false; ///< the client does not read its responses: stop parsing until it does
    bool m_processing = false; ///< inside processInput(); transport reports must not re-enter it
};

} // namespace Latchkey::Http
