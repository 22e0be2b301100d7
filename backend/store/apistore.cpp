#include "store/apistore.h"

#include "core/random.h"
#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

const QString kSelect =
    u"SELECT a.id, a.workspace_id, a.name, a.keyspace_id, k.store_encrypted_keys, k.default_prefix,"
    " k.default_bytes, a.delete_protection, a.ip_whitelist, a.created_at"
    " FROM apis a JOIN keyspaces k ON k.id = a.keyspace_id"
    " WHERE a.workspace_id = ? AND a.deleted_at IS NULL AND "_s;

ApiRecord recordFrom(const QSqlQuery &query)
{
    ApiRecord api;
    api.id = query.value(0).toString();
    api.workspaceId = query.value(1).toString();
    api.name = query.value(2).toString();
    api.keyspaceId = query.value(3).toString();
    api.storeEncryptedKeys = query.value(4).toBool();
    api.defaultPrefix = query.value(5).toString();
    api.defaultBytes = query.value(6).toInt();
    api.deleteProtection = query.value(7).toBool();
    api.ipWhitelist = query.value(8).toString();
    api.createdAtMs = query.value(9).toLongLong();
    return api;
}

QList<AuditTarget> targetsOf(const ApiRecord &api)
{
    return {AuditTarget{u"api"_s, api.id, api.name}, AuditTarget{u"keySpace"_s, api.keyspaceId, {}}};
}

} // namespace

Found<ApiRecord> ApiStore::find(const QString &workspaceId, const QString &apiId)
{
    QSqlQuery query = m_db.prepare(kSelect + u"a.id = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(apiId);
    return firstRow<ApiRecord>(query, recordFrom);
}

Found<ApiRecord> ApiStore::findByKeyspace(const QString &workspaceId, const QString &keyspaceId)
{
    QSqlQuery query = m_db.prepare(kSelect + u"a.keyspace_id = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(keyspaceId);
    return firstRow<ApiRecord>(query, recordFrom);
}

Core::Result<ApiRecord> ApiStore::create(const QString &workspaceId, const QString &name, qint64 nowMs,
                                         const AuditOrigin &origin)
{
    ApiRecord api;
    api.id = Core::newId(u"api");
    api.workspaceId = workspaceId;
    api.name = name;
    api.keyspaceId = Core::newId(u"ks");
    api.createdAtMs = nowMs;
    // Unlike Unkey (which opts keyspaces into encryption from its dashboard only), new keyspaces
    // store recoverable keys: Latchkey has no dashboard switch for it and the vault is local.
    QSqlQuery keyspace = m_db.prepare(
        u"INSERT INTO keyspaces (id, workspace_id, store_encrypted_keys, created_at) VALUES (?, ?, ?, ?)"_s);
    keyspace.addBindValue(api.keyspaceId);
    keyspace.addBindValue(workspaceId);
    keyspace.addBindValue(api.storeEncryptedKeys ? 1 : 0);
    keyspace.addBindValue(nowMs);
    if (!exec(keyspace))
        return sqlError(keyspace);
    QSqlQuery insert = m_db.prepare(
        u"INSERT INTO apis (id, workspace_id, name, keyspace_id, created_at) VALUES (?, ?, ?, ?, ?)"_s);
    insert.addBindValue(api.id);
    insert.addBindValue(workspaceId);
    insert.addBindValue(name);
    insert.addBindValue(api.keyspaceId);
    insert.addBindValue(nowMs);
    if (!exec(insert))
        return sqlError(insert);
    const AuditEvent event{workspaceId, u"api.create"_s, u"Created API "_s + api.id, targetsOf(api)};
    if (Core::Status audited = AuditLog(m_db).append(origin, nowMs, {event}); !audited)
        return audited.error();
    return api;
}

Core::Status ApiStore::softDelete(const ApiRecord &api, qint64 nowMs, const AuditOrigin &origin)
{
    QSqlQuery update = m_db.prepare(
        u"UPDATE apis SET deleted_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL"_s);
    update.addBindValue(nowMs);
    update.addBindValue(nowMs);
    update.addBindValue(api.workspaceId);
    update.addBindValue(api.id);
    if (!exec(update))
        return sqlError(update);
    const AuditEvent event{api.workspaceId, u"api.delete"_s, u"Deleted API "_s + api.id, targetsOf(api)};
    return AuditLog(m_db).append(origin, nowMs, {event});
}

} // namespace Latchkey::Store
