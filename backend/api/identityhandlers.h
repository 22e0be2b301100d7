#pragma once

#include "api/router.h"
#include "store/auditlog.h"

#include <functional>

/// Internal to the identities.* handlers (identityroutes.cpp, identityupdateroutes.cpp).
namespace Latchkey::Api::IdentityHandlers {

/// 404 IdentityNotFound with Unkey's detail.
[[nodiscard]] Core::Error identityNotFound();

/// Reads the optional `meta` object: at most 100 properties and 1 MB serialized (Unkey's limits).
[[nodiscard]] Field<QJsonObject> readMeta(RequestReader &in);

/// Runs @p change in one write transaction and appends the audit events it collected in the same
/// transaction (invariant 5).
[[nodiscard]] Core::Status writeWithAudit(Services &services, const ApiContext &context,
                                          const std::function<Core::Status(QList<Store::AuditEvent> &)> &change);

/// identities.updateIdentity / identities.deleteIdentity.
[[nodiscard]] Core::Result<Execute> decodeUpdate(Services &services, RequestReader &in);
[[nodiscard]] Core::Result<Execute> decodeDelete(Services &services, RequestReader &in);

} // namespace Latchkey::Api::IdentityHandlers
