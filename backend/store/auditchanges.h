#pragma once

#include "core/credits.h"
#include "core/domain.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Latchkey::Store {

struct KeyRecord;

/// The `changes` of an audit row (`audit.listLogs`, resources/openapi.yaml): what a mutation
/// changed, one object per changed field, in the order they were added.
///
/// - `{"field": "name"}`: the field changed; its content is not repeated (names, owners and meta
///   may hold anything, and the log must not copy it);
/// - `{"field": "enabled", "old": true, "new": false}`: old and new of a safe scalar; `old` or
///   `new` is omitted when there was none (no expiry, unlimited credits, no refill);
/// - `{"field": "ratelimit", "name": "requests", "old": {limit, duration, autoApply}, "new": ...}`:
///   one object per rate limit added (no `old`), removed (no `new`) or changed.
///
/// Never key material or hashes: nothing here reads them.
class AuditChanges
{
public:
    /// A field that changed, by name only.
    void named(const QString &field);
    /// @p field went from @p before to @p after (an undefined value: none); nothing if they are equal.
    void scalar(const QString &field, const QJsonValue &before, const QJsonValue &after);

    /// The key's own fields: name, externalId (its owner), meta (names only), expires, enabled, credits.
    void key(const KeyRecord &before, const KeyRecord &after);
    /// `credits.remaining` and `credits.refill` ({interval, amount, refillDay?}).
    void credits(const Core::CreditState &before, const Core::CreditState &after);
    /// One `ratelimit` object per limit (matched by name) added, removed or changed.
    void ratelimits(const QList<Core::RatelimitConfig> &before, const QList<Core::RatelimitConfig> &after);

    [[nodiscard]] const QJsonArray &json() const { return m_changes; }

private:
    QJsonArray m_changes;
};

} // namespace Latchkey::Store
