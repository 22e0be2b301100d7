// CreditCommitter: group-committed credit spends stay exact, batch concurrent callers into
// shared transactions, and isolate a failing spend from the rest of its batch.
#include "support/apiharness.h"

#include "store/creditcommitter.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <atomic>

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

private:
    QString createKey(ApiHarness &harness, qint64 credits);
    qint64 storedRemaining(ApiHarness &harness, const QString &keyId);
};

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

QTEST_GUILESS_MAIN(TestCreditCommitter)
#include "tst_creditcommitter.moc"
