#include "store/ratelimitconfigstore.h"

#include "core/random.h"
#include "store/database.h"

#include <QHash>
#include <QSet>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

QString ownerColumn(Core::RatelimitOwner owner)
{
    return owner == Core::RatelimitOwner::Key ? u"key_id"_s : u"identity_id"_s;
}

QString ownerType(Core::RatelimitOwner owner)
{
    return owner == Core::RatelimitOwner::Key ? u"key"_s : u"identity"_s;
}

// Unkey's wording ("Created ratelimit rl_..."); the owner comes first among the targets.
AuditEvent ratelimitEvent(const AuditTarget &owner, const QString &workspaceId, const QString &action,
                          const Core::RatelimitConfig &config)
{
    const QString verb = action == u"create"_s ? u"Created"_s : action == u"update"_s ? u"Updated"_s : u"Deleted"_s;
    return AuditEvent{workspaceId, u"ratelimit."_s + action, verb + u" ratelimit "_s + config.id + u'.',
                      {owner, AuditTarget{u"ratelimit"_s, config.id, config.name}}};
}

// The owner as an audit target; identities are named by their external id, as Unkey does.
Core::Result<AuditTarget> ownerTarget(Database &db, Core::RatelimitOwner owner, const QString &ownerId)
{
    AuditTarget target{ownerType(owner), ownerId, {}};
    if (owner == Core::RatelimitOwner::Identity) {
        QSqlQuery query = db.prepare(u"SELECT external_id FROM identities WHERE id = ?"_s);
        query.addBindValue(ownerId);
        if (!exec(query))
            return sqlError(query);
        if (query.next())
            target.name = query.value(0).toString();
    }
    return target;
}

Core::Status insertConfig(Database &db, Core::RatelimitOwner owner, const QString &workspaceId,
                          const QString &ownerId, const Core::RatelimitConfig &config, qint64 nowMs)
{
    QSqlQuery query = db.prepare(u"INSERT INTO ratelimits (id, workspace_id, name, "_s + ownerColumn(owner)
                                   + u", \"limit\", duration, auto_apply, created_at) VALUES (?,?,?,?,?,?,?,?)"_s);
    query.addBindValue(config.id);
    query.addBindValue(workspaceId);
    query.addBindValue(config.name);
    query.addBindValue(ownerId);
    query.addBindValue(config.limit);
    query.addBindValue(config.durationMs);
    query.addBindValue(config.autoApply ? 1 : 0);
    query.addBindValue(nowMs);
    if (!exec(query))
        return sqlError(query);
    return {};
}

Core::Status updateConfig(Database &db, const Core::RatelimitConfig &config, qint64 nowMs)
{
    QSqlQuery query = db.prepare(
        u"UPDATE ratelimits SET \"limit\" = ?, duration = ?, auto_apply = ?, updated_at = ? WHERE id = ?"_s);
    query.addBindValue(config.limit);
    query.addBindValue(config.durationMs);
    query.addBindValue(config.autoApply ? 1 : 0);
    query.addBindValue(nowMs);
    query.addBindValue(config.id);
    if (!exec(query))
        return sqlError(query);
    return {};
}

bool sameLimit(const Core::RatelimitConfig &a, const Core::RatelimitConfig &b)
{
    return a.limit == b.limit && a.durationMs == b.durationMs && a.autoApply == b.autoApply;
}

Core::Status removeConfig(Database &db, const QString &id)
{
    QSqlQuery query = db.prepare(u"DELETE FROM ratelimits WHERE id = ?"_s);
    query.addBindValue(id);
    if (!exec(query))
        return sqlError(query);
    return {};
}

} // namespace

Core::Result<QList<Core::RatelimitConfig>> RatelimitConfigStore::list(
    Core::RatelimitOwner owner, const QString &ownerId)
{
    QSqlQuery query = m_db.prepare(u"SELECT id, name, \"limit\", duration, auto_apply FROM ratelimits WHERE "_s
                                   + ownerColumn(owner) + u" = ? ORDER BY name"_s);
    query.addBindValue(ownerId);
    if (!exec(query))
        return sqlError(query);
    QList<Core::RatelimitConfig> configs;
    while (query.next()) {
        configs.append(Core::RatelimitConfig{query.value(0).toString(), query.value(1).toString(),
                                             query.value(2).toLongLong(), query.value(3).toLongLong(),
                                             query.value(4).toBool()});
    }
    return configs;
}

Core::Result<QHash<QString, QList<Core::RatelimitConfig>>> RatelimitConfigStore::listOf(
    Core::RatelimitOwner owner, const QStringList &ownerIds)
{
    QHash<QString, QList<Core::RatelimitConfig>> configs;
    if (ownerIds.isEmpty())
        return configs;
    // The owner's unique (owner, name) index serves each id of the IN list in name order.
    const QString column = ownerColumn(owner);
    QSqlQuery query = m_db.prepare(u"SELECT "_s + column + u", id, name, \"limit\", duration, auto_apply FROM ratelimits"
                                   " WHERE "_s + column + u" IN ("_s + QStringList(ownerIds.size(), u"?"_s).join(u',')
                                   + u") ORDER BY "_s + column + u", name"_s);
    for (const QString &id : ownerIds)
        query.addBindValue(id);
    if (!exec(query))
        return sqlError(query);
    while (query.next()) {
        configs[query.value(0).toString()].append(Core::RatelimitConfig{
            query.value(1).toString(), query.value(2).toString(), query.value(3).toLongLong(),
            query.value(4).toLongLong(), query.value(5).toBool()});
    }
    return configs;
}

Core::Result<QList<Core::RatelimitConfig>> RatelimitConfigStore::replace(
    Core::RatelimitOwner owner, const QString &workspaceId, const QString &ownerId,
    const QList<Core::RatelimitConfig> &configs, qint64 nowMs, QList<AuditEvent> *auditEvents)
{
    QSet<QString> wanted;
    for (const Core::RatelimitConfig &config : configs) {
        if (wanted.contains(config.name)) {
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   u"Ratelimit name '"_s + config.name + u"' is used more than once."_s);
        }
        wanted.insert(config.name);
    }
    const Core::Result<AuditTarget> owning = ownerTarget(m_db, owner, ownerId);
    if (!owning)
        return owning.error();
    const Core::Result<QList<Core::RatelimitConfig>> existingConfigs = list(owner, ownerId);
    if (!existingConfigs)
        return existingConfigs.error();
    QHash<QString, Core::RatelimitConfig> kept; // by name
    for (const Core::RatelimitConfig &existing : *existingConfigs) {
        if (wanted.contains(existing.name)) {
            kept.insert(existing.name, existing);
            continue;
        }
        if (Core::Status removed = removeConfig(m_db, existing.id); !removed)
            return removed.error();
        if (auditEvents)
            auditEvents->append(ratelimitEvent(*owning, workspaceId, u"delete"_s, existing));
    }
    for (Core::RatelimitConfig config : configs) {
        const bool exists = kept.contains(config.name);
        config.id = exists ? kept.value(config.name).id : Core::newId(u"rl");
        // A limit sent as it is stays untouched, without a "ratelimit.update" row: the dashboard
        // sends every limit of the owner, and each wrote a row saying it was changed.
        if (exists && sameLimit(kept.value(config.name), config))
            continue;
        Core::Status stored = exists ? updateConfig(m_db, config, nowMs)
                                      : insertConfig(m_db, owner, workspaceId, ownerId, config, nowMs);
        if (!stored)
            return stored.error();
        if (auditEvents) {
            auditEvents->append(
                ratelimitEvent(*owning, workspaceId, exists ? u"update"_s : u"create"_s, config));
        }
    }
    return list(owner, ownerId);
}

Core::Status RatelimitConfigStore::removeAll(Core::RatelimitOwner owner, const QString &ownerId,
                                             QList<AuditEvent> *auditEvents)
{
    QSqlQuery query = m_db.prepare(u"SELECT id, name, workspace_id FROM ratelimits WHERE "_s + ownerColumn(owner)
                                   + u" = ? ORDER BY name"_s);
    query.addBindValue(ownerId);
    if (!exec(query))
        return sqlError(query);
    const Core::Result<AuditTarget> owning = auditEvents ? ownerTarget(m_db, owner, ownerId) : AuditTarget{};
    if (!owning)
        return owning.error();
    while (auditEvents && query.next()) {
        Core::RatelimitConfig config;
        config.id = query.value(0).toString();
        config.name = query.value(1).toString();
        auditEvents->append(ratelimitEvent(*owning, query.value(2).toString(), u"delete"_s, config));
    }
    QSqlQuery remove = m_db.prepare(u"DELETE FROM ratelimits WHERE "_s + ownerColumn(owner) + u" = ?"_s);
    remove.addBindValue(ownerId);
    if (!exec(remove))
        return sqlError(remove);
    return {};
}

} // namespace Latchkey::Store
