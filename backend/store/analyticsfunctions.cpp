// The lk_hist_* SQL functions of AnalyticsStore::registerFunctions(): they let an upsert merge a
// rollup row's latency histogram with a batch's in one statement, and let readers merge rows.

#include "store/analyticsstore.h"

#include "core/latencyhistogram.h"
#include "store/sqlitestatement.h"

#include <QLoggingCategory>
#include <QSet>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

Q_LOGGING_CATEGORY(lcAnalyticsSql, "latchkey.store.analytics")

using Core::LatencyHistogram;

// NULL and an empty blob read as an empty histogram; anything else must be a valid encoding.
bool readHistogram(sqlite3_value *value, LatencyHistogram &out)
{
    if (sqlite3_value_type(value) == SQLITE_NULL || sqlite3_value_bytes(value) == 0)
        return true;
    const auto *data = static_cast<const char *>(sqlite3_value_blob(value));
    const int size = sqlite3_value_bytes(value);
    std::optional<LatencyHistogram> decoded = LatencyHistogram::decode(QByteArrayView(data, size));
    if (!decoded)
        return false;
    out = std::move(*decoded);
    return true;
}

void resultHistogram(sqlite3_context *context, const LatencyHistogram &histogram)
{
    const QByteArray encoded = histogram.encode();
    sqlite3_result_blob(context, encoded.constData(), int(encoded.size()), SQLITE_TRANSIENT);
}

QByteArrayView blobOf(sqlite3_value *value)
{
    return QByteArrayView(static_cast<const char *>(sqlite3_value_blob(value)), sqlite3_value_bytes(value));
}

// Both run on the encodings directly (no decode into a LatencyHistogram, no heap allocation):
// the writer's upserts call them several times per rollup row.
void histMerge(sqlite3_context *context, int, sqlite3_value **args)
{
    char merged[LatencyHistogram::MaxEncodedSize];
    const std::optional<qsizetype> size = LatencyHistogram::mergeEncoded(blobOf(args[0]), blobOf(args[1]), merged);
    if (!size) {
        sqlite3_result_error(context, "lk_hist_merge: not a latency histogram", -1);
        return;
    }
    sqlite3_result_blob(context, merged, int(*size), SQLITE_TRANSIENT);
}

void histQuantile(sqlite3_context *context, int, sqlite3_value **args)
{
    const std::optional<qint64> quantile
        = LatencyHistogram::encodedQuantileUs(blobOf(args[0]), {}, sqlite3_value_double(args[1]));
    if (!quantile) {
        sqlite3_result_error(context, "lk_hist_quantile: not a latency histogram", -1);
        return;
    }
    sqlite3_result_int64(context, *quantile);
}

// lk_hist_merged_quantile(a, b, q) = lk_hist_quantile(lk_hist_merge(a, b), q) without building the
// merged histogram: an upsert's SET clauses see only the old row and `excluded`, and SQLite would
// evaluate a shared lk_hist_merge() once per percentile column.
void histMergedQuantile(sqlite3_context *context, int, sqlite3_value **args)
{
    const std::optional<qint64> quantile
        = LatencyHistogram::encodedQuantileUs(blobOf(args[0]), blobOf(args[1]), sqlite3_value_double(args[2]));
    if (!quantile) {
        sqlite3_result_error(context, "lk_hist_merged_quantile: not a latency histogram", -1);
        return;
    }
    sqlite3_result_int64(context, *quantile);
}

// The aggregate keeps a heap histogram behind the pointer-sized aggregate context.
void histMergeAllStep(sqlite3_context *context, int, sqlite3_value **args)
{
    auto **state = static_cast<LatencyHistogram **>(sqlite3_aggregate_context(context, sizeof(LatencyHistogram *)));
    if (!state) {
        sqlite3_result_error_nomem(context);
        return;
    }
    if (!*state)
        *state = new LatencyHistogram;
    LatencyHistogram row;
    if (!readHistogram(args[0], row)) {
        sqlite3_result_error(context, "lk_hist_merge_all: not a latency histogram", -1);
        return;
    }
    (*state)->merge(row);
}

void histMergeAllFinal(sqlite3_context *context)
{
    auto **state = static_cast<LatencyHistogram **>(sqlite3_aggregate_context(context, 0));
    if (!state || !*state) {
        resultHistogram(context, LatencyHistogram());
        return;
    }
    resultHistogram(context, **state);
    delete *state;
    *state = nullptr;
}

constexpr int FunctionFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

bool warnUnless(bool ok, sqlite3 *db)
{
    if (!ok)
        qCWarning(lcAnalyticsSql) << "cannot register analytics SQL functions:" << sqlite3_errmsg(db);
    return ok;
}

bool registerWriteFunctions(sqlite3 *db)
{
    return sqlite3_create_function_v2(
               db, "lk_hist_merge", 2, FunctionFlags, nullptr, histMerge, nullptr, nullptr, nullptr)
            == SQLITE_OK
        && sqlite3_create_function_v2(
               db, "lk_hist_merged_quantile", 3, FunctionFlags, nullptr, histMergedQuantile, nullptr, nullptr, nullptr)
            == SQLITE_OK;
}

} // namespace

bool AnalyticsStore::registerReadFunctions(sqlite3 *db)
{
    return warnUnless(sqlite3_create_function_v2(
                          db, "lk_hist_quantile", 2, FunctionFlags, nullptr, histQuantile, nullptr, nullptr, nullptr)
                              == SQLITE_OK
            && sqlite3_create_function_v2(db, "lk_hist_merge_all", 1, FunctionFlags, nullptr, nullptr,
                   histMergeAllStep, histMergeAllFinal, nullptr)
                == SQLITE_OK,
        db);
}

bool AnalyticsStore::registerFunctions(const QSqlDatabase &connection)
{
    // Connection names are unique per Database and thread, and a thread only ever sees its own
    // connections, so a per-thread set of names is an exact "already registered" test.
    thread_local QSet<QString> registered;
    if (registered.contains(connection.connectionName()))
        return true;
    sqlite3 *db = sqliteHandle(connection);
    if (!db) {
        qCWarning(lcAnalyticsSql) << "no SQLite handle on connection" << connection.connectionName();
        return false;
    }
    if (!registerReadFunctions(db) || !warnUnless(registerWriteFunctions(db), db))
        return false;
    registered.insert(connection.connectionName());
    return true;
}

} // namespace Latchkey::Store
