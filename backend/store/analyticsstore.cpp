#include "store/analyticsstore.h"

#include "core/latencyhistogram.h"
#include "store/database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <tuple>

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

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// '' rather than NULL: rollup dimensions are primary-key columns.
QString orEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QString tagsJson(const QStringList &tags)
{
    if (tags.isEmpty())
        return u"[]"_s;
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

Status run(QSqlQuery &query)
{
    if (!exec(query))
        return sqlError(query);
    return {};
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
};

// Sorted maps: rows are upserted in primary-key order, which keeps the B-tree writes local.
using ScopedKey = std::tuple<Resolution, QString, QString, QString, qint64, QString>; // ws, scope, id, time, outcome
using DetailKey = std::tuple<Resolution, QString, qint64, QString, QString, QString, QString, QString, QString>;
using RatelimitKey = std::tuple<Resolution, QString, QString, QString, qint64>; // ws, namespace, identifier, time

const QString VerificationMetricColumns = u"count, spent_credits, latency_sum_us, latency_hist, latency_p50_us,"
                                          " latency_p75_us, latency_p99_us, last_time"_s;

// The upsert adds a batch's metrics to a rollup row (or creates it); the percentiles are
// recomputed from the merged histogram.
QString verificationUpsert(const QString &table, const QString &dimensions, int dimensionCount)
{
    QString placeholders = u"?"_s.repeated(dimensionCount + 8);
    for (qsizetype i = placeholders.size() - 1; i > 0; --i)
        placeholders.insert(i, u',');
    const QString merged = u"lk_hist_merge(latency_hist, excluded.latency_hist)"_s;
    return u"INSERT INTO "_s + table + u" ("_s + dimensions + u", "_s + VerificationMetricColumns + u") VALUES ("_s
        + placeholders
        + u") ON CONFLICT DO UPDATE SET count = count + excluded.count,"
          " spent_credits = spent_credits + excluded.spent_credits,"
          " latency_sum_us = latency_sum_us + excluded.latency_sum_us, latency_hist = "_s
        + merged + u", latency_p50_us = lk_hist_quantile("_s + merged + u", 0.5), latency_p75_us = lk_hist_quantile("_s
        + merged + u", 0.75), latency_p99_us = lk_hist_quantile("_s + merged
        + u", 0.99), last_time = max(last_time, excluded.last_time)"_s;
}

void bindVerificationMetrics(QSqlQuery &query, int first, const VerificationMetrics &metrics)
{
    query.bindValue(first, metrics.count);
    query.bindValue(first + 1, metrics.spentCredits);
    query.bindValue(first + 2, metrics.latencySumUs);
    query.bindValue(first + 3, metrics.latency.encode());
    query.bindValue(first + 4, metrics.latency.quantileUs(0.5));
    query.bindValue(first + 5, metrics.latency.quantileUs(0.75));
    query.bindValue(first + 6, metrics.latency.quantileUs(0.99));
    query.bindValue(first + 7, metrics.lastTime);
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
    case Resolution::Month: {
        const QDate date = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).date();
        return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    }
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
    if (!registerFunctions(m_db.connection()))
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    if (Status status = insertVerifications(batch.verifications); !status)
        return status;
    if (Status status = upsertVerificationRollups(batch.verifications); !status)
        return status;
    if (Status status = updateLastUsed(batch.verifications); !status)
        return status;
    if (Status status = insertRatelimits(batch.ratelimits); !status)
        return status;
    return upsertRatelimitRollups(batch.ratelimits);
}

Status AnalyticsStore::insertVerifications(const QList<Core::VerificationEvent> &events)
{
    if (events.isEmpty())
        return {};
    QSqlQuery insert = m_db.prepare(
        u"INSERT INTO verification_events (request_id, time, workspace_id, api_id, keyspace_id, key_id, identity_id,"
        " external_id, outcome, tags, spent_credits, latency_us, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    for (const Core::VerificationEvent &event : events) {
        insert.bindValue(0, orEmpty(event.requestId));
        insert.bindValue(1, event.timeMs);
        insert.bindValue(2, orEmpty(event.workspaceId));
        insert.bindValue(3, nullIfEmpty(event.apiId));
        insert.bindValue(4, nullIfEmpty(event.keyspaceId));
        insert.bindValue(5, nullIfEmpty(event.keyId));
        insert.bindValue(6, nullIfEmpty(event.identityId));
        insert.bindValue(7, nullIfEmpty(event.externalId));
        insert.bindValue(8, orEmpty(event.outcome));
        insert.bindValue(9, tagsJson(event.tags));
        insert.bindValue(10, event.spentCredits);
        insert.bindValue(11, event.latencyUs);
        insert.bindValue(12, nullIfEmpty(event.node));
        if (Status status = run(insert); !status)
            return status;
    }
    return {};
}

Status AnalyticsStore::insertRatelimits(const QList<Core::RatelimitEvent> &events)
{
    if (events.isEmpty())
        return {};
    QSqlQuery insert = m_db.prepare(
        u"INSERT INTO ratelimit_events (request_id, time, workspace_id, namespace_id, identifier, passed, \"limit\","
        " remaining, reset, cost, override_id, latency_us, node) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    for (const Core::RatelimitEvent &event : events) {
        insert.bindValue(0, orEmpty(event.requestId));
        insert.bindValue(1, event.timeMs);
        insert.bindValue(2, orEmpty(event.workspaceId));
        insert.bindValue(3, orEmpty(event.namespaceId));
        insert.bindValue(4, orEmpty(event.identifier));
        insert.bindValue(5, event.passed ? 1 : 0);
        insert.bindValue(6, event.limit);
        insert.bindValue(7, event.remaining);
        insert.bindValue(8, event.resetMs);
        insert.bindValue(9, event.cost);
        insert.bindValue(10, nullIfEmpty(event.overrideId));
        insert.bindValue(11, event.latencyUs);
        insert.bindValue(12, nullIfEmpty(event.node));
        if (Status status = run(insert); !status)
            return status;
    }
    return {};
}

Status AnalyticsStore::upsertVerificationRollups(const QList<Core::VerificationEvent> &events)
{
    if (events.isEmpty())
        return {};
    std::map<ScopedKey, VerificationMetrics> scoped;
    std::map<DetailKey, VerificationMetrics> detail;
    for (const Core::VerificationEvent &event : events) {
        const QString workspace = orEmpty(event.workspaceId);
        const QString outcome = orEmpty(event.outcome);
        const QString tags = tagsJson(event.tags);
        for (Resolution resolution : ScopedResolutions) {
            const qint64 time = bucketStart(event.timeMs, resolution);
            scoped[{resolution, workspace, u"workspace"_s, u""_s, time, outcome}].add(event);
            if (!event.apiId.isEmpty())
                scoped[{resolution, workspace, u"api"_s, event.apiId, time, outcome}].add(event);
            if (!event.keyId.isEmpty())
                scoped[{resolution, workspace, u"key"_s, event.keyId, time, outcome}].add(event);
            if (!event.identityId.isEmpty())
                scoped[{resolution, workspace, u"identity"_s, event.identityId, time, outcome}].add(event);
        }
        for (Resolution resolution : DetailResolutions) {
            detail[{resolution, workspace, bucketStart(event.timeMs, resolution), orEmpty(event.keyspaceId),
                       orEmpty(event.keyId), orEmpty(event.identityId), orEmpty(event.externalId), outcome, tags}]
                .add(event);
        }
    }

    std::optional<Resolution> prepared;
    QSqlQuery upsert;
    for (const auto &[key, metrics] : scoped) {
        const auto &[resolution, workspace, scope, scopeId, time, outcome] = key;
        if (prepared != resolution) {
            upsert = m_db.prepare(verificationUpsert(
                u"verification_rollups_"_s + suffix(resolution), u"workspace_id, scope, scope_id, time, outcome"_s, 5));
            prepared = resolution;
        }
        upsert.bindValue(0, workspace);
        upsert.bindValue(1, scope);
        upsert.bindValue(2, scopeId);
        upsert.bindValue(3, time);
        upsert.bindValue(4, outcome);
        bindVerificationMetrics(upsert, 5, metrics);
        if (Status status = run(upsert); !status)
            return status;
    }
    prepared.reset();
    for (const auto &[key, metrics] : detail) {
        const auto &[resolution, workspace, time, keyspace, keyId, identity, external, outcome, tags] = key;
        if (prepared != resolution) {
            upsert = m_db.prepare(verificationUpsert(u"verification_detail_rollups_"_s + suffix(resolution),
                u"workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s, 8));
            prepared = resolution;
        }
        const QVariant dimensions[] = {workspace, time, keyspace, keyId, identity, external, outcome, tags};
        for (int i = 0; i < 8; ++i)
            upsert.bindValue(i, dimensions[i]);
        bindVerificationMetrics(upsert, 8, metrics);
        if (Status status = run(upsert); !status)
            return status;
    }
    return {};
}

Status AnalyticsStore::upsertRatelimitRollups(const QList<Core::RatelimitEvent> &events)
{
    if (events.isEmpty())
        return {};
    std::map<RatelimitKey, RatelimitMetrics> rows;
    for (const Core::RatelimitEvent &event : events) {
        for (Resolution resolution : ScopedResolutions) {
            const qint64 time = bucketStart(event.timeMs, resolution);
            const QString workspace = orEmpty(event.workspaceId);
            const QString ns = orEmpty(event.namespaceId);
            rows[{resolution, workspace, ns, u""_s, time}].add(event);
            rows[{resolution, workspace, ns, orEmpty(event.identifier), time}].add(event);
        }
    }
    const QString merged = u"lk_hist_merge(latency_hist, excluded.latency_hist)"_s;
    std::optional<Resolution> prepared;
    QSqlQuery upsert;
    for (const auto &[key, metrics] : rows) {
        const auto &[resolution, workspace, ns, identifier, time] = key;
        if (prepared != resolution) {
            upsert = m_db.prepare(u"INSERT INTO ratelimit_rollups_"_s + suffix(resolution)
                + u" (workspace_id, namespace_id, identifier, time, passed, blocked, passed_cost, blocked_cost,"
                  " latency_sum_us, latency_hist, latency_p50_us, latency_p99_us, last_time)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET passed = passed + excluded.passed,"
                  " blocked = blocked + excluded.blocked, passed_cost = passed_cost + excluded.passed_cost,"
                  " blocked_cost = blocked_cost + excluded.blocked_cost,"
                  " latency_sum_us = latency_sum_us + excluded.latency_sum_us, latency_hist = "_s
                + merged + u", latency_p50_us = lk_hist_quantile("_s + merged
                + u", 0.5), latency_p99_us = lk_hist_quantile("_s + merged
                + u", 0.99), last_time = max(last_time, excluded.last_time)"_s);
            prepared = resolution;
        }
        const QVariant values[] = {workspace, ns, identifier, time, metrics.passed, metrics.blocked, metrics.passedCost,
            metrics.blockedCost, metrics.latencySumUs, metrics.latency.encode(), metrics.latency.quantileUs(0.5),
            metrics.latency.quantileUs(0.99), metrics.lastTime};
        for (int i = 0; i < 13; ++i)
            upsert.bindValue(i, values[i]);
        if (Status status = run(upsert); !status)
            return status;
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
    QSqlQuery update
        = m_db.prepare(u"UPDATE keys SET last_used_at = ? WHERE id = ? AND coalesce(last_used_at, 0) < ?"_s);
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        update.bindValue(0, it.value());
        update.bindValue(1, it.key());
        update.bindValue(2, it.value());
        if (Status status = run(update); !status)
            return status;
    }
    return {};
}

} // namespace Latchkey::Store
