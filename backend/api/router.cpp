#include "api/router.h"

#include "api/envelope.h"
#include "api/pendingreply.h"
#include "core/clock.h"
#include "core/keyhash.h"
#include "core/metrics.h"
#include "core/random.h"
#include "http/deferredresponse.h"
#include "store/database.h"
#include "store/rootkeystore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <charconv>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

Q_LOGGING_CATEGORY(lcAccess, "latchkey.access")

using Core::ErrorCode;
using Core::makeError;

namespace {
constexpr qsizetype kPrincipalCacheLimit = 10'000;

bool acceptsProblemJson(const Http::Request &request)
{
    return request.header("accept").contains("application/problem+json");
}

void appendNumber(QString &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(QLatin1StringView(digits, end - digits));
}

/// The access line "<request id> <method> <path> <status> <µs> us", the text the former
/// `qCInfo(lcAccess).noquote() << ...` produced, built in a per-thread buffer and handed to the
/// message handler without a QDebug stream (a QTextStream and locale-aware number formatting per
/// request: ~10k instructions, issue 6). The handler sees the same category, type and text.
void logAccess(const QString &requestId, QByteArrayView method, QByteArrayView path, int status, qint64 elapsedUs)
{
    thread_local QString line;
    line.resize(0); // keeps the capacity
    line.reserve(requestId.size() + method.size() + path.size() + 32);
    line.append(requestId).append(u' ').append(QLatin1StringView(method)).append(u' ');
    if (std::all_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        line.append(QLatin1StringView(path));
    else
        line.append(QString::fromUtf8(path));
    line.append(u' ');
    appendNumber(line, status);
    line.append(u' ');
    appendNumber(line, elapsedUs);
    line.append(u" us");
    const QMessageLogContext context(nullptr, 0, nullptr, lcAccess().categoryName());
    qt_message_output(QtInfoMsg, context, line);
}
} // namespace

Router::Router(Services &services) : m_services(services) { }

void Router::add(Route route)
{
    m_routes.insert(route.path, m_routeList.size());
    m_routeMetrics.append(m_services.metrics ? m_services.metrics->registerRoute(route.path) : -1);
    m_routeList.append(std::move(route));
}

Http::Response Router::transportError(int status, const QString &detail)
{
    ErrorCode code = ErrorCode::RequestBodyUnreadable;
    switch (status) {
    case 413: code = ErrorCode::RequestBodyTooLarge; break;
    case 431: code = ErrorCode::RequestHeaderTooLarge; break;
    case 408: code = ErrorCode::RequestTimeout; break;
    case 503: code = ErrorCode::ServiceUnavailable; break;
    default: break;
    }
    const QString requestId = Core::newRequestId();
    qCInfo(lcAccess).noquote() << requestId << "-" << "-" << status << detail;
    if (m_services.metrics)
        m_services.metrics->recordRequest(Core::Metrics::UnknownRoute, status, 0);
    return errorResponse(requestId, makeError(code, detail));
}

Http::Response Router::handle(const Http::Request &request)
{
    Exchange exchange;
    exchange.timer.start();
    exchange.requestId = Core::newRequestId();
    exchange.method = request.method;
    exchange.path = request.path;
    const QString &requestId = exchange.requestId;
    const qint64 nowMs = m_services.clock.nowMs();

    Http::Response response;
    const auto it = m_routes.constFind(request.path);
    exchange.metricsRoute = it == m_routes.constEnd() ? Core::Metrics::UnknownRoute : m_routeMetrics.at(*it);
    if (it == m_routes.constEnd()) {
        response = errorResponse(requestId, makeError(ErrorCode::RouteNotFound,
            u"No route for %1 %2."_s.arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path))));
    } else if (const Route &route = m_routeList.at(*it); route.method != request.method) {
        response = errorResponse(requestId, makeError(ErrorCode::MethodNotAllowed,
            u"%1 expects %2."_s.arg(QString::fromUtf8(request.path), QString::fromLatin1(route.method))));
        response.setHeader(QByteArrayLiteral("Allow"), route.method);
    } else {
        response = dispatch(route, request, exchange, nowMs);
    }
    if (!response.deferred)
        record(m_services, exchange, response.status); // a deferred answer records when it completes
    return response;
}

void Router::record(Services &services, const Exchange &exchange, int status)
{
    const qint64 elapsedUs = exchange.timer.nsecsElapsed() / 1000;
    if (lcAccess().isInfoEnabled())
        logAccess(exchange.requestId, exchange.method, exchange.path, status, elapsedUs);
    if (services.metrics)
        services.metrics->recordRequest(exchange.metricsRoute, status, elapsedUs);
}

Http::Response Router::dispatch(const Route &route, const Http::Request &request, const Exchange &exchange,
                                qint64 nowMs)
{
    const QString &requestId = exchange.requestId;
    const bool problemJson = acceptsProblemJson(request);
    std::optional<Execute> fast = route.fastDecode ? route.fastDecode(request.body) : std::nullopt;
    if (fast)
        return run(route, *fast, request, exchange, nowMs, problemJson);
    QJsonObject object;
    if (route.method == "POST") {
        const auto document = parseJsonBody(request.body);
        if (!document)
            return errorResponse(requestId, document.error(), problemJson);
        if (route.arrayBody && document->isArray()) {
            object.insert(u"$"_s, document->array());
        } else if (!route.arrayBody && document->isObject()) {
            object = document->object();
        } else {
            Core::Error error = makeError(ErrorCode::InvalidInput,
                route.arrayBody ? u"The request body must be a JSON array."_s
                                : u"The request body must be a JSON object."_s);
            error.fieldErrors.append({u"body"_s, route.arrayBody ? u"must be an array"_s : u"must be an object"_s, {}});
            return errorResponse(requestId, error, problemJson);
        }
    }

    RequestReader reader(object);
    auto execute = route.decode(reader);
    if (!execute)
        return errorResponse(requestId, execute.error(), problemJson);
    return run(route, *execute, request, exchange, nowMs, problemJson);
}

Http::Response Router::run(const Route &route, const Execute &execute, const Http::Request &request,
                           const Exchange &exchange, qint64 nowMs, bool problemJson)
{
    const QString &requestId = exchange.requestId;
    ApiContext context{requestId, request, {}, nowMs};
    if (route.access == Access::RootKey) {
        auto principal = authenticate(request, nowMs);
        if (!principal)
            return errorResponse(requestId, principal.error(), problemJson);
        context.principal = std::move(*principal);
    }
    auto reply = execute(context);
    if (!reply)
        return errorResponse(requestId, reply.error(), problemJson);
    if (reply->pending)
        return answerLater(reply->pending, exchange, problemJson);
    return successResponse(requestId, *reply);
}

Http::Response Router::answerLater(const std::shared_ptr<PendingReply> &pending, const Exchange &exchange,
                                   bool problemJson)
{
    auto deferred = std::make_shared<Http::DeferredResponse>();
    // Runs on the thread that completes the reply (the credit commit thread), or right here.
    pending->onComplete([&services = m_services, deferred, exchange, problemJson](Core::Result<ApiReply> reply) {
        Http::Response response = reply ? successResponse(exchange.requestId, *reply)
                                        : errorResponse(exchange.requestId, reply.error(), problemJson);
        record(services, exchange, response.status);
        (void)deferred->complete(std::move(response)); // false: the client is gone, nothing to send
    });
    Http::Response response;
    response.deferred = std::move(deferred);
    return response;
}

Core::Result<Principal> Router::authenticate(const Http::Request &request, qint64 nowMs)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isNull())
        return makeError(ErrorCode::AuthorizationMissing,
                         u"Authorization header is missing, but required. Use: Authorization: Bearer <root key>."_s);
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    if (token.isEmpty() || token.contains(' '))
        return makeError(ErrorCode::AuthorizationMalformed,
                         u"Authorization header is malformed. Use: Authorization: Bearer <root key>."_s);

    const QByteArray hash = Core::hashKey(token);
    const quint64 generation = m_services.db.generation();
    {
        QReadLocker locker(&m_principalsLock);
        const auto it = m_principals.constFind(hash);
        if (it != m_principals.constEnd() && it->generation == generation && nowMs < it->expiresMs) {
            if (it->principal)
                return *it->principal;
            return makeError(ErrorCode::RootKeyNotFound, u"The provided root key is invalid."_s);
        }
    }

    Store::RootKeyStore store(m_services.db);
    const Store::Found<Store::RootKey> found = store.findByHash(hash, nowMs);
    if (!found) // 500, not cached: a store that cannot read says nothing about the key
        return found.error();
    const std::optional<Store::RootKey> &rootKey = *found;
    CachedPrincipal entry{generation, std::nullopt, rootKey && rootKey->expiresMs ? *rootKey->expiresMs : LLONG_MAX};
    if (rootKey)
        entry.principal = Principal{rootKey->workspaceId, rootKey->id, rootKey->name, rootKey->permissions};
    {
        QWriteLocker locker(&m_principalsLock);
        if (m_principals.size() >= kPrincipalCacheLimit)
            m_principals.clear();
        m_principals.insert(hash, entry);
    }
    if (!entry.principal)
        return makeError(ErrorCode::RootKeyNotFound, u"The provided root key is invalid."_s);
    return *entry.principal;
}

} // namespace Latchkey::Api
