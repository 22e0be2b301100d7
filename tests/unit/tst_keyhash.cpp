#include "core/base58.h"
#include "core/keyfactory.h"
#include "core/keyhash.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;

namespace {

// Inverse of base58Encode, to check how many random bytes a generated key carries.
QByteArray decodeBase58(QStringView text)
{
    static const QString alphabet = u"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"_s;
    qsizetype ones = 0;
    while (ones < text.size() && text[ones] == u'1')
        ++ones;
    QByteArray bigEndian;
    for (qsizetype i = ones; i < text.size(); ++i) {
        unsigned carry = unsigned(alphabet.indexOf(text[i]));
        for (qsizetype j = bigEndian.size() - 1; j >= 0; --j) {
            carry += unsigned(quint8(bigEndian[j])) * 58;
            bigEndian[j] = char(carry & 0xff);
            carry >>= 8;
        }
        for (; carry > 0; carry >>= 8)
            bigEndian.prepend(char(carry & 0xff));
    }
    return QByteArray(ones, '\0') + bigEndian;
}

} // namespace

class TestKeyHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashVectors_data();
    void hashVectors();
    void generatedKeyFormat_data();
    void generatedKeyFormat();
    void generatedKeysAreUnique();
};

void TestKeyHash::hashVectors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("hash");

    // Reference §12.2 (Unkey's web/internal/hash tests).
    QTest::newRow("unkey vector 1") << u"MVgWNsyPmv6VthC9moCNAPwS"_s
                                    << QByteArray("CptSN3vQ0shZLIsdT5c/tlpeFK/qqxY0R/aQNCfKhWs=");
    QTest::newRow("unkey vector 2") << u"3ZFeSzZi4bAHLaADiPyJy7BN"_s
                                    << QByteArray("Af0t8Qg3G7oLwGHlkgMYIeloGL2dNBfcLxOLp3IDROY=");
    QTest::newRow("empty") << QString() << QByteArray("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    QTest::newRow("prefixed") << u"prefix_abc"_s << QByteArray("7uYBO2urR4c6PbUna5/t8YAeIojy33RX5p9YCpy1ylo=");
    QTest::newRow("utf-8") << u"ключ"_s << QByteArray("HeNqMq95jaDBrJKXYDoyDtj+VnzyHJF3ESpM6RTruL4=");
}

void TestKeyHash::hashVectors()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, hash);
    QCOMPARE(hashKey(key.toUtf8()), hash);
    QCOMPARE(hashKey(key.toUtf8()).size(), 44);
}

void TestKeyHash::generatedKeyFormat_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("byteLength");

    for (const int length : {16, 17, 32, 64, 128, 254, 255}) {
        QTest::addRow("no prefix, %d bytes", length) << QString() << length;
        QTest::addRow("prefix sk_live, %d bytes", length) << u"sk_live"_s << length;
    }
    QTest::newRow("16-char prefix") << u"abcdefghijklmnop"_s << 16;
    QTest::newRow("1-char prefix") << u"x"_s << 16;
}

void TestKeyHash::generatedKeyFormat()
{
    QFETCH(QString, prefix);
    QFETCH(int, byteLength);

    static const QRegularExpression base58(u"^[1-9A-HJ-NP-Za-km-z]+$"_s);
    for (int round = 0; round < 20; ++round) {
        const GeneratedKey key = generateKey(prefix, byteLength);
        const QString keyPrefix = prefix.isEmpty() ? QString() : prefix + u'_';
        QVERIFY(key.plaintext.startsWith(keyPrefix));
        const QString encoded = key.plaintext.mid(keyPrefix.size());

        QVERIFY2(base58.match(encoded).hasMatch(), qPrintable(encoded));
        QCOMPARE(decodeBase58(encoded).size(), byteLength);
        QCOMPARE(key.start, keyPrefix + encoded.left(4));
        QCOMPARE(key.hash, hashKey(key.plaintext.toUtf8()));
        QCOMPARE(key.hash.size(), 44);
    }
}

void TestKeyHash::generatedKeysAreUnique()
{
    QSet<QString> plaintexts;
    QSet<QByteArray> hashes;
    for (int i = 0; i < 1000; ++i) {
        const GeneratedKey key = generateKey(u"test", 16);
        plaintexts.insert(key.plaintext);
        hashes.insert(key.hash);
        // 16 bytes give 21-22 characters unless the random number happens to be very small.
        QVERIFY(key.plaintext.size() >= u"test_"_s.size() + 20);
        QVERIFY(key.plaintext.size() <= u"test_"_s.size() + 22);
    }
    QCOMPARE(plaintexts.size(), 1000);
    QCOMPARE(hashes.size(), 1000);
}

QTEST_APPLESS_MAIN(TestKeyHash)
#include "tst_keyhash.moc"
