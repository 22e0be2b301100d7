#include "store/creditspendgroup.h"

namespace Latchkey::Store {

using Core::Status;

Status CreditSpendGroup::spend(
    const QString &keyId, qint64 cost, bool refills, qint64 nowMs, const QString &requestId, CreditOutcome &outcome)
{
    Entry *entry = find(keyId);
    if (refills) {
        // The refill reads and writes the row itself: it must see this group's spends so far,
        // and later spends of the key must see the refill (read again).
        if (entry) {
            if (Status written = write(*entry); !written)
                return written;
            entry->stale = true;
        }
        return m_store.spendInTransaction(keyId, cost, refills, nowMs, requestId, outcome);
    }
    if (!entry) {
        Core::Result<VerificationStore::Balance> balance = m_store.readBalance(keyId);
        if (!balance)
            return balance.error();
        ++m_keysRead;
        m_entries.push_back({keyId, *balance, false});
        entry = &m_entries.back();
        if (m_entries.size() > kLinearSearchLimit) {
            for (; m_indexed < m_entries.size(); ++m_indexed)
                m_index.insert(m_entries[m_indexed].keyId, m_indexed); // a stale entry's key: the new one
        }
    }
    outcome = VerificationStore::decide(entry->balance, cost);
    entry->changed = entry->changed || outcome.spent > 0;
    return {};
}

CreditSpendGroup::Entry *CreditSpendGroup::find(const QString &keyId)
{
    if (m_indexed > 0) {
        const auto it = m_index.constFind(keyId);
        if (it == m_index.constEnd() || m_entries[*it].stale)
            return nullptr;
        return &m_entries[*it];
    }
    for (Entry &entry : m_entries) {
        if (!entry.stale && entry.keyId == keyId)
            return &entry;
    }
    return nullptr;
}

Status CreditSpendGroup::flush()
{
    for (Entry &entry : m_entries) {
        if (Status written = write(entry); !written)
            return written;
    }
    return {};
}

Status CreditSpendGroup::write(Entry &entry)
{
    if (!entry.changed)
        return {};
    entry.changed = false;
    return m_store.writeRemaining(entry.keyId, *entry.balance.remaining);
}

} // namespace Latchkey::Store
