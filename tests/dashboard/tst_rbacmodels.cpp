// PermissionsModel and RolesModel against a real latchkeyd: paging, the server-side search,
// create and delete through the models (checked through the API), and refusals reaching the sink.
#include "dashboardfixture.h"
#include "modeltestsupport.h"
#include "permissionsmodel.h"
#include "rolesmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::PermissionsModel;
using Latchkey::Dashboard::RolesModel;
using Latchkey::Test::column;
using Latchkey::Test::fetchAll;
using Latchkey::Test::valueOf;

class TestRbacModels : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void permissionsPageAndSearch();
    void createAndDeletePermission();
    void duplicatePermissionIsRefused();
    void rolesWithTheirPermissions();
    void createAndDeleteRole();
};

void TestRbacModels::initTestCase()
{
    for (int i = 0; i < 5; ++i) {
        const QString slug = u"documents.op%1"_s.arg(i);
        QVERIFY(m_fixture.call(u"permissions.createPermission"_s, {{u"name"_s, slug}, {u"slug"_s, slug}}).ok());
    }
    QVERIFY(m_fixture.call(u"permissions.createPermission"_s,
                           {{u"name"_s, u"billing.read"_s}, {u"slug"_s, u"billing.read"_s}, {u"description"_s, u"Read invoices"_s}})
                .ok());
}

void TestRbacModels::permissionsPageAndSearch()
{
    PermissionsModel permissions;
    permissions.setPageSize(2);
    permissions.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&permissions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(permissions.rowCount(), 6);
    QCOMPARE(valueOf(permissions, "slug", u"billing.read"_s, "description").toString(), u"Read invoices"_s);
    QVERIFY(valueOf(permissions, "slug", u"billing.read"_s, "permissionId").toString().startsWith(u"perm_"_s));

    permissions.setSearch(u"BILLING"_s);
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(column(permissions, "slug"), QVariantList{u"billing.read"_s});
}

void TestRbacModels::createAndDeletePermission()
{
    PermissionsModel permissions;
    permissions.setClient(m_fixture.client());
    permissions.setSearch(u"reports"_s);
    QAbstractItemModelTester tester(&permissions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(permissions.rowCount(), 0);

    QSignalSpy created(&permissions, &PermissionsModel::created);
    permissions.create(u"Reports"_s, u"reports.read"_s, u"See reports"_s);
    QVERIFY(created.wait(10000));
    const QString id = created.first().at(0).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(column(permissions, "permissionId"), QVariantList{id});
    QCOMPARE(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, id}}).data.toObject().value(u"slug"_s).toString(),
             u"reports.read"_s);

    QSignalSpy removed(&permissions, &PermissionsModel::removed);
    permissions.remove(id);
    QVERIFY(removed.wait(10000));
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(permissions.rowCount(), 0);
    QCOMPARE(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, id}}).httpStatus, 404);
}

void TestRbacModels::duplicatePermissionIsRefused()
{
    PermissionsModel permissions;
    permissions.setClient(m_fixture.client());
    QVERIFY(fetchAll(permissions) >= 0);
    const int before = permissions.rowCount();
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy created(&permissions, &PermissionsModel::created);
    permissions.create(u"dup"_s, u"billing.read"_s);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), u"permissions.createPermission"_s);
    QVERIFY(!failed.first().at(2).toString().isEmpty());
    QCOMPARE(created.count(), 0);
    QCOMPARE(permissions.rowCount(), before);
}

void TestRbacModels::rolesWithTheirPermissions()
{
    QVERIFY(m_fixture.call(u"permissions.createRole"_s,
                           {{u"name"_s, u"auditor"_s},
                            {u"description"_s, u"reads"_s},
                            {u"permissions"_s, QJsonArray{u"documents.op1"_s, u"billing.read"_s}}})
                .ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_fixture.call(u"permissions.createRole"_s, {{u"name"_s, u"filler-%1"_s.arg(i)}}).ok());
    RolesModel roles;
    roles.setPageSize(2);
    roles.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&roles, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(roles.rowCount(), 4);
    QStringList slugs = valueOf(roles, "name", u"auditor"_s, "permissions").toStringList();
    slugs.sort();
    QCOMPARE(slugs, (QStringList{u"billing.read"_s, u"documents.op1"_s}));
    QCOMPARE(valueOf(roles, "name", u"auditor"_s, "description").toString(), u"reads"_s);

    roles.setSearch(u"AUDIT"_s);
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(column(roles, "name"), QVariantList{u"auditor"_s});
}

void TestRbacModels::createAndDeleteRole()
{
    RolesModel roles;
    roles.setClient(m_fixture.client());
    roles.setSearch(u"support"_s);
    QAbstractItemModelTester tester(&roles, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(roles.rowCount(), 0);

    QSignalSpy created(&roles, &RolesModel::created);
    roles.create(u"support"_s, u"first line"_s, {u"tickets.read"_s});
    QVERIFY(created.wait(10000));
    const QString roleId = created.first().at(0).toString();
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(column(roles, "roleId"), QVariantList{roleId});
    QCOMPARE(valueOf(roles, "roleId", roleId, "permissions").toStringList(), QStringList{u"tickets.read"_s});

    QSignalSpy removed(&roles, &RolesModel::removed);
    roles.remove(roleId);
    QVERIFY(removed.wait(10000));
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(roles.rowCount(), 0);
    QCOMPARE(m_fixture.call(u"permissions.getRole"_s, {{u"role"_s, roleId}}).httpStatus, 404);

    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    roles.remove(roleId); // gone: 404 with the server's detail, nothing else changes
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), u"permissions.deleteRole"_s);
}

QTEST_GUILESS_MAIN(TestRbacModels)
#include "tst_rbacmodels.moc"
