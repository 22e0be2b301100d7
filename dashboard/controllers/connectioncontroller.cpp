#include "connectioncontroller.h"

#include "apiclient.h"
#include "rootkeyvault.h"
#include "session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QRegularExpression>
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
    : QObject(parent), m_session(session), m_vault(vault), m_probe(new ApiClient(this)), m_slowTimer(new QTimer(this))
{
    m_probe->setTimeout(kProbeTimeoutMs);
    m_slowTimer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; "has not answered for 10 s" should be true.
    m_slowTimer->setTimerType(Qt::PreciseTimer);
    m_slowTimer->setInterval(kSlowAfterMs);
    connect(m_slowTimer, &QTimer::timeout, this, [this] {
        if (!m_connecting)
            return;
        m_slow = true;
        qCInfo(lcConnection) << "the server has not answered for" << kSlowAfterMs << "ms";
        Q_EMIT stateChanged();
    });
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
    // Translated when asked (the vault keeps the source text): follows every language change.
    return m_vault->unavailableReason();
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
    const QString text = url.trimmed();
    if (text.isEmpty())
        return tr("Enter the server's address, e.g. https://keys.example.com.");
    // A scheme before "://" that is not http or https: "htp://", "ftp://".
    static const QRegularExpression schemed(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    if (const QRegularExpressionMatch match = schemed.match(text); match.hasMatch()) {
        const QString scheme = match.captured(1).toLower();
        if (scheme != u"http" && scheme != u"https")
            return tr("“%1” is not http or https: write http:// or https:// in front of the host.").arg(match.captured(1));
    } else {
        // "http//host", "https:/host", "http:host": a scheme whose "://" lost a character.
        static const QRegularExpression broken(u"^(https?)(:/?(?!/)|//)"_s, QRegularExpression::CaseInsensitiveOption);
        if (const QRegularExpressionMatch typo = broken.match(text); typo.hasMatch())
            return tr("“%1” is missing part of “://”: write %2://host.").arg(text, typo.captured(1).toLower());
        // Without a scheme only this machine is assumed to speak plain http ("localhost:7070").
        const QUrl assumed = normalizedUrl(text);
        if (assumed.isValid() && !isLoopback(assumed.host()))
            return tr("“%1” has no http:// or https:// in front: write which one the server uses, e.g. https://%1.").arg(text);
    }
    if (!normalizedUrl(text).isValid())
        return tr("“%1” is not an http:// or https:// server address.").arg(text);
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
    start(url, rootKey, remember ? Remember::UrlAndKey : Remember::Nothing, insecureConfirmed);
}

void ConnectionController::connectFromCommandLine(const QString &url, const QString &rootKey)
{
    start(url, rootKey, Remember::Url, false);
}

void ConnectionController::start(const QString &url, const QString &rootKey, Remember remember, bool insecureConfirmed)
{
    if (const QString invalid = validateUrl(url); !invalid.isEmpty())
        return fail(invalid);
    if (rootKey.trimmed().isEmpty())
        return fail(tr("Enter a root key."));
    if (needsInsecureConfirmation(url) && !insecureConfirmed)
        return fail(tr("Plain http:// to another machine sends the root key unencrypted; confirm it first."));
    probe(normalizedUrl(url), rootKey.trimmed(), remember);
}

void ConnectionController::connectLocal(const QUrl &url, const QString &rootKey)
{
    probe(url, rootKey, Remember::Nothing);
}

void ConnectionController::connectRecent(const QString &url)
{
    m_error.clear();
    setConnecting(true);
    const quint64 attempt = m_attempt;
    m_vault->read(url, this, [this, url, attempt](const QString &key) {
        if (attempt != m_attempt) // cancelled meanwhile
            return;
        setConnecting(false);
        if (key.isEmpty()) {
            Q_EMIT rootKeyNeeded(url);
            return;
        }
        probe(normalizedUrl(url), key, Remember::UrlAndKey);
    });
}

void ConnectionController::setConnecting(bool connecting)
{
    ++m_attempt;
    m_connecting = connecting;
    m_slow = false;
    if (connecting)
        m_slowTimer->start();
    else
        m_slowTimer->stop();
    Q_EMIT stateChanged();
}

void ConnectionController::cancel()
{
    if (!m_connecting)
        return;
    qCInfo(lcConnection) << "connecting cancelled";
    m_probe->setConnection({}, {}); // cancels the check in flight: no callback runs
    m_error.clear();
    setConnecting(false);
}

void ConnectionController::clearError()
{
    if (m_connecting || m_error.isEmpty())
        return;
    m_error.clear();
    Q_EMIT stateChanged();
}

void ConnectionController::probe(const QUrl &url, const QString &rootKey, Remember remember)
{
    m_error.clear();
    setConnecting(true);
    m_probe->setConnection(url, rootKey);
    m_probe->post(u"rootKeys.whoami"_s, {}, this, [=, this](const ApiResult &result) {
        if (result.ok())
            return succeed(url, rootKey, remember);
        if (result.httpStatus == 404) // a server without rootKeys.whoami
            return probeFallback(url, rootKey, remember);
        if (result.httpStatus == 401)
            return fail(tr("The server at %1 does not accept this root key: %2").arg(url.toDisplayString(), result.message()));
        fail(result.message());
    });
}

void ConnectionController::probeFallback(const QUrl &url, const QString &rootKey, Remember remember)
{
    m_probe->post(u"apis.listApis"_s, {{u"limit"_s, 1}}, this, [=, this](const ApiResult &result) {
        // 403 still proves the key valid: it only lacks the permission to list APIs.
        if (result.ok() || result.httpStatus == 403)
            return succeed(url, rootKey, remember);
        if (result.httpStatus == 401)
            return fail(tr("The server at %1 does not accept this root key: %2").arg(url.toDisplayString(), result.message()));
        fail(result.message());
    });
}

void ConnectionController::succeed(const QUrl &url, const QString &rootKey, Remember remember)
{
    m_probe->setConnection({}, {});
    m_error.clear();
    setConnecting(false);
    qCInfo(lcConnection).noquote() << "connected to" << url.toDisplayString();
    const QString key = url.toString();
    if (remember != Remember::Nothing)
        ConnectionController::remember(key, false);
    if (remember == Remember::UrlAndKey) {
        m_vault->store(key, rootKey, this, [this, key](bool stored) {
            if (stored)
                ConnectionController::remember(key, true);
        });
    }
    m_session->connectTo(url, rootKey);
    Q_EMIT connected();
}

void ConnectionController::fail(const QString &detail)
{
    m_probe->setConnection({}, {});
    m_error = detail;
    setConnecting(false);
    qCInfo(lcConnection).noquote() << "connection failed:" << detail;
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
