#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"

#include <optional>

namespace Latchkey::Store {

class Database;

/// Identities (owners of keys). Mutating calls must run inside Database::write().
class IdentityStore
{
public:
    explicit IdentityStore(Database &db) : m_db(db) { }

    /// The live identity whose id or external id is @p idOrExternalId, with its rate limits.
    [[nodiscard]] std::optional<Core::Identity> find(const QString &workspaceId, const QString &idOrExternalId);
    /// The live identity with id @p id.
    [[nodiscard]] std::optional<Core::Identity> findById(const QString &workspaceId, const QString &id);

    /// The id of the live identity with @p externalId, creating it (meta {}) if missing — the
    /// identity upsert of createKey/updateKey/migrateKeys. Audits `identity.create` when it creates.
    [[nodiscard]] Core::Result<QString> upsert(const QString &workspaceId, const QString &externalId,
                                               qint64 nowMs, const AuditOrigin &origin);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
