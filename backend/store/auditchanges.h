#pragma once

#include "core/credits.h"
#include "core/domain.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Latchkey::Store {

struct KeyRecord;

/// The `changes` of an audit row (`audit.listLogs`, resources/openapi.yaml): what a mutation
/// changed, one object per changed field, in the order they were added.
///
/// - `{"field": "meta"}`: the field changed; its content is not repeated (meta may hold anything,
///   and the log must not copy it);
/// - `{"field": "enabled", "old": true, "new": false}`: old and new of a scalar; `old` or `new` is
///   omitted when there was none (no expiry, unlimited credits, no refill, no name, no owner). A
///   key's name and its owner's external id are recorded as the key targets of every key row and
///   the identity targets of every owner row already record them;
/// - `{"field": "ratelimit", "name": "requests", "old": {limit, duration, autoApply}, "new": ...}`:
///   one object per rate limit added (no `old`), removed (no `new`) or changed;
/// - `{"field": "override", "old": {limit, duration}, "new": ...}`: what a ratelimit.set_override
///   set (no `old` for a new override), even when it was that already: the row's only word on it.
///
/// Never key material or hashes: nothing here reads them.
class AuditChanges
{
public:
    /// A field that changed, by name only.
    void named(const QString &field);
    /// @p field went from @p before to @p after (an undefined value: none); nothing if they are equal.
    void scalar(const QString &field, const QJsonValue &before, const QJsonValue &after);

    /// The external ids of a key's owner before and after a change (empty: none).
    struct Owners {
        QString before;
        QString after;
    };
    /// The key's own fields: name, externalId (its owner, from @p owners), meta (named only),
    /// expires, enabled, credits.
    void key(const KeyRecord &before, const KeyRecord &after, const Owners &owners);
    /// What a new key was issued with (key.create): its meta (named only), expiry, credits, refill
    /// and `enabled` when disabled, each with `new` only; its name and owner are the row's targets.
    void created(const KeyRecord &key);
    /// `credits.remaining` and `credits.refill` ({interval, amount, refillDay?}).
    void credits(const Core::CreditState &before, const Core::CreditState &after);
    /// One `ratelimit` object per limit (matched by name) added, removed or changed.
    void ratelimits(const QList<Core::RatelimitConfig> &before, const QList<Core::RatelimitConfig> &after);
    /// What a rate-limit override allows.
    struct OverrideLimit {
        qint64 limit = 0;
        qint64 durationMs = 0;
    };
    /// The `override` object of a ratelimit.set_override; @p before nullopt: a new override.
    void ratelimitOverride(const std::optional<OverrideLimit> &before, const OverrideLimit &after);

    [[nodiscard]] const QJsonArray &json() const { return m_changes; }

private:
    QJsonArray m_changes;
};

} // namespace Latchkey::Store
