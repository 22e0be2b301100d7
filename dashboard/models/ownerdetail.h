#pragma once

#include "client/apiclient.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace Latchkey::Dashboard {

/// One owner (identity) for the owner page: its meta and shared rate limits
/// (`identities.getIdentity`). The owner's keys are a KeysModel with `externalId` set; the usage
/// figures and charts are the embedded console. An owner that does not exist (any more) is
/// `notFound`, which the page says itself: that 404 never reaches ApiClient::requestFailed (other
/// failures do).
class OwnerDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    /// The identity's id or external id (what identities.getIdentity accepts).
    Q_PROPERTY(QString identity READ identity WRITE setIdentity NOTIFY identityChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool found READ found NOTIFY loaded)
    /// The server answered that there is no such owner (404).
    Q_PROPERTY(bool notFound READ notFound NOTIFY loaded)
    Q_PROPERTY(QString identityId READ identityId NOTIFY loaded)
    Q_PROPERTY(QString externalId READ externalId NOTIFY loaded)
    Q_PROPERTY(QVariantMap meta READ meta NOTIFY loaded)
    /// Pretty-printed JSON of meta ("{}" when none), for display.
    /// The meta as indented JSON; "" when the owner has none.
    Q_PROPERTY(QString metaJson READ metaJson NOTIFY loaded)
    /// [{id, name, limit, duration, autoApply}]
    Q_PROPERTY(QVariantList ratelimits READ ratelimits NOTIFY loaded)

public:
    explicit OwnerDetail(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString identity() const { return m_identity; }
    void setIdentity(const QString &identity);
    bool loading() const { return m_pending > 0; }
    bool found() const { return !m_data.isEmpty(); }
    bool notFound() const { return m_notFound; }
    QString identityId() const;
    QString externalId() const;
    QVariantMap meta() const;
    QString metaJson() const;
    QVariantList ratelimits() const;

    /// Fetches everything again; what is shown stays until the answer replaces it.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void clientChanged();
    void identityChanged();
    void loadingChanged();
    void loaded();

private:
    void beginCall();
    void endCall();

    QPointer<ApiClient> m_client;
    QString m_identity;
    QJsonObject m_data;
    bool m_notFound = false;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace Latchkey::Dashboard
