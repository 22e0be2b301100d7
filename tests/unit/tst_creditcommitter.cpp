// CreditCommitter: group-committed credit spends stay exact, batch concurrent callers into
// shared transactions, and isolate a failing spend from the rest of its batch; CreditSpendGroup
// reads and writes each key once per batch and decides as one spend after the other would; a
// worker that ends loop rounds (Core::LoopRound) wakes the commit thread once per round.
#include "support/apiharness.h"

#include "core/loopround.h"
#include "store/creditcommitter.h"
#include "store/creditspendgroup.h"
#include "store/database.h"

#include <QMutex>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;
using Latchkey::Core::Status;
using Latchkey::Store::CreditCommitter;
using Latchkey::Store::CreditOutcome;
using Latchkey::Store::CreditSpend;
using Latchkey::Test::ApiHarness;

class TestCreditCommitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spendsAndRefuses();
    void concurrentSpendsAreExact();
    void waitingSpendsShareOneTransaction();
    void failingSpendDoesNotFailItsBatch();
    void unknownKeyIsReported();
    void failedBalanceWriteSpendsNothing();
    void groupReadsEachKeyOnceAndDecidesInOrder();
    void groupOfManyKeys();
    void groupSeesRefills();
    void asyncSpendsOfManyKeysShareOneTransaction();
    void loopRoundDefersAndCoalesces();
    void spendsOfOneRoundCommitTogether();

private:
    QString createKey(ApiHarness &harness, qint64 credits);
    qint64 storedRemaining(ApiHarness &harness, const QString &keyId);
};

namespace {

/// Collects the outcomes of spendAsync() callbacks (they run on the commit thread).
struct AsyncOutcomes {
    QMutex lock;
    QList<std::optional<CreditOutcome>> outcomes; ///< by spend index; nullopt: an error
    int done = 0;

    CreditCommitter::Callback at(int index)
    {
        {
            const QMutexLocker locker(&lock);
            if (outcomes.size() <= index)
                outcomes.resize(index + 1);
        }
        return [this, index](Latchkey::Core::Result<CreditOutcome> outcome) {
            const QMutexLocker locker(&lock);
            outcomes[index] = outcome ? std::optional<CreditOutcome>(*outcome) : std::nullopt;
            ++done;
        };
    }
    int finished()
    {
        const QMutexLocker locker(&lock);
        return done;
    }
};

} // namespace

QString TestCreditCommitter::createKey(ApiHarness &harness, qint64 credits)
{
    const QString apiId = harness.createApi();
    return harness
        .createKey({{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, credits}}}})
        .value(u"keyId"_s)
        .toString();
}

qint64 TestCreditCommitter::storedRemaining(ApiHarness &harness, const QString &keyId)
{
    QSqlQuery query = harness.server().database().prepare(u"SELECT remaining FROM keys WHERE id = ?"_s);
    query.addBindValue(keyId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestCreditCommitter::spendsAndRefuses()
{
    ApiHarness harness;
    const QString keyId = createKey(harness, 3);
    CreditCommitter committer(harness.server().database());
    const auto first = committer.spend({keyId, 2, false, harness.clock().nowMs(), u"req_1"_s, {}});
    QVERIFY(first);
    QVERIFY(first->allowed);
    QCOMPARE(first->spent, 2);
    QCOMPARE(first->remaining, 1);
    const auto second = committer.spend({keyId, 2, false, harness.clock().nowMs(), u"req_2"_s, {}});
    QVERIFY(second);
    QVERIFY(!second->allowed);
    QCOMPARE(second->spent, 0);
    QCOMPARE(second->remaining, 1);
    QCOMPARE(storedRemaining(harness, keyId), 1);
    QCOMPARE(committer.commits(), 2);
}

void TestCreditCommitter::concurrentSpendsAreExact()
{
    ApiHarness harness;
    constexpr int credits = 300;
    constexpr int threads = 8;
    constexpr int perThread = 60; // 480 attempts for 300 credits
    const QString keyId = createKey(harness, credits);
    CreditCommitter committer(harness.server().database());
    std::atomic<int> allowed {0};
    std::atomic<int> refused {0};
    std::atomic<int> failed {0};
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([&] {
            for (int i = 0; i < perThread; ++i) {
                const auto outcome = committer.spend({keyId, 1, false, harness.clock().nowMs(), u"req"_s, {}});
                if (!outcome)
                    ++failed;
                else if (outcome->allowed)
                    ++allowed;
                else
                    ++refused;
            }
        }));
        workers.constLast()->start();
    }
    for (QThread *worker : std::as_const(workers))
        QVERIFY(worker->wait(60'000));
    qDeleteAll(workers);
    QCOMPARE(failed.load(), 0);
    QCOMPARE(allowed.load(), credits);
    QCOMPARE(refused.load(), threads * perThread - credits);
    QCOMPARE(storedRemaining(harness, keyId), 0);
    QCOMPARE(committer.committedSpends(), threads * perThread);
    qInfo("%lld spends in %lld transactions", committer.committedSpends(), committer.commits());
}

// While one transaction is open, the spends that arrive wait and then share the next one.
void TestCreditCommitter::waitingSpendsShareOneTransaction()
{
    ApiHarness harness;
    const QString keyId = createKey(harness, 100);
    CreditCommitter committer(harness.server().database());
    constexpr int followers = 7;
    std::atomic<bool> leaderInside {false};
    std::atomic<bool> sawQueue {false};
    std::atomic<bool> leaderSpent {false};
    QThread *leader = QThread::create([&] {
        CreditSpend spend {keyId, 1, false, harness.clock().nowMs(), u"req_leader"_s, {}};
        spend.inTransaction = [&](const CreditOutcome &) -> Status {
            leaderInside = true;
            QDeadlineTimer deadline(30'000);
            while (committer.queued() < followers && !deadline.hasExpired())
                QThread::msleep(5);
            sawQueue = committer.queued() == followers;
            return {};
        };
        const auto outcome = committer.spend(spend);
        leaderSpent = outcome && outcome->allowed;
    });
    leader->start();
    QTRY_VERIFY_WITH_TIMEOUT(leaderInside.load(), 30'000);
    QList<QThread *> workers;
    std::atomic<int> allowed {0};
    for (int i = 0; i < followers; ++i) {
        workers.append(QThread::create([&] {
            const auto outcome = committer.spend({keyId, 1, false, harness.clock().nowMs(), u"req"_s, {}});
            if (outcome && outcome->allowed)
                ++allowed;
        }));
        workers.constLast()->start();
    }
    QVERIFY(leader->wait(60'000));
    for (QThread *worker : std::as_const(workers))
        QVERIFY(worker->wait(60'000));
    delete leader;
    qDeleteAll(workers);
    QVERIFY(leaderSpent.load());
    QVERIFY(sawQueue.load());
    QCOMPARE(allowed.load(), followers);
    QCOMPARE(committer.committedSpends(), followers + 1);
    QCOMPARE(committer.commits(), 2); // the leader's, then all seven followers' together
    QCOMPARE(storedRemaining(harness, keyId), 100 - followers - 1);
}

void TestCreditCommitter::failingSpendDoesNotFailItsBatch()
{
    ApiHarness harness;
    const QString keyId = createKey(harness, 100);
    CreditCommitter committer(harness.server().database());
    constexpr int threads = 6;
    constexpr int perThread = 20;
    std::atomic<int> allowed {0};
    std::atomic<int> errors {0};
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([&, t] {
            for (int i = 0; i < perThread; ++i) {
                CreditSpend spend {keyId, 1, false, harness.clock().nowMs(), u"req"_s, {}};
                // Thread 0's spends fail inside the transaction (as a failed analytics insert would).
                if (t == 0)
                    spend.inTransaction = [](const CreditOutcome &) -> Status {
                        return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, u"boom"_s);
                    };
                const auto outcome = committer.spend(spend);
                if (!outcome)
                    ++errors;
                else if (outcome->allowed)
                    ++allowed;
            }
        }));
        workers.constLast()->start();
    }
    for (QThread *worker : std::as_const(workers))
        QVERIFY(worker->wait(60'000));
    qDeleteAll(workers);
    QCOMPARE(errors.load(), perThread); // exactly thread 0's, and none of theirs was spent
    QCOMPARE(allowed.load(), 100);
    QCOMPARE(storedRemaining(harness, keyId), 0);
}

void TestCreditCommitter::unknownKeyIsReported()
{
    ApiHarness harness;
    CreditCommitter committer(harness.server().database());
    const auto outcome = committer.spend({u"key_doesnotexist"_s, 1, false, harness.clock().nowMs(), u"req"_s, {}});
    QVERIFY(outcome);
    QVERIFY(!outcome->keyExists);
    QVERIFY(!outcome->allowed);
}

// The group writes each changed balance once, at the end (CreditSpendGroup::flush()): when that
// write fails, the batch's transaction rolls back and every spend in it answers an error (none
// answers VALID for a credit that was not stored), and the committer carries on afterwards.
void TestCreditCommitter::failedBalanceWriteSpendsNothing()
{
    ApiHarness harness;
    const QString keyId = createKey(harness, 5);
    Latchkey::Store::Database &db = harness.server().database();
    QSqlQuery refuse = db.prepare(u"CREATE TRIGGER refuse_spend BEFORE UPDATE OF remaining ON keys"
                                  " BEGIN SELECT RAISE(ABORT, 'refused'); END"_s);
    QVERIFY(Latchkey::Store::exec(refuse));
    CreditCommitter committer(db);
    const auto refused = committer.spend({keyId, 2, false, harness.clock().nowMs(), u"req_1"_s, {}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Latchkey::Core::ErrorCode::Internal);
    AsyncOutcomes results;
    committer.spendAsync({keyId, 1, false, harness.clock().nowMs(), u"req_2"_s, {}}, results.at(0));
    QTRY_COMPARE_WITH_TIMEOUT(results.finished(), 1, 30'000);
    QVERIFY(!results.outcomes.at(0));
    QCOMPARE(storedRemaining(harness, keyId), 5);
    QCOMPARE(committer.committedSpends(), 0);

    QSqlQuery drop = db.prepare(u"DROP TRIGGER refuse_spend"_s);
    QVERIFY(Latchkey::Store::exec(drop));
    const auto spent = committer.spend({keyId, 2, false, harness.clock().nowMs(), u"req_3"_s, {}});
    QVERIFY(spent);
    QVERIFY(spent->allowed);
    QCOMPARE(spent->remaining, 3);
    QCOMPARE(storedRemaining(harness, keyId), 3);
}

// Spends of several keys in one group: each balance read once, each spend decided all or nothing
// as if it were alone, in order (cost larger than what is left refused, cost 0 allowed).
void TestCreditCommitter::groupReadsEachKeyOnceAndDecidesInOrder()
{
    ApiHarness harness;
    const QString a = createKey(harness, 5);
    const QString c = createKey(harness, 10);
    const QString unlimited
        = harness.createKey({{u"apiId"_s, harness.createApi()}}).value(u"keyId"_s).toString();
    struct Step {
        QString keyId;
        qint64 cost;
        CreditOutcome expected;
    };
    const QList<Step> steps {
        {a, 2, {true, true, 2, 3}},
        {c, 3, {true, true, 3, 7}},
        {a, 2, {true, true, 2, 1}},
        {unlimited, 1, {true, true, 0, std::nullopt}},
        {a, 2, {true, false, 0, 1}}, // only 1 left: refused, nothing deducted
        {u"key_doesnotexist"_s, 1, {false, false, 0, std::nullopt}},
        {c, 3, {true, true, 3, 4}},
        {a, 1, {true, true, 1, 0}},
        {a, 0, {true, true, 0, 0}},
    };
    Latchkey::Store::Database &db = harness.server().database();
    qsizetype keysRead = 0;
    const Status written = db.write([&]() -> Status {
        Latchkey::Store::CreditSpendGroup group(db);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            CreditOutcome outcome;
            if (Status spent = group.spend(steps[i].keyId, steps[i].cost, false, harness.clock().nowMs(), u"req"_s,
                                           outcome); !spent)
                return spent;
            const CreditOutcome &expected = steps[i].expected;
            const QByteArray where = "step " + QByteArray::number(i);
            if (outcome.keyExists != expected.keyExists || outcome.allowed != expected.allowed
                || outcome.spent != expected.spent || outcome.remaining != expected.remaining)
                return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, QString::fromLatin1(where));
        }
        keysRead = group.keysRead();
        return group.flush();
    });
    QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
    QCOMPARE(keysRead, 4);
    QCOMPARE(storedRemaining(harness, a), 0);
    QCOMPARE(storedRemaining(harness, c), 4);
}

// More keys than the group searches linearly (it indexes them then): still one read per key.
void TestCreditCommitter::groupOfManyKeys()
{
    ApiHarness harness;
    QStringList keys;
    for (int k = 0; k < 40; ++k)
        keys.append(createKey(harness, 3));
    Latchkey::Store::Database &db = harness.server().database();
    qsizetype keysRead = 0;
    int allowed = 0;
    const Status written = db.write([&]() -> Status {
        Latchkey::Store::CreditSpendGroup group(db);
        for (int round = 0; round < 4; ++round) { // 4 spends of 1 on keys with 3: the 4th refused
            for (const QString &key : std::as_const(keys)) {
                CreditOutcome outcome;
                if (Status spent = group.spend(key, 1, false, harness.clock().nowMs(), u"req"_s, outcome); !spent)
                    return spent;
                if (outcome.allowed != (round < 3) || outcome.remaining != qMax(0, 2 - round))
                    return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, key);
                allowed += outcome.allowed ? 1 : 0;
            }
        }
        keysRead = group.keysRead();
        return group.flush();
    });
    QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
    QCOMPARE(keysRead, 40);
    QCOMPARE(allowed, 120);
    for (const QString &key : std::as_const(keys))
        QCOMPARE(storedRemaining(harness, key), 0);
}

// A key with a refill rule takes the one-spend path (refill first), after the group wrote what
// it spent of that key so far; a later spend of the key reads the refilled balance again.
void TestCreditCommitter::groupSeesRefills()
{
    ApiHarness harness;
    const QString keyId = harness
                              .createKey({{u"apiId"_s, harness.createApi()},
                                  {u"credits"_s,
                                      QJsonObject {{u"remaining"_s, 2},
                                          {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 5}}}}}})
                              .value(u"keyId"_s)
                              .toString();
    QVERIFY(!keyId.isEmpty());
    harness.clock().advanceMs(24LL * 3600 * 1000); // past the next 00:00 UTC: a refill to 5 is due
    const qint64 nowMs = harness.clock().nowMs();
    Latchkey::Store::Database &db = harness.server().database();
    QList<CreditOutcome> outcomes;
    const Status written = db.write([&]() -> Status {
        Latchkey::Store::CreditSpendGroup group(db);
        for (const bool refills : {false, true, false, false}) {
            CreditOutcome outcome;
            if (Status spent = group.spend(keyId, 1, refills, nowMs, u"req"_s, outcome); !spent)
                return spent;
            outcomes.append(outcome);
        }
        return group.flush();
    });
    QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
    QCOMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes[0].remaining, 1); // 2 - 1, before the refill was looked at
    QCOMPARE(outcomes[1].remaining, 4); // refilled to 5, then 1 spent
    QCOMPARE(outcomes[2].remaining, 3); // read again after the refill
    QCOMPARE(outcomes[3].remaining, 2);
    QCOMPARE(storedRemaining(harness, keyId), 2);
}

// Asynchronous spends of four keys queued while the commit thread is inside a transaction: the
// next transaction takes all 40, and each key's first 5 (its credits) are the ones allowed.
void TestCreditCommitter::asyncSpendsOfManyKeysShareOneTransaction()
{
    ApiHarness harness;
    QStringList keys;
    for (int k = 0; k < 4; ++k)
        keys.append(createKey(harness, 5));
    const QString blocker = createKey(harness, 1);
    CreditCommitter committer(harness.server().database());
    constexpr int queuedSpends = 40;
    AsyncOutcomes results;
    std::atomic<bool> inside {false};
    std::atomic<bool> sawQueue {false};
    CreditSpend first {blocker, 1, false, harness.clock().nowMs(), u"req_first"_s, {}};
    first.inTransaction = [&](const CreditOutcome &) -> Status {
        inside = true;
        QDeadlineTimer deadline(30'000);
        while (committer.queued() < queuedSpends && !deadline.hasExpired())
            QThread::msleep(5);
        sawQueue = committer.queued() == queuedSpends;
        return {};
    };
    committer.spendAsync(first, results.at(0));
    QTRY_VERIFY_WITH_TIMEOUT(inside.load(), 30'000);
    for (int i = 0; i < queuedSpends; ++i)
        committer.spendAsync({keys.at(i % 4), 1, false, harness.clock().nowMs(), u"req"_s, {}}, results.at(i + 1));
    QTRY_COMPARE_WITH_TIMEOUT(results.finished(), queuedSpends + 1, 60'000);
    QVERIFY(sawQueue.load());
    QCOMPARE(committer.commits(), 2); // the blocker's, then all 40 together
    for (int i = 0; i < queuedSpends; ++i) {
        const std::optional<CreditOutcome> &outcome = results.outcomes.at(i + 1);
        QVERIFY(outcome);
        const bool withinCredits = i / 4 < 5; // the 1st to 5th spend of its key
        QCOMPARE(outcome->allowed, withinCredits);
        QCOMPARE(outcome->remaining, withinCredits ? 4 - i / 4 : 0);
    }
    for (const QString &key : std::as_const(keys))
        QCOMPARE(storedRemaining(harness, key), 0);
}

void TestCreditCommitter::loopRoundDefersAndCoalesces()
{
    int runs = 0;
    const int key = 0;
    // Not enabled on this thread: the caller must act itself.
    QVERIFY(!Latchkey::Core::LoopRound::deferToEndOfRound(&key, [&] { ++runs; }));
    QThread *thread = QThread::create([&] {
        Latchkey::Core::LoopRound::enableForCurrentThread();
        for (int i = 0; i < 3; ++i)
            (void)Latchkey::Core::LoopRound::deferToEndOfRound(&key, [&] { ++runs; });
        if (runs != 0 || !Latchkey::Core::LoopRound::isDeferred(&key))
            return;
        Latchkey::Core::LoopRound::endRound();
        if (runs != 1 || Latchkey::Core::LoopRound::isDeferred(&key))
            return;
        // Deferred again in a later round: runs again.
        (void)Latchkey::Core::LoopRound::deferToEndOfRound(&key, [&] { runs += 10; });
        Latchkey::Core::LoopRound::endRound();
        Latchkey::Core::LoopRound::endRound(); // an empty round runs nothing
    });
    thread->start();
    QVERIFY(thread->wait(30'000));
    delete thread;
    QCOMPARE(runs, 11);
}

// A thread that ends loop rounds (as the HTTP worker does) queues spends without waking the
// commit thread; the end of its round wakes it once, and the round's spends commit together.
void TestCreditCommitter::spendsOfOneRoundCommitTogether()
{
    ApiHarness harness;
    const QString keyId = createKey(harness, 100);
    CreditCommitter committer(harness.server().database());
    AsyncOutcomes results;
    // The first spend starts the commit thread, which takes it at once; then it waits for work.
    committer.spendAsync({keyId, 1, false, harness.clock().nowMs(), u"req_0"_s, {}}, results.at(0));
    QTRY_COMPARE_WITH_TIMEOUT(results.finished(), 1, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(!committer.committing(), 30'000);
    constexpr int spends = 10;
    qint64 queuedBeforeEnd = -1;
    qint64 commitsBeforeEnd = -1;
    QThread *worker = QThread::create([&] {
        Latchkey::Core::LoopRound::enableForCurrentThread();
        for (int i = 1; i <= spends; ++i)
            committer.spendAsync({keyId, 1, false, harness.clock().nowMs(), u"req"_s, {}}, results.at(i));
        QThread::msleep(300); // the commit thread was not woken: nothing may commit meanwhile
        queuedBeforeEnd = committer.queued();
        commitsBeforeEnd = committer.commits();
        Latchkey::Core::LoopRound::endRound();
    });
    worker->start();
    QVERIFY(worker->wait(60'000));
    delete worker;
    QCOMPARE(queuedBeforeEnd, spends);
    QCOMPARE(commitsBeforeEnd, 1);
    QTRY_COMPARE_WITH_TIMEOUT(results.finished(), spends + 1, 30'000);
    QCOMPARE(committer.commits(), 2);
    QCOMPARE(committer.committedSpends(), spends + 1);
    QCOMPARE(storedRemaining(harness, keyId), 100 - spends - 1);
}

QTEST_GUILESS_MAIN(TestCreditCommitter)
#include "tst_creditcommitter.moc"
