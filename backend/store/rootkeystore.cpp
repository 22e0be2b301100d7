#include "store/rootkeystore.h"

#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

std::optional<RootKey> RootKeyStore::findByHash(const QByteArray &hash, qint64 nowMs)
{
    QSqlQuery query = m_db.prepare(
        u"SELECT id, workspace_id, name, start, expires, created_at FROM root_keys"
        " WHERE hash = ? AND deleted_at IS NULL"_s);
    query.addBindValue(QString::fromLatin1(hash));
    if (!exec(query) || !query.next())
        return std::nullopt;
    RootKey key;
    key.id = query.value(0).toString();
    key.workspaceId = query.value(1).toString();
    key.name = query.value(2).toString();
    key.start = query.value(3).toString();
    if (!query.value(4).isNull())
        key.expiresMs = query.value(4).toLongLong();
    key.createdAtMs = query.value(5).toLongLong();
    if (key.expiresMs && nowMs > *key.expiresMs)
        return std::nullopt;
    QSqlQuery permissions = m_db.prepare(u"SELECT permission FROM root_key_permissions WHERE root_key_id = ?"_s);
    permissions.addBindValue(key.id);
    if (!exec(permissions))
        return std::nullopt;
    while (permissions.next())
        key.permissions.insert(permissions.value(0).toString());
    return key;
}

bool RootKeyStore::isEmpty()
{
    QSqlQuery query = m_db.prepare(u"SELECT count(*) FROM workspaces"_s);
    return exec(query) && query.next() && query.value(0).toLongLong() == 0;
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
