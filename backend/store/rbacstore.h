#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"
#include "store/found.h"

#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// A list request of permissions.listPermissions / permissions.listRoles: rows with
/// `id >= cursor` (ordered by id) whose id, name, slug or description contains @p search
/// (case-insensitive for ASCII), at most @p limit of them.
struct RbacListQuery {
    QString cursor;
    QString search;
    int limit = 100;
};

/// One page of a cursor-paginated list; @p nextCursor is the id of the first row of the next
/// page (empty on the last page).
template<typename T> struct RbacPage {
    QList<T> items;
    bool hasMore = false;
    QString nextCursor;
};

/// Permissions, roles and their bindings to keys. Mutating calls must run inside Database::write().
/// Audit events are either appended directly (calls taking an AuditOrigin) or collected into an
/// `auditEvents` list the caller appends in the same write (so one request shares one correlation id).
class RbacStore
{
public:
    explicit RbacStore(Database &db)
        : m_db(db)
    { }

    // ---- lookups used by keys.* -------------------------------------------------------------

    /// Permissions with these slugs, creating the missing ones (name = slug) and auditing
    /// `permission.create` for each created. Returned in the order of @p slugs, de-duplicated.
    [[nodiscard]] Core::Result<QList<Core::Permission>> ensurePermissions(const QString &workspaceId,
        const QStringList &slugs, qint64 nowMs, const AuditOrigin &origin, QStringList *createdSlugs = nullptr);
    /// As above, but the `permission.create` events are appended to @p auditEvents instead of
    /// being written (the caller appends them with its own events).
    [[nodiscard]] Core::Result<QList<Core::Permission>> ensurePermissions(const QString &workspaceId,
        const QStringList &slugs, qint64 nowMs, QList<AuditEvent> *auditEvents, QStringList *createdSlugs = nullptr);
    /// The slugs of @p slugs that no permission of the workspace has (de-duplicated, in order):
    /// handlers use it to decide whether `rbac.*.create_permission` is needed.
    [[nodiscard]] Core::Result<QStringList> missingPermissionSlugs(
        const QString &workspaceId, const QStringList &slugs);
    /// Roles with these names; RoleNotFound "Role '<name>' was not found." for the first missing.
    [[nodiscard]] Core::Result<QList<Core::Role>> findRolesByName(const QString &workspaceId, const QStringList &names);
    /// A permission by id or slug (nullopt: none; an error: the read failed).
    [[nodiscard]] Found<Core::Permission> findPermission(const QString &workspaceId, const QString &idOrSlug);
    /// A role by id or name, with its permissions (an error when they cannot be read: a role shown
    /// without them would be saved back without them).
    [[nodiscard]] Found<Core::Role> findRole(const QString &workspaceId, const QString &idOrName);

    /// Direct permissions / roles (with their permissions) of a key, ordered by slug / name. A
    /// failed query is an error, never "none": a client would save "none" back.
    [[nodiscard]] Core::Result<QList<Core::Permission>> keyPermissions(const QString &keyId);
    [[nodiscard]] Core::Result<QList<Core::Role>> keyRoles(const QString &keyId);

    /// Bindings; add is idempotent, remove ignores missing bindings.
    [[nodiscard]] Core::Status addKeyPermissions(
        const QString &workspaceId, const QString &keyId, const QList<Core::Permission> &permissions, qint64 nowMs);
    [[nodiscard]] Core::Status removeKeyPermissions(const QString &keyId, const QList<Core::Permission> &permissions);
    [[nodiscard]] Core::Status addKeyRoles(
        const QString &workspaceId, const QString &keyId, const QList<Core::Role> &roles, qint64 nowMs);
    [[nodiscard]] Core::Status removeKeyRoles(const QString &keyId, const QList<Core::Role> &roles);
    /// Removes every binding of a key (hard delete, set* replacing all).
    [[nodiscard]] Core::Status clearKeyPermissions(const QString &keyId);
    [[nodiscard]] Core::Status clearKeyRoles(const QString &keyId);

    // ---- permissions.* ----------------------------------------------------------------------

    /// Inserts a permission (new "perm_" id); PermissionAlreadyExists (409) when the slug is taken.
    /// Appends `permission.create` to @p auditEvents.
    [[nodiscard]] Core::Result<Core::Permission> createPermission(
        const QString &workspaceId, const Core::Permission &permission, qint64 nowMs, QList<AuditEvent> *auditEvents);
    /// Deletes a permission and its bindings to keys and roles; appends `permission.delete`.
    [[nodiscard]] Core::Status deletePermission(
        const QString &workspaceId, const Core::Permission &permission, QList<AuditEvent> *auditEvents);
    [[nodiscard]] Core::Result<RbacPage<Core::Permission>> listPermissions(
        const QString &workspaceId, const RbacListQuery &query);

    /// Inserts a role (new "role_" id, no permissions); RoleAlreadyExists (409) when the name is
    /// taken. Appends `role.create`.
    [[nodiscard]] Core::Result<Core::Role> createRole(
        const QString &workspaceId, const Core::Role &role, qint64 nowMs, QList<AuditEvent> *auditEvents);
    /// Deletes a role and its bindings to keys and permissions; appends `role.delete`.
    [[nodiscard]] Core::Status deleteRole(
        const QString &workspaceId, const Core::Role &role, QList<AuditEvent> *auditEvents);
    /// Roles with their permissions.
    [[nodiscard]] Core::Result<RbacPage<Core::Role>> listRoles(const QString &workspaceId, const RbacListQuery &query);

    /// Permissions bound to a role, ordered by slug; a failed query is an error.
    [[nodiscard]] Core::Result<QList<Core::Permission>> rolePermissions(const QString &roleId);
    /// Binds permissions to a role (idempotent); appends `authorization.connect_role_and_permission`
    /// for each new binding.
    [[nodiscard]] Core::Status addRolePermissions(const QString &workspaceId, const Core::Role &role,
        const QList<Core::Permission> &permissions, qint64 nowMs, QList<AuditEvent> *auditEvents);
    /// Unbinds permissions from a role (missing bindings ignored); appends
    /// `authorization.disconnect_role_and_permissions` for each removed binding.
    [[nodiscard]] Core::Status removeRolePermissions(const QString &workspaceId, const Core::Role &role,
        const QList<Core::Permission> &permissions, QList<AuditEvent> *auditEvents);

private:
    Core::Result<Core::Permission> insertPermission(
        const QString &workspaceId, const Core::Permission &permission, qint64 nowMs);
    Found<Core::Permission> findPermissionBySlug(const QString &workspaceId, const QString &slug);
    Found<Core::Role> findRoleByName(const QString &workspaceId, const QString &name);
    /// Loads the permissions of each of @p roles.
    Core::Status attachPermissions(QList<Core::Role> &roles);
    /// @p role with its permissions; an error when they cannot be read.
    Found<Core::Role> withPermissions(Found<Core::Role> role);
    Core::Status runForEach(const QString &sql, const QString &ownerId, const QStringList &ids,
        const QString &workspaceId = {}, qint64 nowMs = 0);

    Database &m_db;
};

} // namespace Latchkey::Store
