#pragma once

#include "api/apicontext.h"
#include "api/services.h"
#include "core/error.h"
#include "store/apistore.h"
#include "store/auditlog.h"
#include "store/keystore.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace Latchkey::Api {

/// A live key of the caller's workspace together with the live API that owns it: what every
/// keys.* handler working on an existing key starts from.
struct KeyTarget {
    Store::KeyRecord key;
    Store::ApiRecord api;
};

/// 404 "The specified key was not found." (also used for keys of other workspaces).
[[nodiscard]] Core::Error keyNotFound();
/// 404 "The specified API was not found." (also the masked answer of missing permissions).
[[nodiscard]] Core::Error apiNotFound();

/// The live key @p keyId of @p workspaceId and its API; KeyNotFound when the key is missing,
/// deleted, in another workspace, or its API was deleted; Internal (500) when it cannot be read.
[[nodiscard]] Core::Result<KeyTarget> findKeyTarget(
    Store::Database &db, const QString &workspaceId, const QString &keyId);

/// `api.*.<action>` or `api.<apiId>.<action>` (Unkey's tuple permissions on an API's keys).
[[nodiscard]] QStringList apiPermission(const QString &apiId, const QString &action);

/// Runs @p work inside one Database::write(): the mutation and its audit rows commit together,
/// and an error returned by @p work rolls every change back (bad input changes nothing).
[[nodiscard]] Core::Result<ApiReply> writeReply(
    Store::Database &db, const std::function<Core::Result<ApiReply>()> &work);

/// Audit helpers: targets and events of key mutations (reference §9).
[[nodiscard]] Store::AuditTarget keyAuditTarget(const QString &keyId, const std::optional<QString> &name = {});
[[nodiscard]] Store::AuditTarget apiAuditTarget(const Store::ApiRecord &api);
[[nodiscard]] Store::AuditEvent keyAuditEvent(
    const KeyTarget &target, const QString &event, const QString &description);
/// The owner of @p key as an audit target (`identity`, its id, its external id as the name, a
/// deleted owner's too); nullopt for a key without an owner, an error when it cannot be read.
[[nodiscard]] Store::Found<Store::AuditTarget> ownerAuditTarget(Store::Database &db, const Store::KeyRecord &key);
/// Appends @p events with the request's origin (one correlation id); no-op for an empty list.
[[nodiscard]] Core::Status appendAudit(
    Store::Database &db, const ApiContext &context, const QList<Store::AuditEvent> &events);

/// The checks of `decrypt: true` (keys.getKey, apis.listKeys): decrypt_key permission (403),
/// key encryption configured and the keyspace opted in (412).
[[nodiscard]] Core::Status checkDecrypt(
    const Services &services, const Principal &principal, const Store::ApiRecord &api);
/// The plaintext of a recoverable key; nullopt when the key is not recoverable.
[[nodiscard]] Core::Result<std::optional<QString>> recoverPlaintext(
    const Services &services, Store::KeyStore &keys, const QString &keyId);
/// Preconditions of storing a recoverable key (the permission is checked by the caller, as
/// createKey masks it as 404 and rerollKey does not): encryption configured and keyspace opted in.
[[nodiscard]] Core::Status checkEncryptionAvailable(const Services &services, const Store::ApiRecord &api);

/// "<n>" or "unlimited", as in the audit description of keys.updateCredits.
[[nodiscard]] QString describeRemaining(const std::optional<qint64> &remaining);

} // namespace Latchkey::Api
