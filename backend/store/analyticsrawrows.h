#pragma once

#include "core/error.h"
#include "core/events.h"
#include "store/analyticssql.h"

#include <QList>
#include <QString>

#include <array>
#include <utility>

namespace Latchkey::Store {

class Database;
class SqliteStatement;

/// The raw rows of one batch (verification_events or ratelimit_events), AnalyticsSql::RawRowsPerInsert
/// to an INSERT and the rest one by one, in the batch's order, so ids are assigned exactly as
/// row-by-row inserts would assign them. A multi-row INSERT opens the table's and its indexes'
/// cursors once for all its rows. Internal to AnalyticsStore; runs inside its transaction.
template<typename Event> class RawRows
{
public:
    explicit RawRows(Database &db)
        : m_db(db)
    {
        m_pending.reserve(AnalyticsSql::RawRowsPerInsert);
    }

    /// Queues @p event (and @p tags, the JSON text of a verification's tags) and inserts a full
    /// statement's worth. @p event must outlive flush().
    [[nodiscard]] Core::Status add(const Event &event, const QString &tags = {});
    /// Inserts whatever is queued.
    [[nodiscard]] Core::Status flush();

private:
    /// Binds pending row @p row to the parameters of row @p slot of @p insert.
    void bindRow(SqliteStatement &insert, int slot, qsizetype row);

    /// Text columns of one row at most (UTF-8 buffers, reused from statement to statement).
    static constexpr int TextColumns = 10;

    Database &m_db;
    QList<std::pair<const Event *, QString>> m_pending;
    std::array<QByteArray, TextColumns * AnalyticsSql::RawRowsPerInsert> m_text;
};

template<> void RawRows<Core::VerificationEvent>::bindRow(SqliteStatement &insert, int slot, qsizetype row);
template<> void RawRows<Core::RatelimitEvent>::bindRow(SqliteStatement &insert, int slot, qsizetype row);

extern template class RawRows<Core::VerificationEvent>;
extern template class RawRows<Core::RatelimitEvent>;

} // namespace Latchkey::Store
