#include "keydetailcontroller.h"

#include "issuekeycontroller.h"
#include "keyvalidation.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace KV = KeyValidation;

KeyDetailController::KeyDetailController(QObject *parent)
    : QObject(parent)
{
    connect(this, &KeyDetailController::keyChanged, this, &KeyDetailController::usageChanged);
    // `badges` says "replaced" as the lists do.
    connect(this, &KeyDetailController::replacementChanged, this, &KeyDetailController::usageChanged);
    // The badges follow the time (keydetailbadges.cpp): at the next moment one changes, they are
    // announced again, and the timer is set for the one after (walk 23 note: a page left open
    // never turned "expiring" or "expired"). Precise: a coarse timer may be 5 % late, an hour
    // of a day.
    m_badgeTimer.setSingleShot(true);
    m_badgeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_badgeTimer, &QTimer::timeout, this, &KeyDetailController::usageChanged);
    connect(this, &KeyDetailController::usageChanged, this, &KeyDetailController::scheduleBadgeChange);
}

KeyDetailController::~KeyDetailController()
{
    cancelAll();
    wipeSecrets();
}

ApiClient *KeyDetailController::client() const
{
    return m_client;
}

void KeyDetailController::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    cancelAll();
    m_client = client;
    Q_EMIT clientChanged();
    load(false);
}

void KeyDetailController::setKeyId(const QString &keyId)
{
    if (m_keyId == keyId)
        return;
    cancelAll();
    wipeSecrets();
    m_keyId = keyId;
    m_key = {};
    m_loadError.clear();
    m_notFound = false;
    m_deleted = false;
    m_recoverable = -1;
    m_replacedById.clear();
    m_replacedByStart.clear();
    m_replacedByDeleted = false;
    m_rateLimitedAt = 0;
    m_saving.clear();
    m_errors.clear();
    Q_EMIT keyIdChanged();
    Q_EMIT keyChanged();
    Q_EMIT fieldStateChanged();
    Q_EMIT replacementChanged();
    load(false);
}

QString KeyDetailController::permissionFor(const QString &action, const QString &apiId) const
{
    return u"api."_s + (apiId.isEmpty() ? u"*"_s : apiId) + u'.' + action;
}

void KeyDetailController::reload()
{
    load(false);
}

void KeyDetailController::refresh()
{
    load(true);
}

void KeyDetailController::load(bool quietly)
{
    if (!m_client || m_keyId.isEmpty())
        return;
    if (m_loadRequest != 0)
        m_client->cancel(std::exchange(m_loadRequest, 0));
    if (!quietly)
        setLoading(true);
    const QString requested = m_keyId;
    m_loadRequest = m_client->post(u"keys.getKey"_s, {{u"keyId"_s, requested}}, this,
        [this, requested](const ApiResult &result) {
            m_loadRequest = 0;
            setLoading(false);
            if (requested != m_keyId)
                return;
            if (!result.ok()) {
                qCWarning(lcDashboardKeys) << "loading key" << requested << "failed:" << result.errorDetail;
                m_loadError = result.message();
                m_notFound = result.httpStatus == 404;
                Q_EMIT keyChanged();
                return;
            }
            m_notFound = false;
            const bool hadError = !std::exchange(m_loadError, QString()).isEmpty();
            applyKey(result.data.toObject(), hadError);
            fetchRateLimited();
        },
        ApiClient::Failures::ReportUnlessNotFound);
}

void KeyDetailController::applyKey(const QJsonObject &key, bool announce)
{
    // A refresh must not undo an optimistic value whose save is still in flight.
    QJsonObject merged = key;
    if (m_saving.contains(u"enabled"_s))
        merged.insert(u"enabled"_s, m_key.value(u"enabled"_s));
    // keyChanged makes the cards reload their editors (and a keyboard user's focus with them);
    // the periodic refresh mostly brings what traffic changed, which only usageChanged announces.
    const auto withoutUsage = [](QJsonObject object) {
        object.remove(u"credits"_s);
        object.remove(u"lastUsedAt"_s);
        return object;
    };
    const bool keyDiffers = announce || withoutUsage(merged) != withoutUsage(m_key);
    const bool usageDiffers = merged.value(u"credits"_s) != m_key.value(u"credits"_s)
        || merged.value(u"lastUsedAt"_s) != m_key.value(u"lastUsedAt"_s);
    m_key = merged;
    learnApi(key.value(u"apiId"_s).toString());
    if (keyDiffers)
        Q_EMIT keyChanged();
    else if (usageDiffers)
        Q_EMIT usageChanged();
}

void KeyDetailController::learnApi(const QString &apiId)
{
    // keys.getKey names the key's API (a latchkeyd extension): a page opened with the key's id
    // alone (a console link, Ctrl+K) needs it for a root key limited to some APIs, whose
    // permissions are api.<apiId>.update_key and the like, not api.*.update_key.
    if (apiId.isEmpty() || apiId == m_apiId)
        return;
    m_apiId = apiId;
    Q_EMIT apiIdChanged();
}

void KeyDetailController::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void KeyDetailController::cancelAll()
{
    if (m_client) {
        for (quint64 id : std::as_const(m_pending))
            m_client->cancel(id);
        if (m_loadRequest != 0)
            m_client->cancel(m_loadRequest);
        if (m_rateLimitRequest != 0)
            m_client->cancel(m_rateLimitRequest);
    }
    m_pending.clear();
    m_loadRequest = 0;
    m_rateLimitRequest = 0;
    setLoading(false);
}

void KeyDetailController::wipeSecrets()
{
    // Overwrite before releasing, so the plaintext does not linger in freed memory.
    const bool hadPlaintext = !m_plaintext.isEmpty();
    const bool hadNewKey = !m_newKey.isEmpty();
    m_plaintext.fill(u'\0');
    m_plaintext.clear();
    m_newKey.fill(u'\0');
    m_newKey.clear();
    m_newKeyId.clear();
    if (hadPlaintext)
        Q_EMIT plaintextChanged();
    if (hadNewKey)
        Q_EMIT newKeyChanged();
}

// ---- the save machinery ---------------------------------------------------------------------

bool KeyDetailController::refuse(const QString &field, const QString &message)
{
    m_errors.insert(field, message);
    Q_EMIT fieldStateChanged();
    Q_EMIT saveFailed(field, message);
    return false;
}

bool KeyDetailController::submit(const QString &field, const QString &action, QJsonObject body, Success onSuccess,
    std::function<void()> onFailure)
{
    if (!m_client || m_keyId.isEmpty() || m_deleted)
        return false;
    if (m_saving.contains(field))
        return false;
    m_saving.insert(field, true);
    m_errors.remove(field);
    Q_EMIT fieldStateChanged();
    body.insert(u"keyId"_s, m_keyId);
    auto id = std::make_shared<quint64>(0);
    *id = m_client->post(action, body, this,
        [this, field, id, onSuccess = std::move(onSuccess), onFailure = std::move(onFailure)](
            const ApiResult &result) {
            m_pending.removeOne(*id);
            finish(field, result, onSuccess, onFailure);
        },
        ApiClient::Failures::ReportUnanswered);
    m_pending.append(*id);
    return true;
}

void KeyDetailController::finish(const QString &field, const ApiResult &result, const Success &onSuccess,
    const std::function<void()> &onFailure)
{
    m_saving.remove(field);
    if (!result.ok()) {
        qCInfo(lcDashboardKeys) << "saving" << field << "of" << m_keyId << "failed:" << result.httpStatus;
        if (onFailure)
            onFailure();
        // One place for each failure (walkthrough 18: a save with the server down said it in the
        // banner and under the field): what the server answered about the value under the field
        // (the banner stays quiet, ReportUnanswered), no answer at all only in the banner.
        if (result.httpStatus != 0)
            m_errors.insert(field, result.message());
        Q_EMIT fieldStateChanged();
        Q_EMIT saveFailed(field, result.message());
        return;
    }
    if (onSuccess)
        onSuccess(result);
    Q_EMIT fieldStateChanged();
    Q_EMIT saved(field);
}

bool KeyDetailController::updateKey(const QString &field, const QString &property, const QJsonValue &value)
{
    // keys.updateKey answers with an empty object: show the value sent, then refresh quietly for
    // what the server derived from it (identity id, rate-limit ids, updatedAt).
    return submit(field, u"keys.updateKey"_s, {{property, value}}, [this, property, value](const ApiResult &) {
        if (value.isNull())
            m_key.remove(property);
        else
            m_key.insert(property, value);
        Q_EMIT keyChanged();
        load(true);
    });
}

// ---- the fields -----------------------------------------------------------------------------

QString KeyDetailController::draftProblem(const QString &field, const QString &text) const
{
    if (field == u"name")
        return KV::checkName(text.trimmed());
    if (field == u"owner")
        return KV::checkExternalId(text.trimmed());
    return {};
}

void KeyDetailController::clearError(const QString &field)
{
    if (m_errors.remove(field) > 0)
        Q_EMIT fieldStateChanged();
}

bool KeyDetailController::saveName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (const QString error = KV::checkName(trimmed); !error.isEmpty())
        return refuse(u"name"_s, error);
    return updateKey(u"name"_s, u"name"_s, trimmed.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(trimmed));
}

bool KeyDetailController::saveOwner(const QString &externalId)
{
    const QString trimmed = externalId.trimmed();
    if (const QString error = KV::checkExternalId(trimmed); !error.isEmpty())
        return refuse(u"owner"_s, error);
    const QJsonValue value = trimmed.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(trimmed);
    return submit(u"owner"_s, u"keys.updateKey"_s, {{u"externalId"_s, value}}, [this](const ApiResult &) {
        load(true); // the identity (created on the fly or not) comes with the key
    });
}

bool KeyDetailController::saveMeta(const QString &text)
{
    const KV::ParsedMeta meta = KV::parseMeta(text);
    if (!meta.error.isEmpty())
        return refuse(u"meta"_s, meta.error);
    return updateKey(u"meta"_s, u"meta"_s, meta.value);
}

bool KeyDetailController::saveExpiry(double expiresMs)
{
    const auto expires = qint64(expiresMs);
    if (const QString error = KV::checkExpires(expires, QDateTime::currentMSecsSinceEpoch()); !error.isEmpty())
        return refuse(u"expiry"_s, error);
    return updateKey(u"expiry"_s, u"expires"_s, expires == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(expires));
}

bool KeyDetailController::saveEnabled(bool enabled)
{
    const bool previous = this->enabled();
    if (m_saving.contains(u"enabled"_s) || !m_client)
        return false;
    m_key.insert(u"enabled"_s, enabled);
    Q_EMIT keyChanged();
    const bool sent = submit(u"enabled"_s, u"keys.updateKey"_s, {{u"enabled"_s, enabled}}, {}, [this, previous] {
        m_key.insert(u"enabled"_s, previous);
        Q_EMIT keyChanged();
    });
    if (!sent) {
        m_key.insert(u"enabled"_s, previous);
        Q_EMIT keyChanged();
    }
    return sent;
}

bool KeyDetailController::saveCredits(
    bool unlimited, double remaining, const QString &interval, double amount, int refillDay, bool remainingEdited)
{
    const KV::CreditsInput input {unlimited, qint64(remaining), interval, qint64(amount), refillDay};
    if (const QString error = KV::checkCredits(input); !error.isEmpty())
        return refuse(u"credits"_s, error);
    // The remaining figure the page shows may be older than the server's balance, which
    // verifications spend down meanwhile: it is sent only when the user set it.
    const QJsonValue change = KV::creditsChangeJson(input, m_key.value(u"credits"_s).toObject(), remainingEdited);
    return submit(u"credits"_s, u"keys.updateKey"_s, {{u"credits"_s, change}}, [this, change](const ApiResult &) {
        if (change.isNull()) {
            m_key.remove(u"credits"_s);
        } else {
            QJsonObject credits = m_key.value(u"credits"_s).toObject();
            const QJsonObject changed = change.toObject();
            for (auto it = changed.begin(); it != changed.end(); ++it) {
                if (it.value().isNull())
                    credits.remove(it.key());
                else
                    credits.insert(it.key(), it.value());
            }
            m_key.insert(u"credits"_s, credits);
        }
        Q_EMIT keyChanged();
        load(true); // the balance the server kept
    });
}

bool KeyDetailController::adjustCredits(const QString &operation, double value)
{
    if (operation != "set"_L1 && operation != "increment"_L1 && operation != "decrement"_L1)
        return refuse(u"credits"_s, tr("Unknown credit operation."));
    if (value < 0 || value > double(KV::kMaxExactInteger))
        return refuse(u"credits"_s, tr("Enter a number of credits of 0 or more."));
    const QJsonObject body {{u"operation"_s, operation}, {u"value"_s, qint64(value)}};
    return submit(u"credits"_s, u"keys.updateCredits"_s, body, [this](const ApiResult &result) {
        m_key.insert(u"credits"_s, result.data); // KeyCreditsData after the change
        Q_EMIT keyChanged();
    });
}

bool KeyDetailController::saveRatelimits(const QVariantList &ratelimits)
{
    if (const QString error = KV::checkRatelimits(ratelimits); !error.isEmpty())
        return refuse(u"ratelimits"_s, error);
    return updateKey(u"ratelimits"_s, u"ratelimits"_s, KV::ratelimitsJson(ratelimits));
}

// ---- reveal, reroll, delete -----------------------------------------------------------------

void KeyDetailController::reveal()
{
    submit(u"reveal"_s, u"keys.getKey"_s, {{u"decrypt"_s, true}}, [this](const ApiResult &result) {
        m_plaintext = result.data.toObject().value(u"plaintext"_s).toString();
        m_recoverable = m_plaintext.isEmpty() ? 0 : 1;
        if (m_plaintext.isEmpty()) {
            m_errors.insert(u"reveal"_s, tr("This key is not recoverable: its value was never stored."));
            Q_EMIT fieldStateChanged();
        }
        Q_EMIT plaintextChanged();
    });
}

void KeyDetailController::checkRecoverable()
{
    if (!m_client || !loaded() || m_deleted || m_recoverable != -1)
        return;
    const QString requested = m_keyId;
    m_client->post(u"keys.getKey"_s, {{u"keyId"_s, requested}, {u"decrypt"_s, true}}, this,
        [this, requested](const ApiResult &result) {
            if (requested != m_keyId || !result.ok())
                return;
            QString value = result.data.toObject().value(u"plaintext"_s).toString();
            m_recoverable = value.isEmpty() ? 0 : 1;
            value.fill(u'\0'); // only whether there is one was asked
            Q_EMIT plaintextChanged();
        });
}

void KeyDetailController::forgetPlaintext()
{
    m_plaintext.fill(u'\0');
    m_plaintext.clear();
    Q_EMIT plaintextChanged();
}

bool KeyDetailController::reroll(double graceMs)
{
    if (graceMs < 0 || graceMs > double(KV::kMaxExpires))
        return refuse(u"reroll"_s, tr("The grace period cannot be negative."));
    const QJsonObject body {{u"expiration"_s, qint64(graceMs)}};
    return submit(u"reroll"_s, u"keys.rerollKey"_s, body, [this](const ApiResult &result) {
        const QJsonObject data = result.data.toObject();
        m_newKey = data.value(u"key"_s).toString();
        m_newKeyId = data.value(u"keyId"_s).toString();
        // The server's `start`: the prefix with its "_" and the first 4 characters after it.
        m_replacedById = m_newKeyId;
        m_replacedByStart = m_newKey.left(m_newKey.lastIndexOf(u'_') + 1 + 4);
        m_replacedByDeleted = false;
        Q_EMIT replacementChanged();
        Q_EMIT newKeyChanged();
        Q_EMIT rerolled(m_newKeyId);
        load(true); // the old key now expires at the end of the grace period
    });
}

QString KeyDetailController::curlCommand() const
{
    if (m_newKey.isEmpty() || !m_client)
        return {};
    return IssueKeyController::verifyCommand(m_client->baseUrl(), m_newKey);
}

void KeyDetailController::forgetNewKey()
{
    m_newKey.fill(u'\0');
    m_newKey.clear();
    Q_EMIT newKeyChanged();
}

void KeyDetailController::copyToClipboard(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool KeyDetailController::deleteKey(bool permanent)
{
    return submit(u"delete"_s, u"keys.deleteKey"_s, {{u"permanent"_s, permanent}}, [this](const ApiResult &) {
        m_deleted = true;
        Q_EMIT keyChanged();
    });
}

} // namespace Latchkey::Dashboard
