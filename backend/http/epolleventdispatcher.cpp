#include "http/epolleventdispatcher.h"

#include "http/httplogging.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Latchkey::Http {

namespace {

// Ready descriptors taken per epoll_wait(); more simply wait for the next round, which does not block.
constexpr int kMaxEventsPerWait = 128;

// Which epoll events wake which notifier. Hang-ups and errors go to both the read and the write
// notifier, as with Qt's poll()-based dispatcher: whichever the owner has enabled learns of it.
constexpr quint32 kReadEvents = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
constexpr quint32 kWriteEvents = EPOLLOUT | EPOLLHUP | EPOLLERR;

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0) {
        qCWarning(lcHttp) << "cannot create the epoll event dispatcher:" << std::strerror(errno);
        return;
    }
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) < 0) {
        qCWarning(lcHttp) << "cannot watch the dispatcher's eventfd:" << std::strerror(errno);
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool withTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool canWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.load(std::memory_order_relaxed);
    int timeoutMs = 0;
    if (canWait) {
        timeoutMs = withTimers ? m_timers.waitMs(TimerList::Clock::now()) : -1;
        Q_EMIT aboutToBlock();
    }
    epoll_event events[kMaxEventsPerWait];
    int ready = 0;
    if (m_epoll >= 0) {
        do {
            ready = ::epoll_wait(m_epoll, events, kMaxEventsPerWait, timeoutMs);
        } while (ready < 0 && errno == EINTR);
    }
    const bool withSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_wakeFd)
            drainWakeUps();
        else if (withSockets)
            activate(events[i].data.fd, events[i].events);
    }
    const int fired = withTimers ? m_timers.fireDue(TimerList::Clock::now()) : 0;
    return ready > 0 || fired > 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    Watch &watch = m_watches[descriptor];
    QSocketNotifier **slot = notifier->type() == QSocketNotifier::Read ? &watch.read
        : notifier->type() == QSocketNotifier::Write                   ? &watch.write
                                                                        : &watch.exception;
    if (*slot && *slot != notifier)
        qCWarning(lcHttp) << "several socket notifiers of one type for descriptor" << descriptor;
    *slot = notifier;
    updateEpoll(descriptor, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    const auto it = m_watches.find(descriptor);
    if (it == m_watches.end())
        return;
    for (QSocketNotifier **slot : {&it->read, &it->write, &it->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateEpoll(descriptor, *it);
    if (!it->read && !it->write && !it->exception)
        m_watches.erase(it);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    m_timers.add(timerId, interval, timerType, object, TimerList::Clock::now());
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    return m_timers.timersOf(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId, TimerList::Clock::now());
}

void EpollEventDispatcher::wakeUp()
{
    // One eventfd write per wake-up, however many threads post meanwhile; the flag is cleared
    // only after the loop consumed the write, and every round starts with the posted events.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel) || m_wakeFd < 0)
        return;
    const quint64 one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) { }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

void EpollEventDispatcher::updateEpoll(int descriptor, Watch &watch)
{
    const quint32 wanted = (watch.read ? quint32(EPOLLIN) : 0u) | (watch.write ? quint32(EPOLLOUT) : 0u)
        | (watch.exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == watch.events || m_epoll < 0)
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = descriptor;
    int op = wanted == 0 ? EPOLL_CTL_DEL : watch.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    int result = ::epoll_ctl(m_epoll, op, descriptor, &event);
    // The kernel drops a descriptor from the set when it is closed: a number reused since then
    // is new to epoll, whatever we remember of it.
    if (result < 0 && errno == ENOENT && op == EPOLL_CTL_MOD)
        result = ::epoll_ctl(m_epoll, op = EPOLL_CTL_ADD, descriptor, &event);
    else if (result < 0 && errno == EEXIST && op == EPOLL_CTL_ADD)
        result = ::epoll_ctl(m_epoll, op = EPOLL_CTL_MOD, descriptor, &event);
    if (result < 0 && op != EPOLL_CTL_DEL)
        qCWarning(lcHttp) << "cannot watch descriptor" << descriptor << ":" << std::strerror(errno);
    watch.events = wanted;
}

void EpollEventDispatcher::activate(int descriptor, quint32 events)
{
    // Looked up again before each delivery: a notifier's owner may disable or delete the
    // descriptor's other notifiers (or itself) while handling the event.
    auto it = m_watches.constFind(descriptor);
    if (it != m_watches.cend() && it->read && (events & kReadEvents))
        sendActivation(it->read);
    it = m_watches.constFind(descriptor);
    if (it != m_watches.cend() && it->write && (events & kWriteEvents))
        sendActivation(it->write);
    it = m_watches.constFind(descriptor);
    if (it != m_watches.cend() && it->exception && (events & EPOLLPRI))
        sendActivation(it->exception);
}

void EpollEventDispatcher::sendActivation(QSocketNotifier *notifier)
{
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(notifier, &event);
}

void EpollEventDispatcher::drainWakeUps()
{
    quint64 count = 0;
    while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) { }
    m_wakeUpPending.store(false, std::memory_order_release);
}

} // namespace Latchkey::Http
