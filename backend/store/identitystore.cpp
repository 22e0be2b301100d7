#include "store/identitystore.h"

#include "core/random.h"
#include "store/database.h"
#include "store/ratelimitconfigstore.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

const QString kColumns = u"SELECT id, external_id, meta FROM identities"_s;

Core::Identity identityFromRow(const QSqlQuery &query)
{
    Core::Identity identity;
    identity.id = query.value(0).toString();
    identity.externalId = query.value(1).toString();
    identity.meta = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    return identity;
}

QString metaText(const QJsonObject &meta)
{
    return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
}

AuditEvent identityEvent(const QString &workspaceId, const QString &event, const QString &verb,
                         const Core::Identity &identity)
{
    return AuditEvent{workspaceId, event, verb + u" identity "_s + identity.id + u'.',
                      {AuditTarget{u"identity"_s, identity.id, identity.externalId}}};
}

/// The page query's key count of identity `i`: as keys.listKeys lists an owner's keys, live keys
/// of live APIs, of only @p apiIds when given (one `?` each, bound first).
QString keyCountColumn(const std::optional<QStringList> &apiIds)
{
    QString apis = u"a.deleted_at IS NULL"_s;
    if (apiIds)
        apis += u" AND a.id IN ("_s + QStringList(apiIds->size(), u"?"_s).join(u',') + u')';
    return u"(SELECT count(*) FROM keys k JOIN apis a ON a.keyspace_id = k.keyspace_id AND "_s + apis
        + u" WHERE k.identity_id = i.id AND k.workspace_id = i.workspace_id AND k.deleted_at IS NULL)"_s;
}

} // namespace

FoundIdentity IdentityStore::loaded(QSqlQuery &query)
{
    if (!exec(query))
        return sqlError(query);
    if (!query.next())
        return std::optional<Core::Identity>();
    Core::Identity identity = identityFromRow(query);
    Core::Result<QList<Core::RatelimitConfig>> limits
        = RatelimitConfigStore(m_db).list(Core::RatelimitOwner::Identity, identity.id);
    if (!limits)
        return limits.error();
    identity.ratelimits = std::move(*limits);
    return std::optional<Core::Identity>(std::move(identity));
}

FoundIdentity IdentityStore::find(const QString &workspaceId, const QString &idOrExternalId)
{
    // An id match wins over an external-id match: an external id may look like another
    // identity's id, and the id is the unambiguous name.
    QSqlQuery query = m_db.prepare(kColumns
                                   + u" WHERE workspace_id = ? AND deleted = 0 AND (id = ? OR external_id = ?)"
                                     " ORDER BY (id = ?) DESC LIMIT 1"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(idOrExternalId);
    query.addBindValue(idOrExternalId);
    query.addBindValue(idOrExternalId);
    return loaded(query);
}

FoundIdentity IdentityStore::findById(const QString &workspaceId, const QString &id)
{
    QSqlQuery query = m_db.prepare(kColumns + u" WHERE workspace_id = ? AND deleted = 0 AND id = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(id);
    return loaded(query);
}

Core::Result<QString> IdentityStore::externalIdOf(const QString &workspaceId, const QString &id)
{
    if (id.isEmpty())
        return QString();
    QSqlQuery query = m_db.prepare(u"SELECT external_id FROM identities WHERE workspace_id = ? AND id = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(id);
    if (!exec(query))
        return sqlError(query);
    return query.next() ? query.value(0).toString() : QString();
}

Found<QString> IdentityStore::idByExternalId(const QString &workspaceId, const QString &externalId)
{
    QSqlQuery query = m_db.prepare(
        u"SELECT id FROM identities WHERE workspace_id = ? AND external_id = ? AND deleted = 0"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(externalId);
    return firstRow<QString>(query, [](const QSqlQuery &row) { return row.value(0).toString(); });
}

Core::Result<QString> IdentityStore::upsert(const QString &workspaceId, const QString &externalId, qint64 nowMs,
                                            const AuditOrigin &origin)
{
    const Found<QString> existing = idByExternalId(workspaceId, externalId);
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;
    Core::Identity identity;
    identity.externalId = externalId;
    QList<AuditEvent> events;
    Core::Result<Core::Identity> created = create(workspaceId, identity, nowMs, &events);
    if (!created)
        return created.error();
    if (Core::Status audited = AuditLog(m_db).append(origin, nowMs, events); !audited)
        return audited.error();
    return created->id;
}

Core::Result<Core::Identity> IdentityStore::create(const QString &workspaceId, const Core::Identity &identity,
                                                   qint64 nowMs, QList<AuditEvent> *auditEvents)
{
    const Found<QString> taken = idByExternalId(workspaceId, identity.externalId);
    if (!taken)
        return taken.error();
    if (*taken) {
        return Core::makeError(Core::ErrorCode::IdentityAlreadyExists,
                               u"Identity with externalId '"_s + identity.externalId
                                   + u"' already exists in this workspace."_s);
    }
    Core::Identity created = identity;
    created.id = Core::newId(u"id");
    QSqlQuery insert = m_db.prepare(
        u"INSERT INTO identities (id, workspace_id, external_id, meta, created_at) VALUES (?, ?, ?, ?, ?)"_s);
    insert.addBindValue(created.id);
    insert.addBindValue(workspaceId);
    insert.addBindValue(created.externalId);
    insert.addBindValue(metaText(created.meta));
    insert.addBindValue(nowMs);
    if (!exec(insert))
        return sqlError(insert);
    if (auditEvents)
        auditEvents->append(identityEvent(workspaceId, u"identity.create"_s, u"Created"_s, created));
    auto limits = RatelimitConfigStore(m_db).replace(Core::RatelimitOwner::Identity, workspaceId, created.id,
                                                     identity.ratelimits, nowMs, auditEvents);
    if (!limits)
        return limits.error();
    created.ratelimits = *limits;
    return created;
}

Core::Status IdentityStore::update(const QString &workspaceId, const Core::Identity &identity, qint64 nowMs,
                                   QList<AuditEvent> *auditEvents)
{
    QSqlQuery update = m_db.prepare(
        u"UPDATE identities SET meta = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted = 0"_s);
    update.addBindValue(metaText(identity.meta));
    update.addBindValue(nowMs);
    update.addBindValue(workspaceId);
    update.addBindValue(identity.id);
    if (!exec(update))
        return sqlError(update);
    if (auditEvents)
        auditEvents->append(identityEvent(workspaceId, u"identity.update"_s, u"Updated"_s, identity));
    return {};
}

Core::Status IdentityStore::softDelete(const QString &workspaceId, const Core::Identity &identity, qint64 nowMs,
                                       QList<AuditEvent> *auditEvents)
{
    // Unkey lists identity.delete before the ratelimit.delete events of the identity's limits.
    QList<AuditEvent> limitEvents;
    Core::Status limits = RatelimitConfigStore(m_db).removeAll(Core::RatelimitOwner::Identity, identity.id,
                                                               auditEvents ? &limitEvents : nullptr);
    if (!limits)
        return limits;
    QSqlQuery update = m_db.prepare(
        u"UPDATE identities SET deleted = 1, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted = 0"_s);
    update.addBindValue(nowMs);
    update.addBindValue(workspaceId);
    update.addBindValue(identity.id);
    if (!exec(update))
        return sqlError(update);
    if (auditEvents) {
        auditEvents->append(identityEvent(workspaceId, u"identity.delete"_s, u"Deleted"_s, identity));
        auditEvents->append(limitEvents);
    }
    return {};
}

Core::Result<IdentityPage> IdentityStore::list(const IdentityListQuery &request)
{
    // instr(lower(..)) instead of LIKE: a search text containing % or _ must match literally.
    const bool counted = !request.countedApiIds || !request.countedApiIds->isEmpty();
    QSqlQuery query = m_db.prepare(u"SELECT i.id, i.external_id, i.meta"_s
        + (counted ? u", "_s + keyCountColumn(request.countedApiIds) : QString())
        + u" FROM identities i WHERE i.workspace_id = ? AND i.deleted = 0 AND i.id >= ?"
          " AND (? = '' OR instr(lower(i.id), lower(?)) > 0 OR instr(lower(i.external_id), lower(?)) > 0)"
          " ORDER BY i.id LIMIT ?"_s);
    if (counted) {
        for (const QString &apiId : request.countedApiIds.value_or(QStringList()))
            query.addBindValue(apiId);
    }
    // A null QString binds as SQL NULL, which would compare as unknown; bind '' instead.
    const QString from = request.cursor.isNull() ? u""_s : request.cursor;
    const QString text = request.search.isNull() ? u""_s : request.search;
    query.addBindValue(request.workspaceId);
    query.addBindValue(from);
    query.addBindValue(text);
    query.addBindValue(text);
    query.addBindValue(text);
    query.addBindValue(request.limit + 1);
    if (!exec(query))
        return sqlError(query);
    IdentityPage page;
    while (query.next()) {
        page.identities.append(identityFromRow(query));
        if (counted)
            page.keyCounts.append(query.value(3).toLongLong());
    }
    if (page.identities.size() > request.limit) {
        page.nextCursor = page.identities.takeLast().id;
        if (counted)
            page.keyCounts.removeLast();
    }
    if (Core::Status limits = attachLimits(page.identities); !limits)
        return limits.error();
    return page;
}

Core::Status IdentityStore::attachLimits(QList<Core::Identity> &identities)
{
    QStringList ids;
    for (const Core::Identity &identity : std::as_const(identities))
        ids.append(identity.id);
    // One query for the page's limits, not one per owner (docs/BENCHMARKS.md, "Store list queries").
    const auto limits = RatelimitConfigStore(m_db).listOf(Core::RatelimitOwner::Identity, ids);
    if (!limits)
        return limits.error();
    for (Core::Identity &identity : identities)
        identity.ratelimits = limits->value(identity.id);
    return {};
}

} // namespace Latchkey::Store
