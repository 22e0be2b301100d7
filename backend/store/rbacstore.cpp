#include "store/rbacstore.h"

#include "core/random.h"
#include "store/database.h"

#include <QSet>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

const QString permissionColumns = u"p.id, p.name, p.slug, p.description"_s;

Core::Permission readPermission(const QSqlQuery &query)
{
    return Core::Permission{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                            query.value(3).toString()};
}

Core::Role readRole(const QSqlQuery &query)
{
    return Core::Role{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), {}};
}

Core::Status run(QSqlQuery &query)
{
    if (!exec(query))
        return sqlError(query);
    return {};
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QStringList unique(const QStringList &values)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &value : values) {
        if (!seen.contains(value)) {
            seen.insert(value);
            result.append(value);
        }
    }
    return result;
}

AuditTarget target(const Core::Permission &permission)
{
    return AuditTarget{u"permission"_s, permission.id, permission.slug};
}

AuditTarget target(const Core::Role &role)
{
    return AuditTarget{u"role"_s, role.id, role.name};
}

void addEvent(QList<AuditEvent> *events, AuditEvent event)
{
    if (events)
        events->append(std::move(event));
}

/// Cursor page from rows fetched with limit + 1: the extra row's id is the next cursor.
template<typename T>
RbacPage<T> toPage(QList<T> rows, int limit)
{
    RbacPage<T> page;
    if (rows.size() > limit) {
        page.hasMore = true;
        page.nextCursor = rows.at(limit).id;
        rows.resize(limit);
    }
    page.items = std::move(rows);
    return page;
}

} // namespace

// ---- lookups --------------------------------------------------------------------------------

std::optional<Core::Permission> RbacStore::findPermission(const QString &workspaceId, const QString &idOrSlug)
{
    // An id wins over a slug that happens to look like another permission's id.
    QSqlQuery query = m_db.prepare(u"SELECT "_s + permissionColumns
                                   + u" FROM permissions p WHERE p.workspace_id = ? AND (p.id = ? OR p.slug = ?)"
                                     " ORDER BY (p.id = ?) DESC LIMIT 1"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(idOrSlug);
    query.addBindValue(idOrSlug);
    query.addBindValue(idOrSlug);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readPermission(query);
}

std::optional<Core::Permission> RbacStore::findPermissionBySlug(const QString &workspaceId, const QString &slug)
{
    QSqlQuery query = m_db.prepare(u"SELECT "_s + permissionColumns
                                   + u" FROM permissions p WHERE p.workspace_id = ? AND p.slug = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(slug);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readPermission(query);
}

std::optional<Core::Role> RbacStore::findRole(const QString &workspaceId, const QString &idOrName)
{
    QSqlQuery query = m_db.prepare(u"SELECT id, name, description FROM roles WHERE workspace_id = ?"
                                   " AND (id = ? OR name = ?) ORDER BY (id = ?) DESC LIMIT 1"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(idOrName);
    query.addBindValue(idOrName);
    query.addBindValue(idOrName);
    if (!exec(query) || !query.next())
        return std::nullopt;
    Core::Role role = readRole(query);
    role.permissions = rolePermissions(role.id);
    return role;
}

std::optional<Core::Role> RbacStore::findRoleByName(const QString &workspaceId, const QString &name)
{
    QSqlQuery query = m_db.prepare(u"SELECT id, name, description FROM roles WHERE workspace_id = ? AND name = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(name);
    if (!exec(query) || !query.next())
        return std::nullopt;
    Core::Role role = readRole(query);
    role.permissions = rolePermissions(role.id);
    return role;
}

Core::Result<QList<Core::Role>> RbacStore::findRolesByName(const QString &workspaceId, const QStringList &names)
{
    QList<Core::Role> roles;
    for (const QString &name : unique(names)) {
        std::optional<Core::Role> role = findRoleByName(workspaceId, name);
        if (!role)
            return Core::makeError(Core::ErrorCode::RoleNotFound, u"Role '%1' was not found."_s.arg(name));
        roles.append(std::move(*role));
    }
    return roles;
}

QStringList RbacStore::missingPermissionSlugs(const QString &workspaceId, const QStringList &slugs)
{
    QStringList missing;
    for (const QString &slug : unique(slugs)) {
        if (!findPermissionBySlug(workspaceId, slug))
            missing.append(slug);
    }
    return missing;
}

QList<Core::Permission> RbacStore::keyPermissions(const QString &keyId)
{
    QSqlQuery query = m_db.prepare(u"SELECT "_s + permissionColumns
                                   + u" FROM keys_permissions kp JOIN permissions p ON p.id = kp.permission_id"
                                     " WHERE kp.key_id = ? ORDER BY p.slug"_s);
    query.addBindValue(keyId);
    QList<Core::Permission> permissions;
    if (exec(query)) {
        while (query.next())
            permissions.append(readPermission(query));
    }
    return permissions;
}

QList<Core::Role> RbacStore::keyRoles(const QString &keyId)
{
    QSqlQuery query = m_db.prepare(u"SELECT r.id, r.name, r.description FROM keys_roles kr"
                                   " JOIN roles r ON r.id = kr.role_id WHERE kr.key_id = ? ORDER BY r.name"_s);
    query.addBindValue(keyId);
    QList<Core::Role> roles;
    if (exec(query)) {
        while (query.next())
            roles.append(readRole(query));
    }
    for (Core::Role &role : roles)
        role.permissions = rolePermissions(role.id);
    return roles;
}

QList<Core::Permission> RbacStore::rolePermissions(const QString &roleId)
{
    QSqlQuery query = m_db.prepare(u"SELECT "_s + permissionColumns
                                   + u" FROM roles_permissions rp JOIN permissions p ON p.id = rp.permission_id"
                                     " WHERE rp.role_id = ? ORDER BY p.slug"_s);
    query.addBindValue(roleId);
    QList<Core::Permission> permissions;
    if (exec(query)) {
        while (query.next())
            permissions.append(readPermission(query));
    }
    return permissions;
}

// ---- key bindings ---------------------------------------------------------------------------

Core::Status RbacStore::runForEach(const QString &sql, const QString &ownerId, const QStringList &ids,
                                   const QString &workspaceId, qint64 nowMs)
{
    QSqlQuery query = m_db.prepare(sql);
    for (const QString &id : ids) {
        query.addBindValue(ownerId);
        query.addBindValue(id);
        if (!workspaceId.isEmpty()) {
            query.addBindValue(workspaceId);
            query.addBindValue(nowMs);
        }
        if (Core::Status status = run(query); !status)
            return status;
    }
    return {};
}

template<typename T>
static QStringList idsOf(const QList<T> &items)
{
    QStringList ids;
    for (const T &item : items)
        ids.append(item.id);
    return ids;
}

Core::Status RbacStore::addKeyPermissions(const QString &workspaceId, const QString &keyId,
                                          const QList<Core::Permission> &permissions, qint64 nowMs)
{
    return runForEach(u"INSERT OR IGNORE INTO keys_permissions (key_id, permission_id, workspace_id, created_at)"
                      " VALUES (?, ?, ?, ?)"_s,
                      keyId, idsOf(permissions), workspaceId, nowMs);
}

Core::Status RbacStore::removeKeyPermissions(const QString &keyId, const QList<Core::Permission> &permissions)
{
    return runForEach(u"DELETE FROM keys_permissions WHERE key_id = ? AND permission_id = ?"_s, keyId,
                      idsOf(permissions));
}

Core::Status RbacStore::addKeyRoles(const QString &workspaceId, const QString &keyId, const QList<Core::Role> &roles,
                                    qint64 nowMs)
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
    QSqlQuery query = m_db.prepare(u"DELETE FROM keys_permissions WHERE key_id = ?"_s);
    query.addBindValue(keyId);
    return run(query);
}

Core::Status RbacStore::clearKeyRoles(const QString &keyId)
{
    QSqlQuery query = m_db.prepare(u"DELETE FROM keys_roles WHERE key_id = ?"_s);
    query.addBindValue(keyId);
    return run(query);
}

// ---- permissions ----------------------------------------------------------------------------

Core::Result<Core::Permission> RbacStore::insertPermission(const QString &workspaceId,
                                                           const Core::Permission &permission, qint64 nowMs)
{
    Core::Permission created = permission;
    created.id = Core::newId(u"perm");
    QSqlQuery query = m_db.prepare(u"INSERT INTO permissions (id, workspace_id, name, slug, description, created_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(created.id);
    query.addBindValue(workspaceId);
    query.addBindValue(created.name);
    query.addBindValue(created.slug);
    query.addBindValue(nullIfEmpty(created.description));
    query.addBindValue(nowMs);
    if (!exec(query))
        return sqlError(query);
    return created;
}

Core::Result<QList<Core::Permission>> RbacStore::ensurePermissions(const QString &workspaceId,
                                                                  const QStringList &slugs, qint64 nowMs,
                                                                  QList<AuditEvent> *auditEvents,
                                                                  QStringList *createdSlugs)
{
    QList<Core::Permission> permissions;
    for (const QString &slug : unique(slugs)) {
        if (std::optional<Core::Permission> found = findPermissionBySlug(workspaceId, slug)) {
            permissions.append(std::move(*found));
            continue;
        }
        Core::Result<Core::Permission> created = insertPermission(workspaceId, {{}, slug, slug, {}}, nowMs);
        if (!created)
            return created.error();
        addEvent(auditEvents, {workspaceId, u"permission.create"_s,
                               u"Created %1 (%2)"_s.arg(slug, created->id), {target(*created)}});
        if (createdSlugs)
            createdSlugs->append(slug);
        permissions.append(std::move(*created));
    }
    return permissions;
}

Core::Result<QList<Core::Permission>> RbacStore::ensurePermissions(const QString &workspaceId,
                                                                  const QStringList &slugs, qint64 nowMs,
                                                                  const AuditOrigin &origin,
                                                                  QStringList *createdSlugs)
{
    QList<AuditEvent> events;
    auto permissions = ensurePermissions(workspaceId, slugs, nowMs, &events, createdSlugs);
    if (!permissions || events.isEmpty())
        return permissions;
    if (Core::Status status = AuditLog(m_db).append(origin, nowMs, events); !status)
        return status.error();
    return permissions;
}

Core::Result<Core::Permission> RbacStore::createPermission(const QString &workspaceId,
                                                           const Core::Permission &permission, qint64 nowMs,
                                                           QList<AuditEvent> *auditEvents)
{
    if (findPermissionBySlug(workspaceId, permission.slug)) {
        return Core::makeError(Core::ErrorCode::PermissionAlreadyExists,
                               u"A permission with slug '%1' already exists in this workspace"_s.arg(permission.slug));
    }
    Core::Result<Core::Permission> created = insertPermission(workspaceId, permission, nowMs);
    if (created)
        addEvent(auditEvents, {workspaceId, u"permission.create"_s, u"Created "_s + created->id, {target(*created)}});
    return created;
}

Core::Status RbacStore::deletePermission(const QString &workspaceId, const Core::Permission &permission,
                                         QList<AuditEvent> *auditEvents)
{
    for (const QString &sql : {u"DELETE FROM keys_permissions WHERE permission_id = ?"_s,
                               u"DELETE FROM roles_permissions WHERE permission_id = ?"_s,
                               u"DELETE FROM permissions WHERE id = ?"_s}) {
        QSqlQuery query = m_db.prepare(sql);
        query.addBindValue(permission.id);
        if (Core::Status status = run(query); !status)
            return status;
    }
    addEvent(auditEvents, {workspaceId, u"permission.delete"_s, u"Deleted "_s + permission.id, {target(permission)}});
    return {};
}

Core::Result<RbacPage<Core::Permission>> RbacStore::listPermissions(const QString &workspaceId,
                                                                   const RbacListQuery &request)
{
    // instr(lower(..)) rather than LIKE: no escaping of % and _ in the user's search text. Absent
    // cursor/search arrive as null QStrings, which Qt binds as SQL NULL, hence the coalesce().
    QSqlQuery query = m_db.prepare(
        u"SELECT "_s + permissionColumns
        + u" FROM permissions p WHERE p.workspace_id = ? AND p.id >= coalesce(?, '') AND (coalesce(?, '') = ''"
          " OR instr(lower(p.id), ?) > 0 OR instr(lower(p.name), ?) > 0 OR instr(lower(p.slug), ?) > 0"
          " OR instr(lower(coalesce(p.description, '')), ?) > 0) ORDER BY p.id LIMIT ?"_s);
    const QString search = request.search.toLower();
    query.addBindValue(workspaceId);
    query.addBindValue(request.cursor);
    for (int i = 0; i < 5; ++i)
        query.addBindValue(search);
    query.addBindValue(request.limit + 1);
    if (!exec(query))
        return sqlError(query);
    QList<Core::Permission> rows;
    while (query.next())
        rows.append(readPermission(query));
    return toPage(std::move(rows), request.limit);
}

// ---- roles ----------------------------------------------------------------------------------

Core::Result<Core::Role> RbacStore::createRole(const QString &workspaceId, const Core::Role &role, qint64 nowMs,
                                               QList<AuditEvent> *auditEvents)
{
    if (findRoleByName(workspaceId, role.name)) {
        return Core::makeError(Core::ErrorCode::RoleAlreadyExists,
                               u"A role with name '%1' already exists in this workspace"_s.arg(role.name));
    }
    Core::Role created{Core::newId(u"role"), role.name, role.description, {}};
    QSqlQuery query = m_db.prepare(
        u"INSERT INTO roles (id, workspace_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(created.id);
    query.addBindValue(workspaceId);
    query.addBindValue(created.name);
    query.addBindValue(nullIfEmpty(created.description));
    query.addBindValue(nowMs);
    if (!exec(query))
        return sqlError(query);
    addEvent(auditEvents, {workspaceId, u"role.create"_s, u"Created "_s + created.id, {target(created)}});
    return created;
}

Core::Status RbacStore::deleteRole(const QString &workspaceId, const Core::Role &role, QList<AuditEvent> *auditEvents)
{
    for (const QString &sql : {u"DELETE FROM keys_roles WHERE role_id = ?"_s,
                               u"DELETE FROM roles_permissions WHERE role_id = ?"_s,
                               u"DELETE FROM roles WHERE id = ?"_s}) {
        QSqlQuery query = m_db.prepare(sql);
        query.addBindValue(role.id);
        if (Core::Status status = run(query); !status)
            return status;
    }
    addEvent(auditEvents, {workspaceId, u"role.delete"_s, u"Deleted "_s + role.id, {target(role)}});
    return {};
}

Core::Result<RbacPage<Core::Role>> RbacStore::listRoles(const QString &workspaceId, const RbacListQuery &request)
{
    QSqlQuery query = m_db.prepare(
        u"SELECT id, name, description FROM roles WHERE workspace_id = ? AND id >= coalesce(?, '')"
        " AND (coalesce(?, '') = ''"
        " OR instr(lower(id), ?) > 0 OR instr(lower(name), ?) > 0"
        " OR instr(lower(coalesce(description, '')), ?) > 0) ORDER BY id LIMIT ?"_s);
    const QString search = request.search.toLower();
    query.addBindValue(workspaceId);
    query.addBindValue(request.cursor);
    for (int i = 0; i < 4; ++i)
        query.addBindValue(search);
    query.addBindValue(request.limit + 1);
    if (!exec(query))
        return sqlError(query);
    QList<Core::Role> rows;
    while (query.next())
        rows.append(readRole(query));
    RbacPage<Core::Role> page = toPage(std::move(rows), request.limit);
    for (Core::Role &role : page.items)
        role.permissions = rolePermissions(role.id);
    return page;
}

Core::Status RbacStore::addRolePermissions(const QString &workspaceId, const Core::Role &role,
                                           const QList<Core::Permission> &permissions, qint64 nowMs,
                                           QList<AuditEvent> *auditEvents)
{
    const QStringList existing = idsOf(rolePermissions(role.id));
    QSqlQuery query = m_db.prepare(u"INSERT INTO roles_permissions (role_id, permission_id, workspace_id, created_at)"
                                   " VALUES (?, ?, ?, ?)"_s);
    QSet<QString> added;
    for (const Core::Permission &permission : permissions) {
        if (existing.contains(permission.id) || added.contains(permission.id))
            continue;
        added.insert(permission.id);
        query.addBindValue(role.id);
        query.addBindValue(permission.id);
        query.addBindValue(workspaceId);
        query.addBindValue(nowMs);
        if (Core::Status status = run(query); !status)
            return status;
        addEvent(auditEvents, {workspaceId, u"authorization.connect_role_and_permission"_s,
                               u"Added permission %1 to role %2"_s.arg(permission.name, role.name),
                               {target(role), target(permission)}});
    }
    return {};
}

Core::Status RbacStore::removeRolePermissions(const QString &workspaceId, const Core::Role &role,
                                              const QList<Core::Permission> &permissions,
                                              QList<AuditEvent> *auditEvents)
{
    QSqlQuery query = m_db.prepare(u"DELETE FROM roles_permissions WHERE role_id = ? AND permission_id = ?"_s);
    for (const Core::Permission &permission : permissions) {
        query.addBindValue(role.id);
        query.addBindValue(permission.id);
        if (Core::Status status = run(query); !status)
            return status;
        if (query.numRowsAffected() <= 0)
            continue;
        addEvent(auditEvents, {workspaceId, u"authorization.disconnect_role_and_permissions"_s,
                               u"Removed permission %1 from role %2"_s.arg(permission.name, role.name),
                               {target(role), target(permission)}});
    }
    return {};
}

} // namespace Latchkey::Store
