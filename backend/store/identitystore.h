#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"
#include "store/found.h"

#include <optional>

class QSqlQuery;

namespace Latchkey::Store {

class Database;

/// One page of identities, ordered by id.
struct IdentityPage {
    QList<Core::Identity> identities;
    /// Per identity (same order): its live keys in the live APIs IdentityListQuery::countedApiIds
    /// names; empty when it names none.
    QList<qint64> keyCounts;
    QString nextCursor; ///< id of the first identity of the next page; empty on the last page
};

/// What IdentityStore::list() lists and counts.
struct IdentityListQuery {
    QString workspaceId;
    QString search; ///< a part of the id or external id, in any case; empty: every identity
    QString cursor; ///< `id >= cursor`; empty: from the first identity
    int limit = 100;
    /// Whose keys IdentityPage::keyCounts counts: live keys of these live APIs; nullopt: of every
    /// live API; empty: none (keyCounts stays empty), for a caller that may read no API's keys.
    std::optional<QStringList> countedApiIds;
};

/// An identity looked up: nullopt when there is none, an error when the store failed (never
/// "none", nor an identity without the rate limits it has).
using FoundIdentity = Found<Core::Identity>;

/// Identities (owners of keys). Mutating calls must run inside Database::write().
class IdentityStore
{
public:
    explicit IdentityStore(Database &db) : m_db(db) { }

    /// The live identity whose id or external id is @p idOrExternalId, with its rate limits.
    [[nodiscard]] FoundIdentity find(const QString &workspaceId, const QString &idOrExternalId);
    /// The live identity with id @p id, with its rate limits.
    [[nodiscard]] FoundIdentity findById(const QString &workspaceId, const QString &id);

    /// The external id of identity @p id, a deleted one's too; empty: no such identity (or @p id empty).
    [[nodiscard]] Core::Result<QString> externalIdOf(const QString &workspaceId, const QString &id);

    /// The id of the live identity with @p externalId (no rate limits loaded).
    [[nodiscard]] Found<QString> idByExternalId(const QString &workspaceId, const QString &externalId);

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

    /// Live identities of @p request, with their rate limits (one query for the page's limits) and
    /// their keys counted (in the same query: a count per row through the keys' identity index).
    [[nodiscard]] Core::Result<IdentityPage> list(const IdentityListQuery &request);

private:
    FoundIdentity loaded(QSqlQuery &query);
    Core::Status attachLimits(QList<Core::Identity> &identities);

    Database &m_db;
};

} // namespace Latchkey::Store
