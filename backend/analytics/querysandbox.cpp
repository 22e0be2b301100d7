#include "analytics/querysandbox.h"

#include "analytics/queryconnection.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Analytics {

namespace {
// Connections kept open between queries; more concurrent queries open (and then close) their own.
constexpr std::size_t kMaxIdleConnections = 4;
} // namespace

QuerySandbox::QuerySandbox(QString databasePath, QueryLimits limits)
    : m_path(std::move(databasePath))
    , m_limits(limits)
{ }

QuerySandbox::~QuerySandbox() = default;

Core::Result<QueryResult> QuerySandbox::run(const QString &query, const QueryScope &scope)
{
    const QByteArray sql = query.toUtf8();
    if (sql.size() > m_limits.maxQueryBytes) {
        return Core::makeError(Core::ErrorCode::InvalidAnalyticsQuery,
            u"the query is %1 bytes long; at most %2 bytes are allowed"_s.arg(sql.size()).arg(m_limits.maxQueryBytes));
    }
    if (scope.workspaceId.isEmpty())
        return Core::makeError(Core::ErrorCode::Internal, u"analytics query without a workspace"_s);
    auto connection = acquire();
    if (!connection)
        return connection.error();
    Core::Result<QueryResult> result = (*connection)->run(sql, scope, m_limits);
    release(std::move(*connection));
    return result;
}

Core::Result<std::unique_ptr<QueryConnection>> QuerySandbox::acquire()
{
    {
        QMutexLocker locker(&m_lock);
        if (!m_idle.empty()) {
            std::unique_ptr<QueryConnection> connection = std::move(m_idle.back());
            m_idle.pop_back();
            return connection;
        }
    }
    return QueryConnection::open(m_path, m_limits);
}

void QuerySandbox::release(std::unique_ptr<QueryConnection> connection)
{
    QMutexLocker locker(&m_lock);
    if (m_idle.size() < kMaxIdleConnections)
        m_idle.push_back(std::move(connection));
    locker.unlock(); // a surplus connection closes outside the lock
}

} // namespace Latchkey::Analytics
