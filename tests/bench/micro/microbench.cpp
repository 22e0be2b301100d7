// Google Benchmark micro-benchmarks of the keys.verifyKey hot-path pieces, in-process (ns/op).
// Run: build-*/tests/bench/micro/latchkey_micro_bench --benchmark_min_time=0.2
// Figures and how they were produced: docs/BENCHMARKS.md, "Micro-benchmarks".
#include "api/envelope.h"
#include "api/requestreader.h"
#include "api/verificationcache.h"
#include "core/base58.h"
#include "core/clock.h"
#include "core/keyhash.h"
#include "core/permissionquery.h"
#include "core/random.h"
#include "limits/slidingwindow.h"

#include <QJsonDocument>
#include <QSet>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

const QByteArray SampleKey = QByteArrayLiteral("sk_3fX9aQ0b7LmN2pQrZk8vWc4sTyHn6JdE");
const QByteArray VerifyBody = QByteArrayLiteral(R"({"key":"sk_3fX9aQ0b7LmN2pQrZk8vWc4sTyHn6JdE"})");

void sha256OfKey(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::hashKey(SampleKey));
}
BENCHMARK(sha256OfKey);

void base58Encode(benchmark::State &state)
{
    const QByteArray bytes = Core::secureRandomBytes(16); // a key's random part
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::base58Encode(bytes));
}
BENCHMARK(base58Encode);

void requestId(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::newRequestId());
}
BENCHMARK(requestId);

const QString Query = u"(documents.read OR documents.write) AND api.read AND NOT_A_TRAP.x"_s;

void permissionQueryParse(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::PermissionQuery::parse(Query));
}
BENCHMARK(permissionQueryParse);

void permissionQueryEvaluate(benchmark::State &state)
{
    const Core::PermissionQuery query = Core::PermissionQuery::parse(Query).value();
    const QSet<QString> held {u"documents.*"_s, u"api.read"_s, u"NOT_A_TRAP.x"_s, u"billing.read"_s};
    for (auto _ : state)
        benchmark::DoNotOptimize(query.evaluate(held));
}
BENCHMARK(permissionQueryEvaluate);

void slidingWindowCheck(benchmark::State &state)
{
    Core::ManualClock clock;
    Limits::SlidingWindowLimiter limiter(clock);
    const Limits::LimitRequest request {u"ws_1"_s, u"requests"_s, u"key_1"_s, 1'000'000'000, 60'000, 1};
    for (auto _ : state)
        benchmark::DoNotOptimize(limiter.check(request));
}
BENCHMARK(slidingWindowCheck);

void cacheLookupHit(benchmark::State &state)
{
    Api::VerificationCache cache;
    QList<QByteArray> hashes;
    for (int i = 0; i < 1000; ++i) {
        hashes.append(Core::hashKey(QByteArray::number(i)));
        cache.insert(hashes.constLast(), 1, nullptr);
    }
    qsizetype i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(cache.find(hashes.at(i++ % hashes.size()), 1));
}
BENCHMARK(cacheLookupHit);

void verifyRequestDecode(benchmark::State &state)
{
    for (auto _ : state) {
        Api::RequestReader reader(QJsonDocument::fromJson(VerifyBody).object());
        benchmark::DoNotOptimize(reader.string(u"key"_s, {.required = true, .minLength = 1, .maxLength = 512}));
        benchmark::DoNotOptimize(reader.finish());
    }
}
BENCHMARK(verifyRequestDecode);

void verifyResponseEncode(benchmark::State &state)
{
    Api::ApiReply reply;
    reply.rawData = QByteArrayLiteral(R"({"valid":true,"code":"VALID","keyId":"key_3fX9aQ0b7LmN2pQr","enabled":true})");
    const QString requestId = u"req_3fX9aQ0b7LmN2pQr"_s;
    for (auto _ : state)
        benchmark::DoNotOptimize(Api::successResponse(requestId, reply));
}
BENCHMARK(verifyResponseEncode);

} // namespace

BENCHMARK_MAIN();
