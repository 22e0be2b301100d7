#include "server/metricsendpoint.h"

#include "analytics/analyticsmetrics.h"
#include "core/metrics.h"

#include <QElapsedTimer>

namespace Latchkey::Server {

MetricsEndpoint::MetricsEndpoint(Core::Metrics &metrics)
    : m_metrics(metrics)
    , m_routeId(metrics.registerRoute(Path))
{ }

Http::Response MetricsEndpoint::plain(int status, const QByteArray &text)
{
    Http::Response response;
    response.status = status;
    response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8"));
    response.body = text;
    return response;
}

Http::Response MetricsEndpoint::serve(const Http::Request &request) const
{
    QElapsedTimer timer;
    timer.start();
    Http::Response response;
    if (request.method == "GET") {
        response = plain(200, m_metrics.render());
        response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    } else {
        response = plain(405, QByteArrayLiteral("/metrics expects GET.\n"));
        response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
    }
    m_metrics.recordRequest(m_routeId, response.status, timer.nsecsElapsed() / 1000);
    return response;
}

Http::Response MetricsEndpoint::serveListener(const Http::Request &request) const
{
    if (matches(request))
        return serve(request);
    // Unknown paths are counted as "unknown", never under their raw path.
    m_metrics.recordRequest(Core::Metrics::UnknownRoute, 404, 0);
    return plain(404, QByteArrayLiteral("This listener serves only GET /metrics.\n"));
}

Http::Response MetricsEndpoint::transportError(int status, const QString &detail) const
{
    m_metrics.recordRequest(Core::Metrics::UnknownRoute, status, 0);
    return plain(status, detail.toUtf8() + '\n');
}

void writeAnalyticsMetrics(Core::ExpositionWriter &writer, const Analytics::AnalyticsMetricsSnapshot &s)
{
    const auto gauge = [&](QByteArrayView name, QByteArrayView help, quint64 value) {
        writer.family(name, "gauge", help);
        writer.sample(name, {}, value);
    };
    const auto counter = [&](QByteArrayView name, QByteArrayView help, quint64 value) {
        writer.family(name, "counter", help);
        writer.sample(name, {}, value);
    };
    gauge("latchkey_analytics_queue_depth", "Analytics events waiting for the writer.", s.queueDepth);
    gauge("latchkey_analytics_queue_capacity", "Size of the analytics event queue.", s.queueCapacity);
    counter("latchkey_analytics_events_dropped_total", "Analytics events dropped because the queue was full.",
            s.dropped);
    counter("latchkey_analytics_events_written_total", "Analytics events committed to the store.", s.eventsWritten);
    counter("latchkey_analytics_batches_total", "Analytics transactions committed.", s.batchesWritten);
    counter("latchkey_analytics_batches_failed_total", "Analytics transactions rolled back.", s.batchesFailed);
    counter("latchkey_analytics_events_failed_total", "Analytics events lost with rolled-back transactions.",
            s.eventsFailed);
    writer.family("latchkey_analytics_commit_duration_seconds", "histogram",
                  "Analytics transactions: lock wait, statements and commit.");
    writer.histogram("latchkey_analytics_commit_duration_seconds", {},
                     Analytics::AnalyticsMetrics::CommitBucketsSeconds, s.commitBuckets, s.commitCount,
                     s.commitSecondsSum);
}

void writeConnectionMetrics(Core::ExpositionWriter &writer, qint64 openConnections)
{
    writer.family("latchkey_http_open_connections", "gauge", "Client connections open on the API listener.");
    writer.sample("latchkey_http_open_connections", {}, quint64(std::max<qint64>(openConnections, 0)));
}

} // namespace Latchkey::Server
