#include "tst_rbac_helpers.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

/// Binds a permission to a (fake) key directly: the keys.* routes are not needed to check cleanup.
void bindToKey(ApiHarness &h, const QString &keyId, const QString &permissionId)
{
    QSqlQuery insert = h.server().database().prepare(
        u"INSERT INTO keys_permissions (key_id, permission_id, workspace_id, created_at) VALUES (?, ?, ?, 0)"_s);
    insert.addBindValue(keyId);
    insert.addBindValue(permissionId);
    insert.addBindValue(h.workspaceId());
    QVERIFY(insert.exec());
}

} // namespace

/// permissions.createPermission / getPermission / listPermissions / deletePermission.
class TestPermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createPermission();
    void createPermissionWithoutDescription();
    void createPermissionInvalid_data();
    void createPermissionInvalid();
    void createPermissionDuplicateSlugIs409();
    void unknownRootKeyIs401_data();
    void unknownRootKeyIs401();
    void missingPermissionIs403_data();
    void missingPermissionIs403();
    void getPermissionByIdOrSlug();
    void getPermissionNotFound();
    void getPermissionInvalid_data();
    void getPermissionInvalid();
    void otherWorkspaceLooksMissing();
    void listPermissionsPages();
    void listPermissionsSearch();
    void listPermissionsInvalid_data();
    void listPermissionsInvalid();
    void deletePermission();
    void deletePermissionBySlugUnbindsKeysAndRoles();
    void deletePermissionNotFound();
};

void TestPermissions::createPermission()
{
    ApiHarness h;
    const ApiReply reply = h.call(u"permissions.createPermission"_s,
        QJsonObject {{u"name"_s, u"Read documents"_s}, {u"slug"_s, u"documents.read"_s},
            {u"description"_s, u"Grants reading documents"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject data = reply.dataObject();
    QCOMPARE(data.keys(), QStringList {u"permissionId"_s});
    const QString id = data.value(u"permissionId").toString();
    QVERIFY(id.startsWith(u"perm_"));
    QVERIFY(!reply.body.contains(u"pagination"));

    const ApiReply got = h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, id}});
    QVERIFY2(got.status == 200, got.describe().constData());
    QCOMPARE(got.dataObject(),
        (QJsonObject {{u"id"_s, id}, {u"name"_s, u"Read documents"_s}, {u"slug"_s, u"documents.read"_s},
            {u"description"_s, u"Grants reading documents"_s}}));

    const QList<RbacAuditRow> audit = auditRows(h);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0].event, u"permission.create"_s);
    QCOMPARE(audit[0].description, u"Created "_s + id);
    QCOMPARE(audit[0].actorType, u"rootkey"_s);
    QCOMPARE(audit[0].requestId, requestIdOf(reply));
    QCOMPARE(audit[0].targets,
        (QJsonArray {QJsonObject {{u"type"_s, u"permission"_s}, {u"id"_s, id}, {u"name"_s, u"documents.read"_s}}}));
}

void TestPermissions::createPermissionWithoutDescription()
{
    ApiHarness h;
    const QString id = newPermission(h, u"a:b-c_d.*"_s);
    QVERIFY(!id.isEmpty());
    const ApiReply got = h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, id}});
    QCOMPARE(got.dataObject(),
        (QJsonObject {{u"id"_s, id}, {u"name"_s, u"Name of a:b-c_d.*"_s}, {u"slug"_s, u"a:b-c_d.*"_s}}));
}

void TestPermissions::createPermissionInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    const QJsonObject valid {{u"name"_s, u"n"_s}, {u"slug"_s, u"s"_s}};
    auto with = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    QTest::newRow("name missing") << with(u"name"_s, QJsonValue::Undefined) << u"body.name"_s;
    QTest::newRow("name empty") << with(u"name"_s, u""_s) << u"body.name"_s;
    QTest::newRow("name too long") << with(u"name"_s, QString(513, u'n')) << u"body.name"_s;
    QTest::newRow("name null") << with(u"name"_s, QJsonValue::Null) << u"body.name"_s;
    QTest::newRow("slug missing") << with(u"slug"_s, QJsonValue::Undefined) << u"body.slug"_s;
    QTest::newRow("slug empty") << with(u"slug"_s, u""_s) << u"body.slug"_s;
    QTest::newRow("slug too long") << with(u"slug"_s, QString(129, u's')) << u"body.slug"_s;
    QTest::newRow("slug with space") << with(u"slug"_s, u"a b"_s) << u"body.slug"_s;
    QTest::newRow("slug with slash") << with(u"slug"_s, u"a/b"_s) << u"body.slug"_s;
    QTest::newRow("slug number") << with(u"slug"_s, 5) << u"body.slug"_s;
    QTest::newRow("description too long") << with(u"description"_s, QString(513, u'd')) << u"body.description"_s;
    QTest::newRow("description null") << with(u"description"_s, QJsonValue::Null) << u"body.description"_s;
    QTest::newRow("unknown field") << with(u"extra"_s, true) << u"body.extra"_s;
}

void TestPermissions::createPermissionInvalid()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.createPermission"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    QCOMPARE(snapshot(h), before);
}

void TestPermissions::createPermissionDuplicateSlugIs409()
{
    ApiHarness h;
    QVERIFY(!newPermission(h, u"dup"_s).isEmpty());
    const QList<qint64> before = snapshot(h);
    const ApiReply reply
        = h.call(u"permissions.createPermission"_s, QJsonObject {{u"name"_s, u"other name"_s}, {u"slug"_s, u"dup"_s}});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/permission_already_exists"_s);
    QVERIFY(reply.detail().contains(u"'dup'"));
    QCOMPARE(snapshot(h), before);
    // The same slug in another workspace is a different permission.
    QVERIFY(!newPermission(h, u"dup"_s, {}, h.otherRootKey()).isEmpty());
}

void TestPermissions::unknownRootKeyIs401_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("create") << u"permissions.createPermission"_s
                            << QJsonObject {{u"name"_s, u"n"_s}, {u"slug"_s, u"s"_s}};
    QTest::newRow("get") << u"permissions.getPermission"_s << QJsonObject {{u"permission"_s, u"s"_s}};
    QTest::newRow("list") << u"permissions.listPermissions"_s << QJsonObject {};
    QTest::newRow("delete") << u"permissions.deletePermission"_s << QJsonObject {{u"permission"_s, u"s"_s}};
}

void TestPermissions::unknownRootKeyIs401()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    ApiHarness h;
    newPermission(h, u"s"_s);
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(route, body, u"lkroot_unknown_key"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(snapshot(h), before);
}

void TestPermissions::missingPermissionIs403_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("needed");
    QTest::newRow("create") << u"permissions.createPermission"_s
                            << QJsonObject {{u"name"_s, u"n"_s}, {u"slug"_s, u"new"_s}}
                            << u"rbac.*.create_permission"_s;
    QTest::newRow("get") << u"permissions.getPermission"_s << QJsonObject {{u"permission"_s, u"s"_s}}
                         << u"rbac.*.read_permission"_s;
    QTest::newRow("list") << u"permissions.listPermissions"_s << QJsonObject {} << u"rbac.*.read_permission"_s;
    QTest::newRow("delete") << u"permissions.deletePermission"_s << QJsonObject {{u"permission"_s, u"s"_s}}
                            << u"rbac.*.delete_permission"_s;
}

void TestPermissions::missingPermissionIs403()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QString, needed);
    ApiHarness h;
    newPermission(h, u"s"_s);
    // Every rbac permission except the needed one.
    QStringList granted {u"rbac.*.create_permission"_s, u"rbac.*.read_permission"_s, u"rbac.*.delete_permission"_s,
        u"rbac.*.create_role"_s, u"api.*.read_key"_s};
    granted.removeAll(needed);
    const QString rootKey = h.createRootKey(granted);
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(route, body, rootKey);
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.detail().contains(needed), reply.describe().constData());
    QCOMPARE(snapshot(h), before);
    // ... and exactly that permission is enough.
    QCOMPARE(h.call(route, body, h.createRootKey({needed})).status, 200);
}

void TestPermissions::getPermissionByIdOrSlug()
{
    ApiHarness h;
    const QString id = newPermission(h, u"billing.write"_s, u"d"_s);
    const QJsonObject expected {{u"id"_s, id}, {u"name"_s, u"Name of billing.write"_s}, {u"slug"_s, u"billing.write"_s},
        {u"description"_s, u"d"_s}};
    const QString readOnly = h.createRootKey({u"rbac.*.read_permission"_s});
    QCOMPARE(
        h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, id}}, readOnly).dataObject(), expected);
    QCOMPARE(h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, u"billing.write"_s}}, readOnly)
                 .dataObject(),
        expected);
    // Reading writes no audit row.
    QCOMPARE(auditRows(h).size(), 1);
}

void TestPermissions::getPermissionNotFound()
{
    ApiHarness h;
    newPermission(h, u"exists"_s);
    for (const QString &missing : {u"perm_doesnotexist"_s, u"exist"_s, u"EXISTS"_s}) {
        const ApiReply reply = h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, missing}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.detail(), u"The requested permission does not exist."_s);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/permission_not_found"_s);
    }
}

void TestPermissions::getPermissionInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("missing") << QJsonObject {};
    QTest::newRow("empty") << QJsonObject {{u"permission"_s, u""_s}};
    QTest::newRow("too long") << QJsonObject {{u"permission"_s, QString(129, u'p')}};
    QTest::newRow("bad pattern") << QJsonObject {{u"permission"_s, u"perm 1"_s}};
    QTest::newRow("not a string") << QJsonObject {{u"permission"_s, QJsonArray {}}};
}

void TestPermissions::getPermissionInvalid()
{
    QFETCH(QJsonObject, body);
    ApiHarness h;
    for (const QString &route : {u"permissions.getPermission"_s, u"permissions.deletePermission"_s}) {
        const ApiReply reply = h.call(route, body);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorLocations().contains(u"body.permission"_s), reply.describe().constData());
    }
}

void TestPermissions::otherWorkspaceLooksMissing()
{
    ApiHarness h;
    const QString id = newPermission(h, u"mine"_s);
    const QList<qint64> before = snapshot(h);
    for (const QString &ref : {id, u"mine"_s}) {
        for (const QString &route : {u"permissions.getPermission"_s, u"permissions.deletePermission"_s}) {
            const ApiReply reply = h.call(route, QJsonObject {{u"permission"_s, ref}}, h.otherRootKey());
            QCOMPARE(reply.status, 404);
        }
    }
    const ApiReply list = h.call(u"permissions.listPermissions"_s, QJsonObject {}, h.otherRootKey());
    QCOMPARE(list.status, 200);
    QCOMPARE(list.dataArray(), QJsonArray {});
    QCOMPARE(snapshot(h), before);
    QCOMPARE(h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, id}}).status, 200);
}

void TestPermissions::listPermissionsPages()
{
    ApiHarness h;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(newPermission(h, u"p%1"_s.arg(i)));
    newPermission(h, u"foreign"_s, {}, h.otherRootKey());
    std::sort(ids.begin(), ids.end());

    QStringList seen;
    QJsonObject request {{u"limit"_s, 2}};
    for (int page = 0; page < 3; ++page) {
        const ApiReply reply = h.call(u"permissions.listPermissions"_s, request);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        for (const QJsonValue &item : reply.dataArray()) {
            QCOMPARE(item.toObject().keys(), (QStringList {u"id"_s, u"name"_s, u"slug"_s}));
            seen.append(item.toObject().value(u"id").toString());
        }
        const QJsonObject pagination = reply.pagination();
        if (page < 2) {
            QCOMPARE(reply.dataArray().size(), 2);
            QCOMPARE(pagination.value(u"hasMore"), QJsonValue(true));
            QCOMPARE(pagination.value(u"cursor").toString(), ids.at(2 * page + 2));
            request.insert(u"cursor"_s, pagination.value(u"cursor"));
        } else {
            QCOMPARE(reply.dataArray().size(), 1);
            QCOMPARE(pagination, (QJsonObject {{u"hasMore"_s, false}}));
        }
    }
    QCOMPARE(seen, ids);

    const ApiReply all = h.call(u"permissions.listPermissions"_s, QJsonObject {});
    QCOMPARE(all.dataArray().size(), 5);
    QCOMPARE(all.pagination(), (QJsonObject {{u"hasMore"_s, false}}));
    const ApiReply exact = h.call(u"permissions.listPermissions"_s, QJsonObject {{u"limit"_s, 5}});
    QCOMPARE(exact.dataArray().size(), 5);
    QCOMPARE(exact.pagination(), (QJsonObject {{u"hasMore"_s, false}}));
}

void TestPermissions::listPermissionsSearch()
{
    ApiHarness h;
    const QString docs = newPermission(h, u"documents.read"_s);
    const QString billing = newPermission(h, u"billing.write"_s, u"Touches INVOICES"_s);
    newPermission(h, u"other"_s);
    auto search = [&h](const QString &text) {
        QStringList ids;
        const ApiReply reply = h.call(u"permissions.listPermissions"_s, QJsonObject {{u"search"_s, text}});
        for (const QJsonValue &item : reply.dataArray())
            ids.append(item.toObject().value(u"id").toString());
        return ids;
    };
    QCOMPARE(search(u"DOCUMENTS"_s), QStringList {docs}); // slug + name, case-insensitive
    QCOMPARE(search(u"invoices"_s), QStringList {billing}); // description
    // id: its random end (ids made together share their leading time characters)
    QCOMPARE(search(billing.right(8)), QStringList {billing});
    QCOMPARE(search(u"Name of billing"_s), QStringList {billing}); // name
    QCOMPARE(search(u"%"_s), QStringList {}); // no LIKE wildcards
    QCOMPARE(search(u"nothing matches"_s), QStringList {});
    QCOMPARE(search(u""_s).size(), 3);
}

void TestPermissions::listPermissionsInvalid_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("limit 0") << QJsonObject {{u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject {{u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("limit string") << QJsonObject {{u"limit"_s, u"10"_s}} << u"body.limit"_s;
    QTest::newRow("limit fraction") << QJsonObject {{u"limit"_s, 1.5}} << u"body.limit"_s;
    QTest::newRow("cursor too long") << QJsonObject {{u"cursor"_s, QString(1025, u'c')}} << u"body.cursor"_s;
    QTest::newRow("search too long") << QJsonObject {{u"search"_s, QString(257, u's')}} << u"body.search"_s;
    QTest::newRow("unknown") << QJsonObject {{u"offset"_s, 1}} << u"body.offset"_s;
}

void TestPermissions::listPermissionsInvalid()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply reply = h.call(u"permissions.listPermissions"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
}

void TestPermissions::deletePermission()
{
    ApiHarness h;
    const QString id = newPermission(h, u"to.delete"_s);
    const QString kept = newPermission(h, u"to.keep"_s);
    const ApiReply reply = h.call(u"permissions.deletePermission"_s, QJsonObject {{u"permission"_s, id}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.data(), QJsonValue(QJsonObject {}));
    QCOMPARE(h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, id}}).status, 404);
    QCOMPARE(h.call(u"permissions.getPermission"_s, QJsonObject {{u"permission"_s, kept}}).status, 200);

    const QList<RbacAuditRow> audit = auditRows(h);
    QCOMPARE(audit.size(), 3);
    QCOMPARE(audit[2].event, u"permission.delete"_s);
    QCOMPARE(audit[2].description, u"Deleted "_s + id);
    QCOMPARE(audit[2].requestId, requestIdOf(reply));
    QCOMPARE(audit[2].targets,
        (QJsonArray {QJsonObject {{u"type"_s, u"permission"_s}, {u"id"_s, id}, {u"name"_s, u"to.delete"_s}}}));
    // A second delete finds nothing.
    QCOMPARE(h.call(u"permissions.deletePermission"_s, QJsonObject {{u"permission"_s, id}}).status, 404);
}

void TestPermissions::deletePermissionBySlugUnbindsKeysAndRoles()
{
    ApiHarness h;
    const QString id = newPermission(h, u"shared"_s);
    const QString other = newPermission(h, u"other"_s);
    const ApiReply role = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"r"_s}, {u"permissions"_s, QJsonArray {u"shared"_s, u"other"_s}}});
    QVERIFY2(role.status == 200, role.describe().constData());
    bindToKey(h, u"key_1"_s, id);
    bindToKey(h, u"key_1"_s, other);

    const ApiReply reply = h.call(u"permissions.deletePermission"_s, QJsonObject {{u"permission"_s, u"shared"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(countRows(h, u"keys_permissions"_s), 1);
    QCOMPARE(countRows(h, u"roles_permissions"_s), 1);
    const ApiReply got = h.call(u"permissions.getRole"_s, QJsonObject {{u"role"_s, u"r"_s}});
    QCOMPARE(got.dataObject().value(u"permissions").toArray().size(), 1);
    QCOMPARE(got.dataObject().value(u"permissions").toArray().at(0).toObject().value(u"slug").toString(), u"other"_s);
}

void TestPermissions::deletePermissionNotFound()
{
    ApiHarness h;
    newPermission(h, u"exists"_s);
    const QList<qint64> before = snapshot(h);
    const ApiReply reply = h.call(u"permissions.deletePermission"_s, QJsonObject {{u"permission"_s, u"perm_nope"_s}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.detail(), u"The requested permission does not exist."_s);
    QCOMPARE(snapshot(h), before);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
