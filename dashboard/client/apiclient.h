#pragma once

#include "apiresult.h"

#include <QHash>
#include <QJSValue>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQmlIntegration>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Latchkey::Dashboard {

/// Asynchronous client of one latchkeyd: `POST <baseUrl>/v2/<action>` with a JSON body and the
/// root key in the Authorization header only (never in a URL, never logged).
///
/// Every call is asynchronous (QNetworkAccessManager); its callback runs on the GUI thread and
/// never after its `context` object died (the request is cancelled then). Every failed call that
/// was not cancelled is also reported through requestFailed(), the one error sink the UI shows.
/// TLS errors fail the call with errorType "tls"; they are never ignored.
class ApiClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the session")
    Q_PROPERTY(QUrl baseUrl READ baseUrl NOTIFY connectionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// baseUrl as text, for display.
    Q_PROPERTY(QString address READ address NOTIFY connectionChanged)
    /// The last answered-or-not call got no HTTP answer (network error or timeout): the server
    /// is unreachable until a later call gets one (then serverReachableAgain()).
    Q_PROPERTY(bool unreachable READ unreachable NOTIFY reachabilityChanged)

public:
    using Callback = std::function<void(const ApiResult &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    /// Points the client at @p baseUrl (e.g. http://127.0.0.1:7070) with @p rootKey. No I/O;
    /// calls in flight are cancelled.
    void setConnection(const QUrl &baseUrl, const QString &rootKey);
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString address() const { return m_baseUrl.toDisplayString(); }
    /// The root key, for handing to the embedded console only (it goes into a header there too).
    Q_INVOKABLE [[nodiscard]] QString rootKey() const { return m_rootKey; }
    [[nodiscard]] bool busy() const { return !m_pending.isEmpty(); }
    [[nodiscard]] bool unreachable() const { return m_unreachable; }
    /// Per-call timeout; a call that takes longer fails with a network error.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    /// Whether a failure goes to requestFailed() as well as to the callback.
    enum class Failures {
        Report, ///< the default: the user sees every failure
        Quiet,  ///< a lookup that may miss (e.g. "is this text an owner's external id?"): the
                ///< caller handles the failure itself and says what it means
        /// A page's own object (a key, an owner, a namespace): a 404 is what the page says
        /// itself ("does not exist any more"), every other failure is reported.
        ReportUnlessNotFound,
        /// A form field's save: what the server answered about the value is said at the field
        /// by the caller (once: not in the banner too); a request with no answer (the server
        /// down) is reported, as it is about the connection, not the field.
        ReportUnanswered,
        /// A request a dialog sent (a create, an edit): the dialog says every failure itself,
        /// with what was typed kept, a taken name (409) under its field. None is reported: the
        /// error banner is behind the modal dialog, and a dialog's request has one place.
        ToTheDialog,
    };

    /// POST baseUrl/v2/<action> with @p body. @p done runs on the GUI thread with the result,
    /// never after @p context died (null context: always). Returns an id for cancel().
    quint64 post(const QString &action, const QJsonObject &body, QObject *context, Callback done,
                 Failures failures = Failures::Report);
    /// Aborts the call: neither its callback nor requestFailed() fires. Unknown ids are ignored.
    void cancel(quint64 id);
    /// Cancels every call in flight.
    void cancelAll();

    /// For QML: `client.call("keys.getKey", {keyId: id}, function(result) { ... })`, result an
    /// apiResult. The callback may be omitted (fire and forget; failures still reach requestFailed).
    Q_INVOKABLE void call(const QString &action, const QJsonObject &body, const QJSValue &callback = QJSValue());

Q_SIGNALS:
    /// The ONE error sink: every failed call (not cancelled) is reported here; the ErrorBanner
    /// shows @p title (ApiResult::title(): translated) and @p detail (ApiResult::message(): translated for known errors) and keeps
    /// @p serverDetail, the server's own words, at hand.
    void requestFailed(const QString &action, const QString &title, const QString &detail, const QString &serverDetail);
    void connectionChanged();
    void busyChanged();
    void reachabilityChanged();
    /// A call got an HTTP answer after calls had failed without one: the network failures the
    /// banner shows are resolved. Emitted before that call's own requestFailed(), if any.
    void serverReachableAgain();
    /// A call was made with no server to send it to (after Disconnect, before a connection):
    /// nothing should ask then, so whoever did is a bug (a page's timer, a page going away that
    /// still asks). @p caller is the QML stack that asked, "" when no QML was running. Also
    /// logged as a warning; the call fails as "Not connected" as before.
    void askedWhileNotConnected(const QString &action, const QString &caller);

private:
    struct Pending {
        QNetworkReply *reply = nullptr; ///< null while not connected: nothing was sent
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
        QString action;
        QStringList tlsErrors;
        Failures failures = Failures::Report;
    };

    void send(quint64 id, const QNetworkRequest &request, const QJsonObject &body);
    void refuseNotConnected(quint64 id, const QString &action);
    [[nodiscard]] QString qmlCaller() const;
    void finish(quint64 id);
    ApiResult resultOf(const Pending &pending) const;
    void dropPending(quint64 id);
    void noteReachability(const ApiResult &result);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_rootKey;
    int m_timeoutMs = 60000;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
    bool m_unreachable = false;
};

} // namespace Latchkey::Dashboard
