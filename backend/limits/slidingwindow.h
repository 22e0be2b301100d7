#pragma once

#include "core/clock.h"

#include <QList>
#include <QString>

#include <array>
#include <memory>

namespace Latchkey::Limits {

/// One rate-limit check. The counter is identified by (workspaceId, ns, identifier, durationMs):
/// the same identifier with another duration is another limit.
struct LimitRequest {
    QString workspaceId;
    QString ns; ///< namespace: a ratelimit name on verify, a namespace id on ratelimit.limit
    QString identifier; ///< e.g. key id, identity id, or the caller's identifier
    qint64 limit = 0; ///< requests allowed per window; <= 0 always denies
    qint64 durationMs = 0;
    qint64 cost = 1; ///< 0 = check without consuming
};

/// The decision for one LimitRequest.
struct LimitResult {
    bool passed = false;
    qint64 limit = 0;
    qint64 remaining = 0; ///< never negative
    qint64 resetMs = 0; ///< absolute unix ms at which the current window ends
};

/// In-memory sliding-window rate limiter with Unkey's exact math (reference §3.1).
///
/// Windows are aligned to multiples of the duration (`seq = floor(now / d)`); a check counts the
/// current window fully and the previous one weighted by the part of it still inside the sliding
/// window: `effective = cur + trunc(prev * (1 - elapsed)) + cost`; it passes when
/// `effective <= limit`, and only a pass consumes `cost`.
///
/// Deliberate improvements (DESIGN.md): a limit <= 0 denies instead of failing; a duration <= 0
/// or a negative cost (input the API layer rejects earlier) also denies, without touching any
/// counter. Thread-safe: counters live in mutex-guarded shards chosen by hash.
class SlidingWindowLimiter
{
public:
    explicit SlidingWindowLimiter(const Core::Clock &clock);
    ~SlidingWindowLimiter();
    SlidingWindowLimiter(const SlidingWindowLimiter &) = delete;
    SlidingWindowLimiter &operator=(const SlidingWindowLimiter &) = delete;

    /// Checks one limit and consumes its cost when it passes.
    [[nodiscard]] LimitResult check(const LimitRequest &request);

    /// Checks several limits atomically, all-or-nothing (reference §3.3): costs are consumed only
    /// if every entry passes. Results are per entry, in request order: `passed` says whether that
    /// entry's own limit held; when the batch is rejected, an entry that passed reports the
    /// remaining it would have had without its cost (`limit - effective + cost`).
    [[nodiscard]] QList<LimitResult> checkAll(const QList<LimitRequest> &requests);

    /// Drops counters whose newest window ended more than 3 windows ago. Checks also do this
    /// lazily now and then; a janitor timer may call it too.
    void evictExpired();

    /// Number of live counters (one per workspace/namespace/identifier/duration); for tests.
    [[nodiscard]] qsizetype counterCount() const;

    static constexpr int ShardCount = 64;

private:
    struct Shard;

    static void evictLocked(Shard &shard, qint64 nowMs);
    static void evictIfDue(Shard &shard, qint64 nowMs);

    const Core::Clock &m_clock;
    std::array<std::unique_ptr<Shard>, ShardCount> m_shards;
};

} // namespace Latchkey::Limits
