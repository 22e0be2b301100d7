#include "analytics/analyticssink.h"

#include "store/analyticsstore.h"
#include "store/database.h"

#include <QElapsedTimer>

namespace Latchkey::Analytics {

AnalyticsSink::AnalyticsSink(Store::Database &db, const Core::Clock &clock, Options options)
    : m_db(db)
    , m_options(options)
    , m_queue(std::size_t(std::max<qsizetype>(options.queueCapacity, 2)))
    , m_metrics(m_queue)
    , m_retention(db, clock, options.retention, options.retentionChunkRows)
    , m_writer(std::make_unique<AnalyticsWriter>(db, clock, m_queue, m_metrics, m_retention, options.writer))
    , m_liveFeed(clock, options.liveFeed)
{ }

AnalyticsSink::~AnalyticsSink()
{
    stop();
}

void AnalyticsSink::start()
{
    m_open.store(true, std::memory_order_release);
    if (!m_writer->isRunning())
        m_writer->start();
    m_liveFeed.start();
}

void AnalyticsSink::stop()
{
    m_open.store(false, std::memory_order_release);
    m_liveFeed.stop();
    m_writer->stopAndWait();
}

bool AnalyticsSink::flush(int timeoutMs)
{
    return m_writer->flush(QDeadlineTimer(timeoutMs));
}

void AnalyticsSink::enqueue(AnalyticsEvent &&event)
{
    if (!m_open.load(std::memory_order_acquire) || !m_queue.push(std::move(event))) {
        m_metrics.countDropped();
        return;
    }
    m_writer->notifyPublished();
}

void AnalyticsSink::storeNow(Store::AnalyticsBatch &&batch)
{
    QElapsedTimer timer;
    timer.start();
    // The writer rolls the completed minutes up on its schedule: no request waits for that.
    const Core::Status written = Store::AnalyticsStore(m_db).write(batch, Store::AnalyticsStore::RollUp::Elsewhere);
    m_metrics.recordCommit(timer.nsecsElapsed() / 1000, batch.size(), bool(written));
}

void AnalyticsSink::publish(Core::VerificationEvent &&event)
{
    if (m_options.discard)
        return;
    m_liveFeed.offer(event);
    if (m_tap)
        m_tap->publish(Core::VerificationEvent(event));
    if (durable()) {
        storeNow({{std::move(event)}, {}});
        return;
    }
    enqueue(AnalyticsEvent(std::in_place_type<Core::VerificationEvent>, std::move(event)));
}

void AnalyticsSink::publish(Core::RatelimitEvent &&event)
{
    if (m_options.discard)
        return;
    m_liveFeed.offer(event);
    if (m_tap)
        m_tap->publish(Core::RatelimitEvent(event));
    if (durable()) {
        storeNow({{}, {std::move(event)}});
        return;
    }
    enqueue(AnalyticsEvent(std::in_place_type<Core::RatelimitEvent>, std::move(event)));
}

Core::Status AnalyticsSink::publishInTransaction(const Core::VerificationEvent &event)
{
    if (m_options.discard)
        return {};
    m_liveFeed.offer(event);
    if (m_tap)
        m_tap->publish(Core::VerificationEvent(event));
    QElapsedTimer timer;
    timer.start();
    const Core::Status recorded
        = Store::AnalyticsStore(m_db).record({{event}, {}}, Store::AnalyticsStore::RollUp::Elsewhere);
    m_metrics.recordCommit(timer.nsecsElapsed() / 1000, 1, bool(recorded));
    return recorded;
}

} // namespace Latchkey::Analytics
