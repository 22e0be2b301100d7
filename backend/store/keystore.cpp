#include "store/keystore.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

const QString kColumns
    = u"SELECT id, workspace_id, keyspace_id, start, name, identity_id, meta, expires, enabled, remaining,"
      " refill_amount, refill_day, last_refill_at, created_at, updated_at, last_used_at, pending_migration_id"
      " FROM keys"_s;

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant optionalInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : nullInt();
}

QVariant optionalText(const QString &value)
{
    return value.isEmpty() ? nullText() : QVariant(value);
}

QVariant metaText(const std::optional<QJsonObject> &meta)
{
    if (!meta)
        return nullText();
    return QString::fromUtf8(QJsonDocument(*meta).toJson(QJsonDocument::Compact));
}

std::optional<qint64> optionalValue(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// refill_day NULL with refill_amount set means daily (Unkey's encoding, read by verification too).
std::optional<Core::RefillRule> refillFromRow(const QSqlQuery &row)
{
    if (row.value(10).isNull())
        return std::nullopt;
    Core::RefillRule rule;
    rule.amount = row.value(10).toLongLong();
    if (row.value(11).isNull()) {
        rule.interval = Core::RefillInterval::Daily;
    } else {
        rule.interval = Core::RefillInterval::Monthly;
        rule.refillDay = row.value(11).toInt();
    }
    return rule;
}

KeyRecord keyFromRow(const QSqlQuery &row)
{
    KeyRecord key;
    key.id = row.value(0).toString();
    key.workspaceId = row.value(1).toString();
    key.keyspaceId = row.value(2).toString();
    key.start = row.value(3).toString();
    if (!row.value(4).isNull())
        key.name = row.value(4).toString();
    key.identityId = row.value(5).toString();
    if (!row.value(6).isNull())
        key.meta = QJsonDocument::fromJson(row.value(6).toString().toUtf8()).object();
    key.expiresMs = optionalValue(row.value(7));
    key.enabled = row.value(8).toBool();
    key.credits.remaining = optionalValue(row.value(9));
    key.credits.refill = refillFromRow(row);
    key.credits.lastRefillAtMs = row.value(12).toLongLong();
    key.createdAtMs = row.value(13).toLongLong();
    key.updatedAtMs = optionalValue(row.value(14));
    key.lastUsedAtMs = optionalValue(row.value(15));
    key.pendingMigrationId = row.value(16).toString();
    return key;
}

QVariant refillAmount(const Core::CreditState &credits)
{
    return credits.refill ? QVariant(credits.refill->amount) : nullInt();
}

QVariant refillDay(const Core::CreditState &credits)
{
    if (!credits.refill || credits.refill->interval == Core::RefillInterval::Daily)
        return nullInt();
    return QVariant(qint64(credits.refill->refillDay));
}

QVariant lastRefillAt(const Core::CreditState &credits)
{
    return credits.lastRefillAtMs > 0 ? QVariant(credits.lastRefillAtMs) : nullInt();
}

Core::Status run(QSqlQuery &query)
{
    if (!exec(query))
        return sqlError(query);
    return {};
}

/// Binds name, identity_id, meta, expires, enabled, remaining, refill_amount, refill_day and
/// last_refill_at of @p key, in that order (what create() and update() both write).
void bindMutableFields(QSqlQuery &query, const KeyRecord &key)
{
    query.addBindValue(key.name ? QVariant(*key.name) : nullText());
    query.addBindValue(optionalText(key.identityId));
    query.addBindValue(metaText(key.meta));
    query.addBindValue(optionalInt(key.expiresMs));
    query.addBindValue(key.enabled ? 1 : 0);
    query.addBindValue(optionalInt(key.credits.remaining));
    query.addBindValue(refillAmount(key.credits));
    query.addBindValue(refillDay(key.credits));
    query.addBindValue(lastRefillAt(key.credits));
}

/// Runs a list query that asked for @p limit + 1 rows; the extra row only tells that another page
/// exists, and its id is the inclusive cursor of that page.
Core::Result<KeyPage> pageOf(QSqlQuery &query, int limit)
{
    if (!exec(query))
        return sqlError(query);
    KeyPage page;
    while (query.next())
        page.keys.append(keyFromRow(query));
    if (page.keys.size() > limit) {
        page.hasMore = true;
        page.nextCursor = page.keys.at(limit).id;
        page.keys.resize(limit);
    }
    return page;
}

} // namespace

Core::Status KeyStore::insert(const KeyRecord &key, const QByteArray &hash)
{
    QSqlQuery query = m_db.prepare(
        u"INSERT INTO keys (id, workspace_id, keyspace_id, hash, start, name, identity_id, meta, expires,"
        " enabled, remaining, refill_amount, refill_day, last_refill_at, created_at, pending_migration_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    query.addBindValue(key.id);
    query.addBindValue(key.workspaceId);
    query.addBindValue(key.keyspaceId);
    query.addBindValue(QString::fromUtf8(hash));
    // Migrated keys have an empty start; a null QString would bind as SQL NULL.
    query.addBindValue(key.start.isNull() ? u""_s : key.start);
    bindMutableFields(query, key);
    query.addBindValue(key.createdAtMs);
    query.addBindValue(optionalText(key.pendingMigrationId));
    return run(query);
}

Found<KeyRecord> KeyStore::find(const QString &workspaceId, const QString &keyId)
{
    QSqlQuery query = m_db.prepare(kColumns + u" WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(keyId);
    return firstRow<KeyRecord>(query, keyFromRow);
}

Found<KeyRecord> KeyStore::findByHash(const QByteArray &hash)
{
    QSqlQuery query = m_db.prepare(kColumns + u" WHERE hash = ? AND deleted_at IS NULL"_s);
    query.addBindValue(QString::fromUtf8(hash));
    return firstRow<KeyRecord>(query, keyFromRow);
}

Core::Result<bool> KeyStore::hashExists(const QByteArray &hash)
{
    QSqlQuery query = m_db.prepare(u"SELECT 1 FROM keys WHERE hash = ?"_s);
    query.addBindValue(QString::fromUtf8(hash));
    if (!exec(query))
        return sqlError(query);
    return query.next();
}

Core::Result<KeyPage> KeyStore::list(const KeyListQuery &request)
{
    QString sql = kColumns + u" WHERE workspace_id = ? AND keyspace_id = ? AND deleted_at IS NULL AND id >= ?"_s;
    if (!request.identityId.isEmpty())
        sql += u" AND identity_id = ?"_s;
    QSqlQuery query = m_db.prepare(sql + u" ORDER BY id LIMIT ?"_s);
    query.addBindValue(request.workspaceId);
    query.addBindValue(request.keyspaceId);
    query.addBindValue(request.cursor.isNull() ? u""_s : request.cursor); // NULL would match nothing
    if (!request.identityId.isEmpty())
        query.addBindValue(request.identityId);
    query.addBindValue(request.limit + 1);
    return pageOf(query, request.limit);
}

Core::Result<KeyPage> KeyStore::listByIdentity(const IdentityKeyListQuery &request)
{
    if (request.apiIds && request.apiIds->isEmpty())
        return KeyPage{};
    // The API filter is a subquery on apis, so pages stay full when some APIs are excluded.
    QString apis = u"SELECT keyspace_id FROM apis WHERE workspace_id = ? AND deleted_at IS NULL"_s;
    if (request.apiIds) {
        QStringList marks(request.apiIds->size(), u"?"_s);
        apis += u" AND id IN ("_s + marks.join(u',') + u')';
    }
    QSqlQuery query = m_db.prepare(kColumns
        + u" WHERE workspace_id = ? AND identity_id = ? AND deleted_at IS NULL AND id >= ? AND keyspace_id IN ("_s
        + apis + u") ORDER BY id LIMIT ?"_s);
    query.addBindValue(request.workspaceId);
    query.addBindValue(request.identityId);
    query.addBindValue(request.cursor.isNull() ? u""_s : request.cursor); // NULL would match nothing
    query.addBindValue(request.workspaceId);
    for (const QString &apiId : request.apiIds.value_or(QStringList()))
        query.addBindValue(apiId);
    query.addBindValue(request.limit + 1);
    return pageOf(query, request.limit);
}

Core::Status KeyStore::update(const KeyRecord &key)
{
    QSqlQuery query
        = m_db.prepare(u"UPDATE keys SET name = ?, identity_id = ?, meta = ?, expires = ?, enabled = ?, remaining = ?,"
                       " refill_amount = ?, refill_day = ?, last_refill_at = ?, updated_at = ?"
                       " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL"_s);
    bindMutableFields(query, key);
    query.addBindValue(optionalInt(key.updatedAtMs));
    query.addBindValue(key.workspaceId);
    query.addBindValue(key.id);
    if (Core::Status status = run(query); !status)
        return status;
    if (query.numRowsAffected() != 1)
        return Core::makeError(Core::ErrorCode::KeyNotFound, u"The specified key was not found."_s);
    return {};
}

Core::Status KeyStore::softDelete(const QString &keyId, qint64 nowMs)
{
    QSqlQuery query
        = m_db.prepare(u"UPDATE keys SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s);
    query.addBindValue(nowMs);
    query.addBindValue(nowMs);
    query.addBindValue(keyId);
    return run(query);
}

Core::Status KeyStore::hardDelete(const QString &keyId)
{
    QSqlQuery encryptedRow = m_db.prepare(u"DELETE FROM encrypted_keys WHERE key_id = ?"_s);
    encryptedRow.addBindValue(keyId);
    if (Core::Status status = run(encryptedRow); !status)
        return status;
    QSqlQuery keyRow = m_db.prepare(u"DELETE FROM keys WHERE id = ?"_s);
    keyRow.addBindValue(keyId);
    return run(keyRow);
}

Core::Status KeyStore::storeEncrypted(
    const QString &workspaceId, const QString &keyId, const QByteArray &encrypted, qint64 nowMs)
{
    QSqlQuery query
        = m_db.prepare(u"INSERT INTO encrypted_keys (key_id, workspace_id, encrypted, created_at) VALUES (?,?,?,?)"_s);
    query.addBindValue(keyId);
    query.addBindValue(workspaceId);
    query.addBindValue(QString::fromLatin1(encrypted));
    query.addBindValue(nowMs);
    return run(query);
}

Found<QByteArray> KeyStore::encrypted(const QString &keyId)
{
    QSqlQuery query = m_db.prepare(u"SELECT encrypted FROM encrypted_keys WHERE key_id = ?"_s);
    query.addBindValue(keyId);
    return firstRow<QByteArray>(query, [](const QSqlQuery &row) { return row.value(0).toString().toLatin1(); });
}

Core::Result<bool> KeyStore::migrationExists(const QString &workspaceId, const QString &migrationId)
{
    QSqlQuery query = m_db.prepare(u"SELECT 1 FROM key_migrations WHERE workspace_id = ? AND id = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(migrationId);
    if (!exec(query))
        return sqlError(query);
    return query.next();
}

Core::Status KeyStore::createMigration(
    const QString &workspaceId, const QString &migrationId, const QString &algorithm, qint64 nowMs)
{
    QSqlQuery query
        = m_db.prepare(u"INSERT INTO key_migrations (id, workspace_id, algorithm, created_at) VALUES (?,?,?,?)"_s);
    query.addBindValue(migrationId);
    query.addBindValue(workspaceId);
    query.addBindValue(algorithm);
    query.addBindValue(nowMs);
    return run(query);
}

} // namespace Latchkey::Store
