#include "tst_keys_helpers.h"

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

/// keys.getKey, keys.whoami and apis.listKeys: KeyResponseData and the read permissions.
class TestKeysRead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getMinimalKey();
    void getFullKey();
    void getDailyRefillAndTimestamps();
    void getShowsDueRefill();
    void getDecrypt();
    void getErrors();
    void getNotFound();
    void getPerApiPermission();

    void whoami();
    void whoamiErrors();

    void listPagination();
    void listFilterByExternalId();
    void listDecrypt();
    void listPermissionsAreMasked();
    void listErrors();
};

namespace {

QJsonObject fullRequest(const QString &apiId)
{
    return {{u"apiId"_s, apiId}, {u"name"_s, u"Full"_s}, {u"externalId"_s, u"user_1"_s},
        {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}, {u"roles"_s, QJsonArray {u"admin"_s}},
        {u"permissions"_s, QJsonArray {u"b.write"_s, u"a.read"_s}}, {u"expires"_s, qint64(1'900'000'000'000)},
        {u"enabled"_s, false},
        {u"credits"_s,
            QJsonObject {{u"remaining"_s, 50},
                {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 15}}}}},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {
                {u"name"_s, u"requests"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000}, {u"autoApply"_s, true}}}}};
}

void setKeyspace(ApiHarness &h, const QString &apiId, const QString &assignment)
{
    QVERIFY(h.server()
                .database()
                .write([&]() -> Latchkey::Core::Status {
                    QSqlQuery update = h.server().database().prepare(u"UPDATE keyspaces SET "_s + assignment
                        + u" WHERE id = (SELECT keyspace_id FROM apis WHERE id = ?)"_s);
                    update.addBindValue(apiId);
                    update.exec();
                    return {};
                })
                .ok());
}

/// keys.getKey's answer without its extension field apiId: the KeyResponseData that keys.whoami
/// and apis.listKeys carry (Unkey's shape).
QJsonObject unkeyKeyData(ApiHarness &h, const QString &keyId)
{
    QJsonObject data = getKey(h, keyId);
    data.remove(u"apiId"_s);
    return data;
}

} // namespace

void TestKeysRead::getMinimalKey()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject created = h.createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"sk"_s}});
    const QString keyId = created.value(u"keyId").toString();
    const auto reply = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject data = reply.dataObject();
    // apiId: the extension field (Unkey's KeyResponseData has none), the API the key is in.
    QCOMPARE(fieldsOf(data), QStringList({u"apiId"_s, u"createdAt"_s, u"enabled"_s, u"keyId"_s, u"start"_s}));
    QCOMPARE(data.value(u"apiId").toString(), apiId);
    QCOMPARE(data.value(u"keyId").toString(), keyId);
    QCOMPARE(data.value(u"start").toString(), created.value(u"key").toString().left(7));
    QCOMPARE(data.value(u"enabled").toBool(), true);
    QCOMPARE(data.value(u"createdAt").toInteger(), h.clock().nowMs());
    QVERIFY(!reply.body.contains(u"pagination"));
    QCOMPARE(countRows(h, u"SELECT count(*) FROM audit_logs WHERE event LIKE 'key.%' AND event != 'key.create'"_s), 0);
}

void TestKeysRead::getFullKey()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    createRole(h, u"admin"_s);
    const QString keyId = h.createKey(fullRequest(apiId)).value(u"keyId").toString();
    const QJsonObject data = getKey(h, keyId);
    QCOMPARE(fieldsOf(data),
        QStringList({u"apiId"_s, u"createdAt"_s, u"credits"_s, u"enabled"_s, u"expires"_s, u"identity"_s, u"keyId"_s,
            u"meta"_s, u"name"_s, u"permissions"_s, u"ratelimits"_s, u"roles"_s, u"start"_s}));
    QCOMPARE(data.value(u"name").toString(), u"Full"_s);
    QCOMPARE(data.value(u"enabled").toBool(), false);
    QCOMPARE(data.value(u"expires").toInteger(), qint64(1'900'000'000'000));
    QCOMPARE(data.value(u"meta").toObject(), QJsonObject({{u"plan"_s, u"pro"_s}}));
    QCOMPARE(data.value(u"permissions").toArray(), QJsonArray({u"a.read"_s, u"b.write"_s}));
    QCOMPARE(data.value(u"roles").toArray(), QJsonArray({u"admin"_s}));
    const QJsonObject credits {{u"remaining"_s, 50},
        {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 15}}}};
    QCOMPARE(data.value(u"credits").toObject(), credits);
    const QJsonObject identity = data.value(u"identity").toObject();
    QCOMPARE(fieldsOf(identity), QStringList({u"externalId"_s, u"id"_s, u"meta"_s, u"ratelimits"_s}));
    QCOMPARE(identity.value(u"externalId").toString(), u"user_1"_s);
    QVERIFY(identity.value(u"id").toString().startsWith(u"id_"));
    const QJsonArray limits = data.value(u"ratelimits").toArray();
    QCOMPARE(limits.size(), 1);
    const QJsonObject limit = limits.first().toObject();
    QVERIFY(limit.value(u"id").toString().startsWith(u"rl_"));
    QCOMPARE(limit.value(u"name").toString(), u"requests"_s);
    QCOMPARE(limit.value(u"limit").toInteger(), 10);
    QCOMPARE(limit.value(u"duration").toInteger(), 60000);
    QCOMPARE(limit.value(u"autoApply").toBool(), true);
}

void TestKeysRead::getDailyRefillAndTimestamps()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId
        = h.createKey({{u"apiId"_s, apiId},
                          {u"credits"_s,
                              QJsonObject {{u"remaining"_s, 0},
                                  {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 7}}}}}})
              .value(u"keyId")
              .toString();
    QCOMPARE(getKey(h, keyId).value(u"credits").toObject(),
        QJsonObject({{u"remaining"_s, 0}, {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 7}}}}));
    h.clock().advanceMs(1000);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"name"_s, u"n"_s}}).status, 200);
    QVERIFY(h.server()
                .database()
                .write([&]() -> Latchkey::Core::Status {
                    QSqlQuery update
                        = h.server().database().prepare(u"UPDATE keys SET last_used_at = 1767225600500 WHERE id = ?"_s);
                    update.addBindValue(keyId);
                    update.exec();
                    return {};
                })
                .ok());
    const QJsonObject data = getKey(h, keyId);
    QCOMPARE(data.value(u"updatedAt").toInteger(), h.clock().nowMs());
    QCOMPARE(data.value(u"lastUsedAt").toInteger(), qint64(1'767'225'600'500));
}

void TestKeysRead::getShowsDueRefill()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId
        = h.createKey({{u"apiId"_s, apiId},
                          {u"credits"_s,
                              QJsonObject {{u"remaining"_s, 2},
                                  {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 9}}}}}})
              .value(u"keyId")
              .toString();
    h.clock().advanceMs(23 * 3600 * 1000);
    QCOMPARE(getKey(h, keyId).value(u"credits").toObject().value(u"remaining").toInteger(), 2);
    h.clock().advanceMs(3600 * 1000); // midnight UTC: the daily refill is due
    QCOMPARE(getKey(h, keyId).value(u"credits").toObject().value(u"remaining").toInteger(), 9);
}

void TestKeysRead::getDecrypt()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject recoverable = h.createKey({{u"apiId"_s, apiId}, {u"recoverable"_s, true}});
    const QString plainId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const QString keyId = recoverable.value(u"keyId").toString();
    const QJsonObject decrypt {{u"keyId"_s, keyId}, {u"decrypt"_s, true}};
    QCOMPARE(h.call(u"keys.getKey"_s, decrypt).dataObject().value(u"plaintext").toString(),
        recoverable.value(u"key").toString());
    QVERIFY(!getKey(h, keyId).contains(u"plaintext")); // only when asked
    const auto notRecoverable = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, plainId}, {u"decrypt"_s, true}});
    QCOMPARE(notRecoverable.status, 200);
    QVERIFY(!notRecoverable.dataObject().contains(u"plaintext"));
    const auto forbidden = h.call(u"keys.getKey"_s, decrypt, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QVERIFY2(forbidden.detail().contains(u"'api.*.decrypt_key' or 'api."_s + apiId + u".decrypt_key'"_s),
        forbidden.describe().constData());
    setKeyspace(h, apiId, u"store_encrypted_keys = 0"_s);
    QCOMPARE(h.call(u"keys.getKey"_s, decrypt).status, 412);
}

void TestKeysRead::getErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const QString before = fingerprint(h);
    QVERIFY(hasErrorAt(h.call(u"keys.getKey"_s, QJsonObject {}), u"body.keyId"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, u"key-1"_s}}), u"body.keyId"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, u"ke"_s}}), u"body.keyId"_s));
    QVERIFY(hasErrorAt(
        h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"decrypt"_s, u"yes"_s}}), u"body.decrypt"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"x"_s, 1}}), u"body.x"_s));
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}, u"nope"_s).status, 401);
    const auto forbidden
        = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}, h.createRootKey({u"api.*.update_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(
        forbidden.detail(), u"Missing one of these permissions: 'api.*.read_key' or 'api."_s + apiId + u".read_key'"_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysRead::getNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const auto unknown = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, u"key_unknown"_s}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorType(), u"https://unkey.com/docs/errors/unkey/data/key_not_found"_s);
    const auto foreign = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}, h.otherRootKey());
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.detail(), unknown.detail());
    // A soft-deleted key, and a key whose API was deleted, are gone too.
    const QString deleted = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, deleted}}).status, 200);
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, deleted}}).status, 404);
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject {{u"apiId"_s, apiId}}).status, 200);
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}).status, 404);
}

void TestKeysRead::getPerApiPermission()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString otherApi = h.createApi(u"other-api"_s);
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}},
                  h.createRootKey({u"api."_s + apiId + u".read_key"_s}))
                 .status,
        200);
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}},
                  h.createRootKey({u"api."_s + otherApi + u".read_key"_s}))
                 .status,
        403);
}

void TestKeysRead::whoami()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    createRole(h, u"admin"_s);
    const QJsonObject created = h.createKey(fullRequest(apiId));
    const auto reply = h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, created.value(u"key").toString()}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), unkeyKeyData(h, created.value(u"keyId").toString()));
    QCOMPARE(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, created.value(u"key").toString()}},
                  h.createRootKey({u"api."_s + apiId + u".read_key"_s}))
                 .status,
        200);
}

void TestKeysRead::whoamiErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString key = h.createKey({{u"apiId"_s, apiId}}).value(u"key").toString();
    QVERIFY(hasErrorAt(h.call(u"keys.whoami"_s, QJsonObject {}), u"body.key"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, u""_s}}), u"body.key"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, QString(513, u'a')}}), u"body.key"_s));
    QVERIFY(hasErrorAt(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, key}, {u"keyId"_s, u"x"_s}}), u"body.keyId"_s));
    QCOMPARE(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, key}}, u"nope"_s).status, 401);
    const auto unknown = h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, u"sk_unknown"_s}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorType(), u"https://unkey.com/docs/errors/unkey/data/key_not_found"_s);
    // Missing permission and other workspaces are masked as "not found".
    const auto masked
        = h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, key}}, h.createRootKey({u"api.*.update_key"_s}));
    QCOMPARE(masked.status, 404);
    QCOMPARE(masked.detail(), unknown.detail());
    QCOMPARE(h.call(u"keys.whoami"_s, QJsonObject {{u"key"_s, key}}, h.otherRootKey()).status, 404);
}

void TestKeysRead::listPagination()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString otherApi = h.createApi(u"other-api"_s);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString());
    h.createKey({{u"apiId"_s, otherApi}});
    const QString deleted = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, deleted}}).status, 200);
    ids.sort();
    QStringList seen;
    QString cursor;
    for (int page = 0; page < 3; ++page) {
        QJsonObject request {{u"apiId"_s, apiId}, {u"limit"_s, 2}};
        if (!cursor.isEmpty())
            request.insert(u"cursor"_s, cursor);
        const auto reply = h.call(u"apis.listKeys"_s, request);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        for (const QJsonValue &key : reply.dataArray())
            seen.append(key.toObject().value(u"keyId").toString());
        const QJsonObject pagination = reply.pagination();
        QCOMPARE(pagination.value(u"hasMore").toBool(), page < 2);
        QCOMPARE(pagination.contains(u"cursor"), page < 2);
        cursor = pagination.value(u"cursor").toString();
        if (page < 2)
            QCOMPARE(cursor, ids.at(2 * page + 2)); // inclusive cursor: the next page's first id
    }
    QCOMPARE(seen, ids);
    const auto all = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}});
    QCOMPARE(all.dataArray().size(), 5);
    QCOMPARE(all.pagination(), QJsonObject({{u"hasMore"_s, false}}));
    QCOMPARE(all.dataArray().first().toObject(), unkeyKeyData(h, ids.first()));
}

void TestKeysRead::listFilterByExternalId()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString mine = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"alice"_s}}).value(u"keyId").toString();
    h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"bob"_s}});
    h.createKey({{u"apiId"_s, apiId}});
    const auto reply = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, u"alice"_s}});
    QCOMPARE(reply.dataArray().size(), 1);
    QCOMPARE(reply.dataArray().first().toObject().value(u"keyId").toString(), mine);
    const auto nobody = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, u"carol"_s}});
    QCOMPARE(nobody.status, 200);
    QCOMPARE(nobody.dataArray(), QJsonArray());
    QCOMPARE(nobody.pagination(), QJsonObject({{u"hasMore"_s, false}}));
}

void TestKeysRead::listDecrypt()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject recoverable = h.createKey({{u"apiId"_s, apiId}, {u"recoverable"_s, true}});
    h.createKey({{u"apiId"_s, apiId}});
    const QJsonObject request {{u"apiId"_s, apiId}, {u"decrypt"_s, true}, {u"revalidateKeysCache"_s, true}};
    const auto reply = h.call(u"apis.listKeys"_s, request);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    int withPlaintext = 0;
    for (const QJsonValue &key : reply.dataArray()) {
        if (key.toObject().contains(u"plaintext")) {
            ++withPlaintext;
            QCOMPARE(key.toObject().value(u"plaintext").toString(), recoverable.value(u"key").toString());
        }
    }
    QCOMPARE(withPlaintext, 1);
    const auto forbidden
        = h.call(u"apis.listKeys"_s, request, h.createRootKey({u"api.*.read_key"_s, u"api.*.read_api"_s}));
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.detail().contains(u"decrypt_key"_s));
    setKeyspace(h, apiId, u"store_encrypted_keys = 0"_s);
    QCOMPARE(h.call(u"apis.listKeys"_s, request).status, 412);
}

void TestKeysRead::listPermissionsAreMasked()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    h.createKey({{u"apiId"_s, apiId}});
    const QJsonObject request {{u"apiId"_s, apiId}};
    for (const QStringList &permissions : {QStringList {u"api.*.read_key"_s}, QStringList {u"api.*.read_api"_s}}) {
        const auto reply = h.call(u"apis.listKeys"_s, request, h.createRootKey(permissions));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/api_not_found"_s);
    }
    const auto allowed = h.call(u"apis.listKeys"_s, request,
        h.createRootKey({u"api."_s + apiId + u".read_key"_s, u"api."_s + apiId + u".read_api"_s}));
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.dataArray().size(), 1);
}

void TestKeysRead::listErrors()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    h.createKey({{u"apiId"_s, apiId}});
    const QString before = fingerprint(h);
    auto with = [&](const QString &field, const QJsonValue &value) {
        QJsonObject request {{u"apiId"_s, apiId}};
        request.insert(field, value);
        return request;
    };
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, QJsonObject {}), u"body.apiId"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"apiId"_s, u""_s)), u"body.apiId"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"limit"_s, 0)), u"body.limit"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"limit"_s, 101)), u"body.limit"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"cursor"_s, 5)), u"body.cursor"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"externalId"_s, u""_s)), u"body.externalId"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"decrypt"_s, 1)), u"body.decrypt"_s));
    QVERIFY(hasErrorAt(h.call(u"apis.listKeys"_s, with(u"search"_s, u"x"_s)), u"body.search"_s));
    QCOMPARE(h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}}, u"nope"_s).status, 401);
    QCOMPARE(h.call(u"apis.listKeys"_s, with(u"apiId"_s, u"api_missing"_s)).status, 404);
    QCOMPARE(h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}}, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
}

QTEST_GUILESS_MAIN(TestKeysRead)
#include "tst_keys_read.moc"
