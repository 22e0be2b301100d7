#pragma once

#include "store/analyticsstore.h"
#include "store/database.h"
#include "store/sqlitestatement.h"

namespace Latchkey::Store {

/// The analytics writer's SQL, each text built once and kept for the life of the process, so
/// Database::statement() prepares each statement once per connection instead of once per batch
/// (preparing the ~12 statements cost ~5 % of a one-key batch). Internal to AnalyticsStore.
namespace AnalyticsSql {

/// Raw verification rows per INSERT of verificationInsert(RawRowsPerInsert): SQLite then opens the
/// table's and its three indexes' cursors once per statement rather than once per row.
inline constexpr int RawRowsPerInsert = 16;
/// Columns (parameters) of one raw verification row, and of one raw rate-limit row.
inline constexpr int RawColumns = 13;

/// INSERT of @p rows raw verification rows (1 or RawRowsPerInsert).
[[nodiscard]] const char *verificationInsert(int rows);
/// INSERT of @p rows raw rate-limit rows (1 or RawRowsPerInsert).
[[nodiscard]] const char *ratelimitInsert(int rows);
/// The upserts adding a batch's metrics to a rollup row (dimensions first, then the 8 metrics of
/// verification rows, or the 9 of rate-limit rows).
[[nodiscard]] const char *scopedUpsert(Resolution resolution);
[[nodiscard]] const char *detailUpsert(Resolution resolution);
[[nodiscard]] const char *ratelimitUpsert(Resolution resolution);
/// keys.last_used_at, only ever forward.
[[nodiscard]] const char *lastUsedUpdate();
/// analytics_rollup_state.rolled_until (schema 5), read by every batch.
[[nodiscard]] const char *rolledUntilSelect();

/// SQL suffix of a rollup table of @p resolution ("minute", ...).
[[nodiscard]] QString suffix(Resolution resolution);

} // namespace AnalyticsSql

/// Every distinct value tuple of @p columns, which lead an index (or the primary key) of @p table,
/// one index seek per value (a skip scan): retention and the roll-up walk a table's workspaces (and
/// namespaces, scopes) this way, then read each by an index range.
[[nodiscard]] Core::Result<QList<QStringList>> distinctPrefixes(
    Database &db, const QString &table, const QStringList &columns);

/// A statement of AnalyticsSql from this thread's statement cache, used through SqliteStatement.
/// Invalid (run() fails) when preparing failed.
class CachedAnalyticsStatement
{
public:
    CachedAnalyticsStatement(Database &db, const char *sql)
        : m_lease(db.statement(sql))
        , m_statement(sqliteHandle(db.connection()), m_lease.handle(), sql)
    { }

    [[nodiscard]] SqliteStatement &operator*() { return m_statement; }
    [[nodiscard]] SqliteStatement *operator->() { return &m_statement; }

private:
    Database::Statement m_lease;
    SqliteStatement m_statement;
};

} // namespace Latchkey::Store
