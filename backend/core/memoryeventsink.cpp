#include "core/memoryeventsink.h"

namespace Latchkey::Core {

// A try-lock keeps publish() non-blocking: under contention the event is dropped and counted
// rather than making a verification wait.
void MemoryEventSink::publish(VerificationEvent &&event)
{
    if (!m_lock.tryLock()) {
        m_dropped.fetch_add(1);
        return;
    }
    if (qsizetype(m_verifications.size()) >= m_capacity) {
        m_verifications.pop_front();
        m_dropped.fetch_add(1);
    }
    m_verifications.push_back(std::move(event));
    m_lock.unlock();
}

void MemoryEventSink::publish(RatelimitEvent &&event)
{
    if (!m_lock.tryLock()) {
        m_dropped.fetch_add(1);
        return;
    }
    if (qsizetype(m_ratelimits.size()) >= m_capacity) {
        m_ratelimits.pop_front();
        m_dropped.fetch_add(1);
    }
    m_ratelimits.push_back(std::move(event));
    m_lock.unlock();
}

QList<VerificationEvent> MemoryEventSink::verifications() const
{
    QMutexLocker locker(&m_lock);
    return QList<VerificationEvent>(m_verifications.begin(), m_verifications.end());
}

QList<RatelimitEvent> MemoryEventSink::ratelimits() const
{
    QMutexLocker locker(&m_lock);
    return QList<RatelimitEvent>(m_ratelimits.begin(), m_ratelimits.end());
}

} // namespace Latchkey::Core
