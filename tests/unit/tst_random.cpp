#include "core/random.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

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
    void idCharactersAreUniform();
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
    const QRegularExpression pattern(u"^"_s + prefix + u"_[A-Za-z0-9]{16}$"_s);
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

void TestRandom::idCharactersAreUniform()
{
    // 62 * 2000 characters: each is expected 2000 times (sd ~44). A plain `byte % 62` would give
    // the first 8 characters ~2480 each, far outside the bounds below.
    QHash<QChar, int> counts;
    for (int i = 0; i < 62 * 2000 / 16; ++i) {
        const QString id = newId(u"x");
        for (const QChar c : QStringView(id).sliced(2))
            ++counts[c];
    }
    QCOMPARE(counts.size(), 62);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() > 1750 && it.value() < 2250, qPrintable(QString(it.key())));
}

QTEST_APPLESS_MAIN(TestRandom)
#include "tst_random.moc"
