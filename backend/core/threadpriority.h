#pragma once

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

} // namespace Latchkey::Core
