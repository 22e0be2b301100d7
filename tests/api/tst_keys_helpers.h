#pragma once

// Shared helpers of the keys.* tests (tst_keys_*.cpp): database probes, audit rows, a fingerprint
// of every table a key request may touch, and 400 checks.

#include "support/apiharness.h"

#include "core/domain.h"
#include "store/database.h"
#include "store/keystore.h"
#include "store/rbacstore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

namespace Latchkey::Test {

/// Runs @p sql with @p binds on the test thread's connection; the first column of the first row.
inline QVariant scalar(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query = h.server().database().prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

inline qint64 countRows(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    return scalar(h, sql, binds).toLongLong();
}

/// One audit_logs row.
struct AuditRow {
    QString event;
    QString description;
    QString actorId;
    QString workspaceId;
    QJsonArray targets;
};

/// Audit rows of @p event, oldest first.
inline QList<AuditRow> auditRows(ApiHarness &h, const QString &event)
{
    QSqlQuery query = h.server().database().prepare(
        QStringLiteral("SELECT event, description, actor_id, workspace_id, targets FROM audit_logs"
                       " WHERE event = ? ORDER BY time, rowid"));
    query.addBindValue(event);
    QList<AuditRow> rows;
    if (!query.exec())
        return rows;
    while (query.next()) {
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), QJsonDocument::fromJson(query.value(4).toString().toUtf8()).array()});
    }
    return rows;
}

/// Whether @p targets holds a target of @p type with @p id.
inline bool hasTarget(const QJsonArray &targets, const QString &type, const QString &id)
{
    for (const QJsonValue &target : targets) {
        if (target.toObject().value(u"type").toString() == type && target.toObject().value(u"id").toString() == id)
            return true;
    }
    return false;
}

/// Every row of every table a keys.* request may change, as text: equal fingerprints before and
/// after a request mean it changed nothing.
inline QString fingerprint(ApiHarness &h)
{
    static const QStringList tables {QStringLiteral("keys"), QStringLiteral("encrypted_keys"),
        QStringLiteral("identities"), QStringLiteral("permissions"), QStringLiteral("roles"),
        QStringLiteral("keys_permissions"), QStringLiteral("keys_roles"), QStringLiteral("ratelimits"),
        QStringLiteral("key_migrations"), QStringLiteral("audit_logs")};
    QString text;
    for (const QString &table : tables) {
        QSqlQuery query = h.server().database().prepare(
            QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" ORDER BY rowid"));
        if (!query.exec())
            return QStringLiteral("cannot read ") + table;
        text += table + u':';
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                text += query.value(i).toString() + u'|';
            text += u'\n';
        }
    }
    return text;
}

/// Whether a 400 reply names @p location in error.errors[].
inline bool hasErrorAt(const ApiReply &reply, const QString &location)
{
    if (reply.status != 400)
        return false;
    for (const QJsonValue &error : reply.error().value(u"errors").toArray()) {
        if (error.toObject().value(u"location").toString() == location)
            return true;
    }
    return false;
}

/// A role (with no permissions) created directly in the store.
inline QString createRole(ApiHarness &h, const QString &name, const QString &workspaceId = {})
{
    QString id;
    const Core::Status written = h.server().database().write([&]() -> Core::Status {
        Core::Role role;
        role.name = name;
        auto created
            = Store::RbacStore(h.server().database())
                  .createRole(workspaceId.isEmpty() ? h.workspaceId() : workspaceId, role, h.clock().nowMs(), nullptr);
        if (!created)
            return created.error();
        id = created->id;
        return {};
    });
    if (!written)
        qWarning("createRole failed: %s", qPrintable(written.error().detail));
    return id;
}

/// A permission created directly in the store.
inline QString createPermission(ApiHarness &h, const QString &slug, const QString &workspaceId = {})
{
    QString id;
    const Core::Status written = h.server().database().write([&]() -> Core::Status {
        Core::Permission permission {{}, slug, slug, {}};
        auto created = Store::RbacStore(h.server().database())
                           .createPermission(workspaceId.isEmpty() ? h.workspaceId() : workspaceId, permission,
                               h.clock().nowMs(), nullptr);
        if (!created)
            return created.error();
        id = created->id;
        return {};
    });
    if (!written)
        qWarning("createPermission failed: %s", qPrintable(written.error().detail));
    return id;
}

/// keys.getKey's data for @p keyId (main root key).
inline QJsonObject getKey(ApiHarness &h, const QString &keyId)
{
    return h.call(QStringLiteral("keys.getKey"), QJsonObject {{QStringLiteral("keyId"), keyId}}).dataObject();
}

/// Sorted keys of a JSON object, to assert the exact set of response fields.
inline QStringList fieldsOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace Latchkey::Test
