#pragma once

#include "core/events.h"

#include <QList>
#include <QMutex>

#include <atomic>
#include <deque>

namespace Latchkey::Core {

/// A bounded in-memory event sink: keeps the newest @p capacity events of each kind and counts
/// what it had to drop. Stands in until the analytics writer stores events.
class MemoryEventSink final : public EventSink
{
public:
    explicit MemoryEventSink(qsizetype capacity = 100'000) : m_capacity(capacity) { }

    void publish(VerificationEvent &&event) override;
    void publish(RatelimitEvent &&event) override;

    [[nodiscard]] QList<VerificationEvent> verifications() const;
    [[nodiscard]] QList<RatelimitEvent> ratelimits() const;
    [[nodiscard]] quint64 dropped() const { return m_dropped.load(); }

private:
    qsizetype m_capacity;
    mutable QMutex m_lock;
    std::deque<VerificationEvent> m_verifications;
    std::deque<RatelimitEvent> m_ratelimits;
    std::atomic<quint64> m_dropped{0};
};

} // namespace Latchkey::Core
