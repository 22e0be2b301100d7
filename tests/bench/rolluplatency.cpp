// What rolling a completed minute up (schema 5) costs a strict-durability request: the time of
// one request's analytics write (AnalyticsStore::write() of one event, as AnalyticsSink::storeNow()
// does it on the request thread) when it is an ordinary one, when it is the first two minutes on
// and rolls the completed minute up in its own transaction (RollUp::InBatch, before session 13),
// and when it leaves that to the writer (RollUp::Elsewhere), and the writer's own roll-up
// transaction, for 1 to 10,000 keys in the completed minute. Not a test: prints a table
// (docs/BENCHMARKS.md).
//
//   latchkey_rollup_latency [keys...]      (default 1 100 1000 10000)

#include "store/analyticsstore.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Start = 1'780'000'020'000; // a minute start, 2026

Core::VerificationEvent event(int key, qint64 timeMs)
{
    Core::VerificationEvent e;
    e.requestId = u"req_%1_%2"_s.arg(key).arg(timeMs);
    e.timeMs = timeMs;
    e.workspaceId = u"ws_1"_s;
    e.apiId = u"api_1"_s;
    e.keyspaceId = u"ks_1"_s;
    e.keyId = u"key_%1"_s.arg(key);
    e.outcome = u"VALID"_s;
    e.latencyUs = 100 + key % 900;
    e.node = u"node-a"_s;
    return e;
}

qint64 timedWriteUs(Store::AnalyticsStore &store, const Core::VerificationEvent &e, Store::AnalyticsStore::RollUp mode)
{
    QElapsedTimer timer;
    timer.start();
    if (!store.write({{e}, {}}, mode))
        qFatal("write failed");
    return timer.nsecsElapsed() / 1000;
}

/// A store whose minute Start holds one event of each of @p keys keys (what a roll-up reads).
std::unique_ptr<Store::Database> seeded(const QTemporaryDir &dir, const QString &name, int keys)
{
    auto db = Store::Database::open(dir.filePath(name));
    if (!db)
        qFatal("open failed");
    Store::AnalyticsBatch minute;
    for (int k = 0; k < keys; ++k)
        minute.verifications.append(event(k, Start + k % 50'000));
    if (!Store::AnalyticsStore(**db).write(minute))
        qFatal("seed failed");
    return std::move(*db);
}

} // namespace

int main(int argc, char **argv)
{
    using RollUp = Store::AnalyticsStore::RollUp;
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &arg : app.arguments().mid(1))
        sizes.append(arg.toInt());
    if (sizes.isEmpty())
        sizes = {1, 100, 1000, 10000};
    QTextStream out(stdout);
    out << "keys | ordinary request (median of 50) | request two minutes on, rolling up in its transaction"
           " (InBatch) | the same request, RollUp::Elsewhere | the writer's writeRollUp() (all in us)\n";
    for (const int keys : sizes) {
        QTemporaryDir dir;
        // InBatch: the request two minutes on rolls minute Start up in its own transaction.
        auto inBatch = seeded(dir, u"inbatch.db"_s, keys);
        Store::AnalyticsStore inBatchStore(*inBatch);
        std::vector<qint64> ordinary;
        for (int i = 0; i < 50; ++i)
            ordinary.push_back(timedWriteUs(inBatchStore, event(i % keys, Start + 55'000 + i), RollUp::InBatch));
        std::sort(ordinary.begin(), ordinary.end());
        const qint64 rolling = timedWriteUs(inBatchStore, event(0, Start + 2 * Minute), RollUp::InBatch);
        // Elsewhere: the same request stores its event only; the writer rolls up in a transaction of its own.
        auto elsewhere = seeded(dir, u"elsewhere.db"_s, keys);
        Store::AnalyticsStore elsewhereStore(*elsewhere);
        const qint64 notRolling = timedWriteUs(elsewhereStore, event(0, Start + 2 * Minute), RollUp::Elsewhere);
        QElapsedTimer timer;
        timer.start();
        if (!elsewhereStore.writeRollUp(Start + 2 * Minute))
            qFatal("roll-up failed");
        const qint64 writer = timer.nsecsElapsed() / 1000;
        out << keys << " | " << ordinary[ordinary.size() / 2] << " | " << rolling << " | " << notRolling << " | "
            << writer << '\n';
        out.flush();
    }
    return 0;
}
