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
///
/// Its meta and shared rate limits are edited in place with `identities.updateIdentity`, which
/// replaces each as a whole when given. The saving state speaks KeyDetailController's language
/// (`saving`, `errors`, clearError(), saved()) for the field names "meta" and "ratelimits", so the
/// key page's cards (KeySection) serve here too.
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
    /// The meta as indented JSON for the meta editor, as KeyDetailController::metaText.
    Q_PROPERTY(QString metaText READ metaText NOTIFY loaded)
    /// [{id, name, limit, duration, autoApply}]
    Q_PROPERTY(QVariantList ratelimits READ ratelimits NOTIFY loaded)
    /// Field name -> true while its save runs.
    Q_PROPERTY(QVariantMap saving READ saving NOTIFY fieldStateChanged)
    /// Field name -> why its last save failed (the server's detail or the client-side check).
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY fieldStateChanged)

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
    QString metaText() const;
    QVariantList ratelimits() const;
    QVariantMap saving() const { return m_saving; }
    QVariantMap errors() const { return m_errors; }

    /// Fetches everything again; what is shown stays until the answer replaces it.
    Q_INVOKABLE void refresh();

    // Each returns false (and sets errors[field]) when the client-side check refuses the value or
    // the field is already saving; true when the call was made.
    /// Replaces the meta: blank text removes it, otherwise a JSON object (KeyValidation::parseMeta).
    Q_INVOKABLE bool saveMeta(const QString &text);
    /// Replaces the shared rate limits with @p ratelimits ({name, limit, duration ms, autoApply}).
    Q_INVOKABLE bool saveRatelimits(const QVariantList &ratelimits);
    /// Forgets errors[@p field] (the card's draft was discarded: the error was about it).
    Q_INVOKABLE void clearError(const QString &field);

Q_SIGNALS:
    void clientChanged();
    void identityChanged();
    void loadingChanged();
    void loaded();
    void fieldStateChanged();
    /// A save of @p field succeeded; the owner shown is the server's answer.
    void saved(const QString &field);

private:
    void beginCall();
    void endCall();
    bool refuse(const QString &field, const QString &message);
    bool update(const QString &field, const QJsonValue &value);

    QPointer<ApiClient> m_client;
    QString m_identity;
    QJsonObject m_data;
    bool m_notFound = false;
    quint64 m_generation = 0;
    int m_pending = 0;
    QVariantMap m_saving;
    QVariantMap m_errors;
};

} // namespace Latchkey::Dashboard
