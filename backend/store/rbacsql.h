#pragma once

// Internal to the RbacStore implementation (rbacstore.cpp, rbaccatalog.cpp): small SQL helpers
// shared by both files. Not part of the store's interface.

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/rbacstore.h"

#include <QSet>
#include <QVariant>

namespace Latchkey::Store::RbacSql {

using namespace Qt::StringLiterals;

/// Prepares @p sql, binds @p values in order and runs it; the query reports any SQL error.
inline QSqlQuery execWith(Database &db, const QString &sql, const QVariantList &values, bool *ok)
{
    QSqlQuery query = db.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    *ok = exec(query);
    return query;
}

inline Core::Status execute(Database &db, const QString &sql, const QVariantList &values)
{
    bool ok = false;
    QSqlQuery query = execWith(db, sql, values, &ok);
    if (!ok)
        return sqlError(query);
    return {};
}

/// Rows of `SELECT p.id, p.name, p.slug, p.description FROM <from>`.
inline Core::Result<QList<Core::Permission>> selectPermissions(
    Database &db, const QString &from, const QVariantList &values)
{
    bool ok = false;
    QSqlQuery query = execWith(db, u"SELECT p.id, p.name, p.slug, p.description FROM "_s + from, values, &ok);
    if (!ok)
        return sqlError(query);
    QList<Core::Permission> rows;
    while (query.next()) {
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString()});
    }
    return rows;
}

/// Rows of `SELECT r.id, r.name, r.description FROM <from>`, without their permissions.
inline Core::Result<QList<Core::Role>> selectRoles(Database &db, const QString &from, const QVariantList &values)
{
    bool ok = false;
    QSqlQuery query = execWith(db, u"SELECT r.id, r.name, r.description FROM "_s + from, values, &ok);
    if (!ok)
        return sqlError(query);
    QList<Core::Role> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), {}});
    return rows;
}

/// The first of @p rows (nullopt: none; an error: the query failed, never "none").
template<typename T> Found<T> firstOf(const Core::Result<QList<T>> &rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<T>();
    return std::optional<T>(rows->first());
}

template<typename T> QStringList idsOf(const QList<T> &items)
{
    QStringList ids;
    for (const T &item : items)
        ids.append(item.id);
    return ids;
}

inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

inline QStringList unique(const QStringList &values)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &value : values) {
        if (!seen.contains(value)) {
            seen.insert(value);
            result.append(value);
        }
    }
    return result;
}

inline AuditTarget target(const Core::Permission &permission)
{
    return AuditTarget {u"permission"_s, permission.id, permission.slug};
}

inline AuditTarget target(const Core::Role &role)
{
    return AuditTarget {u"role"_s, role.id, role.name};
}

inline void addEvent(QList<AuditEvent> *events, AuditEvent event)
{
    if (events)
        events->append(std::move(event));
}

/// Cursor page from rows fetched with limit + 1: the extra row's id is the next cursor.
template<typename T> RbacPage<T> toPage(QList<T> rows, int limit)
{
    RbacPage<T> page;
    if (rows.size() > limit) {
        page.hasMore = true;
        page.nextCursor = rows.at(limit).id;
        rows.resize(limit);
    }
    page.items = std::move(rows);
    return page;
}

} // namespace Latchkey::Store::RbacSql
