#include "store/rootkeystore.h"

#include "store/database.h"

#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

const auto kColumns = u"SELECT id, workspace_id, name, start, expires, created_at FROM root_keys"_s;

/// The key of the current row of a query over kColumns (without permissions).
RootKey rowToKey(const QSqlQuery &query)
{
    RootKey key;
    key.id = query.value(0).toString();
    key.workspaceId = query.value(1).toString();
    key.name = query.value(2).toString();
    key.start = query.value(3).toString();
    if (!query.value(4).isNull())
        key.expiresMs = query.value(4).toLongLong();
    key.createdAtMs = query.value(5).toLongLong();
    return key;
}

} // namespace

Core::Status RootKeyStore::loadPermissions(RootKey &key)
{
    QSqlQuery permissions = m_db.prepare(u"SELECT permission FROM root_key_permissions WHERE root_key_id = ?"_s);
    permissions.addBindValue(key.id);
    if (!exec(permissions))
        return sqlError(permissions);
    while (permissions.next())
        key.permissions.insert(permissions.value(0).toString());
    return {};
}

Found<RootKey> RootKeyStore::withPermissions(Found<RootKey> key)
{
    if (!key || !*key)
        return key;
    if (Core::Status loaded = loadPermissions(**key); !loaded)
        return loaded.error();
    return key;
}

Found<RootKey> RootKeyStore::findByHash(const QByteArray &hash, qint64 nowMs)
{
    QSqlQuery query = m_db.prepare(kColumns + u" WHERE hash = ? AND deleted_at IS NULL"_s);
    query.addBindValue(QString::fromLatin1(hash));
    Found<RootKey> key = firstRow<RootKey>(query, rowToKey);
    if (key && *key && (*key)->expiresMs && nowMs > *(*key)->expiresMs)
        return std::optional<RootKey>();
    return withPermissions(std::move(key));
}

Found<RootKey> RootKeyStore::find(const QString &workspaceId, const QString &id)
{
    QSqlQuery query = m_db.prepare(kColumns + u" WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL"_s);
    query.addBindValue(id);
    query.addBindValue(workspaceId);
    return withPermissions(firstRow<RootKey>(query, rowToKey));
}

Core::Result<RootKeyPage> RootKeyStore::list(const QString &workspaceId, const QString &cursor, int limit)
{
    QSqlQuery query = m_db.prepare(
        kColumns + u" WHERE workspace_id = ? AND deleted_at IS NULL AND id >= ? ORDER BY id LIMIT ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(QString(u""_s + cursor)); // '' rather than NULL: from the start
    query.addBindValue(limit + 1);
    if (!exec(query))
        return sqlError(query);
    RootKeyPage page;
    while (query.next()) {
        if (page.keys.size() == limit) {
            page.next = query.value(0).toString();
            break;
        }
        page.keys.append(rowToKey(query));
    }
    for (RootKey &key : page.keys) {
        if (Core::Status loaded = loadPermissions(key); !loaded)
            return loaded.error();
    }
    return page;
}

Core::Result<bool> RootKeyStore::markDeleted(const QString &workspaceId, const QString &id, qint64 nowMs)
{
    QSqlQuery query = m_db.prepare(
        u"UPDATE root_keys SET deleted_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL"_s);
    query.addBindValue(nowMs);
    query.addBindValue(id);
    query.addBindValue(workspaceId);
    if (!exec(query))
        return sqlError(query);
    return query.numRowsAffected() > 0;
}

Found<QString> RootKeyStore::firstWorkspaceId()
{
    QSqlQuery query = m_db.prepare(u"SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1"_s);
    if (!exec(query))
        return Core::makeError(Core::ErrorCode::Internal, query.lastError().text());
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Core::Status RootKeyStore::insertWorkspace(const QString &id, const QString &name, qint64 nowMs)
{
    QSqlQuery query = m_db.prepare(u"INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)"_s);
    query.addBindValue(id);
    query.addBindValue(name);
    query.addBindValue(nowMs);
    if (!exec(query))
        return sqlError(query);
    return {};
}

Core::Status RootKeyStore::insertRootKey(const RootKey &key, const QByteArray &hash)
{
    QSqlQuery query = m_db.prepare(
        u"INSERT INTO root_keys (id, workspace_id, hash, start, name, created_at, expires)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(key.id);
    query.addBindValue(key.workspaceId);
    query.addBindValue(QString::fromLatin1(hash));
    query.addBindValue(key.start);
    query.addBindValue(key.name.isEmpty() ? QVariant() : QVariant(key.name));
    query.addBindValue(key.createdAtMs);
    query.addBindValue(key.expiresMs ? QVariant(*key.expiresMs) : QVariant());
    if (!exec(query))
        return sqlError(query);
    QSqlQuery permission = m_db.prepare(
        u"INSERT INTO root_key_permissions (root_key_id, workspace_id, permission) VALUES (?, ?, ?)"_s);
    for (const QString &slug : key.permissions) {
        permission.addBindValue(key.id);
        permission.addBindValue(key.workspaceId);
        permission.addBindValue(slug);
        if (!exec(permission))
            return sqlError(permission);
    }
    return {};
}

} // namespace Latchkey::Store
