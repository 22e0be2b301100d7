#include "store/verificationstore.h"

#include "store/auditchanges.h"
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
constexpr char FindSql[] = R"(SELECT k.id, k.workspace_id, k.keyspace_id, a.id, a.ip_whitelist, k.name, k.meta,
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
WHERE k.hash = ?1 AND k.deleted_at IS NULL)";

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

QJsonArray jsonArray(const QString &value)
{
    return QJsonDocument::fromJson(value.toUtf8()).array();
}

QJsonObject jsonObject(const QString &value)
{
    return QJsonDocument::fromJson(value.toUtf8()).object();
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

std::optional<qint64> optionalInteger(const Database::Statement &row, int column)
{
    return row.isNull(column) ? std::nullopt : std::optional<qint64>(row.integer(column));
}

std::shared_ptr<VerificationRecord> readRecord(const Database::Statement &row)
{
    auto record = std::make_shared<VerificationRecord>();
    record->keyId = row.text(KeyId);
    record->workspaceId = row.text(WorkspaceId);
    record->keyspaceId = row.text(KeyspaceId);
    record->apiId = row.text(ApiId);
    record->ipWhitelist = splitWhitelist(row.text(IpWhitelist));
    record->name = row.text(Name);
    if (!row.isNull(Meta))
        record->meta = jsonObject(row.text(Meta));
    record->expiresMs = optionalInteger(row, Expires);
    record->enabled = row.integer(Enabled) != 0;
    record->remainingAtLoad = optionalInteger(row, Remaining);
    record->limited = record->remainingAtLoad.has_value();
    record->refills = row.integer(Refills) != 0;
    if (!row.isNull(IdentityId))
        record->identity
            = Core::Identity {row.text(IdentityId), row.text(ExternalId), jsonObject(row.text(IdentityMeta)), {}};
    record->permissions = sortedStrings(jsonArray(row.text(Permissions)));
    record->roles = sortedStrings(jsonArray(row.text(Roles)));
    record->ratelimits = readLimits(jsonArray(row.text(Ratelimits)));
    return record;
}

} // namespace

Core::Result<std::shared_ptr<VerificationRecord>> VerificationStore::findByHash(const QByteArray &hash)
{
    // A cached statement: unknown keys miss the cache every time, so this runs once per request
    // for them, and preparing this statement costs more than running it.
    Database::Statement query = m_db.statement(FindSql);
    if (!query.isValid())
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    query.bind(1, QByteArrayView(hash));
    if (query.next())
        return readRecord(query);
    if (!query.error().isEmpty())
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    return std::shared_ptr<VerificationRecord>();
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
    AuditChanges changes;
    changes.scalar(u"credits.remaining"_s, before, *state.remaining);
    const AuditEvent event {select.value(5).toString(), u"key.update"_s,
        u"Refilled key "_s + (name.isEmpty() ? keyId : name), {{u"key"_s, keyId, name}}, changes.json()};
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
            if (Status spent = spendInTransaction(keyId, cost, refills, nowMs, requestId, outcome); !spent)
                return spent;
            return inTransaction ? inTransaction(outcome) : Status();
        },
        Database::Invalidation::None);
    if (!written)
        return written.error();
    return outcome;
}

Status VerificationStore::spendInTransaction(
    const QString &keyId, qint64 cost, bool refills, qint64 nowMs, const QString &requestId, CreditOutcome &outcome)
{
    if (refills) {
        if (Status refilled = refillIfDue(keyId, nowMs, requestId); !refilled)
            return refilled;
    }
    // Read, then deduct: this runs inside the caller's write transaction, which holds SQLite's
    // write lock, so nothing can change the balance in between. Cheaper than one UPDATE ...
    // RETURNING, whose RETURNING rows go through an ephemeral table (issue 6, callgrind).
    Core::Result<Balance> balance = readBalance(keyId);
    if (!balance)
        return balance.error();
    outcome = decide(*balance, cost);
    if (outcome.spent > 0)
        return writeRemaining(keyId, *balance->remaining);
    return {};
}

Core::Result<VerificationStore::Balance> VerificationStore::readBalance(const QString &keyId)
{
    Database::Statement current = m_db.statement("SELECT remaining FROM keys WHERE id = ?1");
    if (!current.isValid())
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    current.bind(1, keyId);
    if (!current.next()) {
        if (!current.error().isEmpty())
            return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
        return Balance {};
    }
    return Balance {true, optionalInteger(current, 0)};
}

Status VerificationStore::writeRemaining(const QString &keyId, qint64 remaining)
{
    Database::Statement spend = m_db.statement("UPDATE keys SET remaining = ?1 WHERE id = ?2");
    if (!spend.isValid())
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    spend.bind(1, remaining);
    spend.bind(2, keyId);
    if (spend.next() || !spend.error().isEmpty())
        return Core::makeError(Core::ErrorCode::Internal, u"A database error occurred."_s);
    return {};
}

CreditOutcome VerificationStore::decide(Balance &balance, qint64 cost)
{
    if (!balance.keyExists)
        return {false, false, 0, std::nullopt};
    if (cost > 0 && balance.remaining && *balance.remaining >= cost) {
        *balance.remaining -= cost;
        return {true, true, cost, balance.remaining};
    }
    // Cost 0, or a balance too small: the balance as it is (nothing deducted).
    return {true, cost == 0 || !balance.remaining, 0, balance.remaining};
}

} // namespace Latchkey::Store
