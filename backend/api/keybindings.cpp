#include "api/keybindings.h"

#include "api/keyaccess.h"
#include "store/rbacstore.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

template<typename T> QSet<QString> idsOf(const QList<T> &items)
{
    QSet<QString> ids;
    for (const T &item : items)
        ids.insert(item.id);
    return ids;
}

/// Items of @p items whose id is (@p wanted true) or is not (false) in @p ids, de-duplicated.
template<typename T> QList<T> select(const QList<T> &items, const QSet<QString> &ids, bool wanted)
{
    QList<T> result;
    QSet<QString> seen;
    for (const T &item : items) {
        if (ids.contains(item.id) == wanted && !seen.contains(item.id)) {
            seen.insert(item.id);
            result.append(item);
        }
    }
    return result;
}

Store::AuditTarget target(const Core::Permission &permission)
{
    return Store::AuditTarget {u"permission"_s, permission.id, permission.slug};
}

Store::AuditTarget target(const Core::Role &role)
{
    return Store::AuditTarget {u"role"_s, role.id, role.name};
}

} // namespace

void KeyBindings::audit(const QString &event, const QString &description, const Store::AuditTarget &target)
{
    if (m_events)
        m_events->append({m_key.workspaceId, event, description, {target, keyAuditTarget(m_key.id, m_key.name)}});
}

Core::Status KeyBindings::addPermissions(const QList<Core::Permission> &permissions)
{
    const QList<Core::Permission> added = select(permissions, idsOf(m_rbac.keyPermissions(m_key.id)), false);
    if (Core::Status status = m_rbac.addKeyPermissions(m_key.workspaceId, m_key.id, added, m_nowMs); !status)
        return status;
    for (const Core::Permission &permission : added) {
        audit(u"authorization.connect_permission_and_key"_s,
            u"Added permission %1 to key %2"_s.arg(permission.slug, m_key.id), target(permission));
    }
    return {};
}

Core::Status KeyBindings::removePermissions(const QList<Core::Permission> &permissions)
{
    const QList<Core::Permission> removed = select(permissions, idsOf(m_rbac.keyPermissions(m_key.id)), true);
    if (Core::Status status = m_rbac.removeKeyPermissions(m_key.id, removed); !status)
        return status;
    for (const Core::Permission &permission : removed) {
        audit(u"authorization.disconnect_permission_and_key"_s,
            u"Removed permission %1 from key %2"_s.arg(permission.slug, m_key.id), target(permission));
    }
    return {};
}

Core::Status KeyBindings::setPermissions(const QList<Core::Permission> &permissions)
{
    const QList<Core::Permission> obsolete = select(m_rbac.keyPermissions(m_key.id), idsOf(permissions), false);
    if (Core::Status status = removePermissions(obsolete); !status)
        return status;
    return addPermissions(permissions);
}

Core::Status KeyBindings::addRoles(const QList<Core::Role> &roles)
{
    const QList<Core::Role> added = select(roles, idsOf(m_rbac.keyRoles(m_key.id)), false);
    if (Core::Status status = m_rbac.addKeyRoles(m_key.workspaceId, m_key.id, added, m_nowMs); !status)
        return status;
    for (const Core::Role &role : added)
        audit(u"authorization.connect_role_and_key"_s, u"Connected role %1 to key %2"_s.arg(role.name, m_key.id),
            target(role));
    return {};
}

Core::Status KeyBindings::removeRoles(const QList<Core::Role> &roles)
{
    const QList<Core::Role> removed = select(roles, idsOf(m_rbac.keyRoles(m_key.id)), true);
    if (Core::Status status = m_rbac.removeKeyRoles(m_key.id, removed); !status)
        return status;
    for (const Core::Role &role : removed) {
        audit(u"authorization.disconnect_role_and_key"_s,
            u"Disconnected role %1 from key %2"_s.arg(role.name, m_key.id), target(role));
    }
    return {};
}

Core::Status KeyBindings::setRoles(const QList<Core::Role> &roles)
{
    const QList<Core::Role> obsolete = select(m_rbac.keyRoles(m_key.id), idsOf(roles), false);
    if (Core::Status status = removeRoles(obsolete); !status)
        return status;
    return addRoles(roles);
}

} // namespace Latchkey::Api
