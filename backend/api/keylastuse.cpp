#include "api/keylastuse.h"

#include <algorithm>

namespace Latchkey::Api {

KeyLastUse::Slot KeyLastUse::slotFor(const QString &keyId)
{
    QMutexLocker locker(&m_mutex);
    Slot &slot = m_slots[keyId];
    if (!slot)
        slot = std::make_shared<std::atomic<qint64>>(0);
    Slot found = slot;
    if (m_slots.size() >= m_sweepAt)
        dropUnheld();
    return found;
}

std::optional<qint64> KeyLastUse::of(const QString &keyId) const
{
    QMutexLocker locker(&m_mutex);
    const auto found = m_slots.constFind(keyId);
    if (found == m_slots.constEnd())
        return std::nullopt;
    const qint64 timeMs = found.value()->load(std::memory_order_relaxed);
    return timeMs > 0 ? std::optional<qint64>(timeMs) : std::nullopt;
}

std::optional<qint64> KeyLastUse::newest(const QString &keyId, std::optional<qint64> stored) const
{
    const std::optional<qint64> recorded = of(keyId);
    if (!recorded)
        return stored;
    return stored ? std::max(*stored, *recorded) : recorded;
}

void KeyLastUse::dropUnheld()
{
    // A slot only this map holds belongs to no cached key: its use, if any, is about to be stored
    // (or was), and the key's next load makes a new slot.
    m_slots.removeIf([](const auto &entry) { return entry.value().use_count() == 1; });
    m_sweepAt = std::max<qsizetype>(1024, m_slots.size() * 2);
}

} // namespace Latchkey::Api
