#include "http/httpconnection.h"

#include "http/httplogging.h"
#include "http/responseencoder.h"
#include "http/responsestream.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace Latchkey::Http {

namespace {

// Unparsed input beyond this stays in the kernel, so a client that floods us (or pipelines while
// a deferred response is pending) meets TCP flow control.
constexpr qsizetype kMaxBufferedInput = 256 * 1024;
// Buffers grown beyond these sizes by one big request are released rather than kept per connection.
constexpr qsizetype kMaxRetainedInputCapacity = 64 * 1024;
constexpr qsizetype kMaxRetainedOutputCapacity = 256 * 1024;
// How long a closing connection waits for the client to close its side.
constexpr qint64 kLingerMs = 2000;

void releaseOrClear(QByteArray &buffer, qsizetype maxRetainedCapacity)
{
    if (buffer.capacity() > maxRetainedCapacity)
        buffer = QByteArray();
    else
        buffer.resize(0);
}

} // namespace

HttpConnection::HttpConnection(std::unique_ptr<ConnectionTransport> transport, const ConnectionEnvironment &environment,
                               QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
    , m_env(environment)
    , m_parser({environment.config.maxBodyBytes, environment.config.maxHeaderBytes})
{
    m_transport->setListener(this);
    m_parser.request().remoteAddress = m_transport->peerAddress();
}

HttpConnection::~HttpConnection()
{
    if (m_stream)
        m_stream->detach(ResponseStream::CloseReason::ClientGone);
    abandonDeferred();
}

void HttpConnection::start()
{
    if (m_transport->hasHandshake()) // a client that never completes it is a slow client
        enter(State::Handshaking, now() + m_env.config.requestTimeoutMs);
    else
        enter(State::Idle, now() + m_env.config.idleTimeoutMs);
    m_transport->start();
}

void HttpConnection::checkDeadline(qint64 currentTime)
{
    if (m_state == State::Closed || currentTime < m_deadline)
        return;
    switch (m_state) {
    case State::Idle:
        closeIdle();
        break;
    case State::Receiving:
        failRequest(408, u"request not received completely within %1 ms"_s.arg(m_env.config.requestTimeoutMs));
        flushOutput();
        afterOutputWritten();
        break;
    case State::Streaming: // no deadline: a stream lives until one side ends it
        break;
    case State::Deferred:
        abandonDeferred();
        failRequest(503, u"response not ready within %1 ms"_s.arg(m_env.config.requestTimeoutMs));
        flushOutput();
        afterOutputWritten();
        break;
    case State::Handshaking:
    case State::Flushing:
    case State::Lingering:
        qCDebug(lcHttp) << "dropping stalled connection from" << m_parser.request().remoteAddress;
        abort();
        break;
    case State::Closed:
        break;
    }
}

void HttpConnection::beginDrain()
{
    m_draining = true;
    switch (m_state) {
    case State::Handshaking:
    case State::Lingering: // everything was sent already
        abort();
        break;
    case State::Idle:
        afterOutputWritten(); // closes now, or once pending responses are sent
        break;
    case State::Streaming: // ends with its last chunk, then closes
        endStream(int(ResponseStream::CloseReason::Shutdown));
        break;
    case State::Receiving: // the response to this request says "Connection: close"
    case State::Deferred:
    case State::Flushing:
    case State::Closed:
        break;
    }
}

void HttpConnection::abort()
{
    if (m_state == State::Closed)
        return;
    m_transport->abort();
    finish();
}

void HttpConnection::transportReadable()
{
    switch (m_state) {
    case State::Flushing:
    case State::Lingering:
    case State::Streaming:
        // Whatever follows the last response is dropped; reading it avoids a reset that could
        // destroy that response before the client has read it.
        m_transport->discardInput();
        return;
    case State::Closed:
        return;
    case State::Handshaking: // decrypted data can arrive before encrypted() is handled
        transportEncrypted();
        break;
    case State::Idle:
    case State::Receiving:
    case State::Deferred:
        break;
    }
    readAvailable();
    // While a deferred response is pending, further requests wait in m_input (bounded: beyond it
    // TCP flow control holds the client back).
    if (m_state == State::Deferred || m_blocked || m_processing)
        return;
    processInput();
}

void HttpConnection::transportWritten()
{
    if (m_state == State::Streaming)
        pumpStream(); // room in the socket: take what the producer queued meanwhile
    else
        afterOutputWritten();
}

void HttpConnection::transportEncrypted()
{
    if (m_state == State::Handshaking)
        enter(State::Idle, now() + m_env.config.idleTimeoutMs);
}

void HttpConnection::transportClosed()
{
    finish();
}

void HttpConnection::enter(State state, qint64 deadline)
{
    m_state = state;
    m_deadline = deadline;
}

void HttpConnection::readAvailable()
{
    m_transport->readInto(m_input, kMaxBufferedInput - (m_input.size() - m_inputPos));
}

void HttpConnection::processInput()
{
    m_processing = true;
    while (!m_blocked && (m_state == State::Idle || m_state == State::Receiving) && m_inputPos < m_input.size()) {
        qsizetype consumed = 0;
        const auto result = m_parser.feed(m_input.constData() + m_inputPos, m_input.size() - m_inputPos, consumed);
        m_inputPos += consumed;
        if (m_state == State::Idle && m_parser.messageStarted())
            enter(State::Receiving, now() + m_env.config.requestTimeoutMs);
        if (result == RequestParser::Result::Failed) {
            failRequest(m_parser.errorStatus(), m_parser.errorDetail());
            break;
        }
        if (result == RequestParser::Result::NeedMoreData) {
            if (m_parser.takeContinueRequest())
                appendContinue(m_output);
            break;
        }
        handleRequest();
    }
    compactInput();
    flushOutput();
    m_processing = false;
    afterOutputWritten();
}

void HttpConnection::handleRequest()
{
    const Response response = invokeHandler(m_parser.request());
    if (response.deferred) {
        waitForDeferred(response.deferred);
        return;
    }
    if (response.stream) {
        startStream(response);
        return;
    }
    const bool keepAlive = m_parser.keepAlive() && !m_draining;
    appendResponse(m_output, response, {keepAlive, m_parser.isHeadRequest()});
    m_parser.reset();
    // A slow reader gets the idle timeout to take its last response.
    enter(keepAlive ? State::Idle : State::Flushing, now() + m_env.config.idleTimeoutMs);

    if (m_output.size() > kMaxPendingOutput) {
        flushOutput();
        m_blocked = m_transport->pendingOutput() > kMaxPendingOutput;
        if (m_blocked)
            qCDebug(lcHttp) << "client" << m_parser.request().remoteAddress << "is not reading; pausing";
    }
}

Response HttpConnection::invokeHandler(const Request &request)
{
    // An exception must not unwind through Qt's event loop and take the whole server down.
    try {
        return m_env.handler(request);
    } catch (const std::exception &error) {
        qCWarning(lcHttp) << "handler failed on" << request.method << request.path << ":" << error.what();
    } catch (...) {
        qCWarning(lcHttp) << "handler failed on" << request.method << request.path;
    }
    return invokeErrorResponder(500, u"internal error"_s);
}

Response HttpConnection::invokeErrorResponder(int status, const QString &detail)
{
    try {
        if (m_env.errorResponder)
            return m_env.errorResponder(status, detail);
    } catch (...) {
        qCWarning(lcHttp) << "error responder failed for status" << status;
    }
    Response fallback;
    fallback.status = status;
    fallback.setHeader("Content-Type", "text/plain");
    fallback.body = reasonPhrase(status);
    return fallback;
}

void HttpConnection::failRequest(int status, const QString &detail)
{
    qCDebug(lcHttp).nospace() << "rejecting request from " << m_parser.request().remoteAddress << " with " << status
                              << ": " << detail;
    appendResponse(m_output, invokeErrorResponder(status, detail), {false, false});
    enter(State::Flushing, now() + m_env.config.idleTimeoutMs);
}

void HttpConnection::compactInput()
{
    const bool parsing = m_state == State::Idle || m_state == State::Receiving || m_state == State::Deferred;
    if (!parsing || m_inputPos >= m_input.size()) {
        releaseOrClear(m_input, kMaxRetainedInputCapacity);
        m_inputPos = 0;
    } else if (m_inputPos > 0) {
        m_input.remove(0, m_inputPos); // only after backpressure stopped a pipelined batch
        m_inputPos = 0;
    }
    if (parsing)
        m_transport->resumeReading(); // in case a full m_input paused it
}

void HttpConnection::flushOutput()
{
    if (m_output.isEmpty() || m_state == State::Closed || !m_transport->isOpen())
        return;
    // Every response of this batch in one write; only what the kernel does not take waits in the
    // transport (which then reports transportWritten() once it is gone).
    m_transport->write(m_output);
    releaseOrClear(m_output, kMaxRetainedOutputCapacity);
}

void HttpConnection::afterOutputWritten()
{
    if (m_processing || m_state == State::Closed || m_transport->pendingOutput() > 0)
        return;
    if (m_state == State::Flushing) {
        closeGracefully();
    } else if (m_blocked) {
        m_blocked = false;
        readAvailable();
        processInput(); // ends by calling this function again
    } else if (m_draining && m_state == State::Idle) {
        closeIdle();
    }
}

void HttpConnection::closeIdle()
{
    if (m_transport->pendingOutput() > 0) { // a client that stopped reading its responses
        abort();
        return;
    }
    enter(State::Lingering, now() + kLingerMs);
    m_transport->close(); // reports transportClosed() at once for plain TCP
}

void HttpConnection::closeGracefully()
{
    enter(State::Lingering, now() + kLingerMs);
    // Closing a socket with unread input makes the kernel send a reset, which can destroy the
    // response we just sent before the client reads it. So close only our sending side and keep
    // discarding input until the client closes (or kLingerMs passes); when draining for a
    // shutdown there is no time for that.
    if (m_draining)
        m_transport->close();
    else
        m_transport->closeWrite();
}

void HttpConnection::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (const auto stream = std::exchange(m_stream, nullptr))
        stream->detach(ResponseStream::CloseReason::ClientGone);
    abandonDeferred();
    Q_EMIT closed();
}

qint64 HttpConnection::now() const
{
    return m_env.clock.elapsed();
}

} // namespace Latchkey::Http
