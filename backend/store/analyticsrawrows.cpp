#include "store/analyticsrawrows.h"

#include "store/database.h"
#include "store/sqlitestatement.h"

namespace Latchkey::Store {

namespace {

const char *insertSql(const Core::VerificationEvent *, int rows)
{
    return AnalyticsSql::verificationInsert(rows);
}

const char *insertSql(const Core::RatelimitEvent *, int rows)
{
    return AnalyticsSql::ratelimitInsert(rows);
}

} // namespace

template<> void RawRows<Core::VerificationEvent>::bindRow(SqliteStatement &insert, int slot, qsizetype row)
{
    const Core::VerificationEvent &event = *m_pending.at(row).first;
    QByteArray *text = &m_text[std::size_t(row) * TextColumns];
    const int p = slot * AnalyticsSql::RawColumns;
    insert.bindText(p + 1, event.requestId, text[0]);
    insert.bind(p + 2, event.timeMs);
    insert.bindText(p + 3, event.workspaceId, text[1]);
    insert.bindTextOrNull(p + 4, event.apiId, text[2]);
    insert.bindTextOrNull(p + 5, event.keyspaceId, text[3]);
    insert.bindTextOrNull(p + 6, event.keyId, text[4]);
    insert.bindTextOrNull(p + 7, event.identityId, text[5]);
    insert.bindTextOrNull(p + 8, event.externalId, text[6]);
    insert.bindText(p + 9, event.outcome, text[7]);
    insert.bindText(p + 10, m_pending.at(row).second, text[8]);
    insert.bind(p + 11, event.spentCredits);
    insert.bind(p + 12, event.latencyUs);
    insert.bindTextOrNull(p + 13, event.node, text[9]);
}

template<> void RawRows<Core::RatelimitEvent>::bindRow(SqliteStatement &insert, int slot, qsizetype row)
{
    const Core::RatelimitEvent &event = *m_pending.at(row).first;
    QByteArray *text = &m_text[std::size_t(row) * TextColumns];
    const int p = slot * AnalyticsSql::RawColumns;
    insert.bindText(p + 1, event.requestId, text[0]);
    insert.bind(p + 2, event.timeMs);
    insert.bindText(p + 3, event.workspaceId, text[1]);
    insert.bindText(p + 4, event.namespaceId, text[2]);
    insert.bindText(p + 5, event.identifier, text[3]);
    insert.bind(p + 6, event.passed ? 1 : 0);
    insert.bind(p + 7, event.limit);
    insert.bind(p + 8, event.remaining);
    insert.bind(p + 9, event.resetMs);
    insert.bind(p + 10, event.cost);
    insert.bindTextOrNull(p + 11, event.overrideId, text[4]);
    insert.bind(p + 12, event.latencyUs);
    insert.bindTextOrNull(p + 13, event.node, text[5]);
}

template<typename Event> Core::Status RawRows<Event>::add(const Event &event, const QString &tags)
{
    m_pending.append({&event, tags});
    return m_pending.size() == AnalyticsSql::RawRowsPerInsert ? flush() : Core::Status();
}

template<typename Event> Core::Status RawRows<Event>::flush()
{
    const bool full = m_pending.size() == AnalyticsSql::RawRowsPerInsert;
    CachedAnalyticsStatement insert(
        m_db, insertSql(static_cast<const Event *>(nullptr), full ? AnalyticsSql::RawRowsPerInsert : 1));
    Core::Status status;
    for (qsizetype row = 0; row < m_pending.size() && status; ++row) {
        bindRow(*insert, full ? int(row) : 0, row);
        if (!full)
            status = insert->run();
    }
    if (full && status)
        status = insert->run();
    m_pending.clear();
    return status;
}

template class RawRows<Core::VerificationEvent>;
template class RawRows<Core::RatelimitEvent>;

} // namespace Latchkey::Store
