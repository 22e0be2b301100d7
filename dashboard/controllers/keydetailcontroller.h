#pragma once

#include "client/apiclient.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Latchkey::Dashboard {

/// The key detail page's state: loads one key (keys.getKey) and saves each field edited in place
/// with exactly one API call (keys.updateKey, keys.updateCredits, keys.set/add/remove
/// Permissions|Roles, keys.rerollKey, keys.deleteKey).
///
/// Field names used in `saving`, `errors`, saved() and saveFailed(): "name", "owner", "meta",
/// "expiry", "enabled", "credits", "ratelimits", "permissions", "roles", "reveal", "reroll",
/// "delete". A field is saving from the call until its answer; a failed save leaves its message in
/// `errors[field]` (the server's detail, or the client-side check that kept the call from being
/// made) and the key's values unchanged. Only `enabled` is optimistic: it flips at once and flips
/// back when the server says no. Editors keep the user's draft and compare it with the value here
/// to show "dirty".
///
/// The plaintext of the key (reveal(), recoverable keys only) and the new key of a reroll are kept
/// only until forgetPlaintext()/forgetNewKey() or until another key is shown.
class KeyDetailController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString keyId READ keyId WRITE setKeyId NOTIFY keyIdChanged)
    /// The key's API, for the exact permission names in permissionFor(): set by whoever opens
    /// the key when it knows it, and by the keys.getKey answer (which names it) otherwise.
    Q_PROPERTY(QString apiId MEMBER m_apiId NOTIFY apiIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY keyChanged)
    /// The server's detail when the key could not be loaded (e.g. it does not exist).
    Q_PROPERTY(QString loadError READ loadError NOTIFY keyChanged)
    /// The load found no such key (404): the page says so instead of offering to try again. That
    /// answer never reaches ApiClient::requestFailed (the page explains it); other failures do.
    Q_PROPERTY(bool notFound READ notFound NOTIFY keyChanged)
    Q_PROPERTY(bool deleted READ deleted NOTIFY keyChanged)

    Q_PROPERTY(QString start READ start NOTIFY keyChanged)
    Q_PROPERTY(QString name READ name NOTIFY keyChanged)
    Q_PROPERTY(QString externalId READ externalId NOTIFY keyChanged)
    Q_PROPERTY(QString identityId READ identityId NOTIFY keyChanged)
    /// Meta as indented JSON text ("" when the key has none).
    Q_PROPERTY(QString metaText READ metaText NOTIFY keyChanged)
    /// Unix ms; 0 = never.
    Q_PROPERTY(double expires READ expires NOTIFY keyChanged)
    Q_PROPERTY(bool enabled READ enabled NOTIFY keyChanged)
    Q_PROPERTY(double createdAt READ createdAt NOTIFY keyChanged)
    Q_PROPERTY(double updatedAt READ updatedAt NOTIFY keyChanged)
    // What traffic changes (the last use, the credits) notifies usageChanged: a refresh that
    // changed only these leaves the editors of the other fields alone (keyChanged also emits it).
    Q_PROPERTY(double lastUsedAt READ lastUsedAt NOTIFY usageChanged)
    Q_PROPERTY(bool creditsUnlimited READ creditsUnlimited NOTIFY usageChanged)
    Q_PROPERTY(double creditsRemaining READ creditsRemaining NOTIFY usageChanged)
    /// "", "daily" or "monthly".
    Q_PROPERTY(QString refillInterval READ refillInterval NOTIFY usageChanged)
    Q_PROPERTY(double refillAmount READ refillAmount NOTIFY usageChanged)
    Q_PROPERTY(int refillDay READ refillDay NOTIFY usageChanged)
    /// The status badges the key lists show for this key (KeysModel::badgesFor, e.g. "noCredits",
    /// "replaced" or "replacedByDeleted" while a key that replaced it is known and it still works,
    /// and "rateLimited" as KeysModel's), for the page header's KeyStatusBadges. Against the time
    /// now: they change by themselves when time makes them ("expiring" 24 h before the expiry,
    /// "expired" at it, "rateLimited" gone an hour after the last rejection), a timer set to the
    /// next such moment, not only when the key loads.
    Q_PROPERTY(QStringList badges READ badges NOTIFY usageChanged)
    /// The key's expiry has passed (the header's status pill), following the time as `badges`.
    Q_PROPERTY(bool expired READ expired NOTIFY usageChanged)
    /// Whether `badges` may say "rateLimited": one analytics.getVerificationLog of this key's
    /// RATE_LIMITED verifications in the last hour per load and refresh, as the key lists ask
    /// (KeysModel::rateLimitBadges). False when the root key may not read analytics: not asked.
    Q_PROPERTY(bool rateLimitBadges READ rateLimitBadges WRITE setRateLimitBadges NOTIFY rateLimitBadgesChanged)
    /// [{id, name, limit, duration (ms), autoApply}]
    Q_PROPERTY(QVariantList ratelimits READ ratelimits NOTIFY keyChanged)
    /// Direct permission slugs (not those granted through roles).
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY keyChanged)
    Q_PROPERTY(QStringList roles READ roles NOTIFY keyChanged)

    Q_PROPERTY(QString plaintext READ plaintext NOTIFY plaintextChanged)
    /// Whether the key's value is stored (recoverable keys): 1 yes, 0 no, -1 not known (yet):
    /// checkRecoverable() or a reveal() finds out.
    Q_PROPERTY(int recoverable READ recoverable NOTIFY plaintextChanged)
    /// The key that replaced this one by a reroll, as the audit log records it (findReplacement());
    /// "" when none is known. `replacedByStart` is its first characters (keys.getKey).
    Q_PROPERTY(QString replacedById READ replacedById NOTIFY replacementChanged)
    Q_PROPERTY(QString replacedByStart READ replacedByStart NOTIFY replacementChanged)
    /// The key that replaced this one has been deleted since (keys.getKey: 404).
    Q_PROPERTY(bool replacedByDeleted READ replacedByDeleted NOTIFY replacementChanged)
    Q_PROPERTY(QString newKey READ newKey NOTIFY newKeyChanged)
    Q_PROPERTY(QString newKeyId READ newKeyId NOTIFY newKeyChanged)
    /// A shell command that verifies the rerolled key (as IssueKeyController's); "" without one.
    Q_PROPERTY(QString curlCommand READ curlCommand NOTIFY newKeyChanged)

    /// field name -> true while its save is in flight.
    Q_PROPERTY(QVariantMap saving READ saving NOTIFY fieldStateChanged)
    /// field name -> message of its last failed save.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY fieldStateChanged)

public:
    explicit KeyDetailController(QObject *parent = nullptr);
    ~KeyDetailController() override;

    [[nodiscard]] ApiClient *client() const;
    void setClient(ApiClient *client);
    [[nodiscard]] QString keyId() const { return m_keyId; }
    void setKeyId(const QString &keyId);

    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool loaded() const { return !m_key.isEmpty(); }
    [[nodiscard]] QString loadError() const { return m_loadError; }
    [[nodiscard]] bool notFound() const { return m_notFound; }
    [[nodiscard]] bool deleted() const { return m_deleted; }

    [[nodiscard]] QString start() const;
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString externalId() const;
    [[nodiscard]] QString identityId() const;
    [[nodiscard]] QString metaText() const;
    [[nodiscard]] double expires() const;
    [[nodiscard]] bool enabled() const;
    [[nodiscard]] double createdAt() const;
    [[nodiscard]] double updatedAt() const;
    [[nodiscard]] double lastUsedAt() const;
    [[nodiscard]] bool creditsUnlimited() const;
    [[nodiscard]] double creditsRemaining() const;
    [[nodiscard]] QString refillInterval() const;
    [[nodiscard]] double refillAmount() const;
    [[nodiscard]] int refillDay() const;
    [[nodiscard]] QStringList badges() const;
    [[nodiscard]] bool expired() const;
    [[nodiscard]] bool rateLimitBadges() const { return m_rateLimitBadges; }
    void setRateLimitBadges(bool enabled);
    [[nodiscard]] QVariantList ratelimits() const;
    [[nodiscard]] QStringList permissions() const;
    [[nodiscard]] QStringList roles() const;

    [[nodiscard]] QString plaintext() const { return m_plaintext; }
    [[nodiscard]] int recoverable() const { return m_recoverable; }
    [[nodiscard]] QString replacedById() const { return m_replacedById; }
    [[nodiscard]] QString replacedByStart() const { return m_replacedByStart; }
    [[nodiscard]] bool replacedByDeleted() const { return m_replacedByDeleted; }
    [[nodiscard]] QString newKey() const { return m_newKey; }
    [[nodiscard]] QString newKeyId() const { return m_newKeyId; }
    [[nodiscard]] QString curlCommand() const;
    [[nodiscard]] QVariantMap saving() const { return m_saving; }
    [[nodiscard]] QVariantMap errors() const { return m_errors; }

    /// The root-key permission an action on a key of API @p apiId needs: "api.<apiId>.<action>",
    /// else "api.*.<action>" while the API is not known (for Capabilities.may / missing in
    /// tooltips). Bindings pass this controller's `apiId`, so they follow it when it arrives
    /// after them (read here instead, it was no dependency: a key's page stayed greyed on
    /// api.*.<action> for a root key that may change only that API's keys).
    Q_INVOKABLE [[nodiscard]] QString permissionFor(const QString &action, const QString &apiId) const;

    /// Fetches the key again (keys.getKey without decrypt).
    Q_INVOKABLE void reload();
    /// The same without `loading`: the page's periodic refresh, so figures that traffic changes
    /// (credits spent by verifications, the last use) stay current while the key is shown.
    /// Signals keyChanged only when more than those changed, else usageChanged, else nothing.
    Q_INVOKABLE void refresh();

    // Each returns false (and sets errors[field]) when the client-side check refuses the value or
    // the field is already saving; true when the call was made.
    /// Why the draft @p text of the text card @p field ("name", "owner") cannot be saved, as
    /// save would say it; "" when it can (the card greys Save with this as its reason).
    Q_INVOKABLE QString draftProblem(const QString &field, const QString &text) const;
    /// Forgets errors[@p field] (the card's draft was discarded: the error was about it).
    Q_INVOKABLE void clearError(const QString &field);
    /// Empty clears the name.
    Q_INVOKABLE bool saveName(const QString &name);
    /// The owner's external id; the server creates the identity when it does not exist yet.
    /// Empty unlinks the owner.
    Q_INVOKABLE bool saveOwner(const QString &externalId);
    /// JSON object text; blank clears the meta.
    Q_INVOKABLE bool saveMeta(const QString &text);
    /// Unix ms, 0 = never expires.
    Q_INVOKABLE bool saveExpiry(double expiresMs);
    /// Optimistic: `enabled` changes at once and is restored if the server refuses.
    Q_INVOKABLE bool saveEnabled(bool enabled);
    /// The credit configuration (keys.updateKey `credits`), sending only what differs from the
    /// key: `remaining` only when @p remainingEdited (the user typed it) or the key had no limit,
    /// so credits that verifications spent since the page loaded are not given back; the refill
    /// only when it changed.
    Q_INVOKABLE bool saveCredits(bool unlimited, double remaining, const QString &interval, double amount,
        int refillDay, bool remainingEdited = true);
    /// keys.updateCredits: @p operation "set", "increment" or "decrement".
    Q_INVOKABLE bool adjustCredits(const QString &operation, double value);
    /// Replaces the key's rate limits by name (keys.updateKey `ratelimits`).
    Q_INVOKABLE bool saveRatelimits(const QVariantList &ratelimits);
    /// keys.setPermissions (unknown slugs are created by the server).
    Q_INVOKABLE bool setPermissions(const QStringList &slugs);
    Q_INVOKABLE bool addPermission(const QString &slug);
    Q_INVOKABLE bool removePermission(const QString &slug);
    /// keys.setRoles (roles must exist; see createRole()).
    Q_INVOKABLE bool setRoles(const QStringList &names);
    Q_INVOKABLE bool addRole(const QString &name);
    Q_INVOKABLE bool removeRole(const QString &name);
    /// permissions.createRole, then keys.addRoles with it ("create on the fly"); a role that
    /// exists already is just added.
    Q_INVOKABLE bool createAndAddRole(const QString &name);
    /// keys.getKey with decrypt (recoverable keys; needs api.*.decrypt_key): fills `plaintext`.
    Q_INVOKABLE void reveal();
    /// Finds out `recoverable` (keys.getKey with decrypt; needs api.*.decrypt_key) without
    /// showing the value: it is wiped at once. Only once the key has loaded (a key that does not
    /// exist is not asked about twice); failures leave it unknown.
    Q_INVOKABLE void checkRecoverable();
    /// Asks the audit log (audit.listLogs, event key.reroll; needs workspace.*.read_audit_log)
    /// which key replaced this one, then that key's start. keys.getKey says nothing about
    /// rerolls. Quiet: without the permission, or when nothing replaced it, nothing changes.
    Q_INVOKABLE void findReplacement();
    /// Key @p keyId was deleted (on its own page): when it is the one that replaced this key,
    /// the key is "replaced by a key deleted since", as findReplacement() would find.
    Q_INVOKABLE void keyDeleted(const QString &keyId);
    Q_INVOKABLE void forgetPlaintext();
    /// keys.rerollKey: the old key keeps working for @p graceMs (0: revoked at once); the new key
    /// is in `newKey` until forgetNewKey().
    Q_INVOKABLE bool reroll(double graceMs);
    Q_INVOKABLE void forgetNewKey();
    /// Puts @p text on the system clipboard (the new key or the revealed one).
    Q_INVOKABLE void copyToClipboard(const QString &text) const;
    /// keys.deleteKey; @p permanent removes it for good instead of a soft delete.
    Q_INVOKABLE bool deleteKey(bool permanent);

Q_SIGNALS:
    void clientChanged();
    void keyIdChanged();
    void apiIdChanged();
    void loadingChanged();
    void keyChanged();
    /// The last use or the credits changed (also emitted with every keyChanged).
    void usageChanged();
    void plaintextChanged();
    void newKeyChanged();
    void fieldStateChanged();
    /// A save of @p field succeeded (the key's properties already show the new value).
    void saved(const QString &field);
    /// A save of @p field failed; @p message is also in errors[field] when the server answered (a
    /// request with no answer is said by the error banner only).
    void saveFailed(const QString &field, const QString &message);
    /// keys.rerollKey succeeded; the new key's id (its plaintext is in `newKey`).
    void rerolled(const QString &newKeyId);
    void replacementChanged();
    void rateLimitBadgesChanged();

private:
    using Success = std::function<void(const ApiResult &)>;

    bool submit(const QString &field, const QString &action, QJsonObject body, Success onSuccess = {},
        std::function<void()> onFailure = {});
    bool updateKey(const QString &field, const QString &property, const QJsonValue &value);
    bool refuse(const QString &field, const QString &message);
    /// keys.<action> for "permissions" or "roles" with @p values; the key then shows the answer's list.
    /// A non-empty @p refusal (the client-side check's message) refuses instead.
    bool submitBinding(
        const QString &field, const QString &action, const QStringList &values, const QString &refusal = {});
    void finish(const QString &field, const ApiResult &result, const Success &onSuccess,
        const std::function<void()> &onFailure);
    void load(bool quietly);
    /// Shows @p key; @p announce: emit keyChanged even when nothing differs (a load error went).
    void applyKey(const QJsonObject &key, bool announce);
    void learnApi(const QString &apiId);
    void setLoading(bool loading);
    /// Asks when this key was last rate limited within the hour (keydetailbadges.cpp).
    void fetchRateLimited();
    /// Sets the badge timer to the next moment the time changes `badges` or `expired`.
    void scheduleBadgeChange();
    void cancelAll();
    void wipeSecrets();

    QPointer<ApiClient> m_client;
    QString m_keyId;
    QString m_apiId;
    QJsonObject m_key; ///< keys.getKey data (KeyResponseData)
    QString m_loadError;
    bool m_notFound = false;
    bool m_loading = false;
    bool m_deleted = false;
    QString m_plaintext;
    int m_recoverable = -1;
    QString m_replacedById;
    QString m_replacedByStart;
    bool m_replacedByDeleted = false;
    QString m_newKey;
    QString m_newKeyId;
    QVariantMap m_saving;
    QVariantMap m_errors;
    QList<quint64> m_pending; ///< request ids of this key, cancelled when another key is shown
    quint64 m_loadRequest = 0;
    quint64 m_rateLimitRequest = 0;
    bool m_rateLimitBadges = true;
    qint64 m_rateLimitedAt = 0; ///< the newest RATE_LIMITED verification in the last hour, 0: none
    QTimer m_badgeTimer;
};

} // namespace Latchkey::Dashboard
