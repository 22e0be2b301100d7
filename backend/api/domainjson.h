#pragma once

#include "core/domain.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Latchkey::Api {

/// Wire encodings of the shared schemas, omitting absent optional fields (never null).
[[nodiscard]] QJsonObject toJson(const Core::RatelimitConfig &config); ///< RatelimitResponse
[[nodiscard]] QJsonObject toJson(const Core::Identity &identity);      ///< Identity
[[nodiscard]] QJsonObject toJson(const Core::Permission &permission);  ///< Permission
[[nodiscard]] QJsonObject toJson(const Core::Role &role);              ///< Role
[[nodiscard]] QJsonArray toJson(const QList<Core::Permission> &permissions);
[[nodiscard]] QJsonArray toJson(const QList<Core::Role> &roles);
[[nodiscard]] QJsonArray toJson(const QList<Core::RatelimitConfig> &configs);

class RequestReader;

/// Reads a `RatelimitRequest[]` field (name 3..128, limit >= 1, duration >= 1000, autoApply):
/// nullopt when absent or invalid (errors recorded on @p in). Duplicate names are an error.
[[nodiscard]] std::optional<QList<Core::RatelimitConfig>> readRatelimitRequests(RequestReader &in,
                                                                               const QString &field);

} // namespace Latchkey::Api
