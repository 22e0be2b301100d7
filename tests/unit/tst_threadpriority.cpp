// Core::setCurrentThreadPriority: a background thread can lower its own scheduling priority
// (nice 19 or SCHED_IDLE) without touching the thread that started it or its siblings.
#include "core/threadpriority.h"

#include <QSemaphore>
#include <QThread>
#include <QtTest>

using Latchkey::Core::BackgroundPriority;
using Latchkey::Core::currentThreadPriority;
using Latchkey::Core::setCurrentThreadPriority;
using Latchkey::Core::setThreadPriority;

class TestThreadPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lowersOnlyTheCallingThread_data();
    void lowersOnlyTheCallingThread();
    void anotherThreadRaisesItBack_data();
    void anotherThreadRaisesItBack();
};

void TestThreadPriority::lowersOnlyTheCallingThread_data()
{
    QTest::addColumn<BackgroundPriority>("priority");
    QTest::newRow("low (nice 19)") << BackgroundPriority::Low;
    QTest::newRow("idle (SCHED_IDLE)") << BackgroundPriority::Idle;
}

void TestThreadPriority::lowersOnlyTheCallingThread()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are set on Linux only");
#endif
    QFETCH(BackgroundPriority, priority);
    QCOMPARE(currentThreadPriority(), BackgroundPriority::Normal);
    bool applied = false;
    BackgroundPriority seen = BackgroundPriority::Normal;
    BackgroundPriority sibling = BackgroundPriority::Idle;
    QThread *lowered = QThread::create([&] {
        applied = setCurrentThreadPriority(priority);
        seen = currentThreadPriority();
    });
    lowered->start();
    QVERIFY(lowered->wait(30'000));
    delete lowered;
    QThread *other = QThread::create([&] { sibling = currentThreadPriority(); });
    other->start();
    QVERIFY(other->wait(30'000));
    delete other;
    QVERIFY(applied);
    QCOMPARE(seen, priority);
    QCOMPARE(sibling, BackgroundPriority::Normal); // threads started by this one are untouched
    QCOMPARE(currentThreadPriority(), BackgroundPriority::Normal);
}

void TestThreadPriority::anotherThreadRaisesItBack_data()
{
    lowersOnlyTheCallingThread_data();
}

// What the analytics writer relies on: a request thread raises the lowered writer by its thread id.
void TestThreadPriority::anotherThreadRaisesItBack()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are set on Linux only");
#endif
    QFETCH(BackgroundPriority, priority);
    if (!Latchkey::Core::canRestoreNormalPriority())
        QSKIP("this process may not raise a thread again (RLIMIT_NICE below 20, no CAP_SYS_NICE)");
    QSemaphore lowered;
    QSemaphore raised;
    std::atomic<qint64> tid {0};
    BackgroundPriority before = BackgroundPriority::Normal;
    BackgroundPriority after = BackgroundPriority::Idle;
    QThread *thread = QThread::create([&] {
        (void)setCurrentThreadPriority(priority);
        before = currentThreadPriority();
        tid = Latchkey::Core::currentThreadId();
        lowered.release();
        raised.acquire();
        after = currentThreadPriority();
    });
    thread->start();
    QVERIFY(lowered.tryAcquire(1, 30'000));
    QVERIFY(tid.load() > 0);
    const bool set = setThreadPriority(tid.load(), BackgroundPriority::Normal);
    raised.release();
    QVERIFY(thread->wait(30'000));
    delete thread;
    QCOMPARE(before, priority);
    QVERIFY(set);
    QCOMPARE(after, BackgroundPriority::Normal);
    QVERIFY(!setThreadPriority(0x7fff'fff0, BackgroundPriority::Normal)); // no such thread: refused
}

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"
