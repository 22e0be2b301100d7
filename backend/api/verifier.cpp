#include "api/verifier.h"

#include "api/domainjson.h"
#include "api/jsonwriter.h"
#include "api/pendingreply.h"
#include "api/services.h"
#include "core/events.h"
#include "core/keyhash.h"
#include "core/metrics.h"
#include "limits/slidingwindow.h"
#include "store/database.h"

#include <QJsonDocument>

#include <array>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::Status;
using Outcome = Verifier::Outcome;

namespace {

const QString WildcardVerifyPermission = u"api.*.verify_key"_s;

// One rate limit to check: a config (or an ad-hoc limit) with the cost and counter identifier
// of this request.
struct PlannedLimit {
    QString id;
    QString name;
    qint64 limit = 0;
    qint64 durationMs = 0;
    qint64 cost = 1;
    bool autoApply = false;
    QString identifier;
};

// Identity-level limits count per identity, so every key of the identity shares them (§2.6).
PlannedLimit planned(const Store::VerificationLimit &limit, qint64 cost, const Store::VerificationRecord &record)
{
    const bool shared = limit.owner == Core::RatelimitOwner::Identity && record.identity;
    return {limit.config.id, limit.config.name, limit.config.limit, limit.config.durationMs, cost,
        limit.config.autoApply, shared ? record.identity->id : record.keyId};
}

void replaceOrAppend(QList<PlannedLimit> &plan, PlannedLimit next)
{
    for (PlannedLimit &existing : plan) {
        if (existing.name == next.name) {
            existing = std::move(next);
            return;
        }
    }
    plan.append(std::move(next));
}

Core::Error missingLimit(const QString &name, const Store::VerificationRecord &record)
{
    const QString owner = record.identity
        ? u"nor identity: '%1' external ID: '%2'"_s.arg(record.identity->id, record.identity->externalId)
        : u"and there is no identity connected."_s;
    return Core::makeError(Core::ErrorCode::PreconditionFailed,
        u"ratelimit '%1' was requested but does not exist for key '%2' %3"_s.arg(name, record.keyId, owner));
}

// One `ratelimits[]` entry, written directly: a QJsonObject + QJsonDocument per limit cost about
// 20k instructions per answer (callgrind), more than the limiter check itself.
void appendRatelimitJson(QByteArray &out, const PlannedLimit &limit, const Limits::LimitResult &result)
{
    out += result.passed ? "{\"exceeded\":false,\"id\":" : "{\"exceeded\":true,\"id\":";
    appendJsonString(out, limit.id);
    out += ",\"name\":";
    appendJsonString(out, limit.name);
    out += ",\"limit\":";
    appendJsonInteger(out, limit.limit);
    out += ",\"duration\":";
    appendJsonInteger(out, limit.durationMs);
    out += ",\"reset\":";
    appendJsonInteger(out, result.resetMs);
    out += ",\"remaining\":";
    appendJsonInteger(out, result.remaining);
    out += limit.autoApply ? ",\"autoApply\":true}" : ",\"autoApply\":false}";
}

QByteArray buildResponseFields(
    const Store::VerificationRecord &record, const QList<Core::RatelimitConfig> &identityLimits)
{
    QJsonObject base {{u"keyId"_s, record.keyId}, {u"enabled"_s, record.enabled}};
    if (!record.name.isEmpty())
        base.insert(u"name"_s, record.name);
    if (record.meta)
        base.insert(u"meta"_s, *record.meta);
    if (record.expiresMs)
        base.insert(u"expires"_s, *record.expiresMs);
    if (!record.permissions.isEmpty())
        base.insert(u"permissions"_s, QJsonArray::fromStringList(record.permissions));
    if (!record.roles.isEmpty())
        base.insert(u"roles"_s, QJsonArray::fromStringList(record.roles));
    if (record.identity) {
        Core::Identity identity = *record.identity;
        identity.ratelimits = identityLimits;
        base.insert(u"identity"_s, toJson(identity));
    }
    const QByteArray json = QJsonDocument(base).toJson(QJsonDocument::Compact);
    return json.sliced(1, json.size() - 2); // members only: the answer adds its own around them
}

const QByteArray MinimalNotFound = QByteArrayLiteral(R"({"valid":false,"code":"NOT_FOUND"})");

// `{"valid":…,"code":"…",` per outcome, in Verifier::Outcome order.
const std::array<QByteArray, 8> AnswerOpenings = [] {
    std::array<QByteArray, 8> openings;
    for (int i = 0; i < 8; ++i) {
        const auto outcome = Verifier::Outcome(i);
        openings[size_t(i)]
            = (outcome == Verifier::Outcome::Valid ? "{\"valid\":true,\"code\":\"" : "{\"valid\":false,\"code\":\"")
            + Verifier::codeName(outcome).toLatin1() + "\",";
    }
    return openings;
}();

// The client as Unkey sees it: the first non-empty X-Forwarded-For entry, else the peer.
QString clientAddress(const Http::Request &http)
{
    const QByteArray forwarded = http.header("x-forwarded-for");
    for (const QByteArray &part : forwarded.split(',')) {
        if (const QByteArray entry = part.trimmed(); !entry.isEmpty())
            return QString::fromLatin1(entry);
    }
    bool isV4 = false;
    const quint32 v4 = http.remoteAddress.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : http.remoteAddress.toString();
}

} // namespace

VerifiableKey::VerifiableKey(std::shared_ptr<const Store::VerificationRecord> loaded)
    : record(std::move(loaded))
{
    permissionSet = QSet<QString>(record->permissions.cbegin(), record->permissions.cend());
    QList<Core::RatelimitConfig> identityLimits;
    // The store lists key-level configs first, so the first config of a name is the one that wins.
    for (const Store::VerificationLimit &limit : record->ratelimits) {
        if (limitsByName.contains(limit.config.name))
            continue;
        limitsByName.insert(limit.config.name, limit);
        if (limit.config.autoApply)
            autoApplied.append(limit);
        if (limit.owner == Core::RatelimitOwner::Identity)
            identityLimits.append(limit.config);
    }
    verifyPermission = u"api."_s + record->apiId + u".verify_key"_s;
    responseFields = buildResponseFields(*record, identityLimits);
    lastKnownRemaining.store(record->remainingAtLoad.value_or(0), std::memory_order_relaxed);
}

/// The state of one verification as it moves through the pipeline; owned by the pending reply's
/// callback while a credit spend commits, so it holds what it needs by value.
struct Verifier::Run {
    VerificationCache::Entry entry; ///< keeps `key` alive
    const VerifiableKey &key;
    QElapsedTimer timer;
    QString requestId;
    qint64 nowMs = 0;
    QStringList tags;
    Outcome outcome = Outcome::Valid;
    QByteArray ratelimits; ///< the `ratelimits` array's JSON, without brackets
    bool creditsChecked = false;
    std::optional<qint64> credits; ///< balance after the credit step; nullopt = unlimited
    qint64 spent = 0;
    bool vanished = false; ///< the key was deleted between lookup and spend
    bool published = false; ///< the event was recorded with the credit spend (strict durability)
};

Verifier::Verifier(Services &services, std::shared_ptr<VerificationCache> cache, std::shared_ptr<KeyLastUse> lastUse)
    : m_services(services)
    , m_cache(std::move(cache))
    , m_lastUse(std::move(lastUse))
    , m_credits(services.db)
{
    // A write that changed only some keys' rows drops just those keys' entries (not every key).
    m_services.db.setKeyChangeListener(
        [cache = m_cache](const QList<Store::ChangedKey> &keys) { cache->invalidateKeys(keys); });
}

Verifier::~Verifier()
{
    m_services.db.setKeyChangeListener({});
}

QString Verifier::codeName(Outcome outcome)
{
    static const QString names[] = {u"VALID"_s, u"NOT_FOUND"_s, u"DISABLED"_s, u"EXPIRED"_s, u"FORBIDDEN"_s,
        u"INSUFFICIENT_PERMISSIONS"_s, u"RATE_LIMITED"_s, u"USAGE_EXCEEDED"_s};
    return names[int(outcome)];
}

Core::Result<ApiReply> Verifier::verify(const VerifyRequest &request, const ApiContext &context)
{
    QElapsedTimer timer;
    timer.start();
    // §5.6: hashes imported by a sha256 migration are native hashes, so the lookup below already
    // finds them and migrationId needs no second lookup. Seam-format migrations are not supported.
    auto entry = lookup(Core::hashKey(request.key.toUtf8()));
    if (!entry)
        return entry.error();
    const VerifiableKey *key = entry->get();
    ApiReply reply;
    if (!key || !visibleTo(*key, context.principal)) {
        countOutcome(Outcome::NotFound, timer);
        reply.rawData = MinimalNotFound; // steps 3-5: not found, other workspace, deleted API, no permission
        return reply;
    }
    if (request.permissionsError)
        return *request.permissionsError; // step 6

    Run run {std::move(*entry), *key, timer, context.requestId, context.nowMs, request.tags};
    run.outcome = keyState(*key, context.nowMs);
    if (run.outcome == Outcome::Valid && !addressAllowed(*key, context.http))
        run.outcome = Outcome::Forbidden;
    if (run.outcome == Outcome::Valid && request.permissions && !request.permissions->evaluate(key->permissionSet))
        run.outcome = Outcome::InsufficientPermissions;
    if (run.outcome == Outcome::Valid) {
        if (Status checked = checkRatelimits(run, request); !checked)
            return checked.error();
    }
    if (run.outcome == Outcome::Valid && key->record->limited) // unlimited keys ignore any cost
        return spendThenAnswer(std::make_shared<Run>(std::move(run)), request.cost.value_or(1));
    reply.rawData = finish(run);
    return reply;
}

Core::Result<VerificationCache::Entry> Verifier::lookup(const QByteArray &hash)
{
    // Read the generation before loading: a mutation committing meanwhile leaves this entry stale.
    const quint64 generation = m_services.db.generation();
    const quint64 invalidations = m_cache->invalidations();
    std::optional<VerificationCache::Entry> cached = m_cache->find(hash, generation);
    if (m_services.metrics)
        m_services.metrics->recordCacheLookup(cached.has_value());
    if (cached)
        return std::move(*cached);
    Store::VerificationStore store(m_services.db);
    auto record = store.findByHash(hash);
    if (!record)
        return record.error();
    VerificationCache::Entry entry;
    if (*record) {
        auto key = std::make_shared<VerifiableKey>(std::move(*record));
        if (m_lastUse && m_services.events.storesEvents())
            key->lastUse = m_lastUse->slotFor(key->record->keyId);
        entry = std::move(key);
    }
    m_cache->insert(hash, generation, entry, invalidations);
    return entry;
}

bool Verifier::visibleTo(const VerifiableKey &key, const Principal &principal)
{
    return key.record->workspaceId == principal.workspaceId
        && (principal.has(WildcardVerifyPermission) || principal.has(key.verifyPermission));
}

Outcome Verifier::keyState(const VerifiableKey &key, qint64 nowMs)
{
    if (!key.record->enabled)
        return Outcome::Disabled;
    if (key.record->expiresMs && nowMs > *key.record->expiresMs)
        return Outcome::Expired; // strictly after: a key is still valid at its expiry instant
    return Outcome::Valid;
}

bool Verifier::addressAllowed(const VerifiableKey &key, const Http::Request &http)
{
    return key.record->ipWhitelist.isEmpty() || key.record->ipWhitelist.contains(clientAddress(http));
}

Status Verifier::checkRatelimits(Run &run, const VerifyRequest &request)
{
    const Store::VerificationRecord &record = *run.key.record;
    QList<PlannedLimit> plan;
    for (const Store::VerificationLimit &limit : run.key.autoApplied)
        plan.append(planned(limit, 1, record));
    for (const RequestedLimit &requested : request.ratelimits) {
        if (requested.limit && requested.durationMs) {
            // Ad-hoc limits always count per key and have no config id (Unkey sends "").
            replaceOrAppend(plan,
                {QString(), requested.name, *requested.limit, *requested.durationMs, requested.cost, false,
                    record.keyId});
            continue;
        }
        const auto it = run.key.limitsByName.constFind(requested.name);
        if (it == run.key.limitsByName.constEnd())
            return missingLimit(requested.name, record);
        replaceOrAppend(plan, planned(*it, requested.cost, record));
    }
    if (plan.isEmpty())
        return {};

    QList<Limits::LimitRequest> checks;
    checks.reserve(plan.size());
    for (const PlannedLimit &limit : std::as_const(plan))
        checks.append({record.workspaceId, limit.name, limit.identifier, limit.limit, limit.durationMs, limit.cost});
    const QList<Limits::LimitResult> results = checks.size() == 1
        ? QList<Limits::LimitResult> {m_services.limiter.check(checks.constFirst())}
        : m_services.limiter.checkAll(checks);
    for (qsizetype i = 0; i < plan.size(); ++i) {
        if (i > 0)
            run.ratelimits += ',';
        appendRatelimitJson(run.ratelimits, plan.at(i), results.at(i));
        if (!results.at(i).passed)
            run.outcome = Outcome::RateLimited;
    }
    return {};
}

ApiReply Verifier::spendThenAnswer(const std::shared_ptr<Run> &run, qint64 cost)
{
    const Store::VerificationRecord &record = *run->key.record;
    // analytics.durability=strict: the event commits with the spend, or neither does.
    std::function<Status(const Store::CreditOutcome &)> recordEvent;
    if (m_services.events.durable()) {
        recordEvent = [this, run](const Store::CreditOutcome &outcome) -> Status {
            if (!outcome.keyExists)
                return {}; // answered as a minimal NOT_FOUND, which records nothing
            Run decided = *run;
            decided.outcome = outcome.allowed ? Outcome::Valid : Outcome::UsageExceeded;
            decided.spent = outcome.spent;
            run->published = true;
            return m_services.events.publishInTransaction(makeEvent(decided));
        };
    }
    auto pending = std::make_shared<PendingReply>();
    // The callback runs on the thread that committed the spend, after the commit: only then may
    // a VALID that spent credits be answered (invariant 3).
    m_credits.spendAsync({record.keyId, cost, record.refills, run->nowMs, run->requestId, std::move(recordEvent)},
        [this, run, pending](Core::Result<Store::CreditOutcome> spent) {
            if (!spent) {
                pending->complete(spent.error());
                return;
            }
            applySpend(*run, *spent);
            ApiReply reply;
            reply.rawData = finish(*run);
            pending->complete(std::move(reply));
        });
    ApiReply reply;
    reply.pending = std::move(pending);
    return reply;
}

void Verifier::applySpend(Run &run, const Store::CreditOutcome &spent)
{
    if (!spent.keyExists) {
        run.vanished = true;
        return;
    }
    run.creditsChecked = true;
    run.credits = spent.remaining;
    run.spent = spent.spent;
    if (spent.remaining)
        run.key.lastKnownRemaining.store(*spent.remaining, std::memory_order_relaxed);
    if (!spent.allowed)
        run.outcome = Outcome::UsageExceeded;
}

void Verifier::countOutcome(Outcome outcome, const QElapsedTimer &timer) const
{
    static_assert(Core::Metrics::VerificationOutcomes.size() == size_t(Outcome::UsageExceeded) + 1);
    if (m_services.metrics)
        m_services.metrics->recordVerification(size_t(outcome), timer.nsecsElapsed() / 1000);
}

QByteArray Verifier::finish(Run &run)
{
    countOutcome(run.vanished ? Outcome::NotFound : run.outcome, run.timer);
    if (run.vanished)
        return MinimalNotFound;
    std::optional<qint64> credits = run.credits;
    if (!run.creditsChecked && run.key.record->limited)
        credits = run.key.lastKnownRemaining.load(std::memory_order_relaxed);
    const QByteArray &ratelimits = run.ratelimits;

    // Written directly: the per-request members plus the prepared ones, one allocation.
    QByteArray data;
    data.reserve(run.key.responseFields.size() + ratelimits.size() + 96);
    data += AnswerOpenings[size_t(run.outcome)];
    if (credits) {
        data += "\"credits\":";
        appendJsonInteger(data, *credits);
        data += ',';
    }
    if (!ratelimits.isEmpty()) {
        data += "\"ratelimits\":[";
        data += ratelimits;
        data += "],";
    }
    data += run.key.responseFields;
    data += '}';
    if (run.key.lastUse)
        KeyLastUse::record(*run.key.lastUse, run.nowMs);
    if (!run.published)
        m_services.events.publish(makeEvent(run));
    return data;
}

Core::VerificationEvent Verifier::makeEvent(const Run &run) const
{
    const Store::VerificationRecord &record = *run.key.record;
    Core::VerificationEvent event;
    event.requestId = run.requestId;
    event.timeMs = run.nowMs;
    event.workspaceId = record.workspaceId;
    event.apiId = record.apiId;
    event.keyspaceId = record.keyspaceId;
    event.keyId = record.keyId;
    if (record.identity) {
        event.identityId = record.identity->id;
        event.externalId = record.identity->externalId;
    }
    event.outcome = codeName(run.outcome);
    event.tags = run.tags;
    event.spentCredits = run.spent;
    event.latencyUs = run.timer.nsecsElapsed() / 1000;
    event.node = m_services.nodeName;
    return event;
}

} // namespace Latchkey::Api
