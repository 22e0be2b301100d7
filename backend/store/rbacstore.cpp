#include "store/rbacstore.h"

#include "core/random.h"
#include "store/rbacsql.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

using namespace RbacSql;

// ---- lookups --------------------------------------------------------------------------------

Found<Core::Permission> RbacStore::findPermission(const QString &workspaceId, const QString &idOrSlug)
{
    // An id wins over a slug that happens to look like another permission's id.
    return firstOf(selectPermissions(m_db,
        u"permissions p WHERE p.workspace_id = ? AND (p.id = ? OR p.slug = ?)"
        " ORDER BY (p.id = ?) DESC LIMIT 1"_s,
        {workspaceId, idOrSlug, idOrSlug, idOrSlug}));
}

Found<Core::Permission> RbacStore::findPermissionBySlug(const QString &workspaceId, const QString &slug)
{
    return firstOf(
        selectPermissions(m_db, u"permissions p WHERE p.workspace_id = ? AND p.slug = ?"_s, {workspaceId, slug}));
}

Found<Core::Role> RbacStore::findRole(const QString &workspaceId, const QString &idOrName)
{
    return withPermissions(firstOf(selectRoles(m_db,
        u"roles r WHERE r.workspace_id = ? AND (r.id = ? OR r.name = ?)"
        " ORDER BY (r.id = ?) DESC LIMIT 1"_s,
        {workspaceId, idOrName, idOrName, idOrName})));
}

Found<Core::Role> RbacStore::findRoleByName(const QString &workspaceId, const QString &name)
{
    return withPermissions(
        firstOf(selectRoles(m_db, u"roles r WHERE r.workspace_id = ? AND r.name = ?"_s, {workspaceId, name})));
}

Found<Core::Role> RbacStore::withPermissions(Found<Core::Role> role)
{
    if (!role || !*role)
        return role;
    Core::Result<QList<Core::Permission>> permissions = rolePermissions((*role)->id);
    if (!permissions)
        return permissions.error();
    (*role)->permissions = std::move(*permissions);
    return role;
}

Core::Status RbacStore::attachPermissions(QList<Core::Role> &roles)
{
    for (Core::Role &role : roles) {
        Core::Result<QList<Core::Permission>> permissions = rolePermissions(role.id);
        if (!permissions)
            return permissions.error();
        role.permissions = std::move(*permissions);
    }
    return {};
}

Core::Result<QList<Core::Role>> RbacStore::findRolesByName(const QString &workspaceId, const QStringList &names)
{
    QList<Core::Role> roles;
    for (const QString &name : unique(names)) {
        Found<Core::Role> role = findRoleByName(workspaceId, name);
        if (!role)
            return role.error();
        if (!*role)
            return Core::makeError(Core::ErrorCode::RoleNotFound, u"Role '%1' was not found."_s.arg(name));
        roles.append(std::move(**role));
    }
    return roles;
}

Core::Result<QStringList> RbacStore::missingPermissionSlugs(const QString &workspaceId, const QStringList &slugs)
{
    QStringList missing;
    for (const QString &slug : unique(slugs)) {
        const Found<Core::Permission> found = findPermissionBySlug(workspaceId, slug);
        if (!found)
            return found.error();
        if (!*found)
            missing.append(slug);
    }
    return missing;
}

Core::Result<QList<Core::Permission>> RbacStore::keyPermissions(const QString &keyId)
{
    return selectPermissions(m_db,
        u"keys_permissions kp JOIN permissions p ON p.id = kp.permission_id"
        " WHERE kp.key_id = ? ORDER BY p.slug"_s,
        {keyId});
}

Core::Result<QList<Core::Role>> RbacStore::keyRoles(const QString &keyId)
{
    Core::Result<QList<Core::Role>> roles = selectRoles(m_db,
        u"keys_roles kr JOIN roles r ON r.id = kr.role_id"
        " WHERE kr.key_id = ? ORDER BY r.name"_s,
        {keyId});
    if (!roles)
        return roles;
    if (Core::Status loaded = attachPermissions(*roles); !loaded)
        return loaded.error();
    return roles;
}

Core::Result<QList<Core::Permission>> RbacStore::rolePermissions(const QString &roleId)
{
    return selectPermissions(m_db,
        u"roles_permissions rp JOIN permissions p ON p.id = rp.permission_id"
        " WHERE rp.role_id = ? ORDER BY p.slug"_s,
        {roleId});
}

// ---- key bindings ---------------------------------------------------------------------------

Core::Status RbacStore::runForEach(
    const QString &sql, const QString &ownerId, const QStringList &ids, const QString &workspaceId, qint64 nowMs)
{
    for (const QString &id : ids) {
        QVariantList values {ownerId, id};
        if (!workspaceId.isEmpty())
            values << workspaceId << nowMs;
        if (Core::Status status = execute(m_db, sql, values); !status)
            return status;
    }
    return {};
}

Core::Status RbacStore::addKeyPermissions(
    const QString &workspaceId, const QString &keyId, const QList<Core::Permission> &permissions, qint64 nowMs)
{
    return runForEach(u"INSERT OR IGNORE INTO keys_permissions (key_id, permission_id, workspace_id, created_at)"
                      " VALUES (?, ?, ?, ?)"_s,
        keyId, idsOf(permissions), workspaceId, nowMs);
}

Core::Status RbacStore::removeKeyPermissions(const QString &keyId, const QList<Core::Permission> &permissions)
{
    return runForEach(
        u"DELETE FROM keys_permissions WHERE key_id = ? AND permission_id = ?"_s, keyId, idsOf(permissions));
}

Core::Status RbacStore::addKeyRoles(
    const QString &workspaceId, const QString &keyId, const QList<Core::Role> &roles, qint64 nowMs)
{
    return runForEach(u"INSERT OR IGNORE INTO keys_roles (key_id, role_id, workspace_id, created_at)"
                      " VALUES (?, ?, ?, ?)"_s,
        keyId, idsOf(roles), workspaceId, nowMs);
}

Core::Status RbacStore::removeKeyRoles(const QString &keyId, const QList<Core::Role> &roles)
{
    return runForEach(u"DELETE FROM keys_roles WHERE key_id = ? AND role_id = ?"_s, keyId, idsOf(roles));
}

Core::Status RbacStore::clearKeyPermissions(const QString &keyId)
{
    return execute(m_db, u"DELETE FROM keys_permissions WHERE key_id = ?"_s, {keyId});
}

Core::Status RbacStore::clearKeyRoles(const QString &keyId)
{
    return execute(m_db, u"DELETE FROM keys_roles WHERE key_id = ?"_s, {keyId});
}

// ---- permissions ----------------------------------------------------------------------------

Core::Result<Core::Permission> RbacStore::insertPermission(
    const QString &workspaceId, const Core::Permission &permission, qint64 nowMs)
{
    Core::Permission created = permission;
    created.id = Core::newId(u"perm");
    const Core::Status status = execute(m_db,
        u"INSERT INTO permissions (id, workspace_id, name, slug, description,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {created.id, workspaceId, created.name, created.slug, nullIfEmpty(created.description), nowMs});
    if (!status)
        return status.error();
    return created;
}

Core::Result<QList<Core::Permission>> RbacStore::ensurePermissions(const QString &workspaceId, const QStringList &slugs,
    qint64 nowMs, QList<AuditEvent> *auditEvents, QStringList *createdSlugs)
{
    QList<Core::Permission> permissions;
    for (const QString &slug : unique(slugs)) {
        Found<Core::Permission> found = findPermissionBySlug(workspaceId, slug);
        if (!found)
            return found.error();
        if (*found) {
            permissions.append(std::move(**found));
            continue;
        }
        Core::Result<Core::Permission> created = insertPermission(workspaceId, {{}, slug, slug, {}}, nowMs);
        if (!created)
            return created.error();
        addEvent(auditEvents,
            {workspaceId, u"permission.create"_s, u"Created %1 (%2)"_s.arg(slug, created->id), {target(*created)}});
        if (createdSlugs)
            createdSlugs->append(slug);
        permissions.append(std::move(*created));
    }
    return permissions;
}

Core::Result<QList<Core::Permission>> RbacStore::ensurePermissions(const QString &workspaceId, const QStringList &slugs,
    qint64 nowMs, const AuditOrigin &origin, QStringList *createdSlugs)
{
    QList<AuditEvent> events;
    auto permissions = ensurePermissions(workspaceId, slugs, nowMs, &events, createdSlugs);
    if (!permissions || events.isEmpty())
        return permissions;
    if (Core::Status status = AuditLog(m_db).append(origin, nowMs, events); !status)
        return status.error();
    return permissions;
}

} // namespace Latchkey::Store
