#pragma once

// Shared helpers of the permissions.* tests (tst_permissions.cpp, tst_roles.cpp): audit rows, a
// fingerprint of every table an RBAC request may touch, creating a permission.

#include "support/apiharness.h"

#include "store/database.h"

#include <QSqlQuery>

namespace Latchkey::Test {

/// One row of audit_logs, as the tests need it.
struct RbacAuditRow {
    QString event;
    QString description;
    QJsonArray targets;
    QString actorType;
    QString requestId;
    QString correlationId;
};

/// The main workspace's audit rows in the order they were written.
inline QList<RbacAuditRow> auditRows(ApiHarness &h)
{
    QSqlQuery query = h.server().database().prepare(
        QStringLiteral("SELECT event, description, targets, actor_type, request_id, correlation_id FROM audit_logs"
                       " WHERE workspace_id = ? ORDER BY rowid"));
    query.addBindValue(h.workspaceId());
    QList<RbacAuditRow> rows;
    if (!query.exec())
        return rows;
    while (query.next()) {
        rows.append({query.value(0).toString(), query.value(1).toString(),
            QJsonDocument::fromJson(query.value(2).toString().toUtf8()).array(), query.value(3).toString(),
            query.value(4).toString(), query.value(5).toString()});
    }
    return rows;
}

/// `meta.requestId` of @p reply.
inline QString requestIdOf(const ApiReply &reply)
{
    return reply.body.value(u"meta").toObject().value(u"requestId").toString();
}

inline qint64 countRows(ApiHarness &h, const QString &table)
{
    QSqlQuery query = h.server().database().prepare(QStringLiteral("SELECT count(*) FROM ") + table);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

/// Row counts of every table a permissions.* request may touch: equal before and after = nothing changed.
inline QList<qint64> snapshot(ApiHarness &h)
{
    QList<qint64> counts;
    for (const char *table :
        {"permissions", "roles", "roles_permissions", "keys_permissions", "keys_roles", "audit_logs"})
        counts.append(countRows(h, QString::fromLatin1(table)));
    return counts;
}

/// permissions.createPermission named "Name of <slug>"; its id ("" and a warning on failure).
inline QString newPermission(
    ApiHarness &h, const QString &slug, const QString &description = {}, const QString &rootKey = {})
{
    QJsonObject body {
        {QStringLiteral("name"), QString(QStringLiteral("Name of ") + slug)}, {QStringLiteral("slug"), slug}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    const ApiReply reply = h.call(QStringLiteral("permissions.createPermission"), body, rootKey);
    if (reply.status != 200)
        qWarning("createPermission failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"permissionId").toString();
}

} // namespace Latchkey::Test
