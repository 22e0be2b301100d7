#pragma once

#include "core/error.h"
#include "store/verificationstore.h"

#include <QHash>
#include <QString>

#include <vector>

namespace Latchkey::Store {

class Database;

/// The credit spends of one group commit, inside its write transaction (CreditCommitter): a key's
/// balance is read at its first spend of the group and written once by flush(), so k spends of
/// one key cost one SELECT and one UPDATE instead of k of each (issue 6). Every spend is decided,
/// all or nothing, exactly as k spendInTransaction() calls in the same order would decide it. A
/// key with a refill rule takes spendInTransaction() each time, after its pending balance is
/// written. Nothing is durable before the caller's transaction commits after flush().
class CreditSpendGroup
{
public:
    explicit CreditSpendGroup(Database &db)
        : m_store(db)
    { }

    /// Decides one spend and sets @p outcome (the balance is written by flush()).
    [[nodiscard]] Core::Status spend(const QString &keyId, qint64 cost, bool refills, qint64 nowMs,
        const QString &requestId, CreditOutcome &outcome);
    /// Writes every balance the group changed.
    [[nodiscard]] Core::Status flush();

    /// Keys whose balance was read so far (tests: one read per key).
    [[nodiscard]] qsizetype keysRead() const { return m_keysRead; }

private:
    struct Entry {
        QString keyId;
        VerificationStore::Balance balance;
        bool changed = false;
        bool stale = false; ///< a refill changed the row since: read it again
    };
    static constexpr size_t kLinearSearchLimit = 16;
    /// The entry of @p keyId, or nullptr: a linear search while a group has few keys (a batch
    /// of one key allocates no hash), an index beyond that.
    Entry *find(const QString &keyId);
    Core::Status write(Entry &entry);

    VerificationStore m_store;
    std::vector<Entry> m_entries;
    QHash<QString, size_t> m_index; ///< keyId -> m_entries index, once there are many keys
    size_t m_indexed = 0; ///< entries in m_index
    qsizetype m_keysRead = 0;
};

} // namespace Latchkey::Store
