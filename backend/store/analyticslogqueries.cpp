// The newest-first logs of AnalyticsQueries: raw verification events, raw rate-limit events and
// audit rows. Each is keyset-paginated on (time DESC, id DESC): the cursor is the first row of the
// next page, inclusive, so pages never overlap nor skip a row even when rows share a millisecond.

#include "store/analyticsqueries.h"

#include "store/auditlog.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

/// WHERE clauses and their bound values, in order.
struct Where {
    QStringList clauses;
    QVariantList binds;

    void add(const QString &clause, const QVariantList &values = {})
    {
        clauses.append(clause);
        binds.append(values);
    }
    void in(const QString &column, const QStringList &values)
    {
        if (values.isEmpty())
            return;
        add(column + u" IN ("_s + QStringList(values.size(), u"?"_s).join(u',') + u')', {});
        for (const QString &value : values)
            binds.append(value);
    }
    void range(const std::optional<qint64> &startMs, const std::optional<qint64> &endMs)
    {
        if (startMs)
            add(u"time >= ?"_s, {*startMs});
        if (endMs)
            add(u"time < ?"_s, {*endMs});
    }
    /// Rows at or after the cursor in (time DESC, id DESC) order; @p id bound as given.
    void from(const std::optional<LogCursor> &cursor, const QVariant &id)
    {
        if (cursor)
            add(u"(time < ? OR (time = ? AND id <= ?))"_s, {cursor->timeMs, cursor->timeMs, id});
    }
    [[nodiscard]] QString sql() const { return clauses.join(u" AND "_s); }
};

Core::Result<QSqlQuery> select(Database &db, const QString &columns, const QString &table, const Where &where,
                               int limit)
{
    QSqlQuery query = db.prepare(u"SELECT "_s + columns + u" FROM "_s + table + u" WHERE "_s + where.sql()
                                 + u" ORDER BY time DESC, id DESC LIMIT ?"_s);
    for (const QVariant &value : where.binds)
        query.addBindValue(value);
    query.addBindValue(limit + 1);
    if (!exec(query))
        return sqlError(query);
    return query;
}

/// Reads up to @p limit rows with @p read; row limit + 1 becomes the next page's cursor.
template<typename Row>
Page<Row, LogCursor> paginate(QSqlQuery &query, int limit, const std::function<Row(const QSqlQuery &)> &read,
                              int timeColumn)
{
    Page<Row, LogCursor> page;
    while (query.next()) {
        if (page.rows.size() == limit) {
            page.next = LogCursor{query.value(timeColumn).toLongLong(), query.value(0).toString()};
            break;
        }
        page.rows.append(read(query));
    }
    return page;
}

/// @p text for a LIKE pattern with ESCAPE '\': its `%`, `_` and backslashes match only themselves.
QString likeLiteral(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() * 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

/// Rows with a target whose name contains @p text in any case. target_names holds a row's names
/// folded when it was written (schema 7), so the scan reads one short column per row instead of
/// parsing its targets JSON and folding every name (docs/BENCHMARKS.md, "Store list queries").
/// LIKE alone folds only ASCII, hence both sides folded by QString::toCaseFolded(). A text
/// without the separator matches inside one name; one with it also checks each name on its own.
void addTargetName(Where &where, const QString &text)
{
    const QString folded = text.toCaseFolded();
    const QString pattern = u'%' + likeLiteral(folded) + u'%';
    where.add(u"target_names LIKE ? ESCAPE '\\'"_s, {pattern});
    if (folded.contains(AuditLog::TargetNameSeparator)) {
        where.add(u"EXISTS (SELECT 1 FROM json_each(audit_logs.targets)"
                  " WHERE lk_casefold(json_extract(value, '$.name')) LIKE ? ESCAPE '\\')"_s,
                  {pattern});
    }
}

QStringList tagsOf(const QString &json)
{
    QStringList tags;
    for (const QJsonValue &tag : QJsonDocument::fromJson(json.toUtf8()).array())
        tags.append(tag.toString());
    return tags;
}

VerificationLogRow verificationRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
            q.value(11).toString(), tagsOf(q.value(8).toString()), q.value(9).toLongLong(), q.value(10).toLongLong()};
}

RatelimitLogRow ratelimitRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toInt() != 0, q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong(),
            q.value(8).toLongLong(), q.value(9).toLongLong(), q.value(10).toString()};
}

AuditLogRow auditRow(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
            q.value(8).toString(), q.value(9).toString(), q.value(10).toString(), q.value(11).toString()};
}

} // namespace

QString LogCursor::encode() const
{
    const QByteArray text = QByteArray::number(timeMs) + ':' + id.toUtf8();
    return QString::fromLatin1(text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<LogCursor> LogCursor::decode(const QString &text)
{
    const auto result = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    const QByteArray *decoded = &result.decoded;
    const qsizetype colon = decoded->indexOf(':');
    bool ok = false;
    const qint64 timeMs = colon > 0 ? decoded->left(colon).toLongLong(&ok) : 0;
    if (!ok || colon + 1 >= decoded->size())
        return std::nullopt;
    return LogCursor{timeMs, QString::fromUtf8(decoded->mid(colon + 1))};
}

Core::Result<Page<VerificationLogRow, LogCursor>> AnalyticsQueries::verificationLog(
    const QString &workspaceId, const VerificationLogFilter &filter, const std::optional<LogCursor> &cursor, int limit)
{
    Where where;
    where.add(u"workspace_id = ?"_s, {workspaceId});
    where.in(u"outcome"_s, filter.outcomes);
    if (!filter.keyId.isEmpty())
        where.add(u"key_id = ?"_s, {filter.keyId});
    if (!filter.identityId.isEmpty())
        where.add(u"identity_id = ?"_s, {filter.identityId});
    if (!filter.keyspaceId.isEmpty())
        where.add(u"keyspace_id = ?"_s, {filter.keyspaceId});
    for (const QString &tag : filter.tags)
        where.add(u"EXISTS (SELECT 1 FROM json_each(verification_events.tags) WHERE value = ?)"_s, {tag});
    where.range(filter.startMs, filter.endMs);
    where.from(cursor, cursor ? QVariant(cursor->id.toLongLong()) : QVariant());
    auto query = select(m_db,
        u"id, request_id, time, coalesce(api_id, ''), coalesce(key_id, ''), coalesce(identity_id, ''),"
        " coalesce(external_id, ''), outcome, tags, spent_credits, latency_us, coalesce(node, '')"_s,
        u"verification_events"_s, where, limit);
    if (!query)
        return query.error();
    return paginate<VerificationLogRow>(*query, limit, verificationRow, 2);
}

Core::Result<Page<RatelimitLogRow, LogCursor>> AnalyticsQueries::ratelimitLog(
    const QString &workspaceId, const RatelimitLogFilter &filter, const std::optional<LogCursor> &cursor, int limit)
{
    Where where;
    where.add(u"workspace_id = ? AND namespace_id = ?"_s, {workspaceId, filter.namespaceId});
    if (!filter.identifier.isEmpty())
        where.add(u"identifier = ?"_s, {filter.identifier});
    if (filter.passed)
        where.add(u"passed = ?"_s, {*filter.passed ? 1 : 0});
    where.range(filter.startMs, filter.endMs);
    where.from(cursor, cursor ? QVariant(cursor->id.toLongLong()) : QVariant());
    auto query = select(m_db,
        u"id, request_id, time, identifier, passed, coalesce(\"limit\", 0), coalesce(remaining, 0),"
        " coalesce(reset, 0), coalesce(cost, 0), coalesce(latency_us, 0), coalesce(override_id, '')"_s,
        u"ratelimit_events"_s, where, limit);
    if (!query)
        return query.error();
    return paginate<RatelimitLogRow>(*query, limit, ratelimitRow, 2);
}

Core::Result<Page<AuditLogRow, LogCursor>> AnalyticsQueries::auditLog(
    const QString &workspaceId, const AuditLogFilter &filter, const std::optional<LogCursor> &cursor, int limit)
{
    Where where;
    where.add(u"workspace_id = ?"_s, {workspaceId});
    where.in(u"event"_s, filter.events);
    if (!filter.actorId.isEmpty())
        where.add(u"actor_id = ?"_s, {filter.actorId});
    if (!filter.targetId.isEmpty() && filter.includeOwnedKeys) {
        where.add(u"EXISTS (SELECT 1 FROM json_each(audit_logs.targets) WHERE json_extract(value, '$.id') = ?"
                  " OR json_extract(value, '$.id') IN (SELECT id FROM keys WHERE workspace_id = ? AND identity_id = ?))"_s,
                  {filter.targetId, workspaceId, filter.targetId});
    } else if (!filter.targetId.isEmpty()) {
        where.add(u"EXISTS (SELECT 1 FROM json_each(audit_logs.targets) WHERE json_extract(value, '$.id') = ?)"_s,
                  {filter.targetId});
    }
    if (!filter.targetName.isEmpty())
        addTargetName(where, filter.targetName);
    where.range(filter.startMs, filter.endMs);
    where.from(cursor, cursor ? QVariant(cursor->id) : QVariant());
    // A row that names a key space (an API's internal half) but not its API gets the API as a
    // further target, so the log names what its readers know: keys.updateCredits wrote such rows
    // before it named the API itself.
    const QString targets = u"coalesce((SELECT json_insert(audit_logs.targets, '$[#]',"
                            " json_object('type', 'api', 'id', apis.id, 'name', apis.name))"
                            " FROM json_each(audit_logs.targets) AS target JOIN apis"
                            " ON apis.workspace_id = audit_logs.workspace_id"
                            " AND apis.keyspace_id = json_extract(target.value, '$.id')"
                            " WHERE json_extract(target.value, '$.type') = 'keySpace' AND NOT EXISTS (SELECT 1"
                            " FROM json_each(audit_logs.targets) WHERE json_extract(value, '$.type') = 'api')"
                            " LIMIT 1), targets)"_s;
    auto query = select(m_db,
        u"id, time, event, description, actor_type, actor_id, coalesce(actor_name, ''), "_s + targets
            + u", coalesce(remote_ip, ''), coalesce(user_agent, ''), coalesce(request_id, ''), coalesce(changes, '')"_s,
        u"audit_logs"_s, where, limit);
    if (!query)
        return query.error();
    return paginate<AuditLogRow>(*query, limit, auditRow, 1);
}

} // namespace Latchkey::Store
