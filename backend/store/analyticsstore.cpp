#include "store/analyticsstore.h"

#include "core/latencyhistogram.h"
#include "store/analyticsrawrows.h"
#include "store/analyticssql.h"
#include "store/database.h"
#include "store/sqlitestatement.h"

#include <QHash>
#include <QSqlQuery>
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

Status upsertScoped(Database &db, const QHash<ScopedKey, VerificationMetrics> &rows)
{
    for (Resolution resolution : ScopedResolutions) {
        CachedAnalyticsStatement upsert(db, AnalyticsSql::scopedUpsert(resolution));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const ScopedKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            upsert->bindUtf8(1, key.workspace);
            upsert->bindUtf8(2, key.scope);
            upsert->bindUtf8(3, key.scopeId);
            upsert->bind(4, key.time);
            upsert->bindUtf8(5, key.outcome);
            if (Status status = upsertVerificationMetrics(*upsert, 6, it.value()); !status)
                return status;
        }
    }
    return {};
}

Status upsertDetail(Database &db, const QHash<DetailKey, VerificationMetrics> &rows)
{
    for (Resolution resolution : DetailResolutions) {
        CachedAnalyticsStatement upsert(db, AnalyticsSql::detailUpsert(resolution));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const DetailKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            upsert->bindUtf8(1, key.workspace);
            upsert->bind(2, key.time);
            upsert->bindUtf8(3, key.keyspace);
            upsert->bindUtf8(4, key.keyId);
            upsert->bindUtf8(5, key.identity);
            upsert->bindUtf8(6, key.external);
            upsert->bindUtf8(7, key.outcome);
            upsert->bindUtf8(8, key.tags);
            if (Status status = upsertVerificationMetrics(*upsert, 9, it.value()); !status)
                return status;
        }
    }
    return {};
}

// Spreads the finest-grain groups of a batch over the rows of every scoped rollup and of the detail
// rollups: the minute row, and the hour, day and month rows only for a minute already rolled up
// (before @p rolledUntil: a late event); later minutes reach them through AnalyticsStore::rollUp().
void spreadGroups(const QHash<VerificationGroupKey, VerificationMetrics> &groups, qint64 rolledUntil,
    QHash<ScopedKey, VerificationMetrics> &scoped, QHash<DetailKey, VerificationMetrics> &detail)
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
            if (resolution != Resolution::Minute && minute >= rolledUntil)
                break;
            detail[{resolution, bucketStart(minute, resolution), text.workspace, text.keyspace, text.keyId,
                       text.identity, text.external, text.outcome, text.tags}]
                .merge(it.value());
        }
    }
}

Status upsertRatelimit(Database &db, const QHash<RatelimitKey, RatelimitMetrics> &rows)
{
    for (Resolution resolution : ScopedResolutions) {
        CachedAnalyticsStatement upsert(db, AnalyticsSql::ratelimitUpsert(resolution));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const RatelimitKey &key = it.key();
            if (key.resolution != resolution)
                continue;
            const RatelimitMetrics &metrics = it.value();
            const QByteArray histogram = metrics.latency.encode();
            upsert->bind(1, key.workspace);
            upsert->bind(2, key.ns);
            upsert->bind(3, key.identifier);
            upsert->bind(4, key.time);
            upsert->bind(5, metrics.passed);
            upsert->bind(6, metrics.blocked);
            upsert->bind(7, metrics.passedCost);
            upsert->bind(8, metrics.blockedCost);
            upsert->bind(9, metrics.latencySumUs);
            upsert->bindBlob(10, histogram);
            upsert->bind(11, metrics.latency.quantileUs(0.5));
            upsert->bind(12, metrics.latency.quantileUs(0.99));
            upsert->bind(13, metrics.lastTime);
            if (Status status = upsert->run(); !status)
                return status;
        }
    }
    return {};
}

// A stored rollup row's histogram; a row that holds no valid encoding fails the roll-up rather
// than losing its latencies.
Status addHistogram(LatencyHistogram &histogram, const QByteArray &encoded)
{
    if (encoded.isEmpty() || histogram.mergeEncoded(encoded))
        return {};
    return Core::makeError(Core::ErrorCode::Internal, u"A rollup row holds no valid latency histogram."_s);
}

// Every minute row [from, to) of @p table: @p select (which ends in "WHERE <partition columns> =
// ? AND ... AND time >= ? AND time < ?") runs once per distinct value of @p partitions (an index
// prefix: one range read each) and hands each row and its partition to @p row.
template<typename Row>
Status forEachMinuteRow(Database &db, const QString &table, const QStringList &partitions, const QString &select,
    qint64 from, qint64 to, Row &&row)
{
    const auto values = distinctPrefixes(db, table, partitions);
    if (!values)
        return values.error();
    QSqlQuery minutes = db.prepare(select);
    for (const QStringList &partition : *values) {
        for (qsizetype i = 0; i < partition.size(); ++i)
            minutes.bindValue(int(i), partition.at(i));
        minutes.bindValue(int(partition.size()), from);
        minutes.bindValue(int(partition.size()) + 1, to);
        if (!exec(minutes))
            return sqlError(minutes);
        while (minutes.next()) {
            if (Status status = row(minutes, partition); !status)
                return status;
        }
    }
    return {};
}

// The minute rows [from, to) of the detail rollups, added to their hour, day and month rows.
Status rollUpDetail(Database &db, qint64 from, qint64 to)
{
    QHash<DetailKey, VerificationMetrics> rows;
    const Status read = forEachMinuteRow(db, u"verification_detail_rollups_minute"_s, {u"workspace_id"_s},
        u"SELECT time, keyspace_id, key_id, identity_id, external_id, outcome, tags, count, spent_credits,"
        " latency_sum_us, latency_hist, last_time FROM verification_detail_rollups_minute"
        " WHERE workspace_id = ? AND time >= ? AND time < ?"_s,
        from, to, [&](const QSqlQuery &minute, const QStringList &workspace) -> Status {
            VerificationMetrics metrics;
            metrics.count = minute.value(7).toLongLong();
            metrics.spentCredits = minute.value(8).toLongLong();
            metrics.latencySumUs = minute.value(9).toLongLong();
            metrics.lastTime = minute.value(11).toLongLong();
            if (Status status = addHistogram(metrics.latency, minute.value(10).toByteArray()); !status)
                return status;
            const auto text = [&](int column) {
                return minute.value(column).toString().toUtf8();
            };
            DetailKey key {Resolution::Hour, 0, workspace.first().toUtf8(), text(1), text(2), text(3), text(4), text(5),
                text(6)};
            for (Resolution resolution : {Resolution::Hour, Resolution::Day, Resolution::Month}) {
                key.resolution = resolution;
                key.time = bucketStart(minute.value(0).toLongLong(), resolution);
                rows[key].merge(metrics);
            }
            return {};
        });
    return read ? upsertDetail(db, rows) : read;
}

// The minute rows [from, to) of the rate-limit rollups (identifiers and whole namespaces), added
// to their hour and day rows.
Status rollUpRatelimits(Database &db, qint64 from, qint64 to)
{
    QHash<RatelimitKey, RatelimitMetrics> rows;
    const Status read = forEachMinuteRow(db, u"ratelimit_rollups_minute"_s, {u"workspace_id"_s, u"namespace_id"_s},
        u"SELECT identifier, time, passed, blocked, passed_cost, blocked_cost, latency_sum_us, latency_hist,"
        " last_time FROM ratelimit_rollups_minute WHERE workspace_id = ? AND namespace_id = ? AND time >= ?"
        " AND time < ?"_s,
        from, to, [&](const QSqlQuery &minute, const QStringList &ns) -> Status {
            RatelimitMetrics metrics;
            metrics.passed = minute.value(2).toLongLong();
            metrics.blocked = minute.value(3).toLongLong();
            metrics.passedCost = minute.value(4).toLongLong();
            metrics.blockedCost = minute.value(5).toLongLong();
            metrics.latencySumUs = minute.value(6).toLongLong();
            metrics.lastTime = minute.value(8).toLongLong();
            if (Status status = addHistogram(metrics.latency, minute.value(7).toByteArray()); !status)
                return status;
            for (Resolution resolution : {Resolution::Hour, Resolution::Day}) {
                rows[{resolution, ns.at(0), ns.at(1), minute.value(0).toString(),
                         bucketStart(minute.value(1).toLongLong(), resolution)}]
                    .merge(metrics);
            }
            return {};
        });
    return read ? upsertRatelimit(db, rows) : read;
}

qint64 newestTime(const AnalyticsBatch &batch)
{
    qint64 newest = 0;
    for (const Core::VerificationEvent &event : batch.verifications)
        newest = std::max(newest, event.timeMs);
    for (const Core::RatelimitEvent &event : batch.ratelimits)
        newest = std::max(newest, event.timeMs);
    return newest;
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

Status AnalyticsStore::write(const AnalyticsBatch &batch, RollUp mode)
{
    return m_db.write([&] { return record(batch, mode); }, Database::Invalidation::None);
}

Status AnalyticsStore::record(const AnalyticsBatch &batch, RollUp mode)
{
    if (batch.isEmpty())
        return {};
    const QSqlDatabase connection = m_db.connection();
    if (!registerFunctions(connection))
        return noHandle();
    auto rolled = rolledUntil();
    if (!rolled)
        return rolled.error();
    // Once a minute (RollUp::InBatch): every minute before the one before the batch's newest is
    // complete (a minute's grace for events stamped just before it and published late). Those
    // written by earlier batches are rolled up first; this batch's events of complete minutes then
    // go into every resolution at once (rolling them up right after writing their minute rows
    // would cost more), the others into their minute rows only.
    if (const qint64 complete = bucketStart(newestTime(batch), Resolution::Minute) - MinuteMs;
        mode == RollUp::InBatch && complete > *rolled) {
        if (Status status = rollUp(*rolled, complete); !status)
            return status;
        rolled = complete;
    }
    if (Status status = recordVerifications(batch.verifications, *rolled); !status)
        return status;
    if (Status status = updateLastUsed(batch.verifications); !status)
        return status;
    return recordRatelimits(batch.ratelimits, *rolled);
}

Core::Result<qint64> AnalyticsStore::rolledUntil()
{
    // Read once per batch: a cached statement (no Qt Sql prepare per batch).
    Database::Statement query = m_db.statement(AnalyticsSql::rolledUntilSelect());
    if (!query.isValid())
        return noHandle();
    if (!query.next()) {
        return Core::makeError(Core::ErrorCode::Internal,
            u"The analytics roll-up state cannot be read: %1"_s.arg(query.error().isEmpty() ? u"no row"_s : query.error()));
    }
    return query.integer(0);
}

Status AnalyticsStore::rollUp(qint64 from, qint64 to)
{
    if (Status status = rollUpDetail(m_db, from, to); !status)
        return status;
    if (Status status = rollUpRatelimits(m_db, from, to); !status)
        return status;
    QSqlQuery advance = m_db.prepare(u"UPDATE analytics_rollup_state SET rolled_until = ?"_s);
    advance.addBindValue(to);
    if (!exec(advance))
        return sqlError(advance);
    return {};
}

Status AnalyticsStore::writeRollUp(qint64 untilMs)
{
    return m_db.write(
        [&]() -> Status {
            if (!registerFunctions(m_db.connection()))
                return noHandle();
            const auto rolled = rolledUntil();
            if (!rolled)
                return rolled.error();
            const qint64 until = bucketStart(untilMs, Resolution::Minute);
            return until > *rolled ? rollUp(*rolled, until) : Status {};
        },
        Database::Invalidation::None);
}

Status AnalyticsStore::recordVerifications(const QList<Core::VerificationEvent> &events, qint64 rolledUntil)
{
    if (events.isEmpty())
        return {};
    RawRows<Core::VerificationEvent> raw(m_db);
    QHash<VerificationGroupKey, VerificationMetrics> groups;
    groups.reserve(events.size());
    QHash<QStringList, QString> tagsText; // traffic repeats a few tag sets; JSON-encode each once
    for (const Core::VerificationEvent &event : events) {
        auto cachedTags = tagsText.constFind(event.tags);
        if (cachedTags == tagsText.constEnd())
            cachedTags = tagsText.insert(event.tags, tagsJson(event.tags));
        const QString tags = *cachedTags;
        if (Status status = raw.add(event, tags); !status)
            return status;
        groups[{bucketStart(event.timeMs, Resolution::Minute), event.workspaceId, event.apiId, event.keyspaceId,
                   event.keyId, event.identityId, event.externalId, event.outcome, tags}]
            .add(event);
    }
    if (Status status = raw.flush(); !status)
        return status;

    QHash<ScopedKey, VerificationMetrics> scoped;
    QHash<DetailKey, VerificationMetrics> detail;
    spreadGroups(groups, rolledUntil, scoped, detail);
    if (Status status = upsertScoped(m_db, scoped); !status)
        return status;
    return upsertDetail(m_db, detail);
}

Status AnalyticsStore::recordRatelimits(const QList<Core::RatelimitEvent> &events, qint64 rolledUntil)
{
    if (events.isEmpty())
        return {};
    RawRows<Core::RatelimitEvent> raw(m_db);
    QHash<RatelimitKey, RatelimitMetrics> groups; // per minute and identifier
    for (const Core::RatelimitEvent &event : events) {
        if (Status status = raw.add(event); !status)
            return status;
        groups[{Resolution::Minute, event.workspaceId, event.namespaceId, event.identifier,
                   bucketStart(event.timeMs, Resolution::Minute)}]
            .add(event);
    }
    if (Status status = raw.flush(); !status)
        return status;
    // The minute rows; hour and day rows only for minutes already rolled up (late events), the
    // others get there through rollUp().
    QHash<RatelimitKey, RatelimitMetrics> rows;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        for (Resolution resolution : ScopedResolutions) {
            if (resolution != Resolution::Minute && it.key().time >= rolledUntil)
                break;
            RatelimitKey key = it.key();
            key.resolution = resolution;
            key.time = bucketStart(key.time, resolution);
            rows[key].merge(it.value());
            key.identifier = u""_s;
            rows[key].merge(it.value());
        }
    }
    return upsertRatelimit(m_db, rows);
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
    CachedAnalyticsStatement update(m_db, AnalyticsSql::lastUsedUpdate());
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        update->bind(1, it.value());
        update->bind(2, it.key());
        if (Status status = update->run(); !status)
            return status;
    }
    return {};
}

} // namespace Latchkey::Store
