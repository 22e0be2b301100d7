#pragma once

#include "core/credits.h"
#include "core/domain.h"
#include "store/keystore.h"

#include <QJsonObject>

#include <optional>

namespace Latchkey::Store {
class Database;
} // namespace Latchkey::Store

namespace Latchkey::Api {

struct Services;

/// Everything `KeyResponseData` shows about one key, gathered from the stores.
struct KeyDetails {
    Store::KeyRecord key;
    std::optional<Core::Identity> identity; ///< the live identity the key is linked to
    QList<Core::Permission> permissions; ///< direct permissions, by slug
    QList<Core::Role> roles; ///< roles, by name
    QList<Core::RatelimitConfig> ratelimits; ///< key-level limits, by name
    std::optional<QString> plaintext; ///< only for decrypt:true on a recoverable key
};

/// Loads the identity, permissions, roles and key-level rate limits of @p key; a store error is
/// an error (500), never a key shown without them. Its lastUsedAt is the newer of the stored one
/// and this node's newest verification (KeyLastUse), which the batched store may not have yet.
[[nodiscard]] Core::Result<KeyDetails> loadKeyDetails(const Services &services, const Store::KeyRecord &key);

/// `KeyResponseData` (keys.getKey, keys.whoami, apis.listKeys): absent optional fields are
/// omitted, `credits` only for keys with a limit or a refill, empty lists omitted. A refill that
/// fell due at @p nowMs but was not applied yet is shown applied, as verification would see it.
[[nodiscard]] QJsonObject keyResponseData(const KeyDetails &details, qint64 nowMs);

/// `KeyCreditsData`: `{remaining: n | null, refill?: {interval, amount, refillDay?}}`.
[[nodiscard]] QJsonObject keyCreditsData(const Core::CreditState &credits);

} // namespace Latchkey::Api
