// AnalyticsStore::expire(): retention deletes in small chunks, each found through an index of its
// table that leads with (workspace_id, [scope, scope_id | namespace_id], time).

#include "store/analyticsstore.h"

#include "store/analyticssql.h"
#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

struct TableSpec {
    QString name;
    std::optional<Resolution> resolution;
    /// The leading index columns before `time`: expiry walks their distinct values (a skip scan)
    /// and deletes by an index range within each.
    QStringList partitions;
    /// What identifies a row (rowid or the primary key of a WITHOUT ROWID table).
    QString rowKey;
};

const QString ScopedKey = u"workspace_id, scope, scope_id, time, outcome"_s;
// Scope rollups have no time index (schema 4): their primary key leads with the three columns
// before `time`, and there are few scope ids (the workspace and its APIs).
const QStringList ScopedPartitions = {u"workspace_id"_s, u"scope"_s, u"scope_id"_s};
const QString DetailKey = u"workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s;
const QString RatelimitKey = u"workspace_id, namespace_id, identifier, time"_s;

const TableSpec &spec(AnalyticsTable table)
{
    static const TableSpec specs[AnalyticsTableCount] = {
        {u"verification_events"_s, std::nullopt, {u"workspace_id"_s}, u"id"_s},
        {u"ratelimit_events"_s, std::nullopt, {u"workspace_id"_s, u"namespace_id"_s}, u"id"_s},
        {u"verification_rollups_minute"_s, Resolution::Minute, ScopedPartitions, ScopedKey},
        {u"verification_rollups_hour"_s, Resolution::Hour, ScopedPartitions, ScopedKey},
        {u"verification_rollups_day"_s, Resolution::Day, ScopedPartitions, ScopedKey},
        {u"verification_detail_rollups_minute"_s, Resolution::Minute, {u"workspace_id"_s}, DetailKey},
        {u"verification_detail_rollups_hour"_s, Resolution::Hour, {u"workspace_id"_s}, DetailKey},
        {u"verification_detail_rollups_day"_s, Resolution::Day, {u"workspace_id"_s}, DetailKey},
        {u"verification_detail_rollups_month"_s, Resolution::Month, {u"workspace_id"_s}, DetailKey},
        {u"ratelimit_rollups_minute"_s, Resolution::Minute, {u"workspace_id"_s, u"namespace_id"_s}, RatelimitKey},
        {u"ratelimit_rollups_hour"_s, Resolution::Hour, {u"workspace_id"_s, u"namespace_id"_s}, RatelimitKey},
        {u"ratelimit_rollups_day"_s, Resolution::Day, {u"workspace_id"_s, u"namespace_id"_s}, RatelimitKey},
    };
    return specs[int(table)];
}

// "a = ? AND b = ?" over the first @p count partition columns.
QString fixedColumns(const TableSpec &table, qsizetype count)
{
    QStringList terms;
    for (qsizetype i = 0; i < count; ++i)
        terms.append(table.partitions.at(i) + u" = ?"_s);
    return terms.join(u" AND "_s);
}

} // namespace

QString tableName(AnalyticsTable table)
{
    return spec(table).name;
}

std::optional<Resolution> tableResolution(AnalyticsTable table)
{
    return spec(table).resolution;
}

Core::Result<int> AnalyticsStore::expire(AnalyticsTable table, qint64 cutoffMs, int limit)
{
    const TableSpec &target = spec(table);
    int deleted = 0;
    const Core::Status written = m_db.write(
        [&]() -> Core::Status {
            const auto partitions = distinctPrefixes(m_db, target.name, target.partitions);
            if (!partitions)
                return partitions.error();
            // Minutes not rolled up yet stay until they are: their hour and day rows are built from them.
            qint64 cutoff = cutoffMs;
            if (target.resolution == Resolution::Minute) {
                const auto rolled = rolledUntil();
                if (!rolled)
                    return rolled.error();
                cutoff = std::min(cutoff, *rolled);
            }
            const QString rowKey = target.rowKey.contains(u',') ? u'(' + target.rowKey + u')' : target.rowKey;
            QSqlQuery remove = m_db.prepare(u"DELETE FROM "_s + target.name + u" WHERE "_s + rowKey + u" IN (SELECT "_s
                + target.rowKey + u" FROM "_s + target.name + u" WHERE "_s
                + fixedColumns(target, target.partitions.size()) + u" AND time < ? LIMIT ?)"_s);
            for (const QStringList &partition : *partitions) {
                if (deleted >= limit)
                    break;
                for (qsizetype i = 0; i < partition.size(); ++i)
                    remove.bindValue(int(i), partition.at(i));
                remove.bindValue(int(partition.size()), cutoff);
                remove.bindValue(int(partition.size()) + 1, limit - deleted);
                if (!exec(remove))
                    return sqlError(remove);
                deleted += remove.numRowsAffected();
            }
            return {};
        },
        Database::Invalidation::None);
    if (!written)
        return written.error();
    return deleted;
}

} // namespace Latchkey::Store
