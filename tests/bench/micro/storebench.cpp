// Google Benchmark of the store's list queries that grow with the data, over a seeded SQLite file
// (not a test): the audit log's targetName filter over 100k rows and a page of the Owners list
// with rate limits, each next to a reference query of the same run (the log's unfiltered newest
// page; a plain page of the owners), because on this shared machine only a ratio measured side by
// side means something.
// Run: build/tests/bench/micro/latchkey_store_bench --benchmark_min_time=0.5
// Figures and how they were produced: docs/BENCHMARKS.md, "Store list queries".
#include "store/analyticsqueries.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/identitystore.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

const QString Workspace = u"ws_bench"_s;
constexpr int AuditRows = 100'000;
constexpr int NeedleEvery = 10'000; ///< every 10,000th row names the target searched for
constexpr int Identities = 1'000;
constexpr int LimitsPerIdentity = 3;
constexpr int Page = 100;
constexpr qint64 Start = 1'780'000'000'000; // 2026

/// Two targets per row, as a key.update writes them: the key and its API.
QList<Store::AuditEvent> auditEvents()
{
    QList<Store::AuditEvent> events;
    events.reserve(AuditRows);
    for (int i = 0; i < AuditRows; ++i) {
        const QString keyName = i % NeedleEvery == 0 ? u"Zähler-Schlüssel %1"_s.arg(i) : u"key %1"_s.arg(i);
        events.append({Workspace, u"key.update"_s, u"Updated key key_%1."_s.arg(i),
            {{u"key"_s, u"key_%1"_s.arg(i), keyName}, {u"api"_s, u"api_%1"_s.arg(i % 20), u"API %1"_s.arg(i % 20)}}});
    }
    return events;
}

QList<Core::RatelimitConfig> limits()
{
    QList<Core::RatelimitConfig> configs;
    for (int i = 0; i < LimitsPerIdentity; ++i)
        configs.append({{}, u"limit%1"_s.arg(i), 100 + i, 60'000, i == 0});
    return configs;
}

Core::Status seedIdentities(Store::Database &db)
{
    Store::IdentityStore store(db);
    for (int i = 0; i < Identities; ++i) {
        Core::Identity identity;
        identity.externalId = u"customer-%1"_s.arg(i, 5, 10, QChar(u'0'));
        identity.ratelimits = limits();
        if (auto created = store.create(Workspace, identity, 1); !created)
            return created.error();
    }
    return {};
}

/// The seeded store, made once for every benchmark of the run.
Store::Database &database()
{
    static QTemporaryDir dir;
    static std::unique_ptr<Store::Database> db = [] {
        auto opened = Store::Database::open(dir.filePath(u"bench.db"_s));
        if (!opened)
            qFatal("cannot open the store");
        Store::Database &store = **opened;
        const QList<Store::AuditEvent> events = auditEvents();
        const Store::AuditOrigin origin {{u"rootkey"_s, u"rk_bench"_s, u"bench"_s}, u"req_bench"_s, {}, {}};
        Core::Status seeded = store.write([&] {
            Store::AuditLog log(store);
            for (qsizetype i = 0; i < events.size(); ++i) { // a millisecond apart, as mutations come
                if (Core::Status audited = log.append(origin, Start + i, {events.at(i)}); !audited)
                    return audited;
            }
            return seedIdentities(store);
        });
        if (!seeded)
            qFatal("cannot seed the store");
        return std::move(*opened);
    }();
    return *db;
}

/// Reference: the first page of the owners by id, one plain query (what a page costs without its rate limits).
void identityReferencePage(benchmark::State &state)
{
    Store::Database &db = database();
    for (auto _ : state) {
        QSqlQuery query
            = db.prepare(u"SELECT id, external_id, meta FROM identities WHERE workspace_id = ? ORDER BY id LIMIT ?"_s);
        query.addBindValue(Workspace);
        query.addBindValue(Page + 1);
        int rows = 0;
        if (query.exec()) {
            while (query.next())
                ++rows;
        }
        benchmark::DoNotOptimize(rows);
    }
}

/// Reference: the newest page of the log, no filter (100 rows read through the time index).
void auditLogPage(benchmark::State &state)
{
    Store::Database &db = database();
    for (auto _ : state)
        benchmark::DoNotOptimize(Store::AnalyticsQueries(db).auditLog(Workspace, {}, std::nullopt, Page));
}
BENCHMARK(auditLogPage)->Unit(benchmark::kMicrosecond);

/// Ten rows of 100,000 match, in another case ("ZÄHLER" finds "Zähler"): the whole table is searched.
void auditLogTargetName(benchmark::State &state)
{
    Store::Database &db = database();
    Store::AuditLogFilter filter;
    filter.targetName = u"ZÄHLER-schlüssel"_s;
    for (auto _ : state) {
        auto page = Store::AnalyticsQueries(db).auditLog(Workspace, filter, std::nullopt, Page);
        if (!page || page->rows.size() != AuditRows / NeedleEvery)
            state.SkipWithError("unexpected rows");
        benchmark::DoNotOptimize(page);
    }
}
BENCHMARK(auditLogTargetName)->Unit(benchmark::kMicrosecond);

BENCHMARK(identityReferencePage)->Unit(benchmark::kMicrosecond);

/// A page of 100 owners with 3 rate limits each, as identities.listIdentities reads it.
void identityListPage(benchmark::State &state)
{
    Store::Database &db = database();
    for (auto _ : state) {
        auto page = Store::IdentityStore(db).list({Workspace, {}, {}, Page, std::nullopt});
        if (!page || page->identities.size() != Page || page->identities.first().ratelimits.size() != LimitsPerIdentity)
            state.SkipWithError("unexpected page");
        benchmark::DoNotOptimize(page);
    }
}
BENCHMARK(identityListPage)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // Qt Sql wants an application object
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    database(); // seed before the first timing
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
