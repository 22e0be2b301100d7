// The analytics settings: analytics-durability, analytics-retention-days and analytics-enabled as
// flags, LATCHKEY_* variables and config-file keys (`analytics.durability`, an [analytics] section,
// or the flag name); a server with analytics disabled discards every event.

#include "analytics/analyticssink.h"
#include "core/memoryeventsink.h"
#include "server/configloader.h"
#include "server/server.h"
#include "support/apiharness.h"

#include <QJsonObject>

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
    void enabledSwitch();
    void disabledAnalyticsDiscardEvents();
};

void TestAnalyticsConfig::defaults()
{
    const auto loaded = load({u"--data-dir"_s, u"/tmp/x"_s});
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsDurability, u"best-effort"_s);
    QCOMPARE(loaded->config.analyticsRetentionDays, 30);
    QCOMPARE(loaded->config.analyticsEnabled, true);
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
    QTest::newRow("enabled") << QStringList {u"--analytics-enabled"_s, u"maybe"_s}
                             << u"invalid --analytics-enabled 'maybe'"_s;
}

void TestAnalyticsConfig::badValues()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const auto loaded = load(flags);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().detail.startsWith(message), qPrintable(loaded.error().detail));
}

void TestAnalyticsConfig::enabledSwitch()
{
    auto loaded = load({u"--analytics-enabled"_s, u"false"_s});
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsEnabled, false);
    QProcessEnvironment environment;
    environment.insert(u"LATCHKEY_ANALYTICS_ENABLED"_s, u"0"_s);
    loaded = load({}, environment);
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsEnabled, false);
    loaded = load({u"--analytics-enabled"_s, u"true"_s}, environment); // a flag wins
    QVERIFY(loaded);
    QCOMPARE(loaded->config.analyticsEnabled, true);
    for (const QByteArray &ini : {QByteArray("analytics.enabled = false\n"), QByteArray("[analytics]\nenabled = off\n")}) {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"latchkey.ini"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini);
        file.close();
        loaded = load({u"--config"_s, file.fileName()});
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().detail));
        QCOMPARE(loaded->config.analyticsEnabled, false);
    }
}

void TestAnalyticsConfig::disabledAnalyticsDiscardEvents()
{
    using Latchkey::Test::ApiHarness;
    for (const bool enabled : {true, false}) {
        ApiHarness h([enabled](ServerConfig &config) { config.analyticsEnabled = enabled; });
        const QString apiId = h.createApi();
        const QString key = h.createKey({{u"apiId"_s, apiId}}).value(u"key"_s).toString();
        QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}}).dataObject().value(u"valid"_s), QJsonValue(true));
        const QJsonObject check {{u"namespace"_s, u"n"_s}, {u"identifier"_s, u"u"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}};
        QCOMPARE(h.call(u"ratelimit.limit"_s, check).status, 200); // still answered
        QVERIFY(h.server().analytics().flush());
        const auto metrics = h.server().analytics().metrics();
        QCOMPARE(metrics.eventsWritten, quint64(enabled ? 2 : 0));
        QCOMPARE(metrics.dropped, quint64(0)); // discarded, not counted as lost
        QCOMPARE(h.server().events().verifications().size(), qsizetype(enabled ? 1 : 0));
    }
}

QTEST_GUILESS_MAIN(TestAnalyticsConfig)
#include "tst_analyticsconfig.moc"
