#include "verifyfixture.h"

#include "api/router.h"
#include "http/deferredresponse.h"

#include <QDateTime>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

namespace {

QJsonObject withCredits(qint64 remaining, const QJsonObject &refill = {})
{
    QJsonObject credits {{u"remaining"_s, remaining}};
    if (!refill.isEmpty())
        credits.insert(u"refill"_s, refill);
    return QJsonObject {{u"credits"_s, credits}};
}

QJsonObject cost(qint64 value)
{
    return QJsonObject {{u"credits"_s, QJsonObject {{u"cost"_s, value}}}};
}

qint64 utcMs(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

/// keys.verifyKey and credits (reference §2.5, §4): costs, exhaustion, refills at their exact
/// boundary, durability and exactness under concurrency (invariant 3).
class TestVerifyCredits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultCostIsOne();
    void exceedingWithDefaultCost();
    void customCost();
    void exceedingWithCustomCostSpendsNothing();
    void costZeroPassesWithNothingLeft();
    void unlimitedKeyIgnoresCost();
    void spendIsCommittedBeforeTheAnswer();
    void dailyRefillAtMidnightUtc();
    void monthlyRefillDay31InFebruary();
    void refillReplacesAndNeverLowers();
    void sweeperRefillsKeysNobodyVerifies();
    void concurrentVerifiesNeverOverspend();
    void spendDoesNotBlockTheCaller();
    void rateLimitedSpendsNoCredit();
};

void TestVerifyCredits::defaultCostIsOne()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(10));
    const QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data,
        (QJsonObject {{u"valid"_s, true}, {u"code"_s, u"VALID"_s}, {u"keyId"_s, key.id}, {u"enabled"_s, true},
            {u"credits"_s, 9}}));
    QCOMPARE(f.remaining(key.id), 9);
}

void TestVerifyCredits::exceedingWithDefaultCost()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(1));
    QCOMPARE(f.verifyData(key.key).value(u"credits").toInteger(), 0);
    const QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(data.value(u"valid").toBool(), false);
    QCOMPARE(data.value(u"credits").toInteger(), 0);
    QCOMPARE(f.events().constLast().outcome, u"USAGE_EXCEEDED"_s);
    QCOMPARE(f.events().constLast().spentCredits, 0);
}

void TestVerifyCredits::customCost()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(10));
    const QJsonObject data = f.verifyData(key.key, cost(4));
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 6);
    QCOMPARE(f.remaining(key.id), 6);
    QCOMPARE(f.events().constLast().spentCredits, 4);
}

void TestVerifyCredits::exceedingWithCustomCostSpendsNothing()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(5));
    const QJsonObject data = f.verifyData(key.key, cost(6));
    QCOMPARE(data.value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 5); // no partial spend
    QCOMPARE(f.remaining(key.id), 5);
    QCOMPARE(f.verifyData(key.key, cost(5)).value(u"credits").toInteger(), 0);
}

void TestVerifyCredits::costZeroPassesWithNothingLeft()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(0));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    const QJsonObject data = f.verifyData(key.key, cost(0));
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 0);
    QVERIFY(data.contains(u"credits"));
}

void TestVerifyCredits::unlimitedKeyIgnoresCost()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const QJsonObject data = f.verifyData(key.key, cost(1000));
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QVERIFY(!data.contains(u"credits"));
    QCOMPARE(f.events().constLast().spentCredits, 0);
}

void TestVerifyCredits::spendIsCommittedBeforeTheAnswer()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(3));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    // A separate connection sees only committed data: the spend is in the file, not in a buffer.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"independent-reader"_s);
        other.setDatabaseName(h.server().database().path());
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(u"SELECT remaining FROM keys WHERE id = '%1'"_s.arg(key.id)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), 2);
    }
    QSqlDatabase::removeDatabase(u"independent-reader"_s);
}

void TestVerifyCredits::dailyRefillAtMidnightUtc()
{
    ApiHarness h;
    VerifyFixture f(h);
    h.clock().setNowMs(utcMs(2026, 1, 1, 9));
    const TestKey key = f.createKey(withCredits(1, {{u"interval"_s, u"daily"_s}, {u"amount"_s, 5}}));
    QCOMPARE(f.verifyData(key.key).value(u"credits").toInteger(), 0);
    h.clock().setNowMs(utcMs(2026, 1, 1, 23, 59, 59, 999));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(f.auditCount(u"key.update"_s), 0);

    h.clock().setNowMs(utcMs(2026, 1, 2));
    QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 4); // refilled to 5, then this verification spent 1
    // The refill is audited, by the refill service, in the same transaction as the spend.
    QCOMPARE(f.auditCount(u"key.update"_s), 1);
    QCOMPARE(f.scalar(u"SELECT actor_type || ':' || actor_id FROM audit_logs WHERE event = 'key.update'"_s).toString(),
        u"system:keyrefill"_s);
    QCOMPARE(f.scalar(u"SELECT description FROM audit_logs WHERE event = 'key.update'"_s).toString(),
        u"Refilled key "_s + key.id);
    // and says by how much: from 0 (the day's last credit spent) to the refill amount.
    QCOMPARE(f.scalar(u"SELECT changes FROM audit_logs WHERE event = 'key.update'"_s).toString(),
        uR"([{"field":"credits.remaining","new":5,"old":0}])"_s);

    // Only once per day.
    QCOMPARE(f.verifyData(key.key, cost(4)).value(u"credits").toInteger(), 0);
    h.clock().setNowMs(utcMs(2026, 1, 2, 23));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(f.auditCount(u"key.update"_s), 1);
}

void TestVerifyCredits::monthlyRefillDay31InFebruary()
{
    ApiHarness h;
    VerifyFixture f(h);
    h.clock().setNowMs(utcMs(2026, 1, 31, 12));
    const TestKey key
        = f.createKey(withCredits(0, {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 3}, {u"refillDay"_s, 31}}));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    // February 2026 has 28 days: day 31 means its last day.
    h.clock().setNowMs(utcMs(2026, 2, 27, 23, 59, 59, 999));
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    h.clock().setNowMs(utcMs(2026, 2, 28));
    QCOMPARE(f.verifyData(key.key).value(u"credits").toInteger(), 2);
    QCOMPARE(f.remaining(key.id), 2);
    h.clock().setNowMs(utcMs(2026, 3, 30, 23));
    QCOMPARE(f.verifyData(key.key, cost(2)).value(u"credits").toInteger(), 0);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    h.clock().setNowMs(utcMs(2026, 3, 31));
    QCOMPARE(f.verifyData(key.key).value(u"credits").toInteger(), 2);
}

void TestVerifyCredits::refillReplacesAndNeverLowers()
{
    ApiHarness h;
    VerifyFixture f(h);
    const QJsonObject daily {{u"interval"_s, u"daily"_s}, {u"amount"_s, 10}};
    const TestKey low = f.createKey(withCredits(4, daily));
    const TestKey high = f.createKey(withCredits(50, daily));
    h.clock().advanceMs(24 * 3600 * 1000);
    QCOMPARE(f.verifyData(low.key).value(u"credits").toInteger(), 9); // 4 -> 10, not 14
    QCOMPARE(f.verifyData(high.key).value(u"credits").toInteger(), 49); // above the amount: kept
    QCOMPARE(f.auditCount(u"key.update"_s), 1);
}

void TestVerifyCredits::concurrentVerifiesNeverOverspend()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(10));
    const QByteArray body = QJsonDocument(QJsonObject {{u"key"_s, key.key}}).toJson(QJsonDocument::Compact);
    const QByteArray auth = "Bearer " + h.rootKey().toUtf8();
    std::atomic<int> next {0};
    std::atomic<int> valid {0};
    std::atomic<int> exceeded {0};
    std::atomic<int> other {0};
    QList<QThread *> threads;
    for (int t = 0; t < 8; ++t) {
        threads.append(QThread::create([&] {
            while (next.fetch_add(1) < 50) {
                Latchkey::Http::Request request;
                request.method = "POST";
                request.path = "/v2/keys.verifyKey";
                request.body = body;
                request.headers = {{"Authorization", auth}};
                request.remoteAddress = QHostAddress::LocalHost;
                const auto response = h.handle(request);
                const QString code = QJsonDocument::fromJson(response.body)
                                         .object()
                                         .value(u"data")
                                         .toObject()
                                         .value(u"code")
                                         .toString();
                if (code == u"VALID")
                    ++valid;
                else if (code == u"USAGE_EXCEEDED")
                    ++exceeded;
                else
                    ++other;
            }
        }));
        threads.constLast()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QCOMPARE(valid.load(), 10);
    QCOMPARE(exceeded.load(), 40);
    QCOMPARE(other.load(), 0);
    QCOMPARE(f.remaining(key.id), 0);
}

// The worker must not wait for the commit (issue 6): while another write holds the database's
// write lock, verifying a key with credits returns at once with a deferred response, which
// completes (VALID, the spend durable) once the lock is released.
void TestVerifyCredits::spendDoesNotBlockTheCaller()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(withCredits(3));
    QSemaphore holding;
    QSemaphore release;
    QThread *writer = QThread::create([&] {
        (void)h.server().database().write(
            [&]() -> Latchkey::Core::Status {
                holding.release();
                release.acquire();
                return {};
            },
            Latchkey::Store::Database::Invalidation::None);
    });
    writer->start();
    holding.acquire(); // no spend can commit from here on
    Latchkey::Http::Request request;
    request.method = "POST";
    request.path = "/v2/keys.verifyKey";
    request.body = QJsonDocument(QJsonObject {{u"key"_s, key.key}}).toJson(QJsonDocument::Compact);
    request.headers = {{"Authorization", "Bearer " + h.rootKey().toUtf8()}};
    request.remoteAddress = QHostAddress::LocalHost;
    Latchkey::Http::Response response;
    QThread *caller = QThread::create([&] { response = h.server().router().handle(request); });
    caller->start();
    const bool returnedWhileLocked = caller->wait(20'000);
    const bool completedWhileLocked = returnedWhileLocked && response.deferred
        && response.deferred->waitAndTake(std::chrono::milliseconds(200)).has_value();
    release.release();
    QVERIFY(writer->wait(60'000));
    QVERIFY(caller->wait(60'000));
    delete writer;
    delete caller;
    QVERIFY2(returnedWhileLocked, "verifyKey waited for the credit commit");
    QVERIFY(response.deferred);
    QVERIFY(!completedWhileLocked); // a VALID is never sent before its spend committed
    const std::optional<Latchkey::Http::Response> answer = response.deferred->waitAndTake(std::chrono::minutes(1));
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    const QJsonObject data = QJsonDocument::fromJson(answer->body).object().value(u"data").toObject();
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 2);
    QCOMPARE(f.remaining(key.id), 2);
}

void TestVerifyCredits::rateLimitedSpendsNoCredit()
{
    ApiHarness h;
    VerifyFixture f(h);
    QJsonObject request = withCredits(1);
    request.insert(u"ratelimits"_s,
        QJsonArray {
            QJsonObject {{u"name"_s, u"requests"_s}, {u"limit"_s, 2}, {u"duration"_s, 60000}, {u"autoApply"_s, true}}});
    const TestKey key = f.createKey(request);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    // USAGE_EXCEEDED comes after the rate limit, which has consumed its token already.
    QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    QCOMPARE(data.value(u"ratelimits").toArray().at(0).toObject().value(u"remaining").toInteger(), 0);
    // Now the rate limit denies, and no credit is touched (there is none, but the balance stays).
    f.mutate(u"UPDATE keys SET remaining = 5 WHERE id = ?"_s, {key.id});
    data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"RATE_LIMITED"_s);
    QCOMPARE(data.value(u"credits").toInteger(), 5);
    QCOMPARE(f.remaining(key.id), 5);
}

QTEST_GUILESS_MAIN(TestVerifyCredits)
#include "tst_verify_credits.moc"

void TestVerifyCredits::sweeperRefillsKeysNobodyVerifies()
{
    ApiHarness h;
    VerifyFixture f(h);
    h.clock().setNowMs(utcMs(2027, 2, 27, 12));
    const TestKey daily = f.createKey(withCredits(1, {{u"interval"_s, u"daily"_s}, {u"amount"_s, 5}}));
    const TestKey monthly = f.createKey(
        withCredits(1, {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 7}, {u"refillDay"_s, 31}}));
    const TestKey full = f.createKey(withCredits(9, {{u"interval"_s, u"daily"_s}, {u"amount"_s, 5}}));
    QCOMPARE(f.verifyData(daily.key).value(u"credits").toInteger(), 0);
    QCOMPARE(f.verifyData(monthly.key).value(u"credits").toInteger(), 0);
    const auto remaining = [&](const TestKey &key) {
        return f.scalar(u"SELECT remaining FROM keys WHERE id = ?"_s, {key.id}).toLongLong();
    };

    // Before the boundary nothing is due.
    h.clock().setNowMs(utcMs(2027, 2, 27, 23, 59, 59, 999));
    QVERIFY(h.server().sweepRefills());
    QCOMPARE(remaining(daily), 0);

    // At 00:00 UTC the daily key is refilled without being verified; the monthly one waits for
    // its day (31 -> the last day of February), and a balance above the amount is left alone.
    h.clock().setNowMs(utcMs(2027, 2, 28));
    QVERIFY(h.server().sweepRefills());
    QCOMPARE(remaining(daily), 5);
    QCOMPARE(remaining(monthly), 7);
    QCOMPARE(remaining(full), 9);
    QCOMPARE(f.auditCount(u"key.update"_s), 2);

    // A second pass the same day changes nothing.
    QCOMPARE(f.verifyData(daily.key, cost(5)).value(u"credits").toInteger(), 0);
    QVERIFY(h.server().sweepRefills());
    QCOMPARE(remaining(daily), 0);
    QCOMPARE(f.auditCount(u"key.update"_s), 2);
}
