#include "verifyfixture.h"

#include "api/router.h"
#include "api/verificationcache.h"
#include "api/verifier.h"
#include "core/keyhash.h"

#include <QThread>

using namespace Qt::StringLiterals;
using Latchkey::Api::VerifiableKey;
using Latchkey::Api::VerificationCache;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

namespace {

std::shared_ptr<const VerifiableKey> keyNamed(const QString &id)
{
    auto record = std::make_shared<Latchkey::Store::VerificationRecord>();
    record->keyId = id;
    record->apiId = u"api_1"_s;
    return std::make_shared<const VerifiableKey>(std::move(record));
}

QByteArray hashOf(int i)
{
    return Latchkey::Core::hashKey(QByteArray::number(i));
}

Latchkey::Http::Request verifyRequest(const QString &key, const QString &rootKey)
{
    Latchkey::Http::Request request;
    request.method = "POST";
    request.path = "/v2/keys.verifyKey";
    request.body = QJsonDocument(QJsonObject {{u"key"_s, key}}).toJson(QJsonDocument::Compact);
    request.headers = {{"Authorization", "Bearer " + rootKey.toUtf8()}};
    request.remoteAddress = QHostAddress::LocalHost;
    return request;
}

} // namespace

/// The verification cache on its own (generations, negative entries, bounds, threads), and the
/// cost of a cache-hit verification through the router.
class TestVerifyCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesBelongToTheirGeneration();
    void negativeEntries();
    void olderLoadsDoNotReplaceNewerOnes();
    void staysWithinCapacity();
    void unknownKeyFloodKeepsKnownKeys();
    void concurrentUse();
    void preparedKeyDerivesOnce();
    void benchmarkCacheHitVerification();
};

void TestVerifyCache::entriesBelongToTheirGeneration()
{
    VerificationCache cache;
    QVERIFY(!cache.find(hashOf(1), 7));
    cache.insert(hashOf(1), 7, keyNamed(u"key_1"_s));
    const auto hit = cache.find(hashOf(1), 7);
    QVERIFY(hit.has_value());
    QCOMPARE((*hit)->record->keyId, u"key_1"_s);
    QVERIFY(!cache.find(hashOf(1), 8)); // any later commit makes it stale
    QVERIFY(!cache.find(hashOf(2), 7));
}

void TestVerifyCache::negativeEntries()
{
    VerificationCache cache;
    cache.insert(hashOf(1), 3, nullptr);
    const auto hit = cache.find(hashOf(1), 3);
    QVERIFY(hit.has_value()); // a hit...
    QVERIFY(!hit->get()); // ...that says "no such key"
    QVERIFY(!cache.find(hashOf(1), 4));
}

void TestVerifyCache::olderLoadsDoNotReplaceNewerOnes()
{
    VerificationCache cache;
    cache.insert(hashOf(1), 5, keyNamed(u"new"_s));
    cache.insert(hashOf(1), 4, keyNamed(u"old"_s));
    QCOMPARE((*cache.find(hashOf(1), 5))->record->keyId, u"new"_s);
}

void TestVerifyCache::staysWithinCapacity()
{
    VerificationCache cache(VerificationCache::ShardCount * 10);
    for (int i = 0; i < 5000; ++i)
        cache.insert(hashOf(i), 1, nullptr);
    QVERIFY2(cache.size() <= VerificationCache::ShardCount * 10, QByteArray::number(cache.size()).constData());
    QVERIFY(cache.size() > 0);
    // Stale entries make room first.
    for (int i = 0; i < 5000; ++i)
        cache.insert(hashOf(i + 5000), 2, nullptr);
    QVERIFY(cache.size() <= VerificationCache::ShardCount * 10);
    QVERIFY(cache.find(hashOf(9999), 2).has_value());
    cache.clear();
    QCOMPARE(cache.size(), 0);
}

void TestVerifyCache::unknownKeyFloodKeepsKnownKeys()
{
    // An attacker sending random keys fills the cache with negative entries: memory stays bounded
    // and the few keys in use stay cached (no database read on their next verification).
    const qsizetype capacity = VerificationCache::ShardCount * 10;
    VerificationCache cache(capacity);
    for (int i = 0; i < 3; ++i)
        cache.insert(hashOf(-1 - i), 1, keyNamed(QString::number(i)));
    for (int i = 0; i < 20000; ++i) {
        cache.insert(hashOf(i), 1, nullptr);
        QVERIFY(cache.size() <= capacity);
    }
    for (int i = 0; i < 3; ++i) {
        const auto hit = cache.find(hashOf(-1 - i), 1);
        QVERIFY2(hit && *hit, QByteArray::number(i).constData());
        QCOMPARE((*hit)->record->keyId, QString::number(i));
    }
    QVERIFY(cache.find(hashOf(19999), 1).has_value()); // the newest unknown key is still answered
}

void TestVerifyCache::concurrentUse()
{
    VerificationCache cache(1000);
    std::atomic<int> wrong {0};
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&cache, &wrong, t] {
            for (int i = 0; i < 20000; ++i) {
                const int n = (i * 7 + t) % 3000;
                if (const auto hit = cache.find(hashOf(n), 1);
                    hit && *hit && (*hit)->record->keyId != QString::number(n))
                    ++wrong;
                cache.insert(hashOf(n), 1, keyNamed(QString::number(n)));
            }
        }));
        threads.constLast()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QCOMPARE(wrong.load(), 0);
    QVERIFY(cache.size() <= 1000);
}

void TestVerifyCache::preparedKeyDerivesOnce()
{
    auto record = std::make_shared<Latchkey::Store::VerificationRecord>();
    record->keyId = u"key_1"_s;
    record->apiId = u"api_1"_s;
    record->enabled = true;
    record->identity = Latchkey::Core::Identity {u"id_1"_s, u"ext"_s, {}, {}};
    using Latchkey::Core::RatelimitOwner;
    record->ratelimits = {{{u"rl_k"_s, u"shared"_s, 5, 1000, false}, RatelimitOwner::Key},
        {{u"rl_a"_s, u"auto"_s, 5, 1000, true}, RatelimitOwner::Key},
        {{u"rl_i"_s, u"shared"_s, 9, 1000, true}, RatelimitOwner::Identity},
        {{u"rl_j"_s, u"daily"_s, 9, 1000, true}, RatelimitOwner::Identity}};
    const VerifiableKey key(std::move(record));
    QCOMPARE(key.verifyPermission, u"api.api_1.verify_key"_s);
    QCOMPARE(key.limitsByName.value(u"shared"_s).config.id, u"rl_k"_s); // the key's config wins
    QCOMPARE(key.autoApplied.size(), 2); // rl_a and rl_j, not rl_i
    const QJsonObject fields = QJsonDocument::fromJson('{' + key.responseFields + '}').object();
    QCOMPARE(fields.value(u"keyId").toString(), u"key_1"_s);
    const QJsonArray identityLimits = fields.value(u"identity").toObject().value(u"ratelimits").toArray();
    QCOMPARE(identityLimits.size(), 1);
    QCOMPARE(identityLimits.at(0).toObject().value(u"id").toString(), u"rl_j"_s);
}

void TestVerifyCache::benchmarkCacheHitVerification()
{
    ApiHarness h;
    VerifyFixture f(h);
    const TestKey key = f.createKey({{u"name"_s, u"bench"_s}, {u"permissions"_s, QJsonArray {u"a.b"_s}}});
    const Latchkey::Http::Request request = verifyRequest(key.key, h.rootKey());
    QCOMPARE(h.server().router().handle(request).status, 200);
    QLoggingCategory::setFilterRules(u"latchkey.access.info=false"_s);
    QBENCHMARK
    {
        const auto response = h.server().router().handle(request);
        if (response.status != 200)
            QFAIL("verification failed");
    }
}

QTEST_GUILESS_MAIN(TestVerifyCache)
#include "tst_verify_cache.moc"
