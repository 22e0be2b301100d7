#pragma once

#include "api/apicontext.h"
#include "api/keylastuse.h"
#include "api/verificationcache.h"
#include "core/error.h"
#include "core/events.h"
#include "core/permissionquery.h"
#include "store/creditcommitter.h"
#include "store/verificationstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <atomic>
#include <memory>
#include <optional>

namespace Latchkey::Api {

struct Services;

/// A key prepared for the hot path: the store record plus everything derived from it, computed
/// once per load and shared (immutable) by every verification that hits the cache.
struct VerifiableKey {
    explicit VerifiableKey(std::shared_ptr<const Store::VerificationRecord> loaded);

    std::shared_ptr<const Store::VerificationRecord> record;
    QSet<QString> permissionSet; ///< for PermissionQuery::evaluate
    QHash<QString, Store::VerificationLimit> limitsByName; ///< key-level configs win over identity ones
    QList<Store::VerificationLimit> autoApplied; ///< configs of limitsByName with autoApply
    QString verifyPermission; ///< "api.<apiId>.verify_key"
    /// The response fields that do not depend on the request (keyId, name, meta, expires, enabled,
    /// permissions, roles, identity), serialized once as compact JSON members without the
    /// enclosing braces; a verification appends them to its few per-request members.
    QByteArray responseFields;
    /// The newest balance this node has seen, for the `credits` of answers that stop before the
    /// credit step (Unkey shows its cached balance there too). Never used for a decision.
    mutable std::atomic<qint64> lastKnownRemaining {0};
    /// Where this node records the key's newest verification (KeyLastUse); null when the events
    /// are not stored (analytics disabled: no lastUsedAt at all then).
    KeyLastUse::Slot lastUse;
};

/// One `ratelimits[]` entry of a verifyKey request.
struct RequestedLimit {
    QString name;
    qint64 cost = 1;
    std::optional<qint64> limit; ///< with durationMs: an ad-hoc limit on the key
    std::optional<qint64> durationMs;
};

/// A decoded and validated keys.verifyKey request. The permission query is parsed while
/// decoding, but a syntax error is only reported at its step of the pipeline (§2.3 step 6).
struct VerifyRequest {
    QString key;
    QStringList tags;
    std::optional<Core::PermissionQuery> permissions;
    std::optional<Core::Error> permissionsError;
    std::optional<qint64> cost; ///< nullopt: 1 for keys with credits
    QList<RequestedLimit> ratelimits;
    QString migrationId;
};

/// The keys.verifyKey pipeline (reference §2.3): lookup through the cache, workspace / API /
/// root-key visibility (minimal NOT_FOUND), permission-query syntax (400), key state (DISABLED,
/// EXPIRED), IP whitelist (FORBIDDEN), permissions (INSUFFICIENT_PERMISSIONS), rate limits
/// all-or-nothing (RATE_LIMITED, 412 for an unknown name), credits (USAGE_EXCEEDED), VALID.
///
/// Every outcome from step 7 on is published as a Core::VerificationEvent. Thread-safe: the only
/// shared state is the cache, the limiter and the database, each thread-safe on its own.
class Verifier
{
public:
    /// @p lastUse: where verifications record each key's newest use (keys.getKey shows it).
    Verifier(Services &services, std::shared_ptr<VerificationCache> cache, std::shared_ptr<KeyLastUse> lastUse);
    ~Verifier();
    Verifier(const Verifier &) = delete;
    Verifier &operator=(const Verifier &) = delete;

    /// The reply: its `data` object as compact JSON (ApiReply::rawData), or an HTTP error (400
    /// query syntax, 412, 500). A key with credits that gets as far as the credit step answers
    /// later (ApiReply::pending), when its group-committed spend is durable (invariant 3), so the
    /// calling worker does not wait for the commit.
    [[nodiscard]] Core::Result<ApiReply> verify(const VerifyRequest &request, const ApiContext &context);

    [[nodiscard]] VerificationCache &cache() { return *m_cache; }
    [[nodiscard]] const Store::CreditCommitter &credits() const { return m_credits; }

    enum class Outcome {
        Valid,
        NotFound,
        Disabled,
        Expired,
        Forbidden,
        InsufficientPermissions,
        RateLimited,
        UsageExceeded
    };
    /// The wire `code` of an outcome ("VALID", "RATE_LIMITED", ...).
    [[nodiscard]] static QString codeName(Outcome outcome);

private:
    struct Run;

    Core::Result<VerificationCache::Entry> lookup(const QByteArray &hash);
    [[nodiscard]] static bool visibleTo(const VerifiableKey &key, const Principal &principal);
    [[nodiscard]] static Outcome keyState(const VerifiableKey &key, qint64 nowMs);
    [[nodiscard]] static bool addressAllowed(const VerifiableKey &key, const Http::Request &http);
    Core::Status checkRatelimits(Run &run, const VerifyRequest &request);
    /// Queues the credit spend and answers when it committed (the pending reply).
    ApiReply spendThenAnswer(const std::shared_ptr<Run> &run, qint64 cost);
    static void applySpend(Run &run, const Store::CreditOutcome &spent);
    QByteArray finish(Run &run);
    /// Counts an answered verification in Services::metrics (GET /metrics).
    void countOutcome(Outcome outcome, const QElapsedTimer &timer) const;
    [[nodiscard]] Core::VerificationEvent makeEvent(const Run &run) const;

    Services &m_services;
    std::shared_ptr<VerificationCache> m_cache;
    std::shared_ptr<KeyLastUse> m_lastUse;
    Store::CreditCommitter m_credits; ///< group commit of the credit spends
};

} // namespace Latchkey::Api
