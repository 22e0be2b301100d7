#include "store/analyticssql.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store::AnalyticsSql {

namespace {

QString placeholders(int count)
{
    QString text = u"?"_s.repeated(count);
    for (qsizetype i = text.size() - 1; i > 0; --i)
        text.insert(i, u',');
    return text;
}

const QString VerificationMetricColumns = u"count, spent_credits, latency_sum_us, latency_hist, latency_p50_us,"
                                          " latency_p75_us, latency_p99_us, last_time"_s;

// The upsert adds a batch's metrics to a rollup row (or creates it). The percentiles are those of
// the merged histogram; lk_hist_merged_quantile() reads them off the old and the new histogram
// without building the merge once more per column (SQLite shares no sub-expressions).
QByteArray verificationUpsert(const QString &table, const QString &dimensions, int dimensionCount)
{
    const auto quantile = [](const char *q) -> QString {
        return u"lk_hist_merged_quantile(latency_hist, excluded.latency_hist, "_s + QLatin1StringView(q) + u')';
    };
    const QString sql = u"INSERT INTO "_s + table + u" ("_s + dimensions + u", "_s + VerificationMetricColumns
        + u") VALUES ("_s + placeholders(dimensionCount + 8)
        + u") ON CONFLICT DO UPDATE SET count = count + excluded.count,"
          " spent_credits = spent_credits + excluded.spent_credits,"
          " latency_sum_us = latency_sum_us + excluded.latency_sum_us,"
          " latency_hist = lk_hist_merge(latency_hist, excluded.latency_hist), latency_p50_us = "_s
        + quantile("0.5") + u", latency_p75_us = "_s + quantile("0.75") + u", latency_p99_us = "_s + quantile("0.99")
        + u", last_time = max(last_time, excluded.last_time)"_s;
    return sql.toUtf8();
}

QByteArray ratelimitUpsertText(Resolution resolution)
{
    return (u"INSERT INTO ratelimit_rollups_"_s + suffix(resolution)
        + u" (workspace_id, namespace_id, identifier, time, passed, blocked, passed_cost,"
          " blocked_cost, latency_sum_us, latency_hist, latency_p50_us, latency_p99_us,"
          " last_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET"
          " passed = passed + excluded.passed, blocked = blocked + excluded.blocked,"
          " passed_cost = passed_cost + excluded.passed_cost,"
          " blocked_cost = blocked_cost + excluded.blocked_cost,"
          " latency_sum_us = latency_sum_us + excluded.latency_sum_us,"
          " latency_hist = lk_hist_merge(latency_hist, excluded.latency_hist),"
          " latency_p50_us = lk_hist_merged_quantile(latency_hist, excluded.latency_hist, 0.5),"
          " latency_p99_us = lk_hist_merged_quantile(latency_hist, excluded.latency_hist, 0.99),"
          " last_time = max(last_time, excluded.last_time)"_s)
        .toUtf8();
}

QString rowValues(int rows)
{
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values.append(u'(' + placeholders(RawColumns) + u')');
    return values.join(u',');
}

QByteArray verificationInsertText(int rows)
{
    return (u"INSERT INTO verification_events (request_id, time, workspace_id, api_id, keyspace_id, key_id,"
            " identity_id, external_id, outcome, tags, spent_credits, latency_us, node) VALUES "_s
        + rowValues(rows))
        .toUtf8();
}

QByteArray ratelimitInsertText(int rows)
{
    return (u"INSERT INTO ratelimit_events (request_id, time, workspace_id, namespace_id, identifier, passed,"
            " \"limit\", remaining, reset, cost, override_id, latency_us, node) VALUES "_s
        + rowValues(rows))
        .toUtf8();
}

// Months are not in the scope and rate-limit rollups.
int index(Resolution resolution)
{
    return int(resolution);
}

} // namespace

QString suffix(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Minute:
        return u"minute"_s;
    case Resolution::Hour:
        return u"hour"_s;
    case Resolution::Day:
        return u"day"_s;
    case Resolution::Month:
        return u"month"_s;
    }
    return {};
}

// Function-local statics: built once (thread-safe), and their addresses are the statement cache's keys.
const char *verificationInsert(int rows)
{
    static const QByteArray one = verificationInsertText(1);
    static const QByteArray many = verificationInsertText(RawRowsPerInsert);
    return rows == 1 ? one.constData() : many.constData();
}

const char *ratelimitInsert(int rows)
{
    static const QByteArray one = ratelimitInsertText(1);
    static const QByteArray many = ratelimitInsertText(RawRowsPerInsert);
    return rows == 1 ? one.constData() : many.constData();
}

const char *scopedUpsert(Resolution resolution)
{
    static const QByteArray sql[] = {
        verificationUpsert(u"verification_rollups_minute"_s, u"workspace_id, scope, scope_id, time, outcome"_s, 5),
        verificationUpsert(u"verification_rollups_hour"_s, u"workspace_id, scope, scope_id, time, outcome"_s, 5),
        verificationUpsert(u"verification_rollups_day"_s, u"workspace_id, scope, scope_id, time, outcome"_s, 5),
    };
    return sql[index(resolution)].constData();
}

const char *detailUpsert(Resolution resolution)
{
    const auto text = [](Resolution r) {
        return verificationUpsert(u"verification_detail_rollups_"_s + suffix(r),
            u"workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s, 8);
    };
    static const QByteArray sql[]
        = {text(Resolution::Minute), text(Resolution::Hour), text(Resolution::Day), text(Resolution::Month)};
    return sql[index(resolution)].constData();
}

const char *ratelimitUpsert(Resolution resolution)
{
    static const QByteArray sql[] = {ratelimitUpsertText(Resolution::Minute), ratelimitUpsertText(Resolution::Hour),
        ratelimitUpsertText(Resolution::Day)};
    return sql[index(resolution)].constData();
}

const char *lastUsedUpdate()
{
    return "UPDATE keys SET last_used_at = ?1 WHERE id = ?2 AND coalesce(last_used_at, 0) < ?1";
}

const char *rolledUntilSelect()
{
    return "SELECT rolled_until FROM analytics_rollup_state";
}

} // namespace Latchkey::Store::AnalyticsSql

namespace Latchkey::Store {

Core::Result<QList<QStringList>> distinctPrefixes(Database &db, const QString &table, const QStringList &columns)
{
    QList<QStringList> done {QStringList()};
    for (qsizetype level = 0; level < columns.size(); ++level) {
        const QString &column = columns.at(level);
        QString fixed;
        for (qsizetype i = 0; i < level; ++i)
            fixed += columns.at(i) + u" = ? AND "_s;
        QSqlQuery next = db.prepare(u"SELECT "_s + column + u" FROM "_s + table + u" WHERE "_s + fixed + column
            + u" >= ? AND "_s + column + u" IS NOT ? ORDER BY "_s + column + u" LIMIT 1"_s);
        QList<QStringList> deeper;
        for (const QStringList &prefix : std::as_const(done)) {
            // The first seek also finds '' (the workspace scope's scope_id); later ones skip the last value.
            QString after = u""_s;
            QVariant skip;
            for (;;) {
                for (qsizetype i = 0; i < prefix.size(); ++i)
                    next.bindValue(int(i), prefix.at(i));
                next.bindValue(int(prefix.size()), after);
                next.bindValue(int(prefix.size()) + 1, skip);
                if (!exec(next))
                    return sqlError(next);
                if (!next.next())
                    break;
                after = next.value(0).toString();
                skip = after;
                deeper.append(prefix + QStringList {after});
            }
        }
        done = std::move(deeper);
    }
    return done;
}

} // namespace Latchkey::Store
