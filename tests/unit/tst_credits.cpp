#include "core/credits.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace Latchkey::Core;

namespace {

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

RefillRule daily(qint64 amount)
{
    return {RefillInterval::Daily, amount, 1};
}

RefillRule monthly(qint64 amount, int day)
{
    return {RefillInterval::Monthly, amount, day};
}

} // namespace

class TestCredits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaries_data();
    void boundaries();
    void dailyRefillHappensExactlyAtMidnight();
    void refillReplacesLowerBalance_data();
    void refillReplacesLowerBalance();
    void lastRefillPreventsDoubleRefill();
    void missedBoundariesRefillOnce();
    void monthlyRefillOnClampedDay();
    void unlimitedAndRuleLessKeysAreUntouched();
};

void TestCredits::boundaries_data()
{
    QTest::addColumn<RefillRule>("rule");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<qint64>("next");

    QTest::newRow("daily, afternoon") << daily(10) << utc(2027, 3, 10, 13, 45) << utc(2027, 3, 10) << utc(2027, 3, 11);
    QTest::newRow("daily, at midnight") << daily(10) << utc(2027, 3, 10) << utc(2027, 3, 10) << utc(2027, 3, 11);
    QTest::newRow("daily, 1 ms before midnight")
        << daily(10) << utc(2027, 3, 10) - 1 << utc(2027, 3, 9) << utc(2027, 3, 10);
    QTest::newRow("daily, new year") << daily(10) << utc(2027, 12, 31, 23) << utc(2027, 12, 31) << utc(2028, 1, 1);
    QTest::newRow("daily ignores refillDay")
        << RefillRule {RefillInterval::Daily, 10, 15} << utc(2027, 3, 10, 1) << utc(2027, 3, 10) << utc(2027, 3, 11);

    QTest::newRow("day 15, before it") << monthly(10, 15) << utc(2027, 6, 14, 12) << utc(2027, 5, 15)
                                       << utc(2027, 6, 15);
    QTest::newRow("day 15, at it") << monthly(10, 15) << utc(2027, 6, 15) << utc(2027, 6, 15) << utc(2027, 7, 15);
    QTest::newRow("day 15, 1 ms before it")
        << monthly(10, 15) << utc(2027, 6, 15) - 1 << utc(2027, 5, 15) << utc(2027, 6, 15);
    QTest::newRow("day 15, after it") << monthly(10, 15) << utc(2027, 6, 20) << utc(2027, 6, 15) << utc(2027, 7, 15);
    QTest::newRow("day 15, December to January")
        << monthly(10, 15) << utc(2027, 12, 20) << utc(2027, 12, 15) << utc(2028, 1, 15);
    QTest::newRow("day 15, January from December")
        << monthly(10, 15) << utc(2028, 1, 10) << utc(2027, 12, 15) << utc(2028, 1, 15);
    QTest::newRow("day 1") << monthly(10, 1) << utc(2027, 6, 1, 0, 0, 0, 1) << utc(2027, 6, 1) << utc(2027, 7, 1);

    QTest::newRow("day 31 in February 2027, before the 28th")
        << monthly(10, 31) << utc(2027, 2, 27, 12) << utc(2027, 1, 31) << utc(2027, 2, 28);
    QTest::newRow("day 31 in February 2027, on the 28th")
        << monthly(10, 31) << utc(2027, 2, 28) << utc(2027, 2, 28) << utc(2027, 3, 31);
    QTest::newRow("day 31 in March 2027")
        << monthly(10, 31) << utc(2027, 3, 15) << utc(2027, 2, 28) << utc(2027, 3, 31);
    QTest::newRow("day 31 in April (30 days)")
        << monthly(10, 31) << utc(2027, 4, 30, 6) << utc(2027, 4, 30) << utc(2027, 5, 31);
    QTest::newRow("day 31 in leap February 2028, on the 28th")
        << monthly(10, 31) << utc(2028, 2, 28, 23, 59) << utc(2028, 1, 31) << utc(2028, 2, 29);
    QTest::newRow("day 31 in leap February 2028, on the 29th")
        << monthly(10, 31) << utc(2028, 2, 29) << utc(2028, 2, 29) << utc(2028, 3, 31);
    QTest::newRow("day 30 in February 2027")
        << monthly(10, 30) << utc(2027, 3, 1) << utc(2027, 2, 28) << utc(2027, 3, 30);
}

void TestCredits::boundaries()
{
    QFETCH(RefillRule, rule);
    QFETCH(qint64, now);
    QFETCH(qint64, last);
    QFETCH(qint64, next);

    QCOMPARE(lastRefillBoundaryMs(rule, now), last);
    QCOMPARE(nextRefillBoundaryMs(rule, now), next);
}

void TestCredits::dailyRefillHappensExactlyAtMidnight()
{
    CreditState state {3, daily(100), utc(2027, 3, 9, 10)};

    QVERIFY(!applyDueRefill(state, utc(2027, 3, 10) - 1));
    QCOMPARE(state.remaining, 3);
    QCOMPARE(state.lastRefillAtMs, utc(2027, 3, 9, 10));

    QVERIFY(applyDueRefill(state, utc(2027, 3, 10)));
    QCOMPARE(state.remaining, 100);
    QCOMPARE(state.lastRefillAtMs, utc(2027, 3, 10));
}

void TestCredits::refillReplacesLowerBalance_data()
{
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("empty") << 0LL << 1000LL << 1000LL;
    QTest::newRow("50 becomes exactly 1000 (replace, not add)") << 50LL << 1000LL << 1000LL;
    QTest::newRow("at the amount") << 1000LL << 1000LL << 1000LL;
    QTest::newRow("above the amount is untouched") << 1500LL << 1000LL << 1500LL;
}

void TestCredits::refillReplacesLowerBalance()
{
    QFETCH(qint64, remaining);
    QFETCH(qint64, amount);
    QFETCH(qint64, expected);

    CreditState state {remaining, daily(amount), utc(2027, 3, 9, 10)};
    QVERIFY(applyDueRefill(state, utc(2027, 3, 10, 8)));
    QCOMPARE(state.remaining, expected);
    QCOMPARE(state.lastRefillAtMs, utc(2027, 3, 10, 8)); // moves even when the balance does not
}

void TestCredits::lastRefillPreventsDoubleRefill()
{
    CreditState state {0, daily(10), utc(2027, 3, 9, 10)};
    QVERIFY(applyDueRefill(state, utc(2027, 3, 10, 0, 0, 5)));
    QCOMPARE(state.remaining, 10);

    state.remaining = 2; // spent after the refill
    QVERIFY(!applyDueRefill(state, utc(2027, 3, 10, 0, 0, 5)));
    QVERIFY(!applyDueRefill(state, utc(2027, 3, 10, 23, 59, 59, 999)));
    QCOMPARE(state.remaining, 2);
    QCOMPARE(state.lastRefillAtMs, utc(2027, 3, 10, 0, 0, 5));

    QVERIFY(applyDueRefill(state, utc(2027, 3, 11)));
    QCOMPARE(state.remaining, 10);
}

void TestCredits::missedBoundariesRefillOnce()
{
    CreditState state {1, daily(10), utc(2027, 3, 1, 12)};
    QVERIFY(applyDueRefill(state, utc(2027, 3, 5, 9)));
    QCOMPARE(state.remaining, 10);
    state.remaining = 4;
    QVERIFY(!applyDueRefill(state, utc(2027, 3, 5, 10)));
    QCOMPARE(state.remaining, 4);
}

void TestCredits::monthlyRefillOnClampedDay()
{
    CreditState state {0, monthly(50, 31), utc(2027, 1, 31, 0, 0, 1)};
    QVERIFY(!applyDueRefill(state, utc(2027, 2, 27, 23, 59, 59, 999)));
    QVERIFY(applyDueRefill(state, utc(2027, 2, 28)));
    QCOMPARE(state.remaining, 50);
    state.remaining = 0;
    QVERIFY(!applyDueRefill(state, utc(2027, 3, 30, 23)));
    QVERIFY(applyDueRefill(state, utc(2027, 3, 31, 1)));
    QCOMPARE(state.remaining, 50);

    CreditState leap {7, monthly(50, 31), utc(2028, 1, 31, 12)};
    QVERIFY(!applyDueRefill(leap, utc(2028, 2, 28, 23, 59)));
    QVERIFY(applyDueRefill(leap, utc(2028, 2, 29)));
    QCOMPARE(leap.remaining, 50);

    CreditState mid {7, monthly(50, 15), utc(2027, 6, 1)};
    QVERIFY(!applyDueRefill(mid, utc(2027, 6, 15) - 1));
    QVERIFY(applyDueRefill(mid, utc(2027, 6, 15)));
    QCOMPARE(mid.remaining, 50);
}

void TestCredits::unlimitedAndRuleLessKeysAreUntouched()
{
    CreditState unlimited {std::nullopt, daily(10), utc(2027, 3, 1)};
    QVERIFY(!applyDueRefill(unlimited, utc(2027, 3, 5)));
    QVERIFY(!unlimited.remaining.has_value());
    QCOMPARE(unlimited.lastRefillAtMs, utc(2027, 3, 1));

    CreditState noRule {3, std::nullopt, utc(2027, 3, 1)};
    QVERIFY(!applyDueRefill(noRule, utc(2027, 3, 5)));
    QCOMPARE(noRule.remaining, 3);
    QCOMPARE(noRule.lastRefillAtMs, utc(2027, 3, 1));
}

QTEST_APPLESS_MAIN(TestCredits)
#include "tst_credits.moc"
