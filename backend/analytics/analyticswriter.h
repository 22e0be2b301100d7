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
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace Latchkey::Core {
class Clock;
} // namespace Latchkey::Core

namespace Latchkey::Analytics {

/// The analytics writer: a thread that takes events off the EventQueue and stores them in
/// batches — at most maxBatch events, and at most maxDelayMs after the first event of a batch
/// arrived, whichever comes first — each batch in one transaction (AnalyticsStore::write: raw rows,
/// rollups, last_used_at). Between batches it runs retention one small chunk at a time, and once a
/// minute rolls the minutes its clock says are complete up into the coarser rollups (schema 5; the
/// only roll-up with strict durability, whose requests store their events without it).
///
/// It sleeps while there is nothing to do; a publisher wakes it (notifyPublished()) only when the
/// first event of a batch arrives or a batch is full, so publishing costs no system call otherwise.
///
/// Adaptive priority (issue 6: the p99 at half load): the writer shares the CPU with the request
/// threads, and a batch runs for milliseconds; at normal priority a request thread that wakes
/// meanwhile waits for it. So the writer runs at SCHED_IDLE while it keeps up, and a publisher
/// raises it back to normal when it falls behind (promoteAtQueued events waiting, or a batch
/// starved for promoteAfterMs); it lowers itself again once the queue is short (a quarter of that).
/// Whoever waits for the database's write lock raises it too (Database::setWriteWaitListener()).
/// It does this only where the kernel lets it return to normal (Core::canRestoreNormalPriority()); where
/// not, it stays at normal priority throughout, as it never starves then (docs/BENCHMARKS.md).
class AnalyticsWriter final : public QThread
{
public:
    struct Options {
        int maxBatch = 1000;
        int maxDelayMs = 1000;
        int retentionIntervalMs = 60'000; ///< between retention passes; the first runs at start
        bool adaptivePriority = true; ///< SCHED_IDLE while keeping up (see the class comment)
        qsizetype promoteAtQueued = 0; ///< events waiting that raise the writer; 0: a quarter of the queue
        int promoteAfterMs = 2000; ///< a writer kept from running this long is raised too
    };

    /// @p clock: what the events are stamped with; it says which minutes are complete (rollUpCompleted()).
    AnalyticsWriter(Store::Database &db, const Core::Clock &clock, EventQueue &queue, AnalyticsMetrics &metrics,
        AnalyticsRetention &retention, Options options);
    ~AnalyticsWriter() override;

    /// Called by a publisher after a successful push; cheap unless the writer waits for this push
    /// or must be raised to normal priority.
    void notifyPublished()
    {
        const qint64 promoteAt = m_promoteAt.load(std::memory_order_relaxed);
        if (promoteAt > 0 && qint64(m_queue.size()) >= promoteAt)
            promote(false);
        else if (starved())
            promote(true);
        const qint64 wakeAt = m_wakeAt.load(std::memory_order_relaxed);
        if (wakeAt <= 0)
            return;
        // Pairs with the fence in waitForWork(): either the writer sees this push, or we see its wakeAt.
        std::atomic_thread_fence(std::memory_order_seq_cst);
        if (qint64(m_queue.size()) >= wakeAt && m_wakeAt.exchange(0) > 0)
            m_wakeup.release();
    }

    /// Blocks until every event pushed before the call is committed (or failed) and rolled up into
    /// every rollup (AnalyticsStore::writeRollUp()); false on timeout.
    [[nodiscard]] bool flush(QDeadlineTimer deadline = QDeadlineTimer(30'000));

    /// Writes everything still queued, then ends the thread (blocks until it has).
    void stopAndWait();

protected:
    void run() override;

private:
    /// Back to normal priority now (any thread): once per lowering, or every time when @p force.
    void promote(bool force);
    /// To SCHED_IDLE, armed for promote() (the writer thread, when adaptive and the queue is short).
    void lower();
    /// Whether the (adaptive) writer, not asleep, has not come round for promoteAfterMs.
    [[nodiscard]] bool starved() const
    {
        // Only every 64th push reads the clock: this runs on the request threads. Also why the
        // promotion needs no fence: a publisher that misses the writer's lowering, the next one sees.
        if ((m_queue.pushed() & 63) != 0 || !m_adaptive.load(std::memory_order_relaxed))
            return false;
        const qint64 awakeSince = m_awakeSinceMs.load(std::memory_order_relaxed);
        return awakeSince > 0 && steadyMs() - awakeSince > m_options.promoteAfterMs;
    }
    static qint64 steadyMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count() + 1; // never 0, which means asleep
    }
    qsizetype drain();
    void commit();
    /// On flush and stop: the minutes written so far into the coarser rollups (AnalyticsStore::writeRollUp()),
    /// so whoever flushed finds every rollup complete; batches otherwise roll up once a minute.
    void rollUpWritten();
    /// Once a minute while the writer has no batch open: every minute before the one before the
    /// clock's is complete and rolled up (AnalyticsStore::writeRollUp()), as a batch would roll it
    /// up. Strict durability stores events in the requests' transactions without rolling up
    /// (AnalyticsStore::RollUp::Elsewhere), so this is where their minutes reach the coarser rollups.
    void rollUpCompleted();
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
    qint64 m_newestWrittenMs = 0; ///< the newest event time committed
    qint64 m_rolledUpToMs = 0; ///< rollUpWritten() covered events up to this time
    const Core::Clock &m_clock;
    qint64 m_completedRolledMs = 0; ///< rollUpCompleted() rolled the minutes before this one up

    QSemaphore m_wakeup;
    std::atomic<qint64> m_wakeAt {0}; ///< wake the writer when the queue holds this many (0: awake)
    std::atomic<bool> m_stopping {false};
    std::atomic<bool> m_flushRequested {false};

    const qint64 m_promoteThreshold;
    const qint64 m_lowerBelow; ///< the writer lowers itself again when fewer events wait
    Store::Database &m_db;
    std::atomic<bool> m_adaptive {false}; ///< lowers itself (set at start where it can return)
    std::atomic<qint64> m_promoteAt {0}; ///< > 0: lowered, a publisher promotes at this queue size
    std::atomic<qint64> m_awakeSinceMs {0}; ///< steadyMs() of the writer's last round; 0: asleep
    std::atomic<qint64> m_threadId {0};

    // std:: rather than QMutex/QWaitCondition: ThreadSanitizer sees through these (Qt's own
    // wait-condition internals are not instrumented and make it report false races).
    std::mutex m_flushLock;
    std::condition_variable m_flushed;
    quint64 m_committedThrough = 0; ///< guarded by m_flushLock: pops whose batch is done
    quint64 m_flushRounds = 0; ///< guarded by m_flushLock: flush requests answered (rolled up)

    QElapsedTimer m_sinceReport;
    quint64 m_reportedDropped = 0;
    quint64 m_reportedFailed = 0;
};

} // namespace Latchkey::Analytics
