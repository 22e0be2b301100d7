#include "apiclient.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcClient, "latchkey.dashboard.client")

namespace Latchkey::Dashboard {

namespace {

/// Whether @p action ("keys.updateCredits") changes something on the server: everything but the
/// reads (get…, list…, search…, whoami, analytics.…). A timed-out change may have been made.
bool changesSomething(const QString &action)
{
    const QStringView method = QStringView(action).mid(action.indexOf(u'.') + 1);
    for (const QStringView reading : {u"get", u"list", u"search", u"whoami"})
        if (method.startsWith(reading))
            return false;
    return !action.startsWith(u"analytics."_s);
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Redirects would carry the Authorization header to wherever the server points: refuse them.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    cancelAll();
}

void ApiClient::setConnection(const QUrl &baseUrl, const QString &rootKey)
{
    cancelAll();
    m_baseUrl = baseUrl;
    m_rootKey = rootKey;
    if (m_unreachable) { // another server: whether it answers is not known yet
        m_unreachable = false;
        Q_EMIT reachabilityChanged();
    }
    Q_EMIT connectionChanged();
}

quint64 ApiClient::post(const QString &action, const QJsonObject &body, QObject *context, Callback done, Failures failures)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/v2/"_s + action);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_rootKey.toUtf8());
    request.setTransferTimeout(m_timeoutMs);

    const quint64 id = m_nextId++;
    Pending pending;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    pending.action = action;
    pending.failures = failures;
    const bool wasBusy = busy();
    m_pending.insert(id, std::move(pending));
    qCDebug(lcClient) << "POST" << action << "id" << id;
    if (m_baseUrl.isValid())
        send(id, request, body);
    else
        refuseNotConnected(id, action);
    if (!wasBusy)
        Q_EMIT busyChanged();
    return id;
}

// Only with a base URL: a request to a URL without a scheme (a page asking while disconnected)
// gets Qt's QNetworkReplyImpl, which reports "protocol unknown" in a queued call of its own; an
// abort() before that call (the next setConnection() cancelling it) made the reply report a
// second error: "QNetworkReplyImplPrivate::error: Internal problem, this method must only be
// called once" (Qt 6.4 qnetworkreplyimpl.cpp: _q_startOperation() does not check for Aborted).
void ApiClient::send(quint64 id, const QNetworkRequest &request, const QJsonObject &body)
{
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    Pending &pending = m_pending[id];
    pending.reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        // Not ignored: the handshake fails and the call reports these errors (errorType "tls").
        if (auto it = m_pending.find(id); it != m_pending.end())
            for (const QSslError &error : errors)
                it->tlsErrors.append(error.errorString());
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { finish(id); });
    if (pending.context)
        connect(pending.context, &QObject::destroyed, reply, [this, id] { cancel(id); });
}

// Nothing to send to: "Not connected", as asynchronous as an answer. Said loudly, with the QML
// that asked: after Disconnect a page going away or a page's timer asking is a bug to find.
void ApiClient::refuseNotConnected(quint64 id, const QString &action)
{
    const QString caller = qmlCaller();
    qCWarning(lcClient).noquote() << "asked while not connected:" << action
                                  << (caller.isEmpty() ? u"(not from QML)"_s : u"from\n"_s + caller);
    Q_EMIT askedWhileNotConnected(action, caller);
    QMetaObject::invokeMethod(this, [this, id] { finish(id); }, Qt::QueuedConnection);
}

// The JavaScript stack at this moment: a QML handler calling a model's Q_INVOKABLE that posts is
// still on it. An Error's stack, evaluated in the running engine, lists the frames below it.
QString ApiClient::qmlCaller() const
{
    QJSEngine *engine = qjsEngine(this);
    if (!engine)
        return {};
    QStringList frames = engine->evaluate(u"new Error().stack"_s).toString().split(u'\n', Qt::SkipEmptyParts);
    if (!frames.isEmpty())
        frames.removeFirst(); // the evaluated line itself
    return frames.join(u'\n');
}

void ApiClient::cancel(quint64 id)
{
    if (!m_pending.contains(id))
        return;
    QNetworkReply *reply = m_pending.value(id).reply;
    dropPending(id);
    if (!reply) // never sent
        return;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ApiClient::cancelAll()
{
    const QList<quint64> ids = m_pending.keys();
    for (quint64 id : ids)
        cancel(id);
}

void ApiClient::dropPending(quint64 id)
{
    m_pending.remove(id);
    if (m_pending.isEmpty())
        Q_EMIT busyChanged();
}

void ApiClient::finish(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    const ApiResult result = resultOf(pending);
    if (pending.reply)
        pending.reply->deleteLater();
    dropPending(id);
    qCDebug(lcClient) << "done" << pending.action << "id" << id << "status" << result.httpStatus;

    noteReachability(result);
    if (pending.hasContext && !pending.context)
        return; // the asker is gone (its destroyed() normally cancelled us already)
    const bool reported = pending.failures == Failures::Report
        || (pending.failures == Failures::ReportUnlessNotFound && result.httpStatus != 404)
        || (pending.failures == Failures::ReportUnanswered && result.httpStatus == 0);
    if (!result.ok() && reported)
        Q_EMIT requestFailed(pending.action, result.title(), result.message(), result.errorDetail);
    if (pending.done)
        pending.done(result);
}

void ApiClient::noteReachability(const ApiResult &result)
{
    // TLS errors are not "unreachable": the server answered, and retrying will not help.
    const bool failedWithoutAnswer = result.httpStatus == 0 && result.errorType == u"network"_s;
    if (failedWithoutAnswer == m_unreachable)
        return;
    m_unreachable = failedWithoutAnswer;
    Q_EMIT reachabilityChanged();
    if (!m_unreachable) {
        qCInfo(lcClient) << "server answers again";
        Q_EMIT serverReachableAgain();
    }
}

ApiResult ApiClient::resultOf(const Pending &pending) const
{
    QNetworkReply *reply = pending.reply;
    if (!reply)
        return ApiResult::fromTransportError(u"network"_s, tr("Not connected"), tr("Not connected to a server."));
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        return ApiResult::fromHttp(status.toInt(), reply->readAll());
    if (!pending.tlsErrors.isEmpty())
        return ApiResult::fromTransportError(u"tls"_s, tr("TLS error"),
                                             tr("The server's certificate was rejected: %1")
                                                 .arg(pending.tlsErrors.join(u"; "_s)));
    // A request that changes something may have been carried out with its answer lost on the
    // way: a retried "Add 100 credits" added them twice (walkthrough 23b, Y15).
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return ApiResult::fromTransportError(u"network"_s, tr("Timeout"),
                                             changesSomething(pending.action)
                                                 ? tr("The server did not answer in time; the change may still have been made. Reload before trying again.")
                                                 : tr("%1 did not answer in time.").arg(m_baseUrl.toDisplayString()));
    return ApiResult::fromTransportError(u"network"_s, tr("Network error"),
                                         tr("Cannot reach %1: %2").arg(m_baseUrl.toDisplayString(), reply->errorString()));
}


void ApiClient::call(const QString &action, const QJsonObject &body, const QJSValue &callback)
{
    post(action, body, this, [this, callback](const ApiResult &result) {
        if (!callback.isCallable())
            return;
        QJSEngine *engine = qjsEngine(this);
        if (!engine)
            return;
        QJSValue(callback).call({engine->toScriptValue(result)});
    });
}

} // namespace Latchkey::Dashboard
