#include "connectioncontroller.h"

#include "apiclient.h"
#include "rootkeyvault.h"
#include "session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSettings>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnection, "latchkey.dashboard.connection")

namespace Latchkey::Dashboard {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = u"connections/recent"_s;

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

ConnectionController::ConnectionController(Session *session, RootKeyVault *vault, QObject *parent)
    : QObject(parent), m_session(session), m_vault(vault), m_probe(new ApiClient(this))
{
    m_probe->setTimeout(15000);
    m_recent = QSettings().value(RecentKey).toList();
    connect(m_vault, &RootKeyVault::availabilityChanged, this, &ConnectionController::keychainChanged);
    // QQmlEngine::retranslate() re-evaluates qsTr() only; a C++ text needs its NOTIFY signal.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool ConnectionController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        Q_EMIT keychainChanged();
    return QObject::eventFilter(watched, event);
}

bool ConnectionController::keychainAvailable() const
{
    return m_vault->available();
}

QString ConnectionController::keychainStatus() const
{
    // The vault keeps the text in the language of the moment it found the keychain missing
    // (usually start-up, in English); looked up again here, it follows a later language change.
    const QString reason = m_vault->unavailableReason();
    const QByteArray source = reason.toUtf8();
    return QCoreApplication::translate("Latchkey::Dashboard::RootKeyVault", source.constData());
}

QString ConnectionController::keychainDetail() const
{
    return m_vault->unavailableDetail();
}

QUrl ConnectionController::normalizedUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url = QUrl::fromUserInput(trimmed);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return {};
    while (url.path().endsWith(u'/'))
        url.setPath(url.path().chopped(1));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString ConnectionController::validateUrl(const QString &url) const
{
    if (url.trimmed().isEmpty())
        return tr("Enter the server's address, e.g. https://keys.example.com.");
    if (!normalizedUrl(url).isValid())
        return tr("“%1” is not an http:// or https:// server address.").arg(url.trimmed());
    return {};
}

bool ConnectionController::needsInsecureConfirmation(const QString &url) const
{
    const QUrl normalized = normalizedUrl(url);
    return normalized.scheme() == u"http" && !isLoopback(normalized.host());
}

void ConnectionController::connectToServer(const QString &url, const QString &rootKey, bool remember,
                                           bool insecureConfirmed)
{
    if (const QString invalid = validateUrl(url); !invalid.isEmpty())
        return fail(invalid);
    if (rootKey.trimmed().isEmpty())
        return fail(tr("Enter a root key."));
    if (needsInsecureConfirmation(url) && !insecureConfirmed)
        return fail(tr("Plain http:// to another machine sends the root key unencrypted; confirm it first."));
    probe(normalizedUrl(url), rootKey.trimmed(), remember, false);
}

void ConnectionController::connectLocal(const QUrl &url, const QString &rootKey)
{
    probe(url, rootKey, true, true);
}

void ConnectionController::connectRecent(const QString &url)
{
    m_error.clear();
    m_connecting = true;
    Q_EMIT stateChanged();
    m_vault->read(url, this, [this, url](const QString &key) {
        m_connecting = false;
        Q_EMIT stateChanged();
        if (key.isEmpty()) {
            Q_EMIT rootKeyNeeded(url);
            return;
        }
        probe(normalizedUrl(url), key, true, false);
    });
}

void ConnectionController::probe(const QUrl &url, const QString &rootKey, bool remember, bool local)
{
    m_error.clear();
    m_connecting = true;
    Q_EMIT stateChanged();
    m_probe->setConnection(url, rootKey);
    m_probe->post(u"rootKeys.whoami"_s, {}, this, [=, this](const ApiResult &result) {
        if (result.ok())
            return succeed(url, rootKey, remember, local);
        if (result.httpStatus == 404) // a server without rootKeys.whoami
            return probeFallback(url, rootKey, remember, local);
        if (result.httpStatus == 401)
            return fail(tr("The server at %1 does not accept this root key: %2").arg(url.toDisplayString(), result.errorDetail));
        fail(result.errorDetail);
    });
}

void ConnectionController::probeFallback(const QUrl &url, const QString &rootKey, bool remember, bool local)
{
    m_probe->post(u"apis.listApis"_s, {{u"limit"_s, 1}}, this, [=, this](const ApiResult &result) {
        // 403 still proves the key valid: it only lacks the permission to list APIs.
        if (result.ok() || result.httpStatus == 403)
            return succeed(url, rootKey, remember, local);
        if (result.httpStatus == 401)
            return fail(tr("The server at %1 does not accept this root key: %2").arg(url.toDisplayString(), result.errorDetail));
        fail(result.errorDetail);
    });
}

void ConnectionController::succeed(const QUrl &url, const QString &rootKey, bool remember, bool local)
{
    m_probe->setConnection({}, {});
    m_connecting = false;
    m_error.clear();
    qCInfo(lcConnection).noquote() << "connected to" << url.toDisplayString();
    const QString key = url.toString();
    if (remember && !local) {
        ConnectionController::remember(key, false);
        m_vault->store(key, rootKey, this, [this, key](bool stored) {
            if (stored)
                ConnectionController::remember(key, true);
        });
    }
    m_session->connectTo(url, rootKey);
    Q_EMIT stateChanged();
    Q_EMIT connected();
}

void ConnectionController::fail(const QString &detail)
{
    m_probe->setConnection({}, {});
    m_connecting = false;
    m_error = detail;
    qCInfo(lcConnection).noquote() << "connection failed:" << detail;
    Q_EMIT stateChanged();
    Q_EMIT failed(detail);
}

void ConnectionController::remember(const QString &url, bool keyStored)
{
    bool wasStored = false;
    for (qsizetype i = m_recent.size() - 1; i >= 0; --i)
        if (m_recent.at(i).toMap().value(u"url"_s).toString() == url) {
            wasStored = m_recent.at(i).toMap().value(u"keyStored"_s).toBool();
            m_recent.removeAt(i);
        }
    m_recent.prepend(QVariantMap{{u"url"_s, url},
                                 {u"lastUsed"_s, QDateTime::currentMSecsSinceEpoch()},
                                 {u"keyStored"_s, keyStored || wasStored}});
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    saveRecent();
}

void ConnectionController::forget(const QString &url)
{
    for (qsizetype i = m_recent.size() - 1; i >= 0; --i)
        if (m_recent.at(i).toMap().value(u"url"_s).toString() == url)
            m_recent.removeAt(i);
    m_vault->remove(url);
    saveRecent();
}

void ConnectionController::saveRecent()
{
    QSettings().setValue(RecentKey, m_recent);
    Q_EMIT recentConnectionsChanged();
}

} // namespace Latchkey::Dashboard
