// ratelimit.setOverride / getOverride / listOverrides / deleteOverride (reference §1.5b).
// Namespaces are found by id or name; a soft-deleted or other workspace's namespace is a 404.

#include "api/router.h"
#include "api/routes.h"
#include "store/ratelimitstore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::ErrorCode;
using Core::makeError;

namespace {

constexpr qint64 DefaultPageSize = 10;
constexpr qint64 MaxPageSize = 100;

const StringRule NamespaceRule {.required = true, .minLength = 1, .maxLength = 512};
const StringRule IdentifierRule {.required = true, .minLength = 1, .maxLength = 512};

/// The namespace and identifier that every override call names.
struct OverrideKey {
    QString ns;
    QString identifier;
};

OverrideKey readKey(RequestReader &in)
{
    return {in.string(u"namespace"_s, NamespaceRule).value, in.string(u"identifier"_s, IdentifierRule).value};
}

Core::Result<Store::RatelimitNamespace> liveNamespace(
    Store::RatelimitStore &store, const ApiContext &context, const QString &idOrName)
{
    const Store::Found<Store::RatelimitNamespace> ns = store.findNamespace(context.principal.workspaceId, idOrName);
    if (!ns)
        return ns.error();
    if (!*ns || (*ns)->deleted)
        return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
    return **ns;
}

/// The live override of @p identifier (exactly); OverrideNotFound when there is none.
Core::Result<Store::RatelimitOverride> liveOverride(
    Store::RatelimitStore &store, const Store::RatelimitNamespace &ns, const QString &identifier)
{
    const Store::Found<Store::RatelimitOverride> rule = store.findOverride(ns.id, identifier);
    if (!rule)
        return rule.error();
    if (!*rule)
        return makeError(ErrorCode::OverrideNotFound, u"This override does not exist."_s);
    return **rule;
}

Core::Status authorize(const ApiContext &context, const Store::RatelimitNamespace &ns, const QString &action)
{
    return requireAny(context.principal, wildcardOr(u"ratelimit"_s, ns.id, action));
}

QJsonObject toJson(const Store::RatelimitOverride &rule)
{
    return QJsonObject {
        {u"overrideId"_s, rule.id},
        {u"duration"_s, rule.durationMs},
        {u"identifier"_s, rule.identifier},
        {u"limit"_s, rule.limit},
    };
}

struct SetRequest {
    OverrideKey key;
    qint64 limit = 0;
    qint64 durationMs = 0;
};

Core::Result<ApiReply> setOverride(Services &services, const ApiContext &context, const SetRequest &request)
{
    Store::RatelimitStore store(services.db);
    const auto ns = liveNamespace(store, context, request.key.ns);
    if (!ns)
        return ns.error();
    if (Core::Status allowed = authorize(context, *ns, u"set_override"_s); !allowed)
        return allowed.error();
    const auto rule = store.setOverride(
        *ns, request.key.identifier, request.limit, request.durationMs, context.nowMs, context.auditOrigin());
    if (!rule)
        return rule.error();
    return ApiReply {QJsonObject {{u"overrideId"_s, rule->id}}, std::nullopt};
}

Core::Result<ApiReply> getOverride(Services &services, const ApiContext &context, const OverrideKey &key)
{
    Store::RatelimitStore store(services.db);
    const auto ns = liveNamespace(store, context, key.ns);
    if (!ns)
        return ns.error();
    if (Core::Status allowed = authorize(context, *ns, u"read_override"_s); !allowed)
        return allowed.error();
    // Exact identifier only: asking for "premium_*" returns that pattern's override, and asking
    // for "premium_1" does not return it (Unkey's documented getOverride contract).
    const Core::Result<Store::RatelimitOverride> rule = liveOverride(store, *ns, key.identifier);
    if (!rule)
        return rule.error();
    return ApiReply {toJson(*rule), std::nullopt};
}

struct ListRequest {
    QString ns;
    QString cursor;
    qint64 limit = DefaultPageSize;
};

Core::Result<ApiReply> listOverrides(Services &services, const ApiContext &context, const ListRequest &request)
{
    Store::RatelimitStore store(services.db);
    const auto ns = liveNamespace(store, context, request.ns);
    if (!ns)
        return ns.error();
    if (Core::Status allowed = authorize(context, *ns, u"read_override"_s); !allowed)
        return allowed.error();
    // One row more than asked: its id is the (inclusive) cursor of the next page.
    Core::Result<QList<Store::RatelimitOverride>> listed
        = store.listOverrides(ns->id, request.cursor, int(request.limit) + 1);
    if (!listed)
        return listed.error();
    QList<Store::RatelimitOverride> &rows = *listed;
    Pagination pagination;
    if (rows.size() > request.limit) {
        pagination.hasMore = true;
        pagination.cursor = rows.at(request.limit).id;
        rows.resize(request.limit);
    }
    QJsonArray data;
    for (const Store::RatelimitOverride &rule : std::as_const(rows))
        data.append(toJson(rule));
    return ApiReply {data, pagination};
}

Core::Result<ApiReply> deleteOverride(Services &services, const ApiContext &context, const OverrideKey &key)
{
    Store::RatelimitStore store(services.db);
    const auto ns = liveNamespace(store, context, key.ns);
    if (!ns)
        return ns.error();
    // As in Unkey, a missing override is reported before the permission check.
    const Core::Result<Store::RatelimitOverride> rule = liveOverride(store, *ns, key.identifier);
    if (!rule)
        return rule.error();
    if (Core::Status allowed = authorize(context, *ns, u"delete_override"_s); !allowed)
        return allowed.error();
    if (Core::Status deleted = store.deleteOverride(*ns, *rule, context.nowMs, context.auditOrigin()); !deleted)
        return deleted.error();
    return ApiReply {QJsonObject {}, std::nullopt};
}

} // namespace

void registerRatelimitOverrideRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.setOverride"),
        .permissions = u"ratelimit.*.set_override | ratelimit.<namespaceId>.set_override"_s,
        .decode = [&services](RequestReader &in) -> Core::Result<Execute> {
            SetRequest request;
            request.key.ns = in.string(u"namespace"_s, NamespaceRule).value;
            request.durationMs = in.integer(u"duration"_s, {.required = true, .minimum = 1000}).value;
            request.key.identifier = in.string(u"identifier"_s, IdentifierRule).value;
            request.limit = in.integer(u"limit"_s, {.required = true, .minimum = 0}).value;
            if (!in.finish())
                return in.error();
            return Execute(
                [&services, request](ApiContext &context) { return setOverride(services, context, request); });
        },
    });

    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.getOverride"),
        .permissions = u"ratelimit.*.read_override | ratelimit.<namespaceId>.read_override"_s,
        .decode = [&services](RequestReader &in) -> Core::Result<Execute> {
            const OverrideKey key = readKey(in);
            if (!in.finish())
                return in.error();
            return Execute([&services, key](ApiContext &context) { return getOverride(services, context, key); });
        },
    });

    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.listOverrides"),
        .permissions = u"ratelimit.*.read_override | ratelimit.<namespaceId>.read_override"_s,
        .decode = [&services](RequestReader &in) -> Core::Result<Execute> {
            ListRequest request;
            request.ns = in.string(u"namespace"_s, NamespaceRule).value;
            request.cursor = in.string(u"cursor"_s).value;
            request.limit = in.integer(u"limit"_s, {.minimum = 1, .maximum = MaxPageSize}).valueOr(DefaultPageSize);
            if (!in.finish())
                return in.error();
            return Execute(
                [&services, request](ApiContext &context) { return listOverrides(services, context, request); });
        },
    });

    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.deleteOverride"),
        .permissions = u"ratelimit.*.delete_override | ratelimit.<namespaceId>.delete_override"_s,
        .decode = [&services](RequestReader &in) -> Core::Result<Execute> {
            const OverrideKey key = readKey(in);
            if (!in.finish())
                return in.error();
            return Execute([&services, key](ApiContext &context) { return deleteOverride(services, context, key); });
        },
    });
}

} // namespace Latchkey::Api
