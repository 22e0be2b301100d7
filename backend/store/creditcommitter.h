#pragma once

#include "core/error.h"
#include "store/verificationstore.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

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
/// spendAsync() queues a spend without waiting: a commit thread (started on first use) leads the
/// batches of asynchronous spends and calls each spend's callback once its transaction committed.
/// A worker thread thus keeps serving other connections while its spends commit, and the spends
/// of one worker's many connections share transactions too (issue 6: with `--workers 1` the
/// synchronous spend() made every spend its own transaction and blocked the event loop).
///
/// spendAsync() from a thread that ends loop rounds (Core::LoopRound: the HTTP workers) wakes
/// the commit thread once at the end of the round, not at once: the spends of every connection
/// that round served then share one transaction, and each key's balance is read and written once
/// per transaction (Store::CreditSpendGroup). The commit thread takes whatever is queued when it
/// wakes.
///
/// Thread-safe. The destructor commits what is still queued (its callbacks run) and stops the
/// commit thread.
class CreditCommitter
{
public:
    /// Called once with the spend's outcome after its transaction committed (or with the error),
    /// on the thread that committed it: keep it short, and only post to other threads.
    using Callback = std::function<void(Core::Result<CreditOutcome>)>;

    explicit CreditCommitter(Database &db, int maxBatch = 512);
    ~CreditCommitter();
    CreditCommitter(const CreditCommitter &) = delete;
    CreditCommitter &operator=(const CreditCommitter &) = delete;

    /// Spends (or refuses) @p spend; returns when its transaction committed.
    [[nodiscard]] Core::Result<CreditOutcome> spend(const CreditSpend &spend);
    /// Queues @p spend and returns at once; @p done is called when its transaction committed.
    void spendAsync(CreditSpend spend, Callback done);

    /// Transactions committed so far, and spends in them (tests: proof of batching).
    [[nodiscard]] qint64 commits() const;
    [[nodiscard]] qint64 committedSpends() const;
    /// Spends waiting for the next leader (not counting the batch being committed).
    [[nodiscard]] qsizetype queued() const;
    /// Whether a batch is being committed (or its callbacks run) right now (tests).
    [[nodiscard]] bool committing() const;

private:
    struct Pending {
        const CreditSpend *spend = nullptr;
        CreditOutcome outcome;
        std::optional<Core::Error> error;
        bool done = false;
        // Asynchronous spends only: the Pending owns its spend and is deleted after the callback.
        std::unique_ptr<CreditSpend> owned;
        Callback callback;
    };

    /// Takes up to maxBatch queued spends and commits them (m_mutex held on entry and exit).
    void leadOneBatch(QMutexLocker<QMutex> &locker);
    void commitBatch(const QList<Pending *> &batch);
    /// Marks @p finished done (m_mutex held) and returns the asynchronous ones, whose callbacks
    /// the caller runs after unlocking.
    static QList<Pending *> markDone(const QList<Pending *> &finished);
    static void deliver(const QList<Pending *> &asynchronous);
    void commitLoop();
    /// One attempt at the whole batch; on an item's failure returns its index (rolled back).
    std::optional<qsizetype> tryCommit(const QList<Pending *> &batch, std::optional<Core::Error> &batchError);

    /// Wakes the commit thread for work queued by spendAsync().
    void wakeCommitThread();

    /// What a wake-up deferred to the end of a worker's loop round (Core::LoopRound) holds: it
    /// may run after this committer is gone, which the destructor tells it under the lock.
    struct WakeTarget {
        std::mutex lock;
        CreditCommitter *committer = nullptr;
    };

    Database &m_db;
    const int m_maxBatch;
    const std::shared_ptr<WakeTarget> m_wakeTarget;
    mutable QMutex m_mutex;
    QWaitCondition m_committed;
    QList<Pending *> m_queue;
    QWaitCondition m_asyncQueued; ///< wakes the commit thread
    QThread *m_thread = nullptr; ///< the commit thread of spendAsync(), started on first use
    bool m_stopping = false;
    bool m_committing = false;
    qint64 m_commits = 0;
    qint64 m_committedSpends = 0;
};

} // namespace Latchkey::Store
