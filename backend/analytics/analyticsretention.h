#pragma once

#include "core/error.h"
#include "store/analyticsstore.h"

namespace Latchkey::Core {
class Clock;
} // namespace Latchkey::Core

namespace Latchkey::Analytics {

/// How long analytics rows are kept.
struct RetentionPolicy {
    static constexpr qint64 DayMs = 86'400'000;

    qint64 rawMs = 30 * DayMs; ///< verification_events, ratelimit_events (analytics-retention-days)
    qint64 minuteMs = 7 * DayMs; ///< *_minute rollups
    qint64 hourMs = 90 * DayMs; ///< *_hour rollups
    qint64 dayMs = 3 * 365 * DayMs; ///< *_day and the month detail rollups

    /// Rows of @p table older than this are expired: for raw tables, events with time < now - rawMs;
    /// for rollups, buckets that ended at or before now - keep (bucket start < the start of the
    /// bucket holding now - keep), so a bucket is kept while any part of it is within retention.
    [[nodiscard]] qint64 cutoff(Store::AnalyticsTable table, qint64 nowMs) const;
};

/// Expiry of analytics rows, in small chunks so no transaction holds the write lock long. The
/// writer calls step() between batches; tests call runPass().
class AnalyticsRetention
{
public:
    AnalyticsRetention(Store::Database &db, const Core::Clock &clock, RetentionPolicy policy, int chunkRows = 2000)
        : m_store(db)
        , m_clock(clock)
        , m_policy(policy)
        , m_chunkRows(chunkRows)
    { }

    /// Starts a pass over every table (no-op while one runs); "now" is read once per pass.
    void begin();
    [[nodiscard]] bool running() const { return m_table >= 0; }
    /// Deletes at most one chunk of the current table; moves to the next table once one is done.
    /// Returns the rows deleted (0 when no pass is running).
    Core::Result<int> step();
    /// A whole pass at once; returns the rows deleted.
    Core::Result<qint64> runPass();

    [[nodiscard]] const RetentionPolicy &policy() const { return m_policy; }

private:
    Store::AnalyticsStore m_store;
    const Core::Clock &m_clock;
    RetentionPolicy m_policy;
    int m_chunkRows;
    int m_table = -1;
    qint64 m_nowMs = 0;
};

} // namespace Latchkey::Analytics
