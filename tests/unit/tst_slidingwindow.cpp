#include "core/clock.h"
#include "limits/slidingwindow.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Limits::LimitRequest;
using Limits::LimitResult;
using Limits::SlidingWindowLimiter;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Day = 24 * 60 * Minute;
constexpr qint64 Duration = 10 * Second;
// A multiple of 10 s, 1 min and 30 days, so every window used below starts here.
constexpr qint64 WindowStart = 1'700'352'000'000;
constexpr qint64 Huge = 1'000'000'000;

LimitRequest request(qint64 limit, qint64 durationMs, qint64 cost = 1, const QString &identifier = u"key_1"_s,
    const QString &ns = u"requests"_s)
{
    return {u"ws_1"_s, ns, identifier, limit, durationMs, cost};
}

} // namespace

class TestSlidingWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unkeyDecisionTable_data();
    void unkeyDecisionTable();
    void resetIsEndOfAlignedWindow();
    void deniedChecksConsumeNothing();
    void windowRollOver();
    void countersAreKeyedByAllParts();
    void limitZeroDenies_data();
    void limitZeroDenies();
    void checkAllPassesAndConsumesAll();
    void checkAllIsAllOrNothing();
    void monthlyCounterSurvivesMinuteRejection();
    void checkAllSumsRepeatedCounter();
    void evictionDropsOnlyStaleCounters();
    void concurrentChecksAdmitExactlyTheLimit();
    void concurrentBatchesDoNotDeadlock();
};

void TestSlidingWindow::unkeyDecisionTable_data()
{
    QTest::addColumn<qint64>("previous");
    QTest::addColumn<qint64>("current");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<qint64>("cost");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<qint64>("remaining");

    // Unkey ratelimit_test.go TestRatelimit_SlidingWindowDecision, limit 10 (reference §3.1).
    QTest::newRow("empty") << 0LL << 0LL << 0LL << 1LL << true << 9LL;
    QTest::newRow("cur 9") << 0LL << 9LL << 0LL << 1LL << true << 0LL;
    QTest::newRow("cur 10, cost 0") << 0LL << 10LL << 0LL << 0LL << true << 0LL;
    QTest::newRow("cur 10, cost 1") << 0LL << 10LL << 0LL << 1LL << false << 0LL;
    QTest::newRow("cur 5, prev 10, half elapsed") << 10LL << 5LL << Duration / 2 << 1LL << false << 0LL;
    QTest::newRow("cur 5, prev 10, 99% elapsed") << 10LL << 5LL << Duration * 99 / 100 << 1LL << true << 4LL;
    QTest::newRow("cost 100 on empty") << 0LL << 0LL << 0LL << 100LL << false << 0LL;
    QTest::newRow("cost 0 on empty") << 0LL << 0LL << 0LL << 0LL << true << 10LL;
    QTest::newRow("prev 10 truncates toward zero") << 10LL << 0LL << 2500LL << 3LL << true << 0LL;
}

void TestSlidingWindow::unkeyDecisionTable()
{
    QFETCH(qint64, previous);
    QFETCH(qint64, current);
    QFETCH(qint64, elapsedMs);
    QFETCH(qint64, cost);
    QFETCH(bool, passed);
    QFETCH(qint64, remaining);

    // The counter does not depend on the limit, so a huge limit fills it without denials.
    Core::ManualClock clock(WindowStart - Duration);
    SlidingWindowLimiter limiter(clock);
    if (previous > 0)
        QVERIFY(limiter.check(request(Huge, Duration, previous)).passed);
    clock.setNowMs(WindowStart);
    if (current > 0)
        QVERIFY(limiter.check(request(Huge, Duration, current)).passed);

    clock.setNowMs(WindowStart + elapsedMs);
    const LimitResult result = limiter.check(request(10, Duration, cost));
    QCOMPARE(result.passed, passed);
    QCOMPARE(result.remaining, remaining);
    QCOMPARE(result.limit, 10);
    QCOMPARE(result.resetMs, WindowStart + Duration);
}

void TestSlidingWindow::resetIsEndOfAlignedWindow()
{
    Core::ManualClock clock(WindowStart + 12'345);
    SlidingWindowLimiter limiter(clock);
    QCOMPARE(limiter.check(request(5, Duration)).resetMs, WindowStart + 20'000);
    QCOMPARE(limiter.check(request(5, Minute)).resetMs, WindowStart + Minute);
    clock.setNowMs(WindowStart + Minute - 1);
    QCOMPARE(limiter.check(request(5, Minute)).resetMs, WindowStart + Minute);
    clock.setNowMs(WindowStart + Minute);
    QCOMPARE(limiter.check(request(5, Minute)).resetMs, WindowStart + 2 * Minute);
}

void TestSlidingWindow::deniedChecksConsumeNothing()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    QVERIFY(limiter.check(request(10, Duration, 8)).passed);
    QVERIFY(!limiter.check(request(10, Duration, 3)).passed);
    QVERIFY(!limiter.check(request(10, Duration, 3)).passed);
    const LimitResult result = limiter.check(request(10, Duration, 2));
    QVERIFY(result.passed);
    QCOMPARE(result.remaining, 0);
}

void TestSlidingWindow::windowRollOver()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    for (int i = 0; i < 10; ++i)
        QVERIFY(limiter.check(request(10, Duration)).passed);
    QVERIFY(!limiter.check(request(10, Duration)).passed);

    // At the start of the next window the previous one still counts fully.
    clock.setNowMs(WindowStart + Duration);
    LimitResult result = limiter.check(request(10, Duration));
    QVERIFY(!result.passed);
    QCOMPARE(result.resetMs, WindowStart + 2 * Duration);

    // Half way through, half of it: 0 + 5 + 1 = 6.
    clock.setNowMs(WindowStart + Duration + Duration / 2);
    result = limiter.check(request(10, Duration));
    QVERIFY(result.passed);
    QCOMPARE(result.remaining, 4);

    // Two windows later only the (now previous) window's single request weighs in.
    clock.setNowMs(WindowStart + 2 * Duration);
    result = limiter.check(request(10, Duration));
    QVERIFY(result.passed);
    QCOMPARE(result.remaining, 8);

    clock.setNowMs(WindowStart + 5 * Duration);
    QCOMPARE(limiter.check(request(10, Duration)).remaining, 9);
}

void TestSlidingWindow::countersAreKeyedByAllParts()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    QVERIFY(limiter.check(request(1, Duration)).passed);
    QVERIFY(!limiter.check(request(1, Duration)).passed);

    QVERIFY2(limiter.check(request(1, Minute)).passed, "another duration is another counter");
    QVERIFY(limiter.check(request(1, Duration, 1, u"key_2"_s)).passed);
    QVERIFY(limiter.check(request(1, Duration, 1, u"key_1"_s, u"other"_s)).passed);
    LimitRequest otherWorkspace = request(1, Duration);
    otherWorkspace.workspaceId = u"ws_2"_s;
    QVERIFY(limiter.check(otherWorkspace).passed);
    QCOMPARE(limiter.counterCount(), 5);

    // The limit is not part of the identity: a larger limit sees the same count.
    const LimitResult larger = limiter.check(request(5, Duration, 0));
    QVERIFY(larger.passed);
    QCOMPARE(larger.remaining, 4);
}

void TestSlidingWindow::limitZeroDenies_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<qint64>("cost");

    QTest::newRow("limit 0") << 0LL << Duration << 1LL;
    QTest::newRow("limit 0, cost 0") << 0LL << Duration << 0LL;
    QTest::newRow("negative limit") << -3LL << Duration << 1LL;
    QTest::newRow("duration 0") << 10LL << 0LL << 1LL;
    QTest::newRow("negative duration") << 10LL << -Duration << 1LL;
    QTest::newRow("negative cost") << 10LL << Duration << -1LL;
}

void TestSlidingWindow::limitZeroDenies()
{
    QFETCH(qint64, limit);
    QFETCH(qint64, durationMs);
    QFETCH(qint64, cost);

    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    const LimitResult result = limiter.check(request(limit, durationMs, cost));
    QVERIFY(!result.passed);
    QCOMPARE(result.remaining, 0);
    QCOMPARE(result.limit, limit);
    QCOMPARE(limiter.counterCount(), 0);

    // In a batch it blocks the others, which consume nothing.
    const QList<LimitResult> batch
        = limiter.checkAll({request(100, Minute, 1, u"other"_s), request(limit, durationMs, cost)});
    QVERIFY(batch[0].passed);
    QVERIFY(!batch[1].passed);
    QCOMPARE(limiter.counterCount(), 0);
}

void TestSlidingWindow::checkAllPassesAndConsumesAll()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    const QList<LimitResult> results
        = limiter.checkAll({request(10, Duration, 2, u"a"_s), request(5, Minute, 1, u"b"_s)});
    QCOMPARE(results.size(), 2);
    QVERIFY(results[0].passed && results[1].passed);
    QCOMPARE(results[0].remaining, 8);
    QCOMPARE(results[1].remaining, 4);
    QCOMPARE(results[0].resetMs, WindowStart + Duration);
    QCOMPARE(results[1].resetMs, WindowStart + Minute);
    QCOMPARE(limiter.check(request(10, Duration, 0, u"a"_s)).remaining, 8);
    QCOMPARE(limiter.check(request(5, Minute, 0, u"b"_s)).remaining, 4);
    QVERIFY(limiter.checkAll({}).isEmpty());
}

void TestSlidingWindow::checkAllIsAllOrNothing()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    QVERIFY(limiter.check(request(3, Duration, 3, u"full"_s)).passed);

    const QList<LimitResult> results
        = limiter.checkAll({request(10, Duration, 2, u"a"_s), request(3, Duration, 1, u"full"_s)});
    QVERIFY(results[0].passed);
    QCOMPARE(results[0].remaining, 10); // 10 - 2 + 2: its cost was not consumed
    QVERIFY(!results[1].passed);
    QCOMPARE(results[1].remaining, 0);
    QCOMPARE(limiter.check(request(10, Duration, 0, u"a"_s)).remaining, 10);
    QCOMPARE(limiter.counterCount(), 1);
}

void TestSlidingWindow::monthlyCounterSurvivesMinuteRejection()
{
    // Unkey "monthly counter should be incremented when minute limit is hit".
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    const QList<LimitRequest> limits {
        request(200, 30 * Day, 1, u"key_1"_s, u"monthly"_s), request(12, Minute, 1, u"key_1"_s, u"minute"_s)};
    for (int i = 1; i <= 12; ++i) {
        clock.setNowMs(WindowStart + i * Second);
        const QList<LimitResult> results = limiter.checkAll(limits);
        QVERIFY(results[0].passed && results[1].passed);
        QCOMPARE(results[0].remaining, 200 - i);
        QCOMPARE(results[1].remaining, 12 - i);
    }
    clock.setNowMs(WindowStart + 13 * Second);
    const QList<LimitResult> rejected = limiter.checkAll(limits);
    QVERIFY(rejected[0].passed);
    QVERIFY(!rejected[1].passed);
    QCOMPARE(rejected[0].remaining, 188);
    QCOMPARE(limiter.check(request(200, 30 * Day, 0, u"key_1"_s, u"monthly"_s)).remaining, 188);

    // Two minutes later the minute window is clear and the monthly count continues at 12.
    clock.setNowMs(WindowStart + 2 * Minute);
    const QList<LimitResult> later = limiter.checkAll(limits);
    QVERIFY(later[0].passed && later[1].passed);
    QCOMPARE(later[0].remaining, 187);
}

void TestSlidingWindow::checkAllSumsRepeatedCounter()
{
    // The same counter twice in one batch: both costs count, as if applied together.
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    const QList<LimitResult> results = limiter.checkAll({request(3, Duration, 2), request(3, Duration, 2)});
    QVERIFY(!results[0].passed && !results[1].passed);
    QCOMPARE(limiter.check(request(3, Duration, 0)).remaining, 3);

    const QList<LimitResult> fits = limiter.checkAll({request(3, Duration, 1), request(3, Duration, 2)});
    QVERIFY(fits[0].passed && fits[1].passed);
    QCOMPARE(limiter.check(request(3, Duration, 0)).remaining, 0);
}

void TestSlidingWindow::evictionDropsOnlyStaleCounters()
{
    Core::ManualClock clock(WindowStart);
    SlidingWindowLimiter limiter(clock);
    QVERIFY(limiter.check(request(10, Duration, 1, u"short"_s)).passed);
    QVERIFY(limiter.check(request(10, Minute, 1, u"long"_s)).passed);
    QCOMPARE(limiter.counterCount(), 2);

    clock.setNowMs(WindowStart + 3 * Duration);
    limiter.evictExpired();
    QCOMPARE(limiter.counterCount(), 2);

    clock.setNowMs(WindowStart + 3 * Duration + 1);
    limiter.evictExpired();
    QCOMPARE(limiter.counterCount(), 1);

    clock.setNowMs(WindowStart + 3 * Minute + 1);
    limiter.evictExpired();
    QCOMPARE(limiter.counterCount(), 0);
    QCOMPARE(limiter.check(request(10, Minute, 1, u"long"_s)).remaining, 9);
}

void TestSlidingWindow::concurrentChecksAdmitExactlyTheLimit()
{
    Core::ManualClock clock(WindowStart + Second);
    SlidingWindowLimiter limiter(clock);
    std::atomic<int> passed = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                if (limiter.check(request(500, Minute)).passed)
                    passed.fetch_add(1);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(passed.load(), 500);
}

void TestSlidingWindow::concurrentBatchesDoNotDeadlock()
{
    // Batches naming the same counters in opposite orders, across many shards.
    Core::ManualClock clock(WindowStart + Second);
    SlidingWindowLimiter limiter(clock);
    std::atomic<int> passed = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                QList<LimitRequest> batch;
                for (int k = 0; k < 6; ++k)
                    batch.append(request(Huge, Minute, 1, u"id_%1"_s.arg((i + k * 7) % 40)));
                if (t % 2)
                    std::reverse(batch.begin(), batch.end());
                const QList<LimitResult> results = limiter.checkAll(batch);
                if (std::all_of(results.begin(), results.end(), [](const LimitResult &r) { return r.passed; }))
                    passed.fetch_add(1);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(passed.load(), 8 * 2000);
    qint64 total = 0;
    for (int id = 0; id < 40; ++id)
        total += Huge - limiter.check(request(Huge, Minute, 0, u"id_%1"_s.arg(id))).remaining;
    QCOMPARE(total, 8 * 2000 * 6);
}

QTEST_APPLESS_MAIN(TestSlidingWindow)
#include "tst_slidingwindow.moc"
