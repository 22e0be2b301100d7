#pragma once

#include "analytics/querypolicy.h"
#include "analytics/queryresult.h"
#include "analytics/queryscope.h"
#include "core/error.h"

#include <QDeadlineTimer>
#include <QSet>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_stmt;
struct sqlite3_value;

namespace Latchkey::Analytics {

/// One sandboxed SQLite connection for analytics queries, used by one query at a time.
///
/// It is a separate connection opened with SQLITE_OPEN_READONLY on the database file (plus
/// `query_only`, defensive mode, no extension loading, no attached databases), on which the
/// scope functions lk_workspace() and lk_keyspace_allowed() answer for the query being run, and
/// whose authorizer applies QueryPolicy to every operation of every statement it prepares. Next to
/// it lives the probe: an in-memory database where the five public views are empty tables and
/// nothing else exists, on which each query is prepared too, which proves that the query itself
/// names nothing but the public views (see QueryPolicy).
class QueryConnection
{
public:
    /// Opens the database at @p path read-only and learns the public views. Fails with
    /// AnalyticsNotConfigured when the views are missing, ServiceUnavailable when the file cannot
    /// be opened.
    static Core::Result<std::unique_ptr<QueryConnection>> open(const QString &path, const QueryLimits &limits);
    ~QueryConnection();

    QueryConnection(const QueryConnection &) = delete;
    QueryConnection &operator=(const QueryConnection &) = delete;

    /// Runs one SELECT (@p sql, UTF-8) for @p scope within @p limits.
    [[nodiscard]] Core::Result<QueryResult> run(
        const QByteArray &sql, const QueryScope &scope, const QueryLimits &limits);

private:
    enum class Mode {
        Setup, ///< learning the views: everything allowed, view operations recorded
        Probe, ///< preparing on the probe database
        Query, ///< preparing / stepping on the real database
        Closed ///< everything denied (checking the tail of a query, idle)
    };

    QueryConnection() = default;
    Core::Status setUp(const QString &path, const QueryLimits &limits);
    Core::Status learnViews();
    Core::Status listRelations();
    Core::Status createProbe(const QueryLimits &limits);

    /// Prepares the first statement of [sql, end) on @p db in @p mode; *tail = where it ended.
    Core::Result<sqlite3_stmt *> prepare(sqlite3 *db, Mode mode, const char *sql, const char *end, const char **tail);
    /// True when [tail, end) holds nothing but whitespace, comments and semicolons.
    bool onlyCommentsFollow(const char *tail, const char *end);
    Core::Status checkStatement(sqlite3_stmt *statement, const QueryLimits &limits);
    Core::Result<QueryResult> execute(sqlite3_stmt *statement, const QueryLimits &limits);
    void setScope(const QueryScope *scope);

    static int authorize(
        void *self, int action, const char *arg3, const char *arg4, const char *database, const char *context);
    static int progress(void *self);
    static void workspaceFunction(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void keyspaceAllowedFunction(sqlite3_context *context, int argc, sqlite3_value **argv);

    sqlite3 *m_db = nullptr;
    sqlite3 *m_probe = nullptr;
    QueryPolicy m_policy;
    QList<QStringList> m_viewColumns; ///< of each public view, in QueryPolicy::publicViews() order

    Mode m_mode = Mode::Closed;
    std::optional<Core::Error> m_denial; ///< the first operation the authorizer refused
    bool m_sawSelect = false; ///< the statement's own (top-level) SELECT was authorized
    QDeadlineTimer m_deadline;

    bool m_hasScope = false;
    QByteArray m_workspaceId;
    bool m_allKeyspaces = false;
    QSet<QByteArray> m_keyspaceIds;
};

} // namespace Latchkey::Analytics
