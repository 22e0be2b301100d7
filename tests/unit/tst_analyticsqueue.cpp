// The event queue between request threads and the analytics writer: bounded, FIFO, safe with many
// producers, and publishing never waits — not on a full queue, not on a busy database.

#include "analytics/analyticssink.h"
#include "analytics/eventqueue.h"
#include "core/clock.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

// The writer's "queue full" reports, collected instead of printed (see fullQueueDropsAndCounts).
QMutex reportsLock;
QStringList queueFullReports;
QtMessageHandler previousHandler = nullptr;

void collectQueueFullReports(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(u"analytics queue full"_s)) {
        QMutexLocker locker(&reportsLock);
        queueFullReports.append(message);
        return;
    }
    previousHandler(type, context, message);
}

Core::VerificationEvent verification(int i)
{
    Core::VerificationEvent e;
    e.requestId = u"req_"_s + QString::number(i);
    e.timeMs = 1'767'225'600'000 + i;
    e.workspaceId = u"ws_1"_s;
    e.keyId = u"key_1"_s;
    e.outcome = u"VALID"_s;
    return e;
}

} // namespace

class TestAnalyticsQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fifoAndBounded();
    void capacityIsRoundedUpToAPowerOfTwo();
    void manyProducersLoseNothingThatWasAccepted();
    void fullQueueDropsAndCounts();
    void publishDoesNotWaitForABusyDatabase();
};

void TestAnalyticsQueue::fifoAndBounded()
{
    Analytics::BoundedQueue<int> queue(4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(queue.push(int(i)));
    QVERIFY(!queue.push(99)); // full: fails at once
    QCOMPARE(queue.size(), std::size_t(4));
    int out = -1;
    QVERIFY(queue.pop(out));
    QCOMPARE(out, 0);
    QVERIFY(queue.push(4)); // the freed slot is reused
    for (int expected = 1; expected <= 4; ++expected) {
        QVERIFY(queue.pop(out));
        QCOMPARE(out, expected);
    }
    QVERIFY(!queue.pop(out));
    QCOMPARE(queue.size(), std::size_t(0));
    QCOMPARE(queue.pushed(), std::size_t(5));
}

void TestAnalyticsQueue::capacityIsRoundedUpToAPowerOfTwo()
{
    QCOMPARE(Analytics::BoundedQueue<int>(1000).capacity(), std::size_t(1024));
    QCOMPARE(Analytics::BoundedQueue<int>(0).capacity(), std::size_t(2));
    QCOMPARE(Analytics::EventQueue(16384).capacity(), std::size_t(16384));
}

void TestAnalyticsQueue::manyProducersLoseNothingThatWasAccepted()
{
    // Four producers push 50,000 values each into a small queue while one consumer pops: every
    // accepted value comes out exactly once, and each producer's values in its own order.
    constexpr int Producers = 4;
    constexpr int PerProducer = 50'000;
    Analytics::BoundedQueue<qint64> queue(256);
    std::atomic<int> accepted {0};
    std::atomic<bool> producing {true};
    std::vector<std::thread> producers;
    for (int p = 0; p < Producers; ++p) {
        producers.emplace_back([&, p] {
            for (int i = 0; i < PerProducer; ++i) {
                if (queue.push(qint64(p) * PerProducer + i))
                    accepted.fetch_add(1);
            }
        });
    }
    std::vector<int> lastSeen(Producers, -1);
    int popped = 0;
    bool ordered = true;
    const auto take = [&](qint64 value) {
        const auto producer = size_t(value / PerProducer);
        const int index = int(value % PerProducer);
        ordered = ordered && index > lastSeen[producer];
        lastSeen[producer] = index;
        ++popped;
    };
    std::thread stopper([&] {
        for (std::thread &producer : producers)
            producer.join();
        producing.store(false);
    });
    qint64 value = 0;
    for (;;) {
        if (queue.pop(value)) {
            take(value);
        } else if (!producing.load()) {
            while (queue.pop(value))
                take(value);
            break;
        }
    }
    stopper.join();
    QVERIFY(ordered);
    QCOMPARE(popped, accepted.load());
    QVERIFY(accepted.load() > 0);
}

void TestAnalyticsQueue::fullQueueDropsAndCounts()
{
    QTemporaryDir dir;
    auto db = Store::Database::open(dir.filePath(u"q.db"_s));
    QVERIFY(db);
    Core::ManualClock clock;
    Analytics::AnalyticsSink::Options options;
    options.queueCapacity = 8;
    Analytics::AnalyticsSink sink(**db, clock, options);
    sink.start();
    // Hold the write lock so the writer cannot empty the queue while we fill it.
    QSemaphore locked;
    QSemaphore release;
    // A QThread (not std::thread), so its database connection is closed when it ends.
    std::unique_ptr<QThread> holder(QThread::create([&] {
        (void)(*db)->write([&] {
            locked.release();
            release.acquire();
            return Core::Status();
        });
    }));
    holder->start();
    locked.acquire();
    // Reported by the writer, never by publish(): at most once per interval, so here once when it
    // first sees drops and, if more came after that report, once more when it stops.
    queueFullReports.clear();
    previousHandler = qInstallMessageHandler(collectQueueFullReports);
    // The writer takes the first events into its batch and then blocks on the lock; publish until
    // the queue is full, then 100 more.
    QElapsedTimer timer;
    timer.start();
    int published = 0;
    while (sink.metrics().dropped == 0) {
        sink.publish(verification(published++));
        QVERIFY(published < 10'000);
    }
    for (int i = 0; i < 100; ++i)
        sink.publish(verification(published++));
    const qint64 elapsedMs = timer.elapsed();
    const Analytics::AnalyticsMetricsSnapshot metrics = sink.metrics();
    QCOMPARE(metrics.dropped + metrics.published, quint64(published));
    // The writer may still be pulling the first events into its batch while the queue fills, so
    // some of the extra 100 can find a free slot: at least one was dropped, and none was lost.
    QVERIFY(metrics.dropped >= 1);
    QVERIFY(metrics.queueDepth <= 8);
    QCOMPARE(metrics.queueCapacity, quint64(8));
    QVERIFY2(elapsedMs < 500, qPrintable(QString::number(elapsedMs))); // never waited for the lock
    release.release();
    holder->wait();

    // What was accepted is written; what was dropped is not.
    sink.stop();
    qInstallMessageHandler(previousHandler);
    QSqlQuery count = (*db)->prepare(u"SELECT count(*) FROM verification_events"_s);
    QVERIFY(Store::exec(count) && count.next());
    QCOMPARE(count.value(0).toULongLong(), metrics.published);

    // One or two reports, and together they name every dropped event exactly once.
    QVERIFY2(!queueFullReports.isEmpty() && queueFullReports.size() <= 2, qPrintable(queueFullReports.join(u" | "_s)));
    static const QRegularExpression droppedSince(u"^analytics queue full: (\\d+) events dropped"_s);
    quint64 reported = 0;
    for (const QString &report : std::as_const(queueFullReports))
        reported += droppedSince.match(report).captured(1).toULongLong();
    QCOMPARE(reported, metrics.dropped);
}

void TestAnalyticsQueue::publishDoesNotWaitForABusyDatabase()
{
    QTemporaryDir dir;
    auto db = Store::Database::open(dir.filePath(u"q.db"_s));
    QVERIFY(db);
    Core::ManualClock clock;
    Analytics::AnalyticsSink sink(**db, clock, {});
    sink.start();
    QSemaphore locked;
    // A QThread (not std::thread), so its database connection is closed when it ends.
    std::unique_ptr<QThread> holder(QThread::create([&] {
        (void)(*db)->write([&] {
            locked.release();
            QThread::msleep(600);
            return Core::Status();
        });
    }));
    holder->start();
    locked.acquire();
    QElapsedTimer timer;
    timer.start();
    qint64 slowest = 0;
    for (int i = 0; i < 5000; ++i) {
        QElapsedTimer one;
        one.start();
        sink.publish(verification(i));
        slowest = std::max(slowest, one.nsecsElapsed());
    }
    const qint64 totalMs = timer.elapsed();
    holder->wait();
    QVERIFY2(totalMs < 450, qPrintable(QString::number(totalMs)));
    QVERIFY2(slowest < 100'000'000, qPrintable(QString::number(slowest))); // no publish waited 100 ms
    QCOMPARE(sink.metrics().dropped, quint64(0));
    QVERIFY(sink.flush());
    QCOMPARE(sink.metrics().eventsWritten, quint64(5000));
}

QTEST_GUILESS_MAIN(TestAnalyticsQueue)
#include "tst_analyticsqueue.moc"
