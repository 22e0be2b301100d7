#include "api/rootkeypermissions.h"

#include "api/requestreader.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Latchkey::Api::RootKeyPermissions {

namespace {

/// resource -> actions, derived from the bootstrap set so there is one list of what exists.
const QHash<QString, QSet<QString>> &knownActions()
{
    static const QHash<QString, QSet<QString>> actions = [] {
        QHash<QString, QSet<QString>> map;
        for (const QString &permission : allWorkspacePermissions()) {
            const QStringList parts = permission.split(u'.');
            map[parts.at(0)].insert(parts.at(2));
        }
        return map;
    }();
    return actions;
}

/// Actions that only make sense workspace-wide (reference §6.2: `create_api` only `api.*`,
/// `create_namespace` only `ratelimit.*`; `rbac` and `workspace` have no ids).
bool wildcardOnly(const QString &resource, const QString &action)
{
    return resource == u"rbac"_s || resource == u"workspace"_s
        || (resource == u"api"_s && action == u"create_api"_s)
        || (resource == u"ratelimit"_s && action == u"create_namespace"_s);
}

} // namespace

QString validate(const QString &permission)
{
    const QStringList parts = permission.split(u'.');
    if (parts.size() != 3)
        return u"'%1' is not of the form <resource>.<id|*>.<action>"_s.arg(permission);
    const QString &resource = parts.at(0);
    const QString &id = parts.at(1);
    const QString &action = parts.at(2);
    const auto known = knownActions().constFind(resource);
    if (known == knownActions().constEnd()) {
        QStringList resources = knownActions().keys();
        resources.sort();
        return u"'%1': unknown resource '%2' (known: %3)"_s.arg(permission, resource, resources.join(u", "_s));
    }
    if (!known->contains(action))
        return u"'%1': unknown action '%2' for resource '%3'"_s.arg(permission, action, resource);
    if (id != u"*"_s) {
        if (wildcardOnly(resource, action))
            return u"'%1': '%2' exists only as %3.*.%2"_s.arg(permission, action, resource);
        if (!RequestReader::idPattern().match(id).hasMatch())
            return u"'%1': the id must be '*' or match ^[a-zA-Z0-9_]+$"_s.arg(permission);
    }
    return {};
}

bool mayGrant(const Principal &principal, const QString &permission)
{
    const QStringList parts = permission.split(u'.');
    if (parts.size() != 3)
        return false;
    return principal.hasAny(wildcardOr(parts.at(0), parts.at(1), parts.at(2)));
}

QStringList notGrantable(const Principal &principal, const QStringList &permissions)
{
    QStringList missing;
    for (const QString &permission : permissions) {
        if (!mayGrant(principal, permission))
            missing.append(permission);
    }
    return missing;
}

} // namespace Latchkey::Api::RootKeyPermissions
