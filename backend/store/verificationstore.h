#pragma once

#include "core/credits.h"
#include "core/domain.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Latchkey::Store {

class Database;

/// A rate-limit config as verification sees it: the config and where it hangs.
struct VerificationLimit {
    Core::RatelimitConfig config;
    Core::RatelimitOwner owner = Core::RatelimitOwner::Key;
};

/// Everything keys.verifyKey needs to know about one key, loaded in one query (reference §2.3
/// step 1: key + API + live identity + effective permissions + roles + rate-limit configs).
///
/// Immutable once loaded and shared between threads by the verification cache. It deliberately
/// carries no credit balance: the balance changes with every spend and is read from the database
/// by spendCredits() (invariant 3); `limited` and `refill` only say whether credits apply.
struct VerificationRecord {
    QString keyId;
    QString workspaceId;
    QString keyspaceId;
    QString apiId;
    QString name; ///< empty: none
    std::optional<QJsonObject> meta; ///< nullopt: the key has no meta
    std::optional<qint64> expiresMs;
    bool enabled = true;
    bool limited = false; ///< remaining is not NULL (the key has credits)
    std::optional<qint64> remainingAtLoad; ///< balance when loaded; display only, never a decision
    bool refills = false; ///< a refill rule is configured
    QStringList ipWhitelist; ///< of the key's API; empty: every address is allowed
    QStringList permissions; ///< effective slugs (direct and via roles), sorted, unique
    QStringList roles; ///< role names, sorted
    std::optional<Core::Identity> identity; ///< live identity (its `ratelimits` stay empty here)
    QList<VerificationLimit> ratelimits; ///< key-level and identity-level configs
};

/// The result of a credit check on verify.
struct CreditOutcome {
    bool keyExists = true; ///< false: the key vanished between lookup and spend
    bool allowed = false; ///< cost was 0, the key is unlimited, or the cost was spent
    qint64 spent = 0; ///< credits actually deducted
    std::optional<qint64> remaining; ///< balance after this verification; nullopt = unlimited
};

/// The queries of keys.verifyKey: the key lookup by hash and the credit spend. Owns their SQL.
class VerificationStore
{
public:
    explicit VerificationStore(Database &db)
        : m_db(db)
    { }

    /// The live key (not deleted, API not deleted) whose stored hash is @p hash, with its API,
    /// live identity, permissions, roles and rate-limit configs; nullptr when there is none.
    /// One SQL statement.
    [[nodiscard]] Core::Result<std::shared_ptr<VerificationRecord>> findByHash(const QByteArray &hash);

    /// Applies a due refill (Core::applyDueRefill; audited as `key.update` by the refill actor)
    /// and then spends @p cost credits if the balance covers it, in one write transaction that
    /// does not invalidate caches. Exact under concurrency: the spend is a conditional UPDATE
    /// (`remaining >= cost`) under the write lock, and durable when this returns.
    /// @p refills: the key has a refill rule (skips reading it otherwise).
    /// @p requestId: recorded on the refill's audit row.
    /// @p inTransaction: when set, called with the outcome inside the same transaction before it
    /// commits (strict analytics durability records the verification event there); a failure rolls
    /// the spend back.
    [[nodiscard]] Core::Result<CreditOutcome> spendCredits(const QString &keyId, qint64 cost, bool refills,
        qint64 nowMs, const QString &requestId,
        const std::function<Core::Status(const CreditOutcome &)> &inTransaction = {});

    /// The refill sweeper's pass: applies every due refill (daily at 00:00 UTC, monthly on the
    /// refill day), in write transactions of at most @p batchSize keys, so refills happen at their
    /// boundary even for keys nobody verifies. Returns how many keys were looked at.
    [[nodiscard]] Core::Result<int> refillDueKeys(qint64 nowMs, int batchSize = 500);

    /// The body of spendCredits() without its transaction: for a caller that already runs inside
    /// Database::write() (the CreditCommitter's group commit). Sets @p outcome.
    [[nodiscard]] Core::Status spendInTransaction(const QString &keyId, qint64 cost, bool refills, qint64 nowMs,
        const QString &requestId, CreditOutcome &outcome);

    /// A key's credit balance as a write transaction sees it.
    struct Balance {
        bool keyExists = false;
        std::optional<qint64> remaining; ///< nullopt = unlimited
    };
    /// Reads @p keyId's balance (inside a write transaction).
    [[nodiscard]] Core::Result<Balance> readBalance(const QString &keyId);
    /// Sets @p keyId's balance (inside a write transaction).
    [[nodiscard]] Core::Status writeRemaining(const QString &keyId, qint64 remaining);
    /// Decides one spend of @p cost against @p balance and deducts it there if it is spent.
    [[nodiscard]] static CreditOutcome decide(Balance &balance, qint64 cost);

private:
    Core::Status refillIfDue(const QString &keyId, qint64 nowMs, const QString &requestId);
    Core::Result<QStringList> refillCandidates(qint64 dayStartMs, const QString &afterId, int limit);

    Database &m_db;
};

} // namespace Latchkey::Store
