#include "store/verificationstore.h"

#include "store/auditlog.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

using Core::Status;

namespace {

// One statement for the whole lookup (cache misses are rare but should not cost five round
// trips): the key row joined with its live API and live identity, plus correlated JSON arrays of
// the effective permission slugs, the role names and the key- and identity-level rate limits.
const QString FindSql = uR"(SELECT k.id, k.workspace_id, k.keyspace_id, a.id, a.ip_whitelist, k.name, k.meta,
  k.expires, k.enabled, k.remaining, k.refill_amount IS NOT NULL, i.id, i.external_id, i.meta,
  (SELECT json_group_array(slug) FROM (
     SELECT p.slug FROM keys_permissions kp JOIN permissions p ON p.id = kp.permission_id WHERE kp.key_id = k.id
     UNION
     SELECT p.slug FROM keys_roles kr JOIN roles_permissions rp ON rp.role_id = kr.role_id
       JOIN permissions p ON p.id = rp.permission_id WHERE kr.key_id = k.id)),
  (SELECT json_group_array(r.name) FROM keys_roles kr JOIN roles r ON r.id = kr.role_id WHERE kr.key_id = k.id),
  (SELECT json_group_array(json_array(rl.id, rl.name, rl."limit", rl.duration, rl.auto_apply, rl.key_id IS NOT NULL))
     FROM ratelimits rl WHERE rl.key_id = k.id OR rl.identity_id = i.id)
FROM keys k
JOIN apis a ON a.keyspace_id = k.keyspace_id AND a.deleted_at IS NULL
LEFT JOIN identities i ON i.id = k.identity_id AND i.deleted = 0
WHERE k.hash = :hash AND k.deleted_at IS NULL)"_s;

enum Column {
    KeyId,
    WorkspaceId,
    KeyspaceId,
    ApiId,
    IpWhitelist,
    Name,
    Meta,
    Expires,
    Enabled,
    Remaining,
    Refills,
    IdentityId,
    ExternalId,
    IdentityMeta,
    Permissions,
    Roles,
    Ratelimits,
};

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QStringList sortedStrings(const QJsonArray &array)
{
    QStringList strings;
    strings.reserve(array.size());
    for (const QJsonValue &value : array)
        strings.append(value.toString());
    std::sort(strings.begin(), strings.end());
    strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
    return strings;
}

QStringList splitWhitelist(const QString &whitelist)
{
    QStringList entries;
    for (const QString &entry : whitelist.split(u',', Qt::SkipEmptyParts)) {
        if (const QString trimmed = entry.trimmed(); !trimmed.isEmpty())
            entries.append(trimmed);
    }
    return entries;
}

// Key-level rows first, each group by name, so precedence and response order are stable.
QList<VerificationLimit> readLimits(const QJsonArray &rows)
{
    QList<VerificationLimit> limits;
    limits.reserve(rows.size());
    for (const QJsonValue &value : rows) {
        const QJsonArray row = value.toArray();
        VerificationLimit limit;
        limit.config = {row.at(0).toString(), row.at(1).toString(), row.at(2).toInteger(), row.at(3).toInteger(),
            row.at(4).toInteger() != 0};
        limit.owner = row.at(5).toInteger() != 0 ? Core::RatelimitOwner::Key : Core::RatelimitOwner::Identity;
        limits.append(limit);
    }
    std::sort(limits.begin(), limits.end(), [](const VerificationLimit &a, const VerificationLimit &b) {
        return std::tie(a.owner, a.config.name) < std::tie(b.owner, b.config.name);
    });
    return limits;
}

std::optional<qint64> optionalInteger(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

std::shared_ptr<VerificationRecord> readRecord(const QSqlQuery &query)
{
    auto record = std::make_shared<VerificationRecord>();
    record->keyId = query.value(KeyId).toString();
    record->workspaceId = query.value(WorkspaceId).toString();
    record->keyspaceId = query.value(KeyspaceId).toString();
    record->apiId = query.value(ApiId).toString();
    record->ipWhitelist = splitWhitelist(query.value(IpWhitelist).toString());
    record->name = query.value(Name).toString();
    if (!query.value(Meta).isNull())
        record->meta = jsonObject(query.value(Meta));
    record->expiresMs = optionalInteger(query.value(Expires));
    record->enabled = query.value(Enabled).toLongLong() != 0;
    record->remainingAtLoad = optionalInteger(query.value(Remaining));
    record->limited = record->remainingAtLoad.has_value();
    record->refills = query.value(Refills).toLongLong() != 0;
    if (!query.value(IdentityId).isNull()) {
        record->identity = Core::Identity {query.value(IdentityId).toString(), query.value(ExternalId).toString(),
            jsonObject(query.value(IdentityMeta)), {}};
    }
    record->permissions = sortedStrings(jsonArray(query.value(Permissions)));
    record->roles = sortedStrings(jsonArray(query.value(Roles)));
    record->ratelimits = readLimits(jsonArray(query.value(Ratelimits)));
    return record;
}

} // namespace

Core::Result<std::shared_ptr<VerificationRecord>> VerificationStore::findByHash(const QByteArray &hash)
{
    QSqlQuery query = m_db.prepare(FindSql);
    query.bindValue(u":hash"_s, QString::fromLatin1(hash));
    if (!exec(query))
        return sqlError(query);
    if (!query.next())
        return std::shared_ptr<VerificationRecord>();
    return readRecord(query);
}

Status VerificationStore::refillIfDue(const QString &keyId, qint64 nowMs, const QString &requestId)
{
    QSqlQuery select
        = m_db.prepare(u"SELECT remaining, refill_amount, refill_day,"
                       " COALESCE(last_refill_at, created_at), name, workspace_id FROM keys WHERE id = ?"_s);
    select.addBindValue(keyId);
    if (!exec(select))
        return sqlError(select);
    if (!select.next() || select.value(0).isNull() || select.value(1).isNull())
        return {};
    Core::RefillRule rule;
    rule.amount = select.value(1).toLongLong();
    rule.interval = select.value(2).isNull() ? Core::RefillInterval::Daily : Core::RefillInterval::Monthly;
    rule.refillDay = select.value(2).isNull() ? 1 : select.value(2).toInt();
    Core::CreditState state {select.value(0).toLongLong(), rule, select.value(3).toLongLong()};
    const qint64 before = *state.remaining;
    if (!Core::applyDueRefill(state, nowMs))
        return {};

    QSqlQuery update = m_db.prepare(u"UPDATE keys SET remaining = ?, last_refill_at = ? WHERE id = ?"_s);
    update.addBindValue(*state.remaining);
    update.addBindValue(state.lastRefillAtMs);
    update.addBindValue(keyId);
    if (!exec(update))
        return sqlError(update);
    if (*state.remaining == before)
        return {}; // only the boundary moved: nothing an auditor would call a change
    const QString name = select.value(4).toString();
    AuditOrigin origin {{u"system"_s, u"keyrefill"_s, u"Key Refill Service"_s}, requestId, {}, {}};
    const AuditEvent event {select.value(5).toString(), u"key.update"_s,
        u"Refilled key "_s + (name.isEmpty() ? keyId : name), {{u"key"_s, keyId, name}}};
    return AuditLog(m_db).append(origin, nowMs, {event});
}

Core::Result<QStringList> VerificationStore::refillCandidates(qint64 dayStartMs, const QString &afterId, int limit)
{
    // A refill only ever becomes due at a 00:00 UTC boundary, so only keys not refilled since the
    // start of today, and below their refill amount, can be due.
    QSqlQuery query = m_db.prepare(
        u"SELECT id FROM keys WHERE refill_amount IS NOT NULL AND remaining IS NOT NULL"
        " AND remaining < refill_amount AND deleted_at IS NULL"
        " AND COALESCE(last_refill_at, created_at) < ? AND id > ? ORDER BY id LIMIT ?"_s);
    query.addBindValue(dayStartMs);
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!exec(query))
        return sqlError(query);
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Core::Result<int> VerificationStore::refillDueKeys(qint64 nowMs, int batchSize)
{
    constexpr qint64 kDayMs = 86'400'000;
    const qint64 dayStart = nowMs - nowMs % kDayMs;
    QString afterId = u""_s;
    int seen = 0;
    for (;;) {
        auto candidates = refillCandidates(dayStart, afterId, batchSize);
        if (!candidates)
            return candidates.error();
        if (candidates->isEmpty())
            return seen;
        const Status written = m_db.write([&]() -> Status {
            for (const QString &keyId : std::as_const(*candidates)) {
                if (Status refilled = refillIfDue(keyId, nowMs, QString()); !refilled)
                    return refilled;
            }
            return {};
        }, Database::Invalidation::None);
        if (!written)
            return written.error();
        seen += int(candidates->size());
        afterId = candidates->constLast();
    }
}

Core::Result<CreditOutcome> VerificationStore::spendCredits(const QString &keyId, qint64 cost, bool refills,
    qint64 nowMs, const QString &requestId, const std::function<Core::Status(const CreditOutcome &)> &inTransaction)
{
    CreditOutcome outcome;
    const Status written = m_db.write(
        [&]() -> Status {
            if (Status spent = trySpend(keyId, cost, refills, nowMs, requestId, outcome); !spent)
                return spent;
            return inTransaction ? inTransaction(outcome) : Status();
        },
        Database::Invalidation::None);
    if (!written)
        return written.error();
    return outcome;
}

Status VerificationStore::trySpend(
    const QString &keyId, qint64 cost, bool refills, qint64 nowMs, const QString &requestId, CreditOutcome &outcome)
{
    if (refills) {
        if (Status refilled = refillIfDue(keyId, nowMs, requestId); !refilled)
            return refilled;
    }
    if (cost > 0) {
        QSqlQuery spend = m_db.prepare(u"UPDATE keys SET remaining = remaining - ? WHERE id = ?"
                                       " AND remaining >= ? RETURNING remaining"_s);
        spend.addBindValue(cost);
        spend.addBindValue(keyId);
        spend.addBindValue(cost);
        if (!exec(spend))
            return sqlError(spend);
        if (spend.next()) {
            outcome = {true, true, cost, spend.value(0).toLongLong()};
            return {};
        }
    }
    // Cost 0, or a balance too small: report the balance as it is now (nothing deducted).
    QSqlQuery current = m_db.prepare(u"SELECT remaining FROM keys WHERE id = ?"_s);
    current.addBindValue(keyId);
    if (!exec(current))
        return sqlError(current);
    if (!current.next()) {
        outcome = {false, false, 0, std::nullopt};
        return {};
    }
    outcome.remaining = optionalInteger(current.value(0));
    outcome.allowed = cost == 0 || !outcome.remaining;
    return {};
}

} // namespace Latchkey::Store
