#pragma once

#include "core/error.h"
#include "core/events.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace Latchkey::Store {

class Database;

/// The width of a rollup bucket. Buckets are aligned in UTC: a minute bucket starts at a whole
/// minute, an hour bucket at a whole hour, a day bucket at 00:00 UTC, a month bucket at 00:00 UTC on
/// the first of the month.
enum class Resolution { Minute, Hour, Day, Month };

/// The start (unix ms) of the bucket of @p resolution holding @p timeMs.
[[nodiscard]] qint64 bucketStart(qint64 timeMs, Resolution resolution);

/// The analytics tables retention can expire, each with its own retention period.
enum class AnalyticsTable {
    VerificationEvents,
    RatelimitEvents,
    VerificationRollupsMinute,
    VerificationRollupsHour,
    VerificationRollupsDay,
    VerificationDetailRollupsMinute,
    VerificationDetailRollupsHour,
    VerificationDetailRollupsDay,
    VerificationDetailRollupsMonth,
    RatelimitRollupsMinute,
    RatelimitRollupsHour,
    RatelimitRollupsDay,
};
inline constexpr int AnalyticsTableCount = 12;

/// The SQL name of @p table, and its bucket width (nullopt for the raw event tables).
[[nodiscard]] QString tableName(AnalyticsTable table);
[[nodiscard]] std::optional<Resolution> tableResolution(AnalyticsTable table);

/// Events to store together, in one transaction.
struct AnalyticsBatch {
    QList<Core::VerificationEvent> verifications;
    QList<Core::RatelimitEvent> ratelimits;

    [[nodiscard]] qsizetype size() const { return verifications.size() + ratelimits.size(); }
    [[nodiscard]] bool isEmpty() const { return size() == 0; }
    void clear()
    {
        verifications.clear();
        ratelimits.clear();
    }
};

/// All analytics SQL: raw event rows, incrementally maintained rollups, keys.last_used_at, and
/// retention. The tables are created by schema migration 2 and reshaped by migration 4.
///
/// Raw events (one row per event, `id` = insertion order, times in unix ms):
/// - `verification_events(id, request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id,
///   external_id, outcome, tags /*JSON array text*/, spent_credits, latency_us, node)`; indexes
///   (workspace_id, time), (key_id, time), (identity_id, time) WHERE identity_id IS NOT NULL.
///   NULL api/keyspace/identity/external/node when the event has none.
/// - `ratelimit_events(id, request_id, time, workspace_id, namespace_id, identifier, passed /*0|1*/,
///   "limit", remaining, reset /*unix ms*/, cost, override_id /*NULL: none*/, latency_us, node)`; index
///   (workspace_id, namespace_id, time).
///
/// Rollups. Every row covers one bucket: `time` is the bucket start (unix ms, see bucketStart()).
/// Text dimensions are never NULL ('' = none) so they can be part of the primary key. Metric
/// columns of the verification rollups:
///   count, spent_credits (sums), latency_sum_us (sum; avg = latency_sum_us / count),
///   latency_hist (BLOB: Core::LatencyHistogram::encode() of every latency in the row; merge rows'
///   histograms to get percentiles across rows), latency_p50_us / latency_p75_us / latency_p99_us
///   (of this row's histogram, kept current on every upsert), last_time (newest event time in the row).
/// - `verification_rollups_{minute,hour,day}`: counts per outcome for the workspace and each API,
///   for their time series and the dashboard: PRIMARY KEY (workspace_id, scope, scope_id, time,
///   outcome) WITHOUT ROWID, no other index. `scope` is 'workspace' (scope_id '') or 'api' (scope_id =
///   api id); every event adds to its workspace row and to its API's row when it has one.
///   Time series of a scope: `WHERE workspace_id = ? AND scope = ? AND scope_id = ? AND time BETWEEN`
///   (primary key range). Until schema 4 there were also 'key' and 'identity' rows (and an index
///   (workspace_id, scope, time) for their top lists); keys and identities now read the detail rollups.
/// - `verification_detail_rollups_{minute,hour,day,month}`: the grain of Unkey's aggregate tables, read
///   by the public views key_verifications_per_{minute,hour,day,month}_v1, and (minute, hour, day) the
///   source of key and identity series and top lists: PRIMARY KEY (workspace_id, time, keyspace_id,
///   key_id, identity_id, external_id, outcome, tags) WITHOUT ROWID; minute/hour/day also have the
///   partial indexes (workspace_id, key_id, time) WHERE key_id <> '' and (workspace_id, identity_id,
///   time) WHERE identity_id <> '' (schema 4). A key's series: `WHERE workspace_id = ? AND key_id = ?
///   AND key_id <> '' AND time BETWEEN` (summed per time and outcome); top keys over a range: `WHERE
///   workspace_id = ? AND time BETWEEN ... GROUP BY key_id` (primary key range).
/// - `ratelimit_rollups_{minute,hour,day}`: per namespace (identifier '') and per (namespace,
///   identifier): passed, blocked (request counts), passed_cost, blocked_cost (tokens), latency_sum_us,
///   latency_hist, latency_p50_us, latency_p99_us, last_time; PRIMARY KEY (workspace_id, namespace_id,
///   identifier, time) WITHOUT ROWID, index (workspace_id, namespace_id, time).
///
/// Completed minutes (schema 5): the writer adds an event to the minute rows of the detail and
/// rate-limit rollups only. Their hour, day (and month) rows are built from the minute rows once
/// the minutes are complete: record() rolls up every minute before the one before its batch's
/// newest event (so about once a minute), in the batch's transaction (first; the batch's own
/// events of those minutes then go into every resolution at once), and the writer rolls up
/// the rest on flush and stop. Strict durability stores each event in a request's transaction
/// (RollUp::Elsewhere): there the writer rolls the completed minutes up on its own, once a minute
/// by its clock, so no request pays for it. `analytics_rollup_state(id = 1, rolled_until)` says where that
/// stands: minutes before rolled_until are in the coarser rows, minutes from it on only in the
/// minute rows (an event for a minute already rolled up, a late one, goes into every resolution
/// at once). A restart loses nothing: the minute rows and rolled_until are committed together.
/// Readers of hour and day rows add the minute rows from rolled_until on, in the same statement
/// (AnalyticsQueries; the views key_verifications_per_{hour,day,month}_v1 merge them into the rows
/// of their buckets), and retention never deletes a minute row from rolled_until on. The scope
/// rollups (`verification_rollups_*`: a few rows per batch) still get every resolution at once.
///
/// Views (schema migration 2), filtered by lk_workspace() / lk_keyspace_allowed() which only the
/// analytics.getVerifications sandbox registers: key_verifications_v1 over verification_events,
/// key_verifications_per_{minute,hour,day,month}_v1 over the detail rollups.
///
/// SQL functions registered by registerFunctions() on every connection that writes rollups (and on
/// any reader that wants them): lk_hist_merge(a, b) -> BLOB, lk_hist_merge_all(h) (aggregate) -> BLOB,
/// lk_hist_quantile(h, q) -> INTEGER µs, lk_hist_merged_quantile(a, b, q) = lk_hist_quantile(lk_hist_merge(a,
/// b), q) (the upserts' percentile columns). The scalar ones work on the encodings directly, without
/// a heap allocation; NULL and an empty blob read as an empty histogram.
class AnalyticsStore
{
public:
    explicit AnalyticsStore(Database &db)
        : m_db(db)
    { }

    /// Where record() leaves the completed minutes.
    enum class RollUp {
        /// Rolled up first in record()'s transaction (the batching writer: a batch's own events of
        /// those minutes then go into every resolution at once).
        InBatch,
        /// Left to writeRollUp() on the writer's schedule: a request's own transaction (strict
        /// durability) never pays for rolling a minute of every key up.
        Elsewhere,
    };

    /// Stores @p batch: its raw rows, its additions to the rollups (aggregated in memory first, so
    /// one upsert per distinct rollup row, never a scan of raw rows), and keys.last_used_at (one
    /// UPDATE per distinct key, only ever moving forward). The scope rollups get every resolution;
    /// the detail and rate-limit rollups only their minute rows, unless the minute is already
    /// rolled up (a late event). First, with RollUp::InBatch, when the batch's newest event is two
    /// minutes past the roll-up state, rolls the completed minutes up (rollUp()). Must run inside
    /// Database::write(); the caller's transaction makes it all-or-nothing.
    [[nodiscard]] Core::Status record(const AnalyticsBatch &batch, RollUp mode = RollUp::InBatch);

    /// record() in its own write transaction that does not invalidate caches.
    [[nodiscard]] Core::Status write(const AnalyticsBatch &batch, RollUp mode = RollUp::InBatch);

    /// Rolls every minute before the one holding @p untilMs up into the coarser detail and
    /// rate-limit rollups, in its own write transaction (nothing when they are already). The writer
    /// calls it on flush and stop, and once a minute for the minutes its clock says are complete;
    /// readers never need it (they add the minutes not rolled up).
    [[nodiscard]] Core::Status writeRollUp(qint64 untilMs);

    /// analytics_rollup_state.rolled_until: minutes before it are in the coarser detail and
    /// rate-limit rollups, minutes from it on only in their minute rollups.
    [[nodiscard]] Core::Result<qint64> rolledUntil();

    /// Deletes, in one short write transaction, at most @p limit rows of @p table whose time (bucket
    /// start for rollups) is before @p cutoffMs. Returns how many it deleted; fewer than @p limit
    /// means nothing older is left. Uses an index that leads with (workspace_id, ..., time) (for the
    /// scope rollups, the primary key, walked per scope id), never a table scan.
    [[nodiscard]] Core::Result<int> expire(AnalyticsTable table, qint64 cutoffMs, int limit);

    /// Registers the lk_hist_* functions on @p connection (idempotent per connection and thread).
    static bool registerFunctions(const QSqlDatabase &connection);

    /// Registers the readers' two, lk_hist_merge_all() and lk_hist_quantile(), on a connection that
    /// is not a Qt one: the analytics.getVerifications sandbox, whose views of the coarser detail
    /// rollups merge the histograms of minutes not rolled up yet (schema 5).
    static bool registerReadFunctions(sqlite3 *db);

private:
    Core::Status recordVerifications(const QList<Core::VerificationEvent> &events, qint64 rolledUntil);
    Core::Status recordRatelimits(const QList<Core::RatelimitEvent> &events, qint64 rolledUntil);
    /// Adds the minute rows [@p from, @p to) of the detail and rate-limit rollups to their hour, day
    /// (and month) rows and moves rolled_until to @p to, in the caller's transaction.
    Core::Status rollUp(qint64 from, qint64 to);
    Core::Status updateLastUsed(const QList<Core::VerificationEvent> &events);

    Database &m_db;
};

} // namespace Latchkey::Store
