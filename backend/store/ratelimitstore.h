#pragma once

#include "core/error.h"
#include "store/auditlog.h"
#include "store/found.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// A rate-limit namespace of ratelimit.limit (`rlns_...`), unique by name within its workspace.
struct RatelimitNamespace {
    QString id;
    QString workspaceId;
    QString name;
    qint64 createdAtMs = 0;
    bool deleted = false; ///< soft-deleted: ratelimit.limit answers 410, override calls 404
};

/// A per-identifier replacement of limit and duration inside a namespace (`rlor_...`). The
/// identifier may contain `*` wildcards.
struct RatelimitOverride {
    QString id;
    QString namespaceId;
    QString identifier;
    qint64 limit = 0; ///< 0 blocks every request
    qint64 durationMs = 0;
};

/// Namespaces and overrides of the standalone rate limiter (`ratelimit_namespaces`,
/// `ratelimit_overrides`). Readers run on the caller's connection; every mutating call is one
/// Database::write() of its own that commits the change together with its audit rows.
class RatelimitStore
{
public:
    explicit RatelimitStore(Database &db)
        : m_db(db)
    { }

    /// The namespace of @p workspaceId whose id or name is @p idOrName, soft-deleted ones included
    /// (an id match wins over a name match). nullopt when there is none, an error when the read failed.
    [[nodiscard]] Found<RatelimitNamespace> findNamespace(const QString &workspaceId, const QString &idOrName);

    /// Live overrides of a namespace, ordered by id.
    [[nodiscard]] Core::Result<QList<RatelimitOverride>> overrides(const QString &namespaceId);

    /// The live override whose identifier is exactly @p identifier (wildcards compare literally).
    [[nodiscard]] Found<RatelimitOverride> findOverride(const QString &namespaceId, const QString &identifier);

    /// Up to @p count live overrides with `id >= cursor`, ordered by id (cursor pagination).
    [[nodiscard]] Core::Result<QList<RatelimitOverride>> listOverrides(
        const QString &namespaceId, const QString &cursor, int count);

    /// Resolves every entry of @p idsOrNames to a namespace, creating the missing ones by name in
    /// one transaction (audit `ratelimitNamespace.create` each). Entries created concurrently by
    /// another request are found instead of duplicated. Result in the order of @p idsOrNames.
    [[nodiscard]] Core::Result<QList<RatelimitNamespace>> ensureNamespaces(
        const QString &workspaceId, const QStringList &idsOrNames, qint64 nowMs, const AuditOrigin &origin);

    /// Creates namespace @p name (ratelimit.createNamespace) and audits `ratelimitNamespace.create`,
    /// in one transaction. NamespaceAlreadyExists when the workspace has one of that name already
    /// (a deleted one included: names stay unique); nothing is written then.
    [[nodiscard]] Core::Result<RatelimitNamespace> createNamespace(
        const QString &workspaceId, const QString &name, qint64 nowMs, const AuditOrigin &origin);

    /// Renames @p ns to @p name (ratelimit.renameNamespace) and audits `ratelimitNamespace.update`,
    /// in one transaction. NamespaceAlreadyExists when another namespace of the workspace (a deleted
    /// one included) has that name, NamespaceNotFound when @p ns was deleted meanwhile; nothing is
    /// written then. Its id, overrides and rate-limit counters stay (counters live under the id).
    [[nodiscard]] Core::Result<RatelimitNamespace> renameNamespace(
        const RatelimitNamespace &ns, const QString &name, qint64 nowMs, const AuditOrigin &origin);

    /// Soft-deletes @p ns (ratelimit.deleteNamespace) and audits `ratelimitNamespace.delete`, in one
    /// transaction: ratelimit.limit on it answers 410 from then on, the override calls 404. Its
    /// overrides are kept as they are (a restore brings them back) but no longer apply.
    /// NamespaceNotFound when it was deleted meanwhile.
    [[nodiscard]] Core::Status deleteNamespace(const RatelimitNamespace &ns, qint64 nowMs, const AuditOrigin &origin);

    /// Creates or updates the override of (@p ns, @p identifier) and audits `ratelimit.set_override`.
    /// An existing override keeps its id. NamespaceNotFound when @p ns was deleted meanwhile.
    [[nodiscard]] Core::Result<RatelimitOverride> setOverride(const RatelimitNamespace &ns, const QString &identifier,
        qint64 limit, qint64 durationMs, qint64 nowMs, const AuditOrigin &origin);

    /// Soft-deletes @p target and audits `ratelimit.delete_override`. OverrideNotFound when it
    /// was deleted meanwhile.
    [[nodiscard]] Core::Status deleteOverride(
        const RatelimitNamespace &ns, const RatelimitOverride &target, qint64 nowMs, const AuditOrigin &origin);

private:
    [[nodiscard]] Core::Result<RatelimitNamespace> insertNamespace(
        const QString &workspaceId, const QString &name, qint64 nowMs, QList<AuditEvent> &audit);
    [[nodiscard]] Core::Status nameIsFree(const QString &workspaceId, const QString &name);
    [[nodiscard]] Core::Result<QString> upsertOverride(
        const RatelimitNamespace &ns, const QString &identifier, qint64 limit, qint64 durationMs, qint64 nowMs);

    Database &m_db;
};

} // namespace Latchkey::Store
