// Tests of Latchkey::Http::EpollEventDispatcher, the HTTP worker threads' event loop: each test
// runs a QThread with the dispatcher installed and drives it from the test thread, the way
// HttpServer uses it (timers, posted events, queued calls from other threads, socket notifiers).

#include "http/epolleventdispatcher.h"

#include <QMutex>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using Latchkey::Http::EpollEventDispatcher;

namespace {

constexpr int kWaitMs = 10000;

/// A started thread running EpollEventDispatcher, with an object living on it to post to.
struct EpollThread {
    EpollThread()
    {
        auto *dispatcher = new EpollEventDispatcher;
        valid = dispatcher->isValid();
        thread.setEventDispatcher(dispatcher);
        context.moveToThread(&thread);
        thread.start();
    }
    ~EpollThread()
    {
        thread.quit();
        thread.wait();
    }
    /// Runs @p function on the thread and waits for it.
    template <typename Function> void run(Function function)
    {
        QMetaObject::invokeMethod(&context, function, Qt::BlockingQueuedConnection);
    }

    QThread thread;
    QObject context;
    bool valid = false;
};

/// Records, under a lock, what happened on the dispatcher's thread.
struct Log {
    void add(const QString &entry)
    {
        QMutexLocker locker(&mutex);
        entries.append(entry);
    }
    QStringList snapshot()
    {
        QMutexLocker locker(&mutex);
        return entries;
    }
    QMutex mutex;
    QStringList entries;
};

} // namespace

using namespace Qt::StringLiterals;

class TestHttpDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isInstalledOnTheThread();
    void timersFireInDeadlineOrder();
    void stoppedTimerNeverFires();
    void periodicTimerRepeatsAndReportsRemainingTime();
    void zeroTimerAndSingleShotsArrive();
    void queuedCallsFromManyThreadsArriveInOrderPerSender();
    void postedEventsAndDeferredDeleteArrive();
    void readNotifierFollowsDataAndEnabling();
    void writeNotifierAndHangUp();
    void quitEndsABlockedLoopPromptly();
};

void TestHttpDispatcher::isInstalledOnTheThread()
{
    EpollThread worker;
    QVERIFY(worker.valid);
    QAbstractEventDispatcher *seen = nullptr;
    worker.run([&] { seen = QAbstractEventDispatcher::instance(); });
    QVERIFY(qobject_cast<EpollEventDispatcher *>(seen));
}

void TestHttpDispatcher::timersFireInDeadlineOrder()
{
    EpollThread worker;
    Log log;
    QSemaphore done;
    worker.run([&] {
        // Registered out of order; each fires once, in deadline order. 200 ms apart, so a stall
        // of the (loaded, sanitized) test machine while registering cannot reorder them.
        for (const int ms : {800, 200, 600, 400}) {
            QTimer::singleShot(ms, &worker.context, [&log, &done, ms] {
                log.add(QString::number(ms));
                done.release();
            });
        }
    });
    QVERIFY(done.tryAcquire(4, kWaitMs));
    QCOMPARE(log.snapshot(), QStringList({u"200"_s, u"400"_s, u"600"_s, u"800"_s}));
}

void TestHttpDispatcher::stoppedTimerNeverFires()
{
    EpollThread worker;
    std::atomic<int> cancelledFired {0};
    QSemaphore done;
    QTimer *cancelled = nullptr;
    worker.run([&] {
        cancelled = new QTimer(&worker.context);
        cancelled->setSingleShot(true);
        connect(cancelled, &QTimer::timeout, &worker.context, [&] { ++cancelledFired; });
        cancelled->start(20);
        // A later timer proves the loop ran well past the cancelled one's deadline.
        QTimer::singleShot(150, &worker.context, [&] { done.release(); });
    });
    bool activeBeforeStop = false;
    bool activeAfterStop = true;
    worker.run([&] {
        activeBeforeStop = cancelled->isActive();
        cancelled->stop();
        activeAfterStop = cancelled->isActive();
    });
    QVERIFY(activeBeforeStop);
    QVERIFY(!activeAfterStop);
    QVERIFY(done.tryAcquire(1, kWaitMs));
    QCOMPARE(cancelledFired.load(), 0);

    // Unregistering every timer of an object (what its destruction does) works too.
    qsizetype registered = 0;
    bool unregistered = false;
    qsizetype left = -1;
    worker.run([&] {
        QObject object;
        object.startTimer(5);
        object.startTimer(50);
        auto *dispatcher = QAbstractEventDispatcher::instance();
        registered = dispatcher->registeredTimers(&object).size();
        unregistered = dispatcher->unregisterTimers(&object);
        left = dispatcher->registeredTimers(&object).size();
    });
    QCOMPARE(registered, 2);
    QVERIFY(unregistered);
    QCOMPARE(left, 0);
}

void TestHttpDispatcher::periodicTimerRepeatsAndReportsRemainingTime()
{
    EpollThread worker;
    std::atomic<int> ticks {0};
    QSemaphore fiveTicks;
    QTimer *timer = nullptr;
    worker.run([&] {
        timer = new QTimer(&worker.context);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, &worker.context, [&] {
            if (++ticks == 5)
                fiveTicks.release();
        });
        timer->start();
    });
    QVERIFY(fiveTicks.tryAcquire(1, kWaitMs));
    int remaining = -2;
    int remainingStopped = -2;
    worker.run([&] {
        remaining = timer->remainingTime();
        timer->stop();
        remainingStopped = timer->remainingTime();
    });
    QVERIFY2(remaining >= 0 && remaining <= 10, qPrintable(QString::number(remaining)));
    QCOMPARE(remainingStopped, -1);
    const int stoppedAt = ticks.load();
    QTest::qWait(60);
    QCOMPARE(ticks.load(), stoppedAt);
}

void TestHttpDispatcher::zeroTimerAndSingleShotsArrive()
{
    EpollThread worker;
    QSemaphore done;
    worker.run([&] {
        QTimer::singleShot(0, &worker.context, [&] { done.release(); });
        auto *zero = new QTimer(&worker.context);
        zero->setInterval(0);
        connect(zero, &QTimer::timeout, &worker.context, [&done, zero] {
            zero->stop();
            done.release();
        });
        zero->start();
    });
    QVERIFY(done.tryAcquire(2, kWaitMs));
}

void TestHttpDispatcher::queuedCallsFromManyThreadsArriveInOrderPerSender()
{
    EpollThread worker;
    constexpr int kSenders = 4;
    constexpr int kCallsEach = 2000;
    std::vector<int> lastSeen(kSenders, -1); // touched on the worker thread only
    std::atomic<int> outOfOrder {0};
    QSemaphore arrived;
    std::vector<std::unique_ptr<QThread>> senders;
    for (int sender = 0; sender < kSenders; ++sender) {
        senders.emplace_back(QThread::create([&, sender] {
            for (int i = 0; i < kCallsEach; ++i) {
                QMetaObject::invokeMethod(
                    &worker.context,
                    [&, sender, i] {
                        if (lastSeen[size_t(sender)] != i - 1)
                            ++outOfOrder;
                        lastSeen[size_t(sender)] = i;
                        arrived.release();
                    },
                    Qt::QueuedConnection);
            }
        }));
        senders.back()->start();
    }
    for (const auto &sender : senders)
        QVERIFY(sender->wait(kWaitMs));
    QVERIFY(arrived.tryAcquire(kSenders * kCallsEach, kWaitMs));
    QCOMPARE(outOfOrder.load(), 0);
}

void TestHttpDispatcher::postedEventsAndDeferredDeleteArrive()
{
    EpollThread worker;
    QSemaphore destroyed;
    QObject *doomed = nullptr;
    worker.run([&] {
        doomed = new QObject;
        connect(doomed, &QObject::destroyed, doomed, [&] { destroyed.release(); }, Qt::DirectConnection);
    });
    doomed->deleteLater(); // posted from this thread to an object living on the worker
    QVERIFY(destroyed.tryAcquire(1, kWaitMs));
}

void TestHttpDispatcher::readNotifierFollowsDataAndEnabling()
{
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    EpollThread worker;
    std::atomic<int> activations {0};
    QSocketNotifier *notifier = nullptr;
    worker.run([&] {
        notifier = new QSocketNotifier(pair[0], QSocketNotifier::Read, &worker.context);
        connect(notifier, &QSocketNotifier::activated, &worker.context, [&] {
            ++activations;
            char byte;
            while (::read(pair[0], &byte, 1) == 1) { }
        });
    });
    QTest::qWait(30);
    QCOMPARE(activations.load(), 0); // nothing to read yet

    QCOMPARE(::write(pair[1], "x", 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 1, kWaitMs);

    // Disabled: data waits; enabled again: level-triggered, so it fires for data already there.
    worker.run([&] { notifier->setEnabled(false); });
    QCOMPARE(::write(pair[1], "y", 1), 1);
    QTest::qWait(50);
    QCOMPARE(activations.load(), 1);
    worker.run([&] { notifier->setEnabled(true); });
    QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 2, kWaitMs);

    worker.run([&] { delete notifier; });
    ::close(pair[0]);
    ::close(pair[1]);
}

void TestHttpDispatcher::writeNotifierAndHangUp()
{
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    EpollThread worker;
    std::atomic<int> writable {0};
    std::atomic<int> readable {0};
    QSocketNotifier *writeNotifier = nullptr;
    QSocketNotifier *readNotifier = nullptr;
    worker.run([&] {
        // A read and a write notifier on one descriptor, as a connection has.
        writeNotifier = new QSocketNotifier(pair[0], QSocketNotifier::Write, &worker.context);
        connect(writeNotifier, &QSocketNotifier::activated, &worker.context, [&] {
            ++writable;
            writeNotifier->setEnabled(false); // armed per use, as PlainTcpTransport does
        });
        readNotifier = new QSocketNotifier(pair[0], QSocketNotifier::Read, &worker.context);
        connect(readNotifier, &QSocketNotifier::activated, &worker.context, [&] {
            ++readable;
            readNotifier->setEnabled(false); // end of input: read() would return 0 forever
        });
    });
    QTRY_COMPARE_WITH_TIMEOUT(writable.load(), 1, kWaitMs);
    QCOMPARE(readable.load(), 0);
    ::close(pair[1]); // the peer hangs up: the read notifier learns of it
    QTRY_COMPARE_WITH_TIMEOUT(readable.load(), 1, kWaitMs);
    QTest::qWait(30);
    QCOMPARE(writable.load(), 1);
    worker.run([&] {
        delete writeNotifier;
        delete readNotifier;
    });
    ::close(pair[0]);
}

void TestHttpDispatcher::quitEndsABlockedLoopPromptly()
{
    auto worker = std::make_unique<EpollThread>();
    QTest::qWait(20); // let it block in epoll_wait without timers
    QElapsedTimer clock;
    clock.start();
    worker->thread.quit();
    QVERIFY(worker->thread.wait(kWaitMs));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // A QEventLoop nested on the thread ends through interrupt() as well.
    auto second = std::make_unique<EpollThread>();
    std::atomic<bool> nestedReturned {false};
    QEventLoop *nested = nullptr;
    QSemaphore entered;
    QMetaObject::invokeMethod(&second->context, [&] {
        QEventLoop loop;
        nested = &loop;
        QTimer::singleShot(0, &loop, [&] { entered.release(); }); // runs once exec() runs
        loop.exec();
        nestedReturned = true;
    });
    QVERIFY(entered.tryAcquire(1, kWaitMs));
    QTest::qWait(20); // blocked in epoll_wait by now, most likely
    nested->quit(); // from this thread: the dispatcher's interrupt() must wake it
    QTRY_VERIFY_WITH_TIMEOUT(nestedReturned.load(), kWaitMs);
}

QTEST_GUILESS_MAIN(TestHttpDispatcher)
#include "tst_httpdispatcher.moc"
