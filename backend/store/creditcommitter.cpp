#include "store/creditcommitter.h"

#include "core/loopround.h"
#include "store/creditspendgroup.h"
#include "store/database.h"

#include <QMutexLocker>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

CreditCommitter::CreditCommitter(Database &db, int maxBatch)
    : m_db(db)
    , m_maxBatch(std::max(1, maxBatch))
    , m_wakeTarget(std::make_shared<WakeTarget>())
{
    m_wakeTarget->committer = this;
}

CreditCommitter::~CreditCommitter()
{
    {
        // A wake-up deferred by a worker that runs from now on finds nobody to wake.
        const std::lock_guard guard(m_wakeTarget->lock);
        m_wakeTarget->committer = nullptr;
    }
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_asyncQueued.wakeAll();
    }
    if (m_thread) {
        m_thread->wait(); // it commits what is still queued first
        delete m_thread;
    }
}

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
        leadOneBatch(locker);
    }
    if (self.error)
        return *self.error;
    return self.outcome;
}

void CreditCommitter::spendAsync(CreditSpend spend, Callback done)
{
    auto pending = std::make_unique<Pending>();
    pending->owned = std::make_unique<CreditSpend>(std::move(spend));
    pending->spend = pending->owned.get();
    pending->callback = std::move(done);
    QMutexLocker locker(&m_mutex);
    if (!m_thread) {
        m_thread = QThread::create([this] { commitLoop(); });
        m_thread->setObjectName(u"credit-commit"_s);
        m_thread->start();
    }
    m_queue.append(pending.release());
    if (m_committing)
        return; // the commit thread (or a synchronous leader, which wakes it) looks at the queue next
    locker.unlock();
    const void *key = m_wakeTarget.get();
    if (Core::LoopRound::isDeferred(key))
        return;
    const bool deferred = Core::LoopRound::deferToEndOfRound(key, [target = m_wakeTarget] {
        const std::lock_guard guard(target->lock);
        if (target->committer)
            target->committer->wakeCommitThread();
    });
    if (!deferred)
        wakeCommitThread();
}

void CreditCommitter::wakeCommitThread()
{
    const QMutexLocker locker(&m_mutex);
    m_asyncQueued.wakeOne();
}

void CreditCommitter::commitLoop()
{
    QMutexLocker locker(&m_mutex);
    for (;;) {
        if (m_committing || (m_queue.isEmpty() && !m_stopping)) {
            m_asyncQueued.wait(&m_mutex);
            continue;
        }
        if (m_queue.isEmpty())
            return; // stopping, and everything queued is committed
        // Whatever queued up while the previous batch committed goes into this one.
        leadOneBatch(locker);
    }
}

void CreditCommitter::leadOneBatch(QMutexLocker<QMutex> &locker)
{
    m_committing = true;
    const qsizetype taken = std::min<qsizetype>(m_queue.size(), m_maxBatch);
    const QList<Pending *> batch = m_queue.first(taken);
    m_queue.remove(0, taken);
    locker.unlock();
    commitBatch(batch);
    locker.relock();
    m_committing = false;
    m_committed.wakeAll();
    if (!m_queue.isEmpty())
        m_asyncQueued.wakeOne(); // asynchronous spends left behind by a synchronous leader
}

void CreditCommitter::commitBatch(const QList<Pending *> &batch)
{
    QList<Pending *> remaining = batch;
    while (!remaining.isEmpty()) {
        std::optional<Core::Error> batchError;
        const std::optional<qsizetype> failed = tryCommit(remaining, batchError);
        QList<Pending *> asynchronous;
        {
            QMutexLocker locker(&m_mutex);
            if (!failed) {
                if (!batchError) {
                    ++m_commits;
                    m_committedSpends += remaining.size();
                }
                for (Pending *pending : std::as_const(remaining)) {
                    if (batchError)
                        pending->error = batchError; // BEGIN or COMMIT failed: nothing was spent
                }
                asynchronous = markDone(remaining);
                remaining.clear();
            } else {
                // Everything was rolled back; the failed spend answers its error, the rest run again.
                asynchronous = markDone({remaining.at(*failed)});
                remaining.removeAt(*failed);
            }
        }
        deliver(asynchronous);
    }
}

QList<CreditCommitter::Pending *> CreditCommitter::markDone(const QList<Pending *> &finished)
{
    QList<Pending *> asynchronous;
    for (Pending *pending : finished) {
        if (pending->callback)
            asynchronous.append(pending);
        else
            pending->done = true; // its waiting caller may return (and destroy it) from here on
    }
    return asynchronous;
}

void CreditCommitter::deliver(const QList<Pending *> &asynchronous)
{
    for (Pending *raw : asynchronous) {
        const std::unique_ptr<Pending> pending(raw);
        if (pending->error)
            pending->callback(*pending->error);
        else
            pending->callback(pending->outcome);
    }
}

std::optional<qsizetype> CreditCommitter::tryCommit(const QList<Pending *> &batch, std::optional<Core::Error> &batchError)
{
    std::optional<qsizetype> failed;
    const Core::Status written = m_db.write(
        [&]() -> Core::Status {
            // Each key's balance read once and written once per batch; a failed write of the
            // balances fails the whole batch, like a failed COMMIT (nothing spent, all answered).
            CreditSpendGroup group(m_db);
            for (qsizetype i = 0; i < batch.size(); ++i) {
                Pending &pending = *batch.at(i);
                const CreditSpend &spend = *pending.spend;
                pending.outcome = {};
                Core::Status status
                    = group.spend(spend.keyId, spend.cost, spend.refills, spend.nowMs, spend.requestId, pending.outcome);
                if (status && spend.inTransaction)
                    status = spend.inTransaction(pending.outcome);
                if (!status) {
                    failed = i;
                    pending.error = status.error();
                    return status;
                }
            }
            return group.flush();
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

qsizetype CreditCommitter::queued() const
{
    QMutexLocker locker(&m_mutex);
    return m_queue.size();
}

bool CreditCommitter::committing() const
{
    QMutexLocker locker(&m_mutex);
    return m_committing;
}

} // namespace Latchkey::Store
