#pragma once

#include <QAbstractEventDispatcher>

#include <chrono>
#include <vector>

namespace Latchkey::Http {

/// The timers of one EpollEventDispatcher, kept sorted by deadline (a worker thread has a
/// handful, so a sorted vector beats any tree). Not thread-safe: the dispatcher's thread only.
/// Engine-internal.
class TimerList
{
public:
    using Clock = std::chrono::steady_clock;

    void add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object, Clock::time_point now);
    bool remove(int id);
    bool removeAll(const QObject *object);
    [[nodiscard]] QList<QAbstractEventDispatcher::TimerInfo> timersOf(const QObject *object) const;
    /// Milliseconds until timer @p id is due (0 when overdue), or -1 for an unknown id.
    [[nodiscard]] int remainingMs(int id, Clock::time_point now) const;
    /// How long a wait may block for the next timer: -1 without timers, otherwise the
    /// milliseconds until the earliest deadline, rounded up so that a wait never ends early.
    [[nodiscard]] int waitMs(Clock::time_point now) const;
    [[nodiscard]] bool isEmpty() const { return m_timers.empty(); }

    /// Sends a QTimerEvent for every timer due at @p now, earliest deadline first, and schedules
    /// each one's next deadline before its event is delivered. A timer added, removed or fired by
    /// a nested event loop meanwhile is respected; none fires twice in one call. Returns how many
    /// fired.
    int fireDue(Clock::time_point now);

private:
    struct Timer {
        int id;
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        Clock::time_point deadline;
        bool firing; ///< its event is being delivered (a nested loop must not fire it again)
    };

    void insertSorted(Timer timer);
    [[nodiscard]] std::vector<Timer>::iterator find(int id);

    std::vector<Timer> m_timers;
};

} // namespace Latchkey::Http
