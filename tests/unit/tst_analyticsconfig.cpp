// The analytics settings: analytics-durability and analytics-retention-days as flags, LATCHKEY_*
// variables and config-file keys (`analytics.durability`, an [analytics] section, or the flag name).

#include "server/configloader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Server;

namespace {

Latchkey::Core::Result<LoadedConfig> load(const QStringList &flags, const QProcessEnvironment &environment = {})
{
    return loadConfig(QStringList {u"latchkeyd"_s} + flags, environment);
}

} // namespace

class TestAnalyticsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void flagsAndEnvironment();
    void configFileSpellings_data();
    void configFileSpellings();
    void badValues_data();
    void badValues();
};

void TestAnalyticsConfig::defaults()
{
    const auto loaded = load({u"--data-dir"_s, u"/tmp/x"_s});
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsDurability, u"best-effort"_s);
    QCOMPARE(loaded->config.analyticsRetentionDays, 30);
}

void TestAnalyticsConfig::flagsAndEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"LATCHKEY_ANALYTICS_DURABILITY"_s, u"strict"_s);
    environment.insert(u"LATCHKEY_ANALYTICS_RETENTION_DAYS"_s, u"90"_s);
    auto loaded = load({}, environment);
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsDurability, u"strict"_s);
    QCOMPARE(loaded->config.analyticsRetentionDays, 90);
    // A flag wins over the environment.
    loaded
        = load({u"--analytics-durability"_s, u"best-effort"_s, u"--analytics-retention-days"_s, u"7"_s}, environment);
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsDurability, u"best-effort"_s);
    QCOMPARE(loaded->config.analyticsRetentionDays, 7);
}

void TestAnalyticsConfig::configFileSpellings_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::newRow("dotted") << QByteArray("analytics.durability = strict\nanalytics.retention-days = 14\n");
    QTest::newRow("section") << QByteArray("[analytics]\ndurability = strict\nretention-days = 14\n");
    QTest::newRow("flag names") << QByteArray("analytics-durability = strict\nanalytics-retention-days = 14\n");
}

void TestAnalyticsConfig::configFileSpellings()
{
    QFETCH(QByteArray, ini);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"latchkey.ini"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ini);
    file.close();
    const auto loaded = load({u"--config"_s, file.fileName()});
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().detail));
    QCOMPARE(loaded->config.analyticsDurability, u"strict"_s);
    QCOMPARE(loaded->config.analyticsRetentionDays, 14);
}

void TestAnalyticsConfig::badValues_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("message");
    QTest::newRow("durability") << QStringList {u"--analytics-durability"_s, u"sometimes"_s}
                                << u"invalid --analytics-durability 'sometimes': expected best-effort or strict"_s;
    QTest::newRow("days zero") << QStringList {u"--analytics-retention-days"_s, u"0"_s}
                               << u"invalid --analytics-retention-days '0'"_s;
    QTest::newRow("days text") << QStringList {u"--analytics-retention-days"_s, u"month"_s}
                               << u"invalid --analytics-retention-days 'month'"_s;
}

void TestAnalyticsConfig::badValues()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const auto loaded = load(flags);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().detail.startsWith(message), qPrintable(loaded.error().detail));
}

QTEST_GUILESS_MAIN(TestAnalyticsConfig)
#include "tst_analyticsconfig.moc"
