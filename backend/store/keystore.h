#pragma once

#include "core/credits.h"
#include "core/error.h"
#include "store/found.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// A customer key as stored in the `keys` table. The plaintext is never part of it; the hash is
/// only written (insert) and looked up (findByHash), never read back.
struct KeyRecord {
    QString id; ///< "key_..."
    QString workspaceId;
    QString keyspaceId; ///< "ks_..." of the owning API
    QString start; ///< displayable beginning of the key ("" for migrated keys)
    std::optional<QString> name;
    QString identityId; ///< empty: not linked to an identity
    std::optional<QJsonObject> meta;
    std::optional<qint64> expiresMs;
    bool enabled = true;
    /// remaining (nullopt = unlimited), refill rule (refill_day NULL = daily) and last_refill_at.
    Core::CreditState credits;
    qint64 createdAtMs = 0;
    std::optional<qint64> updatedAtMs;
    std::optional<qint64> lastUsedAtMs;
    QString pendingMigrationId; ///< empty: not an imported key awaiting re-hashing
};

/// One page of apis.listKeys: keys with `id >= cursor`, ordered by id.
struct KeyPage {
    QList<KeyRecord> keys;
    bool hasMore = false;
    QString nextCursor; ///< id of the first key of the next page; empty on the last page
};

/// What apis.listKeys asks for.
struct KeyListQuery {
    QString workspaceId;
    QString keyspaceId;
    QString identityId; ///< empty: every key of the keyspace
    QString cursor; ///< empty: from the first key
    int limit = 100;
};

/// What keys.listKeys asks for: one identity's live keys across the workspace's live APIs.
struct IdentityKeyListQuery {
    QString workspaceId;
    QString identityId;
    std::optional<QStringList> apiIds; ///< only keys of these APIs; nullopt: of every API
    QString cursor; ///< empty: from the first key
    int limit = 100;
};

/// The `keys`, `encrypted_keys` and `key_migrations` tables. Every lookup is scoped to a
/// workspace, except findByHash (a key's hash is unique across workspaces; the caller checks the
/// workspace). Soft-deleted keys are invisible to every read. Mutating calls must run inside
/// Database::write(), which also makes them visible to the next verification.
class KeyStore
{
public:
    explicit KeyStore(Database &db)
        : m_db(db)
    { }

    /// Inserts @p key with its stored @p hash (base64 SHA-256, or a caller's hash for migrations).
    [[nodiscard]] Core::Status insert(const KeyRecord &key, const QByteArray &hash);

    /// The live key @p keyId of @p workspaceId (nullopt: none; an error: the read failed).
    [[nodiscard]] Found<KeyRecord> find(const QString &workspaceId, const QString &keyId);
    /// The live key whose stored hash is @p hash, in any workspace.
    [[nodiscard]] Found<KeyRecord> findByHash(const QByteArray &hash);
    /// Whether any key row (deleted ones included: the hash stays unique) has this hash.
    [[nodiscard]] Core::Result<bool> hashExists(const QByteArray &hash);

    /// A page of live keys of one keyspace (optionally of one identity), fetched limit + 1.
    [[nodiscard]] Core::Result<KeyPage> list(const KeyListQuery &query);

    /// A page of live keys of one identity in live (not deleted) APIs, by id, fetched limit + 1.
    [[nodiscard]] Core::Result<KeyPage> listByIdentity(const IdentityKeyListQuery &query);

    /// Writes the mutable fields of @p key (name, identity, meta, expires, enabled, credits,
    /// updated_at); KeyNotFound when the live row is gone.
    [[nodiscard]] Core::Status update(const KeyRecord &key);
    /// Soft delete: the key disappears from every read and from verification.
    [[nodiscard]] Core::Status softDelete(const QString &keyId, qint64 nowMs);
    /// Hard delete of the key row and its encrypted copy (bindings and rate limits are removed by
    /// their own stores).
    [[nodiscard]] Core::Status hardDelete(const QString &keyId);

    /// Stores the encrypted plaintext of a recoverable key.
    [[nodiscard]] Core::Status storeEncrypted(
        const QString &workspaceId, const QString &keyId, const QByteArray &encrypted, qint64 nowMs);
    /// The encrypted plaintext of a recoverable key; nullopt for keys that are not recoverable.
    [[nodiscard]] Found<QByteArray> encrypted(const QString &keyId);

    /// Whether the workspace has registered the migration @p migrationId (keys.migrateKeys).
    [[nodiscard]] Core::Result<bool> migrationExists(const QString &workspaceId, const QString &migrationId);
    /// Registers a migration ("sha256" or "github.com/seamapi/prefixed-api-key").
    [[nodiscard]] Core::Status createMigration(
        const QString &workspaceId, const QString &migrationId, const QString &algorithm, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
