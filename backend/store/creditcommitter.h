#pragma once

#include "core/error.h"
#include "store/verificationstore.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <optional>

namespace Latchkey::Store {

class Database;

/// One credit spend of a verification (VerificationStore::spendCredits() arguments).
struct CreditSpend {
    QString keyId;
    qint64 cost = 1;
    bool refills = false;
    qint64 nowMs = 0;
    QString requestId;
    /// Called inside the transaction with the outcome (strict analytics durability); a failure
    /// fails this spend only.
    std::function<Core::Status(const CreditOutcome &)> inTransaction;
};

/// Group commit of credit spends (DESIGN.md invariant 3, issue 6): concurrent verifications of
/// keys with credits share one write transaction instead of one each.
///
/// spend() queues the spend; the first caller that finds no commit in progress becomes the
/// leader, takes everything queued (up to maxBatch) and runs it in one Database::write(), each
/// spend a conditional `UPDATE ... remaining >= cost` in queue order, so the decisions are exact
/// whatever the interleaving; callers that arrive meanwhile wait and are taken by the next
/// leader. Every caller returns only after the transaction holding its spend committed, so an
/// answered VALID survives kill -9. A spend whose SQL or inTransaction step fails is dropped from
/// the batch, which then runs again without it: one failure never fails another request.
///
/// With one worker thread there is nobody to batch with and a spend costs one transaction, as
/// before; the gain grows with the number of concurrent callers. Thread-safe.
class CreditCommitter
{
public:
    explicit CreditCommitter(Database &db, int maxBatch = 512);

    /// Spends (or refuses) @p spend; returns when its transaction committed.
    [[nodiscard]] Core::Result<CreditOutcome> spend(const CreditSpend &spend);

    /// Transactions committed so far, and spends in them (tests: proof of batching).
    [[nodiscard]] qint64 commits() const;
    [[nodiscard]] qint64 committedSpends() const;
    /// Spends waiting for the next leader (not counting the batch being committed).
    [[nodiscard]] qsizetype queued() const;

private:
    struct Pending {
        const CreditSpend *spend = nullptr;
        CreditOutcome outcome;
        std::optional<Core::Error> error;
        bool done = false;
    };

    void commitBatch(const QList<Pending *> &batch);
    /// One attempt at the whole batch; on an item's failure returns its index (rolled back).
    std::optional<qsizetype> tryCommit(const QList<Pending *> &batch, std::optional<Core::Error> &batchError);

    Database &m_db;
    const int m_maxBatch;
    mutable QMutex m_mutex;
    QWaitCondition m_committed;
    QList<Pending *> m_queue;
    bool m_committing = false;
    qint64 m_commits = 0;
    qint64 m_committedSpends = 0;
};

} // namespace Latchkey::Store
