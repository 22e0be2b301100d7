// BulkOperation against a real latchkeyd: bulk disable / enable / delete change exactly the keys
// given (checked through keys.getKey), progress counts every answer, a failing item reaches the
// one error sink and is counted, and cancel stops the rest — the keys it never sent stay as they
// were and `succeeded` matches what the server shows.
#include "bulkoperation.h"
#include "dashboardfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::BulkOperation;

class TestBulkOperation : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;

    QStringList createKeys(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"name"_s, u"bulk-%1"_s.arg(i)}}).value(u"keyId"_s).toString());
        return ids;
    }
    int httpStatusOf(const QString &keyId) { return m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}}).httpStatus; }
    bool enabled(const QString &keyId)
    {
        return m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}}).data.toObject().value(u"enabled"_s).toBool();
    }

private Q_SLOTS:
    void initTestCase();
    void disableThenEnable_data();
    void disableThenEnable();
    void deleteCountsAFailureAndReportsIt();
    void cancelStopsTheRest();
    void refusesASecondStartAndEmptyBatches();
};

void TestBulkOperation::initTestCase()
{
    m_apiId = m_fixture.createApi(u"bulk"_s);
    QVERIFY(!m_apiId.isEmpty());
}

void TestBulkOperation::disableThenEnable_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("three in flight") << 3;
}

void TestBulkOperation::disableThenEnable()
{
    QFETCH(int, concurrency);
    const QStringList keys = createKeys(7);
    const QString untouched = createKeys(1).first();
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    bulk.setConcurrency(concurrency);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QSignalSpy progress(&bulk, &BulkOperation::progressChanged);
    QVERIFY(bulk.disableKeys(keys));
    QVERIFY(bulk.running());
    QCOMPARE(bulk.total(), 7);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{7, 0, false}));
    QVERIFY(!bulk.running());
    QCOMPARE(bulk.processed(), 7);
    QCOMPARE(bulk.progress(), 1.0);
    QVERIFY(progress.count() >= 8); // start + one per answer
    for (const QString &keyId : keys)
        QVERIFY2(!enabled(keyId), qPrintable(keyId));
    QVERIFY(enabled(untouched));

    QVERIFY(bulk.enableKeys(keys.mid(0, 3)));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last(), (QVariantList{3, 0, false}));
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(enabled(keys.at(i)), i < 3);
}

void TestBulkOperation::deleteCountsAFailureAndReportsIt()
{
    QStringList keys = createKeys(3);
    keys.insert(1, u"key_doesnotexist1"_s);
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QVERIFY(bulk.deleteKeys(keys));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{3, 1, false}));
    QCOMPARE(bulk.failed(), 1);
    QCOMPARE(failed.count(), 1); // each failure reaches the one sink once
    QCOMPARE(failed.first().at(0).toString(), u"keys.deleteKey"_s);
    QVERIFY(!failed.first().at(2).toString().isEmpty());
    for (const QString &keyId : keys)
        QCOMPARE(httpStatusOf(keyId), 404);
}

void TestBulkOperation::cancelStopsTheRest()
{
    const QStringList keys = createKeys(12);
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    bulk.setConcurrency(1);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    // The user presses Cancel as the second answer comes in (before the next request is sent).
    connect(&bulk, &BulkOperation::progressChanged, &bulk, [&bulk] {
        if (bulk.processed() >= 2)
            bulk.cancel();
    });
    QVERIFY(bulk.disableKeys(keys));
    QVERIFY(finished.wait(30000));
    QVERIFY(bulk.cancelled());
    QCOMPARE(finished.count(), 1);
    const int succeeded = finished.first().at(0).toInt();
    QCOMPARE(finished.first().at(2).toBool(), true);
    QCOMPARE(succeeded, 2);
    QVERIFY(!bulk.running());

    // Exactly the reported number of keys changed, in order; the rest were never sent.
    int disabled = 0;
    for (const QString &keyId : keys)
        disabled += enabled(keyId) ? 0 : 1;
    QCOMPARE(disabled, succeeded);
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(enabled(keys.at(i)), i >= succeeded);
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1); // nothing more happens after finished()
}

void TestBulkOperation::refusesASecondStartAndEmptyBatches()
{
    BulkOperation idle;
    QVERIFY(!idle.disableKeys({u"key_x"_s})); // no client
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QVERIFY(bulk.disableKeys({}));
    QCOMPARE(finished.count(), 1); // an empty batch is over at once
    QCOMPARE(finished.first(), (QVariantList{0, 0, false}));
    QVERIFY(bulk.disableKeys(createKeys(2)));
    QVERIFY(!bulk.enableKeys({u"key_y"_s})); // one batch at a time
    QVERIFY(finished.wait(30000));
    QCOMPARE(bulk.succeeded(), 2);
}

QTEST_GUILESS_MAIN(TestBulkOperation)
#include "tst_bulkoperation.moc"
