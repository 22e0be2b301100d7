#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <QVariantList>

/// The key editors' logging category ("latchkey.dashboard.keys").
Q_DECLARE_LOGGING_CATEGORY(lcDashboardKeys)

/// Client-side checks of the fields of keys.createKey / keys.updateKey, mirroring the server's
/// schema (reference yaml V2KeysCreateKeyRequestBody, V2KeysUpdateKeyRequestBody, RatelimitRequest,
/// KeyCreditsData) so the user sees the problem next to the field before anything is sent. The
/// server stays the authority: its `detail` is still shown when it refuses.
///
/// Every check returns an empty string when the value is acceptable, else a translated message.
namespace Latchkey::Dashboard::KeyValidation {

/// The latest `expires` the API accepts (2100-01-01T00:00:00Z).
constexpr qint64 kMaxExpires = 4'102'444'800'000;
/// QML numbers carry integers exactly up to 2^53 - 1; larger credit counts would silently round.
constexpr qint64 kMaxExactInteger = 9'007'199'254'740'991;
/// A rate-limit window is at least one second (RatelimitRequest.duration minimum).
constexpr qint64 kMinRatelimitDuration = 1000;

[[nodiscard]] QString checkApiId(const QString &apiId);
/// Empty = the API's default prefix.
[[nodiscard]] QString checkPrefix(const QString &prefix);
/// Empty = no name.
[[nodiscard]] QString checkName(const QString &name);
/// Empty = no owner.
[[nodiscard]] QString checkExternalId(const QString &externalId);

/// The meta editor's text as JSON: blank text is `null` (no meta); otherwise it must be a JSON
/// object of at most 100 properties.
struct ParsedMeta {
    QJsonValue value; ///< QJsonValue::Null for blank text
    QString error; ///< empty when the text is acceptable
};
[[nodiscard]] ParsedMeta parseMeta(const QString &text);

/// @p expiresMs 0 = never; otherwise it must lie after @p nowMs and not after kMaxExpires.
[[nodiscard]] QString checkExpires(qint64 expiresMs, qint64 nowMs);

/// The credits editor's state: unlimited, or a remaining count with an optional refill.
struct CreditsInput {
    bool unlimited = true;
    qint64 remaining = 0;
    QString interval; ///< "", "daily" or "monthly"
    qint64 amount = 0;
    int refillDay = 0; ///< 1..31 for monthly refills
};
[[nodiscard]] QString checkCredits(const CreditsInput &credits);
/// KeyCreditsData for createKey/updateKey; `null` when unlimited (updateKey: clears the refill).
[[nodiscard]] QJsonValue creditsJson(const CreditsInput &credits);
/// keys.updateKey `credits` that changes a key whose credits are @p saved (KeyCreditsData) to
/// @p credits and leaves the rest to the server: `null` when unlimited; `remaining` only when
/// @p sendRemaining or the key has no limit yet; `refill` only when it differs from the saved one
/// (`null` removes it).
[[nodiscard]] QJsonValue creditsChangeJson(const CreditsInput &credits, const QJsonObject &saved, bool sendRemaining);

/// Rate limits as QML hands them over: a list of maps {name, limit, duration (ms), autoApply}.
[[nodiscard]] QString checkRatelimits(const QVariantList &ratelimits);
/// The list as RatelimitRequest objects.
[[nodiscard]] QJsonArray ratelimitsJson(const QVariantList &ratelimits);
/// RatelimitResponse objects (from keys.getKey) as the maps QML edits.
[[nodiscard]] QVariantList ratelimitsFromJson(const QJsonArray &ratelimits);

/// A permission slug (1..128 of `[a-zA-Z0-9_:-.*]`).
[[nodiscard]] QString checkPermission(const QString &slug);
/// A role name (1..128 characters).
[[nodiscard]] QString checkRole(const QString &name);
[[nodiscard]] QString checkPermissions(const QStringList &slugs);
[[nodiscard]] QString checkRoles(const QStringList &names);

} // namespace Latchkey::Dashboard::KeyValidation
