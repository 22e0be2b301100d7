// RbacStore, part 2: the permission and role catalogue of permissions.* (create, delete, list,
// role <-> permission bindings). Lookups and key bindings are in rbacstore.cpp.
#include "store/rbacstore.h"

#include "core/random.h"
#include "store/rbacsql.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

using namespace RbacSql;

Core::Result<Core::Permission> RbacStore::createPermission(
    const QString &workspaceId, const Core::Permission &permission, qint64 nowMs, QList<AuditEvent> *auditEvents)
{
    const Found<Core::Permission> taken = findPermissionBySlug(workspaceId, permission.slug);
    if (!taken)
        return taken.error();
    if (*taken) {
        return Core::makeError(Core::ErrorCode::PermissionAlreadyExists,
            u"A permission with slug '%1' already exists in this workspace"_s.arg(permission.slug));
    }
    Core::Result<Core::Permission> created = insertPermission(workspaceId, permission, nowMs);
    if (created)
        addEvent(auditEvents, {workspaceId, u"permission.create"_s, u"Created "_s + created->id, {target(*created)}});
    return created;
}

Core::Status RbacStore::deletePermission(
    const QString &workspaceId, const Core::Permission &permission, QList<AuditEvent> *auditEvents)
{
    for (const QString &sql : {u"DELETE FROM keys_permissions WHERE permission_id = ?"_s,
             u"DELETE FROM roles_permissions WHERE permission_id = ?"_s, u"DELETE FROM permissions WHERE id = ?"_s}) {
        if (Core::Status status = execute(m_db, sql, {permission.id}); !status)
            return status;
    }
    addEvent(auditEvents, {workspaceId, u"permission.delete"_s, u"Deleted "_s + permission.id, {target(permission)}});
    return {};
}

Core::Result<RbacPage<Core::Permission>> RbacStore::listPermissions(
    const QString &workspaceId, const RbacListQuery &request)
{
    // instr(lower(..)) rather than LIKE: no escaping of % and _ in the user's search text. Absent
    // cursor/search arrive as null QStrings, which Qt binds as SQL NULL, hence the coalesce().
    const QString search = request.search.toLower();
    auto rows = selectPermissions(m_db,
        u"permissions p WHERE p.workspace_id = ? AND p.id >= coalesce(?, '') AND (coalesce(?, '') = ''"
        " OR instr(lower(p.id), ?) > 0 OR instr(lower(p.name), ?) > 0 OR instr(lower(p.slug), ?) > 0"
        " OR instr(lower(coalesce(p.description, '')), ?) > 0) ORDER BY p.id LIMIT ?"_s,
        {workspaceId, request.cursor, search, search, search, search, search, request.limit + 1});
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), request.limit);
}

// ---- roles ----------------------------------------------------------------------------------

Core::Result<Core::Role> RbacStore::createRole(
    const QString &workspaceId, const Core::Role &role, qint64 nowMs, QList<AuditEvent> *auditEvents)
{
    const Found<Core::Role> taken = findRoleByName(workspaceId, role.name);
    if (!taken)
        return taken.error();
    if (*taken) {
        return Core::makeError(Core::ErrorCode::RoleAlreadyExists,
            u"A role with name '%1' already exists in this workspace"_s.arg(role.name));
    }
    Core::Role created {Core::newId(u"role"), role.name, role.description, {}};
    const Core::Status status = execute(m_db,
        u"INSERT INTO roles (id, workspace_id, name, description, created_at)"
        " VALUES (?, ?, ?, ?, ?)"_s,
        {created.id, workspaceId, created.name, nullIfEmpty(created.description), nowMs});
    if (!status)
        return status.error();
    addEvent(auditEvents, {workspaceId, u"role.create"_s, u"Created "_s + created.id, {target(created)}});
    return created;
}

Core::Status RbacStore::deleteRole(const QString &workspaceId, const Core::Role &role, QList<AuditEvent> *auditEvents)
{
    for (const QString &sql : {u"DELETE FROM keys_roles WHERE role_id = ?"_s,
             u"DELETE FROM roles_permissions WHERE role_id = ?"_s, u"DELETE FROM roles WHERE id = ?"_s}) {
        if (Core::Status status = execute(m_db, sql, {role.id}); !status)
            return status;
    }
    addEvent(auditEvents, {workspaceId, u"role.delete"_s, u"Deleted "_s + role.id, {target(role)}});
    return {};
}

Core::Result<RbacPage<Core::Role>> RbacStore::listRoles(const QString &workspaceId, const RbacListQuery &request)
{
    const QString search = request.search.toLower();
    auto rows = selectRoles(m_db,
        u"roles r WHERE r.workspace_id = ? AND r.id >= coalesce(?, '') AND (coalesce(?, '') = ''"
        " OR instr(lower(r.id), ?) > 0 OR instr(lower(r.name), ?) > 0"
        " OR instr(lower(coalesce(r.description, '')), ?) > 0) ORDER BY r.id LIMIT ?"_s,
        {workspaceId, request.cursor, search, search, search, search, request.limit + 1});
    if (!rows)
        return rows.error();
    RbacPage<Core::Role> page = toPage(std::move(*rows), request.limit);
    if (Core::Status loaded = attachPermissions(page.items); !loaded)
        return loaded.error();
    return page;
}

Core::Status RbacStore::addRolePermissions(const QString &workspaceId, const Core::Role &role,
    const QList<Core::Permission> &permissions, qint64 nowMs, QList<AuditEvent> *auditEvents)
{
    const Core::Result<QList<Core::Permission>> current = rolePermissions(role.id);
    if (!current)
        return current.error();
    QSet<QString> bound;
    for (const QString &id : idsOf(*current))
        bound.insert(id);
    for (const Core::Permission &permission : permissions) {
        if (bound.contains(permission.id))
            continue;
        bound.insert(permission.id);
        const Core::Status status = execute(m_db,
            u"INSERT INTO roles_permissions (role_id, permission_id, workspace_id,"
            " created_at) VALUES (?, ?, ?, ?)"_s,
            {role.id, permission.id, workspaceId, nowMs});
        if (!status)
            return status;
        addEvent(auditEvents,
            {workspaceId, u"authorization.connect_role_and_permission"_s,
                u"Added permission %1 to role %2"_s.arg(permission.name, role.name),
                {target(role), target(permission)}});
    }
    return {};
}

Core::Status RbacStore::removeRolePermissions(const QString &workspaceId, const Core::Role &role,
    const QList<Core::Permission> &permissions, QList<AuditEvent> *auditEvents)
{
    for (const Core::Permission &permission : permissions) {
        bool ok = false;
        QSqlQuery query = execWith(m_db, u"DELETE FROM roles_permissions WHERE role_id = ? AND permission_id = ?"_s,
            {role.id, permission.id}, &ok);
        if (!ok)
            return sqlError(query);
        if (query.numRowsAffected() <= 0) // not bound: nothing to audit
            continue;
        addEvent(auditEvents,
            {workspaceId, u"authorization.disconnect_role_and_permissions"_s,
                u"Removed permission %1 from role %2"_s.arg(permission.name, role.name),
                {target(role), target(permission)}});
    }
    return {};
}

} // namespace Latchkey::Store
