#include "store/apistore.h"
#include "store/database.h"
#include "support/apiharness.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

namespace {

const QString kApiNotFoundType = u"https://unkey.com/docs/errors/unkey/data/api_not_found"_s;
const QString kForbiddenType = u"https://unkey.com/docs/errors/unkey/authorization/insufficient_permissions"_s;

qint64 scalar(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query = h.server().database().prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 liveApis(ApiHarness &h)
{
    return scalar(h, u"SELECT count(*) FROM apis WHERE deleted_at IS NULL"_s);
}

qint64 auditRows(ApiHarness &h)
{
    return scalar(h, u"SELECT count(*) FROM audit_logs"_s);
}

QString requestIdOf(const ApiReply &reply)
{
    return reply.body.value(u"meta").toObject().value(u"requestId").toString();
}

} // namespace

/// apis.createApi, apis.getApi, apis.deleteApi.
class TestApis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createApiReturnsOnlyTheId();
    void createApiWritesApiKeyspaceAndAudit();
    void createApiValidation_data();
    void createApiValidation();
    void createApiNeedsPermission();
    void createApiUnknownRootKeyIs401();

    void getApiReturnsIdAndName();
    void getApiValidation_data();
    void getApiValidation();
    void getApiPermissions();
    void getApiNotFound();
    void getApiOtherWorkspaceIsNotFound();

    void deleteApiSoftDeletesAndAudits();
    void deleteApiProtectedIs412();
    void deleteApiNotFound();
    void deleteApiOtherWorkspaceIsNotFound();
    void deleteApiPermissions();
    void deleteApiValidation();
    void deleteApiUnknownRootKeyIs401();
    void deletedApiKeysAreNotFound();
};

void TestApis::createApiReturnsOnlyTheId()
{
    ApiHarness h;
    const auto reply = h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"Payment Service (prod)"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    const QJsonObject data = reply.dataObject();
    QCOMPARE(data.keys(), QStringList{u"apiId"_s});
    QVERIFY(QRegularExpression(u"^api_[a-zA-Z0-9]{8,}$"_s).match(data.value(u"apiId").toString()).hasMatch());
    QVERIFY(requestIdOf(reply).startsWith(u"req_"));
    QVERIFY(!reply.body.contains(u"pagination"));
}

void TestApis::createApiWritesApiKeyspaceAndAudit()
{
    ApiHarness h;
    const auto reply = h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"billing"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString apiId = reply.dataObject().value(u"apiId").toString();

    QSqlQuery row = h.server().database().prepare(
        u"SELECT a.name, a.workspace_id, a.keyspace_id, a.created_at, a.delete_protection, k.workspace_id"
        " FROM apis a JOIN keyspaces k ON k.id = a.keyspace_id WHERE a.id = ?"_s);
    row.addBindValue(apiId);
    QVERIFY(row.exec() && row.next());
    QCOMPARE(row.value(0).toString(), u"billing"_s);
    QCOMPARE(row.value(1).toString(), h.workspaceId());
    QVERIFY(row.value(2).toString().startsWith(u"ks_"));
    QCOMPARE(row.value(3).toLongLong(), h.clock().nowMs());
    QCOMPARE(row.value(4).toInt(), 0);
    QCOMPARE(row.value(5).toString(), h.workspaceId());

    QSqlQuery audit = h.server().database().prepare(
        u"SELECT event, description, actor_type, targets, workspace_id, time FROM audit_logs WHERE request_id = ?"_s);
    audit.addBindValue(requestIdOf(reply));
    QVERIFY(audit.exec() && audit.next());
    QCOMPARE(audit.value(0).toString(), u"api.create"_s);
    QCOMPARE(audit.value(1).toString(), QString(u"Created API "_s + apiId));
    QCOMPARE(audit.value(2).toString(), u"rootkey"_s);
    QVERIFY(audit.value(3).toString().contains(apiId));
    QCOMPARE(audit.value(4).toString(), h.workspaceId());
    QCOMPARE(audit.value(5).toLongLong(), h.clock().nowMs());
    QVERIFY(!audit.next());
}

void TestApis::createApiValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing name") << QJsonObject{} << u"body.name"_s;
    QTest::newRow("name too short") << QJsonObject{{u"name"_s, u"ab"_s}} << u"body.name"_s;
    QTest::newRow("name too long") << QJsonObject{{u"name"_s, QString(257, u'a')}} << u"body.name"_s;
    QTest::newRow("name not a string") << QJsonObject{{u"name"_s, 12345}} << u"body.name"_s;
    QTest::newRow("name null") << QJsonObject{{u"name"_s, QJsonValue::Null}} << u"body.name"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"name"_s, u"okay"_s}, {u"deleteProtection"_s, true}}
                                   << u"body.deleteProtection"_s;
}

void TestApis::createApiValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const qint64 audits = auditRows(h);
    const auto reply = h.call(u"apis.createApi"_s, body);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/invalid_input"_s);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    QCOMPARE(liveApis(h), 0);
    QCOMPARE(auditRows(h), audits);
}

void TestApis::createApiNeedsPermission()
{
    ApiHarness h;
    const QString reader = h.createRootKey({u"api.*.read_api"_s, u"api.*.delete_api"_s});
    const auto reply = h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"nope"_s}}, reader);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kForbiddenType);
    QVERIFY2(reply.detail().contains(u"'api.*.create_api'"_s), reply.describe().constData());
    QCOMPARE(liveApis(h), 0);
    QCOMPARE(auditRows(h), 0);

    const QString creator = h.createRootKey({u"api.*.create_api"_s});
    QCOMPARE(h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"yes"_s}}, creator).status, 200);
    QCOMPARE(liveApis(h), 1);
}

void TestApis::createApiUnknownRootKeyIs401()
{
    ApiHarness h;
    const auto reply = h.call(u"apis.createApi"_s, QJsonObject{{u"name"_s, u"nope"_s}}, u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/authentication/key_not_found"_s);
    QCOMPARE(liveApis(h), 0);
}

void TestApis::getApiReturnsIdAndName()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"payments"_s);
    const auto reply = h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), (QJsonObject{{u"id"_s, apiId}, {u"name"_s, u"payments"_s}}));
    QCOMPARE(reply.body.keys(), (QStringList{u"data"_s, u"meta"_s}));
}

void TestApis::getApiValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing apiId") << QJsonObject{} << u"body.apiId"_s;
    QTest::newRow("apiId too short") << QJsonObject{{u"apiId"_s, u"api_123"_s}} << u"body.apiId"_s;
    QTest::newRow("apiId too long") << QJsonObject{{u"apiId"_s, QString(u"api_"_s + QString(252, u'a'))}} << u"body.apiId"_s;
    QTest::newRow("apiId bad characters") << QJsonObject{{u"apiId"_s, u"api-1234/567"_s}} << u"body.apiId"_s;
    QTest::newRow("apiId number") << QJsonObject{{u"apiId"_s, 12345678}} << u"body.apiId"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"apiId"_s, u"api_12345678"_s}, {u"x"_s, 1}} << u"body.x"_s;
}

void TestApis::getApiValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const auto reply = h.call(u"apis.getApi"_s, body);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    // deleteApi shares the apiId rules
    const auto deleted = h.call(u"apis.deleteApi"_s, body);
    QVERIFY2(deleted.status == 400, deleted.describe().constData());
    QVERIFY2(deleted.errorLocations().contains(location), deleted.describe().constData());
}

void TestApis::getApiPermissions()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString otherApiId = h.createApi(u"other"_s);

    const QString none = h.createRootKey({u"api.*.create_api"_s});
    auto reply = h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}}, none);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kForbiddenType);
    QCOMPARE(reply.detail(),
             QString(u"Missing one of these permissions: 'api.*.read_api' or 'api."_s + apiId + u".read_api'"_s));

    const QString scoped = h.createRootKey({QString(u"api."_s + apiId + u".read_api"_s)});
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}}, scoped).status, 200);
    reply = h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, otherApiId}}, scoped);
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.detail().contains(otherApiId));

    const QString wildcard = h.createRootKey({u"api.*.read_api"_s});
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, otherApiId}}, wildcard).status, 200);
}

void TestApis::getApiNotFound()
{
    ApiHarness h;
    const auto reply = h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, u"api_doesnotexist"_s}});
    QVERIFY2(reply.status == 404, reply.describe().constData());
    QCOMPARE(reply.errorType(), kApiNotFoundType);
    QCOMPARE(reply.detail(), u"The requested API does not exist or has been deleted."_s);
    QCOMPARE(reply.error().value(u"title").toString(), u"Not Found"_s);
}

void TestApis::getApiOtherWorkspaceIsNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}}, h.otherRootKey());
    QVERIFY2(reply.status == 404, reply.describe().constData());
    QCOMPARE(reply.errorType(), kApiNotFoundType);
    // and the other workspace's own API is invisible here
    const QString theirs = h.createApi(u"theirs"_s, h.otherRootKey());
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, theirs}}).status, 404);
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, theirs}}, h.otherRootKey()).status, 200);
}

void TestApis::deleteApiSoftDeletesAndAudits()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    h.clock().advanceMs(5000);
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.data(), QJsonValue(QJsonObject{}));

    QCOMPARE(scalar(h, u"SELECT deleted_at FROM apis WHERE id = ?"_s, {apiId}), h.clock().nowMs());
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}}).status, 404);

    QSqlQuery audit = h.server().database().prepare(
        u"SELECT event, description, targets FROM audit_logs WHERE request_id = ?"_s);
    audit.addBindValue(requestIdOf(reply));
    QVERIFY(audit.exec() && audit.next());
    QCOMPARE(audit.value(0).toString(), u"api.delete"_s);
    QCOMPARE(audit.value(1).toString(), QString(u"Deleted API "_s + apiId));
    QVERIFY(audit.value(2).toString().contains(apiId));
    QVERIFY(!audit.next());

    // a second delete finds nothing
    const auto again = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}});
    QCOMPARE(again.status, 404);
    QCOMPARE(scalar(h, u"SELECT count(*) FROM audit_logs WHERE event = 'api.delete'"_s), 1);
}

void TestApis::deleteApiProtectedIs412()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    QSqlQuery protect = h.server().database().prepare(u"UPDATE apis SET delete_protection = 1 WHERE id = ?"_s);
    protect.addBindValue(apiId);
    QVERIFY(protect.exec());
    const qint64 audits = auditRows(h);

    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}});
    QVERIFY2(reply.status == 412, reply.describe().constData());
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/protected_resource"_s);
    QCOMPARE(reply.error().value(u"title").toString(), u"Resource is protected"_s);
    QCOMPARE(reply.detail(), u"This API has delete protection enabled. Disable it before attempting to delete."_s);
    QCOMPARE(h.call(u"apis.getApi"_s, QJsonObject{{u"apiId"_s, apiId}}).status, 200);
    QCOMPARE(auditRows(h), audits);
}

void TestApis::deleteApiNotFound()
{
    ApiHarness h;
    const qint64 audits = auditRows(h);
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, u"api_doesnotexist"_s}});
    QVERIFY2(reply.status == 404, reply.describe().constData());
    QCOMPARE(reply.errorType(), kApiNotFoundType);
    QCOMPARE(reply.detail(), u"The requested API does not exist or has been deleted."_s);
    QCOMPARE(auditRows(h), audits);
}

void TestApis::deleteApiOtherWorkspaceIsNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}}, h.otherRootKey());
    QVERIFY2(reply.status == 404, reply.describe().constData());
    QCOMPARE(reply.errorType(), kApiNotFoundType);
    QCOMPARE(liveApis(h), 1);
    QCOMPARE(scalar(h, u"SELECT count(*) FROM audit_logs WHERE event = 'api.delete'"_s), 0);
}

void TestApis::deleteApiPermissions()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString otherApiId = h.createApi(u"other"_s);

    const QString reader = h.createRootKey({u"api.*.read_api"_s});
    auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}}, reader);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.detail(),
             QString(u"Missing one of these permissions: 'api.*.delete_api' or 'api."_s + apiId + u".delete_api'"_s));
    QCOMPARE(liveApis(h), 2);

    const QString scoped = h.createRootKey({QString(u"api."_s + apiId + u".delete_api"_s)});
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, otherApiId}}, scoped).status, 403);
    QCOMPARE(liveApis(h), 2);
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}}, scoped).status, 200);
    QCOMPARE(liveApis(h), 1);
}

void TestApis::deleteApiValidation()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}, {u"permanent"_s, true}});
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QVERIFY(reply.errorLocations().contains(u"body.permanent"_s));
    QCOMPARE(liveApis(h), 1);
}

void TestApis::deleteApiUnknownRootKeyIs401()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}}, u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(liveApis(h), 1);
}

void TestApis::deletedApiKeysAreNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    Latchkey::Store::ApiStore apis(h.server().database());
    const auto api = apis.find(h.workspaceId(), apiId);
    QVERIFY(api && *api);
    const QString keyspaceId = (*api)->keyspaceId;
    const auto byKeyspace = apis.findByKeyspace(h.workspaceId(), keyspaceId);
    QVERIFY(byKeyspace && *byKeyspace);

    const auto created = h.call(u"keys.createKey"_s, QJsonObject{{u"apiId"_s, apiId}});
    QVERIFY2(created.status == 200, created.describe().constData());
    const QString key = created.dataObject().value(u"key").toString();
    const auto before = h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, key}});
    QCOMPARE(before.dataObject().value(u"code").toString(), u"VALID"_s);

    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiId}}).status, 200);
    const auto deletedByKeyspace = apis.findByKeyspace(h.workspaceId(), keyspaceId);
    QVERIFY(deletedByKeyspace && !*deletedByKeyspace);
    const auto deleted = apis.find(h.workspaceId(), apiId);
    QVERIFY(deleted && !*deleted);
    const auto after = h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, key}});
    QVERIFY2(after.status == 200, after.describe().constData());
    QCOMPARE(after.dataObject().value(u"valid").toBool(), false);
    QCOMPARE(after.dataObject().value(u"code").toString(), u"NOT_FOUND"_s);
}

QTEST_GUILESS_MAIN(TestApis)
#include "tst_apis.moc"
