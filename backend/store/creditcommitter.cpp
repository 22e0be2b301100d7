#include "store/creditcommitter.h"

#include "store/database.h"

#include <QMutexLocker>

namespace Latchkey::Store {

CreditCommitter::CreditCommitter(Database &db, int maxBatch)
    : m_db(db)
    , m_maxBatch(std::max(1, maxBatch))
{ }

Core::Result<CreditOutcome> CreditCommitter::spend(const CreditSpend &spend)
{
    Pending self;
    self.spend = &spend;
    QMutexLocker locker(&m_mutex);
    m_queue.append(&self);
    while (!self.done) {
        if (m_committing) {
            m_committed.wait(&m_mutex);
            continue;
        }
        // Leader: take what is queued (this spend may be behind a full batch: loop again).
        m_committing = true;
        const qsizetype taken = std::min<qsizetype>(m_queue.size(), m_maxBatch);
        const QList<Pending *> batch = m_queue.first(taken);
        m_queue.remove(0, taken);
        locker.unlock();
        commitBatch(batch);
        locker.relock();
        m_committing = false;
        m_committed.wakeAll();
    }
    if (self.error)
        return *self.error;
    return self.outcome;
}

void CreditCommitter::commitBatch(const QList<Pending *> &batch)
{
    QList<Pending *> remaining = batch;
    while (!remaining.isEmpty()) {
        std::optional<Core::Error> batchError;
        const std::optional<qsizetype> failed = tryCommit(remaining, batchError);
        if (!failed) {
            QMutexLocker locker(&m_mutex);
            if (!batchError) {
                ++m_commits;
                m_committedSpends += remaining.size();
            }
            for (Pending *pending : std::as_const(remaining)) {
                if (batchError)
                    pending->error = batchError; // BEGIN or COMMIT failed: nothing was spent
                pending->done = true;
            }
            return;
        }
        // Everything was rolled back; the failed spend answers its error, the rest run again.
        QMutexLocker locker(&m_mutex);
        remaining.at(*failed)->done = true;
        remaining.removeAt(*failed);
    }
}

std::optional<qsizetype> CreditCommitter::tryCommit(const QList<Pending *> &batch, std::optional<Core::Error> &batchError)
{
    std::optional<qsizetype> failed;
    VerificationStore store(m_db);
    const Core::Status written = m_db.write(
        [&]() -> Core::Status {
            for (qsizetype i = 0; i < batch.size(); ++i) {
                Pending &pending = *batch.at(i);
                const CreditSpend &spend = *pending.spend;
                pending.outcome = {};
                Core::Status status = store.spendInTransaction(
                    spend.keyId, spend.cost, spend.refills, spend.nowMs, spend.requestId, pending.outcome);
                if (status && spend.inTransaction)
                    status = spend.inTransaction(pending.outcome);
                if (!status) {
                    failed = i;
                    pending.error = status.error();
                    return status;
                }
            }
            return {};
        },
        Database::Invalidation::None);
    if (!written && !failed)
        batchError = written.error();
    return failed;
}

qint64 CreditCommitter::commits() const
{
    QMutexLocker locker(&m_mutex);
    return m_commits;
}

qint64 CreditCommitter::committedSpends() const
{
    QMutexLocker locker(&m_mutex);
    return m_committedSpends;
}

} // namespace Latchkey::Store

namespace Latchkey::Store {

qsizetype CreditCommitter::queued() const
{
    QMutexLocker locker(&m_mutex);
    return m_queue.size();
}

} // namespace Latchkey::Store
