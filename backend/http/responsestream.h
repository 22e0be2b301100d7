#pragma once

#include <QByteArray>
#include <QByteArrayList>

#include <functional>
#include <mutex>

namespace Latchkey::Http {

/// The body of a streaming response: chunks a producer feeds, from any thread, while the engine
/// writes them to the client as `Transfer-Encoding: chunked` as soon as they arrive.
///
/// A handler returns one in Response::stream; the engine sends the status line and headers at
/// once, then every chunk written here. Either side can end the stream:
/// - the producer calls close(): the engine writes what is buffered, the last chunk, and closes
///   the connection;
/// - the client disconnects, the server shuts down, or the producer outruns the client (more than
///   maxBufferedBytes waiting): the stream becomes closed(), the onClosed callback runs (on the
///   engine's thread) and every later write() returns false. An overflowed stream drops its
///   connection: memory never grows with a slow reader.
///
/// Thread-safe; the buffer is guarded by a small mutex held only to append or swap chunks.
///
/// @code
/// auto stream = std::make_shared<Http::ResponseStream>();
/// response.stream = stream;          // in the handler
/// ...
/// if (!stream->write("data: 1\n\n")) // later, from any thread
///     forget(stream);                // client gone or too slow
/// @endcode
class ResponseStream
{
public:
    /// Why a stream closed.
    enum class CloseReason {
        Open, ///< not closed
        Finished, ///< the producer called close()
        ClientGone, ///< the client disconnected (or the connection failed)
        Shutdown, ///< the server is shutting down
        Overflow, ///< the client did not keep up: more than maxBufferedBytes were waiting
    };

    explicit ResponseStream(qsizetype maxBufferedBytes = 256 * 1024);

    ResponseStream(const ResponseStream &) = delete;
    ResponseStream &operator=(const ResponseStream &) = delete;

    /// Queues @p chunk (empty chunks are ignored). False, without queueing, when the stream is
    /// closed, or when it would buffer more than maxBufferedBytes — which closes it (Overflow).
    bool write(const QByteArray &chunk);
    /// Ends the stream from the producer's side once everything queued is sent.
    void close();

    [[nodiscard]] bool isClosed() const;
    [[nodiscard]] CloseReason closeReason() const;
    /// Bytes queued and not yet taken by the engine.
    [[nodiscard]] qsizetype bufferedBytes() const;
    [[nodiscard]] qsizetype maxBufferedBytes() const { return m_maxBuffered; }

    /// Called once when the stream closes for a reason other than Finished (client gone, shutdown,
    /// overflow); from the thread that detected it, without the stream's lock held. Set it
    /// before handing the stream to the engine.
    void setOnClosed(std::function<void(CloseReason)> onClosed);

    // Engine side (also usable by in-process tests that read a stream without a socket).

    /// Installs the function that wakes the consumer when data or close() arrives (called under
    /// the stream's lock: it must only post, e.g. a queued QMetaObject::invokeMethod). Returns
    /// whether data is already waiting.
    bool attach(std::function<void()> wake);
    /// Takes every queued chunk; @p finished is set when the producer closed the stream and
    /// nothing more will come.
    [[nodiscard]] QByteArrayList take(bool *finished = nullptr);
    /// The consumer is gone (client disconnect, shutdown): closes with @p reason unless already
    /// closed, drops the wake function and the buffer, and runs onClosed.
    void detach(CloseReason reason);

private:
    void closeLocked(std::unique_lock<std::mutex> &lock, CloseReason reason);

    const qsizetype m_maxBuffered;
    mutable std::mutex m_mutex;
    QByteArrayList m_chunks;
    qsizetype m_buffered = 0;
    CloseReason m_reason = CloseReason::Open;
    bool m_producerClosed = false;
    bool m_wakePending = false;
    std::function<void()> m_wake;
    std::function<void(CloseReason)> m_onClosed;
};

} // namespace Latchkey::Http
