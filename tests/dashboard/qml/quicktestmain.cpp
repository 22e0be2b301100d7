// The Qt Quick Test runner of tests/dashboard/qml/tst_*.qml. Each test file gets `testSession`, a
// Session connected to an in-process latchkeyd (DashboardFixture) with sample data (`testSample`:
// apiId, keyId, externalId), `testEmptySession`, a Session of a workspace of its own that no test
// fills (the pages' empty states: the files share one server), `testNoApiSession`, another workspace
// of its own, without an API until tst_firststep creates the first one through the issue dialog,
// `testUnreachableSession`, a Session
// whose server has gone (a port nothing listens on: every request fails without an answer),
// `testReadOnlySession`, a Session of the sample's workspace with a root key that may only read
// (keys, APIs, analytics and owners: what a support desk's read-only key sees), and imports
// Latchkey.Dashboard like the app does.
#include "dashboardfixture.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtQuickTest>

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_fixture = std::make_unique<Latchkey::Test::DashboardFixture>();
        const QString apiId = m_fixture->createApi(QStringLiteral("qml-tests"));
        const QJsonObject key = m_fixture->createKey({{QStringLiteral("apiId"), apiId},
                                                      {QStringLiteral("externalId"), QStringLiteral("qml-owner")},
                                                      {QStringLiteral("name"), QStringLiteral("qml key")}});
        m_sample = {{QStringLiteral("apiId"), apiId},
                    {QStringLiteral("keyId"), key.value(u"keyId").toString()},
                    {QStringLiteral("externalId"), QStringLiteral("qml-owner")}};
        m_emptySession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectToNewWorkspace(*m_emptySession))
            qFatal("cannot make the empty workspace's session");
        m_noApiSession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectToNewWorkspace(*m_noApiSession))
            qFatal("cannot make the no-API workspace's session");
        m_unreachableSession = std::make_unique<Latchkey::Dashboard::Session>();
        m_unreachableSession->connectTo(unusedPortUrl(), m_fixture->rootKey());
        m_readOnlySession = std::make_unique<Latchkey::Dashboard::Session>();
        if (!m_fixture->connectWith(*m_readOnlySession,
                                    {QStringLiteral("api.*.read_key"), QStringLiteral("api.*.read_api"),
                                     QStringLiteral("api.*.read_analytics"), QStringLiteral("identity.*.read_identity")}))
            qFatal("cannot make the read-only session");
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testSession"), m_fixture->session());
        engine->rootContext()->setContextProperty(QStringLiteral("testSample"), m_sample);
        engine->rootContext()->setContextProperty(QStringLiteral("testEmptySession"), m_emptySession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testNoApiSession"), m_noApiSession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testUnreachableSession"), m_unreachableSession.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testReadOnlySession"), m_readOnlySession.get());
    }

    void cleanupTestCase()
    {
        m_unreachableSession.reset();
        m_noApiSession.reset();
        m_emptySession.reset(); // no request in flight when the server goes
        m_readOnlySession.reset();
        m_fixture.reset();
    }

private:
    /// A loopback URL whose port was free a moment ago: connections to it are refused.
    static QUrl unusedPortUrl()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot find a free port");
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(probe.serverPort());
        return url;
    }

    std::unique_ptr<Latchkey::Dashboard::Session> m_unreachableSession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_noApiSession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_emptySession;
    std::unique_ptr<Latchkey::Dashboard::Session> m_readOnlySession;
    std::unique_ptr<Latchkey::Test::DashboardFixture> m_fixture;
    QVariantMap m_sample;
};

int main(int argc, char **argv)
{
    // Settings of this run only: a language or theme a test leaves behind (or a crashed run's)
    // must not leak into the next run, or another developer's, through ~/.qttest.
    const QTemporaryDir settingsDir;
    if (!settingsDir.isValid())
        return 1;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QtWebEngineQuick::initialize(); // before the application exists, as in the app
    qputenv("QML_XHR_ALLOW_FILE_READ", "1"); // tst_usageexport reads back the CSV it saved
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "dashboard_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "quicktestmain.moc"
