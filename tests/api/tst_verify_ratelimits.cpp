#include "verifyfixture.h"

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

namespace {

QJsonObject limit(const QString &name, qint64 max, qint64 duration, bool autoApply)
{
    return QJsonObject {{u"name"_s, name}, {u"limit"_s, max}, {u"duration"_s, duration}, {u"autoApply"_s, autoApply}};
}

QJsonObject keyWithLimits(const QJsonArray &limits, const QString &externalId = {})
{
    QJsonObject request {{u"ratelimits"_s, limits}};
    if (!externalId.isEmpty())
        request.insert(u"externalId"_s, externalId);
    return request;
}

QJsonObject request(const QJsonArray &limits)
{
    return QJsonObject {{u"ratelimits"_s, limits}};
}

QJsonObject named(const QString &name, qint64 cost = -1)
{
    QJsonObject entry {{u"name"_s, name}};
    if (cost >= 0)
        entry.insert(u"cost"_s, cost);
    return entry;
}

// The entry named @p name of a verify answer's ratelimits[].
QJsonObject entryNamed(const QJsonObject &data, const QString &name)
{
    for (const QJsonValue &value : data.value(u"ratelimits").toArray()) {
        if (value.toObject().value(u"name").toString() == name)
            return value.toObject();
    }
    return {};
}

QString code(const QJsonObject &data)
{
    return data.value(u"code").toString();
}

} // namespace

/// keys.verifyKey and rate limits (reference §2.6, §3): auto-applied, named, ad-hoc, identity
/// limits shared across keys, key precedence, 412 for unknown names, all-or-nothing batches.
class TestVerifyRatelimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void autoAppliedLimitAnswersExactFields();
    void namedLimitOnlyWhenRequested();
    void requestedCost();
    void customLimitCountsPerKey();
    void identityLimitIsSharedAcrossKeys();
    void keyLimitTakesPrecedenceOverIdentity();
    void fallsBackToIdentityLimits();
    void unknownNameIs412_data();
    void unknownNameIs412();
    void allOrNothing();
    void sameConfigDifferentNamesAreIsolated();
    void windowsSlide();
};

void TestVerifyRatelimits::autoAppliedLimitAnswersExactFields()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(keyWithLimits({limit(u"requests"_s, 2, 60000, true)}));
    const QString id = f.scalar(u"SELECT id FROM ratelimits WHERE key_id = ?"_s, {key.id}).toString();
    const qint64 now = h.clock().nowMs(); // a multiple of 60 s: the window ends a minute later
    QJsonObject data = f.verifyData(key.key); // no ratelimits in the request: auto-apply still runs
    QCOMPARE(code(data), u"VALID"_s);
    const QJsonArray expected {
        QJsonObject {{u"exceeded"_s, false}, {u"id"_s, id}, {u"name"_s, u"requests"_s}, {u"limit"_s, 2},
            {u"duration"_s, 60000}, {u"reset"_s, now + 60000}, {u"remaining"_s, 1}, {u"autoApply"_s, true}}};
    QCOMPARE(data.value(u"ratelimits").toArray(), expected);
    QCOMPARE(code(f.verifyData(key.key)), u"VALID"_s);
    data = f.verifyData(key.key);
    QCOMPARE(code(data), u"RATE_LIMITED"_s);
    QCOMPARE(data.value(u"valid").toBool(), false);
    QCOMPARE(entryNamed(data, u"requests"_s).value(u"exceeded").toBool(), true);
    QCOMPARE(entryNamed(data, u"requests"_s).value(u"remaining").toInteger(), 0);
    QCOMPARE(f.events().constLast().outcome, u"RATE_LIMITED"_s);
}

void TestVerifyRatelimits::namedLimitOnlyWhenRequested()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(keyWithLimits({limit(u"expensive"_s, 1, 60000, false)}));
    QVERIFY(!f.verifyData(key.key).contains(u"ratelimits"));
    QVERIFY(!f.verifyData(key.key).contains(u"ratelimits"));
    QJsonObject data = f.verifyData(key.key, request({named(u"expensive"_s)}));
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(entryNamed(data, u"expensive"_s).value(u"autoApply").toBool(), false);
    QCOMPARE(code(f.verifyData(key.key, request({named(u"expensive"_s)}))), u"RATE_LIMITED"_s);
    // A lone limit or duration in the request does not override the stored config.
    data = f.verifyData(key.key, request({QJsonObject {{u"name"_s, u"expensive"_s}, {u"limit"_s, 100}}}));
    QCOMPARE(code(data), u"RATE_LIMITED"_s);
    QCOMPARE(entryNamed(data, u"expensive"_s).value(u"limit").toInteger(), 1);
}

void TestVerifyRatelimits::requestedCost()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(keyWithLimits({limit(u"tokens"_s, 10, 60000, true)}));
    QJsonObject data = f.verifyData(key.key, request({named(u"tokens"_s, 4)}));
    QCOMPARE(entryNamed(data, u"tokens"_s).value(u"remaining").toInteger(), 6);
    QCOMPARE(data.value(u"ratelimits").toArray().size(), 1); // the request replaced the auto-applied entry
    data = f.verifyData(key.key, request({named(u"tokens"_s, 7)}));
    QCOMPARE(code(data), u"RATE_LIMITED"_s);
    data = f.verifyData(key.key, request({named(u"tokens"_s, 0)})); // cost 0 checks without consuming
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(entryNamed(data, u"tokens"_s).value(u"remaining").toInteger(), 6);
}

void TestVerifyRatelimits::customLimitCountsPerKey()
{
    ApiHarness h;
    VerifyFixture f(h);
    const QString identity = f.createIdentity(u"owner"_s);
    QVERIFY(!identity.isEmpty());
    const TestKey first = f.createKey({{u"externalId"_s, u"owner"_s}});
    const TestKey second = f.createKey({{u"externalId"_s, u"owner"_s}});
    const QJsonObject custom {{u"name"_s, u"adhoc"_s}, {u"limit"_s, 1}, {u"duration"_s, 30000}, {u"cost"_s, 1}};
    QJsonObject data = f.verifyData(first.key, request({custom}));
    QCOMPARE(code(data), u"VALID"_s);
    const qint64 now = h.clock().nowMs();
    QCOMPARE(data.value(u"ratelimits").toArray(),
        QJsonArray {QJsonObject({{u"exceeded"_s, false}, {u"id"_s, u""_s}, {u"name"_s, u"adhoc"_s}, {u"limit"_s, 1},
            {u"duration"_s, 30000}, {u"reset"_s, now + 30000}, {u"remaining"_s, 0}, {u"autoApply"_s, false}})});
    QCOMPARE(code(f.verifyData(first.key, request({custom}))), u"RATE_LIMITED"_s);
    // Ad-hoc limits count per key even when the key has an identity.
    QCOMPARE(code(f.verifyData(second.key, request({custom}))), u"VALID"_s);
}

void TestVerifyRatelimits::identityLimitIsSharedAcrossKeys()
{
    ApiHarness h;
    VerifyFixture f(h);
    f.createIdentity(u"team"_s, {limit(u"shared"_s, 3, 60000, true)});
    const TestKey first = f.createKey({{u"externalId"_s, u"team"_s}});
    const TestKey second = f.createKey({{u"externalId"_s, u"team"_s}});
    QCOMPARE(code(f.verifyData(first.key)), u"VALID"_s);
    QCOMPARE(code(f.verifyData(second.key)), u"VALID"_s);
    const QJsonObject data = f.verifyData(first.key);
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(entryNamed(data, u"shared"_s).value(u"remaining").toInteger(), 0);
    QCOMPARE(code(f.verifyData(second.key)), u"RATE_LIMITED"_s);
    // A key of another identity has its own counter.
    f.createIdentity(u"other-team"_s, {limit(u"shared"_s, 3, 60000, true)});
    QCOMPARE(code(f.verifyData(f.createKey({{u"externalId"_s, u"other-team"_s}}).key)), u"VALID"_s);
}

void TestVerifyRatelimits::keyLimitTakesPrecedenceOverIdentity()
{
    ApiHarness h;
    VerifyFixture f(h);
    f.createIdentity(u"user"_s, {limit(u"requests"_s, 1, 60000, true)});
    const TestKey key = f.createKey(keyWithLimits({limit(u"requests"_s, 3, 60000, true)}, u"user"_s));
    const QString keyLimitId = f.scalar(u"SELECT id FROM ratelimits WHERE key_id = ?"_s, {key.id}).toString();
    for (int i = 0; i < 3; ++i) {
        const QJsonObject data = f.verifyData(key.key);
        QCOMPARE(code(data), u"VALID"_s);
        QCOMPARE(data.value(u"ratelimits").toArray().size(), 1);
        QCOMPARE(entryNamed(data, u"requests"_s).value(u"id").toString(), keyLimitId);
    }
    QCOMPARE(code(f.verifyData(key.key, request({named(u"requests"_s)}))), u"RATE_LIMITED"_s);
}

void TestVerifyRatelimits::fallsBackToIdentityLimits()
{
    ApiHarness h;
    VerifyFixture f(h);
    f.createIdentity(u"user"_s, {limit(u"daily"_s, 2, 86'400'000, false)});
    const TestKey key = f.createKey(keyWithLimits({limit(u"minute"_s, 100, 60000, true)}, u"user"_s));
    QCOMPARE(code(f.verifyData(key.key, request({named(u"daily"_s)}))), u"VALID"_s);
    const QJsonObject data = f.verifyData(key.key, request({named(u"daily"_s)}));
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(data.value(u"ratelimits").toArray().size(), 2);
    QCOMPARE(code(f.verifyData(key.key, request({named(u"daily"_s)}))), u"RATE_LIMITED"_s);
}

void TestVerifyRatelimits::unknownNameIs412_data()
{
    QTest::addColumn<bool>("withIdentity");
    QTest::addColumn<bool>("loneLimit");
    QTest::newRow("with identity") << true << false;
    QTest::newRow("without identity") << false << false;
    // A limit without a duration is not an ad-hoc limit: the name must exist.
    QTest::newRow("invalid ratelimit configuration") << false << true;
}

void TestVerifyRatelimits::unknownNameIs412()
{
    QFETCH(bool, withIdentity);
    QFETCH(bool, loneLimit);
    ApiHarness h;
    VerifyFixture f(h);
    QString identityId;
    if (withIdentity)
        identityId = f.createIdentity(u"ext_1"_s);
    QJsonObject keyRequest = keyWithLimits({limit(u"auto"_s, 5, 60000, true)}, withIdentity ? u"ext_1"_s : QString());
    keyRequest.insert(u"credits"_s, QJsonObject {{u"remaining"_s, 5}});
    const TestKey key = f.createKey(keyRequest);
    QJsonObject missing = named(u"missing"_s);
    if (loneLimit)
        missing.insert(u"limit"_s, 10);
    const auto reply = f.verify(key.key, request({missing}));
    QVERIFY2(reply.status == 412, reply.describe().constData());
    QCOMPARE(reply.error().value(u"title").toString(), u"Precondition Failed"_s);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/precondition_failed"_s);
    const QString expected = withIdentity
        ? u"ratelimit 'missing' was requested but does not exist for key '%1' nor identity: '%2' external ID: 'ext_1'"_s
              .arg(key.id, identityId)
        : u"ratelimit 'missing' was requested but does not exist for key '%1' and there is no identity connected."_s
              .arg(key.id);
    QCOMPARE(reply.detail(), expected);
    // Nothing was consumed: no credit, no rate-limit token, no event.
    QCOMPARE(f.remaining(key.id), 5);
    QVERIFY(f.events().isEmpty());
    QCOMPARE(entryNamed(f.verifyData(key.key), u"auto"_s).value(u"remaining").toInteger(), 4);
}

void TestVerifyRatelimits::allOrNothing()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(
        keyWithLimits({limit(u"minute"_s, 12, 60000, true), limit(u"month"_s, 200, 2'592'000'000, true)}));
    for (int i = 0; i < 12; ++i)
        QCOMPARE(code(f.verifyData(key.key)), u"VALID"_s);
    QJsonObject data = f.verifyData(key.key);
    QCOMPARE(code(data), u"RATE_LIMITED"_s);
    QCOMPARE(entryNamed(data, u"minute"_s).value(u"exceeded").toBool(), true);
    QCOMPARE(entryNamed(data, u"month"_s).value(u"exceeded").toBool(), false);
    // The rejected batch consumed nothing: the monthly counter is at 12, not 13.
    data = f.verifyData(key.key,
        request({QJsonObject {{u"name"_s, u"month"_s}, {u"cost"_s, 0}},
            QJsonObject {{u"name"_s, u"minute"_s}, {u"cost"_s, 0}}}));
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(entryNamed(data, u"month"_s).value(u"remaining").toInteger(), 188);
}

void TestVerifyRatelimits::sameConfigDifferentNamesAreIsolated()
{
    ApiHarness h;
    VerifyFixture f(h);
    f.createIdentity(u"user"_s, {limit(u"alpha"_s, 1, 60000, false), limit(u"beta"_s, 1, 60000, false)});
    const TestKey key = f.createKey({{u"externalId"_s, u"user"_s}});
    QCOMPARE(code(f.verifyData(key.key, request({named(u"alpha"_s)}))), u"VALID"_s);
    QCOMPARE(code(f.verifyData(key.key, request({named(u"beta"_s)}))), u"VALID"_s);
    QCOMPARE(code(f.verifyData(key.key, request({named(u"alpha"_s)}))), u"RATE_LIMITED"_s);
    QCOMPARE(code(f.verifyData(key.key, request({named(u"beta"_s)}))), u"RATE_LIMITED"_s);
}

void TestVerifyRatelimits::windowsSlide()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey(keyWithLimits({limit(u"requests"_s, 2, 10000, true)}));
    QCOMPARE(code(f.verifyData(key.key)), u"VALID"_s);
    QCOMPARE(code(f.verifyData(key.key)), u"VALID"_s);
    QCOMPARE(code(f.verifyData(key.key)), u"RATE_LIMITED"_s);
    h.clock().advanceMs(20000); // two windows later the previous window no longer counts
    const QJsonObject data = f.verifyData(key.key);
    QCOMPARE(code(data), u"VALID"_s);
    QCOMPARE(entryNamed(data, u"requests"_s).value(u"reset").toInteger(), h.clock().nowMs() + 10000);
}

QTEST_GUILESS_MAIN(TestVerifyRatelimits)
#include "tst_verify_ratelimits.moc"
