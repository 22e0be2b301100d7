#pragma once

#include "core/error.h"

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

/// Workspaces and their root keys.
class RootKeyStore
{
public:
    explicit RootKeyStore(Database &db) : m_db(db) { }

    /// The live (not deleted, not expired at @p nowMs) root key with this hash.
    [[nodiscard]] std::optional<RootKey> findByHash(const QByteArray &hash, qint64 nowMs);

    /// True when the store holds no workspace yet (first start).
    [[nodiscard]] bool isEmpty();

    /// Creates a workspace; call inside Database::write().
    [[nodiscard]] Core::Status insertWorkspace(const QString &id, const QString &name, qint64 nowMs);

    /// Inserts a root key with @p permissions; call inside Database::write().
    [[nodiscard]] Core::Status insertRootKey(const RootKey &key, const QByteArray &hash);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
