#include "models/auditlogmodel.h"

#include <QJsonArray>


using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

AuditLogModel::AuditLogModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    return {{AuditIdRole, "auditId"},   {TimeRole, "time"},         {EventRole, "event"},
            {DescriptionRole, "description"}, {ActorTypeRole, "actorType"}, {ActorIdRole, "actorId"},
            {ActorNameRole, "actorName"},   {RequestIdRole, "requestId"},
            {RemoteIpRole, "remoteIp"},   {TargetListRole, "targetList"}, {ChangesRole, "changes"}};
}

template<typename T>
void AuditLogModel::setFilter(T &member, const T &value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT filterChanged();
    invalidate();
}

void AuditLogModel::setEvents(const QStringList &events)
{
    setFilter(m_events, events);
}

void AuditLogModel::setActorId(const QString &actorId)
{
    setFilter(m_actorId, actorId);
}

void AuditLogModel::setTargetId(const QString &targetId)
{
    setFilter(m_targetId, targetId);
}

void AuditLogModel::setTargetName(const QString &targetName)
{
    setFilter(m_targetName, targetName);
}

void AuditLogModel::setTarget(const QString &targetId, const QString &targetName)
{
    if (m_targetId == targetId && m_targetName == targetName)
        return;
    m_targetId = targetId;
    m_targetName = targetName;
    Q_EMIT filterChanged();
    invalidate();
}

void AuditLogModel::setStart(const QDateTime &start)
{
    setFilter(m_start, start);
}

void AuditLogModel::setEnd(const QDateTime &end)
{
    setFilter(m_end, end);
}

QString AuditLogModel::action() const
{
    return u"audit.listLogs"_s;
}

QJsonObject AuditLogModel::requestBody() const
{
    QJsonObject body;
    if (!m_events.isEmpty())
        body.insert(u"events"_s, QJsonArray::fromStringList(m_events));
    if (!m_actorId.isEmpty())
        body.insert(u"actorId"_s, m_actorId);
    if (!m_targetId.isEmpty()) {
        body.insert(u"targetId"_s, m_targetId);
        body.insert(u"includeOwnedKeys"_s, true); // an owner's rows are also those of its keys
    }
    if (!m_targetName.isEmpty())
        body.insert(u"targetName"_s, m_targetName);
    if (m_start.isValid())
        body.insert(u"start"_s, m_start.toMSecsSinceEpoch());
    if (m_end.isValid())
        body.insert(u"end"_s, m_end.toMSecsSinceEpoch());
    return body;
}

QVariant AuditLogModel::rowData(const QJsonObject &row, int role) const
{
    const QJsonObject actor = row.value(u"actor"_s).toObject();
    switch (role) {
    case AuditIdRole:
        return row.value(u"id"_s).toString();
    case TimeRole:
        return row.value(u"time"_s).toInteger();
    case EventRole:
        return row.value(u"event"_s).toString();
    case DescriptionRole:
        return row.value(u"description"_s).toString();
    case ActorTypeRole:
        return actor.value(u"type"_s).toString();
    case ActorIdRole:
        return actor.value(u"id"_s).toString();
    case ActorNameRole:
        return actor.value(u"name"_s).toString();
    case RequestIdRole:
        return row.value(u"requestId"_s).toString();
    case RemoteIpRole:
        return row.value(u"remoteIp"_s).toString();
    case TargetListRole:
        return row.value(u"targets"_s).toArray().toVariantList();
    case ChangesRole:
        return row.value(u"changes"_s).toArray().toVariantList();
    default:
        return {};
    }
}

} // namespace Latchkey::Dashboard
