// UsageExport against a real latchkeyd: an owner's verifications (more than one page) end up in
// the CSV file exactly, fields are quoted per RFC 4180, cancel and failures leave no file, and a
// refusal reaches the one error sink.
#include "analytics/analyticssink.h"
#include "dashboardfixture.h"
#include "usageexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::UsageExport;

namespace {

/// Splits one CSV record (no line break inside) into its fields, undoing RFC 4180 quoting.
QStringList parseCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
            field += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QTemporaryDir m_dir;
    QString m_identityId;
    QString m_keyId;
    static constexpr int kVerifications = 130; // more than one page of 100

private Q_SLOTS:
    void initTestCase();
    void suggestedFileIsInDocumentsAndNamed_data();
    void suggestedFileIsInDocumentsAndNamed();
    void csvField_data();
    void csvField();
    void exportsEveryVerificationOfTheOwner();
    void cancelLeavesNoFile();
    void refusalLeavesNoFileAndReachesTheSink();
    void refusesToStartWithoutInputs();
};

void TestCsvExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString apiId = m_fixture.createApi(u"csv"_s);
    const QJsonObject key = m_fixture.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp"_s}});
    m_keyId = key.value(u"keyId"_s).toString();
    const QJsonObject other = m_fixture.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"someone_else"_s}});
    for (int i = 0; i < kVerifications; ++i) {
        const QJsonObject body{{u"key"_s, key.value(u"key"_s)}, {u"tags"_s, QJsonArray{u"path=/a,b"_s, u"say \"hi\""_s}}};
        QVERIFY(m_fixture.call(u"keys.verifyKey"_s, body).ok());
    }
    QVERIFY(m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, other.value(u"key"_s)}}).ok()); // not exported
    QVERIFY(m_fixture.server().analytics().flush());
    m_identityId = m_fixture.call(u"identities.getIdentity"_s, {{u"identity"_s, u"acme_corp"_s}})
                       .data.toObject().value(u"id"_s).toString();
    QVERIFY(!m_identityId.isEmpty());
}

void TestCsvExport::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"VALID"_s << u"VALID"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line break") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
}

void TestCsvExport::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(UsageExport::csvField(value), field);
}

void TestCsvExport::exportsEveryVerificationOfTheOwner()
{
    UsageExport exporter;
    exporter.setClient(m_fixture.client());
    exporter.setIdentityId(m_identityId);
    const QString path = m_dir.filePath(u"usage.csv"_s);
    QSignalSpy finished(&exporter, &UsageExport::finished);
    QSignalSpy progress(&exporter, &UsageExport::progressChanged);
    QVERIFY(exporter.start(QUrl::fromLocalFile(path)));
    QVERIFY(exporter.running());
    QVERIFY(!exporter.start(QUrl::fromLocalFile(path))); // one export at a time
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{true, false}));
    QCOMPARE(exporter.exported(), kVerifications);
    QTRY_COMPARE(exporter.total(), kVerifications); // from the rollups, for the progress bar
    QVERIFY(progress.count() >= 3);                 // start and each of the two pages at least
    QVERIFY(exporter.error().isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kVerifications + 1);
    QCOMPARE(lines.first() + u"\r\n"_s, UsageExport::csvHeader());
    QSet<QString> requestIds;
    QString previousTime = u"9999"_s;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList fields = parseCsvLine(lines.at(i));
        QCOMPARE(fields.size(), 11);
        QVERIFY(fields.at(0).endsWith(u'Z'));     // ISO 8601 UTC
        QVERIFY(fields.at(0) <= previousTime);    // newest first
        previousTime = fields.at(0);
        requestIds.insert(fields.at(1));
        QCOMPARE(fields.at(2), m_keyId);
        QCOMPARE(fields.at(4), m_identityId);
        QCOMPARE(fields.at(5), u"acme_corp"_s);
        QCOMPARE(fields.at(6), u"VALID"_s);
        QCOMPARE(fields.at(7), u"path=/a,b;say \"hi\""_s); // survives the quoting
    }
    QCOMPARE(requestIds.size(), kVerifications); // every verification exactly once
}

void TestCsvExport::cancelLeavesNoFile()
{
    UsageExport exporter;
    exporter.setClient(m_fixture.client());
    exporter.setIdentityId(m_identityId);
    const QString path = m_dir.filePath(u"cancelled.csv"_s);
    QSignalSpy finished(&exporter, &UsageExport::finished);
    QVERIFY(exporter.start(QUrl::fromLocalFile(path)));
    QVERIFY(!exporter.start(QUrl::fromLocalFile(path))); // a second start while one runs says why
    QVERIFY(!exporter.error().isEmpty());
    QVERIFY(exporter.running());
    exporter.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first(), (QVariantList{false, true}));
    QVERIFY(!exporter.running());
    QTest::qWait(300); // a late page must not resurrect the file
    QVERIFY(!QFile::exists(path));
    QCOMPARE(finished.count(), 1);
}

void TestCsvExport::refusalLeavesNoFileAndReachesTheSink()
{
    const QString limitedKey = m_fixture.createRootKey({u"identity.*.read_identity"_s});
    ApiClient limited;
    limited.setConnection(m_fixture.baseUrl(), limitedKey);
    UsageExport exporter;
    exporter.setClient(&limited);
    exporter.setIdentityId(m_identityId);
    const QString path = m_dir.filePath(u"refused.csv"_s);
    QFile::remove(path);
    QSignalSpy failed(&limited, &ApiClient::requestFailed);
    QSignalSpy finished(&exporter, &UsageExport::finished);
    QVERIFY(exporter.start(QUrl::fromLocalFile(path)));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{false, false}));
    QVERIFY(!exporter.error().isEmpty());
    QVERIFY(failed.count() >= 1);
    QVERIFY(!QFile::exists(path));
}

void TestCsvExport::refusesToStartWithoutInputs()
{
    UsageExport exporter;
    // Every refusal says why (the bar shows "Cannot write there: <error>"), each in its own words.
    QVERIFY(!exporter.start(QUrl::fromLocalFile(m_dir.filePath(u"x.csv"_s)))); // no client
    const QString noClient = exporter.error();
    QVERIFY(!noClient.isEmpty());
    exporter.setClient(m_fixture.client());
    QVERIFY(!exporter.start(QUrl::fromLocalFile(m_dir.filePath(u"x.csv"_s)))); // no owner
    const QString noOwner = exporter.error();
    QVERIFY(!noOwner.isEmpty());
    QVERIFY(noOwner != noClient);
    exporter.setIdentityId(m_identityId);
    QVERIFY(!exporter.start(QUrl(u"https://example.com/x.csv"_s)));           // not a local file
    const QString notLocal = exporter.error();
    QVERIFY(!notLocal.isEmpty());
    QVERIFY(notLocal != noOwner && notLocal != noClient);
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.csv"_s)));
    QVERIFY(!exporter.start(QUrl::fromLocalFile(m_dir.filePath(u"missing-dir/x.csv"_s))));
    QVERIFY(!exporter.error().isEmpty());
    QVERIFY(!exporter.running());
}

void TestCsvExport::suggestedFileIsInDocumentsAndNamed_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << u"head"_s << u"head-usage-2026-03-07.csv"_s;
    QTest::newRow("email") << u"ada@example.com"_s << u"ada-example.com-usage-2026-03-07.csv"_s;
    QTest::newRow("path") << u"../../etc/passwd"_s << u"etc-passwd-usage-2026-03-07.csv"_s;
    QTest::newRow("empty") << QString() << u"owner-usage-2026-03-07.csv"_s;
}

void TestCsvExport::suggestedFileIsInDocumentsAndNamed()
{
    QFETCH(QString, owner);
    QFETCH(QString, name);
    const QUrl folder = UsageExport::documentsFolder();
    QVERIFY(folder.isLocalFile());
    QVERIFY2(folder.toLocalFile() != QDir::currentPath() || QDir::currentPath() == QDir::homePath(),
             "never the process's working folder");
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (QDir(documents).exists())
        QCOMPARE(folder.toLocalFile(), documents);
    const QUrl file = UsageExport::suggestedFile(owner, QDate(2026, 3, 7));
    QVERIFY(file.isLocalFile());
    QCOMPARE(QFileInfo(file.toLocalFile()).fileName(), name);
    QCOMPARE(QFileInfo(file.toLocalFile()).absolutePath(), QDir(folder.toLocalFile()).absolutePath());
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
