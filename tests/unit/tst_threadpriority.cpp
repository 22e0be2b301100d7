// Core::setCurrentThreadPriority: a background thread can lower its own scheduling priority
// (nice 19 or SCHED_IDLE) without touching the thread that started it or its siblings.
#include "core/threadpriority.h"

#include <QThread>
#include <QtTest>

using Latchkey::Core::BackgroundPriority;
using Latchkey::Core::currentThreadPriority;
using Latchkey::Core::setCurrentThreadPriority;

class TestThreadPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lowersOnlyTheCallingThread_data();
    void lowersOnlyTheCallingThread();
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

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"
