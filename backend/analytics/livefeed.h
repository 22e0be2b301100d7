#pragma once

#include "analytics/eventqueue.h"
#include "core/events.h"

#include <QSet>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Latchkey::Core {
class Clock;
} // namespace Latchkey::Core
namespace Latchkey::Http {
class ResponseStream;
} // namespace Latchkey::Http

namespace Latchkey::Analytics {

/// What one live-stream subscriber watches.
struct LiveScope {
    enum class Kind { Workspace, Api, Key, Identity, Namespace };
    Kind kind = Kind::Workspace;
    QString workspaceId;
    /// apiId, keyId, identityId or rate-limit namespaceId (always the id, never a name or an
    /// externalId: the route resolves those); empty for Kind::Workspace
    QString id;
    /// False: only events of the APIs in apiIds are shown (a root key with per-API
    /// read_analytics; the route allows that for Kind::Api and Kind::Key only).
    bool allApis = true;
    QSet<QString> apiIds;
    /// Which kinds of events a Kind::Workspace subscriber sees (its root key's permissions:
    /// verifications need api.*.read_analytics, rate limits ratelimit.*.read_analytics). Other
    /// kinds see what they are: verifications for Api/Key/Identity, rate limits for Namespace.
    bool verifications = true;
    bool ratelimits = false;
};

/// The live view of verifications and rate-limit checks behind POST /v2/analytics.stream.
///
/// AnalyticsSink hands every verification and rate-limit event to offer(): a lock-free push into
/// a bounded queue, and nothing at all while nobody is subscribed. A feed thread drains that queue
/// every 50 ms and, once per tick (1 s), aggregates the batch ONCE: per-outcome counts and the
/// newest verifications per workspace, api, key and identity, and passed/blocked counts and the
/// newest rate-limit checks per workspace and namespace. Each scope's server-sent-event messages
/// (`event: tick` for verifications, `event: ratelimit` for rate limits) are formatted once and
/// written to every subscriber of that scope, so many subscribers cost one aggregation per tick,
/// not one each. A scope with nothing new gets the comment `: ping`, which keeps proxies from
/// closing an idle stream. A subscriber whose stream buffer is full (it does not read) or whose
/// client went away is dropped.
class LiveFeed
{
public:
    struct Options {
        int tickMs = 1000; ///< 0: no feed thread; the owner calls tick() (tests)
        int newestEvents = 20; ///< events per message, newest first
        qsizetype queueCapacity = 8192;
        qsizetype streamBufferBytes = 64 * 1024; ///< per subscriber; beyond it the subscriber is dropped
    };

    LiveFeed(const Core::Clock &clock, Options options);
    ~LiveFeed();

    LiveFeed(const LiveFeed &) = delete;
    LiveFeed &operator=(const LiveFeed &) = delete;

    /// Starts the feed thread (unless tickMs is 0).
    void start();
    /// Stops the thread and ends every subscriber's stream (they see the end of the body).
    void stop();

    /// From any thread, never blocks: queues @p event for the next tick while someone watches.
    void offer(const Core::VerificationEvent &event);
    /// The same for a rate-limit check.
    void offer(const Core::RatelimitEvent &event);

    /// A new subscriber: the stream gets one message per tick from now on.
    [[nodiscard]] std::shared_ptr<Http::ResponseStream> subscribe(const LiveScope &scope);

    /// One aggregation and fan-out over what arrived since the last tick; drops closed or full
    /// subscribers. The feed thread calls it every tickMs.
    void tick();

    [[nodiscard]] qsizetype subscriberCount() const { return m_subscriberCount.load(std::memory_order_relaxed); }
    /// Events lost because the queue was full between two drains.
    [[nodiscard]] qint64 droppedEvents() const { return m_dropped.load(std::memory_order_relaxed); }

    /// The SSE comment sent when a scope had nothing new in a tick.
    static constexpr QByteArrayView kPing = ": ping\n\n";

private:
    struct Aggregate;
    struct Subscriber {
        LiveScope scope;
        std::shared_ptr<Http::ResponseStream> stream;
    };

    void run();
    void drain();
    void push(AnalyticsEvent &&event);

    const Core::Clock &m_clock;
    const Options m_options;
    BoundedQueue<AnalyticsEvent> m_queue;
    std::atomic<qsizetype> m_subscriberCount {0};
    std::atomic<qint64> m_dropped {0};

    std::mutex m_pendingMutex; ///< the feed thread and tick() both drain
    std::vector<AnalyticsEvent> m_pending;

    std::mutex m_subscribersMutex;
    std::vector<Subscriber> m_subscribers;

    std::mutex m_threadMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Latchkey::Analytics
