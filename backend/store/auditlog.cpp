#include "store/auditlog.h"

#include "core/random.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {
QString targetsJson(const QList<AuditTarget> &targets)
{
    QJsonArray array;
    for (const AuditTarget &target : targets) {
        QJsonObject object{{u"type"_s, target.type}, {u"id"_s, target.id}};
        if (!target.name.isEmpty())
            object.insert(u"name"_s, target.name);
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString foldedNames(const QList<AuditTarget> &targets)
{
    QStringList names;
    for (const AuditTarget &target : targets) {
        if (!target.name.isEmpty())
            names.append(target.name.toCaseFolded());
    }
    return names.join(AuditLog::TargetNameSeparator);
}
} // namespace

Core::Status AuditLog::append(const AuditOrigin &origin, qint64 timeMs, const QList<AuditEvent> &events)
{
    const QString correlationId = Core::newId(u"cor");
    QSqlQuery insert = m_db.prepare(
        u"INSERT INTO audit_logs (id, workspace_id, time, event, description, actor_type, actor_id,"
        " actor_name, targets, target_names, remote_ip, user_agent, request_id, correlation_id, changes)"
        // coalesce: an event without named targets folds to a null QString, which binds as NULL
        // (the column is NOT NULL; every refill, root key and namespace event failed to write).
        " VALUES (?,?,?,?,?,?,?,?,?,coalesce(?, ''),?,?,?,?,?)"_s);
    for (const AuditEvent &event : events) {
        insert.addBindValue(Core::newId(u"log"));
        insert.addBindValue(event.workspaceId);
        insert.addBindValue(timeMs);
        insert.addBindValue(event.event);
        insert.addBindValue(event.description);
        insert.addBindValue(origin.actor.type);
        insert.addBindValue(origin.actor.id);
        insert.addBindValue(origin.actor.name);
        insert.addBindValue(targetsJson(event.targets));
        insert.addBindValue(foldedNames(event.targets));
        insert.addBindValue(origin.remoteIp);
        insert.addBindValue(origin.userAgent);
        insert.addBindValue(origin.requestId);
        insert.addBindValue(correlationId);
        insert.addBindValue(event.changes.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(QJsonDocument(event.changes).toJson(QJsonDocument::Compact))));
        if (!exec(insert))
            return sqlError(insert);
    }
    return {};
}

} // namespace Latchkey::Store
