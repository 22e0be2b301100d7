#pragma once

#include "analytics/analyticsmetrics.h"
#include "analytics/analyticsretention.h"
#include "analytics/analyticswriter.h"
#include "analytics/eventqueue.h"
#include "analytics/livefeed.h"
#include "core/events.h"

#include <atomic>
#include <memory>

namespace Latchkey::Core {
class Clock;
} // namespace Latchkey::Core
namespace Latchkey::Store {
class Database;
} // namespace Latchkey::Store

namespace Latchkey::Analytics {

/// How events reach the database (setting `analytics-durability`).
enum class Durability {
    /// Events go through the bounded queue to the batching writer: the request never waits for
    /// analytics, and a kill -9 loses what was not yet committed (at most the open batch — 1 s or
    /// 1,000 events — plus whatever was queued behind it if the writer had fallen behind).
    BestEffort,
    /// Every event is stored before its request answers: inside the request's own transaction when
    /// it has one (a credit spend), else in a synchronous transaction of its own.
    Strict,
};

/// The analytics pipeline as the handlers see it: the Core::EventSink that Server hands to them.
/// Owns the event queue, the writer thread, retention and the counters for /metrics.
///
/// publish() never blocks in best-effort mode: a lock-free push, and a full queue drops the event
/// and counts it (logged at most once a minute by the writer).
class AnalyticsSink final : public Core::EventSink
{
public:
    struct Options {
        Durability durability = Durability::BestEffort;
        /// True (setting `analytics-enabled=false`): every event is dropped on arrival, uncounted —
        /// nothing is stored, streamed or tapped. Only to measure what analytics cost (benchmarks).
        bool discard = false;
        qsizetype queueCapacity = 16384;
        AnalyticsWriter::Options writer;
        RetentionPolicy retention;
        int retentionChunkRows = 2000;
        LiveFeed::Options liveFeed;
    };

    AnalyticsSink(Store::Database &db, const Core::Clock &clock, Options options);
    ~AnalyticsSink() override;

    AnalyticsSink(const AnalyticsSink &) = delete;
    AnalyticsSink &operator=(const AnalyticsSink &) = delete;

    /// Every published event is also handed to @p tap (tests read them from a MemoryEventSink).
    /// Set before start().
    void setTap(Core::EventSink *tap) { m_tap = tap; }

    /// Starts the writer thread.
    void start();
    /// Stops accepting events, writes everything queued and ends the writer; idempotent. Must run
    /// before the Database closes.
    void stop();
    /// Blocks until every event published so far is committed; false on timeout or when stopped.
    [[nodiscard]] bool flush(int timeoutMs = 30'000);

    void publish(Core::VerificationEvent &&event) override;
    void publish(Core::RatelimitEvent &&event) override;
    [[nodiscard]] bool durable() const override
    {
        return !m_options.discard && m_options.durability == Durability::Strict;
    }
    [[nodiscard]] Core::Status publishInTransaction(const Core::VerificationEvent &event) override;
    [[nodiscard]] bool storesEvents() const override { return !m_options.discard; }

    [[nodiscard]] AnalyticsMetricsSnapshot metrics() const { return m_metrics.snapshot(); }
    [[nodiscard]] const AnalyticsMetrics &metricsSource() const { return m_metrics; }
    [[nodiscard]] AnalyticsRetention &retention() { return m_retention; }
    [[nodiscard]] Durability durability() const { return m_options.durability; }
    /// Every verification is also offered to this feed (lock-free; free while nobody watches).
    [[nodiscard]] LiveFeed &liveFeed() { return m_liveFeed; }

private:
    void enqueue(AnalyticsEvent &&event);
    void storeNow(Store::AnalyticsBatch &&batch);

    Store::Database &m_db;
    const Options m_options;
    EventQueue m_queue;
    AnalyticsMetrics m_metrics;
    AnalyticsRetention m_retention;
    std::unique_ptr<AnalyticsWriter> m_writer;
    Core::EventSink *m_tap = nullptr;
    LiveFeed m_liveFeed;
    std::atomic<bool> m_open {false};
};

} // namespace Latchkey::Analytics
