#pragma once

#include "core/error.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Latchkey::Store {

class Database;

/// A resource an audit event is about ("key", "api", "identity", "permission", "role",
/// "ratelimit", "ratelimitNamespace", "ratelimitOverride", "keySpace", "rootKey", "workspace").
struct AuditTarget {
    QString type;
    QString id;
    QString name; ///< optional
};

/// Who did it: a root key (the usual case) or the system (refill, bootstrap).
struct AuditActor {
    QString type = QStringLiteral("rootkey"); ///< "rootkey" | "system"
    QString id;
    QString name;
};

/// Where the change came from: the request that caused it.
struct AuditOrigin {
    AuditActor actor;
    QString requestId;
    QString remoteIp;
    QString userAgent;
};

/// One audit-log row (reference §9). Event names follow Unkey: "key.create", "api.delete", ...
struct AuditEvent {
    QString workspaceId;
    QString event;
    QString description;
    QList<AuditTarget> targets;
    /// What the event changed (AuditChanges::json(); key.update, identity.update and ratelimit.set_override); empty: not recorded.
    QJsonArray changes;
};

/// Appends audit rows. Must be called inside Database::write() so the entry commits (or rolls
/// back) together with the change it describes (invariant 5). All events of one call share a
/// correlation id.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) { }

    /// Joins a row's case-folded target names in its `target_names` column (schema 7): a control
    /// character no search text of a person contains, so a match never spans two names.
    static constexpr char16_t TargetNameSeparator = u'\x1f';

    [[nodiscard]] Core::Status append(const AuditOrigin &origin, qint64 timeMs,
                                      const QList<AuditEvent> &events);

private:
    Database &m_db;
};

} // namespace Latchkey::Store
