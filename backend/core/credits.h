#pragma once

#include <QtGlobal>

#include <optional>

namespace Latchkey::Core {

/// How often a key's credits are refilled.
enum class RefillInterval {
    Daily, ///< every day at 00:00 UTC
    Monthly, ///< on RefillRule::refillDay of every month at 00:00 UTC
};

/// A key's refill configuration (`credits.refill` on the wire).
struct RefillRule {
    RefillInterval interval = RefillInterval::Daily;
    qint64 amount = 0; ///< remaining is set to this amount when below it (replace, not add)
    int refillDay = 1; ///< 1..31, monthly only; days past a month's end mean its last day
};

/// The most recent refill instant <= @p nowMs (unix ms, UTC): for a daily rule 00:00 UTC of
/// today; for a monthly rule 00:00 UTC of refillDay (clamped to the month's last day) of this
/// month, or of the previous month when this month's is still ahead.
[[nodiscard]] qint64 lastRefillBoundaryMs(const RefillRule &rule, qint64 nowMs);

/// The first refill instant strictly after @p nowMs (same calendar rules as above).
[[nodiscard]] qint64 nextRefillBoundaryMs(const RefillRule &rule, qint64 nowMs);

/// The credit fields of a key, as stored.
struct CreditState {
    std::optional<qint64> remaining; ///< nullopt = unlimited
    std::optional<RefillRule> refill; ///< nullopt = never refilled
    qint64 lastRefillAtMs = 0; ///< last refill (or creation / last credits update) time
};

/// Applies a refill that became due since the last one: when a refill boundary lies in
/// (lastRefillAtMs, nowMs], remaining becomes `amount` if it is below `amount` (keys at or above
/// it keep their balance, as in Unkey §4.4) and lastRefillAtMs becomes @p nowMs.
/// Unlimited keys and keys without a rule are left alone.
/// @return whether @p state changed (a moved lastRefillAtMs counts).
bool applyDueRefill(CreditState &state, qint64 nowMs);

} // namespace Latchkey::Core
