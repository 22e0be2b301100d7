#include "api/domainjson.h"
#include "api/identityhandlers.h"
#include "api/keyaccess.h"
#include "api/router.h"
#include "api/routes.h"
#include "store/database.h"
#include "store/identitystore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

const QString kReadAny = u"identity.*.read_identity"_s;

// Unkey stores meta in a JSON column and caps it at 1 MB serialized.
constexpr qsizetype kMaxMetaBytes = 1024 * 1024;

} // namespace

namespace IdentityHandlers {

Core::Error identityNotFound()
{
    return Core::makeError(Core::ErrorCode::IdentityNotFound, u"This identity does not exist."_s);
}

Field<QJsonObject> readMeta(RequestReader &in)
{
    Field<QJsonObject> meta = in.object(u"meta"_s, {.maxProperties = 100});
    if (!meta.hasValue())
        return meta;
    const qsizetype bytes = QJsonDocument(meta.value).toJson(QJsonDocument::Compact).size();
    if (bytes > kMaxMetaBytes) {
        in.addError(u"meta"_s,
                    u"Metadata is too large, it must be less than 1MB, got: %1"_s.arg(
                        double(bytes) / kMaxMetaBytes, 0, 'f', 2));
    }
    return meta;
}

Core::Status writeWithAudit(Services &services, const ApiContext &context,
                            const std::function<Core::Status(QList<Store::AuditEvent> &)> &change)
{
    return services.db.write([&]() -> Core::Status {
        QList<Store::AuditEvent> events;
        if (Core::Status changed = change(events); !changed)
            return changed;
        return Store::AuditLog(services.db).append(context.auditOrigin(), context.nowMs, events);
    });
}

} // namespace IdentityHandlers

namespace {

using namespace IdentityHandlers;

Core::Result<Execute> decodeCreate(Services &services, RequestReader &in)
{
    Core::Identity identity;
    identity.externalId = in.string(u"externalId"_s, {.required = true, .minLength = 1, .maxLength = 255,
                                                      .pattern = &RequestReader::externalIdPattern()})
                              .value;
    identity.meta = readMeta(in).value;
    identity.ratelimits = readRatelimitRequests(in, u"ratelimits"_s).value_or(QList<Core::RatelimitConfig>{});
    in.allowUnknownFields(); // the one identities schema without additionalProperties: false
    if (!in.finish())
        return in.error();
    return Execute([&services, identity](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"identity.*.create_identity"_s}); !allowed)
            return allowed.error();
        QString identityId;
        const Core::Status written = writeWithAudit(services, context, [&](QList<Store::AuditEvent> &events) {
            auto created = Store::IdentityStore(services.db)
                               .create(context.principal.workspaceId, identity, context.nowMs, &events);
            if (!created)
                return Core::Status(created.error());
            identityId = created->id;
            return Core::Status();
        });
        if (!written)
            return written.error();
        return ApiReply{QJsonObject{{u"identityId"_s, identityId}}, std::nullopt};
    });
}

Core::Result<Execute> decodeGet(Services &services, RequestReader &in)
{
    const QString wanted = in.string(u"identity"_s, {.required = true, .minLength = 1}).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, wanted](ApiContext &context) -> Core::Result<ApiReply> {
        // Without the wildcard, only identity.<id>.read_identity can grant access; the 403 names
        // the wildcard so that it never reveals which id an external id resolved to.
        const Core::Status wildcard = requireAny(context.principal, {kReadAny});
        const Store::FoundIdentity found
            = Store::IdentityStore(services.db).find(context.principal.workspaceId, wanted);
        if (!found)
            return found.error();
        const std::optional<Core::Identity> &identity = *found;
        if (!identity)
            return wildcard ? identityNotFound() : wildcard.error();
        if (!wildcard && !context.principal.hasAny(wildcardOr(u"identity"_s, identity->id, u"read_identity"_s)))
            return wildcard.error();
        return ApiReply{toJson(*identity), std::nullopt};
    });
}

// Every identity of the page must be readable; Unkey answers 403 rather than filter rows, so a
// page never silently shrinks.
Core::Status authorizeListing(const Principal &principal, const QList<Core::Identity> &identities)
{
    const Core::Status wildcard = requireAny(principal, {kReadAny});
    if (wildcard)
        return wildcard;
    if (identities.isEmpty())
        return wildcard;
    for (const Core::Identity &identity : identities) {
        if (!principal.hasAny(wildcardOr(u"identity"_s, identity.id, u"read_identity"_s)))
            return wildcard;
    }
    return {};
}

Core::Result<Execute> decodeList(Services &services, RequestReader &in)
{
    const int limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    const QString cursor = in.string(u"cursor"_s).value;
    const QString search = in.string(u"search"_s, {.maxLength = 256}).value.trimmed();
    if (!in.finish())
        return in.error();
    return Execute([&services, limit, cursor, search](ApiContext &context) -> Core::Result<ApiReply> {
        // keyCount counts only the keys the caller may read (as keys.listKeys lists them), so a
        // root key limited to some APIs learns nothing about the others' keys.
        auto page = Store::IdentityStore(services.db)
                        .list({context.principal.workspaceId, search, cursor, limit,
                            grantedIds(context.principal, u"api"_s, u"read_key"_s)});
        if (!page)
            return page.error();
        if (Core::Status allowed = authorizeListing(context.principal, page->identities); !allowed)
            return allowed.error();
        QJsonArray data;
        for (qsizetype i = 0; i < page->identities.size(); ++i) {
            QJsonObject identity = toJson(page->identities.at(i));
            if (i < page->keyCounts.size()) // none: the caller may read no API's keys
                identity.insert(u"keyCount"_s, page->keyCounts.at(i)); // an extension (resources/openapi.yaml)
            data.append(identity);
        }
        return ApiReply{data, Pagination{!page->nextCursor.isEmpty(), page->nextCursor}};
    });
}

} // namespace

void registerIdentityRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/identities.createIdentity"),
        .permissions = u"identity.*.create_identity"_s,
        .decode = [&services](RequestReader &in) { return decodeCreate(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/identities.getIdentity"),
        .permissions = u"identity.*.read_identity | identity.<identityId>.read_identity"_s,
        .decode = [&services](RequestReader &in) { return decodeGet(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/identities.listIdentities"),
        .permissions = u"identity.*.read_identity | identity.<id>.read_identity for every listed identity"_s,
        .decode = [&services](RequestReader &in) { return decodeList(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/identities.updateIdentity"),
        .permissions = u"identity.*.update_identity"_s,
        .decode = [&services](RequestReader &in) { return decodeUpdate(services, in); },
    });
    router.add({
        .path = QByteArrayLiteral("/v2/identities.deleteIdentity"),
        .permissions = u"identity.*.delete_identity"_s,
        .decode = [&services](RequestReader &in) { return decodeDelete(services, in); },
    });
}

} // namespace Latchkey::Api
