#include "api/keyaccess.h"

#include "api/principal.h"
#include "core/keyencryption.h"
#include "store/database.h"
#include "store/identitystore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::ErrorCode;
using Core::makeError;

Core::Error keyNotFound()
{
    return makeError(ErrorCode::KeyNotFound, u"The specified key was not found."_s);
}

Core::Error apiNotFound()
{
    return makeError(ErrorCode::ApiNotFound, u"The specified API was not found."_s);
}

Core::Result<KeyTarget> findKeyTarget(Store::Database &db, const QString &workspaceId, const QString &keyId)
{
    Store::Found<Store::KeyRecord> key = Store::KeyStore(db).find(workspaceId, keyId);
    if (!key)
        return key.error();
    if (!*key)
        return keyNotFound();
    // A key of a deleted API no longer verifies; managing it would be as surprising.
    Store::Found<Store::ApiRecord> api = Store::ApiStore(db).findByKeyspace(workspaceId, (*key)->keyspaceId);
    if (!api)
        return api.error();
    if (!*api)
        return keyNotFound();
    return KeyTarget {std::move(**key), std::move(**api)};
}

QStringList apiPermission(const QString &apiId, const QString &action)
{
    return wildcardOr(u"api"_s, apiId, action);
}

Core::Result<ApiReply> writeReply(Store::Database &db, const std::function<Core::Result<ApiReply>()> &work)
{
    std::optional<ApiReply> reply;
    const Core::Status status = db.write([&]() -> Core::Status {
        Core::Result<ApiReply> result = work();
        if (!result)
            return result.error();
        reply = std::move(result).value();
        return {};
    });
    if (!status)
        return status.error();
    return std::move(*reply);
}

Store::AuditTarget keyAuditTarget(const QString &keyId, const std::optional<QString> &name)
{
    return Store::AuditTarget {u"key"_s, keyId, name.value_or(QString())};
}

Store::AuditTarget apiAuditTarget(const Store::ApiRecord &api)
{
    return Store::AuditTarget {u"api"_s, api.id, api.name};
}

Store::AuditEvent keyAuditEvent(const KeyTarget &target, const QString &event, const QString &description)
{
    return Store::AuditEvent {target.key.workspaceId, event, description,
        {keyAuditTarget(target.key.id, target.key.name), apiAuditTarget(target.api)}};
}

Store::Found<Store::AuditTarget> ownerAuditTarget(Store::Database &db, const Store::KeyRecord &key)
{
    if (key.identityId.isEmpty())
        return std::optional<Store::AuditTarget>();
    const Core::Result<QString> externalId = Store::IdentityStore(db).externalIdOf(key.workspaceId, key.identityId);
    if (!externalId)
        return externalId.error();
    return std::optional<Store::AuditTarget>(Store::AuditTarget {u"identity"_s, key.identityId, *externalId});
}

Core::Status appendAudit(Store::Database &db, const ApiContext &context, const QList<Store::AuditEvent> &events)
{
    if (events.isEmpty())
        return {};
    return Store::AuditLog(db).append(context.auditOrigin(), context.nowMs, events);
}

Core::Status checkEncryptionAvailable(const Services &services, const Store::ApiRecord &api)
{
    if (!services.encryption)
        return makeError(ErrorCode::PreconditionFailed, u"Vault hasn't been set up."_s);
    if (!api.storeEncryptedKeys)
        return makeError(ErrorCode::PreconditionFailed, u"This API does not support key encryption."_s);
    return {};
}

Core::Status checkDecrypt(const Services &services, const Principal &principal, const Store::ApiRecord &api)
{
    if (Core::Status allowed = requireAny(principal, apiPermission(api.id, u"decrypt_key"_s)); !allowed)
        return allowed;
    return checkEncryptionAvailable(services, api);
}

Core::Result<std::optional<QString>> recoverPlaintext(
    const Services &services, Store::KeyStore &keys, const QString &keyId)
{
    const Store::Found<QByteArray> encrypted = keys.encrypted(keyId);
    if (!encrypted)
        return encrypted.error();
    if (!*encrypted || !services.encryption)
        return std::optional<QString>();
    const Core::Result<QByteArray> plaintext = services.encryption->decrypt(**encrypted);
    if (!plaintext)
        return makeError(ErrorCode::Internal, u"The key could not be decrypted."_s);
    return std::optional<QString>(QString::fromUtf8(*plaintext));
}

QString describeRemaining(const std::optional<qint64> &remaining)
{
    return remaining ? QString::number(*remaining) : u"unlimited"_s;
}

} // namespace Latchkey::Api
