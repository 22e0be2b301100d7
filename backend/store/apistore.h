#pragma once

#include "core/error.h"
#include "store/auditlog.h"
#include "store/found.h"

#include <QString>

#include <optional>

namespace Latchkey::Store {

class Database;

/// An API and its keyspace (Unkey's `apis` + `key_auth` rows, one-to-one).
struct ApiRecord {
    QString id;           ///< "api_..."
    QString workspaceId;
    QString name;
    QString keyspaceId;   ///< "ks_..."
    bool storeEncryptedKeys = true;
    QString defaultPrefix;  ///< empty: none
    int defaultBytes = 0;   ///< 0: none (16 is used)
    bool deleteProtection = false;
    QString ipWhitelist;    ///< comma-separated, empty: none
    qint64 createdAtMs = 0;
};

/// APIs (keyspaces). Mutating calls must run inside Database::write().
class ApiStore
{
public:
    explicit ApiStore(Database &db) : m_db(db) { }

    /// The live (not deleted) API with this id in this workspace.
    [[nodiscard]] Found<ApiRecord> find(const QString &workspaceId, const QString &apiId);
    /// The live API owning keyspace @p keyspaceId.
    [[nodiscard]] Found<ApiRecord> findByKeyspace(const QString &workspaceId, const QString &keyspaceId);

    /// Inserts api + keyspace (ids generated) and audits `api.create`.
    [[nodiscard]] Core::Result<ApiRecord> create(const QString &workspaceId, const QString &name, qint64 nowMs,
                                                 const AuditOrigin &origin);
    /// Soft-deletes the API (its keys then verify as NOT_FOUND) and audits `api.delete`.
    [[nodiscard]] Core::Status softDelete(const ApiRecord &api, qint64 nowMs, const AuditOrigin &origin);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
