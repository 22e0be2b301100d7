#include "core/threadpriority.h"

#include <QLoggingCategory>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace Latchkey::Core {

Q_LOGGING_CATEGORY(lcThreads, "latchkey.threads")

#ifdef Q_OS_LINUX
namespace {

// setpriority(PRIO_PROCESS, tid) changes one thread on Linux (threads are tasks with their own nice).
bool setNice(int nice)
{
    if (setpriority(PRIO_PROCESS, id_t(gettid()), nice) == 0)
        return true;
    qCDebug(lcThreads) << "setpriority" << nice << "refused:" << std::strerror(errno);
    return false;
}

bool setPolicy(int policy)
{
    sched_param param {};
    if (sched_setscheduler(0, policy, &param) == 0) // 0: the calling thread
        return true;
    qCDebug(lcThreads) << "sched_setscheduler" << policy << "refused:" << std::strerror(errno);
    return false;
}

} // namespace

bool setCurrentThreadPriority(BackgroundPriority priority)
{
    switch (priority) {
    case BackgroundPriority::Normal:
        return setPolicy(SCHED_OTHER) && setNice(0);
    case BackgroundPriority::Low:
        return setNice(19);
    case BackgroundPriority::Idle:
        return setPolicy(SCHED_IDLE);
    }
    return false;
}

BackgroundPriority currentThreadPriority()
{
    if (sched_getscheduler(0) == SCHED_IDLE)
        return BackgroundPriority::Idle;
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(gettid()));
    return nice > 0 ? BackgroundPriority::Low : BackgroundPriority::Normal;
}
#else
bool setCurrentThreadPriority(BackgroundPriority)
{
    return false;
}

BackgroundPriority currentThreadPriority()
{
    return BackgroundPriority::Normal;
}
#endif

} // namespace Latchkey::Core
