#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Latchkey::Analytics {

/// What analytics.getVerifications may do, decided operation by operation from SQLite's authorizer
/// callback (sqlite3_set_authorizer): the statement is never inspected as text.
///
/// Allowed: SELECT; reading the five public views (and the table-valued function json_each, which
/// reads nothing but its argument); calling the functions of functionAllowList(). The views' own
/// reads and calls (the raw and rollup tables, lk_workspace(), ...) are learned once per
/// connection with learn() and allowed only inside that view, i.e. when SQLite names the view as
/// the one responsible. Everything else — other tables, sqlite_schema, PRAGMA, ATTACH, writes,
/// DDL, transactions, recursive CTEs — is refused with a reason naming it.
///
/// Because a CTE named like a view is also reported as "responsible" by SQLite, the sandbox first
/// prepares each query on a probe database where the public views are plain tables and nothing
/// else exists (Stage::Probe); only then are the learned view-internal reads trusted.
class QueryPolicy
{
public:
    enum class Stage {
        Probe, ///< the probe database: the public names are tables, nothing is learned
        Query, ///< the real database: view-internal reads/calls allowed as learned
    };

    /// The five public views, in the order the documentation lists them.
    [[nodiscard]] static const QStringList &publicViews();
    /// Functions a query may call (lower case), besides what the views call internally.
    [[nodiscard]] static const QSet<QByteArray> &functionAllowList();

    /// The names that denote relations of the database (tables, views, schema tables, virtual
    /// table modules), lower case. A FROM-clause name that is none of them is a CTE.
    void setRelations(QSet<QByteArray> names) { m_relations = std::move(names); }

    /// Records an operation of a view body, seen while preparing `SELECT * FROM <view>` with
    /// @p context naming the view responsible (operations with no context are ignored).
    void learn(int action, const char *arg3, const char *arg4, const char *context);

    /// nullopt when the operation is allowed; otherwise the error to answer with.
    [[nodiscard]] std::optional<Core::Error> decide(
        Stage stage, int action, const char *arg3, const char *arg4, const char *database, const char *context) const;

private:
    [[nodiscard]] std::optional<Core::Error> decideRead(Stage stage, const QByteArray &table, const char *column,
        const QByteArray &database, const QByteArray &context) const;
    [[nodiscard]] bool isRelation(const QByteArray &name) const;
    [[nodiscard]] std::optional<Core::Error> decideFunction(
        Stage stage, const QByteArray &function, const QByteArray &context) const;

    QSet<QByteArray> m_relations;
    QSet<QByteArray> m_viewReads; ///< "table\ncontext", lower case
    QSet<QByteArray> m_viewFunctions; ///< "function\ncontext", lower case
};

} // namespace Latchkey::Analytics
