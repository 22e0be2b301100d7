// The analytics writer's adaptive priority (issue 6): SCHED_IDLE while it keeps up, raised to
// normal by a publisher when events pile up, lowered again once the queue is short; normal
// throughout where the kernel would not let it return from SCHED_IDLE. And the property it exists
// for: on a CPU saturated by the publishing thread, no event is dropped (a writer left at
// SCHED_IDLE drops most of them, which the control case shows).

#include "analytics/analyticssink.h"
#include "core/clock.h"
#include "core/threadpriority.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

Core::VerificationEvent verification(int i)
{
    Core::VerificationEvent e;
    e.requestId = u"req_"_s + QString::number(i);
    e.timeMs = 1'767'225'600'000 + i;
    e.workspaceId = u"ws_1"_s;
    e.apiId = u"api_1"_s;
    e.keyspaceId = u"ks_1"_s;
    e.keyId = u"key_1"_s;
    e.outcome = u"VALID"_s;
    e.latencyUs = 50;
    return e;
}

#ifdef Q_OS_LINUX
/// The scheduling policy of this process's analytics writer thread (-1: none running).
int writerPolicy()
{
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + u"/comm"_s));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "analytics-write")
            return sched_getscheduler(pid_t(tid.toInt()));
    }
    return -1;
}

/// Burns @p micros of this thread's CPU time: a request's work, whatever the machine's load.
void burnCpu(qint64 micros)
{
    timespec start {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    for (;;) {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        if ((now.tv_sec - start.tv_sec) * 1'000'000 + (now.tv_nsec - start.tv_nsec) / 1000 >= micros)
            return;
    }
}

/// Pins the calling thread to the CPU it runs on (threads it starts inherit that), until destroyed:
/// a SCHED_IDLE writer then gets no CPU while this thread is busy, as on latchkeyd's pinned core.
class PinnedToOneCpu
{
public:
    PinnedToOneCpu()
    {
        (void)sched_getaffinity(0, sizeof m_before, &m_before);
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(sched_getcpu(), &one);
        m_pinned = sched_setaffinity(0, sizeof one, &one) == 0;
    }
    ~PinnedToOneCpu() { (void)sched_setaffinity(0, sizeof m_before, &m_before); }
    PinnedToOneCpu(const PinnedToOneCpu &) = delete;
    PinnedToOneCpu &operator=(const PinnedToOneCpu &) = delete;
    [[nodiscard]] bool pinned() const { return m_pinned; }

private:
    cpu_set_t m_before {};
    bool m_pinned = false;
};

/// Drops CAP_SYS_NICE from the calling thread only (capabilities are per thread on Linux; threads
/// it starts inherit the reduced set).
bool dropCapSysNice()
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    if (syscall(SYS_capget, &header, data) != 0)
        return false;
    data[CAP_TO_INDEX(CAP_SYS_NICE)].effective &= ~CAP_TO_MASK(CAP_SYS_NICE);
    data[CAP_TO_INDEX(CAP_SYS_NICE)].permitted &= ~CAP_TO_MASK(CAP_SYS_NICE);
    return syscall(SYS_capset, &header, data) == 0;
}
#endif

} // namespace

class TestAnalyticsWriterPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void idleWhileKeepingUpRaisedWhenEventsPileUp();
    void staysNormalWhereItCannotReturn();
    void saturatedCpuDropsNothing_data();
    void saturatedCpuDropsNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    Core::ManualClock m_clock {1'767'225'600'000};
};

void TestAnalyticsWriterPriority::init()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are set on Linux only");
#endif
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Store::Database::open(m_dir->filePath(u"writer.db"_s));
    QVERIFY(db);
    m_db = std::move(*db);
}

void TestAnalyticsWriterPriority::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestAnalyticsWriterPriority::idleWhileKeepingUpRaisedWhenEventsPileUp()
{
#ifdef Q_OS_LINUX
    if (!Core::canRestoreNormalPriority())
        QSKIP("this process may not raise a thread back from SCHED_IDLE (RLIMIT_NICE, CAP_SYS_NICE)");
    const PinnedToOneCpu pin;
    QVERIFY(pin.pinned());
    Analytics::AnalyticsSink::Options options;
    options.writer.maxDelayMs = 60'000; // the writer takes events only for full batches or a flush
    options.writer.promoteAtQueued = 50;
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    QTRY_COMPARE(writerPolicy(), SCHED_IDLE);

    // The first event wakes the writer, which takes it and sleeps until its batch is full...
    sink.publish(verification(0));
    QTRY_COMPARE(sink.metrics().queueDepth, quint64(0));
    QCOMPARE(writerPolicy(), SCHED_IDLE);
    // ...so the next ones wait in the queue, and at 50 waiting the publisher raises the writer (a
    // system call on the publishing thread, done when publish() returns).
    for (int i = 1; i < 49; ++i)
        sink.publish(verification(i));
    QCOMPARE(writerPolicy(), SCHED_IDLE);
    for (int i = 49; i < 200; ++i)
        sink.publish(verification(i));
    QCOMPARE(writerPolicy(), SCHED_OTHER);

    QVERIFY(sink.flush(30'000));
    QCOMPARE(sink.metrics().eventsWritten, quint64(200));
    QTRY_COMPARE(writerPolicy(), SCHED_IDLE); // the queue is short again
    sink.stop();
    QCOMPARE(sink.metrics().dropped, quint64(0));
#endif
}

void TestAnalyticsWriterPriority::staysNormalWhereItCannotReturn()
{
#ifdef Q_OS_LINUX
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NICE, &limit), 0);
    if (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= 20)
        QSKIP("the hard RLIMIT_NICE lets any thread of this process return to nice 0");
    // Like a service without CAP_SYS_NICE and without LimitNICE: the default limit allows no way
    // back from SCHED_IDLE, which is the kernel rule the writer relies on.
    bool canReturn = true;
    bool idleIsOneWay = false;
    int policyWhileRunning = -2;
    quint64 written = 0;
    QThread *unprivileged = QThread::create([&] {
        if (!dropCapSysNice())
            return;
        canReturn = Core::canRestoreNormalPriority();
        QThread *probe = QThread::create([&] {
            idleIsOneWay = Core::setCurrentThreadPriority(Core::BackgroundPriority::Idle)
                && !Core::setCurrentThreadPriority(Core::BackgroundPriority::Normal);
        });
        probe->start();
        probe->wait();
        delete probe;
        Analytics::AnalyticsSink sink(*m_db, m_clock, {}); // its writer inherits this thread's rights
        sink.start();
        for (int i = 0; i < 100; ++i)
            sink.publish(verification(i));
        QThread::msleep(50);
        policyWhileRunning = writerPolicy();
        (void)sink.flush(30'000);
        written = sink.metrics().eventsWritten;
    });
    unprivileged->start();
    QVERIFY(unprivileged->wait(60'000));
    delete unprivileged;
    QVERIFY(!canReturn);
    QVERIFY(idleIsOneWay);
    QCOMPARE(policyWhileRunning, SCHED_OTHER);
    QCOMPARE(written, quint64(100));
#endif
}

void TestAnalyticsWriterPriority::saturatedCpuDropsNothing_data()
{
    QTest::addColumn<bool>("raised");
    QTest::newRow("adaptive") << true;
    QTest::newRow("control: never raised") << false;
}

void TestAnalyticsWriterPriority::saturatedCpuDropsNothing()
{
#ifdef Q_OS_LINUX
    QFETCH(bool, raised);
    if (!Core::canRestoreNormalPriority())
        QSKIP("this process may not raise a thread back from SCHED_IDLE (RLIMIT_NICE, CAP_SYS_NICE)");
    // This thread and the writer it starts share one CPU, as latchkeyd's threads do when pinned;
    // the publisher never sleeps, and spends 50 µs of CPU per event like a request would.
    std::optional<PinnedToOneCpu> pin(std::in_place);
    QVERIFY(pin->pinned());

    constexpr int Events = 6000;
    Analytics::AnalyticsSink::Options options;
    options.queueCapacity = 2048; // raised at 512 waiting
    if (!raised) {
        options.writer.promoteAtQueued = 1'000'000;
        options.writer.promoteAfterMs = 1'000'000;
    }
    Analytics::AnalyticsSink sink(*m_db, m_clock, options);
    sink.start();
    QTRY_COMPARE(writerPolicy(), SCHED_IDLE);
    for (int i = 0; i < Events; ++i) {
        burnCpu(50);
        sink.publish(verification(i));
    }
    const quint64 dropped = sink.metrics().dropped;
    pin.reset();
    sink.stop();
    if (raised) {
        QCOMPARE(dropped, quint64(0));
        QCOMPARE(sink.metrics().eventsWritten, quint64(Events));
    } else {
        // Starved at SCHED_IDLE it writes next to nothing while the CPU is busy: the queue overflows.
        QVERIFY2(dropped > Events / 4, qPrintable(QString::number(dropped)));
    }
#endif
}

QTEST_GUILESS_MAIN(TestAnalyticsWriterPriority)
#include "tst_analyticswriterpriority.moc"
