#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Latchkey::Core {

/// A named rate limit attached to a key or an identity (`RatelimitResponse`).
struct RatelimitConfig {
    QString id;        ///< "rl_..."
    QString name;
    qint64 limit = 0;
    qint64 durationMs = 0;
    bool autoApply = false;
};

/// An owner of keys, found by its id or external id (`Identity`).
struct Identity {
    QString id;        ///< "id_..."
    QString externalId;
    QJsonObject meta;
    QList<RatelimitConfig> ratelimits;
};

/// A permission slug of the workspace's RBAC (`Permission`).
struct Permission {
    QString id;        ///< "perm_..."
    QString name;
    QString slug;
    QString description; ///< empty: omitted
};

/// A named set of permissions (`Role`).
struct Role {
    QString id;        ///< "role_..."
    QString name;
    QString description;
    QList<Permission> permissions;
};

/// Where a rate-limit config hangs.
enum class RatelimitOwner { Key, Identity };

} // namespace Latchkey::Core
