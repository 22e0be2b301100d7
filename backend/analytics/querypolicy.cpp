#include "analytics/querypolicy.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Analytics {

using Core::ErrorCode;

namespace {

QByteArray lower(const char *text)
{
    return text ? QByteArray(text).toLower() : QByteArray();
}

QByteArray pair(const QByteArray &name, const QByteArray &context)
{
    return name + '\n' + context;
}

// The statement an authorizer action belongs to, for the 400's detail.
QString statementKind(int action, const char *arg3)
{
    const QByteArray what = arg3 ? QByteArray(arg3) : QByteArray();
    switch (action) {
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TEMP_INDEX:
        return u"CREATE INDEX"_s;
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TEMP_TABLE:
        return u"CREATE TABLE"_s;
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_TEMP_TRIGGER:
        return u"CREATE TRIGGER"_s;
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_TEMP_VIEW:
        return u"CREATE VIEW"_s;
    case SQLITE_CREATE_VTABLE:
        return u"CREATE VIRTUAL TABLE"_s;
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TEMP_INDEX:
        return u"DROP INDEX"_s;
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TEMP_TABLE:
        return u"DROP TABLE"_s;
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_TEMP_TRIGGER:
        return u"DROP TRIGGER"_s;
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_TEMP_VIEW:
        return u"DROP VIEW"_s;
    case SQLITE_DROP_VTABLE:
        return u"DROP VIRTUAL TABLE"_s;
    case SQLITE_ALTER_TABLE:
        return u"ALTER TABLE"_s;
    case SQLITE_INSERT:
        return u"INSERT"_s;
    case SQLITE_UPDATE:
        return u"UPDATE"_s;
    case SQLITE_DELETE:
        return u"DELETE"_s;
    case SQLITE_PRAGMA:
        return u"PRAGMA"_s;
    case SQLITE_ATTACH:
        return u"ATTACH"_s;
    case SQLITE_DETACH:
        return u"DETACH"_s;
    case SQLITE_REINDEX:
        return u"REINDEX"_s;
    case SQLITE_ANALYZE:
        return u"ANALYZE"_s;
    case SQLITE_TRANSACTION:
        return what.isEmpty() ? u"a transaction"_s : QString::fromUtf8(what);
    case SQLITE_SAVEPOINT:
        if (what == "RELEASE")
            return u"RELEASE"_s;
        return what == "ROLLBACK" ? u"ROLLBACK TO"_s : u"SAVEPOINT"_s;
    default:
        return u"this statement"_s;
    }
}

QString viewList()
{
    return QueryPolicy::publicViews().join(u", "_s);
}

} // namespace

const QStringList &QueryPolicy::publicViews()
{
    static const QStringList views {
        u"key_verifications_v1"_s,
        u"key_verifications_per_minute_v1"_s,
        u"key_verifications_per_hour_v1"_s,
        u"key_verifications_per_day_v1"_s,
        u"key_verifications_per_month_v1"_s,
    };
    return views;
}

const QSet<QByteArray> &QueryPolicy::functionAllowList()
{
    // Pure functions of their arguments: none reads a table, the file system or the connection.
    static const QSet<QByteArray> functions {
        // aggregates
        "count",
        "sum",
        "total",
        "avg",
        "min",
        "max",
        "group_concat",
        // window functions
        "row_number",
        "rank",
        "dense_rank",
        "percent_rank",
        "cume_dist",
        "ntile",
        "lag",
        "lead",
        "first_value",
        "last_value",
        "nth_value",
        // scalars; LIKE and GLOB are reported as the functions "like" and "glob"
        "abs",
        "round",
        "coalesce",
        "ifnull",
        "nullif",
        "iif",
        "typeof",
        "like",
        "glob",
        "lower",
        "upper",
        "substr",
        "substring",
        "length",
        "trim",
        "ltrim",
        "rtrim",
        "instr",
        "replace",
        "printf",
        "format",
        // date and time
        "date",
        "time",
        "datetime",
        "julianday",
        "strftime",
        "unixepoch",
        // JSON (tags are JSON arrays); "->" and "->>" are the JSON operators
        "json",
        "json_extract",
        "json_array_length",
        "json_type",
        "json_valid",
        "->",
        "->>",
        // the scope of the query (what the views filter by)
        "lk_workspace",
        "lk_keyspace_allowed",
    };
    return functions;
}

void QueryPolicy::learn(int action, const char *arg3, const char *arg4, const char *context)
{
    if (!context)
        return;
    if (action == SQLITE_READ && arg3)
        m_viewReads.insert(pair(lower(arg3), lower(context)));
    else if (action == SQLITE_FUNCTION && arg4)
        m_viewFunctions.insert(pair(lower(arg4), lower(context)));
}

std::optional<Core::Error> QueryPolicy::decide(
    Stage stage, int action, const char *arg3, const char *arg4, const char *database, const char *context) const
{
    switch (action) {
    case SQLITE_SELECT:
        return std::nullopt;
    case SQLITE_READ:
        return decideRead(stage, lower(arg3), arg4, lower(database), lower(context));
    case SQLITE_FUNCTION:
        return decideFunction(stage, lower(arg4), lower(context));
    case SQLITE_RECURSIVE:
        return Core::makeError(
            ErrorCode::InvalidAnalyticsQuery, u"recursive common table expressions (WITH RECURSIVE) are not allowed"_s);
    default:
        break;
    }
    QString kind = statementKind(action, arg3);
    if (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE) {
        // DDL asks to write the schema table before naming itself (and SQLite stops at the first
        // refusal), so that is what the detail can say.
        const QByteArray table = lower(arg3);
        if (table == "sqlite_master" || table == "sqlite_temp_master")
            kind = u"changing the schema (CREATE, DROP, ALTER, ...)"_s;
        else if (!table.isEmpty())
            kind += u" of "_s + QString::fromUtf8(arg3);
    }
    return Core::makeError(
        ErrorCode::InvalidAnalyticsQueryType, kind + u" is not allowed: only SELECT queries can be run"_s);
}

std::optional<Core::Error> QueryPolicy::decideRead(Stage stage, const QByteArray &table, const char *column,
    const QByteArray &database, const QByteArray &context) const
{
    if (publicViews().contains(QString::fromUtf8(table)) || table == "json_each") {
        if (database.isEmpty() || database == "main")
            return std::nullopt;
    } else if (column && !*column && database.isEmpty() && !isRelation(table)) {
        // A FROM-clause item none of whose columns is used (count(*)) is reported by its name as
        // written, which for a CTE names no relation; its own body is authorized separately.
        return std::nullopt;
    } else if (stage == Stage::Query && (database.isEmpty() || database == "main") && !context.isEmpty()
        && m_viewReads.contains(pair(table, context))) {
        return std::nullopt;
    }
    const QString name = database.isEmpty() || database == "main" ? QString::fromUtf8(table)
                                                                  : QString::fromUtf8(database + '.' + table);
    return Core::makeError(
        ErrorCode::InvalidAnalyticsTable, u"table '%1' is not allowed; query one of %2"_s.arg(name, viewList()));
}

bool QueryPolicy::isRelation(const QByteArray &name) const
{
    // pragma_* are the eponymous virtual tables of pragmas, created on first use by that prefix.
    return m_relations.contains(name) || name.startsWith("pragma_") || name.startsWith("sqlite_");
}

std::optional<Core::Error> QueryPolicy::decideFunction(
    Stage stage, const QByteArray &function, const QByteArray &context) const
{
    if (functionAllowList().contains(function))
        return std::nullopt;
    if (stage == Stage::Query && !context.isEmpty() && m_viewFunctions.contains(pair(function, context)))
        return std::nullopt;
    return Core::makeError(
        ErrorCode::InvalidAnalyticsFunction, u"function '%1' is not allowed"_s.arg(QString::fromUtf8(function)));
}

} // namespace Latchkey::Analytics
