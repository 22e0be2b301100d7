// Per-key cache invalidation: a mutation of one key through the API is seen by that key's next
// verification, while every other cached key stays cached (no reload from the database); writes
// that change more than key rows still mark every cache stale; a loader that read the database
// before an invalidation cannot store what it read.
#include "verifyfixture.h"

#include "api/verificationcache.h"
#include "api/verifier.h"
#include "core/keyhash.h"
#include "core/metrics.h"

using namespace Qt::StringLiterals;
using Latchkey::Api::VerificationCache;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

class TestVerifyInvalidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneKeysMutationIsSeenAndOthersStayCached_data();
    void oneKeysMutationIsSeenAndOthersStayCached();
    void negativeEntryOfAKeysHashIsDropped();
    void broaderWritesStillInvalidateEverything();
    void loadReadBeforeAnInvalidationIsNotStored();
};

namespace {

struct Mutation {
    QString route;
    QJsonObject body; ///< keyId is added
    QString expectCode; ///< data.code of the mutated key's next verification
    QString field; ///< a data member to check, if any
    QJsonValue expectField;
};

} // namespace

Q_DECLARE_METATYPE(Mutation)

void TestVerifyInvalidation::oneKeysMutationIsSeenAndOthersStayCached_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<bool>("keyOnly"); ///< the write changes only the key's row (+ audit log)
    QTest::newRow("updateKey name") << Mutation {u"keys.updateKey"_s, {{u"name"_s, u"after"_s}}, u"VALID"_s,
        u"name"_s, u"after"_s} << true;
    QTest::newRow("updateKey disabled") << Mutation {u"keys.updateKey"_s, {{u"enabled"_s, false}}, u"DISABLED"_s, {}, {}}
                                        << true;
    QTest::newRow("updateKey expires") << Mutation {u"keys.updateKey"_s, {{u"expires"_s, 1'767'225'000'000LL}},
        u"EXPIRED"_s, {}, {}} << true;
    QTest::newRow("updateKey meta") << Mutation {u"keys.updateKey"_s, {{u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}},
        u"VALID"_s, u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}} << true;
    QTest::newRow("updateCredits set 0") << Mutation {u"keys.updateCredits"_s,
        {{u"operation"_s, u"set"_s}, {u"value"_s, 0}}, u"USAGE_EXCEEDED"_s, u"credits"_s, 0} << true;
    QTest::newRow("updateCredits increment") << Mutation {u"keys.updateCredits"_s,
        {{u"operation"_s, u"increment"_s}, {u"value"_s, 5}}, u"VALID"_s, u"credits"_s, 8} << true; // 4 left + 5, minus this verification
    QTest::newRow("updateCredits decrement") << Mutation {u"keys.updateCredits"_s,
        {{u"operation"_s, u"decrement"_s}, {u"value"_s, 5}}, u"USAGE_EXCEEDED"_s, u"credits"_s, 0} << true;
    QTest::newRow("deleteKey (soft)") << Mutation {u"keys.deleteKey"_s, {}, u"NOT_FOUND"_s, {}, {}} << true;
    QTest::newRow("addPermissions") << Mutation {u"keys.addPermissions"_s,
        {{u"permissions"_s, QJsonArray {u"documents.read"_s}}}, u"VALID"_s, u"permissions"_s,
        QJsonArray {u"documents.read"_s, u"seed.perm"_s}} << false;
    QTest::newRow("setPermissions (none)") << Mutation {u"keys.setPermissions"_s, {{u"permissions"_s, QJsonArray {}}},
        u"VALID"_s, u"permissions"_s, QJsonValue::Undefined} << false;
    QTest::newRow("deleteKey (permanent)") << Mutation {u"keys.deleteKey"_s, {{u"permanent"_s, true}}, u"NOT_FOUND"_s,
        {}, {}} << false;
}

void TestVerifyInvalidation::oneKeysMutationIsSeenAndOthersStayCached()
{
    QFETCH(Mutation, mutation);
    QFETCH(bool, keyOnly);
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 5}}},
        {u"permissions"_s, QJsonArray {u"seed.perm"_s}}});
    const TestKey other = f.createKey({{u"name"_s, u"other"_s}});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s); // spends 1: 4 left
    QCOMPARE(f.verifyData(other.key).value(u"code").toString(), u"VALID"_s);
    Latchkey::Core::Metrics &metrics = h.server().metrics();
    const quint64 generation = h.server().database().generation();

    QJsonObject body = mutation.body;
    body.insert(u"keyId"_s, key.id);
    const auto reply = h.call(mutation.route, body);
    QVERIFY2(reply.status == 200, reply.describe().constData());

    const quint64 missesBefore = metrics.cacheMisses();
    const QJsonObject data = f.verifyData(key.key);
    QCOMPARE(data.value(u"code").toString(), mutation.expectCode);
    if (!mutation.field.isEmpty())
        QCOMPARE(data.value(mutation.field), mutation.expectField);
    QCOMPARE(metrics.cacheMisses(), missesBefore + 1); // the mutated key was reloaded

    // The other key: still a cache hit after a key-only write, reloaded after a broader one.
    QCOMPARE(f.verifyData(other.key).value(u"name").toString(), u"other"_s);
    QCOMPARE(metrics.cacheMisses(), missesBefore + (keyOnly ? 1 : 2));
    QCOMPARE(h.server().database().generation() == generation, keyOnly);
}

void TestVerifyInvalidation::negativeEntryOfAKeysHashIsDropped()
{
    // A key row that gets the hash of a key cached as unknown (as a created or migrated key
    // would) must verify at once: the per-key invalidation drops the negative entry too.
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    const QString hash = QString::fromLatin1(Latchkey::Core::hashKey(key.key.toUtf8()));
    f.mutate(u"UPDATE keys SET hash = 'elsewhere' WHERE id = ?"_s, {key.id});
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"NOT_FOUND"_s); // cached as unknown
    const quint64 generation = h.server().database().generation();
    f.mutate(u"UPDATE keys SET hash = ? WHERE id = ?"_s, {hash, key.id});
    QCOMPARE(h.server().database().generation(), generation); // per key, not everything
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
}

void TestVerifyInvalidation::broaderWritesStillInvalidateEverything()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey();
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"VALID"_s);
    // An API deleted: no key row changes, yet every key of it must stop verifying.
    const quint64 generation = h.server().database().generation();
    const auto reply = h.call(u"apis.deleteApi"_s, QJsonObject {{u"apiId"_s, f.apiId}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(h.server().database().generation() > generation);
    QCOMPARE(f.verifyData(key.key).value(u"code").toString(), u"NOT_FOUND"_s);
}

void TestVerifyInvalidation::loadReadBeforeAnInvalidationIsNotStored()
{
    VerificationCache cache;
    const QByteArray hash = Latchkey::Core::hashKey("sk_race");
    const quint64 before = cache.invalidations();
    cache.invalidateKeys({{u"key_1"_s, hash}}); // a write committed while the loader read
    cache.insert(hash, 1, nullptr, before);
    QVERIFY(!cache.find(hash, 1).has_value());
    cache.insert(hash, 1, nullptr, cache.invalidations());
    QVERIFY(cache.find(hash, 1).has_value());
    cache.invalidateKeys({{u"key_1"_s, hash}});
    QVERIFY(!cache.find(hash, 1).has_value());
}

QTEST_GUILESS_MAIN(TestVerifyInvalidation)
#include "tst_verify_invalidation.moc"
