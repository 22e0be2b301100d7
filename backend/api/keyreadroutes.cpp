#include "api/keyaccess.h"
#include "api/keyjson.h"
#include "api/keyrequests.h"
#include "api/keyroutes.h"
#include "api/router.h"
#include "core/keyhash.h"
#include "store/database.h"
#include "store/identitystore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

/// KeyResponseData of @p key, with the plaintext when @p decrypt (checked by the caller).
Core::Result<QJsonObject> describeKey(
    const Services &services, const ApiContext &context, const Store::KeyRecord &key, bool decrypt)
{
    Core::Result<KeyDetails> loaded = loadKeyDetails(services, key);
    if (!loaded)
        return loaded.error();
    KeyDetails details = std::move(*loaded);
    if (decrypt) {
        Store::KeyStore keys(services.db);
        Core::Result<std::optional<QString>> plaintext = recoverPlaintext(services, keys, key.id);
        if (!plaintext)
            return plaintext.error();
        details.plaintext = *plaintext;
    }
    return keyResponseData(details, context.nowMs);
}

// ---- keys.getKey ------------------------------------------------------------------------------

Core::Result<ApiReply> getKey(Services &services, const ApiContext &context, const QString &keyId, bool decrypt)
{
    const Core::Result<KeyTarget> target = findKeyTarget(services.db, context.principal.workspaceId, keyId);
    if (!target)
        return target.error();
    if (Core::Status allowed = requireAny(context.principal, apiPermission(target->api.id, u"read_key"_s)); !allowed)
        return allowed.error();
    if (decrypt) {
        if (Core::Status allowed = checkDecrypt(services, context.principal, target->api); !allowed)
            return allowed.error();
    }
    Core::Result<QJsonObject> data = describeKey(services, context, target->key, decrypt);
    if (!data)
        return data.error();
    // An extension field (Unkey's KeyResponseData has none): a client opened on a key id alone
    // (the dashboard's key page from a console link) learns which API's permissions apply to it.
    data->insert(u"apiId"_s, target->api.id);
    return ApiReply {*data, std::nullopt};
}

Decode decodeGetKey(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        const QString keyId = in.string(u"keyId"_s, keyIdRule()).value;
        const bool decrypt = in.boolean(u"decrypt"_s).valueOr(false);
        if (!in.finish())
            return in.error();
        return Execute(
            [&services, keyId, decrypt](ApiContext &context) { return getKey(services, context, keyId, decrypt); });
    };
}

// ---- keys.whoami ------------------------------------------------------------------------------

Core::Result<ApiReply> whoami(Services &services, const ApiContext &context, const QString &plaintextKey)
{
    const Store::Found<Store::KeyRecord> found
        = Store::KeyStore(services.db).findByHash(Core::hashKey(plaintextKey.toUtf8()));
    if (!found)
        return found.error();
    const std::optional<Store::KeyRecord> &key = *found;
    if (!key || key->workspaceId != context.principal.workspaceId)
        return keyNotFound();
    const Core::Result<KeyTarget> target = findKeyTarget(services.db, key->workspaceId, key->id);
    if (!target)
        return target.error();
    // Like createKey, a missing permission looks like an unknown key.
    if (!context.principal.hasAny(apiPermission(target->api.id, u"read_key"_s)))
        return keyNotFound();
    const Core::Result<QJsonObject> data = describeKey(services, context, target->key, false);
    if (!data)
        return data.error();
    return ApiReply {*data, std::nullopt};
}

Decode decodeWhoami(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        const QString key = in.string(u"key"_s, {.required = true, .minLength = 1, .maxLength = 512}).value;
        if (!in.finish())
            return in.error();
        return Execute([&services, key](ApiContext &context) { return whoami(services, context, key); });
    };
}

// ---- apis.listKeys ----------------------------------------------------------------------------

struct ListKeysRequest {
    QString apiId;
    int limit = 100;
    QString cursor;
    QString externalId;
    bool decrypt = false;
};

Core::Result<ApiReply> listKeys(Services &services, const ApiContext &context, const ListKeysRequest &request)
{
    const QString &workspaceId = context.principal.workspaceId;
    const Core::Status allowed = requireAll(
        context.principal, {apiPermission(request.apiId, u"read_key"_s), apiPermission(request.apiId, u"read_api"_s)});
    if (!allowed)
        return apiNotFound();
    const Store::Found<Store::ApiRecord> found = Store::ApiStore(services.db).find(workspaceId, request.apiId);
    if (!found)
        return found.error();
    const std::optional<Store::ApiRecord> &api = *found;
    if (!api)
        return apiNotFound();
    if (request.decrypt) {
        if (Core::Status decryptable = checkDecrypt(services, context.principal, *api); !decryptable)
            return decryptable.error();
    }
    Store::KeyListQuery query {workspaceId, api->keyspaceId, {}, request.cursor, request.limit};
    if (!request.externalId.isEmpty()) {
        const Store::Found<QString> identityId
            = Store::IdentityStore(services.db).idByExternalId(workspaceId, request.externalId);
        if (!identityId)
            return identityId.error();
        if (!*identityId)
            return ApiReply {QJsonArray(), Pagination {}};
        query.identityId = **identityId;
    }
    const Core::Result<Store::KeyPage> page = Store::KeyStore(services.db).list(query);
    if (!page)
        return page.error();
    QJsonArray data;
    for (const Store::KeyRecord &key : page->keys) {
        const Core::Result<QJsonObject> described = describeKey(services, context, key, request.decrypt);
        if (!described)
            return described.error();
        data.append(*described);
    }
    return ApiReply {data, Pagination {page->hasMore, page->nextCursor}};
}

Decode decodeListKeys(Services &services)
{
    return [&services](RequestReader &in) -> Core::Result<Execute> {
        ListKeysRequest request;
        request.apiId = in.string(u"apiId"_s, {.required = true, .minLength = 1}).value;
        request.limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
        request.cursor = in.string(u"cursor"_s).value;
        request.externalId = in.string(u"externalId"_s, {.minLength = 1}).value;
        request.decrypt = in.boolean(u"decrypt"_s).valueOr(false);
        // Reads always come from the database here: there is no list cache to bypass.
        (void)in.boolean(u"revalidateKeysCache"_s);
        if (!in.finish())
            return in.error();
        return Execute([&services, request](ApiContext &context) { return listKeys(services, context, request); });
    };
}

} // namespace

void registerKeyReadRoutes(Router &router, Services &services)
{
    router.add({
        .path = QByteArrayLiteral("/v2/keys.getKey"),
        .permissions
        = u"api.*.read_key | api.<apiId>.read_key; decrypt: + api.*.decrypt_key | api.<apiId>.decrypt_key"_s,
        .decode = decodeGetKey(services),
    });
    router.add({
        .path = QByteArrayLiteral("/v2/keys.whoami"),
        .permissions = u"api.*.read_key | api.<apiId>.read_key (else 404)"_s,
        .decode = decodeWhoami(services),
    });
    router.add({
        .path = QByteArrayLiteral("/v2/apis.listKeys"),
        .permissions = u"(api.*.read_key | api.<apiId>.read_key) & (api.*.read_api | api.<apiId>.read_api) (else 404);"
                       " decrypt: + api.*.decrypt_key | api.<apiId>.decrypt_key"_s,
        .decode = decodeListKeys(services),
    });
}

} // namespace Latchkey::Api
