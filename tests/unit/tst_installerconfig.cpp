// The files of the latchkeyd Debian package against the real config loader: the shipped
// /etc/latchkey/latchkeyd.conf must load as it is (all defaults), every commented example in it must
// load once uncommented, and the unit's ExecStart line must give the paths the package promises.
#include "server/configloader.h"
#include "testpaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Server;

namespace {

const QString installerDir = QStringLiteral(LATCHKEY_SOURCE_DIR "/installer");

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

// A commented-out setting: "; name = value" (the settings, not the prose around them).
const QRegularExpression commentedSetting(u"^;([a-z][a-z.-]*) = (.+)$"_s);

// The conf file's paragraphs that hold commented settings, each uncommented on its own:
// settings that only work together (tls-cert + tls-key) share a paragraph.
QList<QStringList> settingParagraphs(const QString &conf)
{
    QList<QStringList> paragraphs;
    QStringList current;
    for (const QString &line : conf.split(u'\n')) {
        if (commentedSetting.match(line).hasMatch()) {
            current << line.mid(1);
        } else if (line.trimmed().isEmpty() && !current.isEmpty()) {
            paragraphs << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        paragraphs << current;
    return paragraphs;
}

// The ExecStart command line of the unit, split on spaces (it has no quoting).
QStringList execStart(const QString &unit)
{
    for (const QString &line : unit.split(u'\n')) {
        if (line.startsWith(u"ExecStart="))
            return line.mid(10).split(u' ', Qt::SkipEmptyParts);
    }
    return {};
}

} // namespace

class TestInstallerConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedConfigLoadsAsDefaults()
    {
        const QString path = installerDir + u"/latchkeyd.conf"_s;
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const auto withFile = loadConfig({u"latchkeyd"_s, u"--config"_s, path}, {});
        QVERIFY2(withFile, withFile ? "" : qPrintable(withFile.error().detail));
        const auto without = loadConfig({u"latchkeyd"_s}, {});
        QVERIFY(without);
        const ServerConfig &a = withFile->config;
        const ServerConfig &b = without->config;
        QCOMPARE(a.listenHost, b.listenHost);
        QCOMPARE(a.listenPort, b.listenPort);
        QCOMPARE(a.logFormat, b.logFormat);
        QCOMPARE(a.workerThreads, b.workerThreads);
        QCOMPARE(a.analyticsDurability, b.analyticsDurability);
        QCOMPARE(a.analyticsRetentionDays, b.analyticsRetentionDays);
        QCOMPARE(a.analyticsEnabled, b.analyticsEnabled);
        QCOMPARE(a.metricsListenPort, b.metricsListenPort);
        QCOMPARE(a.metricsOnMain, b.metricsOnMain);
        QVERIFY(a.tlsCertFile.isEmpty());
    }

    // QSettings reads "#name = value" as a setting called "#name"; the loader then refuses the file.
    void hashCommentsWouldBeRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"hash.conf"_s);
        QVERIFY(writeText(path, u"#listen = 127.0.0.1:7070\n"_s));
        QVERIFY(!loadConfig({u"latchkeyd"_s, u"--config"_s, path}, {}));
        QVERIFY2(!readText(installerDir + u"/latchkeyd.conf"_s).contains(u"\n#"_s),
                 "latchkeyd.conf must comment with ';'");
    }

    void everyCommentedExampleLoadsUncommented()
    {
        const QList<QStringList> paragraphs = settingParagraphs(readText(installerDir + u"/latchkeyd.conf"_s));
        qsizetype settings = 0;
        for (const QStringList &paragraph : paragraphs)
            settings += paragraph.size();
        // Every setting of the loader except data-dir and bootstrap-root-key-file (set by the unit).
        QCOMPARE(settings, 11);
        QTemporaryDir dir;
        for (const QStringList &paragraph : paragraphs) {
            const QString path = dir.filePath(u"example.conf"_s);
            QVERIFY(writeText(path, paragraph.join(u'\n') + u'\n'));
            const auto loaded = loadConfig({u"latchkeyd"_s, u"--config"_s, path}, {});
            QVERIFY2(loaded, qPrintable(paragraph.join(u" | "_s) + u": "_s
                                        + (loaded ? QString() : loaded.error().detail)));
        }
    }

    void unitExecStartGivesThePackagePaths()
    {
        QStringList arguments = execStart(readText(installerDir + u"/latchkeyd.service"_s));
        QVERIFY(arguments.size() > 2);
        QCOMPARE(arguments.constFirst(), u"/usr/bin/latchkeyd"_s);
        const qsizetype config = arguments.indexOf(u"--config"_s);
        QVERIFY(config > 0 && config + 1 < arguments.size());
        QCOMPARE(arguments.at(config + 1), u"/etc/latchkey/latchkeyd.conf"_s);
        arguments[config + 1] = installerDir + u"/latchkeyd.conf"_s; // the shipped file, not /etc
        const auto loaded = loadConfig(arguments, {});
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().detail));
        QCOMPARE(loaded->action, LoadedConfig::Action::Run);
        QCOMPARE(loaded->config.dataDir, u"/var/lib/latchkey"_s);
        QCOMPARE(loaded->config.bootstrapRootKeyFile, u"/var/lib/latchkey/bootstrap-root-key"_s);
    }

    void unitRunsAsTheSystemUserWithItsDataWritable()
    {
        const QString unit = readText(installerDir + u"/latchkeyd.service"_s);
        const QStringList lines = unit.split(u'\n');
        for (const QString &expected : {u"User=latchkey"_s, u"Group=latchkey"_s, u"ProtectSystem=strict"_s,
                                         u"ReadWritePaths=/var/lib/latchkey"_s, u"NoNewPrivileges=yes"_s,
                                         u"CapabilityBoundingSet="_s})
            QVERIFY2(lines.contains(expected), qPrintable(expected));
        QVERIFY(!unit.contains(u"DynamicUser=yes"_s));
    }
};

QTEST_GUILESS_MAIN(TestInstallerConfig)
#include "tst_installerconfig.moc"
