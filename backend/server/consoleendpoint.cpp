#include "server/consoleendpoint.h"

#include "api/envelope.h"
#include "core/error.h"
#include "core/metrics.h"
#include "core/random.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

// rcc's initializer lives in a static library; calling it keeps the linker from dropping it.
static void initConsoleResource()
{
    Q_INIT_RESOURCE(latchkey_console);
}

namespace Latchkey::Server {

Q_LOGGING_CATEGORY(lcConsole, "latchkey.console")
// The API's access log: one category name, so one logging rule turns both on or off.
Q_LOGGING_CATEGORY(lcConsoleAccess, "latchkey.access")

namespace {

constexpr QByteArrayView kIndex = "index.html";

QByteArray contentTypeOf(const QString &name)
{
    static const QList<std::pair<QString, QByteArray>> types = {
        {u".html"_s, "text/html; charset=utf-8"},
        {u".js"_s, "text/javascript; charset=utf-8"},
        {u".css"_s, "text/css; charset=utf-8"},
        {u".svg"_s, "image/svg+xml"},
        {u".png"_s, "image/png"},
        {u".woff2"_s, "font/woff2"},
        {u".json"_s, "application/json"},
    };
    for (const auto &[suffix, type] : types) {
        if (name.endsWith(suffix))
            return type;
    }
    return "application/octet-stream";
}

/// Whether @p header (an If-None-Match value: `*` or a list of entity tags, weak or strong)
/// names @p etag. Weak comparison, as RFC 9110 prescribes for If-None-Match.
bool etagMatches(const QByteArray &header, const QByteArray &etag)
{
    for (QByteArray candidate : header.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}

} // namespace

ConsoleEndpoint::ConsoleEndpoint()
{
    initConsoleResource();
    QDirIterator it(u":/console"_s, QDir::Files);
    while (it.hasNext()) {
        QFile source(it.next());
        if (!source.open(QIODevice::ReadOnly))
            continue;
        File file;
        file.body = source.readAll();
        file.contentType = contentTypeOf(it.fileName());
        file.etag = '"' + QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex().left(20) + '"';
        file.immutable = it.fileName() != u"index.html"_s;
        m_files.insert(it.fileName().toUtf8(), file);
    }
    if (!m_files.contains(kIndex.toByteArray()))
        qCWarning(lcConsole) << "the web console is missing from this build; /console/ answers 404";
}

void ConsoleEndpoint::setMetrics(Core::Metrics *metrics)
{
    m_metrics = metrics;
    m_routeId = metrics ? metrics->registerRoute(Prefix) : -1;
}

bool ConsoleEndpoint::matches(const Http::Request &request)
{
    return request.path == Prefix || (request.path.startsWith(Prefix) && request.path.at(Prefix.size()) == '/');
}

Http::Response ConsoleEndpoint::serve(const Http::Request &request) const
{
    QElapsedTimer timer;
    timer.start();
    const QString requestId = Core::newRequestId();
    Http::Response response = respond(request, requestId);
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    qCInfo(lcConsoleAccess).noquote() << requestId << QString::fromLatin1(request.method)
                                      << QString::fromUtf8(request.path) << response.status << elapsedUs << "us";
    if (m_metrics)
        m_metrics->recordRequest(m_routeId, response.status, elapsedUs);
    return response;
}

Http::Response ConsoleEndpoint::respond(const Http::Request &request, const QString &requestId) const
{
    if (request.method != "GET" && request.method != "HEAD") {
        Http::Response response = error(requestId, 405, u"/console/ expects GET or HEAD."_s);
        response.setHeader("Allow", "GET, HEAD");
        return response;
    }
    if (request.path == Prefix) {
        Http::Response response;
        response.status = 308;
        response.setHeader("Location", "/console/");
        addSecurityHeaders(response);
        return response;
    }
    QByteArray name = request.path.mid(Prefix.size() + 1);
    if (name.isEmpty())
        name = kIndex.toByteArray();
    const auto it = m_files.constFind(name);
    if (it == m_files.constEnd())
        return error(requestId, 404, u"The console has no file %1."_s.arg(QString::fromUtf8(request.path)));
    return serveFile(request, *it);
}

Http::Response ConsoleEndpoint::serveFile(const Http::Request &request, const File &file) const
{
    Http::Response response;
    response.setHeader("ETag", file.etag);
    // Hashed names never change content; the page itself must be revalidated to pick up a new build.
    response.setHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    addSecurityHeaders(response);
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.isNull() && etagMatches(ifNoneMatch, file.etag)) {
        response.status = 304;
        return response;
    }
    response.setHeader("Content-Type", file.contentType);
    response.body = file.body; // implicitly shared, not copied
    return response;
}

Http::Response ConsoleEndpoint::error(const QString &requestId, int status, const QString &detail)
{
    const auto code = status == 405 ? Core::ErrorCode::MethodNotAllowed : Core::ErrorCode::RouteNotFound;
    Http::Response response = Api::errorResponse(requestId, Core::makeError(code, detail));
    addSecurityHeaders(response);
    return response;
}

void ConsoleEndpoint::addSecurityHeaders(Http::Response &response)
{
    response.setHeader("Content-Security-Policy", ContentSecurityPolicy.toByteArray());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
}

} // namespace Latchkey::Server
