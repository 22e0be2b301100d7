#include "store/analyticsqueries.h"

#include "core/latencyhistogram.h"
#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

qint64 widthOf(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Minute: return MinuteMs;
    case Resolution::Hour: return HourMs;
    default: return DayMs; // months are not offered by the extension endpoints
    }
}

QString suffixOf(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Minute: return u"minute"_s;
    case Resolution::Hour: return u"hour"_s;
    default: return u"day"_s;
    }
}

/// The bucket starts of a series: from the bucket holding range.start while < range.end.
QList<qint64> bucketTimes(TimeRange range, Resolution resolution)
{
    QList<qint64> times;
    for (qint64 t = bucketStart(range.startMs, resolution); t < range.endMs; t += widthOf(resolution))
        times.append(t);
    return times;
}

Core::Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query = db.prepare(sql);
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!exec(query))
        return sqlError(query);
    return query;
}

/// Merges encoded histograms into one and reads the two percentiles the endpoints report.
struct HistogramMerge {
    Core::LatencyHistogram histogram;
    bool any = false;
    void add(const QByteArray &encoded)
    {
        if (!encoded.isEmpty() && histogram.mergeEncoded(encoded))
            any = true;
    }
    [[nodiscard]] qint64 p(double q) const { return any ? histogram.quantileUs(q) : 0; }
    void add(const HistogramMerge &other)
    {
        if (other.any) {
            histogram.merge(other.histogram);
            any = true;
        }
    }
    /// Sets the range percentiles of @p series; they stay nullopt when nothing was merged.
    template<typename Bucket>
    void setRange(Series<Bucket> &series) const
    {
        if (!any)
            return;
        series.latencyP50Us = histogram.quantileUs(0.5);
        series.latencyP99Us = histogram.quantileUs(0.99);
    }
};

QString orderColumn(TopOrder order)
{
    switch (order) {
    case TopOrder::Rejections: return u"rejections"_s;
    case TopOrder::SpentCredits: return u"spent"_s;
    default: return u"total"_s;
    }
}

/// The detail rollup column of a key or identity scope; empty for the scopes with their own rows.
QString detailColumn(const QString &scope)
{
    if (scope == u"key")
        return u"key_id"_s;
    if (scope == u"identity")
        return u"identity_id"_s;
    return {};
}

/// Minutes from analytics_rollup_state.rolled_until on are only in the minute rows of the detail and
/// rate-limit rollups (schema 5): a query of their hour or day rows adds those minute rows, in the
/// same statement (one snapshot, so a roll-up between two reads can neither count a minute twice
/// nor miss it). This bound on `time` starts the minute part at max(?, rolled_until).
const QString OpenMinutes = u"max(?, (SELECT rolled_until FROM analytics_rollup_state))"_s;

/// @p select (its `FROM <table>` written as `FROM %1`) over the rollup of @p resolution, and for
/// hours and days the same over the minutes not rolled up yet (its lower time bound `?` replaced
/// by OpenMinutes). The binds of @p select are needed once per part.
QString withOpenMinutes(const QString &select, const QString &table, Resolution resolution)
{
    const QString stored = select.arg(table + suffixOf(resolution));
    if (resolution == Resolution::Minute)
        return stored;
    QString open = select.arg(table + u"minute"_s);
    open.replace(u"time >= ?"_s, u"time >= "_s + OpenMinutes);
    return stored + u" UNION ALL "_s + open;
}

/// A series' rows: the workspace and API scopes read their own rollup rows (primary key range
/// (workspace_id, scope, scope_id, time)); keys and identities read the detail rollups through their
/// partial (workspace_id, key_id | identity_id, time) index (schema 4), and for hours and days the
/// minute rows not rolled up yet. The bucket merges the rows of each time, so several rows per
/// key and outcome add up to the same answer.
QString seriesSql(const QString &scope, Resolution resolution)
{
    const QString column = detailColumn(scope);
    if (column.isEmpty()) {
        return u"SELECT time, outcome, count, spent_credits, latency_hist FROM verification_rollups_"_s
            + suffixOf(resolution)
            + u" WHERE workspace_id = ? AND scope = ? AND scope_id = ? AND time >= ? AND time < ?"_s;
    }
    // INDEXED BY: without statistics SQLite prefers the primary key's (workspace_id, time) range,
    // which reads every key's rows of the range (measured: 22 ms instead of 1 ms for a day of minutes).
    const QString index = scope == u"key" ? u"_key"_s : u"_identity"_s;
    return withOpenMinutes(u"SELECT time, outcome, count, spent_credits, latency_hist FROM %1 INDEXED BY %1"_s + index
            + u" WHERE workspace_id = ? AND "_s + column + u" = ? AND "_s + column
            + u" <> '' AND time >= ? AND time < ?"_s,
        u"verification_detail_rollups_"_s, resolution);
}

/// The binds of a query withOpenMinutes(): @p binds once, or twice when the minutes are added.
QVariantList twice(const QVariantList &binds, Resolution resolution)
{
    return resolution == Resolution::Minute ? binds : binds + binds;
}

TopEntry topEntry(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
            query.value(3).toLongLong(), query.value(4).toLongLong()};
}

} // namespace

std::optional<Resolution> AnalyticsQueries::tilingResolution(TimeRange range)
{
    for (const Resolution resolution : {Resolution::Day, Resolution::Hour, Resolution::Minute}) {
        if (range.startMs % widthOf(resolution) == 0 && range.endMs % widthOf(resolution) == 0)
            return resolution;
    }
    return std::nullopt;
}

Core::Result<Series<VerificationBucket>> AnalyticsQueries::verificationSeries(
    const QString &workspaceId, const QString &scope, const QString &scopeId, TimeRange range, Resolution resolution)
{
    const QList<qint64> times = bucketTimes(range, resolution);
    Series<VerificationBucket> series;
    QList<VerificationBucket> &buckets = series.buckets;
    buckets.reserve(times.size());
    for (const qint64 t : times)
        buckets.append(VerificationBucket{.timeMs = t});
    if (times.isEmpty())
        return series;
    // The stored rows of a bucket that starts before range.end cover all of it: so do its minutes.
    const qint64 end = times.last() + widthOf(resolution);
    auto query = run(m_db, seriesSql(scope, resolution),
        detailColumn(scope).isEmpty()
            ? QVariantList{workspaceId, scope, QString(u""_s + scopeId), times.first(), end} // '' not NULL
            : twice({workspaceId, QString(u""_s + scopeId), times.first(), end}, resolution));
    if (!query)
        return query.error();
    QList<HistogramMerge> latency(times.size());
    while (query->next()) {
        const qsizetype index
            = (bucketStart(query->value(0).toLongLong(), resolution) - times.first()) / widthOf(resolution);
        VerificationBucket &bucket = buckets[index];
        const qint64 count = query->value(2).toLongLong();
        bucket.outcomes[query->value(1).toString()] += count;
        bucket.total += count;
        bucket.spentCredits += query->value(3).toLongLong();
        latency[index].add(query->value(4).toByteArray());
    }
    HistogramMerge whole; // the buckets' merged histograms once more: ~1,440 small merges for a day of minutes
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        buckets[i].latencyP50Us = latency.at(i).p(0.5);
        buckets[i].latencyP99Us = latency.at(i).p(0.99);
        whole.add(latency.at(i));
    }
    whole.setRange(series);
    return series;
}

Core::Result<QList<TopEntry>> AnalyticsQueries::topVerifications(const QString &workspaceId, const QString &scope,
    const QString &keyspaceId, TimeRange range, TopOrder order, int limit)
{
    const auto resolution = tilingResolution(range);
    if (!resolution)
        return Core::makeError(Core::ErrorCode::InvalidInput, u"The range must be minute aligned."_s);
    const QString column = detailColumn(scope);
    if (column.isEmpty())
        return Core::makeError(Core::ErrorCode::InvalidInput, u"Top lists are of keys or identities."_s);
    QVariantList binds = twice({workspaceId, range.startMs, range.endMs}, *resolution);
    QString join;
    if (!keyspaceId.isEmpty()) {
        join = u" JOIN keys k ON k.id = r.id AND k.keyspace_id = ?"_s;
        binds.append(keyspaceId);
    }
    binds << limit;
    // The detail rollups' primary key leads with (workspace_id, time): the range is one scan.
    // `+column` keeps SQLite from walking the key/identity index instead to save the GROUP BY's sort.
    const QString rows = withOpenMinutes(u"SELECT "_s + column
            + u" AS id, outcome, count, spent_credits FROM %1 WHERE workspace_id = ? AND time >= ? AND time < ? AND +"_s
            + column + u" <> ''"_s,
        u"verification_detail_rollups_"_s, *resolution);
    auto query = run(m_db,
        u"SELECT r.id, sum(r.count) AS total,"
        " sum(CASE WHEN r.outcome <> 'VALID' THEN r.count ELSE 0 END) AS rejections,"
        " sum(r.spent_credits) AS spent, sum(CASE WHEN r.outcome = 'VALID' THEN r.count ELSE 0 END)"
        " FROM ("_s
            + rows + u") r"_s + join + u" GROUP BY r.id ORDER BY "_s + orderColumn(order) + u" DESC, r.id LIMIT ?"_s,
        binds);
    if (!query)
        return query.error();
    QList<TopEntry> entries;
    while (query->next())
        entries.append(topEntry(*query));
    return entries;
}

Core::Result<Series<RatelimitBucket>> AnalyticsQueries::ratelimitSeries(const QString &workspaceId,
    const QString &namespaceId, const QString &identifier, TimeRange range, Resolution resolution)
{
    const QList<qint64> times = bucketTimes(range, resolution);
    Series<RatelimitBucket> series;
    QList<RatelimitBucket> &buckets = series.buckets;
    for (const qint64 t : times)
        buckets.append(RatelimitBucket{.timeMs = t});
    if (times.isEmpty())
        return series;
    const qint64 end = times.last() + widthOf(resolution); // as in verificationSeries()
    auto query = run(m_db,
        withOpenMinutes(u"SELECT time, passed, blocked, passed_cost, blocked_cost, latency_hist FROM %1"
                        " WHERE workspace_id = ? AND namespace_id = ? AND identifier = ? AND time >= ? AND time < ?"_s,
            u"ratelimit_rollups_"_s, resolution),
        twice({workspaceId, namespaceId, QString(u""_s + identifier), times.first(), end}, resolution)); // '' not NULL
    if (!query)
        return query.error();
    // One stored row per bucket (the primary key includes the identifier), plus the bucket's
    // minutes not rolled up yet.
    QList<HistogramMerge> latency(times.size());
    while (query->next()) {
        const qsizetype index
            = (bucketStart(query->value(0).toLongLong(), resolution) - times.first()) / widthOf(resolution);
        RatelimitBucket &bucket = buckets[index];
        bucket.passed += query->value(1).toLongLong();
        bucket.blocked += query->value(2).toLongLong();
        bucket.passedCost += query->value(3).toLongLong();
        bucket.blockedCost += query->value(4).toLongLong();
        latency[index].add(query->value(5).toByteArray());
    }
    HistogramMerge whole;
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        buckets[i].latencyP50Us = latency.at(i).p(0.5);
        buckets[i].latencyP99Us = latency.at(i).p(0.99);
        whole.add(latency.at(i));
    }
    whole.setRange(series);
    return series;
}

Core::Result<QList<TopEntry>> AnalyticsQueries::topIdentifiers(
    const QString &workspaceId, const QString &namespaceId, TimeRange range, TopOrder order, int limit)
{
    const auto resolution = tilingResolution(range);
    if (!resolution)
        return Core::makeError(Core::ErrorCode::InvalidInput, u"The range must be minute aligned."_s);
    const QString rows = withOpenMinutes(u"SELECT identifier, passed, blocked, passed_cost FROM %1 WHERE workspace_id = ?"
                                         " AND namespace_id = ? AND identifier <> '' AND time >= ? AND time < ?"_s,
        u"ratelimit_rollups_"_s, *resolution);
    auto query = run(m_db,
        u"SELECT identifier, sum(passed + blocked) AS total, sum(blocked) AS rejections, sum(passed_cost) AS spent,"
        " sum(passed) FROM ("_s
            + rows + u") GROUP BY identifier ORDER BY "_s + orderColumn(order) + u" DESC, identifier LIMIT ?"_s,
        twice({workspaceId, namespaceId, range.startMs, range.endMs}, *resolution) << limit);
    if (!query)
        return query.error();
    QList<TopEntry> entries;
    while (query->next())
        entries.append(topEntry(*query));
    return entries;
}

Core::Result<Page<ApiSummary, QString>> AnalyticsQueries::listApis(
    const QString &workspaceId, const QString &cursor, int limit)
{
    auto query = run(m_db,
        u"SELECT a.id, a.name, (SELECT count(*) FROM keys k WHERE k.keyspace_id = a.keyspace_id"
        " AND k.deleted_at IS NULL) FROM apis a WHERE a.workspace_id = ? AND a.deleted_at IS NULL AND a.id >= ?"
        " ORDER BY a.id LIMIT ?"_s,
        {workspaceId, QString(u""_s + cursor), limit + 1}); // '' not NULL: from the start
    if (!query)
        return query.error();
    Page<ApiSummary, QString> page;
    while (query->next()) {
        if (page.rows.size() == limit) {
            page.next = query->value(0).toString();
            break;
        }
        page.rows.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong()});
    }
    return page;
}

Found<QString> AnalyticsQueries::apiOfKey(const QString &workspaceId, const QString &keyId)
{
    auto query = run(m_db,
        u"SELECT coalesce(a.id, '') FROM keys k LEFT JOIN apis a ON a.keyspace_id = k.keyspace_id"
        " WHERE k.id = ? AND k.workspace_id = ?"_s,
        {keyId, workspaceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QString>();
    return std::optional<QString>(query->value(0).toString());
}

Core::Result<bool> AnalyticsQueries::identityExists(const QString &workspaceId, const QString &identityId)
{
    auto query = run(m_db, u"SELECT 1 FROM identities WHERE id = ? AND workspace_id = ?"_s, {identityId, workspaceId});
    if (!query)
        return query.error();
    return query->next();
}

} // namespace Latchkey::Store
