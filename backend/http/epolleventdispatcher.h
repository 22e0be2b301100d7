#pragma once

#include "http/timerlist.h"

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>

namespace Latchkey::Http {

/// An event dispatcher on Linux `epoll` for the HTTP worker threads, installed with
/// QThread::setEventDispatcher() before a worker starts.
///
/// Why not glib's (Qt's default): it polls every registered descriptor on every wake-up, so a
/// worker with 64 keep-alive connections pays for all of them per request, and its wake-ups go
/// through glib's sources and locks. Here a wake-up costs one `epoll_wait()` returning only the
/// ready descriptors; enabling or disabling a notifier is one `epoll_ctl()`.
///
/// Supports everything a Qt thread needs: QSocketNotifier (read, write, exception; level-triggered
/// like Qt's own dispatchers), timers of every type (all treated as precise, from a sorted
/// TimerList), posted events and queued invocations from any thread (an `eventfd` wakes the
/// loop), interrupt() and wakeUp(). Lives on, and must be used from, the thread it is installed
/// on, except wakeUp() and interrupt(), which are thread-safe.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// False when the kernel refused the epoll or eventfd descriptor (the dispatcher then
    /// processes posted events and timers only): install Qt's default dispatcher instead.
    [[nodiscard]] bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    [[nodiscard]] QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    /// The notifiers watching one descriptor (Qt allows one of each type).
    struct Watch {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0; ///< the mask epoll currently has for the descriptor
    };

    void updateEpoll(int descriptor, Watch &watch);
    [[nodiscard]] int waitForEvents(int timeoutMs);
    void activate(int descriptor, quint32 events);
    static void sendActivation(QSocketNotifier *notifier);
    void drainWakeUps();

    int m_epoll = -1;
    int m_wakeFd = -1;
    QHash<int, Watch> m_watches;
    TimerList m_timers;
    std::atomic<bool> m_wakeUpPending {false}; ///< an eventfd write is outstanding
    std::atomic<bool> m_interrupted {false};
};

} // namespace Latchkey::Http
