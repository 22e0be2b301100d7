// HttpConnection's responses that finish after the handler returned: streamed bodies
// (ResponseStream) and deferred responses (DeferredResponse). The rest is in httpconnection.cpp.
#include "http/httpconnection.h"

#include "http/deferredresponse.h"
#include "http/httplogging.h"
#include "http/responseencoder.h"
#include "http/responsestream.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Latchkey::Http {

void HttpConnection::startStream(const Response &response)
{
    const bool withBody = response.status >= 200 && response.status != 204 && response.status != 304
        && !m_parser.isHeadRequest();
    if (!withBody || m_draining) { // nothing to stream: a plain, empty response ends the connection
        response.stream->detach(ResponseStream::CloseReason::Shutdown);
        Response plain = response;
        plain.stream.reset();
        appendResponse(m_output, plain, {false, m_parser.isHeadRequest()});
        m_parser.reset();
        enter(State::Flushing, now() + m_env.config.idleTimeoutMs);
        return;
    }
    appendStreamHead(m_output, response);
    m_parser.reset();
    m_stream = response.stream;
    enter(State::Streaming, std::numeric_limits<qint64>::max());
    // Called by the producer under the stream's lock, from any thread: only post. The stream is
    // detached (under that lock) before this connection is destroyed.
    const bool pending = m_stream->attach(
        [this] { QMetaObject::invokeMethod(this, &HttpConnection::pumpStream, Qt::QueuedConnection); });
    if (pending)
        QMetaObject::invokeMethod(this, &HttpConnection::pumpStream, Qt::QueuedConnection);
}

void HttpConnection::pumpStream()
{
    if (m_state != State::Streaming || !m_stream)
        return;
    if (m_stream->closeReason() == ResponseStream::CloseReason::Overflow) {
        qCDebug(lcHttp) << "client" << m_parser.request().remoteAddress << "does not keep up with its stream; dropping";
        abort();
        return;
    }
    // A client that does not read leaves the data in the stream, whose bound the producer meets.
    if (m_transport->pendingOutput() > kMaxPendingOutput)
        return;
    bool finished = false;
    const QByteArrayList chunks = m_stream->take(&finished);
    for (const QByteArray &chunk : chunks)
        appendChunk(m_output, chunk);
    if (finished) {
        endStream(int(ResponseStream::CloseReason::Finished));
        return;
    }
    flushOutput();
}

void HttpConnection::endStream(int closeReason)
{
    const auto reason = ResponseStream::CloseReason(closeReason);
    if (reason != ResponseStream::CloseReason::Finished)
        m_stream->detach(reason);
    m_stream.reset();
    appendLastChunk(m_output);
    enter(State::Flushing, now() + m_env.config.idleTimeoutMs);
    flushOutput();
    afterOutputWritten();
}

void HttpConnection::waitForDeferred(const std::shared_ptr<DeferredResponse> &deferred)
{
    m_deferred = deferred;
    m_deferredKeepAlive = m_parser.keepAlive();
    m_deferredHead = m_parser.isHeadRequest();
    m_parser.reset();
    enter(State::Deferred, now() + m_env.config.requestTimeoutMs);
    // Called under the deferred's lock, from the completing thread: only post. The deferred is
    // abandoned (under that lock) before this connection is destroyed.
    const bool ready = m_deferred->attach(
        [this] { QMetaObject::invokeMethod(this, &HttpConnection::finishDeferred, Qt::QueuedConnection); });
    if (ready)
        QMetaObject::invokeMethod(this, &HttpConnection::finishDeferred, Qt::QueuedConnection);
}

void HttpConnection::finishDeferred()
{
    if (m_state != State::Deferred || !m_deferred)
        return;
    std::optional<Response> response = m_deferred->take();
    if (!response)
        return;
    m_deferred.reset();
    if (response->stream || response->deferred) {
        qCWarning(lcHttp) << "a deferred response cannot carry a stream or be deferred again";
        if (response->stream)
            response->stream->detach(ResponseStream::CloseReason::Shutdown);
        response = invokeErrorResponder(500, u"internal error"_s);
    }
    const bool keepAlive = m_deferredKeepAlive && !m_draining;
    appendResponse(m_output, *response, {keepAlive, m_deferredHead});
    enter(keepAlive ? State::Idle : State::Flushing, now() + m_env.config.idleTimeoutMs);
    if (keepAlive)
        readAvailable(); // what arrived meanwhile, pipelined requests included
    processInput(); // also writes the response
}

void HttpConnection::abandonDeferred()
{
    if (const auto deferred = std::exchange(m_deferred, nullptr))
        deferred->abandon();
}

} // namespace Latchkey::Http
