#pragma once

#include <QDateTime>

#include <atomic>

namespace Latchkey::Core {

/// Source of "now" for everything time-based (expiry, refill, rate-limit windows), injected so
/// tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    [[nodiscard]] virtual qint64 nowMs() const = 0;
};

/// The wall clock.
class SystemClock final : public Clock
{
public:
    [[nodiscard]] qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/// A clock that only moves when told to; thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000) : m_now(startMs) { }
    [[nodiscard]] qint64 nowMs() const override { return m_now.load(); }
    void setNowMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace Latchkey::Core
