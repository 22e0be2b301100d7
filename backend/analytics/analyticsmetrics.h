#pragma once

#include "analytics/eventqueue.h"

#include <array>
#include <atomic>

namespace Latchkey::Analytics {

/// A consistent-enough copy of the analytics counters, for GET /metrics.
struct AnalyticsMetricsSnapshot {
    quint64 queueDepth = 0; ///< events waiting for the writer (gauge)
    quint64 queueCapacity = 0; ///< gauge
    quint64 published = 0; ///< events accepted by the queue (counter)
    quint64 dropped = 0; ///< events dropped because the queue was full or closed (counter)
    quint64 batchesWritten = 0; ///< committed analytics transactions (counter; strict mode: one per event)
    quint64 eventsWritten = 0; ///< events in them (counter)
    quint64 batchesFailed = 0; ///< transactions that failed and were rolled back (counter)
    quint64 eventsFailed = 0; ///< events lost with them (counter)
    quint64 rowsExpired = 0; ///< raw and rollup rows deleted by retention (counter)
    /// Commit latency of analytics transactions (lock wait + statements + commit), as a Prometheus
    /// histogram: cumulative counts per upper bound of CommitBucketsSeconds, then +Inf = commitCount.
    std::array<quint64, 12> commitBuckets {};
    quint64 commitCount = 0;
    double commitSecondsSum = 0;
};

/// The analytics counters: written by the sink and the writer, read by anyone (all atomics).
class AnalyticsMetrics
{
public:
    /// Upper bounds (seconds) of the commit-latency histogram buckets.
    static constexpr std::array<double, 12> CommitBucketsSeconds {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

    explicit AnalyticsMetrics(const EventQueue &queue)
        : m_queue(queue)
    { }

    void countDropped() { m_dropped.fetch_add(1, std::memory_order_relaxed); }
    void recordCommit(qint64 elapsedUs, qsizetype events, bool committed);
    void countExpired(qint64 rows) { m_rowsExpired.fetch_add(quint64(rows), std::memory_order_relaxed); }

    [[nodiscard]] quint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 eventsFailed() const { return m_eventsFailed.load(std::memory_order_relaxed); }
    [[nodiscard]] AnalyticsMetricsSnapshot snapshot() const;

private:
    const EventQueue &m_queue;
    std::atomic<quint64> m_dropped {0};
    std::atomic<quint64> m_batchesWritten {0};
    std::atomic<quint64> m_eventsWritten {0};
    std::atomic<quint64> m_batchesFailed {0};
    std::atomic<quint64> m_eventsFailed {0};
    std::atomic<quint64> m_rowsExpired {0};
    std::array<std::atomic<quint64>, 12> m_commitBuckets {}; ///< not cumulative
    std::atomic<quint64> m_commitCount {0};
    std::atomic<quint64> m_commitMicrosSum {0};
};

} // namespace Latchkey::Analytics
