#include "api/domainjson.h"
#include "api/rbacroutes.h"
#include "api/router.h"
#include "store/database.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const StringRule roleRule {.required = true, .minLength = 1, .maxLength = 128};
const StringRule slugItemRule {.minLength = 1, .maxLength = 128, .pattern = &RequestReader::slugPattern()};

// The Role schema caps `permissions` at 100 items and the SDK validates responses strictly, so a
// role may not be given more than that (the request schemas themselves set no bound).
constexpr qsizetype maxRolePermissions = 100;

const QRegularExpression &resourceIdPattern()
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_-]+$"_s);
    return pattern;
}

Core::Error roleNotFound()
{
    return Core::makeError(Core::ErrorCode::RoleNotFound, u"The requested role does not exist."_s);
}

/// Creating the permissions among @p slugs that do not exist yet needs rbac.*.create_permission.
Core::Status authorizeMissingSlugs(const ApiContext &context, Store::RbacStore &store, const QStringList &slugs)
{
    const Core::Result<QStringList> missing = store.missingPermissionSlugs(context.principal.workspaceId, slugs);
    if (!missing)
        return missing.error();
    if (missing->isEmpty())
        return {};
    return requireAny(context.principal, {u"rbac.*.create_permission"_s});
}

struct CreateRoleRequest {
    Core::Role role;
    QStringList slugs;
};

Core::Status createRole(const ApiContext &context, Store::RbacStore &store, const CreateRoleRequest &request,
    QList<Store::AuditEvent> &events, QString *roleId)
{
    const QString &workspaceId = context.principal.workspaceId;
    if (Core::Status allowed = authorizeMissingSlugs(context, store, request.slugs); !allowed)
        return allowed;
    auto role = store.createRole(workspaceId, request.role, context.nowMs, &events);
    if (!role)
        return role.error();
    auto permissions = store.ensurePermissions(workspaceId, request.slugs, context.nowMs, &events);
    if (!permissions)
        return permissions.error();
    *roleId = role->id;
    return store.addRolePermissions(workspaceId, *role, *permissions, context.nowMs, &events);
}

Core::Result<Execute> decodeCreateRole(RequestReader &in, Services &services)
{
    CreateRoleRequest request;
    request.role.name = in.string(u"name"_s, roleRule).value;
    request.role.description = in.string(u"description"_s, {.maxLength = 512}).value;
    request.slugs = in.stringArray(u"permissions"_s, {.maxItems = maxRolePermissions}, slugItemRule).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, request](ApiContext &context) -> Core::Result<ApiReply> {
        QList<QStringList> needed {{u"rbac.*.create_role"_s}};
        if (!request.slugs.isEmpty())
            needed.append({u"rbac.*.add_permission_to_role"_s});
        if (auto allowed = requireAll(context.principal, needed); !allowed)
            return allowed.error();
        QString roleId;
        const Core::Status status = writeAudited(services, context, [&](QList<Store::AuditEvent> &events) {
            Store::RbacStore store(services.db);
            return createRole(context, store, request, events, &roleId);
        });
        if (!status)
            return status.error();
        return ApiReply {QJsonObject {{u"roleId"_s, roleId}}, std::nullopt};
    });
}

const RbacItemKind<Core::Role> roleKind {.field = u"role"_s,
    .rule = &roleRule,
    .readPermission = u"rbac.*.read_role"_s,
    .deletePermission = u"rbac.*.delete_role"_s,
    .notFound = &roleNotFound,
    .find = &Store::RbacStore::findRole,
    .list = &Store::RbacStore::listRoles,
    .remove = &Store::RbacStore::deleteRole};

/// Replaces the role's permissions with @p slugs: creates missing ones, disconnects the
/// others, connects the new ones (audit order as Unkey: create, disconnect, connect).
Core::Status setRolePermissions(const ApiContext &context, Store::RbacStore &store, const QString &roleId,
    const QStringList &slugs, QList<Store::AuditEvent> &events)
{
    const QString &workspaceId = context.principal.workspaceId;
    const Store::Found<Core::Role> found = store.findRole(workspaceId, roleId);
    if (!found)
        return found.error();
    const std::optional<Core::Role> &role = *found;
    if (!role || role->id != roleId) // roleId is an id, never a name
        return roleNotFound();
    if (Core::Status allowed = authorizeMissingSlugs(context, store, slugs); !allowed)
        return allowed;
    auto wanted = store.ensurePermissions(workspaceId, slugs, context.nowMs, &events);
    if (!wanted)
        return wanted.error();
    QSet<QString> wantedIds;
    for (const Core::Permission &permission : std::as_const(*wanted))
        wantedIds.insert(permission.id);
    QList<Core::Permission> removed;
    for (const Core::Permission &permission : role->permissions) {
        if (!wantedIds.contains(permission.id))
            removed.append(permission);
    }
    if (Core::Status status = store.removeRolePermissions(workspaceId, *role, removed, &events); !status)
        return status;
    return store.addRolePermissions(workspaceId, *role, *wanted, context.nowMs, &events);
}

Core::Result<Execute> decodeSetRolePermissions(RequestReader &in, Services &services)
{
    const auto roleId
        = in.string(u"roleId"_s, {.required = true, .minLength = 3, .maxLength = 255, .pattern = &resourceIdPattern()});
    const auto slugs
        = in.stringArray(u"permissions"_s, {.required = true, .maxItems = maxRolePermissions}, slugItemRule);
    if (!in.finish())
        return in.error();
    return Execute(
        [&services, roleId = roleId.value, slugs = slugs.value](ApiContext &context) -> Core::Result<ApiReply> {
            if (auto allowed = requireAll(context.principal,
                    {{u"rbac.*.add_permission_to_role"_s}, {u"rbac.*.remove_permission_from_role"_s}});
                !allowed)
                return allowed.error();
            QList<Core::Permission> result;
            const Core::Status status = writeAudited(services, context, [&](QList<Store::AuditEvent> &events) {
                Store::RbacStore store(services.db);
                if (Core::Status changed = setRolePermissions(context, store, roleId, slugs, events); !changed)
                    return changed;
                Core::Result<QList<Core::Permission>> after = store.rolePermissions(roleId);
                if (!after)
                    return Core::Status(after.error());
                result = std::move(*after);
                return Core::Status();
            });
            if (!status)
                return status.error();
            return ApiReply {toJson(result), std::nullopt};
        });
}

} // namespace

void registerRoleRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.createRole"),
        .permissions = u"rbac.*.create_role [& rbac.*.add_permission_to_role] [& rbac.*.create_permission]"_s,
        .decode = [&services](RequestReader &in) { return decodeCreateRole(in, services); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.getRole"),
        .permissions = u"rbac.*.read_role"_s,
        .decode = [&services](RequestReader &in) { return decodeGetRbacItem(in, services, roleKind); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.listRoles"),
        .permissions = u"rbac.*.read_role"_s,
        .decode = [&services](RequestReader &in) { return decodeListRbacItems(in, services, roleKind); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.deleteRole"),
        .permissions = u"rbac.*.delete_role"_s,
        .decode = [&services](RequestReader &in) { return decodeDeleteRbacItem(in, services, roleKind); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/permissions.setRolePermissions"),
        .permissions = u"rbac.*.add_permission_to_role & rbac.*.remove_permission_from_role"
                       u" [& rbac.*.create_permission]"_s,
        .decode = [&services](RequestReader &in) { return decodeSetRolePermissions(in, services); },
    });
}

} // namespace Latchkey::Api
