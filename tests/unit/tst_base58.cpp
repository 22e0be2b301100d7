#include "core/base58.h"
#include "core/random.h"

#include <QTest>

#include <vector>

using namespace Latchkey::Core;

namespace {

// Reference decoder for the round-trip test: plain big-number arithmetic, independent of the
// encoder's implementation.
QByteArray decodeBase58(const QByteArray &text)
{
    static const QByteArray alphabet = QByteArrayLiteral("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    qsizetype ones = 0;
    while (ones < text.size() && text[ones] == '1')
        ++ones;
    std::vector<unsigned> bigEndian;
    for (qsizetype i = ones; i < text.size(); ++i) {
        unsigned carry = unsigned(alphabet.indexOf(text[i]));
        for (auto it = bigEndian.rbegin(); it != bigEndian.rend(); ++it) {
            carry += *it * 58;
            *it = carry & 0xff;
            carry >>= 8;
        }
        for (; carry > 0; carry >>= 8)
            bigEndian.insert(bigEndian.begin(), carry & 0xff);
    }
    QByteArray out(ones, '\0');
    for (const unsigned byte : bigEndian)
        out.append(char(byte));
    return out;
}

} // namespace

class TestBase58 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void roundTripsRandomBytes();
    void usesOnlyTheBitcoinAlphabet();
};

void TestBase58::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one zero byte") << QByteArray(1, '\0') << QByteArray("1");
    QTest::newRow("ten zero bytes") << QByteArray(10, '\0') << QByteArray("1111111111");
    QTest::newRow("0x01") << QByteArray::fromHex("01") << QByteArray("2");
    QTest::newRow("zeros then 0x01") << QByteArray::fromHex("00000001") << QByteArray("1112");
    QTest::newRow("0x39 (57)") << QByteArray::fromHex("39") << QByteArray("z");
    QTest::newRow("0x3a (58)") << QByteArray::fromHex("3a") << QByteArray("21");
    QTest::newRow("0x61") << QByteArray::fromHex("61") << QByteArray("2g");
    QTest::newRow("0xff") << QByteArray::fromHex("ff") << QByteArray("5Q");
    QTest::newRow("0xffff") << QByteArray::fromHex("ffff") << QByteArray("LUv");
    QTest::newRow("bbb") << QByteArray("bbb") << QByteArray("a3gV");
    QTest::newRow("ccc") << QByteArray("ccc") << QByteArray("aPEr");
    QTest::newRow("Hello World!") << QByteArray("Hello World!") << QByteArray("2NEpo7TZRRrLZSi2U");
    QTest::newRow("simply a long string")
        << QByteArray("simply a long string") << QByteArray("2cFupjhnEsSn59qHXstmK2ffpLv2");
    QTest::newRow("bitcoin address") << QByteArray::fromHex("00eb15231dfceb60925886b67d065299925915aeb172c06647")
                                     << QByteArray("1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L");
    QTest::newRow("516b6fcd0f") << QByteArray::fromHex("516b6fcd0f") << QByteArray("ABnLTmg");
    QTest::newRow("bf4f89001e670274dd") << QByteArray::fromHex("bf4f89001e670274dd") << QByteArray("3SEo3LWLoPntC");
    QTest::newRow("572e4794") << QByteArray::fromHex("572e4794") << QByteArray("3EFU7m");
    QTest::newRow("ecac89cad93923c02321")
        << QByteArray::fromHex("ecac89cad93923c02321") << QByteArray("EJDM8drfXA6uyA");
    QTest::newRow("10c8511e") << QByteArray::fromHex("10c8511e") << QByteArray("Rt5zm");
}

void TestBase58::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(base58Encode(input), expected);
}

void TestBase58::roundTripsRandomBytes()
{
    for (int length = 0; length <= 300; ++length) {
        QByteArray bytes = secureRandomBytes(length);
        if (length % 7 == 3)
            bytes.prepend(QByteArray(length % 4 + 1, '\0')); // leading zeros must survive
        QCOMPARE(decodeBase58(base58Encode(bytes)), bytes);
    }
}

void TestBase58::usesOnlyTheBitcoinAlphabet()
{
    const QByteArray encoded = base58Encode(secureRandomBytes(4096));
    for (const char c : encoded) {
        QVERIFY2(QByteArrayView("0OIl").indexOf(c) < 0, "ambiguous character in output");
        QVERIFY((c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }
}

QTEST_APPLESS_MAIN(TestBase58)
#include "tst_base58.moc"
