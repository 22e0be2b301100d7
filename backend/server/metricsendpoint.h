#pragma once

#include "http/httpmessage.h"

namespace Latchkey::Core {
class ExpositionWriter;
class Metrics;
} // namespace Latchkey::Core
namespace Latchkey::Analytics {
struct AnalyticsMetricsSnapshot;
} // namespace Latchkey::Analytics

namespace Latchkey::Server {

/// GET /metrics: the Prometheus text exposition (format 0.0.4) of a Core::Metrics registry.
///
/// Serves either the whole separate metrics listener (serveListener(): /metrics, every other path
/// 404) or, with --metrics-on-main, the one path on the API listener (serve()). No authentication:
/// the separate listener belongs on loopback or a private network. The scrapes themselves are
/// counted as route="/metrics". Thread-safe.
class MetricsEndpoint
{
public:
    static constexpr QByteArrayView Path = "/metrics";

    explicit MetricsEndpoint(Core::Metrics &metrics);

    [[nodiscard]] static bool matches(const Http::Request &request) { return request.path == Path; }

    /// The answer to a request for Path: 200 for GET, 405 otherwise.
    [[nodiscard]] Http::Response serve(const Http::Request &request) const;
    /// The metrics listener's handler: serve() for Path, 404 for anything else.
    [[nodiscard]] Http::Response serveListener(const Http::Request &request) const;
    /// The metrics listener's answer to requests the HTTP engine rejects (400, 408, 413, 431).
    [[nodiscard]] Http::Response transportError(int status, const QString &detail) const;

private:
    [[nodiscard]] static Http::Response plain(int status, const QByteArray &text);

    Core::Metrics &m_metrics;
    int m_routeId;
};

/// The latchkey_analytics_* families (queue depth and capacity, drops, written events and
/// batches, failures, commit latency), for a Core::Metrics collector.
void writeAnalyticsMetrics(Core::ExpositionWriter &writer, const Analytics::AnalyticsMetricsSnapshot &snapshot);
/// latchkey_http_open_connections of the API listener, for a Core::Metrics collector.
void writeConnectionMetrics(Core::ExpositionWriter &writer, qint64 openConnections);

} // namespace Latchkey::Server
