// PermissionsModel and RolesModel against a real latchkeyd: paging, the server-side search,
// create and delete through the models (checked through the API), and refusals reaching the sink.
#include "dashboardfixture.h"
#include "modeltestsupport.h"
#include "permissionsmodel.h"
#include "roleeditor.h"
#include "rolesmodel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Dashboard::PermissionsModel;
using Latchkey::Dashboard::RoleEditor;
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
    void roleEditorAddsAndRemovesPermissions();
    void roleEditorRefusalKeepsTheList();
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
    // A taken slug is the create dialog's to say under its field (createFailed), not the error
    // banner's (the client's sink); the list stays as it was.
    const int rowsBefore = permissions.rowCount();
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy taken(&permissions, &PermissionsModel::createFailed);
    QSignalSpy created(&permissions, &PermissionsModel::created);
    permissions.create(u"dup"_s, u"billing.read"_s);
    QVERIFY(taken.wait(10000));
    QCOMPARE(taken.first().at(0).value<ApiResult>().httpStatus, 409);
    QVERIFY(!taken.first().at(0).value<ApiResult>().message().isEmpty());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(created.count(), 0);
    QCOMPARE(permissions.rowCount(), rowsBefore);
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

namespace {

/// The role's permission slugs, sorted, through the server's API.
QStringList roleSlugs(DashboardFixture &fixture, const QString &roleId)
{
    const auto role = fixture.call(u"permissions.getRole"_s, {{u"role"_s, roleId}});
    QStringList slugs;
    for (const QJsonValue &permission : role.data.toObject().value(u"permissions"_s).toArray())
        slugs.append(permission.toObject().value(u"slug"_s).toString());
    slugs.sort();
    return slugs;
}

} // namespace

// A role's permissions after it was created: RoleEditor loads the role, adds an existing
// permission and a new one (created by the server), removes one; each change is the server's.
void TestRbacModels::roleEditorAddsAndRemovesPermissions()
{
    const auto created = m_fixture.call(u"permissions.createRole"_s,
        {{u"name"_s, u"editor-role"_s}, {u"description"_s, u"edits"_s}, {u"permissions"_s, QJsonArray{u"documents.op2"_s}}});
    QVERIFY(created.ok());
    const QString roleId = created.data.toObject().value(u"roleId"_s).toString();

    RoleEditor editor;
    QSignalSpy saved(&editor, &RoleEditor::saved);
    QVERIFY(!editor.addPermission(u"documents.op3"_s)); // nothing loaded yet
    editor.setClient(m_fixture.client());
    editor.setRoleId(roleId);
    QTRY_VERIFY_WITH_TIMEOUT(editor.loaded(), 30000);
    QCOMPARE(editor.name(), u"editor-role"_s);
    QCOMPARE(editor.description(), u"edits"_s);
    QCOMPARE(editor.permissions(), QStringList{u"documents.op2"_s});

    QVERIFY(editor.addPermission(u" documents.op3 "_s));
    QVERIFY(editor.busy());
    QVERIFY(!editor.addPermission(u"documents.op4"_s)); // one change at a time
    QTRY_VERIFY_WITH_TIMEOUT(!editor.busy(), 30000);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(editor.permissions(), (QStringList{u"documents.op2"_s, u"documents.op3"_s}));
    QCOMPARE(roleSlugs(m_fixture, roleId), (QStringList{u"documents.op2"_s, u"documents.op3"_s}));

    QVERIFY(editor.addPermission(u"brand.new"_s)); // created on the fly
    QTRY_VERIFY_WITH_TIMEOUT(saved.size() == 2, 30000);
    QCOMPARE(roleSlugs(m_fixture, roleId), (QStringList{u"brand.new"_s, u"documents.op2"_s, u"documents.op3"_s}));
    QVERIFY(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, u"brand.new"_s}}).ok());

    QVERIFY(!editor.addPermission(u"documents.op3"_s)); // already granted
    QVERIFY(!editor.addPermission(u"bad slug!"_s));
    QVERIFY(!editor.error().isEmpty());
    QVERIFY(editor.removePermission(u"documents.op2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(saved.size() == 3, 30000);
    QVERIFY(editor.error().isEmpty());
    QCOMPARE(editor.permissions(), (QStringList{u"brand.new"_s, u"documents.op3"_s}));
    QCOMPARE(roleSlugs(m_fixture, roleId), (QStringList{u"brand.new"_s, u"documents.op3"_s}));
    QVERIFY(!editor.removePermission(u"documents.op2"_s)); // no longer granted

    QVERIFY(m_fixture.call(u"permissions.deletePermission"_s, {{u"permission"_s, u"brand.new"_s}}).ok());
    QVERIFY(m_fixture.call(u"permissions.deleteRole"_s, {{u"role"_s, roleId}}).ok());
}

// A root key that may add but not remove a role's permissions: the server refuses, the editor
// keeps the role's list and says why.
void TestRbacModels::roleEditorRefusalKeepsTheList()
{
    const auto created = m_fixture.call(u"permissions.createRole"_s,
        {{u"name"_s, u"locked-role"_s}, {u"permissions"_s, QJsonArray{u"documents.op0"_s}}});
    QVERIFY(created.ok());
    const QString roleId = created.data.toObject().value(u"roleId"_s).toString();
    const QString limited = m_fixture.createRootKey({u"rbac.*.read_role"_s, u"rbac.*.add_permission_to_role"_s});
    QVERIFY(!limited.isEmpty());
    Latchkey::Dashboard::ApiClient client;
    client.setConnection(m_fixture.baseUrl(), limited);
    QSignalSpy failed(&client, &Latchkey::Dashboard::ApiClient::requestFailed);

    RoleEditor editor;
    editor.setClient(&client);
    editor.setRoleId(roleId);
    QTRY_VERIFY_WITH_TIMEOUT(editor.loaded(), 30000);
    QVERIFY(editor.removePermission(u"documents.op0"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!editor.busy(), 30000);
    QVERIFY2(editor.error().contains(u"remove_permission_from_role"_s), qPrintable(editor.error()));
    QCOMPARE(failed.size(), 0); // said in the role's dialog, not the banner behind it
    QCOMPARE(editor.permissions(), QStringList{u"documents.op0"_s});
    QCOMPARE(roleSlugs(m_fixture, roleId), QStringList{u"documents.op0"_s});
    QVERIFY(m_fixture.call(u"permissions.deleteRole"_s, {{u"role"_s, roleId}}).ok());
}

QTEST_GUILESS_MAIN(TestRbacModels)
#include "tst_rbacmodels.moc"
