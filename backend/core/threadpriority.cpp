#include "core/threadpriority.h"

#include <QLoggingCategory>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <linux/capability.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Latchkey::Core {

Q_LOGGING_CATEGORY(lcThreads, "latchkey.threads")

#ifdef Q_OS_LINUX
namespace {

// setpriority(PRIO_PROCESS, tid) changes one thread on Linux (threads are tasks with their own nice).
bool setNice(pid_t tid, int nice)
{
    if (setpriority(PRIO_PROCESS, id_t(tid), nice) == 0)
        return true;
    qCDebug(lcThreads) << "setpriority" << tid << nice << "refused:" << std::strerror(errno);
    return false;
}

bool setPolicy(pid_t tid, int policy)
{
    sched_param param {};
    if (sched_setscheduler(tid, policy, &param) == 0)
        return true;
    qCDebug(lcThreads) << "sched_setscheduler" << tid << policy << "refused:" << std::strerror(errno);
    return false;
}

// Capabilities are per thread on Linux: this asks about the calling one.
bool hasCapSysNice()
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    if (syscall(SYS_capget, &header, data) != 0)
        return false;
    return (data[CAP_TO_INDEX(CAP_SYS_NICE)].effective & CAP_TO_MASK(CAP_SYS_NICE)) != 0;
}

} // namespace

bool setThreadPriority(qint64 threadId, BackgroundPriority priority)
{
    const auto tid = pid_t(threadId);
    switch (priority) {
    case BackgroundPriority::Normal:
        // Policy first: leaving SCHED_IDLE keeps the thread's nice value (0 unless it was Low).
        return setPolicy(tid, SCHED_OTHER) && setNice(tid, 0);
    case BackgroundPriority::Low:
        return setNice(tid, 19);
    case BackgroundPriority::Idle:
        return setPolicy(tid, SCHED_IDLE);
    }
    return false;
}

bool setCurrentThreadPriority(BackgroundPriority priority)
{
    return setThreadPriority(currentThreadId(), priority);
}

qint64 currentThreadId()
{
    return qint64(gettid());
}

BackgroundPriority currentThreadPriority()
{
    if (sched_getscheduler(0) == SCHED_IDLE)
        return BackgroundPriority::Idle;
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(gettid()));
    return nice > 0 ? BackgroundPriority::Low : BackgroundPriority::Normal;
}

bool canRestoreNormalPriority()
{
    constexpr rlim_t NiceZero = 20; // RLIMIT_NICE is 20 minus the lowest nice value allowed
    rlimit limit {};
    if (getrlimit(RLIMIT_NICE, &limit) != 0)
        return hasCapSysNice();
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < NiceZero
        && (limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= NiceZero)) {
        limit.rlim_cur = NiceZero; // any process may raise its soft limit up to the hard one
        (void)setrlimit(RLIMIT_NICE, &limit);
        (void)getrlimit(RLIMIT_NICE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= NiceZero || hasCapSysNice();
}
#else
bool setThreadPriority(qint64, BackgroundPriority)
{
    return false;
}

bool setCurrentThreadPriority(BackgroundPriority)
{
    return false;
}

qint64 currentThreadId()
{
    return 0;
}

BackgroundPriority currentThreadPriority()
{
    return BackgroundPriority::Normal;
}

bool canRestoreNormalPriority()
{
    return false;
}
#endif

} // namespace Latchkey::Core
