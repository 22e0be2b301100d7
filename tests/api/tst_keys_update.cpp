#include "tst_keys_helpers.h"

#include <QThread>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

/// keys.updateKey and keys.updateCredits.
class TestKeysUpdate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void updateScalars();
    void auditNamesChangedFields_data();
    void auditNamesChangedFields();
    void auditDescriptionHoldsNoValues();
    void nullClearsAbsentKeeps();
    void externalIdLinksAndUnlinks();
    void credits();
    void creditErrorsChangeNothing();
    void ratelimitsReplaceByName();
    void permissionsAndRolesReplaceAll();
    void unknownRoleChangesNothing();
    void updateValidation_data();
    void updateValidation();
    void updateAuthAndNotFound();

    void setCredits();
    void incrementAndDecrement();
    void incrementAppliesDueRefillFirst();
    void unlimitedCannotBeIncremented();
    void creditsValidation_data();
    void creditsValidation();
    void creditsAuthAndNotFound();
    void creditsSerializeWithSpends();
};

namespace {

QString newKey(ApiHarness &h, const QString &apiId, QJsonObject request = {})
{
    request.insert(u"apiId"_s, apiId);
    return h.createKey(request).value(u"keyId").toString();
}

Latchkey::Test::ApiReply update(ApiHarness &h, const QString &keyId, QJsonObject fields)
{
    fields.insert(u"keyId"_s, keyId);
    return h.call(u"keys.updateKey"_s, fields);
}

Latchkey::Test::ApiReply changeCredits(ApiHarness &h, const QString &keyId, const QString &operation,
    const QJsonValue &value = QJsonValue(QJsonValue::Undefined))
{
    QJsonObject request {{u"keyId"_s, keyId}, {u"operation"_s, operation}};
    if (!value.isUndefined())
        request.insert(u"value"_s, value);
    return h.call(u"keys.updateCredits"_s, request);
}

QJsonObject refill(const QString &interval, qint64 amount, int refillDay = 0)
{
    QJsonObject object {{u"interval"_s, interval}, {u"amount"_s, amount}};
    if (refillDay > 0)
        object.insert(u"refillDay"_s, refillDay);
    return object;
}

} // namespace

void TestKeysUpdate::updateScalars()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId);
    h.clock().advanceMs(5000);
    const auto reply = update(h, keyId,
        {{u"name"_s, u"renamed"_s}, {u"meta"_s, QJsonObject {{u"a"_s, 1}}}, {u"expires"_s, qint64(1'800'000'000'000)},
            {u"enabled"_s, false}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), QJsonObject());
    QVERIFY(reply.body.value(u"data").isObject());
    const QJsonObject data = getKey(h, keyId);
    QCOMPARE(data.value(u"name").toString(), u"renamed"_s);
    QCOMPARE(data.value(u"meta").toObject(), QJsonObject({{u"a"_s, 1}}));
    QCOMPARE(data.value(u"expires").toInteger(), qint64(1'800'000'000'000));
    QCOMPARE(data.value(u"enabled").toBool(), false);
    QCOMPARE(data.value(u"updatedAt").toInteger(), h.clock().nowMs());
    const QList<AuditRow> audits = auditRows(h, u"key.update"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Updated key %1: name, meta, expires, enabled"_s.arg(keyId));
    QVERIFY(hasTarget(audits.first().targets, u"key"_s, keyId));
    QVERIFY(hasTarget(audits.first().targets, u"api"_s, apiId));
}

void TestKeysUpdate::auditNamesChangedFields_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("nothing") << QJsonObject{} << QString();
    QTest::newRow("enabled") << QJsonObject{{u"enabled"_s, true}} << u": enabled"_s;
    QTest::newRow("cleared name") << QJsonObject{{u"name"_s, QJsonValue::Null}} << u": name"_s;
    QTest::newRow("owner and credits") << QJsonObject{{u"externalId"_s, u"acme"_s}, {u"credits"_s, QJsonObject{{u"remaining"_s, 5}}}}
                                       << u": externalId, credits"_s;
    QTest::newRow("relations") << QJsonObject{{u"permissions"_s, QJsonArray{u"docs.read"_s}}, {u"roles"_s, QJsonArray{}},
                                              {u"ratelimits"_s, QJsonArray{}}}
                               << u": ratelimits, roles, permissions"_s;
}

void TestKeysUpdate::auditNamesChangedFields()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, suffix);
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi());
    // Values a log must not repeat: the description names fields only.
    const QString secret = u"secret-value-9f1c"_s;
    if (fields.contains(u"name"_s) && !fields.value(u"name"_s).isNull())
        fields.insert(u"name"_s, secret);
    const auto reply = update(h, keyId, fields);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QList<AuditRow> audits = auditRows(h, u"key.update"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Updated key "_s + keyId + suffix);
    QVERIFY(!audits.first().description.contains(u"acme"_s));
    // The dashboard reads it through audit.listLogs.
    const QJsonArray listed = h.call(u"audit.listLogs"_s, QJsonObject{{u"events"_s, QJsonArray{u"key.update"_s}}}).dataArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"description"_s).toString(), audits.first().description);
}

void TestKeysUpdate::auditDescriptionHoldsNoValues()
{
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi());
    const QString secret = u"secret-value-9f1c"_s;
    QCOMPARE(update(h, keyId, {{u"name"_s, secret}, {u"meta"_s, QJsonObject{{u"token"_s, secret}}}}).status, 200);
    QCOMPARE(countRows(h, u"SELECT count(*) FROM audit_logs WHERE description LIKE '%secret-value%'"_s), 0);
    QCOMPARE(auditRows(h, u"key.update"_s).first().description, u"Updated key %1: name, meta"_s.arg(keyId));
}

void TestKeysUpdate::nullClearsAbsentKeeps()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId,
        {{u"name"_s, u"n"_s}, {u"meta"_s, QJsonObject {{u"a"_s, 1}}}, {u"expires"_s, qint64(1'800'000'000'000)}});
    QCOMPARE(update(h, keyId, {{u"enabled"_s, false}}).status, 200);
    QJsonObject data = getKey(h, keyId);
    QCOMPARE(data.value(u"name").toString(), u"n"_s);
    QVERIFY(data.contains(u"meta") && data.contains(u"expires"));
    QCOMPARE(update(h, keyId,
                 {{u"name"_s, QJsonValue::Null}, {u"meta"_s, QJsonValue::Null}, {u"expires"_s, QJsonValue::Null}})
                 .status,
        200);
    data = getKey(h, keyId);
    QVERIFY(!data.contains(u"name") && !data.contains(u"meta") && !data.contains(u"expires"));
    QCOMPARE(data.value(u"enabled").toBool(), false);
}

void TestKeysUpdate::externalIdLinksAndUnlinks()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId);
    QCOMPARE(update(h, keyId, {{u"externalId"_s, u"alice"_s}}).status, 200);
    QCOMPARE(getKey(h, keyId).value(u"identity").toObject().value(u"externalId").toString(), u"alice"_s);
    QCOMPARE(auditRows(h, u"identity.create"_s).size(), 1);
    QCOMPARE(update(h, keyId, {{u"externalId"_s, u"bob"_s}}).status, 200);
    QCOMPARE(getKey(h, keyId).value(u"identity").toObject().value(u"externalId").toString(), u"bob"_s);
    QCOMPARE(update(h, keyId, {{u"externalId"_s, QJsonValue::Null}}).status, 200);
    QVERIFY(!getKey(h, keyId).contains(u"identity"));
    QVERIFY(scalar(h, u"SELECT identity_id FROM keys WHERE id = ?"_s, {keyId}).isNull());
    QCOMPARE(countRows(h, u"SELECT count(*) FROM identities"_s), 2); // identities are not deleted
}

void TestKeysUpdate::credits()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId);
    auto creditsOf = [&] {
        return getKey(h, keyId).value(u"credits").toObject();
    };
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}}).status, 200);
    QCOMPARE(creditsOf(), QJsonObject({{u"remaining"_s, 10}}));
    h.clock().advanceMs(1000);
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"refill"_s, refill(u"monthly"_s, 50, 31)}}}}).status, 200);
    QCOMPARE(creditsOf(), QJsonObject({{u"remaining"_s, 10}, {u"refill"_s, refill(u"monthly"_s, 50, 31)}}));
    QCOMPARE(scalar(h, u"SELECT last_refill_at FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), h.clock().nowMs());
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 3}, {u"refill"_s, refill(u"daily"_s, 5)}}}})
                 .status,
        200);
    QCOMPARE(creditsOf(), QJsonObject({{u"remaining"_s, 3}, {u"refill"_s, refill(u"daily"_s, 5)}}));
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"refill"_s, QJsonValue::Null}}}}).status, 200);
    QCOMPARE(creditsOf(), QJsonObject({{u"remaining"_s, 3}}));
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 3}, {u"refill"_s, refill(u"daily"_s, 5)}}}})
                 .status,
        200);
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, QJsonValue::Null}}}}).status, 200);
    QVERIFY(!getKey(h, keyId).contains(u"credits")); // unlimited, refill cleared
    QVERIFY(scalar(h, u"SELECT refill_amount FROM keys WHERE id = ?"_s, {keyId}).isNull());
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 1}, {u"refill"_s, refill(u"daily"_s, 5)}}}})
                 .status,
        200);
    QCOMPARE(update(h, keyId, {{u"credits"_s, QJsonValue::Null}}).status, 200);
    QVERIFY(!getKey(h, keyId).contains(u"credits"));
    QVERIFY(scalar(h, u"SELECT refill_amount FROM keys WHERE id = ?"_s, {keyId}).isNull());
}

void TestKeysUpdate::creditErrorsChangeNothing()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId); // unlimited
    const QString before = fingerprint(h);
    const auto monthly
        = update(h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 1}, {u"refill"_s, refill(u"monthly"_s, 5)}}}});
    QVERIFY2(hasErrorAt(monthly, u"body.credits.refill.refillDay"_s), monthly.describe().constData());
    QCOMPARE(monthly.detail().contains(u"`refillDay` must be provided when the refill interval is `monthly`."_s), true);
    const auto daily = update(
        h, keyId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 1}, {u"refill"_s, refill(u"daily"_s, 5, 2)}}}});
    QVERIFY2(hasErrorAt(daily, u"body.credits.refill.refillDay"_s), daily.describe().constData());
    QVERIFY(daily.detail().contains(u"`refillDay` must not be provided when the refill interval is `daily`."_s));
    // A refill for a key that stays unlimited would never refill anything.
    const auto unlimited
        = update(h, keyId, {{u"name"_s, u"x"_s}, {u"credits"_s, QJsonObject {{u"refill"_s, refill(u"daily"_s, 5)}}}});
    QVERIFY2(hasErrorAt(unlimited, u"body.credits.remaining"_s), unlimited.describe().constData());
    QCOMPARE(fingerprint(h), before);
}

void TestKeysUpdate::ratelimitsReplaceByName()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    auto limit = [](const QString &name, qint64 value) {
        return QJsonObject {{u"name"_s, name}, {u"limit"_s, value}, {u"duration"_s, 1000}};
    };
    const QString keyId = newKey(h, apiId, {{u"ratelimits"_s, QJsonArray {limit(u"aaa"_s, 1), limit(u"bbb"_s, 2)}}});
    const QString bbbId
        = scalar(h, u"SELECT id FROM ratelimits WHERE key_id = ? AND name = 'bbb'"_s, {keyId}).toString();
    QCOMPARE(update(h, keyId, {{u"ratelimits"_s, QJsonArray {limit(u"bbb"_s, 20), limit(u"ccc"_s, 3)}}}).status, 200);
    const QJsonArray limits = getKey(h, keyId).value(u"ratelimits").toArray();
    QCOMPARE(limits.size(), 2);
    QCOMPARE(limits.at(0).toObject().value(u"name").toString(), u"bbb"_s);
    QCOMPARE(limits.at(0).toObject().value(u"id").toString(), bbbId); // ids are kept
    QCOMPARE(limits.at(0).toObject().value(u"limit").toInteger(), 20);
    QCOMPARE(limits.at(1).toObject().value(u"name").toString(), u"ccc"_s);
    QCOMPARE(auditRows(h, u"ratelimit.delete"_s).size(), 0); // the key.update row names it (tst_audit_log)
    QCOMPARE(update(h, keyId, {{u"name"_s, u"keep limits"_s}}).status, 200);
    QCOMPARE(getKey(h, keyId).value(u"ratelimits").toArray().size(), 2);
    QCOMPARE(update(h, keyId, {{u"ratelimits"_s, QJsonArray()}}).status, 200);
    QVERIFY(!getKey(h, keyId).contains(u"ratelimits"));
}

void TestKeysUpdate::permissionsAndRolesReplaceAll()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    createRole(h, u"reader"_s);
    createRole(h, u"writer"_s);
    const QString keyId
        = newKey(h, apiId, {{u"permissions"_s, QJsonArray {u"x"_s, u"y"_s}}, {u"roles"_s, QJsonArray {u"reader"_s}}});
    const qint64 connectsBefore = countRows(h, u"SELECT count(*) FROM audit_logs WHERE event LIKE 'authorization.%'"_s);
    QCOMPARE(update(h, keyId, {{u"permissions"_s, QJsonArray {u"y"_s, u"z"_s}}, {u"roles"_s, QJsonArray {u"writer"_s}}})
                 .status,
        200);
    QJsonObject data = getKey(h, keyId);
    QCOMPARE(data.value(u"permissions").toArray(), QJsonArray({u"y"_s, u"z"_s}));
    QCOMPARE(data.value(u"roles").toArray(), QJsonArray({u"writer"_s}));
    QCOMPARE(auditRows(h, u"permission.create"_s).size(), 3); // x, y at creation; z now
    // updateKey writes no per-binding events (as Unkey).
    QCOMPARE(countRows(h, u"SELECT count(*) FROM audit_logs WHERE event LIKE 'authorization.%'"_s), connectsBefore);
    QCOMPARE(update(h, keyId, {{u"permissions"_s, QJsonArray()}, {u"roles"_s, QJsonArray()}}).status, 200);
    data = getKey(h, keyId);
    QVERIFY(!data.contains(u"permissions") && !data.contains(u"roles"));
}

void TestKeysUpdate::unknownRoleChangesNothing()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId, {{u"name"_s, u"before"_s}});
    const QString before = fingerprint(h);
    const auto reply = update(h, keyId,
        {{u"name"_s, u"after"_s}, {u"externalId"_s, u"new_owner"_s}, {u"permissions"_s, QJsonArray {u"brand.new"_s}},
            {u"roles"_s, QJsonArray {u"ghost"_s}}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.detail(), u"Role 'ghost' was not found."_s);
    QCOMPARE(fingerprint(h), before);
}

void TestKeysUpdate::updateValidation_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("location");
    QTest::newRow("name empty") << QJsonObject {{u"name"_s, u""_s}} << u"body.name"_s;
    QTest::newRow("name too long") << QJsonObject {{u"name"_s, QString(256, u'n')}} << u"body.name"_s;
    QTest::newRow("externalId pattern") << QJsonObject {{u"externalId"_s, u"a b"_s}} << u"body.externalId"_s;
    QJsonObject bigMeta;
    for (int i = 0; i <= 100; ++i)
        bigMeta.insert(QString::number(i), i);
    QTest::newRow("meta too big") << QJsonObject {{u"meta"_s, bigMeta}} << u"body.meta"_s;
    QTest::newRow("expires too late") << QJsonObject {{u"expires"_s, qint64(4'102'444'800'001)}} << u"body.expires"_s;
    QTest::newRow("credits string") << QJsonObject {{u"credits"_s, u"x"_s}} << u"body.credits"_s;
    QTest::newRow("remaining negative") << QJsonObject {{u"credits"_s, QJsonObject {{u"remaining"_s, -5}}}}
                                        << u"body.credits.remaining"_s;
    QTest::newRow("credits unknown") << QJsonObject {{u"credits"_s, QJsonObject {{u"left"_s, 5}}}}
                                     << u"body.credits.left"_s;
    QTest::newRow("refill interval") << QJsonObject {{u"credits"_s,
        QJsonObject {{u"refill"_s, refill(u"hourly"_s, 5)}}}}
                                     << u"body.credits.refill.interval"_s;
    const QJsonObject limit {{u"name"_s, u"dup"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}};
    QTest::newRow("duplicate ratelimit") << QJsonObject {{u"ratelimits"_s, QJsonArray {limit, limit}}}
                                         << u"body.ratelimits[1].name"_s;
    QTest::newRow("ratelimit limit 0") << QJsonObject {{u"ratelimits"_s,
        QJsonArray {QJsonObject {{u"name"_s, u"abc"_s}, {u"limit"_s, 0}, {u"duration"_s, 1000}}}}}
                                       << u"body.ratelimits[0].limit"_s;
    QTest::newRow("ratelimits null") << QJsonObject {{u"ratelimits"_s, QJsonValue::Null}} << u"body.ratelimits"_s;
    QTest::newRow("enabled null") << QJsonObject {{u"enabled"_s, QJsonValue::Null}} << u"body.enabled"_s;
    QTest::newRow("role empty") << QJsonObject {{u"roles"_s, QJsonArray {u""_s}}} << u"body.roles[0]"_s;
    QTest::newRow("permission pattern") << QJsonObject {{u"permissions"_s, QJsonArray {u"a/b"_s}}}
                                        << u"body.permissions[0]"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"owner"_s, u"x"_s}} << u"body.owner"_s;
    QTest::newRow("keyId pattern") << QJsonObject {{u"keyId"_s, u"key-1"_s}} << u"body.keyId"_s;
}

void TestKeysUpdate::updateValidation()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, location);
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi(), {{u"name"_s, u"n"_s}});
    const QString before = fingerprint(h);
    QJsonObject request = fields;
    if (!request.contains(u"keyId"))
        request.insert(u"keyId"_s, keyId);
    const auto reply = h.call(u"keys.updateKey"_s, request);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(fingerprint(h), before);
}

void TestKeysUpdate::updateAuthAndNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId);
    const QString before = fingerprint(h);
    const QJsonObject request {{u"keyId"_s, keyId}, {u"name"_s, u"x"_s}};
    QVERIFY(hasErrorAt(h.call(u"keys.updateKey"_s, QJsonObject {{u"name"_s, u"x"_s}}), u"body.keyId"_s));
    QCOMPARE(h.call(u"keys.updateKey"_s, request, u"nope"_s).status, 401);
    const auto forbidden = h.call(u"keys.updateKey"_s, request, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.detail(),
        u"Missing one of these permissions: 'api.*.update_key' or 'api."_s + apiId + u".update_key'"_s);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, u"key_missing"_s}}).status, 404);
    QCOMPARE(h.call(u"keys.updateKey"_s, request, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
    QCOMPARE(h.call(u"keys.updateKey"_s, request, h.createRootKey({u"api."_s + apiId + u".update_key"_s})).status, 200);
}

// ---- keys.updateCredits -----------------------------------------------------------------------

void TestKeysUpdate::setCredits()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId
        = newKey(h, apiId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 5}, {u"refill"_s, refill(u"daily"_s, 9)}}}});
    auto reply = changeCredits(h, keyId, u"set"_s, 100);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), QJsonObject({{u"remaining"_s, 100}, {u"refill"_s, refill(u"daily"_s, 9)}}));
    QCOMPARE(scalar(h, u"SELECT remaining FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), 100);
    QList<AuditRow> audits = auditRows(h, u"key.update"_s);
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().description, u"Updated Key %1, set remaining to 100."_s.arg(keyId));
    QVERIFY(hasTarget(audits.first().targets, u"key"_s, keyId));
    QVERIFY(hasTarget(audits.first().targets, u"keySpace"_s,
        scalar(h, u"SELECT keyspace_id FROM apis WHERE id = ?"_s, {apiId}).toString()));
    reply = changeCredits(h, keyId, u"set"_s, QJsonValue::Null);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.dataObject(), QJsonObject({{u"remaining"_s, QJsonValue::Null}}));
    QVERIFY(reply.dataObject().value(u"remaining").isNull());
    QVERIFY(scalar(h, u"SELECT refill_amount FROM keys WHERE id = ?"_s, {keyId}).isNull());
    QCOMPARE(
        auditRows(h, u"key.update"_s).last().description, u"Updated Key %1, set remaining to unlimited."_s.arg(keyId));
    QCOMPARE(changeCredits(h, keyId, u"set"_s, 7).status, 200);
    reply = changeCredits(h, keyId, u"set"_s); // no value: unlimited
    QCOMPARE(reply.dataObject(), QJsonObject({{u"remaining"_s, QJsonValue::Null}}));
}

void TestKeysUpdate::incrementAndDecrement()
{
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi(), {{u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    QCOMPARE(changeCredits(h, keyId, u"increment"_s, 5).dataObject(), QJsonObject({{u"remaining"_s, 15}}));
    QCOMPARE(changeCredits(h, keyId, u"decrement"_s, 4).dataObject(), QJsonObject({{u"remaining"_s, 11}}));
    QCOMPARE(
        changeCredits(h, keyId, u"decrement"_s, 500).dataObject(), QJsonObject({{u"remaining"_s, 0}})); // floors at 0
    QCOMPARE(changeCredits(h, keyId, u"increment"_s, 0).dataObject(), QJsonObject({{u"remaining"_s, 0}}));
    QCOMPARE(scalar(h, u"SELECT remaining FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), 0);
    QCOMPARE(auditRows(h, u"key.update"_s).size(), 4);
    QCOMPARE(auditRows(h, u"key.update"_s).at(1).description, u"Updated Key %1, set remaining to 11."_s.arg(keyId));
}

void TestKeysUpdate::incrementAppliesDueRefillFirst()
{
    ApiHarness h;
    const QString keyId = newKey(
        h, h.createApi(), {{u"credits"_s, QJsonObject {{u"remaining"_s, 0}, {u"refill"_s, refill(u"daily"_s, 10)}}}});
    h.clock().advanceMs(24 * 3600 * 1000);
    QCOMPARE(changeCredits(h, keyId, u"increment"_s, 5).dataObject().value(u"remaining").toInteger(), 15);
    QCOMPARE(scalar(h, u"SELECT last_refill_at FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), h.clock().nowMs());
}

void TestKeysUpdate::unlimitedCannotBeIncremented()
{
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi());
    const QString before = fingerprint(h);
    for (const QString &operation : {u"increment"_s, u"decrement"_s}) {
        const auto reply = changeCredits(h, keyId, operation, 5);
        QVERIFY2(hasErrorAt(reply, u"body.operation"_s), reply.describe().constData());
    }
    QCOMPARE(fingerprint(h), before);
}

void TestKeysUpdate::creditsValidation_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("location");
    QTest::newRow("no keyId") << QJsonObject {{u"operation"_s, u"set"_s}, {u"value"_s, 1}} << u"body.keyId"_s;
    QTest::newRow("keyId short") << QJsonObject {{u"keyId"_s, u"ab"_s}, {u"operation"_s, u"set"_s}} << u"body.keyId"_s;
    QTest::newRow("no operation") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"value"_s, 1}} << u"body.operation"_s;
    QTest::newRow("bad operation") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"multiply"_s},
        {u"value"_s, 1}} << u"body.operation"_s;
    QTest::newRow("negative") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"set"_s}, {u"value"_s, -1}}
                              << u"body.value"_s;
    QTest::newRow("fraction") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"set"_s}, {u"value"_s, 1.5}}
                              << u"body.value"_s;
    QTest::newRow("increment without value")
        << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"increment"_s}} << u"body.value"_s;
    QTest::newRow("decrement with null") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"decrement"_s},
        {u"value"_s, QJsonValue::Null}} << u"body.value"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"keyId"_s, u"KEY"_s}, {u"operation"_s, u"set"_s},
        {u"credits"_s, 1}} << u"body.credits"_s;
}

void TestKeysUpdate::creditsValidation()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, location);
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi(), {{u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    if (request.value(u"keyId").toString() == u"KEY")
        request.insert(u"keyId"_s, keyId);
    const QString before = fingerprint(h);
    const auto reply = h.call(u"keys.updateCredits"_s, request);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(fingerprint(h), before);
}

void TestKeysUpdate::creditsAuthAndNotFound()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QString keyId = newKey(h, apiId, {{u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    const QString before = fingerprint(h);
    const QJsonObject request {{u"keyId"_s, keyId}, {u"operation"_s, u"set"_s}, {u"value"_s, 1}};
    QCOMPARE(h.call(u"keys.updateCredits"_s, request, u"nope"_s).status, 401);
    const auto forbidden = h.call(u"keys.updateCredits"_s, request, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.detail().contains(u"'api.*.update_key'"_s));
    QCOMPARE(h.call(u"keys.updateCredits"_s, QJsonObject {{u"keyId"_s, u"key_missing"_s}, {u"operation"_s, u"set"_s}})
                 .status,
        404);
    QCOMPARE(h.call(u"keys.updateCredits"_s, request, h.otherRootKey()).status, 404);
    QCOMPARE(fingerprint(h), before);
}

// Credit updates read-modify-write inside Database::write; spends of verifications (simulated
// here by decrements in their own write transactions) must never be lost.
void TestKeysUpdate::creditsSerializeWithSpends()
{
    ApiHarness h;
    const QString keyId = newKey(h, h.createApi(), {{u"credits"_s, QJsonObject {{u"remaining"_s, 1000}}}});
    constexpr int rounds = 40;
    std::atomic<int> failures {0};
    QThread *incrementer = QThread::create([&] {
        for (int i = 0; i < rounds; ++i) {
            if (changeCredits(h, keyId, u"increment"_s, 3).status != 200)
                ++failures;
        }
    });
    QThread *spender = QThread::create([&] {
        for (int i = 0; i < rounds; ++i) {
            const auto spent = h.server().database().write([&]() -> Latchkey::Core::Status {
                QSqlQuery spend
                    = h.server().database().prepare(u"UPDATE keys SET remaining = remaining - 1 WHERE id = ?"_s);
                spend.addBindValue(keyId);
                if (!spend.exec())
                    return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, u"spend failed"_s);
                return {};
            });
            if (!spent)
                ++failures;
        }
    });
    incrementer->start();
    spender->start();
    QVERIFY(incrementer->wait(60000) && spender->wait(60000));
    delete incrementer;
    delete spender;
    QCOMPARE(failures.load(), 0);
    QCOMPARE(scalar(h, u"SELECT remaining FROM keys WHERE id = ?"_s, {keyId}).toLongLong(), 1000 + 3 * rounds - rounds);
}

QTEST_GUILESS_MAIN(TestKeysUpdate)
#include "tst_keys_update.moc"
