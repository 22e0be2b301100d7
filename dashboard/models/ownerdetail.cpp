#include "models/ownerdetail.h"

#include "client/apiclient.h"
#include "controllers/keyvalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

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
    // What the last owner has never shows under this one.
    m_data = {};
    m_notFound = false;
    Q_EMIT identityChanged();
    Q_EMIT loaded();
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

QString OwnerDetail::metaText() const
{
    return metaJson().trimmed();
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
    if (!m_client || m_identity.isEmpty())
        return;
    const quint64 generation = m_generation;
    beginCall();
    m_client->post(u"identities.getIdentity"_s, {{u"identity"_s, m_identity}}, this,
                   [this, generation](const ApiResult &result) {
                       endCall();
                       if (generation != m_generation)
                           return;
                       if (result.ok() || result.httpStatus == 404) {
                           m_data = result.ok() ? result.data.toObject() : QJsonObject();
                           m_notFound = !result.ok();
                           Q_EMIT loaded();
                       }
                   },
                   ApiClient::Failures::ReportUnlessNotFound);
}

bool OwnerDetail::saveMeta(const QString &text)
{
    const KeyValidation::ParsedMeta meta = KeyValidation::parseMeta(text);
    if (!meta.error.isEmpty())
        return refuse(u"meta"_s, meta.error);
    // `meta` is an object on this endpoint (no null): an empty one removes every property.
    return update(u"meta"_s, meta.value.isNull() ? QJsonValue(QJsonObject()) : meta.value);
}

bool OwnerDetail::saveRatelimits(const QVariantList &ratelimits)
{
    if (const QString error = KeyValidation::checkRatelimits(ratelimits); !error.isEmpty())
        return refuse(u"ratelimits"_s, error);
    return update(u"ratelimits"_s, KeyValidation::ratelimitsJson(ratelimits));
}

void OwnerDetail::clearError(const QString &field)
{
    if (m_errors.remove(field) > 0)
        Q_EMIT fieldStateChanged();
}

bool OwnerDetail::refuse(const QString &field, const QString &message)
{
    m_errors.insert(field, message);
    Q_EMIT fieldStateChanged();
    return false;
}

bool OwnerDetail::update(const QString &field, const QJsonValue &value)
{
    if (!m_client || !found() || m_saving.contains(field))
        return false;
    m_saving.insert(field, true);
    m_errors.remove(field);
    Q_EMIT fieldStateChanged();
    const QJsonObject body {{u"identity"_s, identityId()}, {field, value}};
    m_client->post(u"identities.updateIdentity"_s, body, this, [this, field](const ApiResult &result) {
        m_saving.remove(field);
        if (!result.ok()) {
            // As on the key page: the server's answer about the value under the field only, no
            // answer at all (the server down) in the banner only.
            if (result.httpStatus != 0)
                m_errors.insert(field, result.message());
            Q_EMIT fieldStateChanged();
            return;
        }
        // The answer is the identity as saved (the limits with their ids): shown as it is.
        m_data = result.data.toObject();
        Q_EMIT loaded();
        Q_EMIT fieldStateChanged();
        Q_EMIT saved(field);
    }, ApiClient::Failures::ReportUnanswered);
    return true;
}

} // namespace Latchkey::Dashboard
