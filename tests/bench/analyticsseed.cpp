// latchkey_analytics_seed: fills a data folder with N verification events (default 10,000,000)
// spread evenly over the last D days (default 30) across K keys (default 10,000) of 10 APIs, a
// third of them without an identity and the rest owned by one of I identities (default 1,000) —
// the data set of the "Analytics" figures in docs/BENCHMARKS.md (tests/bench/analytics-timeseries.sh).
//
//   latchkey_analytics_seed --data-dir DIR --root-key KEY [--api API_ID --key KEY_ID]
//                           [--events N] [--days D | --span-minutes M] [--keys K] [--identities I]
//                           [--batch B] [--as-server] [--resume] [--ratelimits] [--oldest-first]
//
// Events are written exactly as the server's AnalyticsWriter writes them: batches in time order, through
// Store::AnalyticsStore::write() in transactions of B events (default 1,000, the writer's largest
// batch), so the raw rows, every rollup and keys.last_used_at are what a server that had verified
// them would hold. --api/--key name a real API and key of the data folder (created over HTTP by the
// script): key number 0 of the set is that key, so its time series can be asked for.
// Deterministic (fixed seed). Prints progress every 1% and the rate at the end.
#include "store/analyticsstore.h"
#include "store/database.h"
#include "support/seedserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <cstdio>
#include <random>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using Latchkey::Core::VerificationEvent;

namespace {

struct Shape {
    qint64 events = 10'000'000;
    int days = 30;
    qint64 spanMinutes = 0; ///< > 0: the events span this many minutes instead of `days`
    int keys = 10'000;
    int identities = 1'000;
    int batch = 1'000;
    bool asServer = false; ///< keep the server's connection settings (no seeding shortcuts)
    bool resume = false; ///< continue a stopped run on the same data folder
    bool ratelimits = false; ///< rate-limit events of `keys` identifiers instead of verifications
    bool oldestFirst = false; ///< batches in time order, as the server writes them (not with resume)
    QString apiId;
    QString keyId;
};

/// CPU time (user + system) of the calling thread in µs: the cost of the write path, which
/// unlike wall time does not grow when other processes share the core.
qint64 threadCpuUs()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1'000'000 + usage.ru_utime.tv_usec
        + usage.ru_stime.tv_usec;
}

int failed(const QString &detail)
{
    return Latchkey::Test::seedFailed("latchkey_analytics_seed", detail);
}

/// Mostly VALID, as real traffic is; every rejection kind present.
QString outcomeOf(double draw)
{
    if (draw < 0.90)
        return u"VALID"_s;
    if (draw < 0.94)
        return u"RATE_LIMITED"_s;
    if (draw < 0.96)
        return u"USAGE_EXCEEDED"_s;
    if (draw < 0.975)
        return u"NOT_FOUND"_s;
    if (draw < 0.985)
        return u"INSUFFICIENT_PERMISSIONS"_s;
    if (draw < 0.995)
        return u"DISABLED"_s;
    return u"EXPIRED"_s;
}

/// The fixed part of key @p index: its API, keyspace and owner.
VerificationEvent keyTemplate(const Shape &shape, const QString &workspaceId, int index)
{
    VerificationEvent event;
    event.workspaceId = workspaceId;
    const int api = index % 10;
    event.apiId = api == 0 && !shape.apiId.isEmpty() ? shape.apiId : u"api_seed%1"_s.arg(api);
    event.keyspaceId = u"ks_seed%1"_s.arg(api);
    event.keyId = index == 0 && !shape.keyId.isEmpty() ? shape.keyId : u"key_seed%1"_s.arg(index, 5, 10, QChar(u'0'));
    if (index % 3 != 0) {
        const int owner = index % shape.identities;
        event.identityId = u"id_seed%1"_s.arg(owner, 4, 10, QChar(u'0'));
        event.externalId = u"customer_%1"_s.arg(owner);
    }
    event.node = u"seed"_s;
    return event;
}

/// How long the events span: --days, or --span-minutes (dense traffic, as at thousands of
/// verifications a second: the writer's batches then fall into one or two minutes).
qint64 spanMs(const Shape &shape)
{
    return shape.spanMinutes > 0 ? (shape.spanMinutes + 2) * 60'000 : qint64(shape.days) * 86'400'000;
}

/// Events [first, first + count) of the set, in time order.
Latchkey::Store::AnalyticsBatch batchAt(const Shape &shape, const QList<VerificationEvent> &keys, qint64 startMs,
                                        qint64 first, qint64 count, std::mt19937_64 &random)
{
    const double spacingMs = (double(spanMs(shape)) - 120'000.0) / double(shape.events);
    std::uniform_int_distribution<int> pickKey(0, int(keys.size()) - 1);
    std::uniform_real_distribution<double> draw(0, 1);
    std::exponential_distribution<double> latency(1.0 / 150);
    static const QStringList paths {u"path=/v1/orders"_s, u"path=/v1/users"_s, u"path=/v1/search"_s};
    Latchkey::Store::AnalyticsBatch batch;
    if (shape.ratelimits) {
        // ratelimit.limit traffic: one namespace, `keys` identifiers, mostly passed.
        for (qint64 i = first; i < first + count; ++i) {
            Latchkey::Core::RatelimitEvent event;
            event.requestId = u"req_seed%1"_s.arg(i);
            event.timeMs = startMs + qint64(double(i) * spacingMs);
            event.workspaceId = keys.first().workspaceId;
            event.namespaceId = u"rlns_seed"_s;
            event.identifier = u"user_%1"_s.arg(pickKey(random), 5, 10, QChar(u'0'));
            event.passed = draw(random) < 0.9;
            event.limit = 100;
            event.remaining = event.passed ? 50 : 0;
            event.resetMs = event.timeMs + 60'000;
            event.cost = 1;
            event.latencyUs = 20 + qint64(latency(random));
            event.node = u"seed"_s;
            batch.ratelimits.append(std::move(event));
        }
        return batch;
    }
    batch.verifications.reserve(count);
    for (qint64 i = first; i < first + count; ++i) {
        VerificationEvent event = keys.at(pickKey(random));
        event.requestId = u"req_seed%1"_s.arg(i);
        event.timeMs = startMs + qint64(double(i) * spacingMs);
        event.outcome = outcomeOf(draw(random));
        event.latencyUs = 20 + qint64(latency(random));
        event.spentCredits = event.outcome == u"VALID" && event.keyId.endsWith(u'7') ? 1 : 0;
        if (draw(random) < 0.5)
            event.tags = {paths.at(int(i % paths.size())), u"region=eu"_s};
        batch.verifications.append(std::move(event));
    }
    return batch;
}

int seed(Latchkey::Server::Server &server, const Shape &shape)
{
    QList<VerificationEvent> keys;
    for (int i = 0; i < shape.keys; ++i)
        keys.append(keyTemplate(shape, server.defaultWorkspaceId(), i));
    std::mt19937_64 random(20261126);
    // The newest event is a minute old, so the whole set is in the past of any query, and the
    // oldest a minute younger than D days, so the default 30-day retention keeps every one.
    qint64 startMs = QDateTime::currentMSecsSinceEpoch() + 60'000 - spanMs(shape);
    // --resume: batches are written newest first, each in one transaction, so a stopped run holds
    // exactly the newest `count` events of the set, and the newest one's time fixes the start.
    // (The random draws of the rest differ from an uninterrupted run; their distribution does not.)
    qint64 already = 0;
    if (shape.resume) {
        QSqlQuery stored(server.database().connection());
        if (!stored.exec(u"SELECT count(*), max(time) FROM verification_events"_s) || !stored.next())
            return failed(u"cannot read the stored events to resume"_s);
        already = stored.value(0).toLongLong();
        if (already > 0) {
            const double spacingMs = (double(spanMs(shape)) - 120'000.0) / double(shape.events);
            startMs = stored.value(1).toLongLong() - qint64(double(shape.events - 1) * spacingMs);
        }
        std::printf("latchkey_analytics_seed: resuming after %lld stored events\n", static_cast<long long>(already));
    }
    QElapsedTimer timer;
    timer.start();
    // Seeding speed is not what is measured: no fsync per transaction and a large page cache on
    // this (the writing) thread's connection. The rows written are the same.
    // --as-server keeps the server's settings, for measuring the write path as latchkeyd runs it.
    QSqlQuery pragma(server.database().connection());
    for (const QString &statement : {u"PRAGMA synchronous = OFF"_s, u"PRAGMA cache_size = -2000000"_s}) {
        if (!shape.asServer && !pragma.exec(statement))
            return failed(statement);
    }
    Latchkey::Store::AnalyticsStore store(server.database());
    // Newest batch first (each batch in time order; rollups are sums, so the order of batches does
    // not change them): a run stopped early still holds the most recent days at full density,
    // which is what a 24-hour query reads.
    const qint64 step = std::max<qint64>(shape.events / 100, 1);
    qint64 written = already;
    qint64 nextReport = (already / step + 1) * step;
    qint64 writeCpuUs = 0;
    // --oldest-first: batch after batch in time order, as the server's writer stores them (its
    // roll-up of completed minutes then runs once a minute of event time, as in the server).
    const qint64 total = shape.events - already;
    for (qint64 done = 0; done < total; done += shape.batch) {
        const qint64 end = shape.oldestFirst ? std::min(done + shape.batch, total) : total - done;
        const qint64 first = shape.oldestFirst ? done : std::max<qint64>(end - shape.batch, 0);
        const Latchkey::Store::AnalyticsBatch batch = batchAt(shape, keys, startMs, first, end - first, random);
        const qint64 cpuBefore = threadCpuUs();
        if (const auto stored = store.write(batch); !stored)
            return failed(stored.error().detail);
        writeCpuUs += threadCpuUs() - cpuBefore;
        written += end - first;
        if (written >= nextReport) {
            std::printf("latchkey_analytics_seed: %lld events (newest %.1f days), %.0f s\n", static_cast<long long>(written),
                        double(written) / double(shape.events) * shape.days, double(timer.elapsed()) / 1000);
            std::fflush(stdout);
            nextReport += step;
        }
    }
    // What the writer does on flush or stop (and the next batches once a minute): the minutes not
    // rolled up yet into the hour, day and month rollups; part of the write path's cost.
    const qint64 cpuBefore = threadCpuUs();
    if (const auto rolled = store.writeRollUp(QDateTime::currentMSecsSinceEpoch() + 120'000); !rolled)
        return failed(rolled.error().detail);
    writeCpuUs += threadCpuUs() - cpuBefore;
    const qint64 now = std::max<qint64>(shape.events - already, 1);
    std::printf("latchkey_analytics_seed: %lld events in %.1f s (%.0f events/s)\n", static_cast<long long>(now),
                double(timer.elapsed()) / 1000, double(now) * 1000 / double(std::max<qint64>(timer.elapsed(), 1)));
    std::printf("latchkey_analytics_seed: write path %.1f µs CPU per event (AnalyticsStore::write, thread CPU"
                " time, %d events per transaction)\n",
                double(writeCpuUs) / double(now), shape.batch);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const Latchkey::Test::SeedOptions common(u"The data folder's root key."_s);
    const QCommandLineOption apiId(u"api"_s, u"A real API id (API number 0 of the set)."_s, u"ID"_s);
    const QCommandLineOption keyId(u"key"_s, u"A real key id (key number 0 of the set)."_s, u"ID"_s);
    const QCommandLineOption events(u"events"_s, u"Events to write (default 10000000)."_s, u"N"_s);
    const QCommandLineOption days(u"days"_s, u"Days they span, ending a minute ago (default 30)."_s, u"D"_s);
    const QCommandLineOption keys(u"keys"_s, u"Distinct keys (default 10000)."_s, u"K"_s);
    const QCommandLineOption identities(u"identities"_s, u"Distinct identities (default 1000)."_s, u"I"_s);
    const QCommandLineOption spanMinutes(u"span-minutes"_s,
        u"Spread the events over M minutes instead of --days (dense traffic)."_s, u"M"_s);
    const QCommandLineOption batch(u"batch"_s, u"Events per transaction (default 1000)."_s, u"B"_s);
    const QCommandLineOption resume(u"resume"_s,
        u"Continue a stopped run on the same data folder with the same --events/--days (writes only the older events still missing)."_s);
    const QCommandLineOption asServer(u"as-server"_s,
        u"Keep latchkeyd's connection settings (synchronous=NORMAL, its page cache) instead of the seeding ones."_s);
    const QCommandLineOption ratelimits(u"ratelimits"_s,
        u"Write rate-limit events of --keys identifiers (one namespace) instead of verifications."_s);
    const QCommandLineOption oldestFirst(u"oldest-first"_s,
        u"Write the batches in time order, as the server does (default: newest first, which --resume needs)."_s);
    parser.addOptions({common.dataDir, common.rootKey, apiId, keyId, events, days, spanMinutes, keys, identities, batch, asServer, resume,
        ratelimits, oldestFirst});
    parser.process(app);
    if (!parser.isSet(common.dataDir) || !parser.isSet(common.rootKey))
        return failed(u"--data-dir and --root-key are required"_s);
    Shape shape;
    shape.events = parser.isSet(events) ? parser.value(events).toLongLong() : shape.events;
    shape.days = parser.isSet(days) ? parser.value(days).toInt() : shape.days;
    shape.keys = parser.isSet(keys) ? parser.value(keys).toInt() : shape.keys;
    shape.identities = parser.isSet(identities) ? parser.value(identities).toInt() : shape.identities;
    shape.batch = parser.isSet(batch) ? parser.value(batch).toInt() : shape.batch;
    shape.asServer = parser.isSet(asServer);
    shape.resume = parser.isSet(resume);
    shape.ratelimits = parser.isSet(ratelimits);
    shape.oldestFirst = parser.isSet(oldestFirst);
    if (shape.resume && shape.oldestFirst)
        return failed(u"--resume needs the newest batches first: drop --oldest-first"_s);
    shape.spanMinutes = parser.value(spanMinutes).toLongLong();
    shape.apiId = parser.value(apiId);
    shape.keyId = parser.value(keyId);
    if (shape.events < 1 || shape.days < 1 || shape.keys < 1 || shape.identities < 1 || shape.batch < 1)
        return failed(u"--events, --days, --keys, --identities and --batch must be positive"_s);

    QString error;
    const auto server = Latchkey::Test::openSeedServer(parser, common, &error);
    if (!server)
        return failed(error);
    const int result = seed(*server, shape);
    server->stop();
    return result;
}
