#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"

#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// Permissions, roles and their bindings to keys. Mutating calls must run inside Database::write().
class RbacStore
{
public:
    explicit RbacStore(Database &db) : m_db(db) { }

    /// Permissions with these slugs, creating the missing ones (name = slug) and auditing
    /// `permission.create` for each created. Returned in the order of @p slugs, de-duplicated.
    [[nodiscard]] Core::Result<QList<Core::Permission>> ensurePermissions(const QString &workspaceId,
                                                                         const QStringList &slugs, qint64 nowMs,
                                                                         const AuditOrigin &origin,
                                                                         QStringList *createdSlugs = nullptr);
    /// Roles with these names; RoleNotFound "Role '<name>' was not found." for the first missing.
    [[nodiscard]] Core::Result<QList<Core::Role>> findRolesByName(const QString &workspaceId, const QStringList &names);
    /// A permission by id or slug.
    [[nodiscard]] std::optional<Core::Permission> findPermission(const QString &workspaceId, const QString &idOrSlug);
    /// A role by id or name, with its permissions.
    [[nodiscard]] std::optional<Core::Role> findRole(const QString &workspaceId, const QString &idOrName);

    /// Direct permissions / roles (with their permissions) of a key, ordered by slug / name.
    [[nodiscard]] QList<Core::Permission> keyPermissions(const QString &keyId);
    [[nodiscard]] QList<Core::Role> keyRoles(const QString &keyId);

    /// Bindings; add is idempotent, remove ignores missing bindings.
    [[nodiscard]] Core::Status addKeyPermissions(const QString &workspaceId, const QString &keyId,
                                                 const QList<Core::Permission> &permissions, qint64 nowMs);
    [[nodiscard]] Core::Status removeKeyPermissions(const QString &keyId, const QList<Core::Permission> &permissions);
    [[nodiscard]] Core::Status addKeyRoles(const QString &workspaceId, const QString &keyId,
                                           const QList<Core::Role> &roles, qint64 nowMs);
    [[nodiscard]] Core::Status removeKeyRoles(const QString &keyId, const QList<Core::Role> &roles);
    /// Removes every binding of a key (hard delete, set* replacing all).
    [[nodiscard]] Core::Status clearKeyPermissions(const QString &keyId);
    [[nodiscard]] Core::Status clearKeyRoles(const QString &keyId);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
