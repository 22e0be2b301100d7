// PermissionsModel and RolesModel against a real latchkeyd: paging, the server-side search,
// create and delete through the models (checked through the API), and refusals reaching the sink.
#include "dashboardfixture.h"
#include "modeltestsupport.h"
#include "permissionsmodel.h"
#include "rolesmodel.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;
using Latchkey::Dashboard::PermissionsModel;
using Latchkey::Dashboard::RolesModel;

class TestRbacModels : public QObject
{
    Q_OBJECT

private:
    DashboardFixture m_fixture;

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
    CheckedModel<PermissionsModel> permissions(m_fixture.client(), {}, 2);
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
    CheckedModel<PermissionsModel> permissions(m_fixture.client(), u"reports"_s);
    QVERIFY(fetchAll(permissions) >= 0);
    QCOMPARE(permissions.rowCount(), 0);

    const QString id =
        createdThrough(permissions, [&] { permissions.create(u"Reports"_s, u"reports.read"_s, u"See reports"_s); });
    QVERIFY(!id.isEmpty());
    QCOMPARE(column(permissions, "permissionId"), QVariantList{id});
    QCOMPARE(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, id}}).data.toObject().value(u"slug"_s).toString(),
             u"reports.read"_s);

    QVERIFY(removedThrough(permissions, id));
    QCOMPARE(permissions.rowCount(), 0);
    QCOMPARE(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, id}}).httpStatus, 404);
}

void TestRbacModels::duplicatePermissionIsRefused()
{
    CheckedModel<PermissionsModel> permissions(m_fixture.client());
    QVERIFY(fetchAll(permissions) >= 0);
    const Refusal refused =
        refusedThrough(permissions, m_fixture.client(), [&] { permissions.create(u"dup"_s, u"billing.read"_s); });
    QCOMPARE(refused.action, u"permissions.createPermission"_s);
    QVERIFY(!refused.detail.isEmpty());
    QCOMPARE(refused.createdSignals, 0);
    QCOMPARE(refused.rowsAfter, refused.rowsBefore);
    QVERIFY(!permissions.failed()); // a refused mutation does not break the list
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
    CheckedModel<RolesModel> roles(m_fixture.client(), {}, 2);
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
    CheckedModel<RolesModel> roles(m_fixture.client(), u"support"_s);
    QVERIFY(fetchAll(roles) >= 0);
    QCOMPARE(roles.rowCount(), 0);

    const QString roleId = createdThrough(roles, [&] { roles.create(u"support"_s, u"first line"_s, {u"tickets.read"_s}); });
    QVERIFY(!roleId.isEmpty());
    QCOMPARE(column(roles, "roleId"), QVariantList{roleId});
    QCOMPARE(valueOf(roles, "roleId", roleId, "permissions").toStringList(), QStringList{u"tickets.read"_s});

    QVERIFY(removedThrough(roles, roleId));
    QCOMPARE(roles.rowCount(), 0);
    QCOMPARE(m_fixture.call(u"permissions.getRole"_s, {{u"role"_s, roleId}}).httpStatus, 404);

    // Gone: 404 with the server's detail, nothing else changes.
    const Refusal refused = refusedThrough(roles, m_fixture.client(), [&] { roles.remove(roleId); });
    QCOMPARE(refused.action, u"permissions.deleteRole"_s);
    QVERIFY(!refused.detail.isEmpty());
    QCOMPARE(refused.rowsAfter, 0);
}

QTEST_GUILESS_MAIN(TestRbacModels)
#include "tst_rbacmodels.moc"
