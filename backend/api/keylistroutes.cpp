// keys.listKeys: one owner's keys across every API of the workspace (the dashboard's owner page).
// Unkey only lists keys per API (apis.listKeys); this extension is documented in
// resources/openapi.yaml. Items are KeyResponseData (api/keyjson.h) plus the key's `apiId`.

#include "api/keyaccess.h"
#include "api/keyjson.h"
#include "api/router.h"
#include "api/routes.h"
#include "store/apistore.h"
#include "store/database.h"
#include "store/identitystore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

struct ListRequest {
    QString identityId;
    QString externalId;
    QString cursor;
    int limit = 100;
};

/// The live identity the request names, by id or external id.
Core::Result<QString> resolveIdentity(Store::Database &db, const QString &workspaceId, const ListRequest &request)
{
    Store::IdentityStore identities(db);
    if (!request.identityId.isEmpty()) {
        const Store::FoundIdentity found = identities.findById(workspaceId, request.identityId);
        if (!found)
            return found.error();
        if (*found)
            return request.identityId;
    } else {
        const Store::Found<QString> id = identities.idByExternalId(workspaceId, request.externalId);
        if (!id)
            return id.error();
        if (*id)
            return **id;
    }
    return Core::makeError(Core::ErrorCode::IdentityNotFound, u"This identity does not exist."_s);
}

Core::Result<QJsonArray> describeKeys(
    Services &services, const ApiContext &context, const QList<Store::KeyRecord> &keys)
{
    Store::ApiStore apis(services.db);
    QHash<QString, QString> apiOfKeyspace;
    QJsonArray data;
    for (const Store::KeyRecord &key : keys) {
        auto known = apiOfKeyspace.constFind(key.keyspaceId);
        if (known == apiOfKeyspace.constEnd()) {
            const Store::Found<Store::ApiRecord> api
                = apis.findByKeyspace(context.principal.workspaceId, key.keyspaceId);
            if (!api)
                return api.error();
            if (!*api) // deleted after the page was read
                continue;
            known = apiOfKeyspace.insert(key.keyspaceId, (*api)->id);
        }
        const Core::Result<KeyDetails> details = loadKeyDetails(services, key);
        if (!details)
            return details.error();
        QJsonObject item = keyResponseData(*details, context.nowMs);
        item.insert(u"apiId"_s, *known);
        data.append(item);
    }
    return data;
}

Core::Result<ApiReply> listKeys(Services &services, const ApiContext &context, const ListRequest &request)
{
    const std::optional<QStringList> apiIds = grantedIds(context.principal, u"api"_s, u"read_key"_s);
    if (apiIds && apiIds->isEmpty()) {
        return Core::makeError(Core::ErrorCode::InsufficientPermissions,
                               u"Missing one of these permissions: 'api.*.read_key' or 'api.<apiId>.read_key'"_s);
    }
    const QString &workspaceId = context.principal.workspaceId;
    const Core::Result<QString> identityId = resolveIdentity(services.db, workspaceId, request);
    if (!identityId)
        return identityId.error();
    const Core::Result<Store::KeyPage> page = Store::KeyStore(services.db).listByIdentity(
        {workspaceId, *identityId, apiIds, request.cursor, request.limit});
    if (!page)
        return page.error();
    const Core::Result<QJsonArray> data = describeKeys(services, context, page->keys);
    if (!data)
        return data.error();
    return ApiReply {*data, Pagination {page->hasMore, page->nextCursor}};
}

Core::Result<Execute> decodeList(Services &services, RequestReader &in)
{
    ListRequest request;
    request.identityId = in.string(u"identityId"_s, {.minLength = 3, .maxLength = 255,
                                                     .pattern = &RequestReader::idPattern()}).value;
    request.externalId = in.string(u"externalId"_s, {.minLength = 1, .maxLength = 255,
                                                     .pattern = &RequestReader::externalIdPattern()}).value;
    request.cursor = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 255}).value;
    request.limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    const bool byId = in.json().contains(u"identityId"_s);
    const bool byExternalId = in.json().contains(u"externalId"_s);
    if (byId == byExternalId) {
        const QString message = byId ? u"cannot be combined with externalId; give one of them"_s
                                     : u"is required unless externalId is given"_s;
        in.addError(u"identityId"_s, message, u"Pass either identityId or externalId."_s);
    }
    if (!in.finish())
        return in.error();
    return Execute([&services, request](ApiContext &context) { return listKeys(services, context, request); });
}

} // namespace

void registerKeyListRoutes(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/keys.listKeys"),
                .permissions = u"api.*.read_key, or api.<apiId>.read_key per API (keys of other APIs are omitted)"_s,
                .decode = [&services](RequestReader &in) { return decodeList(services, in); }});
}

} // namespace Latchkey::Api
