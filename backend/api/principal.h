#pragma once

#include "core/error.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Api {

/// The authenticated caller of a protected route: a root key of one workspace and the permission
/// strings it holds (Unkey's legacy tuples such as `api.*.create_key`, matched literally).
struct Principal {
    QString workspaceId;
    QString rootKeyId;
    QString rootKeyName;
    QSet<QString> permissions;

    [[nodiscard]] bool has(const QString &permission) const { return permissions.contains(permission); }
    [[nodiscard]] bool hasAny(const QStringList &alternatives) const;
};

/// 403 InsufficientPermissions unless the principal holds at least one of @p alternatives.
/// The detail names them: "Missing one of these permissions: 'api.*.read_key' or 'api.api_1.read_key'".
[[nodiscard]] Core::Status requireAny(const Principal &principal, const QStringList &alternatives);

/// 403 unless every group in @p groups is satisfied (each group is a list of alternatives).
[[nodiscard]] Core::Status requireAll(const Principal &principal, const QList<QStringList> &groups);

/// Alternatives "<resource>.*.<action>" and "<resource>.<id>.<action>" (Unkey's wildcard-or-id idiom).
[[nodiscard]] QStringList wildcardOr(const QString &resource, const QString &id, const QString &action);

/// The ids of @p area (`api`, `ratelimit`, ...) on which @p principal may @p action: nullopt for
/// all (`<area>.*.<action>`), else the ids of its `<area>.<id>.<action>` permissions, sorted (so
/// a statement built from them reads the same for the same key), possibly none.
[[nodiscard]] std::optional<QStringList> grantedIds(
    const Principal &principal, const QString &area, const QString &action);

/// Every permission a workspace-wide administrator holds; given to the bootstrap root key.
[[nodiscard]] QStringList allWorkspacePermissions();

} // namespace Latchkey::Api
