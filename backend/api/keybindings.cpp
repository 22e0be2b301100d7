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

/// What a key's permission bindings and its role bindings differ in: the store calls and the
/// audit events' names and texts (%1 the permission's slug or the role's name, %2 the key id).
template<typename T> struct KeyBindings::Kind {
    Core::Result<QList<T>> (Store::RbacStore::*current)(const QString &keyId);
    Core::Status (Store::RbacStore::*connect)(
        const QString &workspaceId, const QString &keyId, const QList<T> &items, qint64 nowMs);
    Core::Status (Store::RbacStore::*disconnect)(const QString &keyId, const QList<T> &items);
    QString connectEvent;
    QString connected;
    QString disconnectEvent;
    QString disconnected;
};

namespace {

const KeyBindings::Kind<Core::Permission> permissionBindings {&Store::RbacStore::keyPermissions,
    &Store::RbacStore::addKeyPermissions, &Store::RbacStore::removeKeyPermissions,
    u"authorization.connect_permission_and_key"_s, u"Added permission %1 to key %2"_s,
    u"authorization.disconnect_permission_and_key"_s, u"Removed permission %1 from key %2"_s};

const KeyBindings::Kind<Core::Role> roleBindings {&Store::RbacStore::keyRoles, &Store::RbacStore::addKeyRoles,
    &Store::RbacStore::removeKeyRoles, u"authorization.connect_role_and_key"_s, u"Connected role %1 to key %2"_s,
    u"authorization.disconnect_role_and_key"_s, u"Disconnected role %1 from key %2"_s};

} // namespace

void KeyBindings::audit(const QString &event, const QString &description, const Store::AuditTarget &target)
{
    if (m_events)
        m_events->append({m_key.workspaceId, event, description, {target, keyAuditTarget(m_key.id, m_key.name)}});
}

template<typename T> Core::Status KeyBindings::connect(const Kind<T> &kind, const QList<T> &items)
{
    const Core::Result<QList<T>> current = (m_rbac.*kind.current)(m_key.id);
    if (!current)
        return current.error();
    const QList<T> added = select(items, idsOf(*current), false);
    if (Core::Status status = (m_rbac.*kind.connect)(m_key.workspaceId, m_key.id, added, m_nowMs); !status)
        return status;
    m_changedCount += int(added.size());
    for (const T &item : added)
        audit(kind.connectEvent, kind.connected.arg(target(item).name, m_key.id), target(item));
    return {};
}

template<typename T> Core::Status KeyBindings::disconnect(const Kind<T> &kind, const QList<T> &items)
{
    const Core::Result<QList<T>> current = (m_rbac.*kind.current)(m_key.id);
    if (!current)
        return current.error();
    const QList<T> removed = select(items, idsOf(*current), true);
    if (Core::Status status = (m_rbac.*kind.disconnect)(m_key.id, removed); !status)
        return status;
    m_changedCount += int(removed.size());
    for (const T &item : removed)
        audit(kind.disconnectEvent, kind.disconnected.arg(target(item).name, m_key.id), target(item));
    return {};
}

template<typename T> Core::Status KeyBindings::replace(const Kind<T> &kind, const QList<T> &items)
{
    const Core::Result<QList<T>> current = (m_rbac.*kind.current)(m_key.id);
    if (!current)
        return current.error();
    const QList<T> obsolete = select(*current, idsOf(items), false);
    if (Core::Status status = disconnect(kind, obsolete); !status)
        return status;
    return connect(kind, items);
}

Core::Status KeyBindings::addPermissions(const QList<Core::Permission> &permissions)
{
    return connect(permissionBindings, permissions);
}

Core::Status KeyBindings::removePermissions(const QList<Core::Permission> &permissions)
{
    return disconnect(permissionBindings, permissions);
}

Core::Status KeyBindings::setPermissions(const QList<Core::Permission> &permissions)
{
    return replace(permissionBindings, permissions);
}

Core::Status KeyBindings::addRoles(const QList<Core::Role> &roles)
{
    return connect(roleBindings, roles);
}

Core::Status KeyBindings::removeRoles(const QList<Core::Role> &roles)
{
    return disconnect(roleBindings, roles);
}

Core::Status KeyBindings::setRoles(const QList<Core::Role> &roles)
{
    return replace(roleBindings, roles);
}

} // namespace Latchkey::Api
