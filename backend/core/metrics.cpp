#include "core/metrics.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace Latchkey::Core {

namespace {
constexpr int StatusSlots = Metrics::MaxStatus - Metrics::MinStatus + 1;
constexpr std::array<QByteArrayView, 2> PassedLabels {"false", "true"};
} // namespace

/// One registered route: its name, a counter per status and a duration histogram.
struct Metrics::Route {
    QByteArray name;
    std::array<std::atomic<quint64>, StatusSlots> statuses {};
    MetricHistogram duration;
};

// --- MetricHistogram ---------------------------------------------------------------------------

void MetricHistogram::observeMicros(qint64 micros)
{
    micros = std::max<qint64>(micros, 0);
    const double seconds = double(micros) / 1e6;
    const auto bound = std::lower_bound(LatencyBucketsSeconds.begin(), LatencyBucketsSeconds.end(), seconds);
    m_buckets[std::size_t(bound - LatencyBucketsSeconds.begin())].fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(quint64(micros), std::memory_order_relaxed);
}

MetricHistogram::Snapshot MetricHistogram::snapshot() const
{
    Snapshot snapshot;
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < BucketCount; ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        snapshot.cumulative[i] = cumulative;
    }
    snapshot.count = cumulative + m_buckets[BucketCount].load(std::memory_order_relaxed);
    snapshot.sumSeconds = double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6;
    return snapshot;
}

// --- ExpositionWriter --------------------------------------------------------------------------

QByteArray ExpositionWriter::escapeLabelValue(QByteArrayView value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

QByteArray ExpositionWriter::formatNumber(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(value, 'g', 15);
}

void ExpositionWriter::family(QByteArrayView name, QByteArrayView type, QByteArrayView help)
{
    QByteArray escapedHelp = help.toByteArray();
    escapedHelp.replace("\\", "\\\\").replace("\n", "\\n");
    m_text += "# HELP " + name.toByteArray() + ' ' + escapedHelp + '\n';
    m_text += "# TYPE " + name.toByteArray() + ' ' + type.toByteArray() + '\n';
}

void ExpositionWriter::writeName(QByteArrayView name, const Labels &labels)
{
    m_text += name.toByteArray();
    if (labels.isEmpty())
        return;
    m_text += '{';
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            m_text += ',';
        m_text += labels[i].name + "=\"" + escapeLabelValue(labels[i].value) + '"';
    }
    m_text += '}';
}

void ExpositionWriter::sample(QByteArrayView name, const Labels &labels, double value)
{
    writeName(name, labels);
    m_text += ' ' + formatNumber(value) + '\n';
}

void ExpositionWriter::sample(QByteArrayView name, const Labels &labels, quint64 value)
{
    writeName(name, labels);
    m_text += ' ' + QByteArray::number(value) + '\n';
}

void ExpositionWriter::histogram(QByteArrayView name, const Labels &labels, std::span<const double> bounds,
                                 std::span<const quint64> cumulative, quint64 count, double sumSeconds)
{
    const QByteArray bucketName = name.toByteArray() + "_bucket";
    const QByteArray sumName = name.toByteArray() + "_sum";
    const QByteArray countName = name.toByteArray() + "_count";
    Labels withLe = labels;
    withLe.append({QByteArrayLiteral("le"), {}});
    for (std::size_t i = 0; i < bounds.size() && i < cumulative.size(); ++i) {
        withLe.last().value = formatNumber(bounds[i]);
        sample(bucketName, withLe, cumulative[i]);
    }
    withLe.last().value = QByteArrayLiteral("+Inf");
    sample(bucketName, withLe, count);
    sample(sumName, labels, sumSeconds);
    sample(countName, labels, count);
}

// --- Metrics -----------------------------------------------------------------------------------

Metrics::Metrics(QByteArray version, qint64 startTimeMs)
    : m_version(std::move(version))
    , m_startTimeMs(startTimeMs)
{
    registerRoute("unknown");
}

Metrics::~Metrics() = default;

int Metrics::registerRoute(QByteArrayView name)
{
    QMutexLocker locker(&m_setupLock);
    const int count = m_routeCount.load(std::memory_order_relaxed);
    for (int i = 0; i < count; ++i) {
        if (m_routes[std::size_t(i)]->name == name)
            return i;
    }
    if (count == MaxRoutes)
        return -1;
    auto route = std::make_unique<Route>();
    route->name = name.toByteArray();
    m_routes[std::size_t(count)] = std::move(route);
    // Published after the slot is complete: a reader that sees the count sees the route.
    m_routeCount.store(count + 1, std::memory_order_release);
    return count;
}

void Metrics::recordRequest(int routeId, int status, qint64 micros)
{
    if (routeId < 0 || routeId >= m_routeCount.load(std::memory_order_acquire))
        routeId = UnknownRoute;
    if (status < MinStatus || status > MaxStatus)
        return;
    Route &route = *m_routes[std::size_t(routeId)];
    route.statuses[std::size_t(status - MinStatus)].fetch_add(1, std::memory_order_relaxed);
    route.duration.observeMicros(micros);
}

void Metrics::recordVerification(std::size_t outcome, qint64 micros)
{
    if (outcome >= m_verifications.size())
        return;
    m_verifications[outcome].fetch_add(1, std::memory_order_relaxed);
    m_verificationDuration.observeMicros(micros);
}

void Metrics::recordRatelimitCheck(bool passed)
{
    m_ratelimitChecks[passed ? 1 : 0].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::recordCacheLookup(bool hit)
{
    (hit ? m_cacheHits : m_cacheMisses).fetch_add(1, std::memory_order_relaxed);
}

void Metrics::recordStoreCommit(qint64 micros)
{
    m_storeCommits.observeMicros(micros);
}

void Metrics::addCollector(Collector collector)
{
    QMutexLocker locker(&m_setupLock);
    m_collectors.append(std::move(collector));
}

quint64 Metrics::requests(int routeId, int status) const
{
    if (routeId < 0 || routeId >= m_routeCount.load(std::memory_order_acquire) || status < MinStatus
        || status > MaxStatus)
        return 0;
    return m_routes[std::size_t(routeId)]->statuses[std::size_t(status - MinStatus)].load(std::memory_order_relaxed);
}

quint64 Metrics::verifications(std::size_t outcome) const
{
    return outcome < m_verifications.size() ? m_verifications[outcome].load(std::memory_order_relaxed) : 0;
}

quint64 Metrics::ratelimitChecks(bool passed) const
{
    return m_ratelimitChecks[passed ? 1 : 0].load(std::memory_order_relaxed);
}

QByteArray Metrics::render() const
{
    ExpositionWriter writer;
    renderRequests(writer);
    renderVerifications(writer);
    renderOthers(writer);
    QMutexLocker locker(&m_setupLock);
    for (const Collector &collector : m_collectors)
        collector(writer);
    return writer.text();
}

void Metrics::renderRequests(ExpositionWriter &writer) const
{
    const int count = m_routeCount.load(std::memory_order_acquire);
    writer.family("latchkey_http_requests_total", "counter",
                  "HTTP requests answered, by route (the registered path; \"unknown\" for paths without one) and status.");
    for (int i = 0; i < count; ++i) {
        const Route &route = *m_routes[std::size_t(i)];
        for (int slot = 0; slot < StatusSlots; ++slot) {
            if (const quint64 value = route.statuses[std::size_t(slot)].load(std::memory_order_relaxed))
                writer.sample("latchkey_http_requests_total",
                              {{"route", route.name}, {"status", QByteArray::number(slot + MinStatus)}}, value);
        }
    }
    writer.family("latchkey_http_request_duration_seconds", "histogram",
                  "Time from routing a request to its response, by route.");
    for (int i = 0; i < count; ++i) {
        const Route &route = *m_routes[std::size_t(i)];
        const MetricHistogram::Snapshot s = route.duration.snapshot();
        if (s.count > 0)
            writer.histogram("latchkey_http_request_duration_seconds", {{"route", route.name}}, LatencyBucketsSeconds,
                             s.cumulative, s.count, s.sumSeconds);
    }
}

void Metrics::renderVerifications(ExpositionWriter &writer) const
{
    writer.family("latchkey_verifications_total", "counter", "keys.verifyKey answers, by outcome (code).");
    for (std::size_t i = 0; i < VerificationOutcomes.size(); ++i)
        writer.sample("latchkey_verifications_total", {{"outcome", VerificationOutcomes[i]}},
                      m_verifications[i].load(std::memory_order_relaxed));
    writer.family("latchkey_verification_duration_seconds", "histogram",
                  "Time keys.verifyKey spends from cache lookup to answer.");
    const MetricHistogram::Snapshot s = m_verificationDuration.snapshot();
    writer.histogram("latchkey_verification_duration_seconds", {}, LatencyBucketsSeconds, s.cumulative, s.count,
                     s.sumSeconds);
    writer.family("latchkey_verification_cache_hits_total", "counter", "Verification cache lookups that hit.");
    writer.sample("latchkey_verification_cache_hits_total", {}, cacheHits());
    writer.family("latchkey_verification_cache_misses_total", "counter",
                  "Verification cache lookups that missed and read the store.");
    writer.sample("latchkey_verification_cache_misses_total", {}, cacheMisses());
}

void Metrics::renderOthers(ExpositionWriter &writer) const
{
    writer.family("latchkey_ratelimit_checks_total", "counter",
                  "ratelimit.limit and ratelimit.multiLimit checks, by whether they passed.");
    for (const bool passed : {false, true})
        writer.sample("latchkey_ratelimit_checks_total", {{"passed", PassedLabels[passed ? 1 : 0].toByteArray()}},
                      ratelimitChecks(passed));
    writer.family("latchkey_store_commit_duration_seconds", "histogram",
                  "Store write transactions: waiting for the write lock, statements and commit.");
    const MetricHistogram::Snapshot s = m_storeCommits.snapshot();
    writer.histogram("latchkey_store_commit_duration_seconds", {}, LatencyBucketsSeconds, s.cumulative, s.count,
                     s.sumSeconds);
    writer.family("latchkey_process_start_time_seconds", "gauge", "Start time of the process, Unix seconds.");
    writer.sample("latchkey_process_start_time_seconds", {}, double(m_startTimeMs) / 1000.0);
    writer.family("latchkey_build_info", "gauge", "Always 1; the version is a label.");
    writer.sample("latchkey_build_info", {{"version", m_version}}, quint64(1));
}

} // namespace Latchkey::Core
