#include "session.h"

#include "apiclient.h"
#include "capabilities.h"
#include "formatter.h"
#include "settingscontroller.h"

namespace Latchkey::Dashboard {

namespace {
/// A call fails when the server sent nothing for this long (a hung server), instead of
/// ApiClient's 60 s; the banner then says the server did not answer.
constexpr int kRequestTimeoutMs = 30000;
} // namespace

Session::Session(QObject *parent)
    : QObject(parent), m_client(new ApiClient(this)), m_capabilities(new Capabilities(this)),
      m_format(new Formatter(this)), m_settings(new SettingsController(m_format, this))
{
    m_client->setTimeout(kRequestTimeoutMs);
}

void Session::connectTo(const QUrl &baseUrl, const QString &rootKey)
{
    m_client->setConnection(baseUrl, rootKey);
    m_capabilities->clear();
    m_capabilities->refresh(m_client);
    if (!m_connected) {
        m_connected = true;
        Q_EMIT connectedChanged();
    }
}

void Session::disconnectFromServer()
{
    m_client->setConnection({}, {});
    m_capabilities->clear();
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged();
    }
}

void Session::setRootKeyFile(const QString &path)
{
    if (path == m_rootKeyFile)
        return;
    m_rootKeyFile = path;
    Q_EMIT rootKeyFileChanged();
}

void Session::openPage(const QString &name, const QVariantMap &properties)
{
    Q_EMIT pageRequested(name, properties);
}

void Session::requestIssueKey(const QVariantMap &prefill)
{
    Q_EMIT issueKeyRequested(prefill);
}

} // namespace Latchkey::Dashboard
