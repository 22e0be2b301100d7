#include "analytics/analyticsmetrics.h"

namespace Latchkey::Analytics {

void AnalyticsMetrics::recordCommit(qint64 elapsedUs, qsizetype events, bool committed)
{
    if (committed) {
        m_batchesWritten.fetch_add(1, std::memory_order_relaxed);
        m_eventsWritten.fetch_add(quint64(events), std::memory_order_relaxed);
    } else {
        m_batchesFailed.fetch_add(1, std::memory_order_relaxed);
        m_eventsFailed.fetch_add(quint64(events), std::memory_order_relaxed);
    }
    const double seconds = double(elapsedUs) / 1e6;
    for (std::size_t i = 0; i < CommitBucketsSeconds.size(); ++i) {
        if (seconds <= CommitBucketsSeconds[i]) {
            m_commitBuckets[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    m_commitMicrosSum.fetch_add(quint64(std::max<qint64>(elapsedUs, 0)), std::memory_order_relaxed);
    m_commitCount.fetch_add(1, std::memory_order_relaxed);
}

AnalyticsMetricsSnapshot AnalyticsMetrics::snapshot() const
{
    AnalyticsMetricsSnapshot s;
    s.queueDepth = m_queue.size();
    s.queueCapacity = m_queue.capacity();
    s.published = m_queue.pushed();
    s.dropped = m_dropped.load(std::memory_order_relaxed);
    s.batchesWritten = m_batchesWritten.load(std::memory_order_relaxed);
    s.eventsWritten = m_eventsWritten.load(std::memory_order_relaxed);
    s.batchesFailed = m_batchesFailed.load(std::memory_order_relaxed);
    s.eventsFailed = m_eventsFailed.load(std::memory_order_relaxed);
    s.rowsExpired = m_rowsExpired.load(std::memory_order_relaxed);
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < s.commitBuckets.size(); ++i) {
        cumulative += m_commitBuckets[i].load(std::memory_order_relaxed);
        s.commitBuckets[i] = cumulative;
    }
    s.commitCount = m_commitCount.load(std::memory_order_relaxed);
    s.commitSecondsSum = double(m_commitMicrosSum.load(std::memory_order_relaxed)) / 1e6;
    return s;
}

} // namespace Latchkey::Analytics
