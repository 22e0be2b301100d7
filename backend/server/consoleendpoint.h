#pragma once

#include "http/httpmessage.h"

#include <QHash>

namespace Latchkey::Core {
class Metrics;
} // namespace Latchkey::Core

namespace Latchkey::Server {

/// GET/HEAD /console/...: the web console's static files, compiled into the binary as the Qt
/// resource `:/console` (console/CMakeLists.txt builds it from console/src and uPlot).
///
/// `/console/` (and `/console/index.html`) is the page, revalidated on every load (`no-cache` +
/// ETag); every other file carries its content hash in its name and is `immutable` for a year.
/// All answers carry the console's Content-Security-Policy (no inline script or style, nothing
/// from another origin, no framing), `nosniff` and `no-referrer`. `If-None-Match` gives 304;
/// unknown files are 404 and other methods 405, both as the API's error envelope; `/console`
/// redirects to `/console/`. No authentication: the files hold no data — the page asks for the
/// root key and sends it only in Authorization headers of its API calls.
///
/// Every answer is counted in GET /metrics under the one route label `/console` (not one per file:
/// the label set stays fixed whatever paths clients ask for) and written to the access log
/// (`latchkey.access`, the API's format: request id, method, path, status, time). Thread-safe
/// (read-only after construction and setMetrics()).
class ConsoleEndpoint
{
public:
    static constexpr QByteArrayView Prefix = "/console";
    /// The Content-Security-Policy of every answer.
    static constexpr QByteArrayView ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// Loads the compiled-in files (a few hundred KiB, once per Server).
    ConsoleEndpoint();

    /// Counts every answer in @p metrics (route `/console`); call before serving. Null: not counted.
    void setMetrics(Core::Metrics *metrics);

    [[nodiscard]] static bool matches(const Http::Request &request);
    /// The answer to @p request, counted and logged.
    [[nodiscard]] Http::Response serve(const Http::Request &request) const;
    /// How many files the console has (0 when the resource is missing from the build).
    [[nodiscard]] qsizetype fileCount() const { return m_files.size(); }

private:
    struct File {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag;
        bool immutable = false;
    };

    [[nodiscard]] Http::Response respond(const Http::Request &request, const QString &requestId) const;
    [[nodiscard]] Http::Response serveFile(const Http::Request &request, const File &file) const;
    [[nodiscard]] static Http::Response error(const QString &requestId, int status, const QString &detail);
    static void addSecurityHeaders(Http::Response &response);

    QHash<QByteArray, File> m_files; ///< by name below /console/, e.g. "app-3F2A9C1B.js"
    Core::Metrics *m_metrics = nullptr;
    int m_routeId = -1;
};

} // namespace Latchkey::Server
