#include "http/timerlist.h"

#include <QCoreApplication>
#include <QTimerEvent>

#include <algorithm>

namespace Latchkey::Http {

namespace {

int ceilMs(TimerList::Clock::duration duration)
{
    if (duration <= TimerList::Clock::duration::zero())
        return 0;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(duration).count();
    return int(std::min<qint64>(ms, std::numeric_limits<int>::max()));
}

} // namespace

void TimerList::add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object, Clock::time_point now)
{
    insertSorted({id, intervalMs, type, object, now + std::chrono::milliseconds(intervalMs), false});
}

bool TimerList::remove(int id)
{
    const auto it = find(id);
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

bool TimerList::removeAll(const QObject *object)
{
    const auto removed = std::remove_if(m_timers.begin(), m_timers.end(),
                                        [object](const Timer &timer) { return timer.object == object; });
    const bool any = removed != m_timers.end();
    m_timers.erase(removed, m_timers.end());
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> TimerList::timersOf(const QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> result;
    for (const Timer &timer : m_timers) {
        if (timer.object == object)
            result.append({timer.id, int(timer.intervalMs), timer.type});
    }
    return result;
}

int TimerList::remainingMs(int id, Clock::time_point now) const
{
    const auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &timer) { return timer.id == id; });
    return it == m_timers.end() ? -1 : ceilMs(it->deadline - now);
}

int TimerList::waitMs(Clock::time_point now) const
{
    for (const Timer &timer : m_timers) {
        if (!timer.firing) // a timer whose event is being delivered cannot wake a nested loop
            return ceilMs(timer.deadline - now);
    }
    return -1;
}

int TimerList::fireDue(Clock::time_point now)
{
    // The due timers' ids first: delivering an event may add, remove or reorder timers.
    int dueIds[16];
    int dueCount = 0;
    for (const Timer &timer : m_timers) {
        if (timer.deadline > now || dueCount == int(std::size(dueIds)))
            break; // more than 16 due at once: the rest fire in the next pass, which does not wait
        if (!timer.firing)
            dueIds[dueCount++] = timer.id;
    }
    int fired = 0;
    for (int i = 0; i < dueCount; ++i) {
        auto it = find(dueIds[i]);
        if (it == m_timers.end() || it->firing)
            continue;
        Timer timer = *it;
        m_timers.erase(it);
        // Next deadline from the planned one, so a periodic timer does not drift; a timer that
        // fell behind by more than one interval skips the missed runs instead of catching up.
        timer.deadline += std::chrono::milliseconds(timer.intervalMs);
        if (timer.deadline <= now)
            timer.deadline = now + std::chrono::milliseconds(timer.intervalMs);
        timer.firing = true;
        insertSorted(timer);
        QTimerEvent event(timer.id);
        QCoreApplication::sendEvent(timer.object, &event);
        ++fired;
        if (const auto again = find(timer.id); again != m_timers.end())
            again->firing = false;
    }
    return fired;
}

void TimerList::insertSorted(Timer timer)
{
    const auto position = std::upper_bound(m_timers.begin(), m_timers.end(), timer.deadline,
                                           [](Clock::time_point deadline, const Timer &other) { return deadline < other.deadline; });
    m_timers.insert(position, timer);
}

std::vector<TimerList::Timer>::iterator TimerList::find(int id)
{
    return std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &timer) { return timer.id == id; });
}

} // namespace Latchkey::Http
