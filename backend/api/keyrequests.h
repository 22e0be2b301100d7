#pragma once

#include "api/requestreader.h"
#include "core/credits.h"
#include "core/domain.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Latchkey::Api {

/// `keyId` of keys.* requests: 3..255 characters of `[a-zA-Z0-9_]`.
[[nodiscard]] StringRule keyIdRule();

/// The fields keys.createKey and each entry of keys.migrateKeys share (V2KeysCreateKeyRequestBody
/// / V2KeysMigrateKeyData), decoded and checked against the schema and reference §4.2.
struct NewKeyFields {
    std::optional<QString> name;
    QString externalId; ///< empty: no identity
    std::optional<QJsonObject> meta;
    QStringList roles; ///< names; must exist
    QStringList permissions; ///< slugs; created when missing
    std::optional<qint64> expiresMs;
    bool enabled = true;
    Core::CreditState credits; ///< lastRefillAtMs is set by the handler
    QList<Core::RatelimitConfig> ratelimits;
};

/// Reads the NewKeyFields from @p in. @p externalIdPattern: createKey restricts externalId to
/// `^[a-zA-Z0-9_.-]+$`, migrateKeys does not.
[[nodiscard]] NewKeyFields readNewKeyFields(RequestReader &in, bool externalIdPattern);

/// A three-state change of a key's credits (keys.updateKey `credits`, UpdateKeyCreditsData).
struct CreditsChange {
    Field<qint64> remaining; ///< null: unlimited (and the refill is cleared)
    Field<Core::RefillRule> refill; ///< null: no refill
};

/// Reads `credits` of keys.updateKey: nullopt when absent; a change with remaining and refill
/// null when `credits: null`. Monthly refills need `refillDay`, daily ones must not have it (400).
[[nodiscard]] std::optional<CreditsChange> readCreditsChange(RequestReader &in);

/// Applies @p change to @p credits at @p nowMs (a due refill is applied first, so the change is
/// not overwritten by it later; setting a refill restarts its schedule at @p nowMs). A refill on
/// an unlimited key is a 400: nothing would ever be refilled.
[[nodiscard]] Core::Status applyCreditsChange(Core::CreditState &credits, const CreditsChange &change, qint64 nowMs);

} // namespace Latchkey::Api
