#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"

#include <optional>

class QSqlQuery;

namespace Latchkey::Store {

class Database;

/// One page of identities, ordered by id.
struct IdentityPage {
    QList<Core::Identity> identities;
    /// Per identity (same order): its live keys in the workspace's live APIs.
    QList<qint64> keyCounts;
    QString nextCursor; ///< id of the first identity of the next page; empty on the last page
};

/// Identities (owners of keys). Mutating calls must run inside Database::write().
class IdentityStore
{
public:
    explicit IdentityStore(Database &db) : m_db(db) { }

    /// The live identity whose id or external id is @p idOrExternalId, with its rate limits.
    [[nodiscard]] std::optional<Core::Identity> find(const QString &workspaceId, const QString &idOrExternalId);
    /// The live identity with id @p id.
    [[nodiscard]] std::optional<Core::Identity> findById(const QString &workspaceId, const QString &id);

    /// The external id of identity @p id, a deleted one's too; empty: no such identity (or @p id empty).
    [[nodiscard]] QString externalIdOf(const QString &workspaceId, const QString &id);

    /// The id of the live identity with @p externalId (no rate limits loaded).
    [[nodiscard]] std::optional<QString> idByExternalId(const QString &workspaceId, const QString &externalId);

    /// The id of the live identity with @p externalId, creating it (meta {}) if missing — the
    /// identity upsert of createKey/updateKey/migrateKeys. Audits `identity.create` when it creates.
    [[nodiscard]] Core::Result<QString> upsert(const QString &workspaceId, const QString &externalId,
                                               qint64 nowMs, const AuditOrigin &origin);

    /// Inserts @p identity (its id is generated; externalId, meta and ratelimits are taken) and its
    /// rate limits. IdentityAlreadyExists (409) when a live identity has the same external id.
    /// Appends `identity.create` and one `ratelimit.create` per limit to @p auditEvents.
    [[nodiscard]] Core::Result<Core::Identity> create(const QString &workspaceId, const Core::Identity &identity,
                                                      qint64 nowMs, QList<AuditEvent> *auditEvents = nullptr);
    /// Replaces the meta of the live identity @p identity.id (rate limits are left to
    /// RatelimitConfigStore::replace). Appends `identity.update`.
    [[nodiscard]] Core::Status update(const QString &workspaceId, const Core::Identity &identity, qint64 nowMs,
                                      QList<AuditEvent> *auditEvents = nullptr);
    /// Soft-deletes the identity and hard-deletes its rate limits. Keys keep their identity_id but
    /// no longer see the identity. Appends `ratelimit.delete` per limit and `identity.delete`.
    [[nodiscard]] Core::Status softDelete(const QString &workspaceId, const Core::Identity &identity, qint64 nowMs,
                                          QList<AuditEvent> *auditEvents = nullptr);

    /// Live identities with `id >= cursor` (empty: from the start) whose id or external id contains
    /// @p search case-insensitively (empty: all), at most @p limit, with their rate limits and
    /// their live keys counted (in the same query: a count per row through the keys' identity index).
    [[nodiscard]] Core::Result<IdentityPage> list(const QString &workspaceId, const QString &search,
                                                  const QString &cursor, int limit);

private:
    std::optional<Core::Identity> loaded(QSqlQuery &query);

    Database &m_db;
};

} // namespace Latchkey::Store
