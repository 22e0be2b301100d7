// ratelimit.renameNamespace and ratelimit.deleteNamespace: for the dashboard's "Rename" and
// "Delete" of a rate-limit namespace (extensions; resources/openapi.yaml documents them). Unkey's
// public v2 API has neither; its own web dashboard does both internally with the permissions
// `ratelimit.<namespaceId|*>.update_namespace` / `delete_namespace`, and a deleted namespace is
// soft-deleted: ratelimit.limit on it answers 410, the override calls 404 (reference §3.4).

#include "api/router.h"
#include "api/routes.h"
#include "store/database.h"
#include "store/ratelimitstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::ErrorCode;
using Core::makeError;

namespace {

// ratelimit.limit's `namespace` and ratelimit.createNamespace's `name`.
const StringRule NameRule {.required = true, .minLength = 1, .maxLength = 512};

// The live namespace @p idOrName of the caller's workspace, then the caller's right to @p action
// on it (the id is needed for a per-namespace grant, so a missing one is a 404 first, as the
// override routes answer).
Core::Result<Store::RatelimitNamespace> authorizedNamespace(
    Store::RatelimitStore &store, const ApiContext &context, const QString &idOrName, const QString &action)
{
    const Store::Found<Store::RatelimitNamespace> ns = store.findNamespace(context.principal.workspaceId, idOrName);
    if (!ns)
        return ns.error();
    if (!*ns || (*ns)->deleted)
        return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
    if (Core::Status allowed = requireAny(context.principal, wildcardOr(u"ratelimit"_s, (*ns)->id, action)); !allowed)
        return allowed.error();
    return **ns;
}

QJsonObject namespaceJson(const Store::RatelimitNamespace &ns)
{
    return QJsonObject {{u"namespaceId"_s, ns.id}, {u"name"_s, ns.name}, {u"createdAt"_s, ns.createdAtMs}};
}

Core::Result<ApiReply> renameNamespace(
    Services &services, const ApiContext &context, const QString &idOrName, const QString &name)
{
    Store::RatelimitStore store(services.db);
    const auto ns = authorizedNamespace(store, context, idOrName, u"update_namespace"_s);
    if (!ns)
        return ns.error();
    // Its own name again: nothing changes, so nothing is written or audited.
    if (ns->name == name)
        return ApiReply {namespaceJson(*ns), std::nullopt};
    const auto renamed = store.renameNamespace(*ns, name, context.nowMs, context.auditOrigin());
    if (!renamed)
        return renamed.error();
    return ApiReply {namespaceJson(*renamed), std::nullopt};
}

Core::Result<ApiReply> deleteNamespace(Services &services, const ApiContext &context, const QString &idOrName)
{
    Store::RatelimitStore store(services.db);
    const auto ns = authorizedNamespace(store, context, idOrName, u"delete_namespace"_s);
    if (!ns)
        return ns.error();
    if (Core::Status deleted = store.deleteNamespace(*ns, context.nowMs, context.auditOrigin()); !deleted)
        return deleted.error();
    return ApiReply {QJsonObject {}, std::nullopt};
}

Core::Result<Execute> decodeRename(Services &services, RequestReader &in)
{
    const QString idOrName = in.string(u"namespace"_s, NameRule).value;
    const QString name = in.string(u"name"_s, NameRule).value;
    // As ratelimit.createNamespace: such a name could not be told from its trimmed twin in a list.
    if (!name.isEmpty() && name.trimmed() != name)
        in.addError(u"name"_s, u"must not start or end with white space"_s, u"Remove the surrounding spaces."_s);
    if (!in.finish())
        return in.error();
    return Execute([&services, idOrName, name](
                       ApiContext &context) { return renameNamespace(services, context, idOrName, name); });
}

Core::Result<Execute> decodeDelete(Services &services, RequestReader &in)
{
    const QString idOrName = in.string(u"namespace"_s, NameRule).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, idOrName](ApiContext &context) { return deleteNamespace(services, context, idOrName); });
}

} // namespace

void registerNamespaceManageRoutes(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.renameNamespace"),
        .permissions = u"ratelimit.*.update_namespace | ratelimit.<namespaceId>.update_namespace"_s,
        .decode = [&services](RequestReader &in) {
            return decodeRename(services, in);
        }});
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.deleteNamespace"),
        .permissions = u"ratelimit.*.delete_namespace | ratelimit.<namespaceId>.delete_namespace"_s,
        .decode = [&services](RequestReader &in) {
            return decodeDelete(services, in);
        }});
}

} // namespace Latchkey::Api
