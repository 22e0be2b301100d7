#pragma once

#include <QtGlobal>

namespace Latchkey::Core {

/// How a background thread competes for the CPU with the threads that answer requests.
enum class BackgroundPriority {
    Normal, ///< as started (SCHED_OTHER, nice 0)
    Low,    ///< nice 19: a small share when the CPU is busy, still some progress at saturation
    Idle,   ///< SCHED_IDLE: runs only when no normal thread of the machine wants the CPU
};

/// Lowers the calling thread's scheduling priority (Linux; elsewhere it does nothing).
///
/// Why (issue 6, docs/BENCHMARKS.md): all of latchkeyd's threads may share one core. A background
/// thread that runs for milliseconds at a time (the analytics writer's batches) delays the HTTP
/// worker that wakes meanwhile, which is the p99 at half load. QThread::setPriority() does nothing
/// under SCHED_OTHER, so this uses setpriority() on the thread id, or sched_setscheduler() with
/// SCHED_IDLE. Only the calling thread changes; threads it starts later inherit the setting.
/// An unprivileged thread cannot raise its priority again afterwards.
///
/// Trade-off: a Low or Idle thread gets (almost) no CPU while the request threads saturate the
/// core, so it must tolerate falling behind (a bounded queue that drops, a flush that waits).
///
/// Returns false (errno-style failure, logged at debug level) if the system refused.
bool setCurrentThreadPriority(BackgroundPriority priority);

/// The calling thread's current priority, as far as it is one of the above (tests).
[[nodiscard]] BackgroundPriority currentThreadPriority();

/// The calling thread's kernel thread id (Linux `gettid()`; 0 elsewhere), for setThreadPriority().
[[nodiscard]] qint64 currentThreadId();

/// Sets the thread @p threadId of this process (currentThreadId() of that thread) to @p priority,
/// from any thread. Returns false if the system refused (logged at debug level).
bool setThreadPriority(qint64 threadId, BackgroundPriority priority);

/// Whether a thread of this process that was set to Low or Idle may be set back to Normal.
///
/// The kernel lets an unprivileged thread leave SCHED_IDLE, or lower its nice value, only within
/// RLIMIT_NICE (`20 - nice`; the default limit 0 allows no way back) or with CAP_SYS_NICE. This
/// checks both (and raises the soft RLIMIT_NICE to its hard limit when that is enough), so a
/// caller lowers a thread only when it can undo it: a thread that cannot return starves while the
/// request threads saturate the CPU. The systemd unit grants the limit with `LimitNICE=+0`.
[[nodiscard]] bool canRestoreNormalPriority();

} // namespace Latchkey::Core
