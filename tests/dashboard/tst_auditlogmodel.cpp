// AuditLogModel against a real latchkeyd: newest first, paging, and the server-side filters by
// event, actor, target and time range that the Audit log page offers.
#include "auditlogmodel.h"
#include "dashboardfixture.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::AuditLogModel;
using Latchkey::Test::column;
using Latchkey::Test::fetchAll;

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;
    QStringList m_keyIds;
    qint64 m_before = 0;

private Q_SLOTS:
    void initTestCase();
    void newestFirstAcrossPages();
    void filters_data();
    void filters();
};

void TestAuditLogModel::initTestCase()
{
    m_before = QDateTime::currentMSecsSinceEpoch();
    m_apiId = m_fixture.createApi(u"audited"_s);
    for (int i = 0; i < 4; ++i)
        m_keyIds.append(m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"name"_s, u"k%1"_s.arg(i)}}).value(u"keyId"_s).toString());
    QVERIFY(m_fixture.call(u"keys.updateKey"_s, {{u"keyId"_s, m_keyIds.at(1)}, {u"enabled"_s, false}}).ok());
}

void TestAuditLogModel::newestFirstAcrossPages()
{
    AuditLogModel log;
    log.setPageSize(2);
    log.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(log) >= 0);
    QVERIFY(log.rowCount() >= 6); // api.create, 4 x key.create, key.update
    const QVariantList times = column(log, "time");
    for (int i = 1; i < times.size(); ++i)
        QVERIFY(times.at(i - 1).toLongLong() >= times.at(i).toLongLong());
    QCOMPARE(column(log, "event").first().toString(), u"key.update"_s);
    QStringList ids;
    for (const QVariant &id : column(log, "auditId"))
        ids.append(id.toString());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    const QModelIndex newest = log.index(0);
    QCOMPARE(newest.data(AuditLogModel::ActorTypeRole).toString(), u"rootkey"_s);
    QVERIFY(newest.data(AuditLogModel::TargetsRole).toString().contains(m_keyIds.at(1)));
    QVERIFY(!newest.data(AuditLogModel::DescriptionRole).toString().isEmpty());
}

void TestAuditLogModel::filters_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<bool>("byTarget");
    QTest::addColumn<bool>("futureOnly");
    QTest::addColumn<int>("expected");
    QTest::newRow("key.create") << QStringList{u"key.create"_s} << false << false << 4;
    QTest::newRow("key.create + key.update") << QStringList{u"key.create"_s, u"key.update"_s} << false << false << 5;
    QTest::newRow("api.create") << QStringList{u"api.create"_s} << false << false << 1;
    QTest::newRow("target: the disabled key") << QStringList{} << true << false << 2;
    QTest::newRow("target + event") << QStringList{u"key.update"_s} << true << false << 1;
    QTest::newRow("from tomorrow: nothing") << QStringList{} << false << true << 0;
}

void TestAuditLogModel::filters()
{
    QFETCH(QStringList, events);
    QFETCH(bool, byTarget);
    QFETCH(bool, futureOnly);
    QFETCH(int, expected);
    AuditLogModel log;
    log.setPageSize(3);
    log.setClient(m_fixture.client());
    log.setEvents(events);
    if (byTarget)
        log.setTargetId(m_keyIds.at(1));
    log.setStart(QDateTime::fromMSecsSinceEpoch(futureOnly ? QDateTime::currentMSecsSinceEpoch() + 86'400'000 : m_before));
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(log) >= 0);
    QCOMPARE(log.rowCount(), expected);
    for (const QVariant &event : column(log, "event"))
        QVERIFY(events.isEmpty() || events.contains(event.toString()));
}

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
