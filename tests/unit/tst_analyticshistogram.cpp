#include "core/latencyhistogram.h"

#include <QTest>

#include <random>

using namespace Latchkey::Core;

class TestAnalyticsHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binsCoverEveryValueOnce();
    void smallLatenciesAreExact();
    void quantilesWithinBinPrecision();
    void mergeEqualsAddingEverything();
    void encodingRoundTrips();
    void corruptEncodingsAreRejected_data();
    void corruptEncodingsAreRejected();
    void encodedMergeEqualsDecodedMerge();
    void encodedQuantileEqualsMergedQuantile();
    void encodedFunctionsRejectCorruptEncodings_data();
    void encodedFunctionsRejectCorruptEncodings();
};

void TestAnalyticsHistogram::binsCoverEveryValueOnce()
{
    // Adjacent bins touch and never overlap; every bin is at most 12.5 % wide.
    for (int bin = 0; bin < LatencyHistogram::BinCount; ++bin) {
        QCOMPARE(LatencyHistogram::binOf(LatencyHistogram::binLowUs(bin)), bin);
        QCOMPARE(LatencyHistogram::binOf(LatencyHistogram::binHighUs(bin)), bin);
        if (bin > 0)
            QCOMPARE(LatencyHistogram::binLowUs(bin), LatencyHistogram::binHighUs(bin - 1) + 1);
        const qint64 width = LatencyHistogram::binHighUs(bin) - LatencyHistogram::binLowUs(bin) + 1;
        QVERIFY(width * 8 <= std::max<qint64>(LatencyHistogram::binLowUs(bin), 8));
    }
    QCOMPARE(LatencyHistogram::binOf(-5), 0);
    QCOMPARE(LatencyHistogram::binOf(qint64(1) << 40), LatencyHistogram::BinCount - 1);
    QCOMPARE(LatencyHistogram::binHighUs(LatencyHistogram::BinCount - 1), (qint64(1) << 31) - 1);
}

void TestAnalyticsHistogram::smallLatenciesAreExact()
{
    LatencyHistogram histogram;
    for (int us = 1; us <= 10; ++us)
        histogram.add(us);
    QCOMPARE(histogram.count(), quint64(10));
    QCOMPARE(histogram.quantileUs(0.5), 5); // nearest rank: the 5th of 10
    QCOMPARE(histogram.quantileUs(0.75), 8); // ceil(7.5) = 8th
    QCOMPARE(histogram.quantileUs(0.99), 10);
    QCOMPARE(histogram.quantileUs(1.0), 10);
    QCOMPARE(LatencyHistogram().quantileUs(0.5), 0);
}

void TestAnalyticsHistogram::quantilesWithinBinPrecision()
{
    std::mt19937_64 random(42);
    std::lognormal_distribution<double> latency(6.0, 1.2); // ~400 µs median, long tail
    std::vector<qint64> values;
    LatencyHistogram histogram;
    for (int i = 0; i < 20'000; ++i) {
        values.push_back(qint64(latency(random)));
        histogram.add(values.back());
    }
    std::sort(values.begin(), values.end());
    for (const double q : {0.5, 0.75, 0.99}) {
        const qint64 exact = values[size_t(std::ceil(q * double(values.size()))) - 1];
        const qint64 estimate = histogram.quantileUs(q);
        QVERIFY2(std::abs(double(estimate - exact)) <= 0.07 * double(exact) + 1,
            qPrintable(QStringLiteral("q=%1 exact=%2 estimate=%3").arg(q).arg(exact).arg(estimate)));
    }
}

void TestAnalyticsHistogram::mergeEqualsAddingEverything()
{
    LatencyHistogram all;
    LatencyHistogram left;
    LatencyHistogram right;
    for (qint64 us = 0; us < 5000; us += 7) {
        all.add(us);
        (us % 3 ? left : right).add(us);
    }
    left.merge(right);
    QCOMPARE(left, all);
    QCOMPARE(left.quantileUs(0.99), all.quantileUs(0.99));
}

void TestAnalyticsHistogram::encodingRoundTrips()
{
    LatencyHistogram histogram;
    histogram.add(3, 1);
    histogram.add(250, 300); // a count needing two LEB128 bytes
    histogram.add(90'000, 5'000'000'000); // and one needing five
    const QByteArray encoded = histogram.encode();
    QCOMPARE(encoded.size(), 1 + 2 + 3 + 6);
    const auto decoded = LatencyHistogram::decode(encoded);
    QVERIFY(decoded);
    QCOMPARE(*decoded, histogram);
    QCOMPARE(LatencyHistogram().encode(), QByteArray(1, LatencyHistogram::EncodingVersion));
    QVERIFY(LatencyHistogram::decode(LatencyHistogram().encode()));
}

void TestAnalyticsHistogram::corruptEncodingsAreRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong version") << QByteArray("\x02", 1);
    QTest::newRow("bin without count") << QByteArray("\x01\x05", 2);
    QTest::newRow("unterminated count") << QByteArray("\x01\x05\x80", 3);
    QTest::newRow("zero count") << QByteArray("\x01\x05\x00", 3);
    QTest::newRow("bins out of order") << QByteArray("\x01\x05\x01\x04\x01", 5);
    QTest::newRow("bin out of range") << QByteArray("\x01\xf0\x01", 3);
}

void TestAnalyticsHistogram::corruptEncodingsAreRejected()
{
    QFETCH(QByteArray, data);
    QVERIFY(!LatencyHistogram::decode(data));
}

namespace {

// Random histograms with overlapping and disjoint bins, counts from 1 to several LEB128 bytes.
LatencyHistogram randomHistogram(std::mt19937_64 &random, int values)
{
    std::uniform_int_distribution<qint64> latency(0, 200'000);
    std::uniform_int_distribution<quint64> count(1, 1'000'000'000);
    LatencyHistogram histogram;
    for (int i = 0; i < values; ++i)
        histogram.add(latency(random), i % 3 ? 1 : count(random));
    return histogram;
}

QByteArray mergedEncoding(QByteArrayView left, QByteArrayView right)
{
    char out[LatencyHistogram::MaxEncodedSize];
    const auto size = LatencyHistogram::mergeEncoded(left, right, out);
    return size ? QByteArray(out, *size) : QByteArray();
}

} // namespace

void TestAnalyticsHistogram::encodedMergeEqualsDecodedMerge()
{
    // The writer's SQL functions merge encodings directly; the bytes must be exactly those of
    // decode + merge + encode, or rows written before and after would differ.
    std::mt19937_64 random(7);
    for (int round = 0; round < 200; ++round) {
        const LatencyHistogram left = randomHistogram(random, round % 40);
        const LatencyHistogram right = randomHistogram(random, (round * 7) % 50);
        LatencyHistogram merged = left;
        merged.merge(right);
        QCOMPARE(mergedEncoding(left.encode(), right.encode()), merged.encode());
        LatencyHistogram viaMember = left;
        QVERIFY(viaMember.mergeEncoded(right.encode()));
        QCOMPARE(viaMember, merged);
    }
    // Every bin at once (the longest encoding fits the buffer), and empty views as empty histograms.
    LatencyHistogram full;
    for (int bin = 0; bin < LatencyHistogram::BinCount; ++bin)
        full.add(LatencyHistogram::binLowUs(bin), quint64(1) << 62);
    LatencyHistogram doubled = full;
    doubled.merge(full);
    QCOMPARE(mergedEncoding(full.encode(), full.encode()), doubled.encode());
    QCOMPARE(mergedEncoding({}, {}), LatencyHistogram().encode());
    QCOMPARE(mergedEncoding(full.encode(), {}), full.encode());
}

void TestAnalyticsHistogram::encodedQuantileEqualsMergedQuantile()
{
    std::mt19937_64 random(11);
    for (int round = 0; round < 200; ++round) {
        const LatencyHistogram left = randomHistogram(random, round % 30);
        const LatencyHistogram right = randomHistogram(random, (round * 3) % 20);
        LatencyHistogram merged = left;
        merged.merge(right);
        for (const double q : {0.0, 0.01, 0.5, 0.75, 0.99, 1.0}) {
            const auto quantile = LatencyHistogram::encodedQuantileUs(left.encode(), right.encode(), q);
            QVERIFY(quantile);
            QCOMPARE(*quantile, merged.quantileUs(q));
        }
    }
    QCOMPARE(LatencyHistogram::encodedQuantileUs({}, {}, 0.5), std::optional<qint64>(0));
}

void TestAnalyticsHistogram::encodedFunctionsRejectCorruptEncodings_data()
{
    corruptEncodingsAreRejected_data();
}

void TestAnalyticsHistogram::encodedFunctionsRejectCorruptEncodings()
{
    QFETCH(QByteArray, data);
    if (data.isEmpty())
        QSKIP("an empty view is an empty histogram here (SQL NULL)");
    const QByteArray valid = LatencyHistogram().encode();
    char out[LatencyHistogram::MaxEncodedSize];
    QVERIFY(!LatencyHistogram::mergeEncoded(data, valid, out));
    QVERIFY(!LatencyHistogram::mergeEncoded(valid, data, out));
    QVERIFY(!LatencyHistogram::encodedQuantileUs(data, {}, 0.5));
    QVERIFY(!LatencyHistogram::encodedQuantileUs({}, data, 0.5));
    LatencyHistogram histogram;
    histogram.add(100);
    const LatencyHistogram before = histogram;
    QVERIFY(!histogram.mergeEncoded(data));
    QCOMPARE(histogram, before); // nothing half-merged
}

QTEST_GUILESS_MAIN(TestAnalyticsHistogram)
#include "tst_analyticshistogram.moc"
