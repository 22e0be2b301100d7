#include "tst_keys_helpers.h"

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

/// keys.addPermissions / removePermissions / setPermissions and keys.addRoles / removeRoles / setRoles.
class TestKeysBindings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addPermissions();
    void addPermissionsNeedsCreateForNewSlugs();
    void removePermissions();
    void setPermissions();
    void addRoles();
    void removeAndSetRoles();
    void permissionChecks_data();
    void permissionChecks();
    void validation_data();
    void validation();
    void notFound_data();
    void notFound();
};

namespace {

Latchkey::Test::ApiReply bind(ApiHarness &h, const QString &route, const QString &keyId, const QString &field,
    const QJsonArray &items, const QString &rootKey = {})
{
    return h.call(route, QJsonObject {{u"keyId"_s, keyId}, {field, items}}, rootKey);
}

QStringList values(const QJsonArray &objects, const QString &field)
{
    QStringList result;
    for (const QJsonValue &object : objects)
        result.append(object.toObject().value(field).toString());
    return result;
}

qint64 events(ApiHarness &h, const QString &event)
{
    return countRows(h, u"SELECT count(*) FROM audit_logs WHERE event = ?"_s, {event});
}

} // namespace

void TestKeysBindings::addPermissions()
{
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}}).value(u"keyId").toString();
    const QString readId = createPermission(h, u"docs.read"_s);
    createPermission(h, u"docs.write"_s);
    const auto reply = bind(
        h, u"keys.addPermissions"_s, keyId, u"permissions"_s, QJsonArray {readId, u"docs.write"_s, u"docs.admin"_s});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonArray data = reply.dataArray();
    QCOMPARE(values(data, u"slug"_s), QStringList({u"docs.admin"_s, u"docs.read"_s, u"docs.write"_s}));
    QCOMPARE(fieldsOf(data.at(1).toObject()), QStringList({u"id"_s, u"name"_s, u"slug"_s}));
    QCOMPARE(data.at(1).toObject().value(u"id").toString(), readId);
    QCOMPARE(events(h, u"permission.create"_s), 1);
    const QList<AuditRow> connected = auditRows(h, u"authorization.connect_permission_and_key"_s);
    QCOMPARE(connected.size(), 3);
    QCOMPARE(connected.first().description, u"Added permission docs.read to key "_s + keyId);
    QVERIFY(hasTarget(connected.first().targets, u"permission"_s, readId));
    QVERIFY(hasTarget(connected.first().targets, u"key"_s, keyId));
    // Idempotent: nothing new is bound or audited.
    const auto again = bind(h, u"keys.addPermissions"_s, keyId, u"permissions"_s, QJsonArray {u"docs.read"_s});
    QCOMPARE(again.dataArray(), data);
    QCOMPARE(events(h, u"authorization.connect_permission_and_key"_s), 3);
    QCOMPARE(getKey(h, keyId).value(u"permissions").toArray(),
        QJsonArray({u"docs.admin"_s, u"docs.read"_s, u"docs.write"_s}));
}

void TestKeysBindings::addPermissionsNeedsCreateForNewSlugs()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    createPermission(h, u"existing"_s);
    const QString rootKey = h.createRootKey({u"api.*.update_key"_s, u"rbac.*.add_permission_to_key"_s});
    const QString before = fingerprint(h);
    const auto forbidden = bind(
        h, u"keys.addPermissions"_s, keyId, u"permissions"_s, QJsonArray {u"existing"_s, u"brand.new"_s}, rootKey);
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.detail(), u"Missing permission: 'rbac.*.create_permission'"_s);
    QCOMPARE(fingerprint(h), before);
    const auto allowed
        = bind(h, u"keys.addPermissions"_s, keyId, u"permissions"_s, QJsonArray {u"existing"_s}, rootKey);
    QCOMPARE(allowed.status, 200);
    QCOMPARE(values(allowed.dataArray(), u"slug"_s), QStringList({u"existing"_s}));
}

void TestKeysBindings::removePermissions()
{
    ApiHarness h;
    const QString keyId
        = h.createKey({{u"apiId"_s, h.createApi()}, {u"permissions"_s, QJsonArray {u"a"_s, u"b"_s, u"c"_s}}})
              .value(u"keyId")
              .toString();
    const QString bId = scalar(h, u"SELECT id FROM permissions WHERE slug = 'b'"_s).toString();
    createPermission(h, u"unbound"_s);
    const auto reply
        = bind(h, u"keys.removePermissions"_s, keyId, u"permissions"_s, QJsonArray {u"a"_s, bId, u"unbound"_s});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(values(reply.dataArray(), u"slug"_s), QStringList({u"c"_s}));
    const QList<AuditRow> removed = auditRows(h, u"authorization.disconnect_permission_and_key"_s);
    QCOMPARE(removed.size(), 2); // "unbound" was never bound
    QCOMPARE(removed.first().description, u"Removed permission a from key "_s + keyId);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM permissions"_s), 4); // permissions themselves stay
    const QString before = fingerprint(h);
    const auto unknown = bind(h, u"keys.removePermissions"_s, keyId, u"permissions"_s, QJsonArray {u"c"_s, u"ghost"_s});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorType(), u"https://unkey.com/docs/errors/unkey/data/permission_not_found"_s);
    QCOMPARE(unknown.detail(), u"Permission 'ghost' was not found."_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysBindings::setPermissions()
{
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}, {u"permissions"_s, QJsonArray {u"a"_s, u"b"_s}}})
                              .value(u"keyId")
                              .toString();
    const qint64 connectedBefore = events(h, u"authorization.connect_permission_and_key"_s);
    const auto reply = bind(h, u"keys.setPermissions"_s, keyId, u"permissions"_s, QJsonArray {u"b"_s, u"c"_s});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(values(reply.dataArray(), u"slug"_s), QStringList({u"b"_s, u"c"_s}));
    QCOMPARE(events(h, u"authorization.connect_permission_and_key"_s), connectedBefore + 1);
    QCOMPARE(events(h, u"authorization.disconnect_permission_and_key"_s), 1);
    const auto cleared = bind(h, u"keys.setPermissions"_s, keyId, u"permissions"_s, QJsonArray());
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.dataArray(), QJsonArray());
    QVERIFY(!getKey(h, keyId).contains(u"permissions"));
}

void TestKeysBindings::addRoles()
{
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}}).value(u"keyId").toString();
    const QString adminId = createRole(h, u"admin"_s);
    createRole(h, u"viewer"_s);
    createPermission(h, u"docs.read"_s);
    QVERIFY(h.server()
                .database()
                .write([&]() -> Latchkey::Core::Status {
                    Latchkey::Store::RbacStore rbac(h.server().database());
                    const auto admin = rbac.findRole(h.workspaceId(), u"admin"_s);
                    const auto docsRead = rbac.findPermission(h.workspaceId(), u"docs.read"_s);
                    if (!admin || !*admin || !docsRead || !*docsRead)
                        return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, u"setup"_s);
                    return rbac.addRolePermissions(h.workspaceId(), **admin, {**docsRead}, 0, nullptr);
                })
                .ok());
    const auto reply = bind(h, u"keys.addRoles"_s, keyId, u"roles"_s, QJsonArray {u"viewer"_s, adminId});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(values(reply.dataArray(), u"name"_s), QStringList({u"admin"_s, u"viewer"_s}));
    const QJsonObject admin = reply.dataArray().first().toObject();
    QCOMPARE(fieldsOf(admin), QStringList({u"id"_s, u"name"_s, u"permissions"_s}));
    QCOMPARE(values(admin.value(u"permissions").toArray(), u"slug"_s), QStringList({u"docs.read"_s}));
    const QList<AuditRow> connected = auditRows(h, u"authorization.connect_role_and_key"_s);
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.first().description, u"Connected role viewer to key "_s + keyId);
    QCOMPARE(bind(h, u"keys.addRoles"_s, keyId, u"roles"_s, QJsonArray {u"admin"_s}).dataArray().size(), 2);
    QCOMPARE(events(h, u"authorization.connect_role_and_key"_s), 2);
    const QString before = fingerprint(h);
    const auto unknown = bind(h, u"keys.addRoles"_s, keyId, u"roles"_s, QJsonArray {u"admin"_s, u"ghost"_s});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.detail(), u"Role 'ghost' was not found."_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysBindings::removeAndSetRoles()
{
    ApiHarness h;
    for (const QString &role : {u"r1"_s, u"r2"_s, u"r3"_s})
        createRole(h, role);
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}, {u"roles"_s, QJsonArray {u"r1"_s, u"r2"_s}}})
                              .value(u"keyId")
                              .toString();
    auto reply = bind(h, u"keys.removeRoles"_s, keyId, u"roles"_s, QJsonArray {u"r1"_s, u"r3"_s});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(values(reply.dataArray(), u"name"_s), QStringList({u"r2"_s}));
    const QList<AuditRow> removed = auditRows(h, u"authorization.disconnect_role_and_key"_s);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().description, u"Disconnected role r1 from key "_s + keyId);
    const QString before = fingerprint(h);
    QCOMPARE(bind(h, u"keys.removeRoles"_s, keyId, u"roles"_s, QJsonArray {u"nope"_s}).status, 404);
    QCOMPARE(bind(h, u"keys.setRoles"_s, keyId, u"roles"_s, QJsonArray {u"r1"_s, u"nope"_s}).status, 404);
    QCOMPARE(fingerprint(h), before);
    reply = bind(h, u"keys.setRoles"_s, keyId, u"roles"_s, QJsonArray {u"r3"_s, u"r1"_s});
    QCOMPARE(values(reply.dataArray(), u"name"_s), QStringList({u"r1"_s, u"r3"_s}));
    QCOMPARE(events(h, u"authorization.disconnect_role_and_key"_s), 2);
    reply = bind(h, u"keys.setRoles"_s, keyId, u"roles"_s, QJsonArray());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.dataArray(), QJsonArray());
    QVERIFY(!getKey(h, keyId).contains(u"roles"));
}

void TestKeysBindings::permissionChecks_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("granted");
    QTest::addColumn<QString>("missing"); // expected in the 403 detail; empty: 200 expected
    const QString update = u"api.*.update_key"_s;
    QTest::newRow("add perms: no rbac") << u"keys.addPermissions"_s << u"permissions"_s << QStringList {update}
                                        << u"'rbac.*.add_permission_to_key'"_s;
    QTest::newRow("add perms: no update_key") << u"keys.addPermissions"_s << u"permissions"_s
                                              << QStringList {u"rbac.*.add_permission_to_key"_s} << u"update_key'"_s;
    QTest::newRow("remove perms: no rbac") << u"keys.removePermissions"_s << u"permissions"_s << QStringList {update}
                                           << u"'rbac.*.remove_permission_from_key'"_s;
    QTest::newRow("set perms: no remove")
        << u"keys.setPermissions"_s << u"permissions"_s << QStringList {update, u"rbac.*.add_permission_to_key"_s}
        << u"'rbac.*.remove_permission_from_key'"_s;
    QTest::newRow("set perms: allowed") << u"keys.setPermissions"_s << u"permissions"_s
                                        << QStringList {update, u"rbac.*.add_permission_to_key"_s,
                                               u"rbac.*.remove_permission_from_key"_s}
                                        << QString();
    QTest::newRow("add roles: no rbac") << u"keys.addRoles"_s << u"roles"_s << QStringList {update}
                                        << u"'rbac.*.add_role_to_key'"_s;
    QTest::newRow("add roles: allowed") << u"keys.addRoles"_s << u"roles"_s
                                        << QStringList {update, u"rbac.*.add_role_to_key"_s} << QString();
    QTest::newRow("remove roles: update_key is enough")
        << u"keys.removeRoles"_s << u"roles"_s << QStringList {update} << QString();
    QTest::newRow("set roles: no update_key")
        << u"keys.setRoles"_s << u"roles"_s << QStringList {u"rbac.*.add_role_to_key"_s} << u"'api.*.update_key'"_s;
}

void TestKeysBindings::permissionChecks()
{
    QFETCH(QString, route);
    QFETCH(QString, field);
    QFETCH(QStringList, granted);
    QFETCH(QString, missing);
    ApiHarness h;
    createRole(h, u"existing"_s);
    createPermission(h, u"existing"_s);
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    const auto reply = bind(h, route, keyId, field, QJsonArray {u"existing"_s}, h.createRootKey(granted));
    if (missing.isEmpty()) {
        QVERIFY2(reply.status == 200, reply.describe().constData());
        return;
    }
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.detail().contains(missing), reply.describe().constData());
    QCOMPARE(fingerprint(h), before);
}

void TestKeysBindings::validation_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("location");
    const QStringList permissionRoutes {
        u"keys.addPermissions"_s, u"keys.removePermissions"_s, u"keys.setPermissions"_s};
    const QStringList roleRoutes {u"keys.addRoles"_s, u"keys.removeRoles"_s, u"keys.setRoles"_s};
    for (const QString &route : permissionRoutes + roleRoutes) {
        const QString field = permissionRoutes.contains(route) ? u"permissions"_s : u"roles"_s;
        const QByteArray name = route.toUtf8();
        QTest::addRow("%s no keyId", name.constData())
            << route << QJsonObject {{field, QJsonArray {u"x"_s}}} << u"body.keyId"_s;
        QTest::addRow("%s no list", name.constData())
            << route << QJsonObject {{u"keyId"_s, u"KEY"_s}} << u"body."_s + field;
        QTest::addRow("%s not a list", name.constData())
            << route << QJsonObject {{u"keyId"_s, u"KEY"_s}, {field, u"x"_s}} << u"body."_s + field;
        QTest::addRow("%s empty item", name.constData())
            << route << QJsonObject {{u"keyId"_s, u"KEY"_s}, {field, QJsonArray {u""_s}}}
            << u"body."_s + field + u"[0]"_s;
        QTest::addRow("%s unknown field", name.constData())
            << route << QJsonObject {{u"keyId"_s, u"KEY"_s}, {field, QJsonArray {u"x"_s}}, {u"other"_s, 1}}
            << u"body.other"_s;
        if (!route.startsWith(u"keys.set"))
            QTest::addRow("%s empty list", name.constData())
                << route << QJsonObject {{u"keyId"_s, u"KEY"_s}, {field, QJsonArray()}} << u"body."_s + field;
    }
    QJsonArray tooMany;
    for (int i = 0; i < 101; ++i)
        tooMany.append(QString(u"role"_s + QString::number(i)));
    QTest::newRow("setRoles > 100") << u"keys.setRoles"_s << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"roles"_s, tooMany}}
                                    << u"body.roles"_s;
    QTest::newRow("permission pattern") << u"keys.addPermissions"_s
                                        << QJsonObject {{u"keyId"_s, u"KEY"_s},
                                               {u"permissions"_s, QJsonArray {u"a b"_s}}}
                                        << u"body.permissions[0]"_s;
}

void TestKeysBindings::validation()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, request);
    QFETCH(QString, location);
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}, {u"permissions"_s, QJsonArray {u"x"_s}}})
                              .value(u"keyId")
                              .toString();
    if (request.value(u"keyId").toString() == u"KEY")
        request.insert(u"keyId"_s, keyId);
    const QString before = fingerprint(h);
    const auto reply = h.call(route, request);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(fingerprint(h), before);
}

void TestKeysBindings::notFound_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("field");
    for (const QString &route : {u"keys.addPermissions"_s, u"keys.removePermissions"_s, u"keys.setPermissions"_s})
        QTest::addRow("%s", qPrintable(route)) << route << u"permissions"_s;
    for (const QString &route : {u"keys.addRoles"_s, u"keys.removeRoles"_s, u"keys.setRoles"_s})
        QTest::addRow("%s", qPrintable(route)) << route << u"roles"_s;
}

void TestKeysBindings::notFound()
{
    QFETCH(QString, route);
    QFETCH(QString, field);
    ApiHarness h;
    createRole(h, u"existing"_s);
    createPermission(h, u"existing"_s);
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    QCOMPARE(bind(h, route, keyId, field, QJsonArray {u"existing"_s}, u"nope"_s).status, 401);
    const auto unknown = bind(h, route, u"key_missing"_s, field, QJsonArray {u"existing"_s});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorType(), u"https://unkey.com/docs/errors/unkey/data/key_not_found"_s);
    // Another workspace's key looks missing, even to a root key with every permission there.
    QCOMPARE(bind(h, route, keyId, field, QJsonArray {u"existing"_s}, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
}

QTEST_GUILESS_MAIN(TestKeysBindings)
#include "tst_keys_bindings.moc"
