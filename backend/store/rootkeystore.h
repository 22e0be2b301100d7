#pragma once

#include "core/error.h"
#include "store/found.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// A root key as the server authenticates it. Only the hash of its secret is ever stored.
struct RootKey {
    QString id;
    QString workspaceId;
    QString name;
    QString start;
    QSet<QString> permissions;
    std::optional<qint64> expiresMs;
    qint64 createdAtMs = 0;
};

/// One page of root keys, ordered by id; `next` is the first id of the following page.
struct RootKeyPage {
    QList<RootKey> keys;
    std::optional<QString> next;
};

/// Workspaces and their root keys.
class RootKeyStore
{
public:
    explicit RootKeyStore(Database &db) : m_db(db) { }

    /// The live (not deleted, not expired at @p nowMs) root key with this hash, with its
    /// permissions (nullopt: none; an error: the read failed).
    [[nodiscard]] Found<RootKey> findByHash(const QByteArray &hash, qint64 nowMs);

    /// The live (not deleted) root key @p id of @p workspaceId, with its permissions. Expired keys
    /// are returned too: the list shows them until someone deletes them.
    [[nodiscard]] Found<RootKey> find(const QString &workspaceId, const QString &id);

    /// Live root keys of @p workspaceId with id >= @p cursor (empty: from the start), at most
    /// @p limit of them, each with its permissions.
    [[nodiscard]] Core::Result<RootKeyPage> list(const QString &workspaceId, const QString &cursor, int limit);

    /// Soft-deletes root key @p id of @p workspaceId; false when no such live key exists. Call
    /// inside Database::write() (with Invalidation::Caches, so the router stops accepting it).
    [[nodiscard]] Core::Result<bool> markDeleted(const QString &workspaceId, const QString &id, qint64 nowMs);

    /// The first workspace's id; nullopt when the store holds none yet (first start). Asked at
    /// start-up only: its error carries the driver's reason for the operator.
    [[nodiscard]] Found<QString> firstWorkspaceId();

    /// Creates a workspace; call inside Database::write().
    [[nodiscard]] Core::Status insertWorkspace(const QString &id, const QString &name, qint64 nowMs);

    /// Inserts a root key with @p permissions; call inside Database::write().
    [[nodiscard]] Core::Status insertRootKey(const RootKey &key, const QByteArray &hash);

private:
    /// Adds the permissions of @p key (by id).
    Core::Status loadPermissions(RootKey &key);
    /// @p key with its permissions; an error when they cannot be read.
    Found<RootKey> withPermissions(Found<RootKey> key);

    Database &m_db;
};

} // namespace Latchkey::Store
