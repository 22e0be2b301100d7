#pragma once

#include "models/pagedlistmodel.h"

#include <QDateTime>

namespace Latchkey::Dashboard {

/// The workspace's audit log, newest first (`audit.listLogs`), filtered on the server by events,
/// actor, target (an id, or a part of a target's name) and time range; `search` filters the
/// fetched rows locally by text.
class AuditLogModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList events READ events WRITE setEvents NOTIFY filterChanged)
    Q_PROPERTY(QString actorId READ actorId WRITE setActorId NOTIFY filterChanged)
    Q_PROPERTY(QString targetId READ targetId WRITE setTargetId NOTIFY filterChanged)
    Q_PROPERTY(QString targetName READ targetName WRITE setTargetName NOTIFY filterChanged)
    Q_PROPERTY(QDateTime start READ start WRITE setStart NOTIFY filterChanged)
    Q_PROPERTY(QDateTime end READ end WRITE setEnd NOTIFY filterChanged)

public:
    enum Role {
        AuditIdRole = Qt::UserRole + 1,
        TimeRole,
        EventRole,
        DescriptionRole,
        ActorTypeRole,
        ActorIdRole,
        ActorNameRole,
        RequestIdRole,
        RemoteIpRole,
        TargetListRole, ///< the targets as [{type, id, name}], for a description in the UI's language
        ChangesRole, ///< what a key.update changed, [{field, old?, new?, name?}] (empty: not recorded)
    };
    Q_ENUM(Role)

    explicit AuditLogModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;
    bool creationOrder() const override { return false; } // newest first

    /// Event names to keep, e.g. `key.create` (empty: all).
    QStringList events() const { return m_events; }
    void setEvents(const QStringList &events);
    QString actorId() const { return m_actorId; }
    void setActorId(const QString &actorId);
    /// Matches any target of a row; an owner's (identity's) id also matches the rows about the keys
    /// it owns, deleted ones included (`includeOwnedKeys`: key events do not name the owner).
    QString targetId() const { return m_targetId; }
    void setTargetId(const QString &targetId);
    /// Matches the rows with a target whose name contains it (any case), deleted keys' rows too.
    QString targetName() const { return m_targetName; }
    void setTargetName(const QString &targetName);
    /// Both target filters at once: one request for the new list, not one per property.
    Q_INVOKABLE void setTarget(const QString &targetId, const QString &targetName);
    QDateTime start() const { return m_start; }
    void setStart(const QDateTime &start);
    /// Exclusive upper bound.
    QDateTime end() const { return m_end; }
    void setEnd(const QDateTime &end);

Q_SIGNALS:
    void filterChanged();

protected:
    QString action() const override;
    QJsonObject requestBody() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;

private:
    template<typename T>
    void setFilter(T &member, const T &value);

    QStringList m_events;
    QString m_actorId;
    QString m_targetId;
    QString m_targetName;
    QDateTime m_start;
    QDateTime m_end;
};

} // namespace Latchkey::Dashboard
