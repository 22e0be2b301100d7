#pragma once

#include <QString>

namespace Latchkey::Core {
class Clock;
class EventSink;
class KeyEncryption;
class Metrics;
} // namespace Latchkey::Core
namespace Latchkey::Store {
class Database;
} // namespace Latchkey::Store
namespace Latchkey::Limits {
class SlidingWindowLimiter;
} // namespace Latchkey::Limits
namespace Latchkey::Analytics {
class AnalyticsMetrics;
class LiveFeed;
} // namespace Latchkey::Analytics

namespace Latchkey::Api {

class KeyLastUse;
class VerificationCache;

/// The dependencies handlers use, built and owned by Server (or by a test), passed in explicitly.
struct Services {
    Store::Database &db;
    const Core::Clock &clock;
    Limits::SlidingWindowLimiter &limiter;
    Core::EventSink &events;
    const Core::KeyEncryption *encryption = nullptr; ///< null: recoverable keys unavailable (412)
    VerificationCache *verificationCache = nullptr;
    QString nodeName;
    /// Analytics queue depth, drops, batches and commit latency (for /metrics); null in tests that
    /// build Services without a Server.
    const Analytics::AnalyticsMetrics *analyticsMetrics = nullptr;
    /// The live feed behind POST /v2/analytics.stream; null: the route answers 503.
    Analytics::LiveFeed *liveFeed = nullptr;
    /// The GET /metrics registry (requests, verifications, rate-limit checks, cache); null: not
    /// counted (tests that build Services themselves).
    Core::Metrics *metrics = nullptr;
    /// Each key's newest verification on this node, ahead of the batched keys.last_used_at (set by
    /// the verify routes, as verificationCache).
    KeyLastUse *keyLastUse = nullptr;
};

} // namespace Latchkey::Api
