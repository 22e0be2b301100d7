#include "models/ownerdetail.h"

#include "client/apiclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

OwnerDetail::OwnerDetail(QObject *parent)
    : QObject(parent)
{
}

void OwnerDetail::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    refresh();
}

void OwnerDetail::setIdentity(const QString &identity)
{
    if (m_identity == identity)
        return;
    m_identity = identity;
    Q_EMIT identityChanged();
    refresh();
}

QString OwnerDetail::identityId() const
{
    return m_data.value(u"id"_s).toString();
}

QString OwnerDetail::externalId() const
{
    return m_data.value(u"externalId"_s).toString();
}

QVariantMap OwnerDetail::meta() const
{
    return m_data.value(u"meta"_s).toObject().toVariantMap();
}

QString OwnerDetail::metaJson() const
{
    // No meta is "" (the page says "No metadata"), not an empty "{ }".
    const QJsonObject meta = m_data.value(u"meta"_s).toObject();
    return meta.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Indented));
}

QVariantList OwnerDetail::ratelimits() const
{
    return m_data.value(u"ratelimits"_s).toArray().toVariantList();
}

void OwnerDetail::beginCall()
{
    if (m_pending++ == 0)
        Q_EMIT loadingChanged();
}

void OwnerDetail::endCall()
{
    if (--m_pending == 0)
        Q_EMIT loadingChanged();
}

void OwnerDetail::refresh()
{
    ++m_generation;
    m_data = {};
    m_usageDay.clear();
    m_usageMonth.clear();
    Q_EMIT loaded();
    Q_EMIT usageChanged();
    if (!m_client || m_identity.isEmpty())
        return;
    const quint64 generation = m_generation;
    beginCall();
    m_client->post(u"identities.getIdentity"_s, {{u"identity"_s, m_identity}}, this,
                   [this, generation](const ApiResult &result) {
                       endCall();
                       if (generation != m_generation || !result.ok())
                           return;
                       m_data = result.data.toObject();
                       Q_EMIT loaded();
                       fetchUsage();
                   });
}

QVariantMap OwnerDetail::sumBuckets(const QJsonArray &buckets, qint64 sinceMs)
{
    qint64 verifications = 0;
    qint64 valid = 0;
    qint64 spent = 0;
    for (const QJsonValue &value : buckets) {
        const QJsonObject bucket = value.toObject();
        if (bucket.value(u"time"_s).toInteger() < sinceMs)
            continue;
        verifications += bucket.value(u"total"_s).toInteger();
        valid += bucket.value(u"outcomes"_s).toObject().value(u"VALID"_s).toInteger();
        spent += bucket.value(u"spentCredits"_s).toInteger();
    }
    return {{u"verifications"_s, verifications},
            {u"valid"_s, valid},
            {u"rejections"_s, verifications - valid},
            {u"spentCredits"_s, spent}};
}

void OwnerDetail::fetchUsage()
{
    // Hourly buckets over 30 days (720, under the 1500 limit) give both numbers in one call.
    const qint64 end = (QDateTime::currentMSecsSinceEpoch() / kHourMs + 1) * kHourMs;
    const qint64 start = end - 30 * kDayMs;
    const QJsonObject body{{u"scope"_s, u"identity"_s},
                           {u"identityId"_s, identityId()},
                           {u"start"_s, start},
                           {u"end"_s, end},
                           {u"bucket"_s, u"hour"_s}};
    const quint64 generation = m_generation;
    beginCall();
    m_client->post(u"analytics.getTimeseries"_s, body, this, [this, generation, end](const ApiResult &result) {
        endCall();
        if (generation != m_generation || !result.ok())
            return;
        const QJsonArray buckets = result.data.toObject().value(u"buckets"_s).toArray();
        m_usageDay = sumBuckets(buckets, end - kDayMs);
        m_usageMonth = sumBuckets(buckets, end - 30 * kDayMs);
        Q_EMIT usageChanged();
    });
}

} // namespace Latchkey::Dashboard
