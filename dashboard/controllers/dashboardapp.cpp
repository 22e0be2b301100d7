#include "dashboardapp.h"

#include "apiclient.h"
#include "connectioncontroller.h"
#include "lastinput.h"
#include "localservercontroller.h"
#include "rootkeyvault.h"
#include "session.h"
#include "settingscontroller.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "latchkey.dashboard")

namespace Latchkey::Dashboard {

DashboardApp::DashboardApp(QObject *parent)
    : QObject(parent), m_session(new Session(this)), m_vault(new RootKeyVault(u"latchkey-dashboard"_s, this)),
      m_connection(new ConnectionController(m_session, m_vault, this)), m_localServer(new LocalServerController(this))
{
    // From start-up, before any window: a press before the first FocusFrame is counted too.
    LastInput::startWatching();
    connect(m_localServer, &LocalServerController::started, m_connection, &ConnectionController::connectLocal);
    // Connected to the server this app runs: curl hints say where its root key is.
    const auto followLocalKey = [this] {
        const QUrl connectedTo = m_session->client()->baseUrl();
        const bool local = m_localServer->running() && connectedTo.isValid()
                           && connectedTo.host() == m_localServer->url().host()
                           && connectedTo.port() == m_localServer->url().port();
        m_session->setRootKeyFile(local ? m_localServer->rootKeyFile() : QString());
    };
    connect(m_session->client(), &ApiClient::connectionChanged, this, followLocalKey);
    connect(m_localServer, &LocalServerController::stateChanged, this, followLocalKey);
}

DashboardApp::~DashboardApp()
{
    // The session's client must stop talking before the server it may talk to goes away.
    m_session->client()->cancelAll();
    m_localServer->stop();
}

QUrl DashboardApp::mainQmlUrl()
{
    return QUrl(u"qrc:/Latchkey/Dashboard/qml/Main.qml"_s);
}

bool DashboardApp::load(QQmlApplicationEngine &engine)
{
    m_session->settings()->setEngine(&engine);
    m_session->settings()->apply();
    engine.addImportPath(u"qrc:/"_s);
    engine.setInitialProperties({{u"session"_s, QVariant::fromValue(m_session)},
                                 {u"connection"_s, QVariant::fromValue(m_connection)},
                                 {u"localServer"_s, QVariant::fromValue(m_localServer)}});
    bool created = false;
    const QUrl url = mainQmlUrl();
    auto watch = connect(&engine, &QQmlApplicationEngine::objectCreated, this,
                         [&created, url](QObject *object, const QUrl &objectUrl) {
        if (objectUrl == url)
            created = object != nullptr;
    });
    engine.load(url);
    disconnect(watch);
    if (!created)
        qCCritical(lcApp) << "cannot create the main window from" << url;
    return created;
}

void DashboardApp::unload(QQmlApplicationEngine &engine)
{
    const QList<QObject *> roots = engine.rootObjects();
    for (QObject *root : roots)
        QMetaObject::invokeMethod(root, "unloadPages");
    // Outside QCoreApplication::exec() (after it returned; --self-test never enters it) a
    // deleteLater() is not carried out by processing events: only when asked for by type.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace Latchkey::Dashboard
