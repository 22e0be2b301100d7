#pragma once

#include "api/principal.h"

#include <QString>
#include <QStringList>

namespace Latchkey::Api {

/// The grammar of root-key permission strings, `<resource>.<id|*>.<action>` (reference §6.2), as
/// rootKeys.createRootKey accepts them: the resource and action must be ones this server checks
/// (the set allWorkspacePermissions() lists); `<id>` is `*` or an id (`^[a-zA-Z0-9_]+$`) except
/// for actions that only exist workspace-wide (`api.*.create_api`, `ratelimit.*.create_namespace`,
/// every `rbac.*` and `workspace.*` action).
namespace RootKeyPermissions {

/// Empty when @p permission is a known tuple; otherwise why not, in words for `errors[].message`.
[[nodiscard]] QString validate(const QString &permission);

/// True when @p principal may hand @p permission to a new root key: it holds the same string, or
/// the wildcard `<resource>.*.<action>` of it. Matching is the same literal matching the routes
/// use (Principal::hasAny over wildcardOr), so a key never grants more than it could do itself.
[[nodiscard]] bool mayGrant(const Principal &principal, const QString &permission);

/// The entries of @p permissions that @p principal may not grant, in request order.
[[nodiscard]] QStringList notGrantable(const Principal &principal, const QStringList &permissions);

} // namespace RootKeyPermissions

} // namespace Latchkey::Api
