// ratelimit.limit and ratelimit.multiLimit: the standalone rate limiter's hot path (reference
// §1.5b, §3.4). Overrides are managed in ratelimitoverrideroutes.cpp.

#include "api/flatjsonobject.h"
#include "api/jsonwriter.h"
#include "api/router.h"
#include "api/routes.h"
#include "core/events.h"
#include "core/metrics.h"
#include "limits/slidingwindow.h"
#include "store/database.h"
#include "store/ratelimitstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QReadWriteLock>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::ErrorCode;
using Core::makeError;

namespace {

constexpr qsizetype CacheLimit = 10'000;
constexpr qint64 MaxDurationMs = 2'592'000'000; // 30 days

// True when '*' in @p pattern (any run of characters, also none) and the other characters taken
// literally and case-sensitively make it match the whole of @p text — Unkey's pkg/match wildcard.
bool globMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype star = -1; // position of the last '*' seen, to backtrack to
    qsizetype resume = 0; // where in text that '*' currently stops
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

// A namespace as the hot path needs it: the row plus its overrides, indexed for matching.
struct NamespaceEntry {
    quint64 generation = 0;
    std::optional<Store::RatelimitNamespace> ns; ///< nullopt: no such namespace (cached as well)
    QHash<QString, Store::RatelimitOverride> exact;
    QList<Store::RatelimitOverride> wildcards;

    // Exact identifier first, else the first matching wildcard. Unkey takes the first in database
    // order, which is unspecified; here "first" is deterministic: wildcards are sorted longest
    // pattern first (the most specific one wins), then by id.
    const Store::RatelimitOverride *match(const QString &identifier) const
    {
        if (const auto it = exact.constFind(identifier); it != exact.constEnd())
            return &*it;
        for (const Store::RatelimitOverride &candidate : wildcards) {
            if (globMatches(candidate.identifier, identifier))
                return &candidate;
        }
        return nullptr;
    }
};

using EntryPtr = std::shared_ptr<const NamespaceEntry>;

// Namespaces with their overrides by (workspace, id or name). An entry is valid while
// Database::generation() has not moved since it was read, so any committed write (a new override,
// a deleted namespace) is seen by the very next request; a hit does no database I/O.
class NamespaceCache
{
public:
    explicit NamespaceCache(Store::Database &db)
        : m_db(db)
    { }

    /// The entry of @p idOrName; an error (never cached) when the store cannot read it: a namespace
    /// or its overrides read as "none" would limit by the wrong numbers.
    Core::Result<EntryPtr> get(const QString &workspaceId, const QString &idOrName)
    {
        // Read before loading: a write committing during the load leaves the entry stale, not wrong.
        const quint64 generation = m_db.generation();
        const QString key = workspaceId + u'\n' + idOrName;
        {
            QReadLocker locker(&m_lock);
            const auto it = m_entries.constFind(key);
            if (it != m_entries.constEnd() && (*it)->generation == generation)
                return *it;
        }
        Core::Result<EntryPtr> entry = load(workspaceId, idOrName, generation);
        if (!entry)
            return entry;
        QWriteLocker locker(&m_lock);
        if (m_entries.size() >= CacheLimit)
            m_entries.clear();
        m_entries.insert(key, *entry);
        return entry;
    }

private:
    Core::Result<EntryPtr> load(const QString &workspaceId, const QString &idOrName, quint64 generation)
    {
        auto entry = std::make_shared<NamespaceEntry>();
        entry->generation = generation;
        Store::RatelimitStore store(m_db);
        Store::Found<Store::RatelimitNamespace> ns = store.findNamespace(workspaceId, idOrName);
        if (!ns)
            return ns.error();
        entry->ns = std::move(*ns);
        if (!entry->ns || entry->ns->deleted)
            return EntryPtr(std::move(entry));
        const Core::Result<QList<Store::RatelimitOverride>> overrides = store.overrides(entry->ns->id);
        if (!overrides)
            return overrides.error();
        for (const Store::RatelimitOverride &row : *overrides) {
            entry->exact.insert(row.identifier, row);
            if (row.identifier.contains(u'*'))
                entry->wildcards.append(row);
        }
        std::sort(entry->wildcards.begin(), entry->wildcards.end(), [](const auto &a, const auto &b) {
            return a.identifier.size() != b.identifier.size() ? a.identifier.size() > b.identifier.size() : a.id < b.id;
        });
        return EntryPtr(std::move(entry));
    }

    Store::Database &m_db;
    QReadWriteLock m_lock;
    QHash<QString, EntryPtr> m_entries;
};

// One decoded limit request (`V2RatelimitLimitRequestBody`).
struct Check {
    QString ns;
    QString identifier;
    qint64 limit = 0;
    qint64 durationMs = 0;
    qint64 cost = 1;
};

Check readCheck(RequestReader &in)
{
    Check check;
    check.ns = in.string(u"namespace"_s, {.required = true, .minLength = 1, .maxLength = 512}).value;
    check.cost = in.integer(u"cost"_s, {.minimum = 0}).valueOr(1);
    check.durationMs = in.integer(u"duration"_s, {.required = true, .minimum = 1000, .maximum = MaxDurationMs}).value;
    check.identifier = in.string(u"identifier"_s, {.required = true, .minLength = 1, .maxLength = 512}).value;
    check.limit = in.integer(u"limit"_s, {.required = true, .minimum = 1}).value;
    return check;
}

bool plainText(const FlatJsonMember &member, qsizetype maxLength)
{
    return member.isString && !member.text.isEmpty() && member.text.size() <= maxLength;
}

// {"namespace":"…","identifier":"…","limit":N,"duration":N} (+ "cost"), the body the SDKs send,
// read without a QJsonDocument and a RequestReader (about 16k of 48k instructions per
// ratelimit.limit, callgrind). Any other shape, or a value readCheck() would reject, returns
// nullopt and takes the full path, which also produces every error message.
std::optional<Check> fastCheck(const QByteArray &body)
{
    const std::optional<QList<FlatJsonMember>> members = readFlatJsonObject(body, 5);
    if (!members)
        return std::nullopt;
    Check check;
    int required = 0;
    for (const FlatJsonMember &member : *members) {
        if (member.name == "namespace" && plainText(member, 512)) {
            check.ns = QString::fromLatin1(member.text);
            ++required;
        } else if (member.name == "identifier" && plainText(member, 512)) {
            check.identifier = QString::fromLatin1(member.text);
            ++required;
        } else if (member.name == "limit" && !member.isString && member.integer >= 1) {
            check.limit = member.integer;
            ++required;
        } else if (member.name == "duration" && !member.isString && member.integer >= 1000
                   && member.integer <= MaxDurationMs) {
            check.durationMs = member.integer;
            ++required;
        } else if (member.name == "cost" && !member.isString) {
            check.cost = member.integer;
        } else {
            return std::nullopt;
        }
    }
    if (required != 4)
        return std::nullopt;
    return check;
}

// A check with its namespace and override applied: what goes to the limiter.
struct Planned {
    Limits::LimitRequest request;
    QString overrideId;
};

Planned plan(const ApiContext &context, const Check &check, const NamespaceEntry &entry)
{
    Planned planned;
    // The counter lives under the namespace id, so renaming never resets it and two workspaces'
    // namespaces of the same name never share one.
    planned.request
        = {context.principal.workspaceId, entry.ns->id, check.identifier, check.limit, check.durationMs, check.cost};
    if (const Store::RatelimitOverride *rule = entry.match(check.identifier)) {
        // An override replaces limit and duration; a limit of 0 makes the limiter deny.
        planned.request.limit = rule->limit;
        planned.request.durationMs = rule->durationMs;
        planned.overrideId = rule->id;
    }
    return planned;
}

bool metricsEnabled(const ApiContext &context)
{
    return context.http.header("x-unkey-metrics") != "disabled";
}

// GET /metrics counts every check, also those whose analytics events the caller switched off.
void countCheck(const Services &services, const Limits::LimitResult &result)
{
    if (services.metrics)
        services.metrics->recordRatelimitCheck(result.passed);
}

void publish(Services &services, const ApiContext &context, const Planned &planned, const Limits::LimitResult &result,
    qint64 latencyUs)
{
    Core::RatelimitEvent event;
    event.requestId = context.requestId;
    event.timeMs = context.nowMs;
    event.workspaceId = context.principal.workspaceId;
    event.namespaceId = planned.request.ns;
    event.identifier = planned.request.identifier;
    event.passed = result.passed;
    event.limit = result.limit;
    event.remaining = result.remaining;
    event.resetMs = result.resetMs;
    event.cost = planned.request.cost;
    event.overrideId = planned.overrideId;
    event.latencyUs = latencyUs;
    event.node = services.nodeName;
    services.events.publish(std::move(event));
}

Core::Error namespaceGone()
{
    return makeError(ErrorCode::NamespaceGone, u"This namespace has been deleted. Contact support to restore."_s);
}

using Entries = QHash<QString, EntryPtr>;

// Looks every requested namespace up (cache first) and creates the missing ones, which needs
// `ratelimit.*.create_namespace`. A namespace that does not exist yet has no id that a
// per-namespace grant could name, so only `ratelimit.*.limit` can authorize the limit that
// follows; both are checked before creating, so a request that ends in 403 creates nothing
// (Unkey creates the namespace first and may then answer 403).
Core::Result<Entries> resolveNamespaces(
    Services &services, NamespaceCache &cache, const ApiContext &context, const QStringList &idsOrNames)
{
    const QString &workspaceId = context.principal.workspaceId;
    Entries entries;
    QStringList missing;
    for (const QString &idOrName : idsOrNames) {
        Core::Result<EntryPtr> entry = cache.get(workspaceId, idOrName);
        if (!entry)
            return entry.error();
        if ((*entry)->ns)
            entries.insert(idOrName, std::move(*entry));
        else
            missing.append(idOrName);
    }
    if (missing.isEmpty())
        return entries;
    const QList<QStringList> needed {{u"ratelimit.*.create_namespace"_s}, {u"ratelimit.*.limit"_s}};
    if (Core::Status allowed = requireAll(context.principal, needed); !allowed)
        return allowed.error();
    const auto created = Store::RatelimitStore(services.db)
                             .ensureNamespaces(workspaceId, missing, context.nowMs, context.auditOrigin());
    if (!created)
        return created.error();
    for (const QString &idOrName : std::as_const(missing)) {
        Core::Result<EntryPtr> entry = cache.get(workspaceId, idOrName);
        if (!entry)
            return entry.error();
        if (!(*entry)->ns)
            return makeError(ErrorCode::Internal, u"The namespace could not be created."_s);
        entries.insert(idOrName, std::move(*entry));
    }
    return entries;
}

QJsonObject limitJson(const Limits::LimitResult &result, const QString &overrideId)
{
    QJsonObject data {
        {u"limit"_s, result.limit},
        {u"remaining"_s, result.remaining},
        {u"reset"_s, result.resetMs},
    };
    if (!overrideId.isEmpty())
        data.insert(u"overrideId"_s, overrideId);
    return data;
}

// One namespace: a cache hit builds no list and no map (ratelimit.limit's hot path, callgrind).
Core::Result<EntryPtr> resolveNamespace(
    Services &services, NamespaceCache &cache, const ApiContext &context, const QString &idOrName)
{
    Core::Result<EntryPtr> entry = cache.get(context.principal.workspaceId, idOrName);
    if (!entry || (*entry)->ns)
        return entry;
    const auto entries = resolveNamespaces(services, cache, context, {idOrName});
    if (!entries)
        return entries.error();
    return entries->value(idOrName);
}

Core::Result<ApiReply> limitOne(
    Services &services, NamespaceCache &cache, const ApiContext &context, const Check &check)
{
    const auto resolved = resolveNamespace(services, cache, context, check.ns);
    if (!resolved)
        return resolved.error();
    const NamespaceEntry &entry = **resolved;
    if (entry.ns->deleted)
        return namespaceGone();
    if (Core::Status allowed = requireAny(context.principal, wildcardOr(u"ratelimit"_s, entry.ns->id, u"limit"_s));
        !allowed)
        return allowed.error();

    const Planned planned = plan(context, check, entry);
    QElapsedTimer timer;
    timer.start();
    const Limits::LimitResult result = services.limiter.check(planned.request);
    countCheck(services, result);
    if (metricsEnabled(context))
        publish(services, context, planned, result, timer.nsecsElapsed() / 1000);

    // Written directly, members in QJsonObject's (sorted) order: a document per answer cost
    // more than the rest of the request (callgrind).
    ApiReply reply;
    reply.rawData.reserve(112);
    reply.rawData += "{\"limit\":";
    appendJsonInteger(reply.rawData, result.limit);
    if (!planned.overrideId.isEmpty()) {
        reply.rawData += ",\"overrideId\":";
        appendJsonString(reply.rawData, planned.overrideId);
    }
    reply.rawData += ",\"remaining\":";
    appendJsonInteger(reply.rawData, result.remaining);
    reply.rawData += ",\"reset\":";
    appendJsonInteger(reply.rawData, result.resetMs);
    reply.rawData += result.passed ? ",\"success\":true}" : ",\"success\":false}";
    return reply;
}

// `ratelimit.*.limit`, or `ratelimit.<ns>.limit` for every namespace of the batch. Written as one
// group per namespace, (* or ns_i), which is the same condition and names only what is missing.
Core::Status authorizeMany(const Principal &principal, const Entries &entries)
{
    QList<QStringList> groups;
    QSet<QString> seen;
    for (const EntryPtr &entry : entries) {
        if (!seen.contains(entry->ns->id)) {
            seen.insert(entry->ns->id);
            groups.append(wildcardOr(u"ratelimit"_s, entry->ns->id, u"limit"_s));
        }
    }
    return requireAll(principal, groups);
}

// `V2RatelimitMultiLimitResponseData`: each check echoes the namespace as the caller named it.
QJsonObject multiLimitJson(
    const QList<Check> &checks, const QList<Planned> &planned, const QList<Limits::LimitResult> &results)
{
    QJsonArray limits;
    bool passed = true;
    for (qsizetype i = 0; i < results.size(); ++i) {
        QJsonObject item = limitJson(results.at(i), planned.at(i).overrideId);
        item.insert(u"namespace"_s, checks.at(i).ns);
        item.insert(u"identifier"_s, checks.at(i).identifier);
        item.insert(u"passed"_s, results.at(i).passed);
        limits.append(item);
        passed = passed && results.at(i).passed;
    }
    return QJsonObject {{u"passed"_s, passed}, {u"limits"_s, limits}};
}

Core::Result<ApiReply> limitMany(
    Services &services, NamespaceCache &cache, const ApiContext &context, const QList<Check> &checks)
{
    QStringList idsOrNames;
    for (const Check &check : checks)
        idsOrNames.append(check.ns);
    idsOrNames.removeDuplicates();
    const auto entries = resolveNamespaces(services, cache, context, idsOrNames);
    if (!entries)
        return entries.error();
    if (Core::Status allowed = authorizeMany(context.principal, *entries); !allowed)
        return allowed.error();

    QList<Planned> planned;
    QList<Limits::LimitRequest> requests;
    for (const Check &check : checks) {
        const NamespaceEntry &entry = *entries->value(check.ns);
        if (entry.ns->deleted)
            return namespaceGone();
        planned.append(plan(context, check, entry));
        requests.append(planned.constLast().request);
    }
    QElapsedTimer timer;
    timer.start();
    // All or nothing: no counter moves unless every check passes (reference §3.3).
    const QList<Limits::LimitResult> results = services.limiter.checkAll(requests);
    for (const Limits::LimitResult &result : results)
        countCheck(services, result);
    if (metricsEnabled(context)) {
        const qint64 latencyUs = timer.nsecsElapsed() / 1000 / std::max<qsizetype>(1, results.size());
        for (qsizetype i = 0; i < results.size(); ++i)
            publish(services, context, planned.at(i), results.at(i), latencyUs);
    }
    return ApiReply {multiLimitJson(checks, planned, results), std::nullopt};
}

} // namespace

void registerRatelimitRoutes(Router &router, Services &services)
{
    // Shared by the two routes and kept alive by their lambdas: no global state.
    const auto cache = std::make_shared<NamespaceCache>(services.db);

    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.limit"),
        .permissions = u"ratelimit.*.limit | ratelimit.<namespaceId>.limit;"
                       " a new namespace also needs ratelimit.*.create_namespace"_s,
        .decode = [&services, cache](RequestReader &in) -> Core::Result<Execute> {
            Check check = readCheck(in);
            if (!in.finish())
                return in.error();
            return Execute([&services, cache, check = std::move(check)](
                               ApiContext &context) { return limitOne(services, *cache, context, check); });
        },
        .fastDecode = [&services, cache](const QByteArray &body) -> std::optional<Execute> {
            std::optional<Check> check = fastCheck(body);
            if (!check)
                return std::nullopt;
            return Execute([&services, cache, check = std::move(*check)](
                               ApiContext &context) { return limitOne(services, *cache, context, check); });
        },
    });

    router.add({
        .path = QByteArrayLiteral("/v2/ratelimit.multiLimit"),
        .permissions = u"ratelimit.*.limit | (ratelimit.<namespaceId>.limit for every namespace);"
                       " new namespaces also need ratelimit.*.create_namespace"_s,
        .decode = [&services, cache](RequestReader &in) -> Core::Result<Execute> {
            QList<Check> checks;
            if (auto items = in.objectArray(u"$"_s, {.required = true, .minItems = 1, .maxItems = 100})) {
                for (RequestReader &item : *items) {
                    checks.append(readCheck(item));
                    item.finish();
                }
            }
            if (!in.finish())
                return in.error();
            return Execute([&services, cache, checks = std::move(checks)](
                               ApiContext &context) { return limitMany(services, *cache, context, checks); });
        },
        .arrayBody = true,
    });

    registerRatelimitOverrideRoutes(router, services);
}

} // namespace Latchkey::Api
