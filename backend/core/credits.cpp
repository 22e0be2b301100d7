#include "core/credits.h"

#include <QDate>

#include <algorithm>

namespace Latchkey::Core {

namespace {

constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
const QDate Epoch(1970, 1, 1);

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

QDate dateOf(qint64 ms)
{
    return Epoch.addDays(floorDiv(ms, DayMs));
}

qint64 startOfDayMs(QDate date)
{
    return Epoch.daysTo(date) * DayMs;
}

// 00:00 UTC of the refill day in the month `monthOffset` months after the month of `anchor`,
// with days past the month's end moved to its last day.
qint64 monthlyBoundaryMs(const RefillRule &rule, QDate anchor, int monthOffset)
{
    const QDate first = QDate(anchor.year(), anchor.month(), 1).addMonths(monthOffset);
    const int day = std::clamp(rule.refillDay, 1, first.daysInMonth());
    return startOfDayMs(QDate(first.year(), first.month(), day));
}

} // namespace

qint64 lastRefillBoundaryMs(const RefillRule &rule, qint64 nowMs)
{
    const QDate today = dateOf(nowMs);
    if (rule.interval == RefillInterval::Daily)
        return startOfDayMs(today);
    const qint64 thisMonth = monthlyBoundaryMs(rule, today, 0);
    return thisMonth <= nowMs ? thisMonth : monthlyBoundaryMs(rule, today, -1);
}

qint64 nextRefillBoundaryMs(const RefillRule &rule, qint64 nowMs)
{
    const QDate today = dateOf(nowMs);
    if (rule.interval == RefillInterval::Daily)
        return startOfDayMs(today) + DayMs;
    const qint64 thisMonth = monthlyBoundaryMs(rule, today, 0);
    return thisMonth > nowMs ? thisMonth : monthlyBoundaryMs(rule, today, 1);
}

bool applyDueRefill(CreditState &state, qint64 nowMs)
{
    if (!state.refill || !state.remaining)
        return false;
    if (lastRefillBoundaryMs(*state.refill, nowMs) <= state.lastRefillAtMs)
        return false;
    // Replace, never add (Unkey refill.mdx: 50 remaining -> exactly 1000 after a refill of 1000).
    if (*state.remaining < state.refill->amount)
        state.remaining = state.refill->amount;
    state.lastRefillAtMs = nowMs;
    return true;
}

} // namespace Latchkey::Core
