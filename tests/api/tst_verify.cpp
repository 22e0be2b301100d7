#include "verifyfixture.h"

#include "core/keyhash.h"

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

namespace {
const QJsonObject NotFound {{u"valid"_s, false}, {u"code"_s, u"NOT_FOUND"_s}};
const QString SyntaxErrorType = u"https://unkey.com/docs/errors/user/bad_request/permissions_query_syntax_error"_s;
} // namespace

/// keys.verifyKey: lookup, visibility, key state, IP whitelist, permissions, validation, caching
/// and events. Credits and rate limits have their own suites (tst_verify_credits, _ratelimits).
class TestVerify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validKeyAnswersExactFields();
    void unknownKeyIsMinimalNotFound();
    void validationErrors_data();
    void validationErrors();
    void tagsAcceptAnyString();
    void missingAuthorizationIs400();
    void malformedAuthorizationIs400();
    void unknownRootKeyIs401();
    void rootKeyPermissions_data();
    void rootKeyPermissions();
    void otherWorkspaceIsNotFound();
    void softDeletedKeyIsNotFound();
    void deletedApiIsNotFound();
    void disabledKey();
    void expiresStrictlyAfter();
    void ipWhitelist();
    void permissionQueries_data();
    void permissionQueries();
    void permissionSyntaxErrors_data();
    void permissionSyntaxErrors();
    void syntaxErrorComesAfterVisibilityChecks();
    void identityInResponse();
    void mutationsAreSeenByTheNextVerification();
    void cacheHitDoesNoDatabaseIo();
    void unknownKeysAreCachedToo();
    void eventsArePublished();
    void verificationWritesNoAuditRows();
    void migrationIdFindsNativeHashes();
};

void TestVerify::validKeyAnswersExactFields()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"name"_s, u"alice"_s}, {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}});
    const auto reply = f.verify(key.key);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QVERIFY(reply.body.value(u"meta").toObject().value(u"requestId").toString().startsWith(u"req_"));
    QCOMPARE(reply.body.keys(), QStringList({u"data"_s, u"meta"_s}));
    const QJsonObject expected {{u"valid"_s, true}, {u"code"_s, u"VALID"_s}, {u"keyId"_s, key.id},
        {u"name"_s, u"alice"_s}, {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}, {u"enabled"_s, true}};
    QCOMPARE(reply.dataObject(), expected);

    // A key without name or meta omits both (never null).
    const TestKey bare = f.createKey();
    QCOMPARE(f.verifyData(bare.key),
        (QJsonObject {{u"valid"_s, true}, {u"code"_s, u"VALID"_s}, {u"keyId"_s, bare.id}, {u"enabled"_s, true}}));
}

void TestVerify::unknownKeyIsMinimalNotFound()
{
    ApiHarness h;
    VerifyFixture f(h);
    const auto reply = f.verify(u"sk_doesnotexist"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.dataObject(), NotFound);
}

void TestVerify::validationErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing key") << QByteArray(R"({})") << u"body.key"_s;
    QTest::newRow("empty key") << QByteArray(R"({"key":""})") << u"body.key"_s;
    QTest::newRow("key too long") << (R"({"key":")" + QByteArray(513, 'a') + R"("})") << u"body.key"_s;
    QTest::newRow("key not a string") << QByteArray(R"({"key":5})") << u"body.key"_s;
    QTest::newRow("key null") << QByteArray(R"({"key":null})") << u"body.key"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"key":"k","apiId":"api_1"})") << u"body.apiId"_s;
    QTest::newRow("too many tags") << QByteArray(
        R"({"key":"k","tags":["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21"]})")
                                   << u"body.tags"_s;
    QTest::newRow("empty tag") << QByteArray(R"({"key":"k","tags":["a",""]})") << u"body.tags[1]"_s;
    QTest::newRow("tag too long") << (R"({"key":"k","tags":[")" + QByteArray(513, 't') + R"("]})") << u"body.tags[0]"_s;
    QTest::newRow("tags not strings") << QByteArray(R"({"key":"k","tags":[1]})") << u"body.tags[0]"_s;
    QTest::newRow("empty permissions") << QByteArray(R"({"key":"k","permissions":""})") << u"body.permissions"_s;
    QTest::newRow("permissions too long")
        << (R"({"key":"k","permissions":")" + QByteArray(1001, 'p') + R"("})") << u"body.permissions"_s;
    QTest::newRow("negative cost") << QByteArray(R"({"key":"k","credits":{"cost":-1}})") << u"body.credits.cost"_s;
    QTest::newRow("cost too large") << QByteArray(R"({"key":"k","credits":{"cost":1000000000001}})")
                                    << u"body.credits.cost"_s;
    QTest::newRow("cost not integer") << QByteArray(R"({"key":"k","credits":{"cost":1.5}})") << u"body.credits.cost"_s;
    QTest::newRow("credits without cost") << QByteArray(R"({"key":"k","credits":{}})") << u"body.credits.cost"_s;
    QTest::newRow("credits unknown field")
        << QByteArray(R"({"key":"k","credits":{"cost":1,"x":1}})") << u"body.credits.x"_s;
    QTest::newRow("credits not an object") << QByteArray(R"({"key":"k","credits":3})") << u"body.credits"_s;
    QTest::newRow("ratelimit without name")
        << QByteArray(R"({"key":"k","ratelimits":[{}]})") << u"body.ratelimits[0].name"_s;
    QTest::newRow("ratelimit name too short")
        << QByteArray(R"({"key":"k","ratelimits":[{"name":"ab"}]})") << u"body.ratelimits[0].name"_s;
    QTest::newRow("ratelimit name too long")
        << (R"({"key":"k","ratelimits":[{"name":")" + QByteArray(256, 'n') + R"("}]})") << u"body.ratelimits[0].name"_s;
    QTest::newRow("ratelimit negative cost")
        << QByteArray(R"({"key":"k","ratelimits":[{"name":"abc","cost":-1}]})") << u"body.ratelimits[0].cost"_s;
    QTest::newRow("ratelimit negative limit")
        << QByteArray(R"({"key":"k","ratelimits":[{"name":"abc","limit":-1}]})") << u"body.ratelimits[0].limit"_s;
    QTest::newRow("ratelimit negative duration")
        << QByteArray(R"({"key":"k","ratelimits":[{"name":"abc","duration":-1}]})") << u"body.ratelimits[0].duration"_s;
    QTest::newRow("ratelimit unknown field")
        << QByteArray(R"({"key":"k","ratelimits":[{"name":"abc","window":1}]})") << u"body.ratelimits[0].window"_s;
    QTest::newRow("ratelimits not an array") << QByteArray(R"({"key":"k","ratelimits":{}})") << u"body.ratelimits"_s;
    QTest::newRow("migrationId too long")
        << (R"({"key":"k","migrationId":")" + QByteArray(257, 'm') + R"("})") << u"body.migrationId"_s;
}

void TestVerify::validationErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, location);
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    body.replace(QByteArray(R"("key":"k")"), QByteArray(R"("key":")" + key.key.toUtf8() + '"'));
    const auto eventsBefore = f.events().size();
    const auto reply = h.raw("POST", "/v2/keys.verifyKey", body, {{"Authorization", "Bearer " + h.rootKey().toUtf8()}});
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/invalid_input"_s);
    QStringList locations;
    for (const QJsonValue &error : reply.error().value(u"errors").toArray())
        locations.append(error.toObject().value(u"location").toString());
    QVERIFY2(locations.contains(location), qPrintable(locations.join(u", ")));
    // Bad input changes nothing: no credit spent, no event.
    QCOMPARE(f.remaining(key.id), 5);
    QCOMPARE(f.events().size(), eventsBefore);
}

void TestVerify::tagsAcceptAnyString()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const QJsonArray tags {
        u"path=/v1/users?id=1&x=y"_s, u"with spaces and \"quotes\""_s, u"ünïcødé ✓"_s, QString(512, u'x')};
    const auto reply = f.verify(key.key, {{u"tags"_s, tags}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject().value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.events().constLast().tags.size(), 4);
    QCOMPARE(f.events().constLast().tags.at(2), u"ünïcødé ✓"_s);
}

void TestVerify::malformedAuthorizationIs400()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const auto reply = h.raw("POST", "/v2/keys.verifyKey", QJsonDocument(QJsonObject {{u"key"_s, key.key}}).toJson(),
        {{"Authorization", "Basic " + h.rootKey().toUtf8()}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/authentication/malformed"_s);
}

void TestVerify::missingAuthorizationIs400()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const auto reply = h.raw("POST", "/v2/keys.verifyKey", QJsonDocument(QJsonObject {{u"key"_s, key.key}}).toJson());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/authentication/missing"_s);
}

void TestVerify::unknownRootKeyIs401()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const auto reply = f.verify(key.key, {}, u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.error().value(u"title").toString(), u"Unauthorized"_s);
    QVERIFY(reply.body.value(u"meta").toObject().value(u"requestId").toString().startsWith(u"req_"));
    QVERIFY(f.events().isEmpty());
}

void TestVerify::rootKeyPermissions_data()
{
    QTest::addColumn<QStringList>("permissions");
    QTest::addColumn<QString>("code");
    QTest::newRow("wildcard verify") << QStringList {u"api.*.verify_key"_s} << u"VALID"_s;
    QTest::newRow("this api's verify") << QStringList {u"api.{api}.verify_key"_s} << u"VALID"_s;
    QTest::newRow("another api's verify") << QStringList {u"api.api_other.verify_key"_s} << u"NOT_FOUND"_s;
    QTest::newRow("no verify permission") << QStringList {u"api.*.read_key"_s, u"api.*.create_key"_s} << u"NOT_FOUND"_s;
    QTest::newRow("no permission at all") << QStringList {} << u"NOT_FOUND"_s;
}

void TestVerify::rootKeyPermissions()
{
    QFETCH(QStringList, permissions);
    QFETCH(QString, code);
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"name"_s, u"k"_s}});
    permissions.replaceInStrings(u"{api}"_s, f.apiId);
    const auto reply = f.verify(key.key, {}, h.createRootKey(permissions));
    // Unkey answers 200 NOT_FOUND, not 403, so a root key cannot probe for keys of other APIs.
    QVERIFY2(reply.status == 200, reply.describe().constData());
    if (code == u"NOT_FOUND")
        QCOMPARE(reply.dataObject(), NotFound);
    else
        QCOMPARE(reply.dataObject().value(u"code").toString(), code);
}

void TestVerify::otherWorkspaceIsNotFound()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key, {}, h.otherRootKey()), NotFound);

    // And the other way round: a key of the other workspace is invisible to this one.
    const QString otherApi = h.createApi(u"other-api"_s, h.otherRootKey());
    const TestKey otherKey = f.createKey({{u"apiId"_s, otherApi}}, h.otherRootKey());
    QCOMPARE(f.verifyData(otherKey.key), NotFound);
    QCOMPARE(f.verifyData(otherKey.key, {}, h.otherRootKey()).value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.events().size(), 1); // minimal NOT_FOUND answers publish no event
}

void TestVerify::softDeletedKeyIsNotFound()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    const auto deleted = h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, key.id}});
    QVERIFY2(deleted.status == 200, deleted.describe().constData());
    QVERIFY(!f.scalar(u"SELECT deleted_at FROM keys WHERE id = ?"_s, {key.id}).isNull()); // soft
    QCOMPARE(f.verifyData(key.key), NotFound);
}

void TestVerify::deletedApiIsNotFound()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    const auto deleted = h.call(u"apis.deleteApi"_s, QJsonObject {{u"apiId"_s, f.apiId}});
    QVERIFY2(deleted.status == 200, deleted.describe().constData());
    QCOMPARE(f.verifyData(key.key), NotFound);
}

void TestVerify::disabledKey()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(
        {{u"name"_s, u"off"_s}, {u"enabled"_s, false}, {u"credits"_s, QJsonObject {{u"remaining"_s, 3}}}});
    const QJsonObject data = f.verifyData(key.key);
    const QJsonObject expected {{u"valid"_s, false}, {u"code"_s, u"DISABLED"_s}, {u"keyId"_s, key.id},
        {u"name"_s, u"off"_s}, {u"enabled"_s, false}, {u"credits"_s, 3}};
    QCOMPARE(data, expected);
    QCOMPARE(f.remaining(key.id), 3); // a failed check spends nothing
    QCOMPARE(f.events().constLast().outcome, u"DISABLED"_s);
}

void TestVerify::expiresStrictlyAfter()
{
    ApiHarness h;
    VerifyFixture f(h);
    const qint64 expires = h.clock().nowMs() + 60'000;
    const TestKey key = f.createKey({{u"expires"_s, expires}});
    QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"VALID"_s);
    QCOMPARE(data.value(u"expires").toInteger(), expires);
    h.clock().setNowMs(expires);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    h.clock().setNowMs(expires + 1);
    data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), u"EXPIRED"_s);
    QCOMPARE(data.value(u"valid").toBool(), false);
    QCOMPARE(data.value(u"keyId").toString(), key.id);
}

void TestVerify::ipWhitelist()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    f.mutate(u"UPDATE apis SET ip_whitelist = ? WHERE id = ?"_s, {u"10.0.0.1, 192.168.1.7"_s, f.apiId});
    const QByteArray body = QJsonDocument(QJsonObject {{u"key"_s, key.key}}).toJson(QJsonDocument::Compact);
    const QByteArray auth = "Bearer " + h.rootKey().toUtf8();
    auto codeFor = [&](const QList<QPair<QByteArray, QByteArray>> &extra) {
        QList<QPair<QByteArray, QByteArray>> headers {{"Authorization", auth}};
        headers.append(extra);
        return h.raw("POST", "/v2/keys.verifyKey", body, headers).dataObject().value(u"code").toString();
    };
    QCOMPARE(codeFor({}), u"FORBIDDEN"_s); // the harness connects from 127.0.0.1
    QCOMPARE(codeFor({{"X-Forwarded-For", "192.168.1.7"}}), u"VALID"_s);
    QCOMPARE(codeFor({{"X-Forwarded-For", " , 10.0.0.1, 8.8.8.8"}}), u"VALID"_s);
    QCOMPARE(codeFor({{"X-Forwarded-For", "8.8.8.8, 10.0.0.1"}}), u"FORBIDDEN"_s);
    QCOMPARE(codeFor({{"X-Forwarded-For", "10.0.0.10"}}), u"FORBIDDEN"_s); // exact match, no prefixes
    f.mutate(u"UPDATE apis SET ip_whitelist = ? WHERE id = ?"_s, {u"127.0.0.1"_s, f.apiId});
    QCOMPARE(codeFor({}), u"VALID"_s);
}

void TestVerify::permissionQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    // The key holds documents.read and users.view directly, and role "editor" (documents.write,
    // billing:*), and the literal permission "api.*".
    QTest::newRow("direct") << u"documents.read"_s << u"VALID"_s;
    QTest::newRow("via role") << u"documents.write"_s << u"VALID"_s;
    QTest::newRow("missing") << u"documents.delete"_s << u"INSUFFICIENT_PERMISSIONS"_s;
    QTest::newRow("and") << u"documents.read AND users.view"_s << u"VALID"_s;
    QTest::newRow("and missing") << u"documents.read AND users.edit"_s << u"INSUFFICIENT_PERMISSIONS"_s;
    QTest::newRow("complex") << u"(documents.delete OR documents.write) and (users.view OR users.edit)"_s << u"VALID"_s;
    QTest::newRow("complex missing") << u"(documents.delete OR users.edit) AND documents.read"_s
                                     << u"INSUFFICIENT_PERMISSIONS"_s;
    QTest::newRow("literal star") << u"api.*"_s << u"VALID"_s;
    QTest::newRow("star is literal in the query") << u"documents.*"_s << u"INSUFFICIENT_PERMISSIONS"_s;
    QTest::newRow("held wildcard grants (improvement)") << u"billing:invoices.read"_s << u"VALID"_s;
    QTest::newRow("held api.* grants api.keys") << u"api.keys"_s << u"VALID"_s;
    QTest::newRow("wildcard prefix must match") << u"billing.read"_s << u"INSUFFICIENT_PERMISSIONS"_s;
    QString large;
    for (int i = 0; i < 25; ++i)
        large += u"perm.number%1 OR "_s.arg(i);
    QTest::newRow("colon namespace") << u"billing:invoices.write"_s << u"VALID"_s;
    QTest::newRow("colons and asterisks") << u"system:admin:* OR billing:*"_s << u"VALID"_s;
    QTest::newRow("colons and asterisks missing") << u"system:admin:*"_s << u"INSUFFICIENT_PERMISSIONS"_s;
    QTest::newRow("large query") << large + u"users.view"_s << u"VALID"_s;
}

void TestVerify::permissionQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    ApiHarness h;
    VerifyFixture f(h);
    f.createRole(u"editor"_s, {u"documents.write"_s, u"billing:*"_s});
    const TestKey key = f.createKey({{u"permissions"_s, QJsonArray {u"documents.read"_s, u"users.view"_s, u"api.*"_s}},
        {u"roles"_s, QJsonArray {u"editor"_s}}});
    const QJsonObject data = f.verifyData(key.key, {{u"permissions"_s, query}});
    QCOMPARE(data.value(u"code").toString(), code);
    QCOMPARE(data.value(u"valid").toBool(), code == u"VALID");
    // Effective permissions (direct and via roles) and role names are always returned.
    QCOMPARE(data.value(u"permissions").toArray(),
        (QJsonArray {u"api.*"_s, u"billing:*"_s, u"documents.read"_s, u"documents.write"_s, u"users.view"_s}));
    QCOMPARE(data.value(u"roles").toArray(), QJsonArray {u"editor"_s});
}

void TestVerify::permissionSyntaxErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("detail");
    QTest::newRow("missing operand")
        << u"documents.read AND"_s
        << u"Unexpected end of query. Expected a permission identifier or opening parenthesis."_s;
    QTest::newRow("operator at start") << u"AND documents.read"_s << u"Unexpected token 'AND' at position 0"_s;
    QTest::newRow("unmatched parenthesis")
        << u"(documents.read AND users.view"_s << u"Missing closing parenthesis ')'"_s;
    QTest::newRow("empty parentheses") << u"documents.read AND ()"_s << u"Empty parentheses found at position"_s;
    QTest::newRow("invalid character") << u"documents@read"_s << u"Invalid character '@'"_s;
    QTest::newRow("trailing garbage") << u"a b"_s << u"Unexpected token 'b'"_s;
    QTest::newRow("only whitespace") << u"   "_s << u"Unexpected end of input"_s;
}

void TestVerify::permissionSyntaxErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, detail);
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 2}}}});
    const auto reply = f.verify(key.key, {{u"permissions"_s, query}});
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QCOMPARE(reply.errorType(), SyntaxErrorType);
    QVERIFY2(reply.detail().contains(detail), qPrintable(reply.detail()));
    const QJsonArray errors = reply.error().value(u"errors").toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).toObject().value(u"location").toString(), u"body.permissions"_s);
    QCOMPARE(f.remaining(key.id), 2);
    QVERIFY(f.events().isEmpty());
}

void TestVerify::syntaxErrorComesAfterVisibilityChecks()
{
    ApiHarness h;
    VerifyFixture f(h);
    const QJsonObject badQuery {{u"permissions"_s, u"a AND"_s}};
    // Steps 3-5 come first: an unknown key or an invisible one answers NOT_FOUND, not 400.
    QCOMPARE(f.verify(u"sk_unknown"_s, badQuery).dataObject(), NotFound);
    const TestKey key = f.createKey({{u"enabled"_s, false}});
    QCOMPARE(f.verify(key.key, badQuery, h.otherRootKey()).dataObject(), NotFound);
    // Step 6 comes before the key state (step 7): a disabled key with a bad query is a 400.
    QCOMPARE(f.verify(key.key, badQuery).status, 400);
}

void TestVerify::identityInResponse()
{
    ApiHarness h;
    VerifyFixture f(h);
    const QString identityId = f.createIdentity(u"user_1"_s,
        {QJsonObject {{u"name"_s, u"requests"_s}, {u"limit"_s, 100}, {u"duration"_s, 60000}, {u"autoApply"_s, false}},
            QJsonObject {{u"name"_s, u"tokens"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000}, {u"autoApply"_s, false}}},
        {{u"tier"_s, u"gold"_s}});
    // The key's own "tokens" limit shadows the identity's, which then is not listed.
    const TestKey key = f.createKey({{u"externalId"_s, u"user_1"_s},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {{u"name"_s, u"tokens"_s}, {u"limit"_s, 5}, {u"duration"_s, 1000}}}}});
    const QJsonObject identity = f.verifyData(key.key).value(u"identity").toObject();
    const QString limitId
        = f.scalar(u"SELECT id FROM ratelimits WHERE identity_id = ? AND name = 'requests'"_s, {identityId}).toString();
    const QJsonObject expected {{u"id"_s, identityId}, {u"externalId"_s, u"user_1"_s},
        {u"meta"_s, QJsonObject {{u"tier"_s, u"gold"_s}}},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {{u"id"_s, limitId}, {u"name"_s, u"requests"_s}, {u"limit"_s, 100},
                {u"duration"_s, 60000}, {u"autoApply"_s, false}}}}};
    QCOMPARE(identity, expected);

    // A deleted identity vanishes from verification.
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, identityId}}).status, 200);
    QVERIFY(!f.verifyData(key.key).contains(u"identity"));
}

void TestVerify::mutationsAreSeenByTheNextVerification()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"name"_s, u"before"_s}, {u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}});
    auto update = [&](const QString &route, QJsonObject body) {
        body.insert(u"keyId"_s, key.id);
        const auto reply = h.call(route, body);
        QVERIFY2(reply.status == 200, reply.describe().constData());
    };
    QCOMPARE(f.verifyData(key.key).value(u"name").toString(), u"before"_s);
    update(u"keys.updateKey"_s, {{u"name"_s, u"after"_s}});
    QCOMPARE(f.verifyData(key.key).value(u"name").toString(), u"after"_s);
    update(u"keys.updateKey"_s, {{u"enabled"_s, false}});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"DISABLED"_s);
    update(u"keys.updateKey"_s, {{u"enabled"_s, true}});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    update(u"keys.updateCredits"_s, {{u"operation"_s, u"set"_s}, {u"value"_s, 0}});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"USAGE_EXCEEDED"_s);
    update(u"keys.updateCredits"_s, {{u"operation"_s, u"set"_s}, {u"value"_s, QJsonValue::Null}});
    QVERIFY(!f.verifyData(key.key).contains(u"credits"));
    update(u"keys.addPermissions"_s, {{u"permissions"_s, QJsonArray {u"documents.read"_s}}});
    QCOMPARE(f.verifyData(key.key, {{u"permissions"_s, u"documents.read"_s}}).value(u"code").toString(), u"VALID"_s);
    update(u"keys.updateKey"_s,
        {{u"ratelimits"_s,
            QJsonArray {QJsonObject {
                {u"name"_s, u"rl1"_s}, {u"limit"_s, 1}, {u"duration"_s, 60000}, {u"autoApply"_s, true}}}}});
    QCOMPARE(f.verifyData(key.key).value(u"ratelimits").toArray().size(), 1);

    // Reroll with expiration 0 revokes the old key at once; the new one verifies.
    const auto rerolled = h.call(u"keys.rerollKey"_s, QJsonObject {{u"keyId"_s, key.id}, {u"expiration"_s, 0}});
    QVERIFY2(rerolled.status == 200, rerolled.describe().constData());
    h.clock().advanceMs(1);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"EXPIRED"_s);
    const QString newKey = rerolled.dataObject().value(u"key").toString();
    QCOMPARE(f.verifyData(newKey).value(u"keyId").toString(), rerolled.dataObject().value(u"keyId").toString());

    update(u"keys.deleteKey"_s, {{u"permanent"_s, true}});
    QCOMPARE(f.verifyData(key.key), NotFound);
}

void TestVerify::cacheHitDoesNoDatabaseIo()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    // Remove the row behind the cache's back (no generation bump): a cache hit cannot notice,
    // which shows that it reads nothing from the database.
    f.mutateBehindCachesBack(u"DELETE FROM keys WHERE id = ?"_s, {key.id});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    h.server().database().bumpGeneration();
    QCOMPARE(f.verifyData(key.key), NotFound);
}

void TestVerify::unknownKeysAreCachedToo()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    f.mutateBehindCachesBack(u"UPDATE keys SET hash = 'x' WHERE id = ?"_s, {key.id});
    h.server().database().bumpGeneration();
    QCOMPARE(f.verifyData(key.key), NotFound);
    const QString hash = QString::fromLatin1(Latchkey::Core::hashKey(key.key.toUtf8()));
    f.mutateBehindCachesBack(u"UPDATE keys SET hash = ? WHERE id = ?"_s, {hash, key.id});
    QCOMPARE(f.verifyData(key.key), NotFound); // the negative answer came from the cache
    h.server().database().bumpGeneration();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
}

void TestVerify::eventsArePublished()
{
    ApiHarness h;
    VerifyFixture f(h);
    f.createIdentity(u"user_9"_s);
    const TestKey key
        = f.createKey({{u"externalId"_s, u"user_9"_s}, {u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    QCOMPARE(f.verify(key.key,
                  {{u"tags"_s, QJsonArray {u"path=/a"_s, u"m=GET"_s}}, {u"credits"_s, QJsonObject {{u"cost"_s, 3}}}})
                 .status,
        200);
    (void)f.verify(u"sk_unknown"_s);
    const QList<Latchkey::Core::VerificationEvent> events = f.events();
    QCOMPARE(events.size(), 1);
    const Latchkey::Core::VerificationEvent &event = events.constFirst();
    QCOMPARE(event.outcome, u"VALID"_s);
    QCOMPARE(event.keyId, key.id);
    QCOMPARE(event.apiId, f.apiId);
    QCOMPARE(event.keyspaceId, f.keyspaceId);
    QCOMPARE(event.workspaceId, h.workspaceId());
    QCOMPARE(event.externalId, u"user_9"_s);
    QVERIFY(event.identityId.startsWith(u"id_"));
    QCOMPARE(event.tags, (QStringList {u"path=/a"_s, u"m=GET"_s}));
    QCOMPARE(event.spentCredits, 3);
    QCOMPARE(event.node, u"test-node"_s);
    QCOMPARE(event.timeMs, h.clock().nowMs());
    QVERIFY(event.requestId.startsWith(u"req_"));
    QVERIFY(event.latencyUs >= 0);
}

void TestVerify::verificationWritesNoAuditRows()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 10}}}});
    const qint64 before = f.scalar(u"SELECT count(*) FROM audit_logs"_s).toLongLong();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM audit_logs"_s).toLongLong(), before);
}

void TestVerify::migrationIdFindsNativeHashes()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    f.mutate(u"UPDATE keys SET pending_migration_id = 'm_1' WHERE id = ?"_s, {key.id});
    QCOMPARE(f.verifyData(key.key, {{u"migrationId"_s, u"m_1"_s}}).value(u"code").toString(), u"VALID"_s);
    QCOMPARE(f.verifyData(u"sk_unknown"_s, {{u"migrationId"_s, u"m_1"_s}}), NotFound);
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
