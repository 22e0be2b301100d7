#pragma once

#include "core/domain.h"
#include "core/error.h"
#include "store/auditlog.h"
#include "store/keystore.h"

namespace Latchkey::Store {
class RbacStore;
} // namespace Latchkey::Store

namespace Latchkey::Api {

/// Changes the direct permissions and roles of a key. Each function only touches bindings that
/// actually change, and appends one `authorization.connect_*_and_key` /
/// `authorization.disconnect_*_and_key` event per changed binding to @p events (null: no events,
/// as keys.updateKey writes none). Call inside Database::write().
class KeyBindings
{
public:
    KeyBindings(Store::RbacStore &rbac, const Store::KeyRecord &key, qint64 nowMs, QList<Store::AuditEvent> *events)
        : m_rbac(rbac)
        , m_key(key)
        , m_nowMs(nowMs)
        , m_events(events)
    { }

    [[nodiscard]] Core::Status addPermissions(const QList<Core::Permission> &permissions);
    [[nodiscard]] Core::Status removePermissions(const QList<Core::Permission> &permissions);
    /// Makes @p permissions the key's direct permissions (an empty list clears them).
    [[nodiscard]] Core::Status setPermissions(const QList<Core::Permission> &permissions);

    [[nodiscard]] Core::Status addRoles(const QList<Core::Role> &roles);
    [[nodiscard]] Core::Status removeRoles(const QList<Core::Role> &roles);
    [[nodiscard]] Core::Status setRoles(const QList<Core::Role> &roles);

    /// How many bindings the calls so far connected or disconnected (keys.updateKey's audit row
    /// names the permissions or roles when their call changed any).
    [[nodiscard]] int changedCount() const { return m_changedCount; }

    /// The store calls and audit texts of one kind of binding (keybindings.cpp).
    template<typename T> struct Kind;

private:
    template<typename T> [[nodiscard]] Core::Status connect(const Kind<T> &kind, const QList<T> &items);
    template<typename T> [[nodiscard]] Core::Status disconnect(const Kind<T> &kind, const QList<T> &items);
    template<typename T> [[nodiscard]] Core::Status replace(const Kind<T> &kind, const QList<T> &items);
    void audit(const QString &event, const QString &description, const Store::AuditTarget &target);

    Store::RbacStore &m_rbac;
    const Store::KeyRecord &m_key;
    qint64 m_nowMs;
    QList<Store::AuditEvent> *m_events;
    int m_changedCount = 0;
};

} // namespace Latchkey::Api
