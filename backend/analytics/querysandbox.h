#pragma once

#include "analytics/queryresult.h"
#include "analytics/queryscope.h"
#include "core/error.h"

#include <QMutex>
#include <QString>

#include <memory>
#include <vector>

namespace Latchkey::Analytics {

class QueryConnection;

/// Runs the SQL of analytics.getVerifications: one read-only SELECT over the five public views
/// (key_verifications_v1 and its per_minute/hour/day/month rollups), for one workspace and, when
/// the root key is limited to some APIs, their keyspaces only.
///
/// The rules are enforced by SQLite itself, never by looking at the text: a separate read-only
/// connection, an authorizer that allows only reading the views and calling allow-listed
/// functions (QueryPolicy), a probe database that proves the query names nothing but the views,
/// exactly one statement (SQLite's tokenizer decides what follows it), and limits on text size,
/// rows, result bytes and time (a progress handler interrupts the query). The workspace and
/// keyspaces come from the server through lk_workspace() / lk_keyspace_allowed(), which the views
/// filter by; the query cannot widen them.
///
/// Errors: 400 InvalidAnalytics{Query,QueryType,Table,Function} naming the reason, 422
/// QueryTimeout / QueryRowsLimitExceeded / QueryMemoryLimitExceeded, 412 AnalyticsNotConfigured
/// when the database has no views, 503 when the database cannot be read.
///
/// Thread-safe: connections are pooled, each used by one query at a time.
class QuerySandbox
{
public:
    explicit QuerySandbox(QString databasePath, QueryLimits limits = {});
    ~QuerySandbox();

    QuerySandbox(const QuerySandbox &) = delete;
    QuerySandbox &operator=(const QuerySandbox &) = delete;

    [[nodiscard]] Core::Result<QueryResult> run(const QString &query, const QueryScope &scope);

    [[nodiscard]] const QueryLimits &limits() const { return m_limits; }

private:
    Core::Result<std::unique_ptr<QueryConnection>> acquire();
    void release(std::unique_ptr<QueryConnection> connection);

    QString m_path;
    QueryLimits m_limits;
    QMutex m_lock;
    std::vector<std::unique_ptr<QueryConnection>> m_idle;
};

} // namespace Latchkey::Analytics
