#include "tst_keys_helpers.h"

#include "core/keyhash.h"

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

/// keys.deleteKey and keys.rerollKey.
class TestKeysLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void softDelete();
    void permanentDelete();
    void deleteErrors();

    void rerollCopiesEverything();
    void rerollExpiresOriginalOnWholeMinutes_data();
    void rerollExpiresOriginalOnWholeMinutes();
    void rerollPrefixAndLength();
    void rerollRecoverableKey();
    void rerollErrors();
    void changesAreVisibleToNextVerification();
};

namespace {

QJsonObject richKey(const QString &apiId)
{
    return {{u"apiId"_s, apiId}, {u"prefix"_s, u"sk_live"_s}, {u"name"_s, u"Rich"_s}, {u"externalId"_s, u"owner"_s},
        {u"meta"_s, QJsonObject {{u"tier"_s, 2}}}, {u"roles"_s, QJsonArray {u"admin"_s}},
        {u"permissions"_s, QJsonArray {u"docs.read"_s}}, {u"expires"_s, qint64(1'900'000'000'000)},
        {u"enabled"_s, false},
        {u"credits"_s,
            QJsonObject {{u"remaining"_s, 42},
                {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 3}}}}},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {
                {u"name"_s, u"requests"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000}, {u"autoApply"_s, true}}}}};
}

Latchkey::Test::ApiReply reroll(ApiHarness &h, const QString &keyId, qint64 expiration, const QString &rootKey = {})
{
    return h.call(u"keys.rerollKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"expiration"_s, expiration}}, rootKey);
}

} // namespace

void TestKeysLifecycle::softDelete()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject created = h.createKey({{u"apiId"_s, apiId}, {u"permissions"_s, QJsonArray {u"p"_s}}});
    const QString keyId = created.value(u"keyId").toString();
    h.clock().advanceMs(10);
    const auto reply = h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), QJsonObject());
    QCOMPARE(scalar(h, u"SELECT deleted_at FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), h.clock().nowMs());
    QCOMPARE(countRows(h, u"SELECT count(*) FROM keys_permissions WHERE key_id = ?"_s, {keyId}), 1);
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}).status, 404);
    QCOMPARE(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, created.value(u"key").toString()}}).status, 404);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}}).status, 404); // already gone
    const QList<AuditRow> audits = auditRows(h, u"key.delete"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Deleted key "_s + keyId);
    QVERIFY(hasTarget(audits.first().targets, u"key"_s, keyId));
    QVERIFY(hasTarget(audits.first().targets, u"api"_s, apiId));
}

void TestKeysLifecycle::permanentDelete()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    createRole(h, u"admin"_s);
    QJsonObject request = richKey(apiId);
    request.insert(u"recoverable"_s, true);
    const QString keyId = h.createKey(request).value(u"keyId").toString();
    const QString survivor = h.createKey(request).value(u"keyId").toString();
    const auto reply = h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"permanent"_s, true}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    for (const QString &table : {u"keys WHERE id"_s, u"keys_permissions WHERE key_id"_s, u"keys_roles WHERE key_id"_s,
             u"ratelimits WHERE key_id"_s, u"encrypted_keys WHERE key_id"_s}) {
        QCOMPARE(countRows(h, u"SELECT count(*) FROM "_s + table + u" = ?"_s, {keyId}), 0);
        QCOMPARE(countRows(h, u"SELECT count(*) FROM "_s + table + u" = ?"_s, {survivor}), 1);
    }
    const QList<AuditRow> deletions = auditRows(h, u"key.delete"_s);
    QCOMPARE(deletions.size(), 1);
    // Its owner by id and external id: no stored key says whose it was any more.
    const QString ownerId = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"owner"_s}})
                                .dataObject().value(u"id"_s).toString();
    QVERIFY(!ownerId.isEmpty());
    QVERIFY(hasTarget(deletions.first().targets, u"identity"_s, ownerId));
    QVERIFY(deletions.first().targets.contains(QJsonObject {{u"type"_s, u"identity"_s}, {u"id"_s, ownerId}, {u"name"_s, u"owner"_s}}));
    QCOMPARE(auditRows(h, u"ratelimit.delete"_s).size(), 0); // the key.delete row only (tst_audit_log)
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}).status, 404);
}

void TestKeysLifecycle::deleteErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    const QJsonObject request {{u"keyId"_s, keyId}, {u"permanent"_s, true}};
    QVERIFY(hasErrorAt(h.call(u"keys.deleteKey"_s, QJsonObject {}), u"body.keyId"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"permanent"_s, u"yes"_s}}),
        u"body.permanent"_s));
    QVERIFY(hasErrorAt(
        h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"force"_s, true}}), u"body.force"_s));
    QCOMPARE(h.call(u"keys.deleteKey"_s, request, u"nope"_s).status, 401);
    const auto forbidden = h.call(u"keys.deleteKey"_s, request, h.createRootKey({u"api.*.update_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.detail(),
        u"Missing one of these permissions: 'api.*.delete_key' or 'api."_s + apiId + u".delete_key'"_s);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, u"key_missing"_s}}).status, 404);
    QCOMPARE(h.call(u"keys.deleteKey"_s, request, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
    QCOMPARE(h.call(u"keys.deleteKey"_s, request, h.createRootKey({u"api."_s + apiId + u".delete_key"_s})).status, 200);
}

void TestKeysLifecycle::rerollCopiesEverything()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    createRole(h, u"admin"_s);
    const QString oldId = h.createKey(richKey(apiId)).value(u"keyId").toString();
    const QJsonObject before = getKey(h, oldId);
    h.clock().advanceMs(60'000);
    const auto reply = reroll(h, oldId, 0);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(fieldsOf(reply.dataObject()), QStringList({u"key"_s, u"keyId"_s}));
    const QString newId = reply.dataObject().value(u"keyId").toString();
    const QString newKey = reply.dataObject().value(u"key").toString();
    QVERIFY(newId != oldId);
    QCOMPARE(scalar(h, u"SELECT hash FROM keys WHERE id = ?"_s, {newId}).toString(),
        QString::fromLatin1(Latchkey::Core::hashKey(newKey.toUtf8())));
    QJsonObject copy = getKey(h, newId);
    QCOMPARE(copy.value(u"createdAt").toInteger(), h.clock().nowMs());
    QVERIFY(copy.value(u"ratelimits").toArray().first().toObject().value(u"id")
        != before.value(u"ratelimits").toArray().first().toObject().value(u"id")); // new rl_ ids
    QJsonObject expected = before;
    for (const QString &field : {u"keyId"_s, u"start"_s, u"createdAt"_s, u"ratelimits"_s}) {
        expected.remove(field);
        copy.remove(field);
    }
    QCOMPARE(copy, expected);
    // The original is not deleted; it is expired at once (expiration 0): even a verification in
    // the same millisecond sees it expired.
    const QJsonObject original = getKey(h, oldId);
    QCOMPARE(original.value(u"expires").toInteger(), h.clock().nowMs() - 1);

    const QList<AuditRow> audits = auditRows(h, u"key.reroll"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Rerolled key (%1) to (%2)"_s.arg(oldId, newId));
    QCOMPARE(audits.first().targets.at(0).toObject().value(u"id").toString(), newId);
    QCOMPARE(audits.first().targets.at(1).toObject().value(u"id").toString(), oldId);
    QVERIFY(hasTarget(audits.first().targets, u"api"_s, apiId));
}

void TestKeysLifecycle::rerollExpiresOriginalOnWholeMinutes_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("expiration");
    QTest::addColumn<qint64>("expected"); // expires - start of the test's minute
    QTest::newRow("aligned") << qint64(0) << qint64(120'000) << qint64(120'000);
    QTest::newRow("rounded up") << qint64(1'234) << qint64(60'000) << qint64(120'000);
    QTest::newRow("one ms") << qint64(0) << qint64(1) << qint64(60'000);
    QTest::newRow("immediate") << qint64(1'234) << qint64(0) << qint64(1'233);
}

void TestKeysLifecycle::rerollExpiresOriginalOnWholeMinutes()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, expiration);
    QFETCH(qint64, expected);
    ApiHarness h;
    const QJsonObject created = h.createKey({{u"apiId"_s, h.createApi()}});
    const QString keyId = created.value(u"keyId").toString();
    const qint64 minute = h.clock().nowMs(); // the harness starts on a whole minute
    h.clock().advanceMs(offset);
    QCOMPARE(reroll(h, keyId, expiration).status, 200);
    QCOMPARE(getKey(h, keyId).value(u"expires").toInteger(), minute + expected);
    // Without moving the clock: revoked at once only when expiration is 0.
    const auto verified = h.call(u"keys.verifyKey"_s, QJsonObject{{u"key"_s, created.value(u"key").toString()}});
    QCOMPARE(verified.dataObject().value(u"code").toString(), expiration == 0 ? u"EXPIRED"_s : u"VALID"_s);
}

void TestKeysLifecycle::rerollPrefixAndLength()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString prefixed = h.createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"sk_live"_s}, {u"byteLength"_s, 64}})
                                 .value(u"keyId")
                                 .toString();
    const QString rerolled = reroll(h, prefixed, 0).dataObject().value(u"key").toString();
    // The whole prefix survives, underscores included (Unkey's API server would keep only "sk"),
    // with the keyspace's length (16 bytes: at most 22 base58 characters).
    QVERIFY2(rerolled.startsWith(u"sk_live_"), qPrintable(rerolled));
    QVERIFY(rerolled.size() - 8 <= 22);
    QCOMPARE(rerolled.count(u'_'), 2);
    const QString simple = h.createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"pk"_s}}).value(u"keyId").toString();
    QVERIFY(reroll(h, simple, 0).dataObject().value(u"key").toString().startsWith(u"pk_"));
    const QString plain = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QVERIFY(
        h.server()
            .database()
            .write([&]() -> Latchkey::Core::Status {
                QSqlQuery update = h.server().database().prepare(
                    u"UPDATE keyspaces SET default_prefix = 'acme' WHERE id = (SELECT keyspace_id FROM apis WHERE id = ?)"_s);
                update.addBindValue(apiId);
                update.exec();
                return {};
            })
            .ok());
    QVERIFY(reroll(h, plain, 0).dataObject().value(u"key").toString().startsWith(u"acme_"));
}

void TestKeysLifecycle::rerollRecoverableKey()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}, {u"recoverable"_s, true}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    const auto forbidden = reroll(h, keyId, 0, h.createRootKey({u"api.*.create_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.detail().contains(u"encrypt_key"_s));
    QCOMPARE(fingerprint(h), before);
    const auto reply = reroll(h, keyId, 0, h.createRootKey({u"api.*.create_key"_s, u"api.*.encrypt_key"_s}));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString newId = reply.dataObject().value(u"keyId").toString();
    const auto decrypted = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, newId}, {u"decrypt"_s, true}});
    QCOMPARE(decrypted.dataObject().value(u"plaintext").toString(), reply.dataObject().value(u"key").toString());
}

void TestKeysLifecycle::rerollErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    QVERIFY(hasErrorAt(h.call(u"keys.rerollKey"_s, QJsonObject {{u"keyId"_s, keyId}}), u"body.expiration"_s));
    QVERIFY(hasErrorAt(reroll(h, keyId, -1), u"body.expiration"_s));
    QVERIFY(hasErrorAt(reroll(h, keyId, qint64(4'102'444'800'001)), u"body.expiration"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.rerollKey"_s, QJsonObject {{u"expiration"_s, 0}}), u"body.keyId"_s));
    QCOMPARE(reroll(h, keyId, 0, u"nope"_s).status, 401);
    const auto forbidden = reroll(h, keyId, 0, h.createRootKey({u"api.*.update_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.detail(),
        u"Missing one of these permissions: 'api.*.create_key' or 'api."_s + apiId + u".create_key'"_s);
    QCOMPARE(reroll(h, u"key_missing"_s, 0).status, 404);
    QCOMPARE(reroll(h, keyId, 0, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
    // The request body allows additional properties (reference §1.1).
    QCOMPARE(
        h.call(u"keys.rerollKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"expiration"_s, 0}, {u"note"_s, 1}}).status,
        200);
}

// Every mutation commits through Database::write, which invalidates verifyKey's cache at once.
void TestKeysLifecycle::changesAreVisibleToNextVerification()
{
    ApiHarness h;
    const QJsonObject created
        = h.createKey({{u"apiId"_s, h.createApi()}, {u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    const QString keyId = created.value(u"keyId").toString();
    auto verify = [&](const QString &key) {
        return h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}}).dataObject().value(u"code").toString();
    };
    const QString key = created.value(u"key").toString();
    QCOMPARE(verify(key), u"VALID"_s);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"enabled"_s, false}}).status, 200);
    QCOMPARE(verify(key), u"DISABLED"_s);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"enabled"_s, true}}).status, 200);
    QCOMPARE(
        h.call(u"keys.updateCredits"_s, QJsonObject {{u"keyId"_s, keyId}, {u"operation"_s, u"set"_s}, {u"value"_s, 0}})
            .status,
        200);
    QCOMPARE(verify(key), u"USAGE_EXCEEDED"_s);
    QCOMPARE(
        h.call(u"keys.updateCredits"_s, QJsonObject {{u"keyId"_s, keyId}, {u"operation"_s, u"set"_s}}).status, 200);
    QCOMPARE(verify(key), u"VALID"_s);
    const QJsonObject rerolled = reroll(h, keyId, 0).dataObject();
    h.clock().advanceMs(1);
    QCOMPARE(verify(key), u"EXPIRED"_s);
    const QString newKey = rerolled.value(u"key").toString();
    QCOMPARE(verify(newKey), u"VALID"_s);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, rerolled.value(u"keyId").toString()}}).status, 200);
    QCOMPARE(verify(newKey), u"NOT_FOUND"_s);
}

QTEST_GUILESS_MAIN(TestKeysLifecycle)
#include "tst_keys_lifecycle.moc"
