#include "api/domainjson.h"
#include "api/keyaccess.h"
#include "api/keybindings.h"
#include "api/keyrequests.h"
#include "api/keyroutes.h"
#include "api/router.h"
#include "store/database.h"
#include "store/rbacstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Store::AuditEvent;

/// One keys.{add,remove,set}{Permissions,Roles} call, inside its write transaction.
struct BindingCall {
    const ApiContext &context;
    const KeyTarget &target;
    Store::RbacStore rbac;
    QList<AuditEvent> events;

    [[nodiscard]] KeyBindings bindings() { return KeyBindings(rbac, target.key, context.nowMs, &events); }
    [[nodiscard]] QStringList updateKey() const { return apiPermission(target.api.id, u"update_key"_s); }
};

using BindingOperation = std::function<Core::Result<QJsonArray>(BindingCall &, const QStringList &)>;

const QString kCreatePermission = u"rbac.*.create_permission"_s;
const QString kAddPermission = u"rbac.*.add_permission_to_key"_s;
const QString kRemovePermission = u"rbac.*.remove_permission_from_key"_s;
const QString kAddRole = u"rbac.*.add_role_to_key"_s;

/// Permissions by id or slug. Unknown slugs are created when @p create (which needs
/// rbac.*.create_permission), else they are a 404.
Core::Result<QList<Core::Permission>> resolvePermissions(BindingCall &call, const QStringList &items, bool create)
{
    const QString &workspaceId = call.target.key.workspaceId;
    QList<Core::Permission> permissions;
    QStringList missing;
    for (const QString &item : items) {
        Store::Found<Core::Permission> permission = call.rbac.findPermission(workspaceId, item);
        if (!permission)
            return permission.error();
        if (*permission)
            permissions.append(std::move(**permission));
        else
            missing.append(item);
    }
    if (missing.isEmpty())
        return permissions;
    if (!create)
        return Core::makeError(
            Core::ErrorCode::PermissionNotFound, u"Permission '%1' was not found."_s.arg(missing.first()));
    if (Core::Status allowed = requireAny(call.context.principal, {kCreatePermission}); !allowed)
        return allowed.error();
    const auto created = call.rbac.ensurePermissions(workspaceId, missing, call.context.nowMs, &call.events);
    if (!created)
        return created.error();
    return permissions + *created;
}

/// Roles by id or name; the first unknown one is a 404.
Core::Result<QList<Core::Role>> resolveRoles(BindingCall &call, const QStringList &items)
{
    QList<Core::Role> roles;
    for (const QString &item : items) {
        Store::Found<Core::Role> role = call.rbac.findRole(call.target.key.workspaceId, item);
        if (!role)
            return role.error();
        if (!*role)
            return Core::makeError(Core::ErrorCode::RoleNotFound, u"Role '%1' was not found."_s.arg(item));
        roles.append(std::move(**role));
    }
    return roles;
}

/// Runs @p change on the resolved permissions and answers with every direct permission after it.
Core::Result<QJsonArray> changePermissions(BindingCall &call, const QStringList &items, bool create,
    Core::Status (KeyBindings::*change)(const QList<Core::Permission> &))
{
    const Core::Result<QList<Core::Permission>> permissions = resolvePermissions(call, items, create);
    if (!permissions)
        return permissions.error();
    KeyBindings bindings = call.bindings();
    if (Core::Status changed = (bindings.*change)(*permissions); !changed)
        return changed.error();
    const Core::Result<QList<Core::Permission>> after = call.rbac.keyPermissions(call.target.key.id);
    if (!after)
        return after.error();
    return toJson(*after);
}

Core::Result<QJsonArray> changeRoles(
    BindingCall &call, const QStringList &items, Core::Status (KeyBindings::*change)(const QList<Core::Role> &))
{
    const Core::Result<QList<Core::Role>> roles = resolveRoles(call, items);
    if (!roles)
        return roles.error();
    KeyBindings bindings = call.bindings();
    if (Core::Status changed = (bindings.*change)(*roles); !changed)
        return changed.error();
    const Core::Result<QList<Core::Role>> after = call.rbac.keyRoles(call.target.key.id);
    if (!after)
        return after.error();
    return toJson(*after);
}

Core::Result<QJsonArray> addPermissions(BindingCall &call, const QStringList &items)
{
    if (Core::Status allowed = requireAll(call.context.principal, {call.updateKey(), {kAddPermission}}); !allowed)
        return allowed.error();
    return changePermissions(call, items, true, &KeyBindings::addPermissions);
}

Core::Result<QJsonArray> removePermissions(BindingCall &call, const QStringList &items)
{
    if (Core::Status allowed = requireAll(call.context.principal, {call.updateKey(), {kRemovePermission}}); !allowed)
        return allowed.error();
    return changePermissions(call, items, false, &KeyBindings::removePermissions);
}

Core::Result<QJsonArray> setPermissions(BindingCall &call, const QStringList &items)
{
    const Core::Status allowed
        = requireAll(call.context.principal, {call.updateKey(), {kAddPermission}, {kRemovePermission}});
    if (!allowed)
        return allowed.error();
    return changePermissions(call, items, true, &KeyBindings::setPermissions);
}

Core::Result<QJsonArray> addRoles(BindingCall &call, const QStringList &items)
{
    if (Core::Status allowed = requireAll(call.context.principal, {call.updateKey(), {kAddRole}}); !allowed)
        return allowed.error();
    return changeRoles(call, items, &KeyBindings::addRoles);
}

// Unkey asks only for update_key here (no rbac.* tuple), unlike addRoles.
Core::Result<QJsonArray> removeRoles(BindingCall &call, const QStringList &items)
{
    if (Core::Status allowed = requireAny(call.context.principal, call.updateKey()); !allowed)
        return allowed.error();
    return changeRoles(call, items, &KeyBindings::removeRoles);
}

Core::Result<QJsonArray> setRoles(BindingCall &call, const QStringList &items)
{
    if (Core::Status allowed = requireAny(call.context.principal, call.updateKey()); !allowed)
        return allowed.error();
    return changeRoles(call, items, &KeyBindings::setRoles);
}

Core::Result<ApiReply> runBinding(Services &services, const ApiContext &context, const QString &keyId,
    const QStringList &items, const BindingOperation &operation)
{
    return writeReply(services.db, [&]() -> Core::Result<ApiReply> {
        const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, keyId);
        if (!target)
            return target.error();
        BindingCall call {context, *target, Store::RbacStore(services.db), {}};
        const Core::Result<QJsonArray> data = operation(call, items);
        if (!data)
            return data.error();
        if (Core::Status audited = appendAudit(services.db, context, call.events); !audited)
            return audited.error();
        return ApiReply {*data, std::nullopt};
    });
}

struct BindingRoute {
    const char *path;
    QString field; ///< "permissions" | "roles"
    ArrayRule arrayRule;
    QString permissions;
    BindingOperation operation;
};

StringRule itemRule(const QString &field)
{
    if (field == u"permissions"_s)
        return {.minLength = 1, .maxLength = 128, .pattern = &RequestReader::slugPattern()};
    return {.minLength = 1, .maxLength = 128};
}

Decode decodeBinding(Services &services, const BindingRoute &route)
{
    return [&services, route](RequestReader &in) -> Core::Result<Execute> {
        const QString keyId = in.string(u"keyId"_s, keyIdRule()).value;
        const QStringList items = in.stringArray(route.field, route.arrayRule, itemRule(route.field)).value;
        if (!in.finish())
            return in.error();
        return Execute([&services, keyId, items, operation = route.operation](
                           ApiContext &context) { return runBinding(services, context, keyId, items, operation); });
    };
}

} // namespace

void registerKeyBindingRoutes(Router &router, Services &services)
{
    const QString updateKey = u"(api.*.update_key | api.<apiId>.update_key)"_s;
    const QList<BindingRoute> routes {
        {"/v2/keys.addPermissions", u"permissions"_s, {.required = true, .minItems = 1, .maxItems = 1000},
            updateKey + u" & rbac.*.add_permission_to_key; new slugs: + rbac.*.create_permission"_s, addPermissions},
        {"/v2/keys.removePermissions", u"permissions"_s, {.required = true, .minItems = 1, .maxItems = 1000},
            updateKey + u" & rbac.*.remove_permission_from_key"_s, removePermissions},
        {"/v2/keys.setPermissions", u"permissions"_s, {.required = true},
            updateKey
                + u" & rbac.*.add_permission_to_key & rbac.*.remove_permission_from_key;"
                  " new slugs: + rbac.*.create_permission"_s,
            setPermissions},
        {"/v2/keys.addRoles", u"roles"_s, {.required = true, .minItems = 1, .maxItems = 100},
            updateKey + u" & rbac.*.add_role_to_key"_s, addRoles},
        {"/v2/keys.removeRoles", u"roles"_s, {.required = true, .minItems = 1, .maxItems = 100}, updateKey,
            removeRoles},
        {"/v2/keys.setRoles", u"roles"_s, {.required = true, .maxItems = 100}, updateKey, setRoles},
    };
    for (const BindingRoute &route : routes) {
        router.add({
            .path = QByteArray(route.path),
            .permissions = route.permissions,
            .decode = decodeBinding(services, route),
        });
    }
}

} // namespace Latchkey::Api
