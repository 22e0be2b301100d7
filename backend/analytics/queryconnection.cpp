#include "analytics/queryconnection.h"

#include "store/analyticsstore.h"

#include <QFile>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Analytics {

Q_LOGGING_CATEGORY(lcQuery, "latchkey.analytics.query")

using Core::ErrorCode;
using Core::makeError;

namespace {

constexpr int kOpsBetweenDeadlineChecks = 1000;
constexpr char kWarmUp[] = "PRAGMA query_only = ON; SELECT * FROM json_each('[]'); SELECT * FROM json_tree('[]');";

QString errorMessage(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

QByteArray quoted(const QString &identifier)
{
    return '"' + identifier.toUtf8().replace('"', QByteArrayLiteral("\"\"")) + '"';
}

// Failures of the database rather than of the query.
bool isDatabaseTrouble(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PROTOCOL:
        return true;
    default:
        return false;
    }
}

Core::Error unavailable()
{
    return makeError(ErrorCode::ServiceUnavailable, u"The analytics database is not available right now."_s);
}

// Both the database and the probe run with the same settings, so a query resolves alike on both.
bool harden(sqlite3 *db, const QueryLimits &limits)
{
    int ignored = 0;
    const bool configured = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored) == SQLITE_OK
        && sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored) == SQLITE_OK
        && sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, &ignored) == SQLITE_OK
        && sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, &ignored) == SQLITE_OK;
    // A string, blob or sorter row may not grow past the answer's size (1 MiB at least, so small
    // test limits do not break sorting).
    const qsizetype maxValue = qBound(qsizetype(1) << 20, limits.maxResultBytes, qsizetype(1) << 30);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, int(maxValue));
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 50);
    sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
    return configured;
}

} // namespace

Core::Result<std::unique_ptr<QueryConnection>> QueryConnection::open(const QString &path, const QueryLimits &limits)
{
    std::unique_ptr<QueryConnection> connection(new QueryConnection);
    if (Core::Status ready = connection->setUp(path, limits); !ready)
        return ready.error();
    return connection;
}

QueryConnection::~QueryConnection()
{
    sqlite3_close_v2(m_db);
    sqlite3_close_v2(m_probe);
}

Core::Status QueryConnection::setUp(const QString &path, const QueryLimits &limits)
{
    // NOMUTEX: the sandbox hands a connection to one thread at a time.
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr) != SQLITE_OK
        || !harden(m_db, limits)) {
        qCWarning(lcQuery) << "cannot open" << path << "read-only:" << errorMessage(m_db);
        return unavailable();
    }
    sqlite3_busy_timeout(m_db, 2000);
    // Deterministic within one statement (the scope is fixed from prepare to finalize), which lets
    // SQLite evaluate lk_workspace() once per query and use the (workspace_id, time) index.
    const int traits = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(m_db, "lk_workspace", 0, traits, this, &workspaceFunction, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(
        m_db, "lk_keyspace_allowed", 1, traits, this, &keyspaceAllowedFunction, nullptr, nullptr, nullptr);
    // The views of the hour, day and month rollups merge the histograms of the minutes not rolled
    // up yet (schema 5); a query may not call them itself (QueryPolicy allows what views need).
    if (!Store::AnalyticsStore::registerReadFunctions(m_db))
        return unavailable();
    m_mode = Mode::Setup;
    sqlite3_set_authorizer(m_db, &authorize, this);
    // The first use of an eponymous virtual table registers it (an internal schema change the
    // authorizer would see), so that happens here for the two a query may name: json_each, allowed,
    // and json_tree, refused as a table.
    if (sqlite3_exec(m_db, kWarmUp, nullptr, nullptr, nullptr) != SQLITE_OK) {
        qCWarning(lcQuery) << "cannot configure the analytics connection:" << errorMessage(m_db);
        return unavailable();
    }
    if (Core::Status learned = learnViews(); !learned)
        return learned;
    if (Core::Status listed = listRelations(); !listed)
        return listed;
    Core::Status probe = createProbe(limits);
    m_mode = Mode::Closed;
    return probe;
}

Core::Status QueryConnection::learnViews()
{
    // Preparing `SELECT * FROM <view>` shows the authorizer every table and function the view
    // itself needs, with the view named as responsible; QueryPolicy allows exactly those.
    for (const QString &view : QueryPolicy::publicViews()) {
        const QByteArray sql = "SELECT * FROM main." + quoted(view);
        sqlite3_stmt *statement = nullptr;
        const int rc = sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &statement, nullptr);
        if (rc != SQLITE_OK) {
            const QString reason = errorMessage(m_db);
            sqlite3_finalize(statement);
            qCWarning(lcQuery) << "analytics view" << view << "is not usable:" << reason;
            if (isDatabaseTrouble(rc))
                return unavailable();
            return makeError(ErrorCode::AnalyticsNotConfigured,
                u"Analytics are not available: the view %1 is missing (%2)."_s.arg(view, reason));
        }
        QStringList columns;
        for (int column = 0; column < sqlite3_column_count(statement); ++column)
            columns.append(QString::fromUtf8(sqlite3_column_name(statement, column)));
        sqlite3_finalize(statement);
        m_viewColumns.append(columns);
    }
    return {};
}

Core::Status QueryConnection::listRelations()
{
    static const char sql[] = "SELECT lower(name) FROM main.sqlite_schema WHERE type IN ('table', 'view')"
                              " UNION SELECT lower(name) FROM pragma_module_list";
    QSet<QByteArray> names;
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            names.insert(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) {
        qCWarning(lcQuery) << "cannot list the relations of the database:" << errorMessage(m_db);
        return unavailable();
    }
    m_policy.setRelations(std::move(names));
    return {};
}

Core::Status QueryConnection::createProbe(const QueryLimits &limits)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(":memory:", &m_probe, flags, nullptr) != SQLITE_OK || !harden(m_probe, limits))
        return unavailable();
    // The probe's scope functions have no connection behind them: they answer NULL / 0.
    const int traits = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(
        m_probe, "lk_workspace", 0, traits, nullptr, &workspaceFunction, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(
        m_probe, "lk_keyspace_allowed", 1, traits, nullptr, &keyspaceAllowedFunction, nullptr, nullptr, nullptr);
    QByteArray ddl;
    for (qsizetype i = 0; i < m_viewColumns.size(); ++i) {
        QByteArrayList columns;
        for (const QString &column : m_viewColumns.at(i))
            columns.append(quoted(column));
        ddl += "CREATE TABLE main." + quoted(QueryPolicy::publicViews().at(i)) + " (" + columns.join(", ") + ");";
    }
    ddl += kWarmUp;
    if (sqlite3_exec(m_probe, ddl.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        qCWarning(lcQuery) << "cannot build the analytics probe database:" << errorMessage(m_probe);
        return makeError(ErrorCode::Internal, u"The analytics query sandbox could not be set up."_s);
    }
    sqlite3_set_authorizer(m_probe, &authorize, this);
    return {};
}

Core::Result<QueryResult> QueryConnection::run(
    const QByteArray &sql, const QueryScope &scope, const QueryLimits &limits)
{
    setScope(&scope);
    const auto reset = qScopeGuard([this] {
        setScope(nullptr);
        m_mode = Mode::Closed;
    });
    const char *begin = sql.constData();
    const char *end = begin + sql.size();

    const char *tail = nullptr;
    auto prepared = prepare(m_db, Mode::Query, begin, end, &tail);
    if (!prepared)
        return prepared.error();
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(*prepared, &sqlite3_finalize);
    if (!statement)
        return makeError(ErrorCode::InvalidAnalyticsQuery, u"the query is empty"_s);
    if (Core::Status valid = checkStatement(statement.get(), limits); !valid)
        return valid.error();
    if (!onlyCommentsFollow(tail, end))
        return makeError(ErrorCode::InvalidAnalyticsQuery, u"only one statement is allowed"_s);

    auto probed = prepare(m_probe, Mode::Probe, begin, end, nullptr);
    if (!probed) {
        if (probed.error().code != ErrorCode::InvalidAnalyticsQuery)
            return probed.error();
        // It compiles against the real schema but not where only the public views exist: it names
        // a table of its own (a CTE shadowing a view over a raw table, for instance).
        return makeError(ErrorCode::InvalidAnalyticsTable,
            u"the query reads something other than the public views (%1); query one of %2"_s.arg(
                errorMessage(m_probe), QueryPolicy::publicViews().join(u", "_s)));
    }
    sqlite3_finalize(*probed);

    m_mode = Mode::Query; // a re-prepare during sqlite3_step (schema change) is authorized alike
    return execute(statement.get(), limits);
}

Core::Result<sqlite3_stmt *> QueryConnection::prepare(
    sqlite3 *db, Mode mode, const char *sql, const char *end, const char **tail)
{
    m_mode = mode;
    m_denial.reset();
    m_sawSelect = false;
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql, int(end - sql), &statement, tail);
    if (rc == SQLITE_OK)
        return statement;
    sqlite3_finalize(statement);
    if (m_denial)
        return *m_denial;
    if (isDatabaseTrouble(rc)) {
        qCWarning(lcQuery) << "analytics query could not be prepared:" << errorMessage(db);
        return unavailable();
    }
    return makeError(ErrorCode::InvalidAnalyticsQuery, u"the query is not valid: "_s + errorMessage(db));
}

bool QueryConnection::onlyCommentsFollow(const char *tail, const char *end)
{
    // SQLite's own tokenizer decides: what follows the statement must prepare to nothing. Everything
    // is denied meanwhile, so a second statement is never compiled into anything runnable.
    while (tail && tail < end) {
        const char *next = nullptr;
        sqlite3_stmt *statement = nullptr;
        m_mode = Mode::Closed;
        const int rc = sqlite3_prepare_v2(m_probe, tail, int(end - tail), &statement, &next);
        const bool empty = rc == SQLITE_OK && !statement;
        sqlite3_finalize(statement);
        if (!empty || !next || next <= tail)
            return false;
        tail = next;
    }
    return true;
}

Core::Status QueryConnection::checkStatement(sqlite3_stmt *statement, const QueryLimits &limits)
{
    if (sqlite3_stmt_isexplain(statement))
        return makeError(
            ErrorCode::InvalidAnalyticsQueryType, u"EXPLAIN is not allowed: only SELECT queries can be run"_s);
    const int columns = sqlite3_column_count(statement);
    if (!sqlite3_stmt_readonly(statement) || !m_sawSelect || columns == 0)
        return makeError(ErrorCode::InvalidAnalyticsQueryType, u"only SELECT queries can be run"_s);
    if (columns > limits.maxColumns)
        return makeError(ErrorCode::InvalidAnalyticsQuery,
            u"the query selects %1 columns; at most %2 are allowed"_s.arg(columns).arg(limits.maxColumns));
    return {};
}

Core::Result<QueryResult> QueryConnection::execute(sqlite3_stmt *statement, const QueryLimits &limits)
{
    QueryResultWriter writer(limits.maxResultBytes);
    writer.begin(statement);
    m_deadline = QDeadlineTimer(limits.timeout);
    sqlite3_progress_handler(m_db, kOpsBetweenDeadlineChecks, &progress, this);
    const auto stop = qScopeGuard([this] { sqlite3_progress_handler(m_db, 0, nullptr, nullptr); });

    qsizetype rows = 0;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (++rows > limits.maxRows)
            return makeError(ErrorCode::QueryRowsLimitExceeded,
                u"the query returns more than %1 rows; aggregate or add a LIMIT"_s.arg(limits.maxRows));
        if (!writer.appendRow(statement))
            return makeError(ErrorCode::QueryMemoryLimitExceeded,
                u"the result is larger than %1 bytes; select fewer rows or columns"_s.arg(limits.maxResultBytes));
    }
    switch (rc & 0xff) {
    case SQLITE_DONE:
        return writer.finish();
    case SQLITE_INTERRUPT:
        return makeError(
            ErrorCode::QueryTimeout, u"the query ran longer than %1 ms and was stopped"_s.arg(limits.timeout.count()));
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
        return makeError(
            ErrorCode::QueryMemoryLimitExceeded, u"the query needs more memory than allowed: "_s + errorMessage(m_db));
    case SQLITE_AUTH:
        if (m_denial)
            return *m_denial;
        break;
    default:
        if (isDatabaseTrouble(rc)) {
            qCWarning(lcQuery) << "analytics query failed:" << errorMessage(m_db);
            return unavailable();
        }
        break;
    }
    return makeError(ErrorCode::InvalidAnalyticsQuery, u"the query failed: "_s + errorMessage(m_db));
}

void QueryConnection::setScope(const QueryScope *scope)
{
    m_hasScope = scope != nullptr;
    m_workspaceId = scope ? scope->workspaceId.toUtf8() : QByteArray();
    m_allKeyspaces = scope && scope->allKeyspaces;
    m_keyspaceIds.clear();
    if (scope) {
        for (const QString &keyspace : scope->keyspaceIds)
            m_keyspaceIds.insert(keyspace.toUtf8());
    }
}

int QueryConnection::authorize(
    void *self, int action, const char *arg3, const char *arg4, const char *database, const char *context)
{
    auto *connection = static_cast<QueryConnection *>(self);
    QueryPolicy::Stage stage = QueryPolicy::Stage::Query;
    switch (connection->m_mode) {
    case Mode::Setup:
        connection->m_policy.learn(action, arg3, arg4, context);
        return SQLITE_OK;
    case Mode::Closed:
        return SQLITE_DENY;
    case Mode::Probe:
        stage = QueryPolicy::Stage::Probe;
        break;
    case Mode::Query:
        break;
    }
    if (action == SQLITE_SELECT && !context)
        connection->m_sawSelect = true;
    if (auto denial = connection->m_policy.decide(stage, action, arg3, arg4, database, context)) {
        if (!connection->m_denial)
            connection->m_denial = std::move(denial);
        return SQLITE_DENY;
    }
    return SQLITE_OK;
}

int QueryConnection::progress(void *self)
{
    return static_cast<QueryConnection *>(self)->m_deadline.hasExpired() ? 1 : 0;
}

void QueryConnection::workspaceFunction(sqlite3_context *context, int, sqlite3_value **)
{
    const auto *self = static_cast<const QueryConnection *>(sqlite3_user_data(context));
    if (!self || !self->m_hasScope) {
        sqlite3_result_null(context);
        return;
    }
    sqlite3_result_text(context, self->m_workspaceId.constData(), int(self->m_workspaceId.size()), SQLITE_TRANSIENT);
}

void QueryConnection::keyspaceAllowedFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *self = static_cast<const QueryConnection *>(sqlite3_user_data(context));
    if (!self || !self->m_hasScope) {
        sqlite3_result_int(context, 0);
        return;
    }
    if (self->m_allKeyspaces) {
        sqlite3_result_int(context, 1);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    const bool allowed = text && self->m_keyspaceIds.contains(QByteArray::fromRawData(text, size));
    sqlite3_result_int(context, allowed ? 1 : 0);
}

} // namespace Latchkey::Analytics
