#include "api/router.h"
#include "api/routes.h"
#include "api/verificationcache.h"
#include "api/verifier.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

constexpr qint64 MaxCreditCost = 1'000'000'000'000;

void readCredits(RequestReader &in, VerifyRequest &request)
{
    if (std::optional<RequestReader> credits = in.child(u"credits"_s, {})) {
        const Field<qint64> cost
            = credits->integer(u"cost"_s, {.required = true, .minimum = 0, .maximum = MaxCreditCost});
        if (cost.hasValue())
            request.cost = cost.value;
        (void)credits->finish();
    }
}

void readRatelimits(RequestReader &in, VerifyRequest &request)
{
    std::optional<QList<RequestReader>> items = in.objectArray(u"ratelimits"_s, {});
    if (!items)
        return;
    for (RequestReader &item : *items) {
        RequestedLimit limit;
        limit.name = item.string(u"name"_s, {.required = true, .minLength = 3, .maxLength = 255}).value;
        limit.cost = item.integer(u"cost"_s, {.minimum = 0}).valueOr(1);
        if (const Field<qint64> max = item.integer(u"limit"_s, {.minimum = 0}); max.hasValue())
            limit.limit = max.value;
        if (const Field<qint64> duration = item.integer(u"duration"_s, {.minimum = 0}); duration.hasValue())
            limit.durationMs = duration.value;
        (void)item.finish();
        request.ratelimits.append(std::move(limit));
    }
}

// The query is parsed here, once, but its syntax error is reported by the pipeline at step 6, so
// that an unknown key still answers NOT_FOUND rather than 400 (reference §2.3).
void readPermissions(RequestReader &in, VerifyRequest &request)
{
    const Field<QString> query = in.string(u"permissions"_s, {.minLength = 1, .maxLength = 1000});
    if (!query.hasValue())
        return;
    Core::Result<Core::PermissionQuery> parsed = Core::PermissionQuery::parse(query.value);
    if (parsed) {
        request.permissions = std::move(*parsed);
        return;
    }
    Core::Error error = parsed.error();
    error.fieldErrors.append({in.location() + u".permissions"_s, error.detail,
        u"Check the query syntax: permissions joined by AND / OR, grouped with parentheses."_s});
    request.permissionsError = std::move(error);
}

Execute executeVerify(const std::shared_ptr<Verifier> &verifier, VerifyRequest request)
{
    return Execute([verifier, request = std::move(request)](ApiContext &context) -> Core::Result<ApiReply> {
        return verifier->verify(request, context);
    });
}

constexpr bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// `{"key":"..."}` (JSON whitespace allowed between tokens), the body every SDK sends for a plain
// verification, read without building a QJsonDocument and a RequestReader (about 10k
// instructions of a 38k-instruction verification, callgrind). Anything else - other members,
// escapes, control or non-ASCII characters, a key outside 1..512 characters - returns nullopt
// and takes the full path, which also produces every error message.
std::optional<QString> plainKeyOnly(QByteArrayView body)
{
    qsizetype at = 0;
    const auto skipSpace = [&] {
        while (at < body.size() && isJsonSpace(body[at]))
            ++at;
    };
    const auto expect = [&](QByteArrayView token) {
        skipSpace();
        if (!body.sliced(at).startsWith(token))
            return false;
        at += token.size();
        return true;
    };
    if (!expect("{") || !expect("\"key\"") || !expect(":") || !expect("\""))
        return std::nullopt;
    const qsizetype start = at;
    while (at < body.size() && body[at] != '"') {
        const auto c = uchar(body[at]);
        if (c < 0x20 || c >= 0x80 || c == '\\')
            return std::nullopt;
        ++at;
    }
    const qsizetype length = at - start;
    if (at == body.size() || length < 1 || length > 512)
        return std::nullopt;
    ++at;
    if (!expect("}"))
        return std::nullopt;
    skipSpace();
    if (at != body.size())
        return std::nullopt;
    return QString::fromLatin1(body.sliced(start, length));
}

Core::Result<Execute> decodeVerify(RequestReader &in, const std::shared_ptr<Verifier> &verifier)
{
    VerifyRequest request;
    request.key = in.string(u"key"_s, {.required = true, .minLength = 1, .maxLength = 512}).value;
    request.tags = in.stringArray(u"tags"_s, {.maxItems = 20}, {.minLength = 1, .maxLength = 512}).value;
    readPermissions(in, request);
    readCredits(in, request);
    readRatelimits(in, request);
    request.migrationId = in.string(u"migrationId"_s, {.maxLength = 256}).value;
    if (!in.finish())
        return in.error();
    return executeVerify(verifier, std::move(request));
}

} // namespace

// keys.verifyKey answers 200 for every verification outcome; a root key that may not verify this
// key's API gets the same minimal NOT_FOUND as an unknown key, so key existence never leaks.
void registerVerifyRoutes(Router &router, Services &services)
{
    auto cache = std::make_shared<VerificationCache>();
    services.verificationCache = cache.get();
    auto lastUse = std::make_shared<KeyLastUse>();
    services.keyLastUse = lastUse.get();
    auto verifier = std::make_shared<Verifier>(services, std::move(cache), std::move(lastUse));
    router.add({
        .path = QByteArrayLiteral("/v2/keys.verifyKey"),
        .permissions = u"api.*.verify_key | api.<apiId>.verify_key (else 200 NOT_FOUND)"_s,
        .decode = [verifier](RequestReader &in) { return decodeVerify(in, verifier); },
        .fastDecode = [verifier](const QByteArray &body) -> std::optional<Execute> {
            std::optional<QString> key = plainKeyOnly(body);
            if (!key)
                return std::nullopt;
            VerifyRequest request;
            request.key = std::move(*key);
            return executeVerify(verifier, std::move(request));
        },
    });
}

} // namespace Latchkey::Api
