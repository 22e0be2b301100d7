#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"

#include <QHash>

namespace Latchkey::Store {

class Database;

/// The `ratelimits` table: named limits attached to a key or an identity.
/// Mutating calls must run inside Database::write().
class RatelimitConfigStore
{
public:
    explicit RatelimitConfigStore(Database &db) : m_db(db) { }

    /// Configs of one owner, ordered by name. A failed query is an error, never "no limits": a
    /// client shown none would save none back and wipe them.
    [[nodiscard]] Core::Result<QList<Core::RatelimitConfig>> list(Core::RatelimitOwner owner, const QString &ownerId);
    /// Configs of each of @p ownerIds (ordered by name), in one query: a list page's limits without
    /// a query per row. An owner without configs has no entry; a failed query is an error.
    [[nodiscard]] Core::Result<QHash<QString, QList<Core::RatelimitConfig>>> listOf(
        Core::RatelimitOwner owner, const QStringList &ownerIds);

    /// Replace-by-name: configs whose name is not in @p configs are deleted, the rest are
    /// inserted or updated (existing ids are kept; new ones get "rl_..." ids; one given as it is
    /// stays untouched). Appends the audit events `ratelimit.create` / `ratelimit.update` (only
    /// for a limit that changed) / `ratelimit.delete` to @p auditEvents.
    [[nodiscard]] Core::Result<QList<Core::RatelimitConfig>> replace(Core::RatelimitOwner owner,
                                                                    const QString &workspaceId,
                                                                    const QString &ownerId,
                                                                    const QList<Core::RatelimitConfig> &configs,
                                                                    qint64 nowMs,
                                                                    QList<AuditEvent> *auditEvents = nullptr);

    /// Deletes every config of an owner (hard delete of a key, delete of an identity).
    [[nodiscard]] Core::Status removeAll(Core::RatelimitOwner owner, const QString &ownerId,
                                         QList<AuditEvent> *auditEvents = nullptr);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
