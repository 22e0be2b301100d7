#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMutex>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <span>

namespace Latchkey::Core {

/// Upper bounds (seconds) of every latency histogram of the registry: 100 µs to 10 s.
inline constexpr std::array<double, 15> LatencyBucketsSeconds {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0};

/// A lock-free latency histogram with the fixed buckets LatencyBucketsSeconds (plus +Inf).
/// observe() is two relaxed atomic increments and one add: safe and cheap on any thread.
class MetricHistogram
{
public:
    static constexpr std::size_t BucketCount = LatencyBucketsSeconds.size();

    void observeMicros(qint64 micros);

    struct Snapshot {
        std::array<quint64, BucketCount> cumulative {}; ///< observations <= each bound
        quint64 count = 0; ///< all observations (the +Inf bucket)
        double sumSeconds = 0;
    };
    /// Cumulative counts; count is the sum of all buckets, so it always equals the +Inf bucket.
    [[nodiscard]] Snapshot snapshot() const;

private:
    std::array<std::atomic<quint64>, BucketCount + 1> m_buckets {}; ///< not cumulative; last: > every bound
    std::atomic<quint64> m_sumMicros {0};
};

/// Writes the Prometheus text exposition format 0.0.4: one HELP and TYPE line per family, then its
/// samples. Label values are escaped (backslash, double quote, line feed), HELP text likewise
/// (backslash, line feed). Not thread-safe; one writer per scrape.
class ExpositionWriter
{
public:
    struct Label {
        QByteArray name;
        QByteArray value;
    };
    using Labels = QList<Label>;

    /// Starts a family: `# HELP name help` and `# TYPE name type` (counter, gauge, histogram).
    void family(QByteArrayView name, QByteArrayView type, QByteArrayView help);
    void sample(QByteArrayView name, const Labels &labels, double value);
    void sample(QByteArrayView name, const Labels &labels, quint64 value);
    /// The _bucket (cumulative, le="..." then le="+Inf" = @p count), _sum and _count lines of one
    /// histogram series; the family line must have been written before.
    void histogram(QByteArrayView name, const Labels &labels, std::span<const double> bounds,
                   std::span<const quint64> cumulative, quint64 count, double sumSeconds);

    [[nodiscard]] QByteArray text() const { return m_text; }

    [[nodiscard]] static QByteArray escapeLabelValue(QByteArrayView value);
    [[nodiscard]] static QByteArray formatNumber(double value);

private:
    void writeName(QByteArrayView name, const Labels &labels);

    QByteArray m_text;
};

/// The server's metrics registry for GET /metrics: counters and histograms updated lock-free on the
/// hot paths (router, verifier, ratelimit handlers, Database::write), and collectors that read
/// other components' own counters (analytics queue, HTTP engine) at scrape time.
///
/// Built by Server and passed in (Services::metrics, Database::setMetrics); there is no global
/// instance. Only counts, route names (the registered path, never a request's raw path),
/// statuses and outcomes are recorded: never key material.
///
/// Requests are counted per (route, status) in a fixed table: routes are registered up front
/// (registerRoute(), before serving) and each holds one atomic per status 100..599, so recording a
/// request neither allocates nor locks.
class Metrics
{
public:
    static constexpr int MaxRoutes = 256;
    static constexpr int UnknownRoute = 0; ///< route="unknown": paths without a route
    static constexpr int MinStatus = 100;
    static constexpr int MaxStatus = 599;
    /// Label values of latchkey_verifications_total{outcome}, in Api::Verifier::Outcome order.
    static constexpr std::array<const char *, 8> VerificationOutcomes {
        "VALID", "NOT_FOUND", "DISABLED", "EXPIRED", "FORBIDDEN", "INSUFFICIENT_PERMISSIONS", "RATE_LIMITED",
        "USAGE_EXCEEDED"};

    /// @p version goes into latchkey_build_info; @p startTimeMs is the process start (Unix ms).
    Metrics(QByteArray version, qint64 startTimeMs);
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    /// The id of route @p name (the same name gives the same id). Thread-safe, but meant to be
    /// called while the routes are set up; -1 when MaxRoutes are taken (such requests then count
    /// as "unknown").
    int registerRoute(QByteArrayView name);
    /// One finished request. Statuses outside 100..599 are not counted.
    void recordRequest(int routeId, int status, qint64 micros);
    /// One verification with an outcome (index into VerificationOutcomes).
    void recordVerification(std::size_t outcome, qint64 micros);
    void recordRatelimitCheck(bool passed);
    void recordCacheLookup(bool hit);
    /// One Database::write(): waiting for the write lock, the statements and the commit.
    void recordStoreCommit(qint64 micros);

    /// Writes further families at scrape time (e.g. from components below or beside core). Add
    /// collectors before serving; what they read must outlive every render().
    using Collector = std::function<void(ExpositionWriter &)>;
    void addCollector(Collector collector);

    /// The whole exposition text (Content-Type: text/plain; version=0.0.4).
    [[nodiscard]] QByteArray render() const;

    // Readers, for tests and collectors.
    [[nodiscard]] quint64 requests(int routeId, int status) const;
    [[nodiscard]] quint64 verifications(std::size_t outcome) const;
    [[nodiscard]] quint64 ratelimitChecks(bool passed) const;
    [[nodiscard]] quint64 cacheHits() const { return m_cacheHits.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 cacheMisses() const { return m_cacheMisses.load(std::memory_order_relaxed); }
    [[nodiscard]] MetricHistogram::Snapshot storeCommits() const { return m_storeCommits.snapshot(); }

private:
    struct Route;

    void renderRequests(ExpositionWriter &writer) const;
    void renderVerifications(ExpositionWriter &writer) const;
    void renderOthers(ExpositionWriter &writer) const;

    const QByteArray m_version;
    const qint64 m_startTimeMs;
    std::array<std::unique_ptr<Route>, MaxRoutes> m_routes;
    std::atomic<int> m_routeCount {0};
    mutable QMutex m_setupLock; ///< route registration and collectors; never taken per request
    QList<Collector> m_collectors;
    std::array<std::atomic<quint64>, VerificationOutcomes.size()> m_verifications {};
    MetricHistogram m_verificationDuration;
    std::array<std::atomic<quint64>, 2> m_ratelimitChecks {}; ///< [false, true]
    std::atomic<quint64> m_cacheHits {0};
    std::atomic<quint64> m_cacheMisses {0};
    MetricHistogram m_storeCommits;
};

} // namespace Latchkey::Core
