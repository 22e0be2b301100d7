// rootKeys.whoami / createRootKey / listRootKeys / deleteRootKey through the real router.

#include "support/apiharness.h"

#include "api/principal.h"

#include <QDirIterator>
#include <QtTest>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList strings(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

/// Every root key id of the caller's workspace, walking listRootKeys pages of @p pageSize.
QStringList allRootKeyIds(ApiHarness &h, int pageSize, const QString &rootKey = {}, int *pages = nullptr)
{
    return valuesOf(h.listAll(u"rootKeys.listRootKeys"_s, {}, pageSize, rootKey, pages), u"rootKeyId"_s);
}

int auditCount(ApiHarness &h, const QString &event, const QString &targetId = {})
{
    QJsonObject body{{u"events"_s, QJsonArray{event}}};
    if (!targetId.isEmpty())
        body.insert(u"targetId"_s, targetId);
    return int(h.call(u"audit.listLogs"_s, body).dataArray().size());
}

/// True when any file of the data folder (database, WAL, bootstrap file) contains @p needle.
bool dataFolderContains(const ApiHarness &h, const QByteArray &needle)
{
    QDirIterator it(h.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestRootKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whoamiDescribesTheCallingKey();
    void whoamiRejectsBadCredentialsAndBodies();
    void createdKeyAuthenticatesWithExactlyItsPermissions();
    void createdKeyIsStoredHashedOnly();
    void createValidatesPermissions_data();
    void createValidatesPermissions();
    void createCannotGrantMoreThanTheCallerHolds();
    void createdKeyExpires();
    void listPagesByIdWithoutKeyMaterial();
    void listValidationAndPermissions();
    void deletedKeyStopsAuthenticatingAtOnce();
    void deleteErrorsChangeNothing();
    void concurrentDeletesAuditOnce();
};

void TestRootKeys::whoamiDescribesTheCallingKey()
{
    ApiHarness h;
    ApiReply r = h.call(u"rootKeys.whoami"_s, QJsonObject{});
    QVERIFY2(r.status == 200, r.describe().constData());
    QJsonObject data = r.dataObject();
    QCOMPARE(keysOf(data), (QStringList{u"createdAt"_s, u"name"_s, u"permissions"_s, u"rootKeyId"_s, u"workspaceId"_s}));
    QVERIFY(data.value(u"rootKeyId"_s).toString().startsWith(u"rk_"));
    QCOMPARE(data.value(u"name"_s).toString(), u"bootstrap"_s);
    QCOMPARE(data.value(u"workspaceId"_s).toString(), h.workspaceId());
    QCOMPARE(data.value(u"createdAt"_s).toInteger(), h.clock().nowMs());
    QStringList all = Latchkey::Api::allWorkspacePermissions();
    all.sort();
    QCOMPARE(strings(data.value(u"permissions"_s).toArray()), all);

    // Any valid root key may ask, even one without a single permission the routes check.
    const QString narrow = h.createRootKey({u"identity.id_1.read_identity"_s});
    r = h.call(u"rootKeys.whoami"_s, QJsonObject{}, narrow);
    QVERIFY2(r.status == 200, r.describe().constData());
    data = r.dataObject();
    QCOMPARE(keysOf(data), (QStringList{u"createdAt"_s, u"permissions"_s, u"rootKeyId"_s, u"workspaceId"_s}));
    QCOMPARE(strings(data.value(u"permissions"_s).toArray()), QStringList{u"identity.id_1.read_identity"_s});
    QVERIFY(data.value(u"rootKeyId"_s).toString() != h.call(u"rootKeys.whoami"_s, QJsonObject{}).dataObject().value(u"rootKeyId"_s).toString());

    // The other workspace's key sees its own workspace.
    r = h.call(u"rootKeys.whoami"_s, QJsonObject{}, h.otherRootKey());
    QCOMPARE(r.dataObject().value(u"workspaceId"_s).toString(), h.otherWorkspaceId());
}

void TestRootKeys::whoamiRejectsBadCredentialsAndBodies()
{
    ApiHarness h;
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, u"lkroot_unknown"_s).status, 401);
    const ApiReply missing = h.raw("POST", "/v2/rootKeys.whoami", "{}", {{"Content-Type", "application/json"}});
    QCOMPARE(missing.status, 400);
    QVERIFY(missing.detail().contains(u"Authorization"));
    const ApiReply unknownField = h.call(u"rootKeys.whoami"_s, QJsonObject{{u"key"_s, h.rootKey()}});
    QCOMPARE(unknownField.status, 400);
    QCOMPARE(unknownField.firstErrorLocation(), u"body.key"_s);
}

void TestRootKeys::createdKeyAuthenticatesWithExactlyItsPermissions()
{
    ApiHarness h;
    const QString api = h.createApi(u"rk-api"_s);
    ApiReply r = h.call(u"rootKeys.createRootKey"_s,
                        QJsonObject{{u"name"_s, u"ci deploy"_s},
                                    {u"permissions"_s, QJsonArray{u"api.*.read_api"_s, u"api.%1.create_key"_s.arg(api),
                                                                  u"api.*.read_api"_s}}});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(keysOf(r.dataObject()), (QStringList{u"key"_s, u"rootKeyId"_s}));
    const QString id = r.dataObject().value(u"rootKeyId"_s).toString();
    const QString key = r.dataObject().value(u"key"_s).toString();
    QVERIFY(id.startsWith(u"rk_"));
    QVERIFY2(key.startsWith(u"lkroot_") && key.size() > 30, qPrintable(key));

    r = h.call(u"rootKeys.whoami"_s, QJsonObject{}, key);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataObject().value(u"rootKeyId"_s).toString(), id);
    QCOMPARE(r.dataObject().value(u"name"_s).toString(), u"ci deploy"_s);
    QCOMPARE(strings(r.dataObject().value(u"permissions"_s).toArray()),
             (QStringList{u"api.*.read_api"_s, u"api.%1.create_key"_s.arg(api)})); // sorted, '*' first
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{}, key).status, 200);
    QCOMPARE(h.call(u"keys.createKey"_s, QJsonObject{{u"apiId"_s, api}}, key).status, 200);
    const ApiReply denied = h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"nope"_s}}, key);
    QCOMPARE(denied.status, 403);
    QVERIFY(denied.detail().contains(u"api.*.create_api"));

    // The audit row names the new key as target and the creating key as actor.
    const ApiReply audit = h.call(u"audit.listLogs"_s, QJsonObject{{u"events"_s, QJsonArray{u"rootKey.create"_s}}});
    QCOMPARE(audit.dataArray().size(), 1);
    const QJsonObject row = audit.dataArray().at(0).toObject();
    QCOMPARE(row.value(u"targets"_s).toArray().at(0).toObject().value(u"id"_s).toString(), id);
    QCOMPARE(row.value(u"targets"_s).toArray().at(0).toObject().value(u"type"_s).toString(), u"rootKey"_s);
    QCOMPARE(row.value(u"actor"_s).toObject().value(u"id"_s).toString(),
             h.call(u"rootKeys.whoami"_s, QJsonObject{}).dataObject().value(u"rootKeyId"_s).toString());
    QVERIFY(!QJsonDocument(row).toJson().contains(key.toUtf8()));
    // The other workspace sees neither the key nor its audit row.
    QVERIFY(!allRootKeyIds(h, 100, h.otherRootKey()).contains(id));
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"targetId"_s, id}}, h.otherRootKey()).dataArray().size(), 0);
}

void TestRootKeys::createdKeyIsStoredHashedOnly()
{
    ApiHarness h;
    const ApiReply r = h.call(u"rootKeys.createRootKey"_s, QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}});
    QVERIFY2(r.status == 200, r.describe().constData());
    const QByteArray key = r.dataObject().value(u"key"_s).toString().toUtf8();
    QVERIFY(!dataFolderContains(h, key));
    QVERIFY(!dataFolderContains(h, key.mid(7))); // the random part without the prefix either
    QVERIFY(dataFolderContains(h, r.dataObject().value(u"rootKeyId"_s).toString().toUtf8())); // the check can fail
}

void TestRootKeys::createValidatesPermissions_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("mentions");
    const auto perms = [](const QStringList &list) { return QJsonObject{{u"permissions"_s, QJsonArray::fromStringList(list)}}; };
    QTest::newRow("missing") << QJsonObject{{u"name"_s, u"x"_s}} << u"body.permissions"_s << u"required"_s;
    QTest::newRow("empty") << perms({}) << u"body.permissions"_s << u"at least 1"_s;
    QTest::newRow("not strings") << QJsonObject{{u"permissions"_s, QJsonArray{1}}} << u"body.permissions[0]"_s << u"string"_s;
    QTest::newRow("unknown action") << perms({u"api.*.read_api"_s, u"api.*.fly"_s}) << u"body.permissions[1]"_s << u"api.*.fly"_s;
    QTest::newRow("unknown resource") << perms({u"deploy.*.read_api"_s}) << u"body.permissions[0]"_s << u"deploy"_s;
    QTest::newRow("not a tuple") << perms({u"api.read_api"_s}) << u"body.permissions[0]"_s << u"<resource>"_s;
    QTest::newRow("four parts") << perms({u"api.a.b.read_api"_s}) << u"body.permissions[0]"_s << u"<resource>"_s;
    QTest::newRow("bad id") << perms({u"api.api-1.read_key"_s}) << u"body.permissions[0]"_s << u"id"_s;
    QTest::newRow("rbac by id") << perms({u"rbac.perm_1.create_role"_s}) << u"body.permissions[0]"_s << u"rbac.*.create_role"_s;
    QTest::newRow("create_api by id") << perms({u"api.api_1.create_api"_s}) << u"body.permissions[0]"_s << u"api.*.create_api"_s;
    QTest::newRow("expires in the past") << QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}, {u"expires"_s, 1000}}
                                         << u"body.expires"_s << u"future"_s;
    QTest::newRow("expires not integer") << QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}, {u"expires"_s, u"soon"_s}}
                                         << u"body.expires"_s << u"integer"_s;
    QTest::newRow("empty name") << QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}, {u"name"_s, u""_s}}
                                << u"body.name"_s << u""_s;
    QTest::newRow("unknown field") << QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}, {u"apiId"_s, u"api_1"_s}}
                                   << u"body.apiId"_s << u""_s;
}

void TestRootKeys::createValidatesPermissions()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    QFETCH(QString, mentions);
    ApiHarness h;
    const QStringList before = allRootKeyIds(h, 100);
    const ApiReply r = h.call(u"rootKeys.createRootKey"_s, body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QCOMPARE(r.firstErrorLocation(), location);
    QVERIFY2(r.detail().contains(mentions), qPrintable(r.detail()));
    QCOMPARE(allRootKeyIds(h, 100), before);
    QCOMPARE(auditCount(h, u"rootKey.create"_s), 0);
}

void TestRootKeys::createCannotGrantMoreThanTheCallerHolds()
{
    ApiHarness h;
    const QString creator = h.createRootKey({u"workspace.*.create_root_key"_s, u"api.api_1.read_key"_s, u"api.*.read_api"_s});
    const QStringList before = allRootKeyIds(h, 100);
    // Exactly what it holds, and an id-scoped form of a wildcard it holds: allowed.
    QCOMPARE(h.call(u"rootKeys.createRootKey"_s, QJsonObject{{u"permissions"_s, QJsonArray{u"api.api_1.read_key"_s}}}, creator).status, 200);
    QCOMPARE(h.call(u"rootKeys.createRootKey"_s, QJsonObject{{u"permissions"_s, QJsonArray{u"api.api_9.read_api"_s}}}, creator).status, 200);
    // A wildcard of an id-scoped permission, another API's id, or the right to create root keys
    // it lacks: 403 naming every offending entry, and nothing is stored.
    ApiReply r = h.call(u"rootKeys.createRootKey"_s,
                        QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_key"_s, u"api.api_1.read_key"_s,
                                                                  u"api.api_2.read_key"_s}}},
                        creator);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"'api.*.read_key', 'api.api_2.read_key'"), qPrintable(r.detail()));
    QVERIFY(!r.detail().contains(u"api_1"));
    QCOMPARE(allRootKeyIds(h, 100).size(), before.size() + 2);
    QCOMPARE(auditCount(h, u"rootKey.create"_s), 2);

    // Without workspace.*.create_root_key: 403 naming it.
    r = h.call(u"rootKeys.createRootKey"_s, QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}},
               h.createRootKey({u"api.*.read_api"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"workspace.*.create_root_key"));
    QCOMPARE(h.call(u"rootKeys.createRootKey"_s, QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}},
                    u"lkroot_unknown"_s).status, 401);
}

void TestRootKeys::createdKeyExpires()
{
    ApiHarness h;
    const qint64 expires = h.clock().nowMs() + 60'000;
    const ApiReply r = h.call(u"rootKeys.createRootKey"_s,
                              QJsonObject{{u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}, {u"expires"_s, expires}});
    QVERIFY2(r.status == 200, r.describe().constData());
    const QString key = r.dataObject().value(u"key"_s).toString();
    const ApiReply me = h.call(u"rootKeys.whoami"_s, QJsonObject{}, key);
    QCOMPARE(me.dataObject().value(u"expires"_s).toInteger(), expires);
    h.clock().setNowMs(expires + 1);
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, key).status, 401);
    // Listed (with its expiry) until someone deletes it.
    const ApiReply list = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{});
    bool found = false;
    for (const QJsonValue &item : list.dataArray()) {
        if (item.toObject().value(u"rootKeyId"_s) == r.dataObject().value(u"rootKeyId"_s)) {
            found = true;
            QCOMPARE(item.toObject().value(u"expires"_s).toInteger(), expires);
        }
    }
    QVERIFY(found);
}

void TestRootKeys::listPagesByIdWithoutKeyMaterial()
{
    ApiHarness h;
    QHash<QString, QString> plaintexts; // id -> key
    for (int i = 0; i < 7; ++i) {
        const ApiReply r = h.call(u"rootKeys.createRootKey"_s,
                                  QJsonObject{{u"name"_s, u"key %1"_s.arg(i)}, {u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}});
        QVERIFY2(r.status == 200, r.describe().constData());
        plaintexts.insert(r.dataObject().value(u"rootKeyId"_s).toString(), r.dataObject().value(u"key"_s).toString());
    }
    int pages = 0;
    const QStringList ids = allRootKeyIds(h, 3, {}, &pages);
    QCOMPARE(ids.size(), 8); // the bootstrap key + 7
    QCOMPARE(pages, 3);
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted);
    for (auto it = plaintexts.cbegin(); it != plaintexts.cend(); ++it)
        QVERIFY(ids.contains(it.key()));

    const ApiReply r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{{u"limit"_s, 100}});
    QCOMPARE(r.pagination().value(u"hasMore"_s).toBool(), false);
    QVERIFY(!r.pagination().contains(u"cursor"_s));
    for (const QJsonValue &value : r.dataArray()) {
        const QJsonObject item = value.toObject();
        QCOMPARE(keysOf(item), (QStringList{u"createdAt"_s, u"name"_s, u"permissions"_s, u"rootKeyId"_s, u"start"_s}));
        const QString start = item.value(u"start"_s).toString();
        QVERIFY2(start.size() <= 12 && start.startsWith(u"lkroot_"), qPrintable(start));
        const QString plaintext = plaintexts.value(item.value(u"rootKeyId"_s).toString());
        if (plaintext.isEmpty())
            continue; // the bootstrap key
        QVERIFY(plaintext.startsWith(start));
        QCOMPARE(strings(item.value(u"permissions"_s).toArray()), QStringList{u"api.*.read_api"_s});
        QVERIFY(!QJsonDocument(item).toJson().contains(plaintext.toUtf8()));
    }
    // Isolation: the other workspace lists its own single key.
    QCOMPARE(allRootKeyIds(h, 100, h.otherRootKey()).size(), 1);
}

void TestRootKeys::listValidationAndPermissions()
{
    ApiHarness h;
    ApiReply r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{{u"limit"_s, 0}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.firstErrorLocation(), u"body.limit"_s);
    r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{{u"limit"_s, 101}});
    QCOMPARE(r.status, 400);
    r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{{u"cursor"_s, u""_s}});
    QCOMPARE(r.firstErrorLocation(), u"body.cursor"_s);
    r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{}, h.createRootKey({u"workspace.*.create_root_key"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"workspace.*.read_root_key"));
    QCOMPARE(h.call(u"rootKeys.listRootKeys"_s, QJsonObject{}, u"lkroot_unknown"_s).status, 401);
    // A cursor past the end is an empty last page.
    r = h.call(u"rootKeys.listRootKeys"_s, QJsonObject{{u"cursor"_s, u"rk_zzzzzzzzzzzzzzzzzz"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.dataArray().size(), 0);
    QCOMPARE(r.pagination().value(u"hasMore"_s).toBool(), false);
}

void TestRootKeys::deletedKeyStopsAuthenticatingAtOnce()
{
    ApiHarness h;
    const ApiReply created = h.call(u"rootKeys.createRootKey"_s,
                                    QJsonObject{{u"name"_s, u"temp"_s}, {u"permissions"_s, QJsonArray{u"api.*.read_api"_s}}});
    const QString id = created.dataObject().value(u"rootKeyId"_s).toString();
    const QString key = created.dataObject().value(u"key"_s).toString();
    // Authenticate first, so the router's principal cache holds the key.
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{}, key).status, 200);
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{}, key).status, 200);

    const ApiReply r = h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, id}});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataObject(), QJsonObject{});
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{}, key).status, 401);
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, key).status, 401);
    QVERIFY(!allRootKeyIds(h, 100).contains(id));
    const ApiReply audit = h.call(u"audit.listLogs"_s, QJsonObject{{u"events"_s, QJsonArray{u"rootKey.delete"_s}}});
    QCOMPARE(audit.dataArray().size(), 1);
    const QJsonObject target = audit.dataArray().at(0).toObject().value(u"targets"_s).toArray().at(0).toObject();
    QCOMPARE(target.value(u"id"_s).toString(), id);
    QCOMPARE(target.value(u"name"_s).toString(), u"temp"_s);
    // Deleting it again: 404, no second audit row.
    QCOMPARE(h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, id}}).status, 404);
    QCOMPARE(auditCount(h, u"rootKey.delete"_s), 1);
}

void TestRootKeys::deleteErrorsChangeNothing()
{
    ApiHarness h;
    const QString selfId = h.call(u"rootKeys.whoami"_s, QJsonObject{}).dataObject().value(u"rootKeyId"_s).toString();
    ApiReply r = h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, selfId}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.firstErrorLocation(), u"body.rootKeyId"_s);
    QVERIFY2(r.detail().contains(u"cannot delete itself"), qPrintable(r.detail()));
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}).status, 200);

    // Another workspace's key is not found, and keeps working.
    const QString otherId = h.call(u"rootKeys.whoami"_s, QJsonObject{}, h.otherRootKey()).dataObject().value(u"rootKeyId"_s).toString();
    r = h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, otherId}});
    QCOMPARE(r.status, 404);
    QVERIFY(r.detail().contains(otherId));
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, h.otherRootKey()).status, 200);

    // Without the permission: 403 naming it; the target keeps working.
    const QString victim = h.createRootKey({u"api.*.read_api"_s});
    const QString victimId = h.call(u"rootKeys.whoami"_s, QJsonObject{}, victim).dataObject().value(u"rootKeyId"_s).toString();
    r = h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, victimId}}, h.createRootKey({u"workspace.*.read_root_key"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"workspace.*.delete_root_key"));
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, victim).status, 200);

    QCOMPARE(h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{}).firstErrorLocation(), u"body.rootKeyId"_s);
    QCOMPARE(h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, u"rk 1"_s}}).firstErrorLocation(), u"body.rootKeyId"_s);
    QCOMPARE(h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, victimId}}, u"lkroot_unknown"_s).status, 401);
    QCOMPARE(auditCount(h, u"rootKey.delete"_s), 0);
}

void TestRootKeys::concurrentDeletesAuditOnce()
{
    ApiHarness h;
    const QString victim = h.createRootKey({u"api.*.read_api"_s});
    const QString victimId = h.call(u"rootKeys.whoami"_s, QJsonObject{}, victim).dataObject().value(u"rootKeyId"_s).toString();
    std::atomic<int> ok{0};
    std::atomic<int> notFound{0};
    QList<QThread *> threads;
    for (int i = 0; i < 4; ++i) {
        threads.append(QThread::create([&] {
            const int status = h.call(u"rootKeys.deleteRootKey"_s, QJsonObject{{u"rootKeyId"_s, victimId}}).status;
            (status == 200 ? ok : notFound)++;
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30'000));
        delete thread;
    }
    QCOMPARE(ok.load(), 1);
    QCOMPARE(notFound.load(), 3);
    QCOMPARE(auditCount(h, u"rootKey.delete"_s, victimId), 1);
    QCOMPARE(h.call(u"rootKeys.whoami"_s, QJsonObject{}, victim).status, 401);
}

QTEST_GUILESS_MAIN(TestRootKeys)
#include "tst_rootkeys.moc"
