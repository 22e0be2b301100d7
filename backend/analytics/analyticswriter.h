#pragma once

#include "analytics/analyticsmetrics.h"
#include "analytics/analyticsretention.h"
#include "analytics/eventqueue.h"
#include "store/analyticsstore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace Latchkey::Analytics {

/// The analytics writer: a thread that takes events off the EventQueue and stores them in
/// batches — at most maxBatch events, and at most maxDelayMs after the first event of a batch
/// arrived, whichever comes first — each batch in one transaction (AnalyticsStore::write: raw rows,
/// rollups, last_used_at). Between batches it runs retention one small chunk at a time.
///
/// It sleeps while there is nothing to do; a publisher wakes it (notifyPublished()) only when the
/// first event of a batch arrives or a batch is full, so publishing costs no system call otherwise.
class AnalyticsWriter final : public QThread
{
public:
    struct Options {
        int maxBatch = 1000;
        int maxDelayMs = 1000;
        int retentionIntervalMs = 60'000; ///< between retention passes; the first runs at start
    };

    AnalyticsWriter(Store::Database &db, EventQueue &queue, AnalyticsMetrics &metrics, AnalyticsRetention &retention,
        Options options);
    ~AnalyticsWriter() override;

    /// Called by a publisher after a successful push; cheap unless the writer waits for this push.
    void notifyPublished()
    {
        const qint64 wakeAt = m_wakeAt.load(std::memory_order_relaxed);
        if (wakeAt <= 0)
            return;
        // Pairs with the fence in waitForWork(): either the writer sees this push, or we see its wakeAt.
        std::atomic_thread_fence(std::memory_order_seq_cst);
        if (qint64(m_queue.size()) >= wakeAt && m_wakeAt.exchange(0) > 0)
            m_wakeup.release();
    }

    /// Blocks until every event pushed before the call is committed (or failed); false on timeout.
    [[nodiscard]] bool flush(QDeadlineTimer deadline = QDeadlineTimer(30'000));

    /// Writes everything still queued, then ends the thread (blocks until it has).
    void stopAndWait();

protected:
    void run() override;

private:
    qsizetype drain();
    void commit();
    void waitForWork();
    void runRetentionStep();
    void reportTrouble(bool force);

    Store::AnalyticsStore m_store;
    EventQueue &m_queue;
    AnalyticsMetrics &m_metrics;
    AnalyticsRetention &m_retention;
    const Options m_options;

    Store::AnalyticsBatch m_batch;
    QElapsedTimer m_batchAge;
    QElapsedTimer m_sinceRetention;
    quint64 m_popped = 0;

    QSemaphore m_wakeup;
    std::atomic<qint64> m_wakeAt {0}; ///< wake the writer when the queue holds this many (0: awake)
    std::atomic<bool> m_stopping {false};
    std::atomic<bool> m_flushRequested {false};

    // std:: rather than QMutex/QWaitCondition: ThreadSanitizer sees through these (Qt's own
    // wait-condition internals are not instrumented and make it report false races).
    std::mutex m_flushLock;
    std::condition_variable m_flushed;
    quint64 m_committedThrough = 0; ///< guarded by m_flushLock: pops whose batch is done

    QElapsedTimer m_sinceReport;
    quint64 m_reportedDropped = 0;
    quint64 m_reportedFailed = 0;
};

} // namespace Latchkey::Analytics
