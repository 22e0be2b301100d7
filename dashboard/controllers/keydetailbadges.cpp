// KeyDetailController's status badges, the key lists' (KeysModel) for this one key: those of
// the key's data, "replaced" from the audit log, "rateLimited" from the verification log, each
// against the time now and changing when the time comes, not only when the key loads.
#include "keydetailcontroller.h"

#include "models/keysmodel.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QStringList KeyDetailController::badges() const
{
    if (m_key.isEmpty())
        return {};
    const qint64 at = now();
    QStringList badges = KeysModel::badgesFor(m_key, at);
    // As KeysModel::badgesOf: a key a reroll replaced that still works says so, and until when
    // ("replaced, expires in 1 day"). Right after a reroll with a day's grace the header said
    // nothing of it: the server rounds the end up to the whole minute, just past "expiring"'s 24 h
    // (walk 22/X26).
    if (!m_replacedById.isEmpty() && !badges.contains(u"expired"_s))
        badges.append(m_replacedByDeleted ? u"replacedByDeleted"_s : u"replaced"_s);
    // Walk 23b/Y7: the list said "rate limited" and the key's own page did not.
    if (m_rateLimitBadges && m_rateLimitedAt > at - KeysModel::kRateLimitedWithinMs)
        badges.append(u"rateLimited"_s);
    return badges;
}

bool KeyDetailController::expired() const
{
    const qint64 expires = m_key.value(u"expires"_s).toInteger();
    return expires > 0 && expires <= now();
}

void KeyDetailController::setRateLimitBadges(bool enabled)
{
    if (m_rateLimitBadges == enabled)
        return;
    m_rateLimitBadges = enabled;
    Q_EMIT rateLimitBadgesChanged();
    if (m_rateLimitedAt > 0)
        Q_EMIT usageChanged();
    if (enabled && !m_key.isEmpty())
        fetchRateLimited();
}

void KeyDetailController::fetchRateLimited()
{
    if (!m_client || m_keyId.isEmpty() || !m_rateLimitBadges || m_deleted)
        return;
    if (m_rateLimitRequest != 0)
        m_client->cancel(std::exchange(m_rateLimitRequest, 0));
    const QString requested = m_keyId;
    const QJsonObject query{{u"keyId"_s, requested},
                            {u"outcomes"_s, QJsonArray{u"RATE_LIMITED"_s}},
                            {u"start"_s, now() - KeysModel::kRateLimitedWithinMs},
                            {u"limit"_s, 1}};
    m_rateLimitRequest = m_client->post(u"analytics.getVerificationLog"_s, query, this,
        [this, requested](const ApiResult &result) {
            m_rateLimitRequest = 0;
            if (requested != m_keyId || !result.ok())
                return;
            qint64 newest = 0;
            for (const QJsonValue &event : result.data.toArray())
                newest = std::max(newest, event.toObject().value(u"time"_s).toInteger());
            if (newest == m_rateLimitedAt)
                return;
            const bool wasShown = badges().contains(u"rateLimited"_s);
            m_rateLimitedAt = newest;
            if (badges().contains(u"rateLimited"_s) != wasShown)
                Q_EMIT usageChanged(); // which sets the timer again
            else
                scheduleBadgeChange();
        },
        ApiClient::Failures::Quiet);
}

void KeyDetailController::scheduleBadgeChange()
{
    const qint64 at = now();
    qint64 next = 0;
    const auto consider = [at, &next](qint64 moment) {
        if (moment > at && (next == 0 || moment < next))
            next = moment;
    };
    const qint64 expires = m_key.value(u"expires"_s).toInteger();
    if (expires > 0) {
        consider(expires - KeysModel::kExpiringWithinMs);
        consider(expires);
    }
    if (m_rateLimitBadges && m_rateLimitedAt > 0)
        consider(m_rateLimitedAt + KeysModel::kRateLimitedWithinMs);
    if (next == 0) {
        m_badgeTimer.stop();
        return;
    }
    // A QTimer counts in int milliseconds: a moment further away is aimed at again after a day.
    constexpr qint64 day = 24LL * 3600 * 1000;
    m_badgeTimer.start(int(std::min(next - at + 1, day)));
}

} // namespace Latchkey::Dashboard
