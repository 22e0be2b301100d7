#include "core/keyencryption.h"
#include "core/random.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;

namespace {

const QByteArray TestKey = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

QByteArray flipByte(const QByteArray &encoded, qsizetype index)
{
    QByteArray raw = QByteArray::fromBase64(encoded);
    raw[index] = char(raw[index] ^ 0x01);
    return raw.toBase64();
}

} // namespace

class TestKeyEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyEncryptionUsesAFreshNonce();
    void tamperingIsDetected_data();
    void tamperingIsDetected();
    void anotherKeyCannotDecrypt();
    void createsKekFileWithMode0600();
    void reloadUsesTheSameKey();
    void wrongSizeFileIsAnErrorNamingIt_data();
    void wrongSizeFileIsAnErrorNamingIt();
};

void TestKeyEncryption::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("api key") << QByteArray("sk_live_3ZFeSzZi4bAHLaADiPyJy7BN");
    QTest::newRow("binary") << QByteArray::fromHex("00ff00ff10");
    QTest::newRow("long") << secureRandomBytes(10000);
}

void TestKeyEncryption::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    const KeyEncryption encryption(TestKey);
    const QByteArray encoded = encryption.encrypt(plaintext);

    const QByteArray raw = QByteArray::fromBase64(encoded);
    QCOMPARE(raw.size(), KeyEncryption::NonceSize + plaintext.size() + KeyEncryption::TagSize);
    QCOMPARE(raw.toBase64(), encoded);
    if (plaintext.size() > 8)
        QVERIFY(!raw.contains(plaintext));

    const Result<QByteArray> decrypted = encryption.decrypt(encoded);
    QVERIFY(decrypted.ok());
    QCOMPARE(decrypted.value(), plaintext);
}

void TestKeyEncryption::everyEncryptionUsesAFreshNonce()
{
    const KeyEncryption encryption(TestKey);
    const QByteArray first = encryption.encrypt("same plaintext");
    const QByteArray second = encryption.encrypt("same plaintext");
    QVERIFY(first != second);
    QVERIFY(QByteArray::fromBase64(first).left(KeyEncryption::NonceSize)
        != QByteArray::fromBase64(second).left(KeyEncryption::NonceSize));
    QCOMPARE(encryption.decrypt(first).value(), QByteArray("same plaintext"));
    QCOMPARE(encryption.decrypt(second).value(), QByteArray("same plaintext"));
}

void TestKeyEncryption::tamperingIsDetected_data()
{
    QTest::addColumn<QByteArray>("encoded");

    const KeyEncryption encryption(TestKey);
    const QByteArray good = encryption.encrypt("sk_live_secret");
    const qsizetype rawSize = QByteArray::fromBase64(good).size();
    QTest::newRow("nonce") << flipByte(good, 0);
    QTest::newRow("ciphertext") << flipByte(good, KeyEncryption::NonceSize + 3);
    QTest::newRow("tag") << flipByte(good, rawSize - 1);
    QTest::newRow("truncated") << QByteArray::fromBase64(good).chopped(1).toBase64();
    QTest::newRow("extended") << QByteArray(QByteArray::fromBase64(good) + 'x').toBase64();
    QTest::newRow("shorter than nonce and tag") << QByteArray(27, 'a').toBase64();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not base64") << QByteArray("!!!not base64!!!");
}

void TestKeyEncryption::tamperingIsDetected()
{
    QFETCH(QByteArray, encoded);
    const Result<QByteArray> result = KeyEncryption(TestKey).decrypt(encoded);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Internal);
}

void TestKeyEncryption::anotherKeyCannotDecrypt()
{
    const QByteArray encoded = KeyEncryption(TestKey).encrypt("secret");
    QVERIFY(!KeyEncryption(secureRandomBytes(KeyEncryption::KeySize)).decrypt(encoded).ok());
}

void TestKeyEncryption::createsKekFileWithMode0600()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"nested/folder/kek.bin"_s);

    const Result<KeyEncryption> encryption = KeyEncryption::loadOrCreate(path);
    QVERIFY2(encryption.ok(), qPrintable(encryption.ok() ? QString() : encryption.error().detail));
    QCOMPARE(QFileInfo(path).size(), KeyEncryption::KeySize);

    struct stat info {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), 0);
}

void TestKeyEncryption::reloadUsesTheSameKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kek.bin"_s);
    const Result<KeyEncryption> first = KeyEncryption::loadOrCreate(path);
    QVERIFY(first.ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray keyBytes = file.readAll();
    file.close();
    const QByteArray encoded = first->encrypt("recoverable key");

    const Result<KeyEncryption> second = KeyEncryption::loadOrCreate(path);
    QVERIFY(second.ok());
    QCOMPARE(second->decrypt(encoded).value(), QByteArray("recoverable key"));
    QCOMPARE(KeyEncryption(keyBytes).decrypt(encoded).value(), QByteArray("recoverable key"));

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), keyBytes); // never overwritten
}

void TestKeyEncryption::wrongSizeFileIsAnErrorNamingIt_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("31 bytes") << QByteArray(31, 'k');
    QTest::newRow("33 bytes") << QByteArray(33, 'k');
    QTest::newRow("hex text of a key") << TestKey.toHex();
}

void TestKeyEncryption::wrongSizeFileIsAnErrorNamingIt()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kek.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    const Result<KeyEncryption> result = KeyEncryption::loadOrCreate(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().detail.contains(path), qPrintable(result.error().detail));
    QVERIFY(result.error().detail.contains(u"32 bytes"_s));

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content); // left as it was
}

QTEST_APPLESS_MAIN(TestKeyEncryption)
#include "tst_keyencryption.moc"
