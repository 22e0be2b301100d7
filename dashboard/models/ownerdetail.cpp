#include "models/ownerdetail.h"

#include "client/apiclient.h"

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

} // namespace Latchkey::Dashboard
