#include "http/responsestream.h"

namespace Latchkey::Http {

ResponseStream::ResponseStream(qsizetype maxBufferedBytes) : m_maxBuffered(qMax<qsizetype>(maxBufferedBytes, 1)) { }

bool ResponseStream::write(const QByteArray &chunk)
{
    std::unique_lock lock(m_mutex);
    if (m_reason != CloseReason::Open || m_producerClosed)
        return false;
    if (chunk.isEmpty())
        return true; // an empty chunk would end the chunked body on the wire
    if (m_buffered + chunk.size() > m_maxBuffered) {
        closeLocked(lock, CloseReason::Overflow);
        return false;
    }
    m_chunks.append(chunk);
    m_buffered += chunk.size();
    if (m_wake && !m_wakePending) { // one wake-up per batch, not per chunk
        m_wakePending = true;
        m_wake();
    }
    return true;
}

void ResponseStream::close()
{
    std::lock_guard lock(m_mutex);
    if (m_reason != CloseReason::Open || m_producerClosed)
        return;
    m_producerClosed = true;
    if (m_wake && !m_wakePending) {
        m_wakePending = true;
        m_wake();
    }
}

bool ResponseStream::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_reason != CloseReason::Open || m_producerClosed;
}

ResponseStream::CloseReason ResponseStream::closeReason() const
{
    std::lock_guard lock(m_mutex);
    return m_reason == CloseReason::Open && m_producerClosed ? CloseReason::Finished : m_reason;
}

qsizetype ResponseStream::bufferedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_buffered;
}

void ResponseStream::setOnClosed(std::function<void(CloseReason)> onClosed)
{
    std::lock_guard lock(m_mutex);
    m_onClosed = std::move(onClosed);
}

bool ResponseStream::attach(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
    m_wakePending = false;
    return !m_chunks.isEmpty() || m_producerClosed || m_reason != CloseReason::Open;
}

QByteArrayList ResponseStream::take(bool *finished)
{
    std::lock_guard lock(m_mutex);
    m_wakePending = false;
    QByteArrayList chunks;
    chunks.swap(m_chunks);
    m_buffered = 0;
    if (finished)
        *finished = m_producerClosed && m_reason == CloseReason::Open;
    return chunks;
}

void ResponseStream::detach(CloseReason reason)
{
    std::unique_lock lock(m_mutex);
    m_wake = nullptr;
    if (m_reason != CloseReason::Open || m_producerClosed) {
        m_chunks.clear();
        m_buffered = 0;
        return;
    }
    closeLocked(lock, reason);
}

void ResponseStream::closeLocked(std::unique_lock<std::mutex> &lock, CloseReason reason)
{
    m_reason = reason;
    m_chunks.clear();
    m_buffered = 0;
    // Overflow: the consumer must learn it has to drop the connection.
    if (m_wake && !m_wakePending) {
        m_wakePending = true;
        m_wake();
    }
    const auto onClosed = std::move(m_onClosed);
    m_onClosed = nullptr;
    lock.unlock();
    if (onClosed)
        onClosed(reason);
}

} // namespace Latchkey::Http
