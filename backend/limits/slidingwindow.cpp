#include "limits/slidingwindow.h"

#include <QHashFunctions>
#include <QVarLengthArray>

#include <QScopeGuard>

#include <algorithm>
#include <limits>
#include <mutex>
#include <span>
#include <unordered_map>

namespace Latchkey::Limits {

namespace {

// How often a shard sweeps its stale counters while serving checks.
constexpr qint64 LazyEvictionIntervalMs = 60'000;
// A counter whose newest window started this many windows ago can no longer affect a decision.
constexpr qint64 EvictAfterWindows = 3;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Lookup form of a counter's identity: views, so finding a counter copies no strings.
struct CounterKeyView {
    QStringView workspaceId;
    QStringView ns;
    QStringView identifier;
    qint64 durationMs = 0;
    size_t hash = 0;
};

// Stored form of a counter's identity.
struct CounterKey {
    explicit CounterKey(const LimitRequest &request, size_t keyHash)
        : workspaceId(request.workspaceId)
        , ns(request.ns)
        , identifier(request.identifier)
        , durationMs(request.durationMs)
        , hash(keyHash)
    { }
    QString workspaceId;
    QString ns;
    QString identifier;
    qint64 durationMs;
    size_t hash;
};

struct KeyHash {
    using is_transparent = void;
    size_t operator()(const CounterKey &key) const { return key.hash; }
    size_t operator()(const CounterKeyView &key) const { return key.hash; }
};

struct KeyEqual {
    using is_transparent = void;
    template<typename A, typename B> bool operator()(const A &a, const B &b) const
    {
        return a.hash == b.hash && a.durationMs == b.durationMs
            && QStringView(a.identifier) == QStringView(b.identifier) && QStringView(a.ns) == QStringView(b.ns)
            && QStringView(a.workspaceId) == QStringView(b.workspaceId);
    }
};

// The two windows a decision can need (current and previous), in slots chosen by sequence
// parity, so consecutive windows never share a slot.
struct Counter {
    struct Window {
        qint64 seq = std::numeric_limits<qint64>::min();
        qint64 count = 0;
    };
    std::array<Window, 2> windows;
    qint64 newestSeq = std::numeric_limits<qint64>::min();

    qint64 countAt(qint64 seq) const
    {
        const Window &window = windows[size_t(seq & 1)];
        return window.seq == seq ? window.count : 0;
    }

    void add(qint64 seq, qint64 cost)
    {
        Window &window = windows[size_t(seq & 1)];
        if (window.seq != seq)
            window = {seq, 0};
        window.count += cost;
        newestSeq = std::max(newestSeq, seq);
    }
};

using CounterMap = std::unordered_map<CounterKey, Counter, KeyHash, KeyEqual>;

// A request with everything that does not need a lock worked out.
struct Prepared {
    const LimitRequest *request = nullptr;
    CounterKeyView key;
    bool usable = false; ///< duration > 0 and cost >= 0: the request can be looked up at all
    qint64 seq = 0;
    qint64 resetMs = 0;
    double elapsed = 0; ///< fraction of the current window that has passed, in [0, 1)
    int shard = 0;
    qint64 effective = 0;
};

size_t hashOf(const LimitRequest &request)
{
    return qHashMulti(0, request.workspaceId, request.ns, request.identifier, request.durationMs);
}

int shardIndex(size_t hash)
{
    // Fibonacci hashing takes the top bits, which unordered_map's modulo does not use.
    return int((quint64(hash) * 0x9E3779B97F4A7C15ULL) >> 58) % SlidingWindowLimiter::ShardCount;
}

// Unkey's sliding count without the request's own cost: the current window in full plus the
// still-covered part of the previous one, truncated toward zero (reference §3.1).
qint64 slidingCount(const Counter *counter, const Prepared &p)
{
    if (!counter)
        return 0;
    const double previous = double(counter->countAt(p.seq - 1));
    return counter->countAt(p.seq) + qint64(previous * (1.0 - p.elapsed));
}

bool entryPasses(const Prepared &p)
{
    return p.usable && p.request->limit > 0 && p.effective <= p.request->limit;
}

LimitResult resultFor(const Prepared &p, bool batchRejected)
{
    const LimitRequest &request = *p.request;
    const bool passed = entryPasses(p);
    qint64 remaining = passed ? request.limit - p.effective : 0;
    if (passed && batchRejected)
        remaining += request.cost; // nothing was consumed, so the own cost is still available
    return {passed, request.limit, std::max<qint64>(0, remaining), p.resetMs};
}

void prepare(const LimitRequest &request, qint64 nowMs, Prepared &out)
{
    out.request = &request;
    out.usable = request.durationMs > 0 && request.cost >= 0;
    if (!out.usable) {
        out.resetMs = nowMs;
        return;
    }
    const size_t hash = hashOf(request);
    out.key = {request.workspaceId, request.ns, request.identifier, request.durationMs, hash};
    out.seq = floorDiv(nowMs, request.durationMs);
    const qint64 start = out.seq * request.durationMs;
    out.resetMs = start + request.durationMs;
    out.elapsed = double(nowMs - start) / double(request.durationMs);
    out.shard = shardIndex(hash);
}

// Works out every entry's effective count with the whole batch applied (reference §3.3: costs
// are added optimistically, then the batch is kept only if every entry holds). Shards are locked.
template<typename CountersOf> bool evaluateBatch(std::span<Prepared> batch, const CountersOf &countersOf)
{
    bool allPassed = true;
    for (Prepared &p : batch) {
        if (!p.usable) {
            allPassed = false;
            continue;
        }
        const CounterMap &counters = countersOf(p);
        const auto it = counters.find(p.key);
        p.effective = slidingCount(it == counters.end() ? nullptr : &it->second, p);
        for (const Prepared &other : batch) {
            if (other.usable && KeyEqual()(other.key, p.key))
                p.effective += other.request->cost;
        }
        allPassed = allPassed && entryPasses(p);
    }
    return allPassed;
}

template<typename CountersOf> void commitBatch(std::span<const Prepared> batch, const CountersOf &countersOf)
{
    for (const Prepared &p : batch) {
        if (p.request->cost > 0)
            countersOf(p).try_emplace(CounterKey(*p.request, p.key.hash)).first->second.add(p.seq, p.request->cost);
    }
}

} // namespace

struct SlidingWindowLimiter::Shard {
    std::mutex mutex;
    CounterMap counters;
    qint64 lastEvictionMs = 0;
};

SlidingWindowLimiter::SlidingWindowLimiter(const Core::Clock &clock)
    : m_clock(clock)
{
    for (auto &shard : m_shards)
        shard = std::make_unique<Shard>();
}

SlidingWindowLimiter::~SlidingWindowLimiter() = default;

void SlidingWindowLimiter::evictLocked(Shard &shard, qint64 nowMs)
{
    shard.lastEvictionMs = nowMs;
    std::erase_if(shard.counters, [nowMs](const auto &entry) {
        const qint64 d = entry.first.durationMs;
        return entry.second.newestSeq * d + EvictAfterWindows * d < nowMs;
    });
}

void SlidingWindowLimiter::evictIfDue(Shard &shard, qint64 nowMs)
{
    if (nowMs - shard.lastEvictionMs >= LazyEvictionIntervalMs)
        evictLocked(shard, nowMs);
}

LimitResult SlidingWindowLimiter::check(const LimitRequest &request)
{
    const qint64 nowMs = m_clock.nowMs();
    Prepared p;
    prepare(request, nowMs, p);
    if (!p.usable)
        return resultFor(p, false);

    Shard &shard = *m_shards[size_t(p.shard)];
    const std::lock_guard lock(shard.mutex);
    evictIfDue(shard, nowMs);

    const auto it = shard.counters.find(p.key);
    p.effective = slidingCount(it == shard.counters.end() ? nullptr : &it->second, p) + request.cost;
    const bool passed = entryPasses(p);
    if (passed && request.cost > 0) {
        Counter &counter = it != shard.counters.end()
            ? it->second
            : shard.counters.try_emplace(CounterKey(request, p.key.hash)).first->second;
        counter.add(p.seq, request.cost);
    }
    return resultFor(p, false);
}

QList<LimitResult> SlidingWindowLimiter::checkAll(const QList<LimitRequest> &requests)
{
    const qint64 nowMs = m_clock.nowMs();
    QVarLengthArray<Prepared, 8> prepared(requests.size());
    QVarLengthArray<int, 8> shardOrder;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        prepare(requests[i], nowMs, prepared[i]);
        if (prepared[i].usable)
            shardOrder.append(prepared[i].shard);
    }

    // Locking shards in ascending order lets batches that share shards never deadlock.
    std::sort(shardOrder.begin(), shardOrder.end());
    shardOrder.erase(std::unique(shardOrder.begin(), shardOrder.end()), shardOrder.end());
    for (const int index : shardOrder)
        m_shards[size_t(index)]->mutex.lock();
    const auto unlock = qScopeGuard([&] {
        for (const int index : shardOrder)
            m_shards[size_t(index)]->mutex.unlock();
    });
    for (const int index : shardOrder)
        evictIfDue(*m_shards[size_t(index)], nowMs);

    const auto countersOf = [this](const Prepared &p) -> CounterMap & {
        return m_shards[size_t(p.shard)]->counters;
    };
    const bool allPassed = evaluateBatch(prepared, countersOf);
    if (allPassed)
        commitBatch(prepared, countersOf);

    QList<LimitResult> results;
    results.reserve(requests.size());
    for (const Prepared &p : prepared)
        results.append(resultFor(p, !allPassed));
    return results;
}

void SlidingWindowLimiter::evictExpired()
{
    const qint64 nowMs = m_clock.nowMs();
    for (auto &shard : m_shards) {
        const std::lock_guard lock(shard->mutex);
        evictLocked(*shard, nowMs);
    }
}

qsizetype SlidingWindowLimiter::counterCount() const
{
    qsizetype total = 0;
    for (const auto &shard : m_shards) {
        const std::lock_guard lock(shard->mutex);
        total += qsizetype(shard->counters.size());
    }
    return total;
}

} // namespace Latchkey::Limits
