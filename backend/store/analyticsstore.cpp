#include "store/analyticsstore.h"

#include "core/latencyhistogram.h"
#include "store/database.h"
#include "store/sqlitestatement.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

using Core::LatencyHistogram;
using Core::Status;

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

qint64 floorTo(qint64 timeMs, qint64 width)
{
    return timeMs - (((timeMs % width) + width) % width);
}

// The first day of the month holding @p timeMs, 00:00 UTC, by integer calendar arithmetic (H.
// Hinnant's days_from_civil / civil_from_days): the writer needs it for every detail row, and
// QDateTime costs about a microsecond per call.
qint64 monthStart(qint64 timeMs)
{
    const qint64 days = floorTo(timeMs, DayMs) / DayMs; // since 1970-01-01
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153; // March = 0
    // The first of that month is dayOfYear - (day of month - 1) days earlier.
    const qint64 dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5; // 0-based
    return (days - dayOfMonth) * DayMs;
}

const Resolution ScopedResolutions[] = {Resolution::Minute, Resolution::Hour, Resolution::Day};
const Resolution DetailResolutions[] = {Resolution::Minute, Resolution::Hour, Resolution::Day, Resolution::Month};

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

QString tagsJson(const QStringList &tags)
{
    if (tags.isEmpty())
        return u"[]"_s;
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

Core::Error noHandle()
{
    return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
}

// What one verification rollup row gains from a batch.
struct VerificationMetrics {
    qint64 count = 0;
    qint64 spentCredits = 0;
    qint64 latencySumUs = 0;
    qint64 lastTime = 0;
    LatencyHistogram latency;

    void add(const Core::VerificationEvent &event)
    {
        ++count;
        spentCredits += event.spentCredits;
        latencySumUs += event.latencyUs;
        lastTime = std::max(lastTime, event.timeMs);
        latency.add(event.latencyUs);
    }
    void merge(const VerificationMetrics &other)
    {
        count += other.count;
        spentCredits += other.spentCredits;
        latencySumUs += other.latencySumUs;
        lastTime = std::max(lastTime, other.lastTime);
        latency.merge(other.latency);
    }
};

struct RatelimitMetrics {
    qint64 passed = 0;
    qint64 blocked = 0;
    qint64 passedCost = 0;
    qint64 blockedCost = 0;
    qint64 latencySumUs = 0;
    qint64 lastTime = 0;
    LatencyHistogram latency;

    void add(const Core::RatelimitEvent &event)
    {
        (event.passed ? passed : blocked) += 1;
        (event.passed ? passedCost : blockedCost) += event.cost;
        latencySumUs += event.latencyUs;
        lastTime = std::max(lastTime, event.timeMs);
        latency.add(event.latencyUs);
    }
    void merge(const RatelimitMetrics &other)
    {
        passed += other.passed;
        blocked += other.blocked;
        passedCost += other.passedCost;
        blockedCost += other.blockedCost;
        latencySumUs += other.latencySumUs;
        lastTime = std::max(lastTime, other.lastTime);
        latency.merge(other.latency);
    }
};

// A batch is aggregated in two steps: events into groups of the finest grain (one minute and
// every dimension), then groups into the rows of every rollup table. Most batches repeat keys, so
// the second step works on far fewer items than there are events.
struct VerificationGroupKey {
    qint64 minute = 0;
    QString workspace;
    QString apiId;
    QString keyspace;
    QString keyId;
    QString identity;
    QString external;
    QString outcome;
    QString tags;
    friend bool operator==(const VerificationGroupKey &, const VerificationGroupKey &) = default;
};
size_t qHash(const VerificationGroupKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.minute, key.keyId, key.identity, key.outcome, key.tags);
}

// A group's text in UTF-8, converted once: SQLite would convert UTF-16 text on every bind, and
// each group's values are bound again for every rollup row it adds to.
struct GroupText {
    explicit GroupText(const VerificationGroupKey &group)
        : workspace(group.workspace.toUtf8())
        , apiId(group.apiId.toUtf8())
        , keyspace(group.keyspace.toUtf8())
        , keyId(group.keyId.toUtf8())
        , identity(group.identity.toUtf8())
        , external(group.external.toUtf8())
        , outcome(group.outcome.toUtf8())
        , tags(group.tags.toUtf8())
    { }
    QByteArray workspace, apiId, keyspace, keyId, identity, external, outcome, tags;
};

const QByteArray ScopeWorkspace = QByteArrayLiteral("workspace");
const QByteArray ScopeApi = QByteArrayLiteral("api");

struct ScopedKey {
    Resolution resolution = Resolution::Minute;
    QByteArray workspace;
    QByteArray scope;
    QByteArray scopeId; // '' for the workspace scope
    qint64 time = 0;
    QByteArray outcome;
    friend bool operator==(const ScopedKey &, const ScopedKey &) = default;
};
size_t qHash(const ScopedKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.resolution), key.scope, key.scopeId, key.time, key.outcome);
}

// The grain of the detail rollups (the group without its minute and API).
struct DetailKey {
    Resolution resolution = Resolution::Minute;
    qint64 time = 0;
    QByteArray workspace, keyspace, keyId, identity, external, outcome, tags;
    friend bool operator==(const DetailKey &, const DetailKey &) = default;
};
size_t qHash(const DetailKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.resolution), key.time, key.keyId, key.identity, key.outcome, key.tags);
}

struct RatelimitKey {
    Resolution resolution = Resolution::Minute;
    QString workspace;
    QString ns;
    QString identifier; // '' = the whole namespace
    qint64 time = 0;
    friend bool operator==(const RatelimitKey &, const RatelimitKey &) = default;
};
size_t qHash(const RatelimitKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.resolution), key.ns, key.identifier, key.time);
}

const QString VerificationMetricColumns = u"count, spent_credits, latency_sum_us, latency_hist, latency_p50_us,"
                                          " latency_p75_us, latency_p99_us, last_time"_s;

QString placeholders(int count)
{
    QString text = u"?"_s.repeated(count);
    for (qsizetype i = text.size() - 1; i > 0; --i)
        text.insert(i, u',');
    return text;
}

// The upsert adds a batch's metrics to a rollup row (or creates it). The percentiles are those of
// the merged histogram; lk_hist_merged_quantile() reads them off the old and the new histogram
// without building the merge once more per column (SQLite shares no sub-expressions).
QString verificationUpsert(const QString &table, const QString &dimensions, int dimensionCount)
{
    const auto quantile = [](const char *q) -> QString {
        return u"lk_hist_merged_quantile(latency_hist, excluded.latency_hist, "_s + QLatin1StringView(q) + u')';
    };
    return u"INSERT INTO "_s + table + u" ("_s + dimensions + u", "_s + VerificationMetricColumns + u") VALUES ("_s
        + placeholders(dimensionCount + 8)
        + u") ON CONFLICT DO UPDATE SET count = count + excluded.count,"
          " spent_credits = spent_credits + excluded.spent_credits,"
          " latency_sum_us = latency_sum_us + excluded.latency_sum_us,"
          " latency_hist = lk_hist_merge(latency_hist, excluded.latency_hist), latency_p50_us = "_s
        + quantile("0.5") + u", latency_p75_us = "_s + quantile("0.75") + u", latency_p99_us = "_s + quantile("0.99")
        + u", last_time = max(last_time, excluded.last_time)"_s;
}

Status upsertVerificationMetrics(SqliteStatement &upsert, int first, const VerificationMetrics &metrics)
{
    const QByteArray histogram = metrics.latency.encode();
    upsert.bind(first, metrics.count);
    upsert.bind(first + 1, metrics.spentCredits);
    upsert.bind(first + 2, metrics.latencySumUs);
    upsert.bindBlob(first + 3, histogram);
    upsert.bind(first + 4, metrics.latency.quantileUs(0.5));
    upsert.bind(first + 5, metrics.latency.quantileUs(0.75));
    upsert.bind(first + 6, metrics.latency.quantileUs(0.99));
    upsert.bind(first + 7, metrics.lastTime);
    return upsert.run();
}

Status upsertScoped(sqlite3 *db, const QHash<ScopedKey, VerificationMetrics> &rows)
{
    for (Resolution resolution : ScopedResolutions) {
        SqliteStatement upsert(db,
            verificationUpsert(
                u"verification_rollups_"_s + suffix(resolution), u"workspace_id, scope, scope_id, time, outcome"_s, 5));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const ScopedKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            upsert.bindUtf8(1, key.workspace);
            upsert.bindUtf8(2, key.scope);
            upsert.bindUtf8(3, key.scopeId);
            upsert.bind(4, key.time);
            upsert.bindUtf8(5, key.outcome);
            if (Status status = upsertVerificationMetrics(upsert, 6, it.value()); !status)
                return status;
        }
    }
    return {};
}

Status upsertDetail(sqlite3 *db, const QHash<DetailKey, VerificationMetrics> &rows)
{
    for (Resolution resolution : DetailResolutions) {
        SqliteStatement upsert(db,
            verificationUpsert(u"verification_detail_rollups_"_s + suffix(resolution),
                u"workspace_id, time, keyspace_id, key_id, identity_id,"
                " external_id, outcome, tags"_s,
                8));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const DetailKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            upsert.bindUtf8(1, key.workspace);
            upsert.bind(2, key.time);
            upsert.bindUtf8(3, key.keyspace);
            upsert.bindUtf8(4, key.keyId);
            upsert.bindUtf8(5, key.identity);
            upsert.bindUtf8(6, key.external);
            upsert.bindUtf8(7, key.outcome);
            upsert.bindUtf8(8, key.tags);
            if (Status status = upsertVerificationMetrics(upsert, 9, it.value()); !status)
                return status;
        }
    }
    return {};
}

// Spreads the finest-grain groups of a batch over the rows of every scoped and detail rollup.
void rollUp(const QHash<VerificationGroupKey, VerificationMetrics> &groups, QHash<ScopedKey, VerificationMetrics> &scoped,
    QHash<DetailKey, VerificationMetrics> &detail)
{
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const GroupText text(it.key());
        const qint64 minute = it.key().minute;
        for (Resolution resolution : ScopedResolutions) {
            const qint64 time = bucketStart(minute, resolution);
            const auto add = [&](const QByteArray &scope, const QByteArray &id) {
                scoped[{resolution, text.workspace, scope, id, time, text.outcome}].merge(it.value());
            };
            add(ScopeWorkspace, QByteArray());
            if (!text.apiId.isEmpty())
                add(ScopeApi, text.apiId);
            // Keys and identities have no scope rows (schema 4): their series and top lists read
            // the detail rows below, which hold every event by key and identity anyway.
        }
        for (Resolution resolution : DetailResolutions) {
            detail[{resolution, bucketStart(minute, resolution), text.workspace, text.keyspace, text.keyId,
                       text.identity, text.external, text.outcome, text.tags}]
                .merge(it.value());
        }
    }
}

} // namespace

qint64 bucketStart(qint64 timeMs, Resolution resolution)
{
    switch (resolution) {
    case Resolution::Minute:
        return floorTo(timeMs, MinuteMs);
    case Resolution::Hour:
        return floorTo(timeMs, HourMs);
    case Resolution::Day:
        return floorTo(timeMs, DayMs);
    case Resolution::Month:
        return monthStart(timeMs);
    }
    return timeMs;
}

Status AnalyticsStore::write(const AnalyticsBatch &batch)
{
    return m_db.write([&] { return record(batch); }, Database::Invalidation::None);
}

Status AnalyticsStore::record(const AnalyticsBatch &batch)
{
    if (batch.isEmpty())
        return {};
    const QSqlDatabase connection = m_db.connection();
    if (!registerFunctions(connection))
        return noHandle();
    if (Status status = recordVerifications(batch.verifications); !status)
        return status;
    if (Status status = updateLastUsed(batch.verifications); !status)
        return status;
    return recordRatelimits(batch.ratelimits);
}

Status AnalyticsStore::recordVerifications(const QList<Core::VerificationEvent> &events)
{
    if (events.isEmpty())
        return {};
    sqlite3 *db = sqliteHandle(m_db.connection());
    SqliteStatement insert(db,
        u"INSERT INTO verification_events (request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id,"
        " external_id, outcome, tags, spent_credits, latency_us, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    QHash<VerificationGroupKey, VerificationMetrics> groups;
    groups.reserve(events.size());
    QHash<QStringList, QString> tagsText; // traffic repeats a few tag sets; JSON-encode each once
    std::array<QByteArray, 10> text; // the row's text in UTF-8, buffers reused from row to row
    for (const Core::VerificationEvent &event : events) {
        auto cachedTags = tagsText.constFind(event.tags);
        if (cachedTags == tagsText.constEnd())
            cachedTags = tagsText.insert(event.tags, tagsJson(event.tags));
        const QString &tags = *cachedTags;
        insert.bindText(1, event.requestId, text[0]);
        insert.bind(2, event.timeMs);
        insert.bindText(3, event.workspaceId, text[1]);
        insert.bindTextOrNull(4, event.apiId, text[2]);
        insert.bindTextOrNull(5, event.keyspaceId, text[3]);
        insert.bindTextOrNull(6, event.keyId, text[4]);
        insert.bindTextOrNull(7, event.identityId, text[5]);
        insert.bindTextOrNull(8, event.externalId, text[6]);
        insert.bindText(9, event.outcome, text[7]);
        insert.bindText(10, tags, text[8]);
        insert.bind(11, event.spentCredits);
        insert.bind(12, event.latencyUs);
        insert.bindTextOrNull(13, event.node, text[9]);
        if (Status status = insert.run(); !status)
            return status;
        groups[{bucketStart(event.timeMs, Resolution::Minute), event.workspaceId, event.apiId, event.keyspaceId,
                   event.keyId, event.identityId, event.externalId, event.outcome, tags}]
            .add(event);
    }

    QHash<ScopedKey, VerificationMetrics> scoped;
    QHash<DetailKey, VerificationMetrics> detail;
    rollUp(groups, scoped, detail);
    if (Status status = upsertScoped(db, scoped); !status)
        return status;
    return upsertDetail(db, detail);
}

Status AnalyticsStore::recordRatelimits(const QList<Core::RatelimitEvent> &events)
{
    if (events.isEmpty())
        return {};
    sqlite3 *db = sqliteHandle(m_db.connection());
    SqliteStatement insert(db,
        u"INSERT INTO ratelimit_events (request_id, time, workspace_id, namespace_id, identifier, passed, \"limit\","
        " remaining, reset, cost, override_id, latency_us, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    QHash<RatelimitKey, RatelimitMetrics> groups; // per minute and identifier
    for (const Core::RatelimitEvent &event : events) {
        insert.bind(1, event.requestId);
        insert.bind(2, event.timeMs);
        insert.bind(3, event.workspaceId);
        insert.bind(4, event.namespaceId);
        insert.bind(5, event.identifier);
        insert.bind(6, event.passed ? 1 : 0);
        insert.bind(7, event.limit);
        insert.bind(8, event.remaining);
        insert.bind(9, event.resetMs);
        insert.bind(10, event.cost);
        insert.bindOrNull(11, event.overrideId);
        insert.bind(12, event.latencyUs);
        insert.bindOrNull(13, event.node);
        if (Status status = insert.run(); !status)
            return status;
        groups[{Resolution::Minute, event.workspaceId, event.namespaceId, event.identifier,
                   bucketStart(event.timeMs, Resolution::Minute)}]
            .add(event);
    }
    QHash<RatelimitKey, RatelimitMetrics> rows;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        for (Resolution resolution : ScopedResolutions) {
            RatelimitKey key = it.key();
            key.resolution = resolution;
            key.time = bucketStart(key.time, resolution);
            rows[key].merge(it.value());
            key.identifier = u""_s;
            rows[key].merge(it.value());
        }
    }
    for (Resolution resolution : ScopedResolutions) {
        SqliteStatement upsert(db,
            u"INSERT INTO ratelimit_rollups_"_s + suffix(resolution)
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
                  " last_time = max(last_time, excluded.last_time)"_s);
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const RatelimitKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            const RatelimitMetrics &metrics = it.value();
            const QByteArray histogram = metrics.latency.encode();
            upsert.bind(1, key.workspace);
            upsert.bind(2, key.ns);
            upsert.bind(3, key.identifier);
            upsert.bind(4, key.time);
            upsert.bind(5, metrics.passed);
            upsert.bind(6, metrics.blocked);
            upsert.bind(7, metrics.passedCost);
            upsert.bind(8, metrics.blockedCost);
            upsert.bind(9, metrics.latencySumUs);
            upsert.bindBlob(10, histogram);
            upsert.bind(11, metrics.latency.quantileUs(0.5));
            upsert.bind(12, metrics.latency.quantileUs(0.99));
            upsert.bind(13, metrics.lastTime);
            if (Status status = upsert.run(); !status)
                return status;
        }
    }
    return {};
}

Status AnalyticsStore::updateLastUsed(const QList<Core::VerificationEvent> &events)
{
    QHash<QString, qint64> newest;
    for (const Core::VerificationEvent &event : events) {
        if (event.keyId.isEmpty())
            continue;
        qint64 &time = newest[event.keyId];
        time = std::max(time, event.timeMs);
    }
    if (newest.isEmpty())
        return {};
    // Only ever forward: a late batch never moves last_used_at back.
    SqliteStatement update(sqliteHandle(m_db.connection()),
        u"UPDATE keys SET last_used_at = ?1 WHERE id = ?2 AND coalesce(last_used_at, 0) < ?1"_s);
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        update.bind(1, it.value());
        update.bind(2, it.key());
        if (Status status = update.run(); !status)
            return status;
    }
    return {};
}

} // namespace Latchkey::Store
