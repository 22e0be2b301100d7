#include "tst_rbac_helpers.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

/// The audit rows written by the request with @p requestId.
QList<RbacAuditRow> auditRowsOf(ApiHarness &h, const ApiReply &reply)
{
    const QString id = requestIdOf(reply);
    QList<RbacAuditRow> rows;
    for (const RbacAuditRow &row : auditRows(h)) {
        if (row.requestId == id)
            rows.append(row);
    }
    return rows;
}

QStringList eventsOf(const QList<RbacAuditRow> &rows)
{
    QStringList events;
    for (const RbacAuditRow &row : rows)
        events.append(row.event);
    return events;
}

QString newRole(ApiHarness &h, const QString &name, const QStringList &slugs = {}, const QString &rootKey = {})
{
    QJsonObject body {{u"name"_s, name}};
    if (!slugs.isEmpty())
        body.insert(u"permissions"_s, QJsonArray::fromStringList(slugs));
    const ApiReply reply = h.call(u"permissions.createRole"_s, body, rootKey);
    if (reply.status != 200)
        qWarning("createRole failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"roleId").toString();
}

QStringList slugsOf(const QJsonArray &permissions)
{
    QStringList slugs;
    for (const QJsonValue &permission : permissions)
        slugs.append(permission.toObject().value(u"slug").toString());
    return slugs;
}

QJsonArray rolePermissions(ApiHarness &h, const QString &role)
{
    return h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, role}})
        .dataObject()
        .value(u"permissions")
        .toArray();
}

void bindRoleToKey(ApiHarness &h, const QString &keyId, const QString &roleId)
{
    QSqlQuery insert = h.server().database().prepare(
        u"INSERT INTO keys_roles (key_id, role_id, workspace_id, created_at) VALUES (?, ?, ?, 0)"_s);
    insert.addBindValue(keyId);
    insert.addBindValue(roleId);
    insert.addBindValue(h.workspaceId());
    QVERIFY(insert.exec());
}

QJsonArray slugArray(int count)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(u"p%1"_s.arg(i));
    return array;
}

} // namespace

/// permissions.createRole / getRole / listRoles / deleteRole / setRolePermissions.
class TestRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createRole();
    void createRoleWithPermissions();
    void createRoleDuplicateNameIs409();
    void createRolePermissionChecks();
    void createRoleInvalid_data();
    void createRoleInvalid();
    void unknownRootKeyIs401_data();
    void unknownRootKeyIs401();
    void missingPermissionIs403_data();
    void missingPermissionIs403();
    void getRoleByIdOrName();
    void getRoleNotFound();
    void roleRefInvalid_data();
    void roleRefInvalid();
    void otherWorkspaceLooksMissing();
    void listRolesPages();
    void listRolesSearch();
    void listRolesInvalid_data();
    void listRolesInvalid();
    void deleteRole();
    void deleteRoleNotFound();
    void setRolePermissions();
    void setRolePermissionsEmptyClears();
    void setRolePermissionsPermissionChecks();
    void setRolePermissionsNotFound();
    void setRolePermissionsInvalid_data();
    void setRolePermissionsInvalid();
    void changesAreVisibleToTheNextVerification();
};

void TestRoles::createRole()
{
    ApiHarness h;
    const ApiReply reply = h.call(u"permissions.createRole"_s, QJsonObject {{u"name"_s, u"support.readonly"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject().keys(), QStringList {u"roleId"_s});
    const QString id = reply.dataObject().value(u"roleId").toString();
    QVERIFY(id.startsWith(u"role_"));

    const ApiReply got = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, id}});
    QCOMPARE(got.dataObject(),
        (QJsonObject {{u"id"_s, id}, {u"name"_s, u"support.readonly"_s}, {u"permissions"_s, QJsonArray {}}}));

    const QList<RbacAuditRow> audit = auditRowsOf(h, reply);
    QCOMPARE(eventsOf(audit), QStringList {u"role.create"_s});
    QCOMPARE(audit[0].description, u"Created "_s + id);
    QCOMPARE(audit[0].targets,
        (QJsonArray {QJsonObject {{u"type"_s, u"role"_s}, {u"id"_s, id}, {u"name"_s, u"support.readonly"_s}}}));
    // Any characters are allowed in a name, and a description is returned when set.
    const ApiReply described = h.call(u"permissions.createRole"_s,
        QJsonObject {
            {u"name"_s, u"Billing Manager ✓"_s}, {u"description"_s, u"d"_s}, {u"permissions"_s, QJsonArray {}}});
    QVERIFY2(described.status == 200, described.describe().constData());
    const ApiReply byName = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, u"Billing Manager ✓"_s}});
    QCOMPARE(byName.dataObject().value(u"description").toString(), u"d"_s);
}

void TestRoles::createRoleWithPermissions()
{
    ApiHarness h;
    const QString existing = newPermission(h, u"documents.read"_s);
    const ApiReply reply = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"editor"_s},
            {u"permissions"_s, QJsonArray {u"documents.write"_s, u"documents.read"_s, u"documents.write"_s}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString roleId = reply.dataObject().value(u"roleId").toString();

    const QJsonArray permissions = rolePermissions(h, u"editor"_s);
    QCOMPARE(slugsOf(permissions), (QStringList {u"documents.read"_s, u"documents.write"_s}));
    QCOMPARE(permissions.at(0).toObject().value(u"id").toString(), existing);
    // The auto-created permission is named after its slug and has no description.
    const QJsonObject created = permissions.at(1).toObject();
    QCOMPARE(created.keys(), (QStringList {u"id"_s, u"name"_s, u"slug"_s}));
    QCOMPARE(created.value(u"name").toString(), u"documents.write"_s);

    const QList<RbacAuditRow> audit = auditRowsOf(h, reply);
    QCOMPARE(eventsOf(audit),
        (QStringList {u"role.create"_s, u"permission.create"_s, u"authorization.connect_role_and_permission"_s,
            u"authorization.connect_role_and_permission"_s}));
    const QString createdId = created.value(u"id").toString();
    QCOMPARE(audit[1].description, u"Created documents.write (%1)"_s.arg(createdId));
    QCOMPARE(audit[2].description, u"Added permission documents.write to role editor"_s);
    QCOMPARE(audit[3].description, u"Added permission Name of documents.read to role editor"_s);
    QCOMPARE(audit[2].targets,
        (QJsonArray {QJsonObject {{u"type"_s, u"role"_s}, {u"id"_s, roleId}, {u"name"_s, u"editor"_s}},
            QJsonObject {{u"type"_s, u"permission"_s}, {u"id"_s, createdId}, {u"name"_s, u"documents.write"_s}}}));
    for (const RbacAuditRow &row : audit)
        QCOMPARE(row.correlationId, audit[0].correlationId);
}

void TestRoles::createRoleDuplicateNameIs409()
{
    ApiHarness h;
    QVERIFY(!newRole(h, u"admin"_s).isEmpty());
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"admin"_s}, {u"permissions"_s, QJsonArray {u"new.slug"_s}}});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/role_already_exists"_s);
    QVERIFY(reply.detail().contains(u"'admin'"));
    QCOMPARE(snapshot(h), before); // the permission it would have created is rolled back too
    QVERIFY(!newRole(h, u"admin"_s, {}, h.otherRootKey()).isEmpty());
}

void TestRoles::createRolePermissionChecks()
{
    ApiHarness h;
    newPermission(h, u"exists"_s);
    const QString createOnly = h.createRootKey({u"rbac.*.create_role"_s});
    const QString canAdd = h.createRootKey({u"rbac.*.create_role"_s, u"rbac.*.add_permission_to_role"_s});
    const QList<qint64> before = snapshot(h);

    const ApiReply noAdd = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"r"_s}, {u"permissions"_s, QJsonArray {u"exists"_s}}}, createOnly);
    QCOMPARE(noAdd.status, 403);
    QVERIFY2(noAdd.detail().contains(u"rbac.*.add_permission_to_role"), noAdd.describe().constData());
    const ApiReply noCreate = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"r"_s}, {u"permissions"_s, QJsonArray {u"exists"_s, u"missing"_s}}}, canAdd);
    QCOMPARE(noCreate.status, 403);
    QVERIFY2(noCreate.detail().contains(u"rbac.*.create_permission"), noCreate.describe().constData());
    QCOMPARE(snapshot(h), before);

    QVERIFY(!newRole(h, u"empty"_s, {}, createOnly).isEmpty());
    QCOMPARE(h.call(u"permissions.createRole"_s, QJsonObject {{u"name"_s, u"r2"_s}, {u"permissions"_s, QJsonArray {}}},
                  createOnly)
                 .status,
        200);
    QVERIFY(!newRole(h, u"existing only"_s, {u"exists"_s}, canAdd).isEmpty());
}

void TestRoles::createRoleInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("name missing") << QJsonObject {} << u"body.name"_s;
    QTest::newRow("name empty") << QJsonObject {{u"name"_s, u""_s}} << u"body.name"_s;
    QTest::newRow("name too long") << QJsonObject {{u"name"_s, QString(129, u'n')}} << u"body.name"_s;
    QTest::newRow("name number") << QJsonObject {{u"name"_s, 1}} << u"body.name"_s;
    QTest::newRow("description too long")
        << QJsonObject {{u"name"_s, u"n"_s}, {u"description"_s, QString(513, u'd')}} << u"body.description"_s;
    QTest::newRow("permissions not array")
        << QJsonObject {{u"name"_s, u"n"_s}, {u"permissions"_s, u"a"_s}} << u"body.permissions"_s;
    QTest::newRow("permissions null") << QJsonObject {{u"name"_s, u"n"_s}, {u"permissions"_s, QJsonValue::Null}}
                                      << u"body.permissions"_s;
    QTest::newRow("slug with space") << QJsonObject {{u"name"_s, u"n"_s},
        {u"permissions"_s, QJsonArray {u"ok"_s, u"a b"_s}}}
                                     << u"body.permissions[1]"_s;
    QTest::newRow("slug empty") << QJsonObject {{u"name"_s, u"n"_s}, {u"permissions"_s, QJsonArray {u""_s}}}
                                << u"body.permissions[0]"_s;
    QTest::newRow("slug too long") << QJsonObject {{u"name"_s, u"n"_s},
        {u"permissions"_s, QJsonArray {QString(129, u's')}}}
                                   << u"body.permissions[0]"_s;
    QTest::newRow("slug number") << QJsonObject {{u"name"_s, u"n"_s}, {u"permissions"_s, QJsonArray {7}}}
                                 << u"body.permissions[0]"_s;
    QTest::newRow("more than 100") << QJsonObject {{u"name"_s, u"n"_s}, {u"permissions"_s, slugArray(101)}}
                                   << u"body.permissions"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"name"_s, u"n"_s}, {u"roles"_s, QJsonArray {}}} << u"body.roles"_s;
}

void TestRoles::createRoleInvalid()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.createRole"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    QCOMPARE(snapshot(h), before);
}

void TestRoles::unknownRootKeyIs401_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("create") << u"permissions.createRole"_s << QJsonObject {{u"name"_s, u"new"_s}};
    QTest::newRow("get") << u"permissions.getRole"_s << QJsonObject {{u"role"_s, u"r"_s}};
    QTest::newRow("list") << u"permissions.listRoles"_s << QJsonObject {};
    QTest::newRow("delete") << u"permissions.deleteRole"_s << QJsonObject {{u"role"_s, u"r"_s}};
    QTest::newRow("set") << u"permissions.setRolePermissions"_s
                         << QJsonObject {{u"roleId"_s, u"role_x"_s}, {u"permissions"_s, QJsonArray {}}};
}

void TestRoles::unknownRootKeyIs401()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    ApiHarness h;
    newRole(h, u"r"_s);
    const QList<qint64> before = snapshot(h);
    QCOMPARE(h.call(route, body, u"lkroot_unknown_key"_s).status, 401);
    QCOMPARE(snapshot(h), before);
}

void TestRoles::missingPermissionIs403_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("needed");
    QTest::newRow("create") << u"permissions.createRole"_s << QJsonObject {{u"name"_s, u"new"_s}}
                            << u"rbac.*.create_role"_s;
    QTest::newRow("get") << u"permissions.getRole"_s << QJsonObject {{u"role"_s, u"r"_s}} << u"rbac.*.read_role"_s;
    QTest::newRow("list") << u"permissions.listRoles"_s << QJsonObject {} << u"rbac.*.read_role"_s;
    QTest::newRow("delete") << u"permissions.deleteRole"_s << QJsonObject {{u"role"_s, u"r"_s}}
                            << u"rbac.*.delete_role"_s;
}

void TestRoles::missingPermissionIs403()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QString, needed);
    ApiHarness h;
    newRole(h, u"r"_s);
    QStringList granted {u"rbac.*.create_role"_s, u"rbac.*.read_role"_s, u"rbac.*.delete_role"_s,
        u"rbac.*.read_permission"_s, u"rbac.*.add_permission_to_role"_s};
    granted.removeAll(needed);
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(route, body, h.createRootKey(granted));
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.detail().contains(needed), reply.describe().constData());
    QCOMPARE(snapshot(h), before);
    QCOMPARE(h.call(route, body, h.createRootKey({needed})).status, 200);
}

void TestRoles::getRoleByIdOrName()
{
    ApiHarness h;
    const QString id = newRole(h, u"viewer"_s, {u"b.read"_s, u"a.read"_s});
    const ApiReply byId = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, id}});
    QVERIFY2(byId.status == 200, byId.describe().constData());
    const QJsonObject data = byId.dataObject();
    QCOMPARE(data.keys(), (QStringList {u"id"_s, u"name"_s, u"permissions"_s}));
    QCOMPARE(data.value(u"id").toString(), id);
    QCOMPARE(slugsOf(data.value(u"permissions").toArray()), (QStringList {u"a.read"_s, u"b.read"_s}));
    const ApiReply byName = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, u"viewer"_s}});
    QCOMPARE(byName.dataObject(), data);
}

void TestRoles::getRoleNotFound()
{
    ApiHarness h;
    newRole(h, u"viewer"_s);
    for (const QString &missing : {u"role_nope"_s, u"Viewer"_s, u"viewe"_s}) {
        const ApiReply reply = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, missing}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.detail(), u"The requested role does not exist."_s);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/role_not_found"_s);
    }
}

void TestRoles::roleRefInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("missing") << QJsonObject {};
    QTest::newRow("empty") << QJsonObject {{u"role"_s, u""_s}};
    QTest::newRow("too long") << QJsonObject {{u"role"_s, QString(129, u'r')}};
    QTest::newRow("null") << QJsonObject {{u"role"_s, QJsonValue::Null}};
    QTest::newRow("object") << QJsonObject {{u"role"_s, QJsonObject {}}};
}

void TestRoles::roleRefInvalid()
{
    QFETCH(QJsonObject, body);
    ApiHarness h;
    for (const QString &route : {u"permissions.getRole"_s, u"permissions.deleteRole"_s}) {
        const ApiReply reply = h.call(route, body);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorLocations().contains(u"body.role"_s), reply.describe().constData());
    }
}

void TestRoles::otherWorkspaceLooksMissing()
{
    ApiHarness h;
    const QString id = newRole(h, u"mine"_s, {u"p"_s});
    const QList<qint64> before = snapshot(h);
    for (const QString &ref : {id, u"mine"_s}) {
        for (const QString &route : {u"permissions.getRole"_s, u"permissions.deleteRole"_s})
            QCOMPARE(h.call(route, QJsonObject {{u"role"_s, ref}}, h.otherRootKey()).status, 404);
    }
    const ApiReply set = h.call(u"permissions.setRolePermissions"_s,
        QJsonObject {{u"roleId"_s, id}, {u"permissions"_s, QJsonArray {}}}, h.otherRootKey());
    QCOMPARE(set.status, 404);
    const ApiReply list = h.call(u"permissions.listRoles"_s, QJsonObject {}, h.otherRootKey());
    QCOMPARE(list.status, 200);
    QCOMPARE(list.dataArray(), QJsonArray {});
    QCOMPARE(snapshot(h), before);
    QCOMPARE(rolePermissions(h, id).size(), 1);
}

void TestRoles::listRolesPages()
{
    ApiHarness h;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(newRole(h, u"role %1"_s.arg(i), {u"p%1"_s.arg(i)}));
    newRole(h, u"foreign"_s, {}, h.otherRootKey());
    std::sort(ids.begin(), ids.end());

    QStringList seen;
    QJsonObject request {{u"limit"_s, 2}};
    for (int page = 0; page < 3; ++page) {
        const ApiReply reply = h.call(u"permissions.listRoles"_s, request);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        for (const QJsonValue &item : reply.dataArray()) {
            const QJsonObject role = item.toObject();
            QCOMPARE(role.keys(), (QStringList {u"id"_s, u"name"_s, u"permissions"_s}));
            QCOMPARE(role.value(u"permissions").toArray().size(), 1);
            seen.append(role.value(u"id").toString());
        }
        if (page < 2) {
            QCOMPARE(reply.dataArray().size(), 2);
            QCOMPARE(reply.pagination(), (QJsonObject {{u"hasMore"_s, true}, {u"cursor"_s, ids.at(2 * page + 2)}}));
            request.insert(u"cursor"_s, ids.at(2 * page + 2));
        } else {
            QCOMPARE(reply.dataArray().size(), 1);
            QCOMPARE(reply.pagination(), (QJsonObject {{u"hasMore"_s, false}}));
        }
    }
    QCOMPARE(seen, ids);
}

void TestRoles::listRolesSearch()
{
    ApiHarness h;
    const QString admin = newRole(h, u"Admin"_s);
    const ApiReply described = h.call(
        u"permissions.createRole"_s, QJsonObject {{u"name"_s, u"support"_s}, {u"description"_s, u"Reads TICKETS"_s}});
    const QString support = described.dataObject().value(u"roleId").toString();
    auto search = [&h](const QString &text) {
        QStringList ids;
        for (const QJsonValue &item : h.call(u"permissions.listRoles"_s, QJsonObject {{u"search"_s, text}}).dataArray())
            ids.append(item.toObject().value(u"id").toString());
        return ids;
    };
    QCOMPARE(search(u"admin"_s), QStringList {admin});
    QCOMPARE(search(u"tickets"_s), QStringList {support});
    QCOMPARE(search(support.right(10)), QStringList {support}); // the random end: ids made together share their start
    QCOMPARE(search(u"_"_s).size(), 2); // every id contains '_'; no LIKE wildcard semantics
    // Not "zzz": a role's random id held it once in CI (case-insensitive); no id holds a '-'.
    QCOMPARE(search(u"no-such-role"_s), QStringList {});
}

void TestRoles::listRolesInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("limit 0") << QJsonObject {{u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject {{u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("limit null") << QJsonObject {{u"limit"_s, QJsonValue::Null}} << u"body.limit"_s;
    QTest::newRow("cursor too long") << QJsonObject {{u"cursor"_s, QString(1025, u'c')}} << u"body.cursor"_s;
    QTest::newRow("search too long") << QJsonObject {{u"search"_s, QString(257, u's')}} << u"body.search"_s;
    QTest::newRow("unknown") << QJsonObject {{u"name"_s, u"x"_s}} << u"body.name"_s;
}

void TestRoles::listRolesInvalid()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply reply = h.call(u"permissions.listRoles"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
}

void TestRoles::deleteRole()
{
    ApiHarness h;
    const QString id = newRole(h, u"doomed"_s, {u"p1"_s, u"p2"_s});
    const QString kept = newRole(h, u"kept"_s, {u"p1"_s});
    bindRoleToKey(h, u"key_1"_s, id);
    bindRoleToKey(h, u"key_1"_s, kept);

    const ApiReply reply = h.call(u"permissions.deleteRole"_s, QJsonObject {{u"role"_s, u"doomed"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.data(), QJsonValue(QJsonObject {}));
    QCOMPARE(h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, id}}).status, 404);
    QCOMPARE(countRows(h, u"keys_roles"_s), 1);
    QCOMPARE(countRows(h, u"roles_permissions"_s), 1);
    QCOMPARE(countRows(h, u"permissions"_s), 2); // permissions outlive the role
    QCOMPARE(rolePermissions(h, kept).size(), 1);

    const QList<RbacAuditRow> audit = auditRowsOf(h, reply);
    QCOMPARE(eventsOf(audit), QStringList {u"role.delete"_s});
    QCOMPARE(audit[0].description, u"Deleted "_s + id);
    QCOMPARE(
        audit[0].targets, (QJsonArray {QJsonObject {{u"type"_s, u"role"_s}, {u"id"_s, id}, {u"name"_s, u"doomed"_s}}}));

    QCOMPARE(h.call(u"permissions.deleteRole"_s, QJsonObject {{u"role"_s, kept}}).status, 200);
    QCOMPARE(countRows(h, u"roles"_s), 0);
}

void TestRoles::deleteRoleNotFound()
{
    ApiHarness h;
    newRole(h, u"r"_s);
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.deleteRole"_s, QJsonObject {{u"role"_s, u"role_missing"_s}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.detail(), u"The requested role does not exist."_s);
    QCOMPARE(snapshot(h), before);
}

void TestRoles::setRolePermissions()
{
    ApiHarness h;
    const QString roleId = newRole(h, u"editor"_s, {u"keep"_s, u"drop"_s});
    const QString dropId = slugsOf(rolePermissions(h, roleId)).indexOf(u"drop"_s) == 0
        ? rolePermissions(h, roleId).at(0).toObject().value(u"id").toString()
        : rolePermissions(h, roleId).at(1).toObject().value(u"id").toString();
    newPermission(h, u"add.existing"_s);

    const ApiReply reply = h.call(u"permissions.setRolePermissions"_s,
        QJsonObject {{u"roleId"_s, roleId},
            {u"permissions"_s, QJsonArray {u"zz.new"_s, u"keep"_s, u"add.existing"_s, u"keep"_s}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonArray data = reply.dataArray();
    QCOMPARE(slugsOf(data), (QStringList {u"add.existing"_s, u"keep"_s, u"zz.new"_s}));
    QCOMPARE(data.at(0).toObject(),
        (QJsonObject {{u"id"_s, data.at(0).toObject().value(u"id")}, {u"name"_s, u"Name of add.existing"_s},
            {u"slug"_s, u"add.existing"_s}}));
    QCOMPARE(slugsOf(rolePermissions(h, roleId)), slugsOf(data));
    // The dropped permission still exists; only the binding went.
    QCOMPARE(h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, dropId}}).status, 200);

    const QList<RbacAuditRow> audit = auditRowsOf(h, reply);
    QCOMPARE(eventsOf(audit),
        (QStringList {u"permission.create"_s, u"authorization.disconnect_role_and_permissions"_s,
            u"authorization.connect_role_and_permission"_s, u"authorization.connect_role_and_permission"_s}));
    QCOMPARE(audit[1].description, u"Removed permission drop from role editor"_s);
    QCOMPARE(audit[1].targets,
        (QJsonArray {QJsonObject {{u"type"_s, u"role"_s}, {u"id"_s, roleId}, {u"name"_s, u"editor"_s}},
            QJsonObject {{u"type"_s, u"permission"_s}, {u"id"_s, dropId}, {u"name"_s, u"drop"_s}}}));

    // Setting the same set again changes nothing and audits nothing.
    const qint64 auditCount = countRows(h, u"audit_logs"_s);
    const ApiReply again = h.call(u"permissions.setRolePermissions"_s,
        QJsonObject {
            {u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {u"keep"_s, u"zz.new"_s, u"add.existing"_s}}});
    QCOMPARE(again.dataArray(), data);
    QCOMPARE(countRows(h, u"audit_logs"_s), auditCount);
}

void TestRoles::setRolePermissionsEmptyClears()
{
    ApiHarness h;
    const QString roleId = newRole(h, u"r"_s, {u"a"_s, u"b"_s});
    const ApiReply reply = h.call(
        u"permissions.setRolePermissions"_s, QJsonObject {{u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataArray(), QJsonArray {});
    QCOMPARE(rolePermissions(h, roleId), QJsonArray {});
    QCOMPARE(eventsOf(auditRowsOf(h, reply)),
        (QStringList {
            u"authorization.disconnect_role_and_permissions"_s, u"authorization.disconnect_role_and_permissions"_s}));
    QCOMPARE(countRows(h, u"permissions"_s), 2);
}

void TestRoles::setRolePermissionsPermissionChecks()
{
    ApiHarness h;
    const QString roleId = newRole(h, u"r"_s, {u"a"_s});
    const QJsonObject existing {{u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {u"a"_s}}};
    const QJsonObject missing {{u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {u"a"_s, u"new"_s}}};
    const QString add = u"rbac.*.add_permission_to_role"_s;
    const QString remove = u"rbac.*.remove_permission_from_role"_s;
    const QList<qint64> before = snapshot(h);

    const ApiReply noRemove = h.call(u"permissions.setRolePermissions"_s, existing, h.createRootKey({add}));
    QCOMPARE(noRemove.status, 403);
    QVERIFY2(noRemove.detail().contains(remove), noRemove.describe().constData());
    const ApiReply noAdd = h.call(u"permissions.setRolePermissions"_s, existing, h.createRootKey({remove}));
    QCOMPARE(noAdd.status, 403);
    QVERIFY2(noAdd.detail().contains(add), noAdd.describe().constData());
    const QString both = h.createRootKey({add, remove});
    const ApiReply noCreate = h.call(u"permissions.setRolePermissions"_s, missing, both);
    QCOMPARE(noCreate.status, 403);
    QVERIFY2(noCreate.detail().contains(u"rbac.*.create_permission"), noCreate.describe().constData());
    QCOMPARE(snapshot(h), before);

    QCOMPARE(h.call(u"permissions.setRolePermissions"_s, existing, both).status, 200);
    const ApiReply created = h.call(
        u"permissions.setRolePermissions"_s, missing, h.createRootKey({add, remove, u"rbac.*.create_permission"_s}));
    QCOMPARE(created.status, 200);
    QCOMPARE(slugsOf(created.dataArray()), (QStringList {u"a"_s, u"new"_s}));
}

void TestRoles::setRolePermissionsNotFound()
{
    ApiHarness h;
    newRole(h, u"named_role"_s, {u"a"_s});
    const QList<qint64> before = snapshot(h);
    for (const QString &ref : {u"role_missing"_s, u"named_role"_s}) { // a name is not an id
        const ApiReply reply = h.call(u"permissions.setRolePermissions"_s,
            QJsonObject {{u"roleId"_s, ref}, {u"permissions"_s, QJsonArray {u"b"_s}}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.detail(), u"The requested role does not exist."_s);
    }
    QCOMPARE(snapshot(h), before);
}

void TestRoles::setRolePermissionsInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    const QJsonArray none;
    QTest::newRow("roleId missing") << QJsonObject {{u"permissions"_s, none}} << u"body.roleId"_s;
    QTest::newRow("roleId short") << QJsonObject {{u"roleId"_s, u"ab"_s}, {u"permissions"_s, none}} << u"body.roleId"_s;
    QTest::newRow("roleId long") << QJsonObject {{u"roleId"_s, QString(256, u'r')}, {u"permissions"_s, none}}
                                 << u"body.roleId"_s;
    QTest::newRow("roleId pattern") << QJsonObject {{u"roleId"_s, u"role.x"_s}, {u"permissions"_s, none}}
                                    << u"body.roleId"_s;
    QTest::newRow("permissions missing") << QJsonObject {{u"roleId"_s, u"role_x"_s}} << u"body.permissions"_s;
    QTest::newRow("permissions null") << QJsonObject {{u"roleId"_s, u"role_x"_s}, {u"permissions"_s, QJsonValue::Null}}
                                      << u"body.permissions"_s;
    QTest::newRow("slug pattern") << QJsonObject {{u"roleId"_s, u"role_x"_s}, {u"permissions"_s, QJsonArray {u"a/b"_s}}}
                                  << u"body.permissions[0]"_s;
    QTest::newRow("more than 100") << QJsonObject {{u"roleId"_s, u"role_x"_s}, {u"permissions"_s, slugArray(101)}}
                                   << u"body.permissions"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"roleId"_s, u"role_x"_s}, {u"permissions"_s, none},
        {u"role"_s, u"r"_s}} << u"body.role"_s;
}

void TestRoles::setRolePermissionsInvalid()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const QString roleId = newRole(h, u"r"_s, {u"a"_s});
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.setRolePermissions"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    QCOMPARE(snapshot(h), before);
    QCOMPARE(rolePermissions(h, roleId).size(), 1);
}

void TestRoles::changesAreVisibleToTheNextVerification()
{
    ApiHarness h;
    const QString roleId = newRole(h, u"reader"_s, {u"documents.read"_s});
    const QString apiId = h.createApi();
    const QString key
        = h.createKey({{u"apiId"_s, apiId}, {u"roles"_s, QJsonArray {u"reader"_s}}}).value(u"key").toString();
    QVERIFY(!key.isEmpty());
    auto verify = [&h, &key](const QString &query) {
        const ApiReply reply = h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}, {u"permissions"_s, query}});
        return reply.dataObject().value(u"code").toString();
    };
    QCOMPARE(verify(u"documents.read"_s), u"VALID"_s); // also warms the verification cache
    QCOMPARE(verify(u"documents.write"_s), u"INSUFFICIENT_PERMISSIONS"_s);

    QCOMPARE(h.call(u"permissions.setRolePermissions"_s,
                  QJsonObject {{u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {u"documents.write"_s}}})
                 .status,
        200);
    QCOMPARE(verify(u"documents.write"_s), u"VALID"_s);
    QCOMPARE(verify(u"documents.read"_s), u"INSUFFICIENT_PERMISSIONS"_s);

    QCOMPARE(
        h.call(u"permissions.deletePermission"_s, QJsonObject {{u"permission"_s, u"documents.write"_s}}).status, 200);
    QCOMPARE(verify(u"documents.write"_s), u"INSUFFICIENT_PERMISSIONS"_s);

    QCOMPARE(h.call(u"permissions.setRolePermissions"_s,
                  QJsonObject {{u"roleId"_s, roleId}, {u"permissions"_s, QJsonArray {u"documents.read"_s}}})
                 .status,
        200);
    QCOMPARE(verify(u"documents.read"_s), u"VALID"_s);
    QCOMPARE(h.call(u"permissions.deleteRole"_s, QJsonObject {{u"role"_s, roleId}}).status, 200);
    QCOMPARE(verify(u"documents.read"_s), u"INSUFFICIENT_PERMISSIONS"_s);
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
