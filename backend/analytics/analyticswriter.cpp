#include "analytics/analyticswriter.h"

#include "core/clock.h"
#include "core/threadpriority.h"
#include "store/database.h"

#include <QLoggingCategory>

namespace Latchkey::Analytics {

Q_LOGGING_CATEGORY(lcAnalytics, "latchkey.analytics")

namespace {
constexpr int IdleTickMs = 1000; // retention schedule and trouble reports need a tick
constexpr qint64 ReportIntervalMs = 60'000; // overflow and failures are logged at most this often
constexpr qint64 MinuteMs = 60'000;
} // namespace

AnalyticsWriter::AnalyticsWriter(Store::Database &db, const Core::Clock &clock, EventQueue &queue,
    AnalyticsMetrics &metrics, AnalyticsRetention &retention, Options options)
    : m_store(db)
    , m_queue(queue)
    , m_metrics(metrics)
    , m_retention(retention)
    , m_options(options)
    , m_clock(clock)
    , m_promoteThreshold(options.promoteAtQueued > 0 ? options.promoteAtQueued
                                                     : std::max<qint64>(2, qint64(queue.capacity() / 4)))
    , m_lowerBelow(std::max<qint64>(1, m_promoteThreshold / 4)) // a wide gap: few switches
    , m_db(db)
{
    setObjectName(QStringLiteral("analytics-writer"));
    // Whoever waits for the write lock while this writer holds it at SCHED_IDLE raises it: a
    // credit spend must not wait until the request threads leave the CPU idle.
    m_db.setWriteWaitListener([this] { promote(false); });
}

AnalyticsWriter::~AnalyticsWriter()
{
    stopAndWait();
    m_db.setWriteWaitListener({});
}

void AnalyticsWriter::stopAndWait()
{
    if (!isRunning())
        return;
    promote(true); // the last batches are written at normal priority
    m_stopping.store(true, std::memory_order_release);
    m_wakeup.release();
    wait();
}

bool AnalyticsWriter::flush(QDeadlineTimer deadline)
{
    const quint64 target = m_queue.pushed();
    std::unique_lock locker(m_flushLock);
    // Also one whole flush round of the writer after this call: it rolls the minutes written so
    // far up (rollUpWritten()), even when every event was committed before.
    const quint64 round = m_flushRounds;
    while (m_committedThrough < target || m_flushRounds == round) {
        if (!isRunning())
            return m_committedThrough >= target; // a stop commits and rolls up what it wrote
        if (deadline.hasExpired())
            return false;
        m_flushRequested.store(true, std::memory_order_release);
        promote(true); // whoever waits for the writer must not wait for an idle CPU
        m_wakeup.release();
        // A short wait: an event whose push was still completing is picked up on the next round.
        m_flushed.wait_for(locker, std::chrono::milliseconds(std::min<qint64>(deadline.remainingTime(), 20)));
    }
    return true;
}

void AnalyticsWriter::run()
{
    m_threadId.store(Core::currentThreadId(), std::memory_order_relaxed);
    if (m_options.adaptivePriority && Core::canRestoreNormalPriority()) {
        m_adaptive.store(true, std::memory_order_release);
        qCInfo(lcAnalytics).nospace() << "analytics writer: SCHED_IDLE while fewer than " << m_promoteThreshold
                                      << " events wait, normal priority above";
    } else if (m_options.adaptivePriority) {
        qCInfo(lcAnalytics) << "analytics writer: normal priority (the system would not let it return from"
                               " SCHED_IDLE: RLIMIT_NICE below 20 and no CAP_SYS_NICE; LimitNICE=+0 in a unit)";
    }
    for (;;) {
        m_awakeSinceMs.store(steadyMs(), std::memory_order_relaxed);
        reportTrouble(false);
        if (m_adaptive.load(std::memory_order_relaxed) && m_promoteAt.load(std::memory_order_relaxed) == 0
            && qint64(m_queue.size()) < m_lowerBelow && !m_stopping.load(std::memory_order_relaxed)
            && !m_flushRequested.load(std::memory_order_relaxed))
            lower();
        drain();
        const bool stopping = m_stopping.load(std::memory_order_acquire);
        const bool flushing = m_flushRequested.load(std::memory_order_acquire);
        if (!m_batch.isEmpty()
            && (m_batch.size() >= m_options.maxBatch || m_batchAge.elapsed() >= m_options.maxDelayMs || stopping
                || flushing)) {
            commit();
            continue;
        }
        if (m_batch.isEmpty() && (flushing || stopping)) {
            rollUpWritten();
            m_flushRequested.store(false, std::memory_order_release);
            {
                std::lock_guard locker(m_flushLock);
                m_committedThrough = m_popped;
                ++m_flushRounds;
            }
            m_flushed.notify_all();
            if (stopping) {
                if (m_queue.size() == 0)
                    break;
                QThread::yieldCurrentThread(); // a push is still being completed
                continue;
            }
        }
        if (m_batch.isEmpty())
            rollUpCompleted();
        if (!m_sinceRetention.isValid() || m_sinceRetention.elapsed() >= m_options.retentionIntervalMs) {
            m_retention.begin();
            m_sinceRetention.start();
        }
        if (m_retention.running()) {
            runRetentionStep();
            continue;
        }
        waitForWork();
    }
    reportTrouble(true);
}

void AnalyticsWriter::lower()
{
    // Armed before the switch: at SCHED_IDLE this thread may not run again for a long time, so a
    // publisher must be able to raise it from the moment it is lowered.
    m_promoteAt.store(m_promoteThreshold, std::memory_order_seq_cst);
    if (!Core::setCurrentThreadPriority(Core::BackgroundPriority::Idle)) {
        m_promoteAt.store(0, std::memory_order_relaxed);
        return;
    }
    // Raised between the two steps above (while still normal), or behind already: normal again. A
    // thread starved right here is raised by the starvation check (promoteAfterMs).
    if (m_promoteAt.load(std::memory_order_seq_cst) == 0 || qint64(m_queue.size()) >= m_promoteThreshold)
        promote(true);
}

void AnalyticsWriter::promote(bool force)
{
    const bool armed = m_promoteAt.load(std::memory_order_relaxed) > 0
        && m_promoteAt.exchange(0, std::memory_order_acq_rel) > 0;
    if (!armed && !(force && m_adaptive.load(std::memory_order_relaxed)))
        return;
    if (!Core::setThreadPriority(m_threadId.load(std::memory_order_relaxed), Core::BackgroundPriority::Normal))
        qCWarning(lcAnalytics) << "analytics writer: could not return to normal priority";
}

qsizetype AnalyticsWriter::drain()
{
    qsizetype taken = 0;
    AnalyticsEvent event;
    while (m_batch.size() < m_options.maxBatch && m_queue.pop(event)) {
        if (auto *verification = std::get_if<Core::VerificationEvent>(&event))
            m_batch.verifications.append(std::move(*verification));
        else
            m_batch.ratelimits.append(std::move(std::get<Core::RatelimitEvent>(event)));
        ++taken;
    }
    m_popped += quint64(taken);
    if (taken > 0 && !m_batchAge.isValid())
        m_batchAge.start();
    return taken;
}

void AnalyticsWriter::commit()
{
    QElapsedTimer timer;
    timer.start();
    const Core::Status written = m_store.write(m_batch);
    m_metrics.recordCommit(timer.nsecsElapsed() / 1000, m_batch.size(), bool(written));
    if (written) {
        for (const Core::VerificationEvent &event : std::as_const(m_batch.verifications))
            m_newestWrittenMs = std::max(m_newestWrittenMs, event.timeMs);
        for (const Core::RatelimitEvent &event : std::as_const(m_batch.ratelimits))
            m_newestWrittenMs = std::max(m_newestWrittenMs, event.timeMs);
    }
    m_batch.clear();
    m_batchAge.invalidate();
    {
        std::lock_guard locker(m_flushLock);
        m_committedThrough = m_popped;
    }
    m_flushed.notify_all();
}

void AnalyticsWriter::rollUpWritten()
{
    if (m_newestWrittenMs <= m_rolledUpToMs)
        return;
    // Through the newest event's minute: what a flush waited for is then in every rollup.
    const qint64 until = m_newestWrittenMs + MinuteMs;
    if (const Core::Status rolled = m_store.writeRollUp(until); !rolled) {
        qCWarning(lcAnalytics) << "analytics roll-up failed:" << rolled.error().detail;
        return;
    }
    m_rolledUpToMs = m_newestWrittenMs;
}

void AnalyticsWriter::rollUpCompleted()
{
    const qint64 complete = Store::bucketStart(m_clock.nowMs(), Store::Resolution::Minute) - MinuteMs;
    if (complete <= m_completedRolledMs)
        return;
    // Tried once a minute, failed or not (a failure is logged, and the next minute tries again).
    m_completedRolledMs = complete;
    if (const Core::Status rolled = m_store.writeRollUp(complete); !rolled)
        qCWarning(lcAnalytics) << "analytics roll-up failed:" << rolled.error().detail;
}

void AnalyticsWriter::runRetentionStep()
{
    const auto deleted = m_retention.step();
    if (deleted)
        m_metrics.countExpired(*deleted);
    else
        qCWarning(lcAnalytics).noquote() << "analytics retention failed:" << deleted.error().detail;
}

void AnalyticsWriter::waitForWork()
{
    const bool idle = m_batch.isEmpty();
    const qint64 threshold = idle ? 1 : m_options.maxBatch - m_batch.size();
    const qint64 timeout = idle ? IdleTickMs : std::max<qint64>(0, m_options.maxDelayMs - m_batchAge.elapsed());
    m_wakeAt.store(threshold, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    const bool ready = qint64(m_queue.size()) >= threshold || m_stopping.load() || m_flushRequested.load();
    if (!ready && timeout > 0) {
        m_awakeSinceMs.store(0, std::memory_order_relaxed); // asleep: not starved
        (void)m_wakeup.tryAcquire(1, int(timeout));
    }
    m_wakeAt.store(0, std::memory_order_relaxed);
}

void AnalyticsWriter::reportTrouble(bool force)
{
    const quint64 dropped = m_metrics.dropped();
    const quint64 failed = m_metrics.eventsFailed();
    if (dropped == m_reportedDropped && failed == m_reportedFailed)
        return;
    if (!force && m_sinceReport.isValid() && m_sinceReport.elapsed() < ReportIntervalMs)
        return;
    if (dropped > m_reportedDropped) {
        qCWarning(lcAnalytics).nospace() << "analytics queue full: " << (dropped - m_reportedDropped)
                                         << " events dropped since the last report (" << dropped
                                         << " in total, queue capacity " << m_queue.capacity() << ")";
    }
    if (failed > m_reportedFailed) {
        qCWarning(lcAnalytics).nospace() << "analytics: " << (failed - m_reportedFailed)
                                         << " events lost in failed transactions since the last report";
    }
    m_reportedDropped = dropped;
    m_reportedFailed = failed;
    m_sinceReport.start();
}

} // namespace Latchkey::Analytics
