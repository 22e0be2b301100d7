#include "analytics/livefeed.h"

#include "core/clock.h"
#include "http/responsestream.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Latchkey::Analytics {

namespace {

// The queue is drained this often, so a 8,192-slot queue absorbs bursts of ~160,000 events/s.
constexpr std::chrono::milliseconds kDrainInterval(50);

/// One scope's share of a tick: per-outcome counts and its events in arrival order.
struct Bucket {
    QMap<QString, qint64> counts;
    QList<const Core::VerificationEvent *> events;
};

QString bucketKey(LiveScope::Kind kind, const QString &workspaceId, const QString &id)
{
    return QString::number(int(kind)) % u'\x1f' % workspaceId % u'\x1f' % id;
}

QJsonObject eventJson(const Core::VerificationEvent &event)
{
    QJsonObject json {{u"requestId"_s, event.requestId}, {u"time"_s, event.timeMs}, {u"outcome"_s, event.outcome},
        {u"keyId"_s, event.keyId}, {u"spentCredits"_s, event.spentCredits}, {u"latencyUs"_s, event.latencyUs}};
    if (!event.apiId.isEmpty())
        json.insert(u"apiId"_s, event.apiId);
    if (!event.identityId.isEmpty())
        json.insert(u"identityId"_s, event.identityId);
    if (!event.externalId.isEmpty())
        json.insert(u"externalId"_s, event.externalId);
    if (!event.tags.isEmpty())
        json.insert(u"tags"_s, QJsonArray::fromStringList(event.tags));
    return json;
}

/// `event: tick` with the counts and the newest @p limit events of @p events, newest first.
QByteArray tickMessage(qint64 nowMs, const QMap<QString, qint64> &counts,
    const QList<const Core::VerificationEvent *> &events, int limit)
{
    QJsonObject countsJson;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        countsJson.insert(it.key(), it.value());
    QJsonArray newest;
    for (qsizetype i = events.size() - 1; i >= 0 && newest.size() < limit; --i)
        newest.append(eventJson(*events.at(i)));
    const QJsonObject data {{u"time"_s, nowMs}, {u"counts"_s, countsJson}, {u"events"_s, newest}};
    return "event: tick\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

/// One rate-limit scope's share of a tick: passed/blocked counts and its checks in arrival order.
struct RatelimitBucket {
    qint64 passed = 0;
    qint64 blocked = 0;
    QList<const Core::RatelimitEvent *> events;
};

QJsonObject ratelimitJson(const Core::RatelimitEvent &event)
{
    QJsonObject json {{u"requestId"_s, event.requestId}, {u"time"_s, event.timeMs},
        {u"namespaceId"_s, event.namespaceId}, {u"identifier"_s, event.identifier}, {u"passed"_s, event.passed},
        {u"limit"_s, event.limit}, {u"remaining"_s, event.remaining}, {u"reset"_s, event.resetMs},
        {u"cost"_s, event.cost}, {u"latencyUs"_s, event.latencyUs}};
    if (!event.overrideId.isEmpty())
        json.insert(u"overrideId"_s, event.overrideId);
    return json;
}

/// `event: ratelimit` with the passed/blocked counts and the newest @p limit checks, newest first.
QByteArray ratelimitMessage(qint64 nowMs, const RatelimitBucket &bucket, int limit)
{
    QJsonArray newest;
    for (qsizetype i = bucket.events.size() - 1; i >= 0 && newest.size() < limit; --i)
        newest.append(ratelimitJson(*bucket.events.at(i)));
    const QJsonObject counts {{u"passed"_s, bucket.passed}, {u"blocked"_s, bucket.blocked}};
    const QJsonObject data {{u"time"_s, nowMs}, {u"counts"_s, counts}, {u"events"_s, newest}};
    return "event: ratelimit\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

/// The part of @p bucket a per-API subscriber may see.
Bucket restricted(const Bucket &bucket, const QSet<QString> &apiIds)
{
    Bucket visible;
    for (const Core::VerificationEvent *event : bucket.events) {
        if (!apiIds.contains(event->apiId))
            continue;
        ++visible.counts[event->outcome];
        visible.events.append(event);
    }
    return visible;
}

} // namespace

LiveFeed::LiveFeed(const Core::Clock &clock, Options options)
    : m_clock(clock), m_options(options), m_queue(std::size_t(options.queueCapacity))
{ }

LiveFeed::~LiveFeed()
{
    stop();
}

void LiveFeed::start()
{
    std::lock_guard lock(m_threadMutex);
    if (m_options.tickMs <= 0 || m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void LiveFeed::stop()
{
    {
        std::lock_guard lock(m_threadMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::vector<Subscriber> subscribers;
    {
        std::lock_guard lock(m_subscribersMutex);
        subscribers.swap(m_subscribers);
        m_subscriberCount.store(0, std::memory_order_relaxed);
    }
    for (const Subscriber &subscriber : subscribers)
        subscriber.stream->close();
}

void LiveFeed::offer(const Core::VerificationEvent &event)
{
    if (m_subscriberCount.load(std::memory_order_relaxed) == 0)
        return; // nobody watches: the hot path pays one atomic load
    push(AnalyticsEvent(std::in_place_type<Core::VerificationEvent>, event));
}

void LiveFeed::offer(const Core::RatelimitEvent &event)
{
    if (m_subscriberCount.load(std::memory_order_relaxed) == 0)
        return;
    push(AnalyticsEvent(std::in_place_type<Core::RatelimitEvent>, event));
}

void LiveFeed::push(AnalyticsEvent &&event)
{
    if (!m_queue.push(std::move(event)))
        m_dropped.fetch_add(1, std::memory_order_relaxed);
}

std::shared_ptr<Http::ResponseStream> LiveFeed::subscribe(const LiveScope &scope)
{
    auto stream = std::make_shared<Http::ResponseStream>(m_options.streamBufferBytes);
    // Sent at once, so the client knows the subscription stands before the first tick.
    stream->write(QByteArray(": subscribed\n\n"));
    std::lock_guard lock(m_subscribersMutex);
    m_subscribers.push_back({scope, stream});
    m_subscriberCount.store(qsizetype(m_subscribers.size()), std::memory_order_relaxed);
    return stream;
}

void LiveFeed::run()
{
    auto nextTick = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_options.tickMs);
    std::unique_lock lock(m_threadMutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, kDrainInterval, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        drain();
        if (std::chrono::steady_clock::now() >= nextTick) {
            nextTick += std::chrono::milliseconds(m_options.tickMs);
            tick();
        }
        lock.lock();
    }
}

void LiveFeed::drain()
{
    std::lock_guard lock(m_pendingMutex);
    AnalyticsEvent event;
    while (m_queue.pop(event))
        m_pending.push_back(std::move(event));
}

/// The one aggregation of a tick: every scope's counts and events, computed once.
struct LiveFeed::Aggregate {
    QHash<QString, Bucket> verifications;
    QHash<QString, RatelimitBucket> ratelimits;
    QHash<QString, QByteArray> messages; ///< formatted once per scope and kind

    explicit Aggregate(const std::vector<AnalyticsEvent> &batch)
    {
        for (const AnalyticsEvent &event : batch) {
            if (const auto *verification = std::get_if<Core::VerificationEvent>(&event))
                add(*verification);
            else
                add(std::get<Core::RatelimitEvent>(event));
        }
    }

    void add(const Core::VerificationEvent &event)
    {
        const std::pair<LiveScope::Kind, const QString *> scopes[] = {{LiveScope::Kind::Workspace, nullptr},
            {LiveScope::Kind::Api, &event.apiId}, {LiveScope::Kind::Key, &event.keyId},
            {LiveScope::Kind::Identity, &event.identityId}};
        for (const auto &[kind, id] : scopes) {
            if (id && id->isEmpty())
                continue;
            Bucket &bucket = verifications[bucketKey(kind, event.workspaceId, id ? *id : QString())];
            ++bucket.counts[event.outcome];
            bucket.events.append(&event);
        }
    }

    void add(const Core::RatelimitEvent &event)
    {
        for (const QString &key : {bucketKey(LiveScope::Kind::Workspace, event.workspaceId, {}),
                 bucketKey(LiveScope::Kind::Namespace, event.workspaceId, event.namespaceId)}) {
            RatelimitBucket &bucket = ratelimits[key];
            ++(event.passed ? bucket.passed : bucket.blocked);
            bucket.events.append(&event);
        }
    }

    /// What @p scope's subscriber gets this tick: its messages, or a ping when nothing happened.
    QByteArray messageFor(const LiveScope &scope, qint64 nowMs, int limit)
    {
        const QString key = bucketKey(scope.kind, scope.workspaceId, scope.id);
        QByteArray message;
        const bool workspace = scope.kind == LiveScope::Kind::Workspace;
        if ((workspace && scope.verifications) || (!workspace && scope.kind != LiveScope::Kind::Namespace))
            message += verificationMessage(scope, key, nowMs, limit);
        if ((workspace && scope.ratelimits) || scope.kind == LiveScope::Kind::Namespace) {
            const auto found = ratelimits.constFind(key);
            if (found != ratelimits.constEnd())
                message += cached(u'r' + key, [&] { return ratelimitMessage(nowMs, *found, limit); });
        }
        return message.isEmpty() ? kPing.toByteArray() : message;
    }

private:
    QByteArray verificationMessage(const LiveScope &scope, const QString &key, qint64 nowMs, int limit)
    {
        const auto found = verifications.constFind(key);
        if (found == verifications.constEnd())
            return {};
        if (scope.allApis)
            return cached(u'v' + key, [&] { return tickMessage(nowMs, found->counts, found->events, limit); });
        const Bucket visible = restricted(*found, scope.apiIds);
        return visible.events.isEmpty() ? QByteArray() : tickMessage(nowMs, visible.counts, visible.events, limit);
    }

    template<class Format> QByteArray cached(const QString &key, Format format)
    {
        auto it = messages.find(key);
        if (it == messages.end())
            it = messages.insert(key, format());
        return *it;
    }
};

void LiveFeed::tick()
{
    drain();
    std::vector<AnalyticsEvent> batch;
    {
        std::lock_guard lock(m_pendingMutex);
        batch.swap(m_pending);
    }
    std::vector<Subscriber> subscribers;
    {
        std::lock_guard lock(m_subscribersMutex);
        subscribers = m_subscribers;
    }
    if (subscribers.empty())
        return;

    Aggregate aggregate(batch);
    const qint64 nowMs = m_clock.nowMs();
    std::vector<std::shared_ptr<Http::ResponseStream>> dead;
    for (const Subscriber &subscriber : subscribers) {
        if (!subscriber.stream->write(aggregate.messageFor(subscriber.scope, nowMs, m_options.newestEvents)))
            dead.push_back(subscriber.stream);
    }
    if (dead.empty())
        return;
    std::lock_guard lock(m_subscribersMutex);
    std::erase_if(m_subscribers, [&dead](const Subscriber &subscriber) {
        return std::find(dead.begin(), dead.end(), subscriber.stream) != dead.end();
    });
    m_subscriberCount.store(qsizetype(m_subscribers.size()), std::memory_order_relaxed);
}

} // namespace Latchkey::Analytics
