// Root-key extension endpoints for the dashboard (resources/openapi.yaml documents them):
// rootKeys.whoami (the calling key), createRootKey, listRootKeys, deleteRootKey. Root keys are
// stored like the bootstrap key: only base64(sha256(key)) and a short display prefix (`start`);
// the plaintext leaves the server once, in the createRootKey answer.

#include "api/rootkeypermissions.h"
#include "api/router.h"
#include "api/routes.h"
#include "core/keyfactory.h"
#include "core/random.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/rootkeystore.h"

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

Q_LOGGING_CATEGORY(lcRootKeys, "latchkey.api.rootkeys")

namespace {

using Core::ErrorCode;
using Core::makeError;

const QString CreatePermission = u"workspace.*.create_root_key"_s;
const QString ReadPermission = u"workspace.*.read_root_key"_s;
const QString DeletePermission = u"workspace.*.delete_root_key"_s;
/// Same shape as the bootstrap key: "lkroot_" + base58 of 24 random bytes.
constexpr int KeyBytes = 24;

QJsonArray sortedPermissions(const QSet<QString> &permissions)
{
    QStringList list(permissions.begin(), permissions.end());
    list.sort();
    return QJsonArray::fromStringList(list);
}

/// One item of rootKeys.listRootKeys (never any key material beyond `start`).
QJsonObject rootKeyJson(const Store::RootKey &key)
{
    QJsonObject object{{u"rootKeyId"_s, key.id}, {u"start"_s, key.start},
                       {u"permissions"_s, sortedPermissions(key.permissions)}, {u"createdAt"_s, key.createdAtMs}};
    if (!key.name.isEmpty())
        object.insert(u"name"_s, key.name);
    if (key.expiresMs)
        object.insert(u"expires"_s, *key.expiresMs);
    return object;
}

/// A 400 for a semantic problem of one field, shaped like RequestReader's errors.
Core::Error invalidField(const QString &field, const QString &message)
{
    Core::Error error = makeError(ErrorCode::InvalidInput,
                                  u"POST request body is invalid: body.%1 %2"_s.arg(field, message));
    error.fieldErrors.append({u"body."_s + field, message, {}});
    return error;
}

Core::Error rootKeyNotFound(const QString &id)
{
    return makeError(ErrorCode::KeyNotFound, u"The root key '%1' does not exist in this workspace."_s.arg(id));
}

const StringRule &rootKeyIdRule()
{
    static const StringRule rule{
        .required = true, .minLength = 3, .maxLength = 255, .pattern = &RequestReader::idPattern()};
    return rule;
}

// ---- rootKeys.whoami --------------------------------------------------------------------------

Core::Result<Execute> decodeWhoami(Services &services, RequestReader &in)
{
    if (!in.finish())
        return in.error();
    return Execute([&services](ApiContext &context) -> Core::Result<ApiReply> {
        const Principal &caller = context.principal;
        const Store::Found<Store::RootKey> found
            = Store::RootKeyStore(services.db).find(caller.workspaceId, caller.rootKeyId);
        if (!found)
            return found.error();
        const std::optional<Store::RootKey> &key = *found;
        if (!key) // deleted between authentication and here
            return makeError(ErrorCode::RootKeyNotFound, u"The provided root key is invalid."_s);
        QJsonObject data{{u"rootKeyId"_s, key->id}, {u"workspaceId"_s, key->workspaceId},
                         {u"permissions"_s, sortedPermissions(key->permissions)},
                         {u"createdAt"_s, key->createdAtMs}};
        if (!key->name.isEmpty())
            data.insert(u"name"_s, key->name);
        if (key->expiresMs)
            data.insert(u"expires"_s, *key->expiresMs);
        return ApiReply{data, std::nullopt};
    });
}

// ---- rootKeys.createRootKey -------------------------------------------------------------------

struct CreateRequest {
    QString name;
    QStringList permissions;
    std::optional<qint64> expiresMs;
};

Core::Status insertRootKey(Services &services, const ApiContext &context, const Store::RootKey &key,
                           const QByteArray &hash)
{
    return services.db.write([&]() -> Core::Status {
        if (Core::Status inserted = Store::RootKeyStore(services.db).insertRootKey(key, hash); !inserted)
            return inserted;
        const Store::AuditEvent event{key.workspaceId, u"rootKey.create"_s, u"Created root key %1"_s.arg(key.id),
                                      {{u"rootKey"_s, key.id, key.name}}};
        return Store::AuditLog(services.db).append(context.auditOrigin(), context.nowMs, {event});
    });
}

Core::Result<ApiReply> createRootKey(Services &services, const ApiContext &context, const CreateRequest &request)
{
    if (Core::Status allowed = requireAny(context.principal, {CreatePermission}); !allowed)
        return allowed.error();
    if (request.expiresMs && *request.expiresMs <= context.nowMs)
        return invalidField(u"expires"_s, u"must be in the future (unix milliseconds)"_s);
    if (const QStringList missing = RootKeyPermissions::notGrantable(context.principal, request.permissions);
        !missing.isEmpty()) {
        return makeError(ErrorCode::InsufficientPermissions,
                         u"A root key can only grant permissions it holds itself. Missing: '%1'"_s.arg(
                             missing.join(u"', '"_s)));
    }
    const Core::GeneratedKey generated = Core::generateKey(u"lkroot", KeyBytes);
    Store::RootKey key;
    key.id = Core::newId(u"rk");
    key.workspaceId = context.principal.workspaceId;
    key.name = request.name;
    key.start = generated.start;
    key.permissions = QSet<QString>(request.permissions.begin(), request.permissions.end());
    key.expiresMs = request.expiresMs;
    key.createdAtMs = context.nowMs;
    if (Core::Status written = insertRootKey(services, context, key, generated.hash); !written)
        return written.error();
    qCInfo(lcRootKeys).noquote() << "root key" << key.id << "created by" << context.principal.rootKeyId;
    return ApiReply{QJsonObject{{u"rootKeyId"_s, key.id}, {u"key"_s, generated.plaintext}}, std::nullopt};
}

Core::Result<Execute> decodeCreate(Services &services, RequestReader &in)
{
    CreateRequest request;
    request.name = in.string(u"name"_s, {.minLength = 1, .maxLength = 255}).value;
    request.permissions
        = in.stringArray(u"permissions"_s, {.required = true, .minItems = 1, .maxItems = 1000},
                         {.minLength = 3, .maxLength = 512})
              .value;
    for (qsizetype i = 0; i < request.permissions.size(); ++i) {
        if (const QString problem = RootKeyPermissions::validate(request.permissions.at(i)); !problem.isEmpty())
            in.addError(u"permissions[%1]"_s.arg(i), problem);
    }
    if (const Field<qint64> expires = in.integer(u"expires"_s, {.minimum = 0}); expires.hasValue())
        request.expiresMs = expires.value;
    if (!in.finish())
        return in.error();
    request.permissions.removeDuplicates();
    return Execute([&services, request](ApiContext &context) { return createRootKey(services, context, request); });
}

// ---- rootKeys.listRootKeys --------------------------------------------------------------------

Core::Result<Execute> decodeList(Services &services, RequestReader &in)
{
    const QString cursor = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 255}).value;
    const int limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    if (!in.finish())
        return in.error();
    return Execute([&services, cursor, limit](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {ReadPermission}); !allowed)
            return allowed.error();
        const auto page = Store::RootKeyStore(services.db).list(context.principal.workspaceId, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::RootKey &key : page->keys)
            array.append(rootKeyJson(key));
        return ApiReply{array, page->next ? Pagination{true, *page->next} : Pagination{false, {}}};
    });
}

// ---- rootKeys.deleteRootKey -------------------------------------------------------------------

Core::Result<ApiReply> deleteRootKey(Services &services, const ApiContext &context, const QString &rootKeyId)
{
    if (Core::Status allowed = requireAny(context.principal, {DeletePermission}); !allowed)
        return allowed.error();
    if (rootKeyId == context.principal.rootKeyId)
        return invalidField(u"rootKeyId"_s, u"is the root key making this request; a root key cannot delete itself"_s);
    const QString &workspaceId = context.principal.workspaceId;
    // Invalidation::Caches (the default) bumps the generation the router's principal cache is
    // tagged with, so the deleted key is rejected from the very next request on.
    const Core::Status written = services.db.write([&]() -> Core::Status {
        Store::RootKeyStore store(services.db);
        const Store::Found<Store::RootKey> key = store.find(workspaceId, rootKeyId);
        if (!key)
            return key.error();
        if (!*key)
            return rootKeyNotFound(rootKeyId);
        const auto deleted = store.markDeleted(workspaceId, rootKeyId, context.nowMs);
        if (!deleted)
            return deleted.error();
        const Store::AuditEvent event{workspaceId, u"rootKey.delete"_s, u"Deleted root key %1"_s.arg(rootKeyId),
                                      {{u"rootKey"_s, rootKeyId, (*key)->name}}};
        return Store::AuditLog(services.db).append(context.auditOrigin(), context.nowMs, {event});
    });
    if (!written)
        return written.error();
    qCInfo(lcRootKeys).noquote() << "root key" << rootKeyId << "deleted by" << context.principal.rootKeyId;
    return ApiReply{QJsonObject{}, std::nullopt};
}

Core::Result<Execute> decodeDelete(Services &services, RequestReader &in)
{
    const QString rootKeyId = in.string(u"rootKeyId"_s, rootKeyIdRule()).value;
    if (!in.finish())
        return in.error();
    return Execute([&services, rootKeyId](ApiContext &context) { return deleteRootKey(services, context, rootKeyId); });
}

} // namespace

void registerRootKeyRoutes(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/rootKeys.whoami"), .permissions = u"(any valid root key)"_s,
                .decode = [&services](RequestReader &in) { return decodeWhoami(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/rootKeys.createRootKey"),
                .permissions = CreatePermission + u" + every permission granted (or its <resource>.*.<action>)"_s,
                .decode = [&services](RequestReader &in) { return decodeCreate(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/rootKeys.listRootKeys"), .permissions = ReadPermission,
                .decode = [&services](RequestReader &in) { return decodeList(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/rootKeys.deleteRootKey"), .permissions = DeletePermission,
                .decode = [&services](RequestReader &in) { return decodeDelete(services, in); }});
}

} // namespace Latchkey::Api
