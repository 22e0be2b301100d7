#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace Latchkey::Api {

/// The newest verification of each key this node has seen. keys.last_used_at is written by the
/// analytics writer in batches (up to a second later, much longer while the writer idles at
/// SCHED_IDLE on a busy machine), so a key read right after its first verifications would say
/// "never used"; keys.getKey and the key lists show the newer of the stored time and this one.
///
/// The hot path does no lookup here: a key's slot is handed to its VerifiableKey when the
/// verification cache loads it (a miss, which reads the database anyway), and a verification only
/// stores its time in that slot when it is newer. Slots no cached key holds are dropped once the
/// map has doubled, so it stays about as large as the verification cache. Thread-safe.
class KeyLastUse
{
public:
    using Slot = std::shared_ptr<std::atomic<qint64>>; ///< 0: not used since the slot was made

    /// The slot of @p keyId, made on first use.
    [[nodiscard]] Slot slotFor(const QString &keyId);
    /// Records a use at @p timeMs (the hot path: one relaxed load, a store only when newer).
    static void record(std::atomic<qint64> &slot, qint64 timeMs)
    {
        qint64 known = slot.load(std::memory_order_relaxed);
        while (known < timeMs && !slot.compare_exchange_weak(known, timeMs, std::memory_order_relaxed)) { }
    }
    /// The newest use of @p keyId this node recorded; nullopt: none.
    [[nodiscard]] std::optional<qint64> of(const QString &keyId) const;
    /// The newer of @p stored (keys.last_used_at) and what this node recorded of @p keyId.
    [[nodiscard]] std::optional<qint64> newest(const QString &keyId, std::optional<qint64> stored) const;

private:
    void dropUnheld();

    mutable QMutex m_mutex;
    QHash<QString, Slot> m_slots;
    qsizetype m_sweepAt = 1024;
};

} // namespace Latchkey::Api
