// ApisModel against a real latchkeyd: live key counts, paging across pages, the local search,
// create and delete through the model, and the error path (the server's detail in the one sink).
#include "apismodel.h"
#include "dashboardfixture.h"
#include "modeltestsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;
using Latchkey::Dashboard::ApisModel;

class TestApisModel : public QObject
{
    Q_OBJECT

private:
    DashboardFixture m_fixture;

private Q_SLOTS:
    void pagesWithKeyCounts();
    void searchByName();
    void createAndRemove();
    void failedCreateReportsTheDetail();
};

void TestApisModel::pagesWithKeyCounts()
{
    QStringList created;
    for (int i = 0; i < 7; ++i)
        created.append(m_fixture.createApi(u"paged-%1"_s.arg(i)));
    const QString withKeys = created.at(2);
    const QString empty = created.at(0);
    for (int i = 0; i < 3; ++i)
        m_fixture.createKey({{u"apiId"_s, withKeys}});
    const QString deletedKey = m_fixture.createKey({{u"apiId"_s, withKeys}}).value(u"keyId"_s).toString();
    QVERIFY(m_fixture.call(u"keys.deleteKey"_s, {{u"keyId"_s, deletedKey}}).ok());

    ApisModel apis;
    apis.setPageSize(3);
    apis.setClient(m_fixture.client());
    QVERIFY(waitIdle(apis));
    QCOMPARE(apis.rowCount(), 3);
    QCOMPARE(fetchAll(apis), 2);
    // Not a CheckedModel: the tester fetches more by itself, which would spoil the page counts.
    QAbstractItemModelTester tester(&apis, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(apis.rowCount(), 7);
    QStringList ids;
    for (const QVariant &id : column(apis, "apiId"))
        ids.append(id.toString());
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted); // by id, as the server sorts
    created.sort();
    QCOMPARE(ids, created); // each exactly once across the pages
    QCOMPARE(valueOf(apis, "apiId", withKeys, "keyCount").toInt(), 3); // live keys only
    QCOMPARE(valueOf(apis, "apiId", withKeys, "name").toString(), u"paged-2"_s);
    QCOMPARE(valueOf(apis, "apiId", empty, "keyCount").toInt(), 0);
}

void TestApisModel::searchByName()
{
    m_fixture.createApi(u"billing-service"_s);
    m_fixture.createApi(u"BILLING-admin"_s);
    CheckedModel<ApisModel> apis(m_fixture.client(), u"billing"_s, 2);
    QVERIFY(fetchAll(apis) >= 0);
    QStringList names;
    for (const QVariant &name : column(apis, "name"))
        names.append(name.toString());
    names.sort(Qt::CaseInsensitive);
    QCOMPARE(names, (QStringList{u"BILLING-admin"_s, u"billing-service"_s}));
}

void TestApisModel::createAndRemove()
{
    CheckedModel<ApisModel> apis(m_fixture.client(), u"fresh-api"_s);
    QVERIFY(fetchAll(apis) >= 0);
    QCOMPARE(apis.rowCount(), 0);

    const QString apiId = createdThrough(apis, [&] { apis.create(u"fresh-api"_s); });
    QVERIFY(apiId.startsWith(u"api_"_s));
    QCOMPARE(column(apis, "apiId"), QVariantList{apiId});
    QVERIFY(m_fixture.call(u"apis.getApi"_s, {{u"apiId"_s, apiId}}).ok());

    QVERIFY(removedThrough(apis, apiId));
    QCOMPARE(apis.rowCount(), 0);
    QCOMPARE(m_fixture.call(u"apis.getApi"_s, {{u"apiId"_s, apiId}}).httpStatus, 404);
}

void TestApisModel::failedCreateReportsTheDetail()
{
    CheckedModel<ApisModel> apis(m_fixture.client());
    QVERIFY(fetchAll(apis) >= 0);
    // Shorter than the 3 characters the server demands: the server's detail for the New API
    // dialog, which stays open with the name, not for the error banner behind it.
    const CreateRefusal refused = createRefusedThrough(apis, m_fixture.client(), [&] { apis.create(u"x"_s); });
    QCOMPARE(refused.httpStatus, 400);
    QVERIFY2(!refused.detail.isEmpty(), "the server's detail reaches the dialog");
    QCOMPARE(refused.reported, 0);
    QCOMPARE(refused.createdSignals, 0);
    QCOMPARE(refused.rowsAfter, refused.rowsBefore);
    QVERIFY(!apis.failed()); // a failed mutation does not break the list
}

QTEST_GUILESS_MAIN(TestApisModel)
#include "tst_apismodel.moc"
