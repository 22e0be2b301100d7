#include "tst_keys_helpers.h"

#include "core/keyhash.h"

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

/// keys.createKey and keys.migrateKeys.
class TestKeysCreate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createMinimal();
    void createWithEverything();
    void prefixAndByteLength();
    void keyspaceDefaults();
    void dailyRefillIgnoresRefillDay();
    void recoverableKey();
    void recoverableNeedsOptedInKeyspace();
    void validation_data();
    void validation();
    void unknownRootKeyIs401();
    void missingPermissionLooksLikeMissingApi();
    void recoverableWithoutEncryptPermissionIs404();
    void unknownOrForeignApiIs404();
    void unknownRoleChangesNothing();

    void migrate();
    void migrateReportsDuplicateHashes();
    void migrateUnknownMigrationIs404();
    void migrateErrors();
};

void TestKeysCreate::createMinimal()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(fieldsOf(reply.dataObject()), QStringList({u"key"_s, u"keyId"_s}));
    const QString keyId = reply.dataObject().value(u"keyId").toString();
    const QString key = reply.dataObject().value(u"key").toString();
    QVERIFY(keyId.startsWith(u"key_"));
    QVERIFY(key.size() >= 21 && key.size() <= 22); // base58 of 16 bytes, no prefix
    QCOMPARE(scalar(h, u"SELECT hash FROM keys WHERE id = ?"_s, {keyId}).toString(),
        QString::fromLatin1(Latchkey::Core::hashKey(key.toUtf8())));
    QCOMPARE(scalar(h, u"SELECT start FROM keys WHERE id = ?"_s, {keyId}).toString(), key.left(4));
    QCOMPARE(scalar(h, u"SELECT enabled FROM keys WHERE id = ?"_s, {keyId}).toInt(), 1);
    QVERIFY(scalar(h, u"SELECT remaining FROM keys WHERE id = ?"_s, {keyId}).isNull());
    QCOMPARE(scalar(h, u"SELECT created_at FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), h.clock().nowMs());
    QCOMPARE(countRows(h, u"SELECT count(*) FROM encrypted_keys"_s), 0);
    QVERIFY(!fingerprint(h).contains(key)); // the plaintext is stored nowhere
    const QList<AuditRow> audits = auditRows(h, u"key.create"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Created key "_s + keyId);
    QCOMPARE(audits.first().workspaceId, h.workspaceId());
    QVERIFY(hasTarget(audits.first().targets, u"key"_s, keyId));
    QVERIFY(hasTarget(audits.first().targets, u"api"_s, apiId));
}

void TestKeysCreate::createWithEverything()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString roleId = createRole(h, u"admin"_s);
    const QJsonObject request {{u"apiId"_s, apiId}, {u"name"_s, u"Payment key"_s}, {u"externalId"_s, u"user_1"_s},
        {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}, {u"roles"_s, QJsonArray {u"admin"_s}},
        {u"permissions"_s, QJsonArray {u"documents.read"_s, u"documents.write"_s}},
        {u"expires"_s, qint64(1'900'000'000'000)}, {u"enabled"_s, false},
        {u"credits"_s,
            QJsonObject {{u"remaining"_s, 50},
                {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 15}}}}},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {
                {u"name"_s, u"requests"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000}, {u"autoApply"_s, true}}}}};
    const auto reply = h.call(u"keys.createKey"_s, request);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString keyId = reply.dataObject().value(u"keyId").toString();
    const QString row = u"SELECT %1 FROM keys WHERE id = ?"_s;
    QCOMPARE(scalar(h, row.arg(u"name"_s), {keyId}).toString(), u"Payment key"_s);
    QCOMPARE(scalar(h, row.arg(u"enabled"_s), {keyId}).toInt(), 0);
    QCOMPARE(scalar(h, row.arg(u"expires"_s), {keyId}).toLongLong(), 1'900'000'000'000);
    QCOMPARE(scalar(h, row.arg(u"remaining"_s), {keyId}).toLongLong(), 50);
    QCOMPARE(scalar(h, row.arg(u"refill_amount"_s), {keyId}).toLongLong(), 100);
    QCOMPARE(scalar(h, row.arg(u"refill_day"_s), {keyId}).toInt(), 15);
    QCOMPARE(scalar(h, row.arg(u"last_refill_at"_s), {keyId}).toLongLong(), h.clock().nowMs());
    QCOMPARE(scalar(h, row.arg(u"meta"_s), {keyId}).toString(), uR"({"plan":"pro"})"_s);
    const QString identityId = scalar(h, row.arg(u"identity_id"_s), {keyId}).toString();
    QCOMPARE(scalar(h, u"SELECT external_id FROM identities WHERE id = ?"_s, {identityId}).toString(), u"user_1"_s);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys_permissions WHERE key_id = ?"_s, {keyId}), 2);
    QCOMPARE(scalar(h, u"SELECT role_id FROM keys_roles WHERE key_id = ?"_s, {keyId}).toString(), roleId);
    QCOMPARE(countRows(h,
                 u"SELECT count(*) FROM ratelimits WHERE key_id = ? AND name = 'requests'"
                 " AND \"limit\" = 10 AND duration = 60000 AND auto_apply = 1"_s,
                 {keyId}),
        1);
    // Audit: the key, the auto-created permissions, and one connect event per binding.
    QCOMPARE(auditRows(h, u"key.create"_s).size(), 1);
    QCOMPARE(auditRows(h, u"permission.create"_s).size(), 2);
    QCOMPARE(auditRows(h, u"identity.create"_s).size(), 1);
    const QList<AuditRow> connected = auditRows(h, u"authorization.connect_permission_and_key"_s);
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.first().description, u"Added permission documents.read to key "_s + keyId);
    const QList<AuditRow> roles = auditRows(h, u"authorization.connect_role_and_key"_s);
    QCOMPARE(roles.size(), 1);
    QCOMPARE(roles.first().description, u"Connected role admin to key "_s + keyId);
    QVERIFY(hasTarget(roles.first().targets, u"role"_s, roleId));
    // A second key with the same externalId reuses the identity.
    const QJsonObject second = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"user_1"_s}});
    QCOMPARE(scalar(h, row.arg(u"identity_id"_s), {second.value(u"keyId").toString()}).toString(), identityId);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM identities"_s), 1);
}

void TestKeysCreate::prefixAndByteLength()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject data = h.createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"sk_live"_s}, {u"byteLength"_s, 32}});
    const QString key = data.value(u"key").toString();
    QVERIFY2(key.startsWith(u"sk_live_"), qPrintable(key));
    QVERIFY(key.size() - 8 >= 43 && key.size() - 8 <= 44); // base58 of 32 bytes
    QCOMPARE(scalar(h, u"SELECT start FROM keys WHERE id = ?"_s, {data.value(u"keyId").toString()}).toString(),
        key.left(12));
}

void TestKeysCreate::keyspaceDefaults()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    QCOMPARE(countRows(h, u"SELECT count(*) FROM apis WHERE id = ?"_s, {apiId}), 1);
    QVERIFY(h.server()
                .database()
                .write([&]() -> Latchkey::Core::Status {
                    QSqlQuery update = h.server().database().prepare(
                        u"UPDATE keyspaces SET default_prefix = 'acme', default_bytes = 64"
                        " WHERE id = (SELECT keyspace_id FROM apis WHERE id = ?)"_s);
                    update.addBindValue(apiId);
                    update.exec();
                    return {};
                })
                .ok());
    const QString key = h.createKey({{u"apiId"_s, apiId}}).value(u"key").toString();
    QVERIFY2(key.startsWith(u"acme_"), qPrintable(key));
    QVERIFY(key.size() - 5 >= 86); // base58 of 64 bytes: 87-88 characters
    // The request's prefix wins over the keyspace's default.
    QVERIFY(h.createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"own"_s}}).value(u"key").toString().startsWith(u"own_"));
}

void TestKeysCreate::dailyRefillIgnoresRefillDay()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId
        = h.createKey(
               {{u"apiId"_s, apiId},
                   {u"credits"_s,
                       QJsonObject {{u"remaining"_s, 5},
                           {u"refill"_s,
                               QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 10}, {u"refillDay"_s, 3}}}}}})
              .value(u"keyId")
              .toString();
    QCOMPARE(scalar(h, u"SELECT refill_amount FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), 10);
    QVERIFY(scalar(h, u"SELECT refill_day FROM keys WHERE id = ?"_s, {keyId}).isNull());
}

void TestKeysCreate::recoverableKey()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject data = h.createKey({{u"apiId"_s, apiId}, {u"recoverable"_s, true}});
    const QString keyId = data.value(u"keyId").toString();
    QCOMPARE(countRows(h, u"SELECT count(*) FROM encrypted_keys WHERE key_id = ?"_s, {keyId}), 1);
    QVERIFY(!fingerprint(h).contains(data.value(u"key").toString()));
    const auto reply = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"decrypt"_s, true}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject().value(u"plaintext").toString(), data.value(u"key").toString());
}

void TestKeysCreate::recoverableNeedsOptedInKeyspace()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    QVERIFY(
        h.server()
            .database()
            .write([&]() -> Latchkey::Core::Status {
                QSqlQuery update = h.server().database().prepare(
                    u"UPDATE keyspaces SET store_encrypted_keys = 0 WHERE id = (SELECT keyspace_id FROM apis WHERE id = ?)"_s);
                update.addBindValue(apiId);
                update.exec();
                return {};
            })
            .ok());
    const QString before = fingerprint(h);
    const auto reply = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}, {u"recoverable"_s, true}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(reply.detail(), u"This API does not support key encryption."_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysCreate::validation_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("location");
    const QJsonObject base {{u"apiId"_s, u"API"_s}}; // replaced by the real id in the test
    auto with = [&](const QString &field, const QJsonValue &value) {
        QJsonObject request = base;
        request.insert(field, value);
        return request;
    };
    QTest::newRow("missing apiId") << QJsonObject {{u"name"_s, u"x"_s}} << u"body.apiId"_s;
    QTest::newRow("apiId pattern") << QJsonObject {{u"apiId"_s, u"api-1!"_s}} << u"body.apiId"_s;
    QTest::newRow("apiId too short") << QJsonObject {{u"apiId"_s, u"ab"_s}} << u"body.apiId"_s;
    QTest::newRow("prefix too long") << with(u"prefix"_s, u"abcdefghijklmnopq"_s) << u"body.prefix"_s;
    QTest::newRow("prefix pattern") << with(u"prefix"_s, u"sk-live"_s) << u"body.prefix"_s;
    QTest::newRow("byteLength 15") << with(u"byteLength"_s, 15) << u"body.byteLength"_s;
    QTest::newRow("byteLength 256") << with(u"byteLength"_s, 256) << u"body.byteLength"_s;
    QTest::newRow("name empty") << with(u"name"_s, u""_s) << u"body.name"_s;
    QTest::newRow("externalId pattern") << with(u"externalId"_s, u"user 1"_s) << u"body.externalId"_s;
    QJsonObject bigMeta;
    for (int i = 0; i <= 100; ++i)
        bigMeta.insert(u"k"_s + QString::number(i), i);
    QTest::newRow("meta > 100 props") << with(u"meta"_s, bigMeta) << u"body.meta"_s;
    QTest::newRow("meta not object") << with(u"meta"_s, u"x"_s) << u"body.meta"_s;
    QTest::newRow("role empty") << with(u"roles"_s, QJsonArray {u""_s}) << u"body.roles[0]"_s;
    QTest::newRow("permission pattern") << with(u"permissions"_s, QJsonArray {u"ok"_s, u"no spaces"_s})
                                        << u"body.permissions[1]"_s;
    QTest::newRow("expires too late") << with(u"expires"_s, qint64(4'102'444'800'001)) << u"body.expires"_s;
    QTest::newRow("expires negative") << with(u"expires"_s, -1) << u"body.expires"_s;
    QTest::newRow("enabled not bool") << with(u"enabled"_s, u"yes"_s) << u"body.enabled"_s;
    QTest::newRow("credits null") << with(u"credits"_s, QJsonValue::Null) << u"body.credits"_s;
    QTest::newRow("credits without remaining") << with(u"credits"_s, QJsonObject {}) << u"body.credits.remaining"_s;
    QTest::newRow("remaining negative") << with(u"credits"_s, QJsonObject {{u"remaining"_s, -1}})
                                        << u"body.credits.remaining"_s;
    const QJsonObject daily {{u"interval"_s, u"daily"_s}, {u"amount"_s, 10}};
    QTest::newRow("refill with unlimited")
        << with(u"credits"_s, QJsonObject {{u"remaining"_s, QJsonValue::Null}, {u"refill"_s, daily}})
        << u"body.credits.remaining"_s;
    QTest::newRow("monthly without refillDay") << with(u"credits"_s,
        QJsonObject {
            {u"remaining"_s, 1}, {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 10}}}})
                                               << u"body.credits.refill.refillDay"_s;
    QTest::newRow("interval unknown") << with(u"credits"_s,
        QJsonObject {{u"remaining"_s, 1}, {u"refill"_s, QJsonObject {{u"interval"_s, u"weekly"_s}, {u"amount"_s, 10}}}})
                                      << u"body.credits.refill.interval"_s;
    QTest::newRow("refill amount 0") << with(u"credits"_s,
        QJsonObject {{u"remaining"_s, 1}, {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 0}}}})
                                     << u"body.credits.refill.amount"_s;
    QTest::newRow("refillDay 32") << with(u"credits"_s,
        QJsonObject {{u"remaining"_s, 1},
            {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 10}, {u"refillDay"_s, 32}}}})
                                  << u"body.credits.refill.refillDay"_s;
    QTest::newRow("credits unknown field")
        << with(u"credits"_s, QJsonObject {{u"remaining"_s, 1}, {u"max"_s, 2}}) << u"body.credits.max"_s;
    QTest::newRow("ratelimit duration") << with(
        u"ratelimits"_s, QJsonArray {QJsonObject {{u"name"_s, u"req"_s}, {u"limit"_s, 1}, {u"duration"_s, 999}}})
                                        << u"body.ratelimits[0].duration"_s;
    QTest::newRow("ratelimit name short") << with(
        u"ratelimits"_s, QJsonArray {QJsonObject {{u"name"_s, u"ab"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}}})
                                          << u"body.ratelimits[0].name"_s;
    QTest::newRow("recoverable not bool") << with(u"recoverable"_s, 1) << u"body.recoverable"_s;
    QTest::newRow("unknown field") << with(u"ownerId"_s, u"x"_s) << u"body.ownerId"_s;
}

void TestKeysCreate::validation()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, location);
    ApiHarness h;
    const QString apiId = h.createApi();
    if (request.value(u"apiId").toString() == u"API")
        request.insert(u"apiId"_s, apiId);
    const QString before = fingerprint(h);
    const auto reply = h.call(u"keys.createKey"_s, request);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/invalid_input"_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysCreate::unknownRootKeyIs401()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto reply = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}}, u"unknown_root_key"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys"_s), 0);
}

void TestKeysCreate::missingPermissionLooksLikeMissingApi()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString otherApi = h.createApi(u"other-api"_s);
    const QString before = fingerprint(h);
    for (const QStringList &permissions :
        {QStringList {u"api.*.read_key"_s}, QStringList {u"api."_s + otherApi + u".create_key"_s}}) {
        const auto reply = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}}, h.createRootKey(permissions));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/api_not_found"_s);
    }
    QCOMPARE(fingerprint(h), before);
    const auto allowed = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}},
        h.createRootKey({u"api."_s + apiId + u".create_key"_s}));
    QVERIFY2(allowed.status == 200, allowed.describe().constData());
}

void TestKeysCreate::recoverableWithoutEncryptPermissionIs404()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString rootKey = h.createRootKey({u"api.*.create_key"_s});
    const auto reply
        = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}, {u"recoverable"_s, true}}, rootKey);
    QCOMPARE(reply.status, 404);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys"_s), 0);
    const auto allowed = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}, {u"recoverable"_s, true}},
        h.createRootKey({u"api.*.create_key"_s, u"api."_s + apiId + u".encrypt_key"_s}));
    QVERIFY2(allowed.status == 200, allowed.describe().constData());
}

void TestKeysCreate::unknownOrForeignApiIs404()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const auto unknown = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, u"api_doesnotexist"_s}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorType(), u"https://unkey.com/docs/errors/unkey/data/api_not_found"_s);
    const auto foreign = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, apiId}}, h.otherRootKey());
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.detail(), unknown.detail());
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys"_s), 0);
}

void TestKeysCreate::unknownRoleChangesNothing()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString before = fingerprint(h);
    const auto reply = h.call(u"keys.createKey"_s,
        QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, u"user_9"_s},
            {u"permissions"_s, QJsonArray {u"new.permission"_s}}, {u"roles"_s, QJsonArray {u"ghost"_s}}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.detail(), u"Role 'ghost' was not found."_s);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/role_not_found"_s);
    QCOMPARE(fingerprint(h), before); // no identity, no permission, no audit row
}

// ---- keys.migrateKeys -------------------------------------------------------------------------

namespace {
void registerMigration(ApiHarness &h, const QString &id, const QString &workspaceId = {})
{
    QVERIFY(h.server()
                .database()
                .write([&] {
                    return Latchkey::Store::KeyStore(h.server().database())
                        .createMigration(workspaceId.isEmpty() ? h.workspaceId() : workspaceId, id, u"sha256"_s, 0);
                })
                .ok());
}
} // namespace

void TestKeysCreate::migrate()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    registerMigration(h, u"acme_migration"_s);
    const QString hash = QString::fromLatin1(Latchkey::Core::hashKey("legacy_key_1"));
    const auto reply = h.call(u"keys.migrateKeys"_s,
        QJsonObject {{u"migrationId"_s, u"acme_migration"_s}, {u"apiId"_s, apiId},
            {u"keys"_s,
                QJsonArray {
                    QJsonObject {{u"hash"_s, hash}, {u"name"_s, u"old"_s}, {u"externalId"_s, u"customer 7"_s},
                        {u"permissions"_s, QJsonArray {u"read"_s}}, {u"credits"_s, QJsonObject {{u"remaining"_s, 3}}}},
                    QJsonObject {{u"hash"_s, u"abc"_s}}}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonArray migrated = reply.dataObject().value(u"migrated").toArray();
    QCOMPARE(migrated.size(), 2);
    QCOMPARE(reply.dataObject().value(u"failed").toArray(), QJsonArray());
    QCOMPARE(migrated.at(0).toObject().value(u"hash").toString(), hash);
    const QString keyId = migrated.at(0).toObject().value(u"keyId").toString();
    QVERIFY(keyId.startsWith(u"key_"));
    QCOMPARE(scalar(h, u"SELECT hash FROM keys WHERE id = ?"_s, {keyId}).toString(), hash);
    QCOMPARE(scalar(h, u"SELECT start FROM keys WHERE id = ?"_s, {keyId}).toString(), QString());
    QCOMPARE(
        scalar(h, u"SELECT pending_migration_id FROM keys WHERE id = ?"_s, {keyId}).toString(), u"acme_migration"_s);
    QCOMPARE(scalar(h, u"SELECT remaining FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), 3);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys_permissions WHERE key_id = ?"_s, {keyId}), 1);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM identities WHERE external_id = 'customer 7'"_s), 1);
    QCOMPARE(auditRows(h, u"key.create"_s).size(), 2);
    QCOMPARE(auditRows(h, u"authorization.connect_permission_and_key"_s).size(), 1);
}

void TestKeysCreate::migrateReportsDuplicateHashes()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    registerMigration(h, u"m1"_s.repeated(2));
    const QString existing = h.createKey({{u"apiId"_s, apiId}}).value(u"key").toString();
    const QString existingHash = QString::fromLatin1(Latchkey::Core::hashKey(existing.toUtf8()));
    const auto reply = h.call(u"keys.migrateKeys"_s,
        QJsonObject {{u"migrationId"_s, u"m1m1"_s}, {u"apiId"_s, apiId},
            {u"keys"_s,
                QJsonArray {QJsonObject {{u"hash"_s, existingHash}}, QJsonObject {{u"hash"_s, u"new_hash"_s}},
                    QJsonObject {{u"hash"_s, u"new_hash"_s}}}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject().value(u"migrated").toArray().size(), 1);
    QCOMPARE(reply.dataObject().value(u"failed").toArray(), QJsonArray({existingHash, u"new_hash"_s}));
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys"_s), 2);
}

void TestKeysCreate::migrateUnknownMigrationIs404()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    registerMigration(h, u"theirs"_s, h.otherWorkspaceId());
    const QString before = fingerprint(h);
    for (const QString &migrationId : {u"nope"_s, u"theirs"_s}) {
        const auto reply = h.call(u"keys.migrateKeys"_s,
            QJsonObject {{u"migrationId"_s, migrationId}, {u"apiId"_s, apiId},
                {u"keys"_s, QJsonArray {QJsonObject {{u"hash"_s, u"hash1"_s}}}}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/migration_not_found"_s);
    }
    QCOMPARE(fingerprint(h), before);
}

void TestKeysCreate::migrateErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    registerMigration(h, u"mig"_s.repeated(2));
    const QString before = fingerprint(h);
    const QJsonObject valid {{u"migrationId"_s, u"migmig"_s}, {u"apiId"_s, apiId},
        {u"keys"_s, QJsonArray {QJsonObject {{u"hash"_s, u"hash1"_s}}}}};
    auto with = [&](const QString &field, const QJsonValue &value) {
        QJsonObject request = valid;
        request.insert(field, value);
        return request;
    };
    QVERIFY(hasErrorAt(h.call(u"keys.migrateKeys"_s, with(u"keys"_s, QJsonArray())), u"body.keys"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.migrateKeys"_s, with(u"keys"_s, QJsonArray {QJsonObject {{u"name"_s, u"x"_s}}})),
        u"body.keys[0].hash"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.migrateKeys"_s, with(u"keys"_s, QJsonArray {QJsonObject {{u"hash"_s, u"h1"_s}}})),
        u"body.keys[0].hash"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.migrateKeys"_s, with(u"migrationId"_s, u"ab"_s)), u"body.migrationId"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.migrateKeys"_s, with(u"extra"_s, 1)), u"body.extra"_s));
    QCOMPARE(h.call(u"keys.migrateKeys"_s, valid, u"bad_root_key"_s).status, 401);
    const auto forbidden = h.call(u"keys.migrateKeys"_s, valid, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QVERIFY2(forbidden.detail().contains(u"api.*.create_key"_s), forbidden.describe().constData());
    QCOMPARE(h.call(u"keys.migrateKeys"_s, with(u"apiId"_s, u"api_missing"_s)).status, 404);
    QCOMPARE(h.call(u"keys.migrateKeys"_s, valid, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
}

QTEST_GUILESS_MAIN(TestKeysCreate)
#include "tst_keys_create.moc"
