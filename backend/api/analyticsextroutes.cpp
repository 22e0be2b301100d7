// Extension endpoints for the dashboard and the console (resources/openapi.yaml documents them):
// analytics.getTimeseries / getTopKeys / getTopIdentities / getVerificationLog and
// ratelimit.getTimeseries / getTopIdentifiers / getLog. Series and top lists read only the rollups;
// the logs read raw events newest first with an opaque keyset cursor.

#include "api/router.h"
#include "api/routes.h"
#include "api/seriesjson.h"
#include "store/analyticsqueries.h"
#include "store/apistore.h"
#include "store/database.h"
#include "store/ratelimitstore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

using Core::ErrorCode;
using Core::makeError;
using Store::Resolution;
using Store::TimeRange;
using Store::TopOrder;

constexpr qint64 MaxBuckets = 1500;
const QString AllApis = u"api.*.read_analytics"_s;
const QStringList Outcomes{u"VALID"_s, u"RATE_LIMITED"_s, u"EXPIRED"_s, u"USAGE_EXCEEDED"_s, u"DISABLED"_s,
                           u"FORBIDDEN"_s, u"INSUFFICIENT_PERMISSIONS"_s, u"NOT_FOUND"_s};

const QRegularExpression BucketPattern(u"^(minute|hour|day)$"_s);
const QRegularExpression ScopePattern(u"^(workspace|api|key|identity)$"_s);
const QRegularExpression TopOrderPattern(u"^(verifications|rejections|spentCredits)$"_s);
const QRegularExpression RatelimitOrderPattern(u"^(total|blocked|passedCost)$"_s);
const QRegularExpression OutcomePattern(u"^(VALID|RATE_LIMITED|EXPIRED|USAGE_EXCEEDED|DISABLED|FORBIDDEN|"
                                        "INSUFFICIENT_PERMISSIONS|NOT_FOUND)$"_s);

QString optionalId(RequestReader &in, const QString &name)
{
    return in.string(name, {.minLength = 3, .maxLength = 255, .pattern = &RequestReader::idPattern()}).value;
}

/// `start` and `end` (required, end > start).
TimeRange readRange(RequestReader &in)
{
    const qint64 start = in.integer(u"start"_s, {.required = true, .minimum = 0}).value;
    const qint64 end = in.integer(u"end"_s, {.required = true, .minimum = 1}).value;
    if (end <= start && !in.hasErrors())
        in.addError(u"end"_s, u"must be greater than start"_s);
    return {start, end};
}

/// `bucket`, checking the number of buckets the range spans.
Resolution readBucket(RequestReader &in, TimeRange range)
{
    const QString bucket = in.string(u"bucket"_s, {.required = true, .pattern = &BucketPattern}).value;
    const Resolution resolution = bucket == u"day" ? Resolution::Day
        : bucket == u"hour"                        ? Resolution::Hour
                                                   : Resolution::Minute;
    const qint64 width = resolution == Resolution::Day ? 86'400'000 : resolution == Resolution::Hour ? 3'600'000 : 60'000;
    if (!in.hasErrors() && (range.endMs - Store::bucketStart(range.startMs, resolution) + width - 1) / width > MaxBuckets)
        in.addError(u"end"_s, u"the range spans more than %1 buckets of a %2"_s.arg(MaxBuckets).arg(bucket),
                    u"Use a larger bucket or a shorter range."_s);
    return resolution;
}

/// A top-list range must be tiled exactly by rollup buckets (whole minutes at least).
TimeRange readTopRange(RequestReader &in)
{
    const TimeRange range = readRange(in);
    if (!in.hasErrors() && !Store::AnalyticsQueries::tilingResolution(range))
        in.addError(u"start"_s, u"start and end must be whole minutes (multiples of 60000)"_s);
    return range;
}

int readLimit(RequestReader &in, int fallback)
{
    return int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(fallback));
}

std::optional<Store::LogCursor> readCursor(RequestReader &in)
{
    const Field<QString> text = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 1024});
    if (!text.hasValue())
        return std::nullopt;
    auto cursor = Store::LogCursor::decode(text.value);
    if (!cursor)
        in.addError(u"cursor"_s, u"is not a cursor returned by this endpoint"_s);
    return cursor;
}

std::optional<qint64> optionalTime(RequestReader &in, const QString &name)
{
    const Field<qint64> value = in.integer(name, {.minimum = 0});
    return value.hasValue() ? std::optional<qint64>(value.value) : std::nullopt;
}

Core::Error notFound(ErrorCode code, const QString &what)
{
    return makeError(code, u"The requested %1 does not exist."_s.arg(what));
}

/// Authorizes a verification scope and checks its resource is in the caller's workspace.
Core::Status authorizeScope(Services &services, const Principal &principal, const QString &scope, const QString &id)
{
    Store::AnalyticsQueries queries(services.db);
    if (scope == u"api") {
        if (Core::Status allowed = requireAny(principal, wildcardOr(u"api"_s, id, u"read_analytics"_s)); !allowed)
            return allowed;
        const Store::Found<Store::ApiRecord> api = Store::ApiStore(services.db).find(principal.workspaceId, id);
        if (!api)
            return api.error();
        if (!*api)
            return notFound(ErrorCode::ApiNotFound, u"API"_s);
        return {};
    }
    if (scope == u"key") {
        const Store::Found<QString> apiId = queries.apiOfKey(principal.workspaceId, id);
        if (!apiId)
            return apiId.error();
        if (!*apiId)
            return requireAny(principal, {AllApis}) ? Core::Status(notFound(ErrorCode::KeyNotFound, u"key"_s))
                                                    : requireAny(principal, {AllApis, u"api.<apiId>.read_analytics"_s});
        return requireAny(principal, wildcardOr(u"api"_s, **apiId, u"read_analytics"_s));
    }
    if (Core::Status allowed = requireAny(principal, {AllApis}); !allowed)
        return allowed;
    if (scope != u"identity")
        return {};
    const Core::Result<bool> exists = queries.identityExists(principal.workspaceId, id);
    if (!exists)
        return exists.error();
    if (!*exists)
        return notFound(ErrorCode::IdentityNotFound, u"identity"_s);
    return {};
}


Core::Result<Execute> decodeTimeseries(Services &services, RequestReader &in)
{
    const QString scope = in.string(u"scope"_s, {.required = true, .pattern = &ScopePattern}).value;
    QString scopeId;
    for (const auto &[name, forScope] : {std::pair{u"apiId"_s, u"api"_s}, {u"keyId"_s, u"key"_s},
                                         {u"identityId"_s, u"identity"_s}}) {
        const Field<QString> id = in.string(name, {.minLength = 3, .maxLength = 255,
                                                   .pattern = &RequestReader::idPattern()});
        if (scope == forScope && !id.hasValue())
            in.addError(name, u"is required when scope is %1"_s.arg(forScope));
        else if (scope != forScope && !id.absent())
            in.addError(name, u"is only allowed when scope is %1"_s.arg(forScope));
        if (scope == forScope)
            scopeId = id.value;
    }
    const TimeRange range = readRange(in);
    const Resolution resolution = readBucket(in, range);
    const QString bucket = in.json().value(u"bucket").toString();
    if (!in.finish())
        return in.error();
    return Execute([&services, scope, scopeId, range, resolution, bucket](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = authorizeScope(services, context.principal, scope, scopeId); !allowed)
            return allowed.error();
        const auto series = Store::AnalyticsQueries(services.db)
                                .verificationSeries(context.principal.workspaceId, scope, scopeId, range, resolution);
        if (!series)
            return series.error();
        ApiReply reply;
        reply.rawData = verificationSeriesJson(bucket, *series, Outcomes);
        return reply;
    });
}

TopOrder topOrderOf(const QString &text)
{
    if (text == u"rejections" || text == u"blocked")
        return TopOrder::Rejections;
    if (text == u"spentCredits" || text == u"passedCost")
        return TopOrder::SpentCredits;
    return TopOrder::Verifications;
}

/// analytics.getTopKeys (@p scope "key") and analytics.getTopIdentities ("identity").
Core::Result<Execute> decodeTop(Services &services, RequestReader &in, const QString &scope)
{
    const QString apiId = scope == u"key" ? optionalId(in, u"apiId"_s) : QString();
    const TimeRange range = readTopRange(in);
    const TopOrder order = topOrderOf(in.string(u"orderBy"_s, {.pattern = &TopOrderPattern}).valueOr(u""_s));
    const int limit = readLimit(in, 10);
    if (!in.finish())
        return in.error();
    return Execute([&services, scope, apiId, range, order, limit](ApiContext &context) -> Core::Result<ApiReply> {
        const QStringList allowed = apiId.isEmpty() ? QStringList{AllApis} : wildcardOr(u"api"_s, apiId, u"read_analytics"_s);
        if (Core::Status status = requireAny(context.principal, allowed); !status)
            return status.error();
        QString keyspaceId;
        if (!apiId.isEmpty()) {
            const auto api = Store::ApiStore(services.db).find(context.principal.workspaceId, apiId);
            if (!api)
                return api.error();
            if (!*api)
                return notFound(ErrorCode::ApiNotFound, u"API"_s);
            keyspaceId = (*api)->keyspaceId;
        }
        const auto top = Store::AnalyticsQueries(services.db)
                             .topVerifications(context.principal.workspaceId, scope, keyspaceId, range, order, limit);
        if (!top)
            return top.error();
        QJsonArray array;
        for (const Store::TopEntry &e : *top)
            array.append(QJsonObject{{scope == u"key" ? u"keyId"_s : u"identityId"_s, e.id},
                                     {u"verifications"_s, e.verifications}, {u"valid"_s, e.valid},
                                     {u"rejections"_s, e.rejections}, {u"spentCredits"_s, e.spentCredits}});
        return ApiReply{array, std::nullopt};
    });
}

QJsonObject verificationLogJson(const Store::VerificationLogRow &row)
{
    QJsonObject object{{u"requestId"_s, row.requestId}, {u"time"_s, row.timeMs}, {u"keyId"_s, row.keyId},
                       {u"outcome"_s, row.outcome}, {u"tags"_s, QJsonArray::fromStringList(row.tags)},
                       {u"spentCredits"_s, row.spentCredits}, {u"latencyUs"_s, row.latencyUs}};
    for (const auto &[name, value] : {std::pair{u"apiId"_s, row.apiId}, {u"identityId"_s, row.identityId},
                                      {u"externalId"_s, row.externalId}, {u"region"_s, row.node}}) {
        if (!value.isEmpty())
            object.insert(name, value);
    }
    return object;
}

Pagination paginationOf(const std::optional<Store::LogCursor> &next)
{
    return next ? Pagination{true, next->encode()} : Pagination{false, {}};
}

Core::Result<Execute> decodeVerificationLog(Services &services, RequestReader &in)
{
    Store::VerificationLogFilter filter;
    filter.outcomes = in.stringArray(u"outcomes"_s, {.maxItems = 8}, {.pattern = &OutcomePattern}).value;
    filter.tags = in.stringArray(u"tags"_s, {.maxItems = 10}, {.minLength = 1, .maxLength = 128}).value;
    filter.keyId = optionalId(in, u"keyId"_s);
    filter.identityId = optionalId(in, u"identityId"_s);
    const QString apiId = optionalId(in, u"apiId"_s);
    filter.startMs = optionalTime(in, u"start"_s);
    filter.endMs = optionalTime(in, u"end"_s);
    const auto cursor = readCursor(in);
    const int limit = readLimit(in, 100);
    if (!in.finish())
        return in.error();
    return Execute([&services, filter, apiId, cursor, limit](ApiContext &context) mutable -> Core::Result<ApiReply> {
        const QStringList allowed = apiId.isEmpty() ? QStringList{AllApis} : wildcardOr(u"api"_s, apiId, u"read_analytics"_s);
        if (Core::Status status = requireAny(context.principal, allowed); !status)
            return status.error();
        if (!apiId.isEmpty()) {
            const auto api = Store::ApiStore(services.db).find(context.principal.workspaceId, apiId);
            if (!api)
                return api.error();
            if (!*api)
                return notFound(ErrorCode::ApiNotFound, u"API"_s);
            filter.keyspaceId = (*api)->keyspaceId;
        }
        const auto page = Store::AnalyticsQueries(services.db).verificationLog(context.principal.workspaceId, filter, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::VerificationLogRow &row : page->rows)
            array.append(verificationLogJson(row));
        return ApiReply{array, paginationOf(page->next)};
    });
}

/// The namespace (id or name) of a caller's workspace it may read analytics of.
Core::Result<Store::RatelimitNamespace> readableNamespace(Services &services, const Principal &principal,
                                                          const QString &idOrName)
{
    const Store::Found<Store::RatelimitNamespace> found
        = Store::RatelimitStore(services.db).findNamespace(principal.workspaceId, idOrName);
    if (!found)
        return found.error();
    const std::optional<Store::RatelimitNamespace> &ns = *found;
    if (Core::Status allowed = requireAny(principal, wildcardOr(u"ratelimit"_s, ns ? ns->id : idOrName,
                                                                u"read_analytics"_s));
        !allowed)
        return allowed.error();
    if (!ns || ns->deleted)
        return makeError(ErrorCode::NamespaceNotFound, u"This namespace does not exist."_s);
    return *ns;
}

/// A range percentile of a series: JSON null when the range has no events.
QJsonValue orNull(std::optional<qint64> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString readNamespace(RequestReader &in)
{
    return in.string(u"namespace"_s, {.required = true, .minLength = 1, .maxLength = 255}).value;
}

Core::Result<Execute> decodeRatelimitSeries(Services &services, RequestReader &in)
{
    const QString ns = readNamespace(in);
    const QString identifier = in.string(u"identifier"_s, {.minLength = 1, .maxLength = 255}).value;
    const TimeRange range = readRange(in);
    const Resolution resolution = readBucket(in, range);
    const QString bucket = in.json().value(u"bucket").toString();
    if (!in.finish())
        return in.error();
    return Execute([&services, ns, identifier, range, resolution, bucket](ApiContext &context) -> Core::Result<ApiReply> {
        const auto found = readableNamespace(services, context.principal, ns);
        if (!found)
            return found.error();
        const auto series = Store::AnalyticsQueries(services.db)
                                .ratelimitSeries(context.principal.workspaceId, found->id, identifier, range, resolution);
        if (!series)
            return series.error();
        QJsonArray array;
        for (const Store::RatelimitBucket &b : series->buckets)
            array.append(QJsonObject{{u"time"_s, b.timeMs}, {u"total"_s, b.passed + b.blocked},
                                     {u"passed"_s, b.passed}, {u"blocked"_s, b.blocked},
                                     {u"passedCost"_s, b.passedCost}, {u"blockedCost"_s, b.blockedCost},
                                     {u"latencyP50Us"_s, b.latencyP50Us}, {u"latencyP99Us"_s, b.latencyP99Us}});
        return ApiReply{QJsonObject{{u"namespaceId"_s, found->id}, {u"bucket"_s, bucket}, {u"buckets"_s, array},
                                    {u"latencyP50Us"_s, orNull(series->latencyP50Us)},
                                    {u"latencyP99Us"_s, orNull(series->latencyP99Us)}},
                        std::nullopt};
    });
}

Core::Result<Execute> decodeTopIdentifiers(Services &services, RequestReader &in)
{
    const QString ns = readNamespace(in);
    const TimeRange range = readTopRange(in);
    const TopOrder order = topOrderOf(in.string(u"orderBy"_s, {.pattern = &RatelimitOrderPattern}).valueOr(u""_s));
    const int limit = readLimit(in, 10);
    if (!in.finish())
        return in.error();
    return Execute([&services, ns, range, order, limit](ApiContext &context) -> Core::Result<ApiReply> {
        const auto found = readableNamespace(services, context.principal, ns);
        if (!found)
            return found.error();
        const auto top = Store::AnalyticsQueries(services.db)
                             .topIdentifiers(context.principal.workspaceId, found->id, range, order, limit);
        if (!top)
            return top.error();
        QJsonArray array;
        for (const Store::TopEntry &e : *top)
            array.append(QJsonObject{{u"identifier"_s, e.id}, {u"total"_s, e.verifications}, {u"passed"_s, e.valid},
                                     {u"blocked"_s, e.rejections}, {u"passedCost"_s, e.spentCredits}});
        return ApiReply{array, std::nullopt};
    });
}

QJsonObject ratelimitLogJson(const Store::RatelimitLogRow &row)
{
    QJsonObject object{{u"requestId"_s, row.requestId}, {u"time"_s, row.timeMs}, {u"identifier"_s, row.identifier},
                       {u"passed"_s, row.passed}, {u"limit"_s, row.limit}, {u"remaining"_s, row.remaining},
                       {u"reset"_s, row.resetMs}, {u"cost"_s, row.cost}, {u"latencyUs"_s, row.latencyUs}};
    if (!row.overrideId.isEmpty())
        object.insert(u"overrideId"_s, row.overrideId);
    return object;
}

Core::Result<Execute> decodeRatelimitLog(Services &services, RequestReader &in)
{
    const QString ns = readNamespace(in);
    Store::RatelimitLogFilter filter;
    filter.identifier = in.string(u"identifier"_s, {.minLength = 1, .maxLength = 255}).value;
    if (const Field<bool> passed = in.boolean(u"passed"_s); passed.hasValue())
        filter.passed = passed.value;
    filter.startMs = optionalTime(in, u"start"_s);
    filter.endMs = optionalTime(in, u"end"_s);
    const auto cursor = readCursor(in);
    const int limit = readLimit(in, 100);
    if (!in.finish())
        return in.error();
    return Execute([&services, ns, filter, cursor, limit](ApiContext &context) mutable -> Core::Result<ApiReply> {
        const auto found = readableNamespace(services, context.principal, ns);
        if (!found)
            return found.error();
        filter.namespaceId = found->id;
        const auto page = Store::AnalyticsQueries(services.db).ratelimitLog(context.principal.workspaceId, filter, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::RatelimitLogRow &row : page->rows)
            array.append(ratelimitLogJson(row));
        return ApiReply{array, paginationOf(page->next)};
    });
}

} // namespace

void registerAnalyticsExtRoutes(Router &router, Services &services)
{
    const QString analytics = u"api.*.read_analytics | api.<apiId>.read_analytics"_s;
    router.add({.path = QByteArrayLiteral("/v2/analytics.getTimeseries"), .permissions = analytics,
                .decode = [&services](RequestReader &in) { return decodeTimeseries(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/analytics.getTopKeys"), .permissions = analytics,
                .decode = [&services](RequestReader &in) { return decodeTop(services, in, u"key"_s); }});
    router.add({.path = QByteArrayLiteral("/v2/analytics.getTopIdentities"), .permissions = AllApis,
                .decode = [&services](RequestReader &in) { return decodeTop(services, in, u"identity"_s); }});
    router.add({.path = QByteArrayLiteral("/v2/analytics.getVerificationLog"), .permissions = analytics,
                .decode = [&services](RequestReader &in) { return decodeVerificationLog(services, in); }});
    const QString ratelimit = u"ratelimit.*.read_analytics | ratelimit.<namespaceId>.read_analytics"_s;
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.getTimeseries"), .permissions = ratelimit,
                .decode = [&services](RequestReader &in) { return decodeRatelimitSeries(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.getTopIdentifiers"), .permissions = ratelimit,
                .decode = [&services](RequestReader &in) { return decodeTopIdentifiers(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/ratelimit.getLog"), .permissions = ratelimit,
                .decode = [&services](RequestReader &in) { return decodeRatelimitLog(services, in); }});
}

} // namespace Latchkey::Api
