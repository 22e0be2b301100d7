#include "api/principal.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

bool Principal::hasAny(const QStringList &alternatives) const
{
    for (const QString &permission : alternatives) {
        if (permissions.contains(permission))
            return true;
    }
    return false;
}

namespace {
QString quoted(const QStringList &alternatives)
{
    QStringList parts;
    for (const QString &permission : alternatives)
        parts.append(u'\'' + permission + u'\'');
    return parts.join(u" or "_s);
}
} // namespace

Core::Status requireAny(const Principal &principal, const QStringList &alternatives)
{
    if (principal.hasAny(alternatives))
        return {};
    const QString detail = alternatives.size() == 1
        ? u"Missing permission: "_s + quoted(alternatives)
        : u"Missing one of these permissions: "_s + quoted(alternatives);
    return Core::makeError(Core::ErrorCode::InsufficientPermissions, detail);
}

Core::Status requireAll(const Principal &principal, const QList<QStringList> &groups)
{
    QStringList missing;
    for (const QStringList &group : groups) {
        if (!principal.hasAny(group))
            missing.append(group.size() == 1 ? u'\'' + group.first() + u'\'' : u'(' + quoted(group) + u')');
    }
    if (missing.isEmpty())
        return {};
    return Core::makeError(Core::ErrorCode::InsufficientPermissions,
                           u"Missing permissions: "_s + missing.join(u" and "_s));
}

QStringList wildcardOr(const QString &resource, const QString &id, const QString &action)
{
    return {resource + u".*."_s + action, resource + u'.' + id + u'.' + action};
}

std::optional<QStringList> grantedIds(const Principal &principal, const QString &area, const QString &action)
{
    if (principal.has(area + u".*."_s + action))
        return std::nullopt;
    QStringList ids;
    for (const QString &permission : principal.permissions) {
        const QList<QStringView> parts = QStringView(permission).split(u'.');
        if (parts.size() == 3 && parts.at(0) == area && parts.at(2) == action && !parts.at(1).isEmpty())
            ids.append(parts.at(1).toString());
    }
    ids.sort();
    return ids;
}

QStringList allWorkspacePermissions()
{
    static const QStringList all = [] {
        QStringList list;
        const QStringList apiActions{u"create_api"_s, u"read_api"_s, u"update_api"_s, u"delete_api"_s,
                                     u"create_key"_s, u"read_key"_s, u"update_key"_s, u"delete_key"_s,
                                     u"verify_key"_s, u"encrypt_key"_s, u"decrypt_key"_s, u"read_analytics"_s};
        for (const QString &action : apiActions)
            list.append(u"api.*."_s + action);
        const QStringList ratelimitActions{u"limit"_s, u"create_namespace"_s, u"read_namespace"_s,
                                           u"update_namespace"_s, u"delete_namespace"_s, u"set_override"_s,
                                           u"read_override"_s, u"delete_override"_s, u"read_analytics"_s};
        for (const QString &action : ratelimitActions)
            list.append(u"ratelimit.*."_s + action);
        const QStringList rbacActions{u"create_permission"_s, u"update_permission"_s, u"delete_permission"_s,
                                      u"read_permission"_s, u"create_role"_s, u"update_role"_s, u"delete_role"_s,
                                      u"read_role"_s, u"add_permission_to_key"_s, u"remove_permission_from_key"_s,
                                      u"add_role_to_key"_s, u"remove_role_from_key"_s,
                                      u"add_permission_to_role"_s, u"remove_permission_from_role"_s};
        for (const QString &action : rbacActions)
            list.append(u"rbac.*."_s + action);
        for (const QString &action : {u"create_identity"_s, u"read_identity"_s, u"update_identity"_s, u"delete_identity"_s})
            list.append(u"identity.*."_s + action);
        for (const QString &action : {u"create_root_key"_s, u"read_root_key"_s, u"delete_root_key"_s, u"read_audit_log"_s})
            list.append(u"workspace.*."_s + action);
        return list;
    }();
    return all;
}

} // namespace Latchkey::Api
