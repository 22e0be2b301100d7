#pragma once

#include "client/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// The names of a few APIs a page knows only the ids of (the Root keys page's one-API
/// permissions, "api.<id>.read_key"), each asked for once (`apis.getApi`), not found by reading
/// every page of `apis.listApis`. An API that is gone, or that the root key may not read, has no
/// name here (the page shows its id); such a lookup is quiet: a miss is an answer, not an error.
class ApiNames : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    /// Each API's name by its id, for the APIs asked for that exist.
    Q_PROPERTY(QVariantMap names READ names NOTIFY namesChanged)

public:
    explicit ApiNames(QObject *parent = nullptr);

    [[nodiscard]] ApiClient *client() const { return m_client; }
    /// Another client (or none) starts over: no names, nothing asked, older answers dropped.
    void setClient(ApiClient *client);
    [[nodiscard]] QVariantMap names() const { return m_names; }

    /// Asks for the names of those of @p apiIds not asked for yet (none without a client).
    Q_INVOKABLE void ask(const QStringList &apiIds);
    /// Asks again for every API asked for so far (a Refresh: one renamed or deleted since); the
    /// names known stay until the answers replace them.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void clientChanged();
    void namesChanged();

private:
    void lookUp(const QString &apiId);

    QPointer<ApiClient> m_client;
    QVariantMap m_names;
    QSet<QString> m_asked;
    quint64 m_generation = 0; ///< bumped per client: answers for an older one are dropped
};

} // namespace Latchkey::Dashboard
