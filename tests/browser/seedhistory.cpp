// latchkey_console_history: writes 30 days of plausible verification history for the given keys
// into a data folder, before latchkeyd starts on it, so the console's screenshots show charts
// with a past (the API can only record verifications at the present time). Uses the same
// AnalyticsStore the server's writer uses: raw events and every rollup.
//
//   latchkey_console_history --data-dir DIR --root-key KEY --key KEY_ID:API_ID:EXTERNAL_ID:WEIGHT:CREDITS ...
//
// WEIGHT: events per minute at the busiest hour; CREDITS: spent by each VALID verification.
//
// Deterministic (fixed seed): a daily rhythm, a weekly dip, a few bad hours, mostly VALID.
#include "core/random.h"
#include "store/analyticsstore.h"
#include "store/database.h"
#include "store/keystore.h"
#include "support/seedserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cmath>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace {

struct HistoryKey {
    Latchkey::Core::VerificationEvent base; ///< the key's ids; time, outcome, ... vary
    double weight = 1;
    qint64 credits = 0;
};

int failed(const QString &detail)
{
    return Latchkey::Test::seedFailed("latchkey_console_history", detail);
}

/// Events per minute at @p timeMs relative to the peak: busy afternoons, quiet nights and weekends.
double rhythm(qint64 timeMs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    const double hour = time.time().hour() + time.time().minute() / 60.0;
    const double daily = 0.55 + 0.45 * std::sin((hour - 9) / 24.0 * 2 * M_PI);
    const bool weekend = time.date().dayOfWeek() >= 6;
    return daily * (weekend ? 0.6 : 1.0);
}

QString outcomeFor(std::mt19937 &random, qint64 timeMs)
{
    // An incident every few days: two hours in which many callers hit their rate limits.
    const bool incident = (timeMs / 3'600'000) % 67 < 2;
    const double draw = std::uniform_real_distribution<double>(0, 1)(random);
    if (draw < (incident ? 0.25 : 0.03))
        return u"RATE_LIMITED"_s;
    if (draw < (incident ? 0.27 : 0.045))
        return u"USAGE_EXCEEDED"_s;
    if (draw < (incident ? 0.28 : 0.055))
        return u"INSUFFICIENT_PERMISSIONS"_s;
    if (draw < (incident ? 0.285 : 0.06))
        return u"DISABLED"_s;
    return u"VALID"_s;
}

Latchkey::Store::AnalyticsBatch history(const QList<HistoryKey> &keys, qint64 nowMs)
{
    std::mt19937 random(20261126);
    std::exponential_distribution<double> latency(1.0 / 120);
    Latchkey::Store::AnalyticsBatch batch;
    const qint64 first = nowMs - 30LL * 86'400'000;
    const qint64 last = nowMs - 90'000; // the live traffic of the test owns the present
    // Before the last day only hours and days are ever charted, so each hour's events share one
    // minute: the same counts per hour with 60 times fewer minute rollup rows to write.
    const qint64 detailed = nowMs - 26LL * 3'600'000;
    for (qint64 minute = first; minute < last; minute += 60'000) {
        const bool condensed = minute < detailed;
        if (condensed && minute % 3'600'000 >= 60'000)
            continue;
        for (const HistoryKey &key : keys) {
            std::poisson_distribution<int> arrivals(key.weight * rhythm(minute) * (condensed ? 60 : 1));
            for (int i = arrivals(random); i > 0; --i) {
                Latchkey::Core::VerificationEvent event = key.base;
                event.requestId = Latchkey::Core::newRequestId();
                event.timeMs = minute + std::uniform_int_distribution<int>(0, 59'999)(random);
                event.outcome = outcomeFor(random, event.timeMs);
                event.latencyUs = 20 + qint64(latency(random));
                event.spentCredits = event.outcome == u"VALID" ? key.credits : 0;
                batch.verifications.append(event);
            }
        }
    }
    return batch;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const Latchkey::Test::SeedOptions common(u"The data folder's root key."_s);
    const QCommandLineOption keyOption(u"key"_s, u"KEY_ID:API_ID:EXTERNAL_ID:WEIGHT:CREDITS."_s, u"SPEC"_s);
    parser.addOptions({common.dataDir, common.rootKey, keyOption});
    parser.process(app);
    if (!parser.isSet(common.dataDir) || !parser.isSet(common.rootKey) || !parser.isSet(keyOption))
        return failed(u"--data-dir, --root-key and at least one --key are required"_s);

    QString error;
    const auto opened = Latchkey::Test::openSeedServer(parser, common, &error);
    if (!opened)
        return failed(error);
    Latchkey::Server::Server &server = *opened;
    Latchkey::Store::KeyStore store(server.database());
    QList<HistoryKey> keys;
    for (const QString &spec : parser.values(keyOption)) {
        const QStringList parts = spec.split(u':');
        const auto found = parts.size() == 5 ? store.find(server.defaultWorkspaceId(), parts.at(0))
                                             : std::optional<Latchkey::Store::KeyRecord>();
        if (!found)
            return failed(found.error().detail);
        const std::optional<Latchkey::Store::KeyRecord> &record = *found;
        if (!record)
            return failed(u"no key %1 (expected KEY_ID:API_ID:EXTERNAL_ID:WEIGHT:CREDITS)"_s.arg(spec));
        HistoryKey key;
        key.base = {.workspaceId = record->workspaceId, .apiId = parts.at(1), .keyspaceId = record->keyspaceId,
                    .keyId = record->id, .identityId = record->identityId, .externalId = parts.at(2),
                    .node = u"history"_s};
        key.weight = parts.at(3).toDouble();
        key.credits = parts.at(4).toLongLong();
        keys.append(key);
    }
    const Latchkey::Store::AnalyticsBatch batch = history(keys, QDateTime::currentMSecsSinceEpoch());
    if (const auto written = Latchkey::Store::AnalyticsStore(server.database()).write(batch); !written)
        return failed(written.error().detail);
    std::printf("latchkey_console_history: %lld events\n", static_cast<long long>(batch.size()));
    server.stop();
    return 0;
}
