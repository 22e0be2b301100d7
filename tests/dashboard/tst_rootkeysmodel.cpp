// RootKeysModel against a real latchkeyd: a new root key with exactly the chosen permissions is
// handed out once (and works), listed without its secret, and stops working when revoked.
#include "dashboardfixture.h"
#include "modeltestsupport.h"
#include "rootkeysmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::RootKeysModel;
using Latchkey::Test::column;
using Latchkey::Test::CreateRefusal;
using Latchkey::Test::createRefusedThrough;
using Latchkey::Test::fetchAll;
using Latchkey::Test::valueOf;

class TestRootKeysModel : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;

private Q_SLOTS:
    void createShowsTheKeyOnceAndRevokeStopsIt();
    void pagesThroughRootKeys();
    void refusedCreateReportsTheDetail();
    void offersEveryPermissionTheServerAccepts();
};

void TestRootKeysModel::createShowsTheKeyOnceAndRevokeStopsIt()
{
    RootKeysModel keys;
    keys.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(keys) >= 0);
    const int before = keys.rowCount();
    QVERIFY(before >= 1); // the fixture's own key

    QSignalSpy created(&keys, &RootKeysModel::created);
    keys.create(u"read-only support"_s, {u"api.*.read_api"_s, u"api.*.read_key"_s});
    QVERIFY(created.wait(10000));
    const QString id = created.first().at(0).toString();
    const QString secret = created.first().at(1).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(secret.size() > 16);
    QVERIFY(fetchAll(keys) >= 0);
    QCOMPARE(keys.rowCount(), before + 1);
    QCOMPARE(valueOf(keys, "rootKeyId", id, "name").toString(), u"read-only support"_s);
    QCOMPARE(valueOf(keys, "rootKeyId", id, "permissions").toStringList(),
             (QStringList{u"api.*.read_api"_s, u"api.*.read_key"_s}));
    const QString start = valueOf(keys, "rootKeyId", id, "start").toString();
    QVERIFY(!start.isEmpty() && secret.startsWith(start) && start.size() < secret.size());
    // The plaintext is nowhere in the model.
    for (int row = 0; row < keys.rowCount(); ++row)
        for (int role : keys.roleNames().keys())
            QVERIFY(!keys.data(keys.index(row), role).toString().contains(secret));

    // The key works with exactly its permissions.
    QVERIFY(m_fixture.call(u"apis.listApis"_s, {}, secret).ok());
    QCOMPARE(m_fixture.call(u"apis.createApi"_s, {{u"name"_s, u"nope"_s}}, secret).httpStatus, 403);

    QSignalSpy revoked(&keys, &RootKeysModel::revoked);
    keys.revoke(id);
    QVERIFY(revoked.wait(10000));
    QVERIFY(fetchAll(keys) >= 0);
    QCOMPARE(keys.rowCount(), before);
    QVERIFY(!valueOf(keys, "rootKeyId", id, "rootKeyId").isValid());
    QCOMPARE(m_fixture.call(u"apis.listApis"_s, {}, secret).httpStatus, 401);
}

void TestRootKeysModel::pagesThroughRootKeys()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(!m_fixture.createRootKey({u"api.*.read_api"_s}).isEmpty());
    RootKeysModel keys;
    keys.setPageSize(2);
    keys.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(keys) >= 0);
    QVERIFY(keys.rowCount() >= 5);
    QStringList ids;
    for (const QVariant &id : column(keys, "rootKeyId"))
        ids.append(id.toString());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void TestRootKeysModel::refusedCreateReportsTheDetail()
{
    RootKeysModel keys;
    keys.setClient(m_fixture.client());
    QVERIFY(fetchAll(keys) >= 0);
    // At least one permission is required: the server's detail for the create dialog, which
    // stays open with what was chosen, not for the error banner behind it.
    const CreateRefusal refused = createRefusedThrough(keys, m_fixture.client(), [&] { keys.create(u"empty"_s, {}); });
    QCOMPARE(refused.httpStatus, 400);
    QVERIFY(!refused.detail.isEmpty());
    QCOMPARE(refused.reported, 0);
    QCOMPARE(refused.createdSignals, 0);
    QCOMPARE(refused.rowsAfter, refused.rowsBefore);
}

// The create dialog's list is the server's: every permission the bootstrap key holds (all the
// server knows, rootKeys.whoami) is offered once, grouped by area, and a root key holding all
// of them can be created.
void TestRootKeysModel::offersEveryPermissionTheServerAccepts()
{
    const auto whoami = m_fixture.call(u"rootKeys.whoami"_s, {});
    QVERIFY(whoami.ok());
    QStringList serverList = whoami.data.toObject().value(u"permissions"_s).toVariant().toStringList();
    QVERIFY(serverList.size() >= 43);
    serverList.sort();

    QStringList offered;
    QStringList areas;
    for (const QVariant &group : RootKeysModel::permissionGroups()) {
        const QVariantMap map = group.toMap();
        const QString area = map.value(u"area"_s).toString();
        QVERIFY2(!areas.contains(area), qPrintable(area)); // one group per area
        areas.append(area);
        for (const QVariant &member : map.value(u"permissions"_s).toList()) {
            const QString permission = member.toMap().value(u"permission"_s).toString();
            QVERIFY(permission.startsWith(area + u'.'));
            QVERIFY(!member.toMap().value(u"action"_s).toString().contains(u'_'));
            offered.append(permission);
        }
    }
    QCOMPARE(areas, (QStringList{u"api"_s, u"ratelimit"_s, u"rbac"_s, u"identity"_s, u"workspace"_s}));
    QVERIFY(offered.contains(u"ratelimit.*.create_namespace"_s));
    QVERIFY(offered.contains(u"rbac.*.add_role_to_key"_s));
    QVERIFY(offered.contains(u"api.*.decrypt_key"_s));
    offered.sort();
    QCOMPARE(offered, serverList);

    RootKeysModel keys;
    keys.setClient(m_fixture.client());
    QSignalSpy created(&keys, &RootKeysModel::created);
    keys.create(u"everything"_s, RootKeysModel::grantablePermissions());
    QVERIFY(created.wait(10000));
    const QString key = created.first().at(1).toString();
    const auto held = m_fixture.call(u"rootKeys.whoami"_s, {}, key);
    QVERIFY(held.ok());
    QStringList heldList = held.data.toObject().value(u"permissions"_s).toVariant().toStringList();
    heldList.sort();
    QCOMPARE(heldList, serverList);
}

QTEST_GUILESS_MAIN(TestRootKeysModel)
#include "tst_rootkeysmodel.moc"
