// A deterministic driver for callgrind: opens a server in-process (no sockets), seeds one API and
// a key, then sends N keys.verifyKey requests through the real router. Run it twice with different
// N under `valgrind --tool=callgrind` and divide the difference of the totals by the difference of
// N: that is the instruction count (Ir) of one verification, free of start-up cost and noise.
//
//   latchkey_verify_loop <scenario> <count> [analytics-off]
//   scenario: plain (valid key, no limits) | credits (key with credits + auto-applied rate limit)
//             | unknown (a distinct unknown key each time) | ratelimit (ratelimit.limit)
//   analytics-off: the server discards analytics events (--analytics-enabled false), so the
//             difference of the totals shows what recording costs (the writer thread included).
#include "api/principal.h"
#include "api/router.h"
#include "http/deferredresponse.h"
#include "core/clock.h"
#include "server/server.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

QByteArray post(Api::Router &router, const QByteArray &path, const QByteArray &rootKey, const QByteArray &body)
{
    Http::Request request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + rootKey}};
    request.remoteAddress = QHostAddress::LocalHost;
    Http::Response response = router.handle(request);
    if (response.deferred) // keys.verifyKey with credits answers when its spend committed
        response = response.deferred->waitAndTake(std::chrono::minutes(1)).value_or(Http::Response {503, {}, {}, {}});
    if (response.status != 200) {
        std::fprintf(stderr, "%s -> %d %s\n", path.constData(), response.status, response.body.constData());
        std::exit(2);
    }
    return response.body;
}

QJsonObject dataOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"data"_s).toObject();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString scenario = argc > 1 ? QString::fromLatin1(argv[1]) : u"plain"_s;
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
    QTemporaryDir dir;
    Server::ServerConfig config;
    config.dataDir = dir.path();
    config.bootstrapRootKey = u"lkroot_bench_0123456789abcdef"_s;
    config.nodeName = u"bench"_s;
    config.analyticsEnabled = !(argc > 3 && qstrcmp(argv[3], "analytics-off") == 0);
    Core::ManualClock clock(1'767'225'600'000);
    Server::Server server(config, &clock);
    if (const Core::Status opened = server.open(); !opened) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(opened.error().detail));
        return 1;
    }
    Api::Router &router = server.router();
    const QByteArray root = config.bootstrapRootKey.toUtf8();
    const QString apiId = dataOf(post(router, "/v2/apis.createApi", root, compact({{u"name"_s, u"bench"_s}})))
                              .value(u"apiId"_s)
                              .toString();
    QJsonObject keyRequest {{u"apiId"_s, apiId}};
    if (scenario == u"credits") {
        keyRequest.insert(u"credits"_s, QJsonObject {{u"remaining"_s, 1'000'000'000}});
        keyRequest.insert(u"ratelimits"_s,
            QJsonArray {QJsonObject {{u"name"_s, u"requests"_s}, {u"limit"_s, 1'000'000}, {u"duration"_s, 1000},
                {u"autoApply"_s, true}}});
    }
    const QString key = dataOf(post(router, "/v2/keys.createKey", root, compact(keyRequest))).value(u"key"_s).toString();

    for (int i = 0; i < count; ++i) {
        if (scenario == u"ratelimit") {
            (void)post(router, "/v2/ratelimit.limit", root,
                R"({"namespace":"bench","identifier":"user-1","limit":1000000000,"duration":60000})");
        } else if (scenario == u"unknown") {
            (void)post(router, "/v2/keys.verifyKey", root, R"({"key":"unknown_)" + QByteArray::number(i) + "\"}");
        } else {
            (void)post(router, "/v2/keys.verifyKey", root, compact({{u"key"_s, key}}));
        }
    }
    server.stop();
    std::printf("%d %s requests done\n", count, qPrintable(scenario));
    return 0;
}
