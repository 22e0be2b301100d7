#include "core/random.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;

class TestRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesHaveRequestedSize_data();
    void bytesHaveRequestedSize();
    void bytesDiffer();
    void idFormat_data();
    void idFormat();
    void requestIdFormat();
    void idsAreUnique();
    void idsFollowCreationOrder();
    void idsFromManyThreadsAreUniqueAndOrderedPerThread();
    void timePartIsTheMillisecond_data();
    void timePartIsTheMillisecond();
    void laterMillisecondsSortLater();
    void sameMillisecondStaysOrdered();
    void clockSteppingBackKeepsOrder();
    void overflowTakesTheNextMillisecond();
    void randomPartIsUniform();
};

void TestRandom::bytesHaveRequestedSize_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expected");
    QTest::newRow("negative") << -5 << 0;
    QTest::newRow("zero") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("32") << 32 << 32;
    QTest::newRow("4096") << 4096 << 4096;
}

void TestRandom::bytesHaveRequestedSize()
{
    QFETCH(int, count);
    QFETCH(int, expected);
    QCOMPARE(secureRandomBytes(count).size(), expected);
}

void TestRandom::bytesDiffer()
{
    QVERIFY(secureRandomBytes(32) != secureRandomBytes(32));
}

void TestRandom::idFormat_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("key") << u"key"_s;
    QTest::newRow("api") << u"api"_s;
    QTest::newRow("identity") << u"id"_s;
    QTest::newRow("ratelimit namespace") << u"rlns"_s;
}

void TestRandom::idFormat()
{
    QFETCH(QString, prefix);
    const QRegularExpression pattern(u"^"_s + prefix + u"_[0-9A-Za-z]{16}$"_s);
    for (int i = 0; i < 100; ++i) {
        const QString id = newId(prefix);
        QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
    }
}

void TestRandom::requestIdFormat()
{
    static const QRegularExpression pattern(u"^req_[A-Za-z0-9]{16}$"_s);
    QVERIFY(pattern.match(newRequestId()).hasMatch());
}

void TestRandom::idsAreUnique()
{
    QSet<QString> ids;
    for (int i = 0; i < 10000; ++i)
        ids.insert(newId(u"key"));
    QCOMPARE(ids.size(), 10000);
}

void TestRandom::idsFollowCreationOrder()
{
    // Thousands of ids in a few milliseconds: most share their millisecond with others.
    QString previous = newId(u"key");
    for (int i = 0; i < 20000; ++i) {
        const QString id = newId(u"key");
        QVERIFY2(previous < id, qPrintable(previous + u" then "_s + id));
        previous = id;
    }
}

void TestRandom::idsFromManyThreadsAreUniqueAndOrderedPerThread()
{
    constexpr int Threads = 4;
    constexpr int PerThread = 5000;
    std::array<QStringList, Threads> made;
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&list = made[t]] {
            for (int i = 0; i < PerThread; ++i)
                list.append(newId(u"perm"));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QSet<QString> all;
    for (const QStringList &list : made) {
        QVERIFY(std::is_sorted(list.cbegin(), list.cend()));
        all.unite(QSet<QString>(list.cbegin(), list.cend()));
    }
    QCOMPARE(all.size(), Threads * PerThread);
}

namespace {

constexpr qint64 Epoch = TimeOrderedIds::EpochMs;

/// Random bits from a list, repeated from its start when used up (values below 62^9 are taken
/// as they are by the generator: it keeps the low 54 bits and rejects 62^9 and above).
TimeOrderedIds::RandomSource scripted(QList<quint64> values)
{
    return [values = std::move(values), next = qsizetype(0)]() mutable { return values.at(next++ % values.size()); };
}

QString timePart(const QString &id)
{
    return id.sliced(id.indexOf(u'_') + 1, TimeOrderedIds::TimeDigits);
}

QString randomPart(const QString &id)
{
    return id.right(TimeOrderedIds::RandomDigits);
}

/// The time part of an id made at @p unixMs by a generator that made none before.
QString timePartAt(qint64 unixMs)
{
    return timePart(TimeOrderedIds(scripted({0})).next(u"x", unixMs));
}

} // namespace

void TestRandom::timePartIsTheMillisecond_data()
{
    QTest::addColumn<qint64>("unixMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the epoch, 2024-01-01") << Epoch << u"0000000"_s;
    QTest::newRow("61 ms later") << Epoch + 61 << u"000000z"_s;
    QTest::newRow("62 ms later") << Epoch + 62 << u"0000010"_s;
    QTest::newRow("one day later: 86400000 = 5*62^4 + 52*62^3 + 32*62^2 + 36*62 + 24")
        << Epoch + 86'400'000 << u"005qWaO"_s;
    QTest::newRow("before the epoch: clamped") << qint64(1'600'000'000'000) << u"0000000"_s;
    QTest::newRow("the last millisecond, 2135-08-06") << Epoch + 3'521'614'606'207 << u"zzzzzzz"_s;
    QTest::newRow("after it: clamped") << Epoch + 4'000'000'000'000 << u"zzzzzzz"_s;
}

void TestRandom::timePartIsTheMillisecond()
{
    QFETCH(qint64, unixMs);
    QFETCH(QString, expected);
    TimeOrderedIds ids(scripted({0, 1'234'567}));
    const QString id = ids.next(u"api", unixMs);
    QCOMPARE(id.size(), 4 + 16);
    QVERIFY(id.startsWith(u"api_"));
    QCOMPARE(timePart(id), expected);
    QCOMPARE(randomPart(id), u"000000000"_s);
}

void TestRandom::laterMillisecondsSortLater()
{
    // The largest random part first, the smallest next: the time part alone orders them.
    TimeOrderedIds ids(scripted({13'537'086'546'263'551u, 0}));
    const qint64 now = 1'795'000'000'000;
    const QString first = ids.next(u"key", now);
    const QString second = ids.next(u"key", now + 1);
    QCOMPARE(randomPart(first), u"zzzzzzzzz"_s);
    QCOMPARE(randomPart(second), u"000000000"_s);
    QVERIFY2(first < second, qPrintable(first + u" then "_s + second));
}

void TestRandom::sameMillisecondStaysOrdered()
{
    // Fresh draw 1000, then steps of 1 + the low 32 bits: +1, +1 + 2^32 - 1, +1.
    TimeOrderedIds ids(scripted({1000, 0, 0xFFFF'FFFFu, 0}));
    const qint64 now = 1'795'000'000'000;
    const QString a = ids.next(u"role", now);
    const QString b = ids.next(u"role", now);
    const QString c = ids.next(u"role", now);
    const QString d = ids.next(u"role", now);
    QCOMPARE(timePart(b), timePart(a));
    QCOMPARE(timePart(d), timePart(a));
    QCOMPARE(randomPart(a), u"0000000G8"_s); // 1000 = 16*62 + 8
    QCOMPARE(randomPart(b), u"0000000G9"_s);
    QCOMPARE(randomPart(c), u"0004gfFSD"_s); // 1001 + 2^32 = 4294968297
    QCOMPARE(randomPart(d), u"0004gfFSE"_s);
    QVERIFY(a < b && b < c && c < d);
}

void TestRandom::clockSteppingBackKeepsOrder()
{
    TimeOrderedIds ids(scripted({5, 0}));
    const qint64 now = 1'795'000'000'000;
    const QString before = ids.next(u"id", now);
    const QString after = ids.next(u"id", now - 60'000); // NTP stepped the clock back a minute
    QCOMPARE(timePart(after), timePart(before));
    QVERIFY2(before < after, qPrintable(before + u" then "_s + after));
    const QString later = ids.next(u"id", now + 1);
    QVERIFY(after < later);
    QCOMPARE(timePart(later), timePartAt(now + 1));
}

void TestRandom::overflowTakesTheNextMillisecond()
{
    // The largest random part, then a step that cannot fit: the id moves to the next millisecond.
    TimeOrderedIds ids(scripted({13'537'086'546'263'551u, 0, 7}));
    const qint64 now = 1'795'000'000'000;
    const QString full = ids.next(u"rlns", now);
    const QString moved = ids.next(u"rlns", now);
    const QString sameAsMoved = ids.next(u"rlns", now); // the clock still says `now`
    QCOMPARE(randomPart(full), u"zzzzzzzzz"_s);
    QCOMPARE(timePart(full), timePartAt(now));
    QCOMPARE(timePart(moved), timePartAt(now + 1));
    QCOMPARE(randomPart(moved), u"000000007"_s); // a fresh draw
    QVERIFY(full < moved);
    QVERIFY(moved < sameAsMoved);
    QCOMPARE(timePart(sameAsMoved), timePart(moved));
}

void TestRandom::randomPartIsUniform()
{
    // A new millisecond for every id, so each random part is a fresh draw: 62 * 2000 digits, each
    // expected 2000 times (sd ~44). A plain `byte % 62`-style bias or a skewed rejection would
    // move some digit far outside the bounds below.
    TimeOrderedIds ids;
    QHash<QChar, int> counts;
    const qint64 start = 1'795'000'000'000;
    for (int i = 0; i < 62 * 2000 / TimeOrderedIds::RandomDigits; ++i) {
        for (const QChar c : randomPart(ids.next(u"x", start + i)))
            ++counts[c];
    }
    QCOMPARE(counts.size(), 62);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() > 1750 && it.value() < 2250, qPrintable(QString(it.key())));
}

QTEST_APPLESS_MAIN(TestRandom)
#include "tst_random.moc"
