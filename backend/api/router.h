#pragma once

#include "api/apicontext.h"
#include "api/requestreader.h"
#include "api/services.h"
#include "core/error.h"
#include "http/httpmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QReadWriteLock>

#include <functional>

namespace Latchkey::Api {

/// Runs a validated request. Handlers first decode and validate the body (Decode), returning the
/// Execute step that holds the decoded values; the router authenticates in between, so schema
/// errors win over credential errors, as in Unkey.
using Execute = std::function<Core::Result<ApiReply>(ApiContext &)>;
using Decode = std::function<Core::Result<Execute>(RequestReader &)>;
/// Optional shortcut for a hot route: decodes the raw body when it has the one common shape the
/// route knows (else nullopt, and the body goes through JSON parsing and Decode as usual). Must
/// accept only bodies that Decode would accept with the same result.
using FastDecode = std::function<std::optional<Execute>(const QByteArray &body)>;

enum class Access {
    Public,  ///< no Authorization needed (liveness)
    RootKey, ///< Authorization: Bearer <root key>; the handler then checks permissions
};

/// One row of a route table. `permissions` documents what the handler demands, so every route's
/// authorization is readable next to its registration.
struct Route {
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray path;
    Access access = Access::RootKey;
    QString permissions;
    Decode decode;
    bool arrayBody = false; ///< body is a JSON array, read as field "$" of the reader
    FastDecode fastDecode; ///< optional; keys.verifyKey skips the JSON DOM with it
};

/// Dispatches HTTP requests to routes: request id, JSON parsing, validation, authentication of the
/// root key (the one place it happens), error envelope, and one log line per request.
class Router
{
public:
    explicit Router(Services &services);

    void add(Route route);
    [[nodiscard]] const QList<Route> &routes() const { return m_routeList; }

    /// Thread-safe; called by the HTTP engine's worker threads and by in-process tests.
    [[nodiscard]] Http::Response handle(const Http::Request &request);

    /// An error envelope for failures the HTTP engine detects itself (413, 431, 400, 408).
    [[nodiscard]] Http::Response transportError(int status, const QString &detail);

private:
    /// What the access log and the metrics need of one request, also after a deferred answer.
    struct Exchange {
        QString requestId;
        QByteArray method;
        QByteArray path;
        int metricsRoute = -1;
        QElapsedTimer timer;
    };

    Core::Result<Principal> authenticate(const Http::Request &request, qint64 nowMs);
    Http::Response dispatch(const Route &route, const Http::Request &request, const Exchange &exchange,
                            qint64 nowMs);
    /// Authenticates (for root-key routes) and runs a decoded request.
    Http::Response run(const Route &route, const Execute &execute, const Http::Request &request,
                       const Exchange &exchange, qint64 nowMs, bool problemJson);
    /// A deferred HTTP response completed when @p pending is (envelope, access log, metrics).
    Http::Response answerLater(const std::shared_ptr<PendingReply> &pending, const Exchange &exchange,
                               bool problemJson);
    /// The access-log line and the metrics of an answered request.
    static void record(Services &services, const Exchange &exchange, int status);

    Services &m_services;
    QHash<QByteArray, qsizetype> m_routes; ///< path -> index in m_routeList
    QList<Route> m_routeList;
    QList<int> m_routeMetrics; ///< Core::Metrics route id per entry of m_routeList

    struct CachedPrincipal {
        quint64 generation = 0;
        std::optional<Principal> principal;
        qint64 expiresMs = 0;
    };
    QReadWriteLock m_principalsLock;
    QHash<QByteArray, CachedPrincipal> m_principals; ///< by root-key hash
};

} // namespace Latchkey::Api
