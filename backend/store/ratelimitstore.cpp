#include "store/ratelimitstore.h"

#include "core/random.h"
#include "store/auditchanges.h"
#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

using Core::ErrorCode;
using Core::makeError;

namespace {

RatelimitNamespace namespaceFrom(const QSqlQuery &query)
{
    RatelimitNamespace ns;
    ns.id = query.value(0).toString();
    ns.workspaceId = query.value(1).toString();
    ns.name = query.value(2).toString();
    ns.createdAtMs = query.value(3).toLongLong();
    ns.deleted = !query.value(4).isNull();
    return ns;
}

const QString OverrideColumns = u"id, namespace_id, identifier, \"limit\", duration"_s;

RatelimitOverride overrideFrom(const QSqlQuery &query)
{
    RatelimitOverride row;
    row.id = query.value(0).toString();
    row.namespaceId = query.value(1).toString();
    row.identifier = query.value(2).toString();
    row.limit = query.value(3).toLongLong();
    row.durationMs = query.value(4).toLongLong();
    return row;
}

Core::Result<QList<RatelimitOverride>> overridesFrom(QSqlQuery &query)
{
    if (!exec(query))
        return sqlError(query);
    QList<RatelimitOverride> rows;
    while (query.next())
        rows.append(overrideFrom(query));
    return rows;
}

AuditTarget targetOf(const RatelimitNamespace &ns)
{
    return {u"ratelimitNamespace"_s, ns.id, ns.name};
}

} // namespace

Found<RatelimitNamespace> RatelimitStore::findNamespace(const QString &workspaceId, const QString &idOrName)
{
    // Both the id and the name are unique in a workspace; should a name look like another
    // namespace's id, the id match wins, as the id is the stable reference.
    QSqlQuery query = m_db.prepare(u"SELECT id, workspace_id, name, created_at, deleted_at FROM ratelimit_namespaces"
                                   " WHERE workspace_id = ? AND (id = ? OR name = ?) ORDER BY id = ? DESC LIMIT 1"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(idOrName);
    query.addBindValue(idOrName);
    query.addBindValue(idOrName);
    return firstRow<RatelimitNamespace>(query, namespaceFrom);
}

Core::Result<QList<RatelimitOverride>> RatelimitStore::overrides(const QString &namespaceId)
{
    QSqlQuery query = m_db.prepare(u"SELECT "_s + OverrideColumns
        + u" FROM ratelimit_overrides WHERE namespace_id = ? AND deleted_at IS NULL ORDER BY id"_s);
    query.addBindValue(namespaceId);
    return overridesFrom(query);
}

Found<RatelimitOverride> RatelimitStore::findOverride(const QString &namespaceId, const QString &identifier)
{
    QSqlQuery query = m_db.prepare(u"SELECT "_s + OverrideColumns
        + u" FROM ratelimit_overrides WHERE namespace_id = ? AND identifier = ? AND deleted_at IS NULL"_s);
    query.addBindValue(namespaceId);
    query.addBindValue(identifier);
    return firstRow<RatelimitOverride>(query, overrideFrom);
}

Core::Result<QList<RatelimitOverride>> RatelimitStore::listOverrides(
    const QString &namespaceId, const QString &cursor, int count)
{
    // No cursor (a null QString would bind as NULL, which compares with nothing): the first page.
    QSqlQuery query = m_db.prepare(u"SELECT "_s + OverrideColumns
        + u" FROM ratelimit_overrides WHERE namespace_id = ? AND deleted_at IS NULL"_s
        + (cursor.isEmpty() ? QString() : u" AND id >= ?"_s) + u" ORDER BY id LIMIT ?"_s);
    query.addBindValue(namespaceId);
    if (!cursor.isEmpty())
        query.addBindValue(cursor);
    query.addBindValue(count);
    return overridesFrom(query);
}

Core::Result<RatelimitNamespace> RatelimitStore::insertNamespace(
    const QString &workspaceId, const QString &name, qint64 nowMs, QList<AuditEvent> &audit)
{
    RatelimitNamespace ns {Core::newId(u"rlns"), workspaceId, name, nowMs, false};
    QSqlQuery insert
        = m_db.prepare(u"INSERT INTO ratelimit_namespaces (id, workspace_id, name, created_at) VALUES (?, ?, ?, ?)"_s);
    insert.addBindValue(ns.id);
    insert.addBindValue(ns.workspaceId);
    insert.addBindValue(ns.name);
    insert.addBindValue(nowMs);
    if (!exec(insert))
        return sqlError(insert);
    audit.append(
        {workspaceId, u"ratelimitNamespace.create"_s, u"Created ratelimit namespace "_s + name, {targetOf(ns)}});
    return ns;
}

Core::Result<QList<RatelimitNamespace>> RatelimitStore::ensureNamespaces(
    const QString &workspaceId, const QStringList &idsOrNames, qint64 nowMs, const AuditOrigin &origin)
{
    QList<RatelimitNamespace> result;
    const Core::Status written = m_db.write([&]() -> Core::Status {
        result.clear();
        QList<AuditEvent> audit;
        for (const QString &idOrName : idsOrNames) {
            // Looked up again under the write lock: a concurrent request may have created it since
            // the caller's read, and the name is unique (single flight per workspace and name).
            const Found<RatelimitNamespace> existing = findNamespace(workspaceId, idOrName);
            if (!existing)
                return existing.error();
            if (*existing) {
                result.append(**existing);
                continue;
            }
            auto created = insertNamespace(workspaceId, idOrName, nowMs, audit);
            if (!created)
                return created.error();
            result.append(*created);
        }
        return audit.isEmpty() ? Core::Status() : AuditLog(m_db).append(origin, nowMs, audit);
    });
    if (!written)
        return written.error();
    return result;
}

Core::Result<RatelimitNamespace> RatelimitStore::createNamespace(
    const QString &workspaceId, const QString &name, qint64 nowMs, const AuditOrigin &origin)
{
    std::optional<RatelimitNamespace> result;
    const Core::Status written = m_db.write([&]() -> Core::Status {
        if (Core::Status free = nameIsFree(workspaceId, name); !free)
            return free;
        QList<AuditEvent> audit;
        auto created = insertNamespace(workspaceId, name, nowMs, audit);
        if (!created)
            return created.error();
        result = *created;
        return AuditLog(m_db).append(origin, nowMs, audit);
    });
    if (!written)
        return written.error();
    return *result;
}

Core::Status RatelimitStore::nameIsFree(const QString &workspaceId, const QString &name)
{
    // Called under the write lock, so two concurrent creates or renames to one name cannot both
    // pass; by name only (findNamespace would also match a name that is another namespace's id).
    QSqlQuery taken
        = m_db.prepare(u"SELECT deleted_at FROM ratelimit_namespaces WHERE workspace_id = ? AND name = ?"_s);
    taken.addBindValue(workspaceId);
    taken.addBindValue(name);
    if (!exec(taken))
        return sqlError(taken);
    if (!taken.next())
        return {};
    return makeError(ErrorCode::NamespaceAlreadyExists,
        taken.value(0).isNull() ? u"A namespace named '%1' already exists in this workspace."_s.arg(name)
                                : u"A deleted namespace named '%1' exists in this workspace."_s.arg(name));
}

Core::Result<RatelimitNamespace> RatelimitStore::renameNamespace(
    const RatelimitNamespace &ns, const QString &name, qint64 nowMs, const AuditOrigin &origin)
{
    RatelimitNamespace result = ns;
    result.name = name;
    const Core::Status written = m_db.write([&]() -> Core::Status {
        if (Core::Status free = nameIsFree(ns.workspaceId, name); !free)
            return free;
        QSqlQuery query = m_db.prepare(
            u"UPDATE ratelimit_namespaces SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s);
        query.addBindValue(name);
        query.addBindValue(nowMs);
        query.addBindValue(ns.id);
        if (!exec(query))
            return sqlError(query);
        if (query.numRowsAffected() <= 0)
            return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
        AuditChanges changes;
        changes.scalar(u"name"_s, ns.name, name);
        const AuditEvent event {ns.workspaceId, u"ratelimitNamespace.update"_s,
            u"Renamed ratelimit namespace %1 to %2"_s.arg(ns.name, name), {targetOf(result)}, changes.json()};
        return AuditLog(m_db).append(origin, nowMs, {event});
    });
    if (!written)
        return written.error();
    return result;
}

Core::Status RatelimitStore::deleteNamespace(const RatelimitNamespace &ns, qint64 nowMs, const AuditOrigin &origin)
{
    return m_db.write([&]() -> Core::Status {
        QSqlQuery query = m_db.prepare(
            u"UPDATE ratelimit_namespaces SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s);
        query.addBindValue(nowMs);
        query.addBindValue(nowMs);
        query.addBindValue(ns.id);
        if (!exec(query))
            return sqlError(query);
        if (query.numRowsAffected() <= 0)
            return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
        const AuditEvent event {ns.workspaceId, u"ratelimitNamespace.delete"_s,
            u"Deleted ratelimit namespace "_s + ns.name, {targetOf(ns)}};
        return AuditLog(m_db).append(origin, nowMs, {event});
    });
}

Core::Result<QString> RatelimitStore::upsertOverride(
    const RatelimitNamespace &ns, const QString &identifier, qint64 limit, qint64 durationMs, qint64 nowMs)
{
    const Found<RatelimitOverride> found = findOverride(ns.id, identifier);
    if (!found)
        return found.error();
    const std::optional<RatelimitOverride> &existing = *found;
    const QString id = existing ? existing->id : Core::newId(u"rlor");
    QSqlQuery query = m_db.prepare(existing
            ? u"UPDATE ratelimit_overrides SET \"limit\" = ?, duration = ?, updated_at = ? WHERE id = ?"_s
            : u"INSERT INTO ratelimit_overrides (\"limit\", duration, created_at, id, workspace_id, namespace_id,"
              " identifier) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(limit);
    query.addBindValue(durationMs);
    query.addBindValue(nowMs);
    query.addBindValue(id);
    if (!existing) {
        query.addBindValue(ns.workspaceId);
        query.addBindValue(ns.id);
        query.addBindValue(identifier);
    }
    if (!exec(query))
        return sqlError(query);
    return id;
}

Core::Result<RatelimitOverride> RatelimitStore::setOverride(const RatelimitNamespace &ns, const QString &identifier,
    qint64 limit, qint64 durationMs, qint64 nowMs, const AuditOrigin &origin)
{
    RatelimitOverride result {{}, ns.id, identifier, limit, durationMs};
    const Core::Status written = m_db.write([&]() -> Core::Status {
        // The caller read the namespace before taking the write lock; it may be gone by now.
        const Found<RatelimitNamespace> current = findNamespace(ns.workspaceId, ns.id);
        if (!current)
            return current.error();
        if (!*current || (*current)->deleted)
            return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
        const Found<RatelimitOverride> previous = findOverride(ns.id, identifier);
        if (!previous)
            return previous.error();
        std::optional<AuditChanges::OverrideLimit> before;
        if (*previous)
            before = AuditChanges::OverrideLimit {(*previous)->limit, (*previous)->durationMs};
        auto id = upsertOverride(ns, identifier, limit, durationMs, nowMs);
        if (!id)
            return id.error();
        result.id = *id;
        AuditChanges changes;
        changes.ratelimitOverride(before, {limit, durationMs});
        const AuditEvent event {ns.workspaceId, u"ratelimit.set_override"_s,
            u"Set ratelimit override for %1 and %2"_s.arg(ns.id, identifier),
            {{u"ratelimitOverride"_s, result.id, identifier}, targetOf(ns)}, changes.json()};
        return AuditLog(m_db).append(origin, nowMs, {event});
    });
    if (!written)
        return written.error();
    return result;
}

Core::Status RatelimitStore::deleteOverride(
    const RatelimitNamespace &ns, const RatelimitOverride &target, qint64 nowMs, const AuditOrigin &origin)
{
    return m_db.write([&]() -> Core::Status {
        QSqlQuery query = m_db.prepare(
            u"UPDATE ratelimit_overrides SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"_s);
        query.addBindValue(nowMs);
        query.addBindValue(nowMs);
        query.addBindValue(target.id);
        if (!exec(query))
            return sqlError(query);
        if (query.numRowsAffected() <= 0)
            return makeError(ErrorCode::OverrideNotFound, u"This override does not exist."_s);
        const AuditEvent event {ns.workspaceId, u"ratelimit.delete_override"_s,
            u"Deleted override %1."_s.arg(target.id),
            {{u"ratelimitOverride"_s, target.id, target.identifier}, targetOf(ns)}};
        return AuditLog(m_db).append(origin, nowMs, {event});
    });
}

} // namespace Latchkey::Store
