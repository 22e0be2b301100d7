// The Owners screens against a real latchkeyd: IdentitiesModel (paging, server-side search,
// create), OwnerDetail (meta, shared rate limits, usage numbers from the rollups) and KeysModel in
// owner mode (the owner's keys across APIs via keys.listKeys).
#include "analytics/analyticssink.h"
#include "dashboardfixture.h"
#include "identitiesmodel.h"
#include "keysmodel.h"
#include "modeltestsupport.h"
#include "ownerdetail.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Dashboard::IdentitiesModel;
using Latchkey::Dashboard::KeysModel;
using Latchkey::Dashboard::OwnerDetail;
using Latchkey::Test::column;
using Latchkey::Test::fetchAll;
using Latchkey::Test::valueOf;

class TestOwnerModels : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_ownerId;
    QStringList m_ownerKeys;

private Q_SLOTS:
    void initTestCase();
    void identitiesPageAndSearch();
    void createOwner();
    void ownerDetail();
    void unknownOwner();
    void ownersKeysAcrossApis();
};

void TestOwnerModels::initTestCase()
{
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_fixture.call(u"identities.createIdentity"_s, {{u"externalId"_s, u"user_%1"_s.arg(i)}}).ok());
    const QJsonArray ratelimits{QJsonObject{{u"name"_s, u"shared"_s}, {u"limit"_s, 50}, {u"duration"_s, 60'000}, {u"autoApply"_s, true}}};
    const auto owner = m_fixture.call(u"identities.createIdentity"_s,
                                      {{u"externalId"_s, u"org_acme"_s},
                                       {u"meta"_s, QJsonObject{{u"plan"_s, u"pro"_s}}},
                                       {u"ratelimits"_s, ratelimits}});
    QVERIFY2(owner.ok(), qPrintable(owner.errorDetail));
    m_ownerId = owner.data.toObject().value(u"identityId"_s).toString();

    const QString first = m_fixture.createApi(u"first"_s);
    const QString second = m_fixture.createApi(u"second"_s);
    QJsonObject keyA = m_fixture.createKey({{u"apiId"_s, first}, {u"externalId"_s, u"org_acme"_s}, {u"name"_s, u"a"_s}});
    QJsonObject keyB = m_fixture.createKey({{u"apiId"_s, second}, {u"externalId"_s, u"org_acme"_s}, {u"name"_s, u"b"_s},
                                            {u"enabled"_s, false}});
    m_fixture.createKey({{u"apiId"_s, first}, {u"externalId"_s, u"user_1"_s}});
    m_ownerKeys = {keyA.value(u"keyId"_s).toString(), keyB.value(u"keyId"_s).toString()};
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, keyA.value(u"key"_s)}}).ok());
    QVERIFY(m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, keyB.value(u"key"_s)}}).ok()); // DISABLED
    QVERIFY(m_fixture.server().analytics().flush());
}

void TestOwnerModels::identitiesPageAndSearch()
{
    IdentitiesModel owners;
    owners.setPageSize(3);
    owners.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&owners, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(owners) >= 0);
    QCOMPARE(owners.rowCount(), 7);
    QCOMPARE(valueOf(owners, "externalId", u"org_acme"_s, "identityId").toString(), m_ownerId);
    QCOMPARE(valueOf(owners, "externalId", u"org_acme"_s, "ratelimitCount").toInt(), 1);
    QCOMPARE(valueOf(owners, "externalId", u"org_acme"_s, "meta").toMap().value(u"plan"_s).toString(), u"pro"_s);
    // Each owner's key count, from the list itself (no request per row).
    QCOMPARE(valueOf(owners, "externalId", u"org_acme"_s, "keyCount").toInt(), 2);
    QCOMPARE(valueOf(owners, "externalId", u"user_1"_s, "keyCount").toInt(), 1);
    QCOMPARE(valueOf(owners, "externalId", u"user_2"_s, "keyCount").toInt(), 0);

    // Whoever reads the list when the search changes sees it cleared and loading, never the old
    // search's rows under the new text (the issue form's owner matches offered those: a flake in
    // CI 30 and a wrong "Did you mean" for a moment).
    int rowsSeen = -1;
    bool loadingSeen = false;
    connect(&owners, &IdentitiesModel::searchChanged, this, [&] {
        rowsSeen = owners.rowCount();
        loadingSeen = owners.loading();
    });
    owners.setSearch(u"ACME"_s);
    QCOMPARE(rowsSeen, 0);
    QVERIFY(loadingSeen);
    QVERIFY(fetchAll(owners) >= 0);
    QCOMPARE(column(owners, "externalId"), QVariantList{u"org_acme"_s});
    owners.setSearch(u"user_"_s);
    QVERIFY(fetchAll(owners) >= 0);
    QCOMPARE(owners.rowCount(), 6);
}

void TestOwnerModels::createOwner()
{
    IdentitiesModel owners;
    owners.setClient(m_fixture.client());
    QSignalSpy created(&owners, &IdentitiesModel::created);
    owners.create(u"new_customer"_s);
    QVERIFY(created.wait(10000));
    QCOMPARE(created.first().at(1).toString(), u"new_customer"_s);
    QVERIFY(m_fixture.call(u"identities.getIdentity"_s, {{u"identity"_s, u"new_customer"_s}}).ok());

    // Taken: the dialog that asked says so under its field (createFailed with the server's
    // detail), not the error banner (the client's sink).
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy refused(&owners, &IdentitiesModel::createFailed);
    owners.create(u"new_customer"_s);
    QVERIFY(refused.wait(10000));
    QCOMPARE(refused.first().at(0).value<ApiResult>().httpStatus, 409);
    QVERIFY(!refused.first().at(0).value<ApiResult>().message().isEmpty());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(created.count(), 1);
}

void TestOwnerModels::ownerDetail()
{
    OwnerDetail owner;
    QSignalSpy loaded(&owner, &OwnerDetail::loaded);
    owner.setClient(m_fixture.client());
    owner.setIdentity(u"org_acme"_s); // by external id
    QTRY_VERIFY(owner.found());
    QTRY_VERIFY(!owner.loading());
    QCOMPARE(owner.identityId(), m_ownerId);
    QCOMPARE(owner.externalId(), u"org_acme"_s);
    QCOMPARE(owner.meta().value(u"plan"_s).toString(), u"pro"_s);
    QVERIFY(owner.metaJson().contains(u"\"plan\": \"pro\""_s));
    QCOMPARE(owner.ratelimits().size(), 1);
    QCOMPARE(owner.ratelimits().first().toMap().value(u"limit"_s).toInt(), 50);

    // Another owner: what the first has never shows under the second.
    owner.setIdentity(u"user_3"_s);
    QVERIFY(!owner.found());
    QTRY_VERIFY(owner.found());
    QTRY_VERIFY(!owner.loading());
    QCOMPARE(owner.externalId(), u"user_3"_s);
    QVERIFY(owner.ratelimits().isEmpty());
    QVERIFY(owner.meta().isEmpty());
    QCOMPARE(owner.metaJson(), QString()); // the page says "No metadata", not "{ }"
}

/// An owner that is not there is `notFound`, which the owner page says itself: the 404 does not
/// reach the error banner too (walkthrough H10). Refresh keeps what is shown until the answer.
void TestOwnerModels::unknownOwner()
{
    OwnerDetail owner;
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    owner.setClient(m_fixture.client());
    owner.setIdentity(u"nobody_here"_s);
    QTRY_VERIFY_WITH_TIMEOUT(owner.notFound(), 10000);
    QTRY_VERIFY(!owner.loading());
    QVERIFY(!owner.found());
    QVERIFY(owner.identityId().isEmpty());
    QTest::qWait(100);
    QCOMPARE(failed.count(), 0);

    owner.setIdentity(u"org_acme"_s); // another, existing owner: not "not found" from the start
    QVERIFY(!owner.notFound());
    QTRY_VERIFY(owner.found());
    owner.refresh();
    QVERIFY(owner.found()); // no flicker of "not found" or an empty page while it reloads
    QVERIFY(owner.loading());
    QTRY_VERIFY(!owner.loading());
    QVERIFY(owner.found() && !owner.notFound());
}

void TestOwnerModels::ownersKeysAcrossApis()
{
    KeysModel keys;
    keys.setPageSize(1);
    keys.setClient(m_fixture.client());
    keys.setIdentityId(m_ownerId);
    QAbstractItemModelTester tester(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(keys) >= 0);
    QStringList ids;
    for (const QVariant &id : column(keys, "keyId"))
        ids.append(id.toString());
    ids.sort();
    QStringList expected = m_ownerKeys;
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(valueOf(keys, "name", u"b"_s, "status").toString(), u"disabled"_s);
    QVERIFY(!valueOf(keys, "name", u"a"_s, "apiId").toString().isEmpty());
    QVERIFY(valueOf(keys, "name", u"a"_s, "apiId") != valueOf(keys, "name", u"b"_s, "apiId"));
    QCOMPARE(valueOf(keys, "name", u"a"_s, "externalId").toString(), u"org_acme"_s);

    // By external id the same keys.
    KeysModel byExternal;
    byExternal.setClient(m_fixture.client());
    byExternal.setExternalId(u"org_acme"_s);
    QVERIFY(fetchAll(byExternal) >= 0);
    QCOMPARE(byExternal.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestOwnerModels)
#include "tst_ownermodels.moc"
