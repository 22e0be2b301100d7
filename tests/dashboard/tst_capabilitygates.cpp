// What the root key may do reaches the controls as soon as rootKeys.whoami answers (bindings on
// Capabilities pass its `revision`), with a root key that may do little: the sidebar's Issue key
// greys, the issue form says why no API is listed, the key page's reroll and delete options grey
// with their buttons, and the embedded charts say which permission is missing in the dashboard's
// language instead of loading the console's raw error. (LATCHKEY_TEST_NEEDS_DISPLAY: WebEngine.)
#include "dashboardfixture.h"
#include "issuekeycontroller.h"
#include "keydetailcontroller.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::DashboardFixture;

namespace {

/// One dashboard QML type made with its required properties, in an engine of its own.
class Made
{
public:
    Made(const QByteArray &type, const QVariantMap &properties)
    {
        m_engine.addImportPath(u"qrc:/"_s);
        QQmlComponent component(&m_engine);
        component.setData("import Latchkey.Dashboard\n" + type + "\n", QUrl());
        m_object.reset(component.createWithInitialProperties(properties));
        if (!m_object)
            qWarning("%s", qPrintable(component.errorString()));
    }
    [[nodiscard]] QObject *get() const { return m_object.get(); }
    [[nodiscard]] QQuickItem *item(const QString &objectName) const
    {
        return m_object ? m_object->findChild<QQuickItem *>(objectName) : nullptr;
    }

private:
    QQmlEngine m_engine;
    std::unique_ptr<QObject> m_object;
};

} // namespace

class TestCapabilityGates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_fixture = std::make_unique<DashboardFixture>();
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void bindingsGreyOnceTheAnswerArrives();
    void issueFormSaysWhyNoApiIsListed();
    void keyActionsGreyTheirOptionsToo();
    void chartsNameTheMissingPermission();
    void listsTheKeyMayNotReadAreNotFetched();

private:
    std::unique_ptr<DashboardFixture> m_fixture;
};

// The sidebar exists before rootKeys.whoami answers (unknown: allowed). Its "Issue key" must
// grey out when the answer says the key may not create keys, not stay as first evaluated.
void TestCapabilityGates::bindingsGreyOnceTheAnswerArrives()
{
    const QString readOnly = m_fixture->createRootKey({u"api.*.read_key"_s});
    QVERIFY(!readOnly.isEmpty());
    Session session;
    session.connectTo(m_fixture->baseUrl(), readOnly);
    QVERIFY(!session.capabilities()->known());
    const Made sidebar("Sidebar {}", {{u"session"_s, QVariant::fromValue(&session)}, {u"entries"_s, QVariantList()}});
    QVERIFY(sidebar.get());
    auto *issue = sidebar.item(u"sidebar-issue-key"_s);
    QVERIFY(issue);
    QVERIFY(issue->isEnabled()); // nothing known yet
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QVERIFY(!issue->isEnabled());
    auto *gate = issue->parentItem();
    QVERIFY(gate);
    QVERIFY(gate->property("missing").toString().contains(u"api.*.create_key"_s));

    session.capabilities()->setPermissions({u"api.*.create_key"_s});
    QVERIFY(issue->isEnabled());
    QVERIFY(gate->property("missing").toString().isEmpty());
}

// A key that may not list the APIs: the issue form does not claim "There is no API yet" (the
// fixture has APIs), it says the APIs could not be listed.
void TestCapabilityGates::issueFormSaysWhyNoApiIsListed()
{
    QVERIFY(!m_fixture->createApi(u"unlisted"_s).isEmpty());
    const QString noRead = m_fixture->createRootKey({u"api.*.create_key"_s});
    QVERIFY(!noRead.isEmpty());
    Session session;
    session.connectTo(m_fixture->baseUrl(), noRead);
    IssueKeyController controller;
    controller.setClient(session.client());
    const Made form("IssueKeyForm {}",
        {{u"session"_s, QVariant::fromValue(&session)}, {u"controller"_s, QVariant::fromValue(&controller)}});
    QVERIFY(form.get());
    auto *unlisted = form.item(u"issue-apis-unlisted"_s);
    auto *noApi = form.item(u"issue-no-api"_s);
    QVERIFY(unlisted && noApi);
    QTRY_VERIFY_WITH_TIMEOUT(unlisted->isVisible(), 15000);
    QVERIFY(!noApi->isVisible());
    QVERIFY2(unlisted->property("text").toString().contains(u"api.*.read_api"_s),
        qPrintable(unlisted->property("text").toString()));
}

// A key that may read keys but not reroll or delete them: the grace period and "Permanently"
// are greyed with Reroll and Delete, not left to be chosen for nothing.
void TestCapabilityGates::keyActionsGreyTheirOptionsToo()
{
    const QString apiId = m_fixture->createApi(u"actions"_s);
    const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QVERIFY(!keyId.isEmpty());
    const QString readOnly = m_fixture->createRootKey({u"api.*.read_key"_s, u"api.*.read_api"_s});
    Session session;
    session.connectTo(m_fixture->baseUrl(), readOnly);
    KeyDetailController key;
    key.setClient(session.client());
    key.setKeyId(keyId);
    const Made section(
        "KeyActionsSection {}", {{u"session"_s, QVariant::fromValue(&session)}, {u"key"_s, QVariant::fromValue(&key)}});
    QVERIFY(section.get());
    auto *grace = section.item(u"reroll-grace"_s);
    auto *permanent = section.item(u"delete-permanent"_s);
    auto *reroll = section.item(u"key-reroll-button"_s);
    QVERIFY(grace && permanent && reroll);
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!reroll->isEnabled(), 10000);
    QVERIFY(!grace->isEnabled());
    QVERIFY(!permanent->isEnabled());
    session.capabilities()->setPermissions({u"api.*.create_key"_s, u"api.*.delete_key"_s});
    QVERIFY(grace->isEnabled());
    QVERIFY(permanent->isEnabled());
}

// The overview's charts with a key that may not read analytics: the dashboard's own sentence
// naming the permission, and the console page is not loaded (no raw "Missing permission" box).
void TestCapabilityGates::chartsNameTheMissingPermission()
{
    const QString noAnalytics = m_fixture->createRootKey({u"api.*.read_key"_s});
    Session session;
    session.connectTo(m_fixture->baseUrl(), noAnalytics);
    const Made charts("ConsoleView { width: 600; height: 400 }", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(charts.get());
    auto *note = charts.item(u"consoleMissingPermission"_s);
    QVERIFY(note);
    QVERIFY(!note->isVisible()); // not known yet: the charts load
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 10000);
    QVERIFY2(note->property("text").toString().contains(u"“api.*.read_analytics”"_s),
        qPrintable(note->property("text").toString()));
    QVERIFY(charts.get()->property("address").toString().isEmpty());
    QVERIFY(charts.get()->property("ready").toBool());

    session.capabilities()->setPermissions({u"api.*.read_analytics"_s});
    QVERIFY(!note->isVisible());
    QVERIFY(charts.get()->property("address").toString().contains(u"/console/"_s));
}

// The APIs page with a key that may not list APIs (opened once whoami answered, as a user gets
// there): no apis.listApis that fails and counts up the error banner, no Retry that would fail
// the same way, but the sentence naming the permission.
void TestCapabilityGates::listsTheKeyMayNotReadAreNotFetched()
{
    QVERIFY(!m_fixture->createApi(u"unreadable"_s).isEmpty());
    const QString noRead = m_fixture->createRootKey({u"api.*.read_key"_s});
    Session session;
    session.connectTo(m_fixture->baseUrl(), noRead);
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    const Made page("ApisPage { width: 800; height: 600 }", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(page.get());
    QTest::qWait(1000); // a request would have failed by now (in-process server)
    QCOMPARE(failed.count(), 0);
    auto *title = page.item(u"placeholder-title"_s);
    auto *retry = page.item(u"placeholder-retry"_s);
    QVERIFY(title && retry);
    QVERIFY2(title->property("text").toString().contains(u"“api.*.read_api”"_s),
        qPrintable(title->property("text").toString()));
    QVERIFY(!retry->isVisible());
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestCapabilityGates)
#include "tst_capabilitygates.moc"
