// What the root key may do reaches the controls as soon as rootKeys.whoami answers (bindings on
// Capabilities pass its `revision`), with a root key that may do little: the sidebar's Issue key
// greys, the issue form says why no API is listed, the key page's reroll and delete options grey
// with their buttons, and the embedded charts say which permission is missing in the dashboard's
// language instead of loading the console's raw error. With a key that may only read keys, the
// whole window (every page, the key and owner pages, Ctrl+N's dialog and Ctrl+K's search) gets
// no 403 from the server and names what it may not read; the Audit log page's filters look up
// only what the key may read. (LATCHKEY_TEST_NEEDS_DISPLAY: WebEngine, the real window.)
#include "auditactorresolver.h"
#include "audittargetresolver.h"
#include "dashboardfixture.h"
#include "dashboardwindow.h"
#include "issuekeycontroller.h"
#include "keydetailcontroller.h"
#include "pagedlistmodel.h"
#include "quickitems.h"
#include "serverrequests.h"
#include "settingscontroller.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTextLayout>
#include <QWheelEvent>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::answeredWith;
using Latchkey::Test::DashboardFixture;
using Latchkey::Test::DashboardWindow;

namespace {

/// One dashboard QML type made with its required properties, in an engine of its own; a QML
/// warning of that engine fails the running test. @p inWindow: an item placed in a window of its
/// own (not shown), for what needs one (a popup opens only in a window: "cannot find any window").
class Made
{
public:
    enum Place { Alone, InWindow };

    Made(const QByteArray &type, const QVariantMap &properties, Place place = Alone)
    {
        QObject::connect(&m_engine, &QQmlEngine::warnings, &m_engine, [](const QList<QQmlError> &errors) {
            for (const QQmlError &error : errors)
                Latchkey::Test::failOnQmlWarning(error);
        });
        m_engine.addImportPath(u"qrc:/"_s);
        QQmlComponent component(&m_engine);
        component.setData("import Latchkey.Dashboard\n" + type + "\n", QUrl());
        m_object.reset(component.createWithInitialProperties(properties));
        if (!m_object)
            qWarning("%s", qPrintable(component.errorString()));
        if (auto *item = qobject_cast<QQuickItem *>(m_object.get()); item && place == InWindow)
            item->setParentItem(m_window.contentItem());
    }
    [[nodiscard]] QObject *get() const { return m_object.get(); }
    [[nodiscard]] QQuickItem *item(const QString &objectName) const
    {
        return m_object ? m_object->findChild<QQuickItem *>(objectName) : nullptr;
    }

private:
    QQmlEngine m_engine;
    QQuickWindow m_window;
    std::unique_ptr<QObject> m_object; // before the window it may be in
};

/// What a support engineer's root key limited to the keys of API @p apiId holds.
QStringList oneApiKeyPermissions(const QString &apiId)
{
    QStringList permissions;
    for (const char *action : {"read_key", "read_api", "update_key", "create_key", "delete_key"})
        permissions.append(u"api.%1.%2"_s.arg(apiId, QLatin1String(action)));
    return permissions;
}

} // namespace

class TestCapabilityGates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_fixture = DashboardFixture::withClearedSettings(); }
    void cleanupTestCase() { m_fixture.reset(); }

    void bindingsGreyOnceTheAnswerArrives();
    void issueFormSaysWhyNoApiIsListed();
    void issueButtonSaysWhyInEveryState();
    void keyActionsGreyTheirOptionsToo();
    void keyGatesFollowTheKeysApi();
    void keyPageFromAConsoleLinkKnowsItsApi();
    void chartsNameTheMissingPermission();
    void listsTheKeyMayNotReadAreNotFetched();
    void pagesOpenedBeforeWhoamiSayWhatIsMissing();
    void pagesWaitForWhoamiThenLoad();
    void readOnlyKeyBrowsesWithoutA403();
    void auditFiltersLookUpOnlyWhatTheKeyMayRead();
    void greyedKeyFieldsNameTheirPermission();
    void ownerCardsGreyWithoutUpdateIdentity();
    void goToSaysOnlyWhatItSearched_data();
    void goToSaysOnlyWhatItSearched();
    void unreadableNamespacesAreSaidWhole();
    void goToKeepsEachPermissionWhole_data();
    void goToKeepsEachPermissionWhole();

private:
    /// A new API named @p name with one key, and @p session connected with a root key that may
    /// change that API's keys only, its permissions known. The key's id; empty when that failed.
    QString keyOfOneApiRootKey(Session &session, const QString &name, QString *apiId)
    {
        *apiId = m_fixture->createApi(name);
        const QString keyId = m_fixture->createKey({{u"apiId"_s, *apiId}}).value(u"keyId").toString();
        if (keyId.isEmpty() || !m_fixture->connectWith(session, oneApiKeyPermissions(*apiId)))
            return {};
        return QTest::qWaitFor([&session] { return session.capabilities()->known(); }, 10000) ? keyId : QString();
    }

    std::unique_ptr<DashboardFixture> m_fixture;
};

// The sidebar exists before rootKeys.whoami answers (unknown: allowed). Its "Issue key" must
// grey out when the answer says the key may not create keys, not stay as first evaluated.
void TestCapabilityGates::bindingsGreyOnceTheAnswerArrives()
{
    Session session;
    QVERIFY(m_fixture->connectWith(session, {u"api.*.read_key"_s}));
    QVERIFY(!session.capabilities()->known());
    // In a window, as in the app: Ctrl+N's refusal is a popup.
    const Made sidebar(
        "Sidebar {}", {{u"session"_s, QVariant::fromValue(&session)}, {u"entries"_s, QVariantList()}}, Made::InWindow);
    QVERIFY(sidebar.get());
    auto *issue = sidebar.item(u"sidebar-issue-key"_s);
    QVERIFY(issue);
    QVERIFY(issue->isEnabled()); // nothing known yet
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QVERIFY(!issue->isEnabled());
    auto *gate = issue->parentItem();
    QVERIFY(gate);
    QVERIFY(gate->property("missing").toString().contains(u"api.*.create_key"_s));
    // Ctrl+N's way in (W7 J5): gated like the button, the form is not asked for.
    QSignalSpy requested(&session, &Session::issueKeyRequested);
    QVERIFY(QMetaObject::invokeMethod(sidebar.get(), "issueKey"));
    QCOMPARE(requested.count(), 0);
    QObject *refusal = sidebar.get()->findChild<QObject *>(u"sidebar-issue-refusal"_s);
    QVERIFY(refusal);
    QVERIFY(refusal->property("visible").toBool()); // the missing permission is said
    QMetaObject::invokeMethod(refusal, "close");

    session.capabilities()->setPermissions({u"api.*.create_key"_s});
    QVERIFY(issue->isEnabled());
    QVERIFY(gate->property("missing").toString().isEmpty());
    QVERIFY(QMetaObject::invokeMethod(sidebar.get(), "issueKey"));
    QCOMPARE(requested.count(), 1);
}

// A key that may not list the APIs: the issue form does not claim "There is no API yet" (the
// fixture has APIs), it says the APIs could not be listed.
void TestCapabilityGates::issueFormSaysWhyNoApiIsListed()
{
    QVERIFY(!m_fixture->createApi(u"unlisted"_s).isEmpty());
    Session session;
    QVERIFY(m_fixture->connectWith(session, {u"api.*.create_key"_s}));
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

// A root key that may create keys in one API only: the Issue button's tooltip says why it is
// greyed in each state, as the footer does. No API chosen asks to choose one (it named
// api.*.create_key, which this key does not need), an API it may not create keys in names that
// API's permission, and the API it may create keys in leaves nothing to say.
void TestCapabilityGates::issueButtonSaysWhyInEveryState()
{
    const QString allowed = m_fixture->createApi(u"issue-allowed"_s);
    const QString other = m_fixture->createApi(u"issue-other"_s);
    QVERIFY(!allowed.isEmpty() && !other.isEmpty());
    Session session;
    QVERIFY(m_fixture->connectWith(session, {u"api.%1.create_key"_s.arg(allowed)}));
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    const Made dialog("IssueKeyDialog {}", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(dialog.get());
    auto *issuer = dialog.get()->property("controller").value<IssueKeyController *>();
    QQuickItem *gate = dialog.item(u"issue-submit"_s);
    QQuickItem *button = dialog.item(u"issue-submit-button"_s);
    QVERIFY(issuer && gate && button);
    const auto tip = [gate] {
        return gate->property("tip").toString();
    };

    issuer->setProperty("apiId", QString());
    QVERIFY(!button->isEnabled());
    QVERIFY2(tip().contains(u"Choose the API"_s), qPrintable(tip()));

    issuer->setProperty("apiId", other);
    QVERIFY(!button->isEnabled());
    QVERIFY2(tip().contains(u"“Issue keys” (api.%1.create_key)"_s.arg(other)), qPrintable(tip()));

    issuer->setProperty("apiId", allowed);
    QVERIFY(button->isEnabled());
    QCOMPARE(tip(), QString());
}

// A key that may read keys but not reroll or delete them: the grace period and "Permanently"
// are greyed with Reroll and Delete, not left to be chosen for nothing; nor decrypt them: the key
// is not asked for its value.
void TestCapabilityGates::keyActionsGreyTheirOptionsToo()
{
    const QString apiId = m_fixture->createApi(u"actions"_s);
    const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    QVERIFY(!keyId.isEmpty());
    Session session;
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    QVERIFY(m_fixture->connectWith(session, {u"api.*.read_key"_s, u"api.*.read_api"_s}));
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
    // Made before whoami answered, the reveal did not ask the server whether the key can be shown
    // (keys.getKey with decrypt, a 403 for this root key).
    QTRY_VERIFY_WITH_TIMEOUT(key.property("loaded").toBool(), 10000);
    QTest::qWait(500); // a request would have failed by now (in-process server)
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().value(0).toString()));
    session.capabilities()->setPermissions({u"api.*.create_key"_s, u"api.*.delete_key"_s});
    QVERIFY(grace->isEnabled());
    QVERIFY(permanent->isEnabled());
}

// A root key that may change the keys of one API only: the key page's controls gate on that
// API's permissions (api.<id>.update_key), also when the key's API becomes known after the page
// was made (bindings read it, not only whoami's `revision`): here from keys.getKey's answer, which
// names it. Before, they stayed greyed on api.*.update_key.
void TestCapabilityGates::keyGatesFollowTheKeysApi()
{
    Session session;
    QString apiId;
    const QString keyId = keyOfOneApiRootKey(session, u"one api"_s, &apiId);
    QVERIFY(!keyId.isEmpty());
    KeyDetailController key;
    key.setClient(session.client());
    key.setKeyId(keyId);
    const QVariantMap parts {{u"session"_s, QVariant::fromValue(&session)}, {u"key"_s, QVariant::fromValue(&key)}};
    const Made actions("KeyActionsSection {}", parts);
    const Made access("KeyAccessSection {}", parts);
    QVERIFY(actions.get() && access.get());
    auto *reroll = actions.item(u"key-reroll-button"_s);
    auto *permanent = actions.item(u"delete-permanent"_s);
    QVERIFY(reroll && permanent);
    // The API not known yet (keys.getKey has not answered): api.*.… is what the key would need.
    QVERIFY(!key.loaded());
    QVERIFY(access.get()->property("missing").toString().contains(u"api.*.update_key"_s));

    QTRY_VERIFY_WITH_TIMEOUT(key.loaded(), 10000);
    QCOMPARE(key.property("apiId").toString(), apiId);
    QVERIFY(reroll->isEnabled());
    QVERIFY(permanent->isEnabled());
    QCOMPARE(access.get()->property("missing").toString(), QString());
}

// Issue 4: a key's page opened from a link in the web console (a key of the overview's
// verification log or top keys: "#/keys/<id>", which names no API), with a root key that may
// change the keys of one API only. Its controls were greyed naming api.*.update_key, which that
// root key does not need: the page now knows the key's API (keys.getKey's answer).
void TestCapabilityGates::keyPageFromAConsoleLinkKnowsItsApi()
{
    Session session;
    QString apiId;
    const QString keyId = keyOfOneApiRootKey(session, u"console link"_s, &apiId);
    QVERIFY(!keyId.isEmpty());
    // The link as the embedded console hands it over (ConsoleView → ConsoleRoutes.js).
    const Made console("ConsoleView {}", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(console.get());
    const QString origin = console.get()->property("origin").toString();
    QVERIFY(!origin.isEmpty());
    QSignalSpy opened(&session, &Session::pageRequested);
    QVERIFY(QMetaObject::invokeMethod(console.get(), "openDashboardPage",
                                      Q_ARG(QString, origin + u"/console/?embed=1#/keys/"_s + keyId)));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), u"keyDetail"_s);
    QVariantMap properties = opened.at(0).at(1).toMap();
    properties.insert(u"session"_s, QVariant::fromValue(&session));

    const Made page("KeyDetailPage {}", properties, Made::InWindow);
    QVERIFY(page.get());
    auto *key = page.get()->property("controller").value<KeyDetailController *>();
    QVERIFY(key);
    QTRY_VERIFY_WITH_TIMEOUT(key->loaded(), 10000);
    QCOMPARE(page.get()->property("missingUpdate").toString(), QString());
    for (const char *name : {"key-reroll-button", "delete-permanent", "key-enabled"}) {
        auto *control = qobject_cast<QQuickItem *>(Latchkey::Test::findNamed(page.get(), QString::fromLatin1(name)));
        QVERIFY2(control, name);
        QVERIFY2(control->isEnabled(), name);
    }
}

// The overview's charts with a key that may not read analytics: the dashboard's own sentence
// naming the permission, and the console page is not loaded (no raw "Missing permission" box).
void TestCapabilityGates::chartsNameTheMissingPermission()
{
    Session session;
    QVERIFY(m_fixture->connectWith(session, {u"api.*.read_key"_s}));
    const Made charts("ConsoleView { width: 600; height: 400 }", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(charts.get());
    auto *note = charts.item(u"consoleMissingPermission"_s);
    QVERIFY(note);
    QVERIFY(!note->isVisible()); // not known yet: nothing said, and nothing loaded until it is
    QVERIFY(charts.get()->property("address").toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 10000);
    QVERIFY2(note->property("text").toString().contains(u"“View verification analytics” (api.*.read_analytics)"_s),
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
    Session session;
    QVERIFY(m_fixture->connectWith(session, {u"api.*.read_key"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    const Made page("ApisPage { width: 800; height: 600 }", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(page.get());
    QTest::qWait(1000); // a request would have failed by now (in-process server)
    QCOMPARE(failed.count(), 0);
    auto *title = page.item(u"placeholder-title"_s);
    auto *retry = page.item(u"placeholder-retry"_s);
    QVERIFY(title && retry);
    QVERIFY2(title->property("text").toString().contains(u"“View APIs” (api.*.read_api)"_s),
        qPrintable(title->property("text").toString()));
    QVERIFY(!retry->isVisible());
}

namespace {

/// The texts of @p page's list placeholders that are on screen.
QStringList placeholderTitles(const Made &page)
{
    QStringList titles;
    const QList<QQuickItem *> items = page.get()->findChildren<QQuickItem *>(u"placeholder-title"_s);
    for (QQuickItem *title : items) {
        if (title->isVisible())
            titles.append(title->property("text").toString());
    }
    return titles;
}

} // namespace

// The pages opened at once after connecting (whoami not answered yet) with a key that may read
// none of their lists: they wait for the answer instead of fetching, then say which permission
// is missing; no request fails, nothing reaches the error banner.
void TestCapabilityGates::pagesOpenedBeforeWhoamiSayWhatIsMissing()
{
    const QString apiId = m_fixture->createApi(u"gated keys"_s);
    Session session;
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    QVERIFY(m_fixture->connectWith(session, {u"api.*.read_key"_s}));
    QVERIFY(session.capabilities()->pending());
    const QVariant sessionValue = QVariant::fromValue(&session);
    const Made permissions("PermissionsPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made audit("AuditLogPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made ratelimits("RatelimitPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made keys("KeysPage { width: 1000; height: 600; chartsShown: false }",
        {{u"session"_s, sessionValue}, {u"apiId"_s, apiId}});
    for (const Made *page : {&permissions, &audit, &ratelimits, &keys})
        QVERIFY(page->get());
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    QTest::qWait(1000); // a request would have failed by now (in-process server)
    QCOMPARE(failed.count(), 0);

    const auto says = [](const Made &page, const QString &permission) {
        const QStringList titles = placeholderTitles(page);
        return std::any_of(titles.cbegin(), titles.cend(),
            [&](const QString &title) { return title.contains(u"("_s + permission + u")"_s); });
    };
    QVERIFY2(says(permissions, u"rbac.*.read_permission"_s), qPrintable(placeholderTitles(permissions).join(u" | "_s)));
    QVERIFY2(says(permissions, u"rbac.*.read_role"_s), qPrintable(placeholderTitles(permissions).join(u" | "_s)));
    QVERIFY2(says(audit, u"workspace.*.read_audit_log"_s), qPrintable(placeholderTitles(audit).join(u" | "_s)));
    QVERIFY2(
        says(ratelimits, u"ratelimit.*.read_namespace"_s), qPrintable(placeholderTitles(ratelimits).join(u" | "_s)));
    QVERIFY2(says(keys, u"api.%1.read_api"_s.arg(apiId)), qPrintable(placeholderTitles(keys).join(u" | "_s)));
    for (const Made *page : {&permissions, &audit, &ratelimits, &keys}) {
        const QList<QQuickItem *> retries = page->get()->findChildren<QQuickItem *>(u"placeholder-retry"_s);
        for (QQuickItem *retry : retries)
            QVERIFY(!retry->isVisible());
    }

    // A namespace the key may read (only that one): the namespace list is fetched, and shows it.
    const QJsonObject created
        = m_fixture->call(u"ratelimit.createNamespace"_s, {{u"name"_s, u"gated-ns"_s}}).data.toObject();
    const QString namespaceId = created.value(u"namespaceId"_s).toString();
    QVERIFY2(!namespaceId.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(created).toJson())));
    session.capabilities()->setPermissions({u"ratelimit.%1.read_namespace"_s.arg(namespaceId)});
    QVERIFY(!says(ratelimits, u"ratelimit.*.read_namespace"_s));
}

// With a key that may read everything, the pages opened before whoami answers do not fetch until
// it has (their models have no client yet), then load without a failure.
void TestCapabilityGates::pagesWaitForWhoamiThenLoad()
{
    const QString apiId = m_fixture->createApi(u"loaded keys"_s);
    Session session;
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    session.connectTo(m_fixture->baseUrl(), m_fixture->rootKey());
    QVERIFY(session.capabilities()->pending());
    const QVariant sessionValue = QVariant::fromValue(&session);
    const Made apis("ApisPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made permissions("PermissionsPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made audit("AuditLogPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made ratelimits("RatelimitPage { width: 1000; height: 600 }", {{u"session"_s, sessionValue}});
    const Made keys("KeysPage { width: 1000; height: 600; chartsShown: false }",
        {{u"session"_s, sessionValue}, {u"apiId"_s, apiId}});
    QList<PagedListModel *> models;
    for (const Made *page : {&apis, &permissions, &audit, &ratelimits, &keys}) {
        QVERIFY(page->get());
        models += page->get()->findChildren<PagedListModel *>();
    }
    // APIs, permissions, roles, audit log, namespaces, overrides, keys (and the role dialog's
    // suggestions, fetched only when it opens).
    QVERIFY2(models.size() >= 7, qPrintable(QString::number(models.size())));
    for (PagedListModel *model : std::as_const(models))
        QVERIFY2(!model->client() && !model->loading(), model->metaObject()->className());
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    int withClient = 0;
    for (PagedListModel *model : std::as_const(models)) {
        withClient += model->client() ? 1 : 0;
        QTRY_VERIFY2_WITH_TIMEOUT(!model->loading(), model->metaObject()->className(), 15000);
    }
    QCOMPARE(withClient, 7);
    QCOMPARE(failed.count(), 0);
    const QList<PagedListModel *> apiModels = apis.get()->findChildren<PagedListModel *>();
    QCOMPARE(apiModels.size(), 1);
    QVERIFY(apiModels.first()->rowCount() > 0); // the APIs are listed
}

namespace {

/// The routes answered 403 since @p before, with how often ("" for none).
QString newForbidden(const QMap<QString, quint64> &before, const QMap<QString, quint64> &now)
{
    QStringList routes;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (const quint64 added = it.value() - before.value(it.key()); added > 0)
            routes.append(u"%1 ×%2"_s.arg(it.key()).arg(added));
    }
    return routes.join(u", "_s);
}

/// The texts of the page on top and of the open popups (the window's overlay).
QStringList shownTexts(const DashboardWindow &ui)
{
    QList<QQuickItem *> roots {qobject_cast<QQuickItem *>(ui.currentPage())};
    const QList<QQuickItem *> layers = ui.window()->contentItem()->childItems();
    std::copy_if(layers.cbegin(), layers.cend(), std::back_inserter(roots),
        [](const QQuickItem *layer) { return layer->inherits("QQuickOverlay"); });
    QStringList texts;
    for (QQuickItem *root : std::as_const(roots)) {
        const QList<QQuickItem *> labels
            = Latchkey::Test::collectItems(root, [](const QQuickItem *item) { return item->inherits("QQuickText"); });
        for (const QQuickItem *label : labels)
            texts.append(label->property("text").toString());
    }
    return texts;
}

/// Whether one of the texts on screen names @p permission as missing (Capabilities::missing()'s
/// brackets after the words).
bool namesMissing(const DashboardWindow &ui, const QString &permission)
{
    const QStringList texts = shownTexts(ui);
    return std::any_of(
        texts.cbegin(), texts.cend(), [&](const QString &text) { return text.contains(u"("_s + permission + u")"_s); });
}

} // namespace

// A root key that may only read keys browses the real window: every page of the registry (the
// detail pages of a real key, owner and API), Ctrl+N (refused: the missing permission), the issue
// dialog and Ctrl+K's "Go to" with a key id typed. The server answers none of the dashboard's
// requests with 403 (its own count, so also the requests whose failures are not shown), nothing
// reaches the error banner, and what may not be read is named where it would be.
void TestCapabilityGates::readOnlyKeyBrowsesWithoutA403()
{
    const QString apiId = m_fixture->createApi(u"browsed"_s);
    const QString externalId = u"browsing-owner"_s;
    const QString keyId
        = m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"browsed key"_s}, {u"externalId"_s, externalId}})
              .value(u"keyId"_s)
              .toString();
    QVERIFY(!keyId.isEmpty());
    const ApiResult identity = m_fixture->call(u"identities.getIdentity"_s, {{u"identity"_s, externalId}});
    QVERIFY(identity.ok());
    const QVariantMap sample {{u"apiId"_s, apiId}, {u"keyId"_s, keyId}, {u"externalId"_s, externalId},
        {u"identityId"_s, identity.data.toObject().value(u"id"_s).toString()}};

    const QMap<QString, quint64> before = answeredWith(m_fixture->server(), 403);
    DashboardWindow ui({1280, 800}, DashboardWindow::QmlWarnings::Fail);
    QVERIFY(ui.window());
    Session *session = ui.app()->session();
    QSignalSpy failed(session->client(), &ApiClient::requestFailed);
    QVERIFY(ui.connectTo(m_fixture->baseUrl(), m_fixture->createRootKey({u"api.*.read_key"_s})));
    QTRY_VERIFY_WITH_TIMEOUT(session->capabilities()->known(), 10000);
    ui.settle(300);

    // What each part names when the key may not read it.
    const QMap<QString, QStringList> named {
        {u"overview"_s, {u"api.*.read_analytics"_s}},
        {u"owners"_s, {u"identity.*.read_identity"_s}},
        {u"ownerDetail"_s,
            {u"identity.%1.read_identity"_s.arg(sample.value(u"identityId"_s).toString()), u"api.*.read_analytics"_s}},
        {u"apis"_s, {u"api.*.read_api"_s}},
        {u"keys"_s, {u"api.%1.read_api"_s.arg(apiId)}},
        {u"keyDetail"_s, {u"api.*.read_analytics"_s, u"rbac.*.read_permission"_s, u"rbac.*.read_role"_s}},
        {u"permissions"_s, {u"rbac.*.read_permission"_s, u"rbac.*.read_role"_s}},
        {u"ratelimits"_s, {u"ratelimit.*.read_namespace"_s}},
        {u"audit"_s, {u"workspace.*.read_audit_log"_s}},
        {u"rootKeys"_s, {u"workspace.*.read_root_key"_s}},
    };
    QStringList problems;
    QMap<QString, quint64> seen = answeredWith(m_fixture->server(), 403);
    if (const QString forbidden = newForbidden(before, seen); !forbidden.isEmpty())
        problems.append(u"connecting got 403 for "_s + forbidden);
    const QVariantList entries = ui.pageEntries();
    QVERIFY(entries.size() >= 11);
    for (const QVariant &value : entries) {
        const QVariantMap entry = value.toMap();
        const QString name = entry.value(u"name"_s).toString();
        QVERIFY2(ui.openPage(name, SelfTest::pageProperties(entry, sample)), qPrintable(name));
        QTRY_COMPARE_WITH_TIMEOUT(ui.currentPageName(), name, 10000);
        ui.settle(500); // and the push's transition, which hides the page below
        for (const QString &permission : named.value(name)) {
            if (!namesMissing(ui, permission))
                problems.append(u"%1 does not name %2: %3"_s.arg(name, permission, shownTexts(ui).join(u" | "_s)));
        }
        if (const QString forbidden = newForbidden(seen, answeredWith(m_fixture->server(), 403)); !forbidden.isEmpty())
            problems.append(u"%1 got 403 for %2"_s.arg(name, forbidden));
        seen = answeredWith(m_fixture->server(), 403);
    }

    // Ctrl+N does what the greyed "Issue key" does (W7 J5): no form, only the missing permission.
    ui.window()->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(ui.window()));
    QTest::keyClick(ui.window(), Qt::Key_N, Qt::ControlModifier);
    QObject *dialog = ui.find(ui.window(), u"issueKeyDialog"_s);
    QVERIFY(dialog);
    QObject *refusal = ui.find(ui.window(), u"sidebar-issue-refusal"_s);
    QVERIFY(refusal);
    QTRY_VERIFY_WITH_TIMEOUT(refusal->property("opened").toBool(), 10000);
    QVERIFY2(refusal->property("text").toString().contains(u"“Issue keys” (api.*.create_key)"_s),
        qPrintable(refusal->property("text").toString()));
    ui.settle(300);
    QVERIFY(!dialog->property("visible").toBool());
    QMetaObject::invokeMethod(refusal, "close");

    // The issue dialog itself, opened directly (every way in refuses this key): it lists neither
    // the APIs nor the permissions and roles it may not read, and names api.*.create_key.
    session->requestIssueKey();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 10000);
    ui.settle(300);
    for (const QString &permission :
        {u"api.*.create_key"_s, u"api.*.read_api"_s, u"rbac.*.read_permission"_s, u"rbac.*.read_role"_s}) {
        if (!namesMissing(ui, permission))
            problems.append(u"the issue dialog does not name %1: %2"_s.arg(permission, shownTexts(ui).join(u" | "_s)));
    }
    if (const QString forbidden = newForbidden(seen, answeredWith(m_fixture->server(), 403)); !forbidden.isEmpty())
        problems.append(u"the issue dialog got 403 for "_s + forbidden);
    seen = answeredWith(m_fixture->server(), 403);
    QMetaObject::invokeMethod(dialog, "close");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("visible").toBool(), 10000);

    // Ctrl+K with a key id: found (keys.getKey), without asking for owners or APIs it may not read.
    QTest::keyClick(ui.window(), Qt::Key_K, Qt::ControlModifier);
    QQuickItem *field = ui.item(ui.window(), u"globalSearchField"_s);
    QVERIFY(field);
    QVERIFY(ui.type(field, keyId));
    for (const QString &permission : {u"identity.*.read_identity"_s, u"api.*.read_api"_s}) {
        if (!namesMissing(ui, permission))
            problems.append(u"Go to does not name %1: %2"_s.arg(permission, shownTexts(ui).join(u" | "_s)));
    }
    QTest::keyClick(ui.window(), Qt::Key_Return);
    QObject *search = ui.find(ui.window(), u"globalSearch"_s);
    QVERIFY(search);
    // The one match, the key by its id, opens by itself: no second Enter (walkthrough H13).
    QTRY_COMPARE_WITH_TIMEOUT(ui.currentPageName(), u"keyDetail"_s, 10000);
    QVERIFY(!search->property("opened").toBool());
    ui.settle(300);
    if (const QString forbidden = newForbidden(seen, answeredWith(m_fixture->server(), 403)); !forbidden.isEmpty())
        problems.append(u"Go to got 403 for "_s + forbidden);

    for (const QList<QVariant> &failure : std::as_const(failed))
        problems.append(u"the banner got %1: %2"_s.arg(failure.value(0).toString(), failure.value(1).toString()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

// The Audit log page's Target and Actor filters look names up only where the root key may read
// them: with only the audit log, an owner's external id is taken as a part of a target's name (the
// page says owners cannot be looked up), a key's name too, and a root key's name as typed; with
// read_identity too, the owner is found. The server answers none of it with 403.
void TestCapabilityGates::auditFiltersLookUpOnlyWhatTheKeyMayRead()
{
    const QString apiId = m_fixture->createApi(u"audited"_s);
    const QString externalId = u"audited-owner"_s;
    QVERIFY(!m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"audited key"_s}, {u"externalId"_s, externalId}})
                 .value(u"keyId"_s)
                 .toString()
                 .isEmpty());
    const QString rootKeyName = m_fixture->call(u"rootKeys.whoami"_s, {}).data.toObject().value(u"name"_s).toString();
    QVERIFY(!rootKeyName.isEmpty());

    struct Row {
        QStringList permissions;
        QString target;
        AuditTargetResolver::Match targetMatch;
    };
    const QStringList auditOnly {u"workspace.*.read_audit_log"_s};
    const QStringList withOwners {u"workspace.*.read_audit_log"_s, u"identity.*.read_identity"_s};
    const QList<Row> rows {
        {auditOnly, externalId, AuditTargetResolver::Unreadable},
        {auditOnly, u"audited key"_s, AuditTargetResolver::Name},
        {withOwners, externalId, AuditTargetResolver::Owner},
        {withOwners, u"audited key"_s, AuditTargetResolver::Name},
    };
    for (const Row &row : rows) {
        const QString label = row.permissions.join(u' ') + u": "_s + row.target;
        Session session;
        QSignalSpy failed(session.client(), &ApiClient::requestFailed);
        const QMap<QString, quint64> before = answeredWith(m_fixture->server(), 403);
        QVERIFY(m_fixture->connectWith(session, row.permissions));
        const Made page("AuditLogPage { width: 1000; height: 600 }", {{u"session"_s, QVariant::fromValue(&session)}});
        QVERIFY(page.get());
        auto *target = page.get()->findChild<AuditTargetResolver *>();
        auto *actor = page.get()->findChild<AuditActorResolver *>();
        QVERIFY(target && actor);
        QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known() && target->client(), 10000);
        // Typed into the page's fields, as a user does.
        const auto field = [&](const QString &placeholderStart) {
            return Latchkey::Test::collectItems(qobject_cast<QQuickItem *>(page.get()), [&](const QQuickItem *item) {
                return item->property("placeholderText").toString().startsWith(placeholderStart);
            }).value(0);
        };
        QQuickItem *targetField = field(u"Target"_s);
        QQuickItem *actorField = field(u"Actor"_s);
        QVERIFY(targetField && actorField);
        targetField->setProperty("text", row.target);
        actorField->setProperty("text", rootKeyName);
        QTRY_VERIFY2_WITH_TIMEOUT(
            target->text() == row.target && !target->resolving() && actor->text() == rootKeyName && !actor->resolving(),
            qPrintable(label), 30000);
        const QString forbidden = newForbidden(before, answeredWith(m_fixture->server(), 403));
        QVERIFY2(forbidden.isEmpty(), qPrintable(label + u" got 403 for "_s + forbidden));
        QCOMPARE(target->match(), row.targetMatch);
        if (row.targetMatch != AuditTargetResolver::Owner)
            QCOMPARE(target->targetName(), row.target); // a part of a name, needing no lookup
        if (row.targetMatch == AuditTargetResolver::Unreadable) {
            const QQuickItem *summary = page.item(u"targetSummary"_s);
            QVERIFY(summary);
            QVERIFY2(summary->property("text").toString().startsWith(u"Owners cannot be looked up"_s),
                qPrintable(summary->property("text").toString()));
        }
        QCOMPARE(actor->match(), AuditActorResolver::Unreadable);
        QCOMPARE(actor->actorId(), rootKeyName);
        const QList<PagedListModel *> logs = page.get()->findChildren<PagedListModel *>();
        QCOMPARE(logs.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!logs.first()->loading(), 30000); // the log, filtered by what was taken
        QCOMPARE(newForbidden(before, answeredWith(m_fixture->server(), 403)), QString());
        QVERIFY2(failed.isEmpty(), qPrintable(label));
    }
}

namespace {

/// The greyed (disabled) controls of the key page's cards: what the user can point at, not the
/// parts inside a control.
QList<QQuickItem *> greyedControls(QQuickItem *page)
{
    QList<QQuickItem *> found;
    const std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
        if (!item->isVisible())
            return;
        const bool control
            = item->inherits("QQuickControl") || item->inherits("QQuickTextField") || item->inherits("QQuickTextArea");
        if (control && item->activeFocusOnTab() && item->width() > 0 && item->height() > 0) {
            // Discard too: it is greyed by the card's missing permission as much as by nothing
            // to discard, and names the permission.
            if (!item->isEnabled())
                found.append(item);
            return;
        }
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            walk(child);
    };
    walk(page);
    return found;
}

/// Where @p item lies in the window (its size: a text field's boundingRect() is its text's).
QRectF placed(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

/// Sends a wheel turn (one notch down) to @p window at @p position, as the mouse does.
void wheelDown(QQuickWindow *window, QPointF position)
{
    QWheelEvent wheel(position, window->mapToGlobal(position), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QGuiApplication::sendEvent(window, &wheel);
}

} // namespace

// The key page with a root key that may only read keys: every greyed control of the cards shows
// the missing permission in a tooltip of its own when the pointer rests on it (not the card's,
// shown only over the card's empty area), and the tooltip goes when the page scrolls under the
// still pointer (ToolTipGuard covers it).
void TestCapabilityGates::greyedKeyFieldsNameTheirPermission()
{
    const QString apiId = m_fixture->createApi(u"greyed"_s);
    const QString keyId
        = m_fixture->createKey(
                       {{u"apiId"_s, apiId}, {u"name"_s, u"greyed key"_s}, {u"externalId"_s, u"greyed-owner"_s}})
              .value(u"keyId"_s)
              .toString();
    QVERIFY(!keyId.isEmpty());
    DashboardWindow ui({1280, 800}, DashboardWindow::QmlWarnings::Fail);
    QVERIFY(ui.window());
    Session *session = ui.app()->session();
    QVERIFY(ui.connectTo(m_fixture->baseUrl(), m_fixture->createRootKey({u"api.*.read_key"_s})));
    QTRY_VERIFY_WITH_TIMEOUT(session->capabilities()->known(), 10000);
    QVERIFY(ui.openPage(u"keyDetail"_s, {{u"keyId"_s, keyId}, {u"apiId"_s, apiId}}));
    QTRY_COMPARE_WITH_TIMEOUT(ui.currentPageName(), u"keyDetail"_s, 10000);
    QVERIFY(ui.find(ui.currentPage(), u"section-name-field"_s));
    ui.settle(500);
    QObject *guard = ui.find(ui.window(), u"toolTipGuard"_s);
    QVERIFY(guard);
    auto *tip = guard->property("tip").value<QObject *>();
    QVERIFY(tip);
    auto *page = qobject_cast<QQuickItem *>(ui.currentPage());
    QVERIFY(page);

    const QList<QQuickItem *> controls = greyedControls(page);
    QStringList names;
    for (const QQuickItem *control : controls)
        names.append(Latchkey::Test::describeControl(control));
    // The name, owner, status, expiry, credits, rate limits, meta and the grace period and
    // "Permanently" of the key actions, at least.
    QVERIFY2(controls.size() >= 9, qPrintable(names.join(u", "_s)));
    QStringList problems;
    for (QQuickItem *control : controls) {
        Latchkey::Test::scrollIntoView(control);
        const QRectF rect = placed(control);
        const QPointF center = rect.center();
        QTest::mouseMove(ui.window(), center.toPoint());
        // Its own: the tooltip's item is the control (or lies on it), not the whole card.
        const auto ownTip = [&] {
            auto *owner = tip->property("parent").value<QQuickItem *>();
            if (!tip->property("visible").toBool() || !owner)
                return false;
            const QRectF at = placed(owner);
            return at.contains(center) && rect.adjusted(-4, -4, 4, 4).contains(at);
        };
        // As a hand on the mouse does, the pointer stirs on the control until it shows (the page
        // may have moved under it meanwhile: a refresh laid a card out anew).
        int stirs = 0;
        if (!QTest::qWaitFor(
                [&] {
                    if (ownTip())
                        return true;
                    if (++stirs % 50 == 0)
                        QTest::mouseMove(ui.window(), (center + QPointF(stirs / 50 % 2, 0)).toPoint());
                    return false;
                },
                10000)) {
            auto *owner = tip->property("parent").value<QQuickItem *>();
            problems.append(u"%1: %2"_s.arg(Latchkey::Test::describeControl(control),
                tip->property("visible").toBool() && owner
                    ? u"the tooltip of %1 shows"_s.arg(QString::fromLatin1(owner->metaObject()->className()))
                    : u"no tooltip"_s));
            continue;
        }
        const QString text = tip->property("text").toString();
        // In words, then the name: "… lacks the permission “Edit keys” (api.*.update_key)."
        if (!QRegularExpression(u"lacks the permission “[A-Z][a-z ]+” \\(api\\.[^)]+\\)\\."_s).match(text).hasMatch())
            problems.append(u"%1 says %2"_s.arg(Latchkey::Test::describeControl(control), text));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));

    // The name field's tooltip goes when the wheel scrolls the page under the still pointer.
    QQuickItem *name = ui.item(page, u"section-name-field"_s);
    QVERIFY(name);
    QQuickItem *flickable = name->parentItem();
    while (flickable && !flickable->inherits("QQuickFlickable"))
        flickable = flickable->parentItem();
    QVERIFY(flickable);
    flickable->setProperty("contentY", 0);
    QTRY_VERIFY(!tip->property("visible").toBool() || tip->property("parent").value<QQuickItem *>() != name);
    const QPointF pointer = placed(name).center();
    QTest::mouseMove(ui.window(), pointer.toPoint() + QPoint(3, 0));
    QTRY_VERIFY_WITH_TIMEOUT(
        tip->property("visible").toBool() && tip->property("text").toString().contains(u"api."_s), 10000);
    wheelDown(ui.window(), pointer + QPointF(3, 0));
    QTRY_VERIFY_WITH_TIMEOUT(flickable->property("contentY").toReal() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!tip->property("visible").toBool(), 10000);
    QTest::qWait(800); // well past the tooltip's delay: none comes back while the pointer rests
    QVERIFY2(!tip->property("visible").toBool(), qPrintable(tip->property("text").toString()));
}

// The owner page with a root key that may read owners but not change them: its meta and shared
// rate limits show, greyed, and Save, Discard and the editors name identity.*.update_identity.
void TestCapabilityGates::ownerCardsGreyWithoutUpdateIdentity()
{
    const ApiResult created = m_fixture->call(u"identities.createIdentity"_s,
                                              {{u"externalId"_s, u"greyed-owner-cards"_s},
                                               {u"meta"_s, QJsonObject{{u"plan"_s, u"pro"_s}}}});
    QVERIFY(created.ok());
    const QString identityId = created.data.toObject().value(u"identityId"_s).toString();
    DashboardWindow ui({1280, 800}, DashboardWindow::QmlWarnings::Fail);
    QVERIFY(ui.window());
    Session *session = ui.app()->session();
    QVERIFY(ui.connectTo(m_fixture->baseUrl(),
                         m_fixture->createRootKey({u"identity.*.read_identity"_s, u"api.*.read_key"_s})));
    QTRY_VERIFY_WITH_TIMEOUT(session->capabilities()->known(), 10000);
    QVERIFY(ui.openPage(u"ownerDetail"_s, {{u"identityId"_s, identityId}}));
    QTRY_COMPARE_WITH_TIMEOUT(ui.currentPageName(), u"ownerDetail"_s, 10000);
    QObject *page = ui.currentPage();
    for (const QString &card : {u"section-meta"_s, u"section-ratelimits"_s}) {
        QObject *section = ui.find(page, card);
        QVERIFY2(section, qPrintable(card));
        QTRY_VERIFY_WITH_TIMEOUT(section->property("visible").toBool(), 10000);
        QVERIFY2(section->property("missing").toString().contains(u".update_identity"_s),
                 qPrintable(section->property("missing").toString()));
        QVERIFY(!section->property("editable").toBool());
        for (const QString &button : QStringList{card + u"-save"_s, card + u"-discard"_s}) {
            QObject *gated = ui.find(page, button);
            QVERIFY2(gated, qPrintable(button));
            QVERIFY(gated->property("tip").toString().contains(u"update_identity"_s));
            QVERIFY(!gated->property("button").value<QObject *>()->property("enabled").toBool());
        }
    }
    // The meta is there to read (greyed, not hidden).
    QObject *meta = ui.find(page, u"section-meta"_s);
    QTRY_VERIFY_WITH_TIMEOUT(meta->property("source").value<QObject *>()->property("metaText").toString().contains(u"pro"_s),
                             10000);
}

void TestCapabilityGates::goToSaysOnlyWhatItSearched_data()
{
    QTest::addColumn<QStringList>("permissions");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("says");
    QTest::addColumn<QStringList>("saysNot");
    QTest::addColumn<QStringList>("unsearched"); ///< what the line under the field says
    /// The server's 403s: none, but for an owner's exact id with a key that may read only some
    /// owners (identities.getIdentity answers 403 for one it may not read, masking whether it exists).
    QTest::addColumn<QString>("forbidden");
    const QString keys = u"api.*.read_key"_s;
    // One owner readable (Capabilities only reads the permission's form: the owner need not exist).
    const QString oneOwner = u"identity.id_someone.read_identity"_s;
    const QString exactly = u"no owner has exactly this external id or id"_s;
    const QString notOwners = u"Owners are not searched"_s;
    const QString byExactId = u"Owners are found by their exact external id or id only: "_s
                              u"Your root key lacks the permission “View owners” (identity.*.read_identity)."_s;
    const QString notApis = u"APIs, and keys by name or start, are not searched"_s;
    const QString getIdentityRefused = u"/v2/identities.getIdentity ×1"_s;
    QTest::newRow("keys only, a name") << QStringList {keys} << u"nobody-here"_s
                                       << QStringList {u"Nothing found for “nobody-here”"_s, u"only key ids"_s}
                                       << QStringList {u"owner"_s, u"API"_s, u"name"_s}
                                       << QStringList {notOwners, notApis} << QString();
    QTest::newRow("keys only, a key id") << QStringList {keys} << u"key_nosuchkey42"_s
                                         << QStringList {u"Nothing found for “key_nosuchkey42”"_s,
                                                u"no key has this id"_s}
                                         << QStringList {u"owner"_s, u"API"_s, u"name"_s}
                                         << QStringList {notOwners, notApis} << QString();
    QTest::newRow("keys and APIs") << QStringList {keys, u"api.*.read_api"_s} << u"nobody-here"_s
                                   << QStringList {u"key start or name"_s, u"API"_s} << QStringList {u"owner"_s}
                                   << QStringList {notOwners} << QString();
    QTest::newRow("keys and owners") << QStringList {keys, u"identity.*.read_identity"_s} << u"nobody-here"_s
                                     << QStringList {u"owner"_s} << QStringList {u"API"_s, u"name"_s, u"exact"_s}
                                     << QStringList {notApis} << QString();
    // Walkthrough: a key that may read one owner had only "no key id or owner matches", as if no
    // owner's id contained the text; it looked for the exact id alone.
    QTest::newRow("keys and one owner") << QStringList {keys, oneOwner} << u"nobody-here"_s
                                        << QStringList {u"no key id matches"_s, exactly}
                                        << QStringList {u"API"_s, u"name"_s} << QStringList {byExactId, notApis}
                                        << getIdentityRefused;
    QTest::newRow("keys, APIs and one owner")
        << QStringList {keys, u"api.*.read_api"_s, oneOwner} << u"nobody-here"_s
        << QStringList {u"key start or name, or API matches"_s, exactly} << QStringList {u"owner or"_s}
        << QStringList {byExactId} << getIdentityRefused;
}

// Ctrl+K's "nothing found" names only what was searched: a root key that may not read owners or
// the APIs had them left out (the line under the field says which permission is missing), so the
// sentence does not claim that no owner or API matches.
void TestCapabilityGates::goToSaysOnlyWhatItSearched()
{
    QFETCH(QStringList, permissions);
    QFETCH(QString, text);
    QFETCH(QStringList, says);
    QFETCH(QStringList, saysNot);
    QFETCH(QStringList, unsearched);
    QFETCH(QString, forbidden);
    QVERIFY(!m_fixture->createApi(u"searched"_s).isEmpty());
    Session session;
    QSignalSpy failed(session.client(), &ApiClient::requestFailed);
    const QMap<QString, quint64> before = answeredWith(m_fixture->server(), 403);
    QVERIFY(m_fixture->connectWith(session, permissions));
    QTRY_VERIFY_WITH_TIMEOUT(session.capabilities()->known(), 10000);
    const Made search("GlobalSearch {}", {{u"session"_s, QVariant::fromValue(&session)}});
    QVERIFY(search.get());
    QQuickItem *field = search.item(u"globalSearchField"_s);
    QVERIFY(field);
    field->setProperty("text", text);
    QVERIFY(QMetaObject::invokeMethod(search.get(), "go"));
    QTRY_VERIFY_WITH_TIMEOUT(search.get()->property("message").toString().startsWith(u"Nothing found"_s), 30000);
    const QString message = search.get()->property("message").toString();
    for (const QString &part : std::as_const(says))
        QVERIFY2(message.contains(part), qPrintable(message));
    for (const QString &part : std::as_const(saysNot))
        QVERIFY2(!message.contains(part), qPrintable(message));
    QQuickItem *under = search.item(u"globalSearchUnsearched"_s);
    QVERIFY(under);
    const QStringList lines = under->property("text").toString().split(u'\n');
    QCOMPARE(lines.size(), unsearched.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(unsearched.at(i)), qPrintable(lines.at(i)));
    QCOMPARE(newForbidden(before, answeredWith(m_fixture->server(), 403)), forbidden);
    QVERIFY(failed.isEmpty());
}

namespace {

/// Whether @p text, laid out as @p label lays it out (its font, width and wrap mode), has the
/// whole of @p part on one line that fits the label; else what went wrong.
QString brokenOrTooWide(const QQuickItem *label, const QString &part)
{
    const QString text = label->property("text").toString();
    const qsizetype at = text.indexOf(part);
    if (at < 0)
        return u"“%1” not in “%2”"_s.arg(part, text);
    QTextLayout layout(text, label->property("font").value<QFont>());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapMode(label->property("wrapMode").toInt()));
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
        line.setLineWidth(label->width());
    layout.endLayout();
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (at < line.textStart() || at >= line.textStart() + line.textLength())
            continue;
        if (at + part.size() > line.textStart() + line.textLength())
            return u"“%1” broken after “%2” in a label %3 px wide"_s
                .arg(part, text.mid(line.textStart(), line.textLength()))
                .arg(label->width());
        if (line.naturalTextWidth() > label->width() + 0.5)
            return u"the line “%1” is %2 px wide, the label %3 px"_s.arg(text.mid(line.textStart(), line.textLength()))
                .arg(line.naturalTextWidth())
                .arg(label->width());
        return {};
    }
    return u"not laid out"_s;
}

} // namespace

// The rate-limit page with a root key that may not read namespaces, in the real window: the list
// says so with the permission whole (not broken inside the word), the right pane does not invite
// the user to choose a namespace.
void TestCapabilityGates::unreadableNamespacesAreSaidWhole()
{
    DashboardWindow ui({1024, 768}, DashboardWindow::QmlWarnings::Fail);
    QVERIFY(ui.window());
    Session *session = ui.app()->session();
    QVERIFY(ui.connectTo(m_fixture->baseUrl(), m_fixture->createRootKey({u"api.*.read_key"_s})));
    QTRY_VERIFY_WITH_TIMEOUT(session->capabilities()->known(), 10000);
    QVERIFY(ui.openPage(u"ratelimits"_s));
    QTRY_COMPARE_WITH_TIMEOUT(ui.currentPageName(), u"ratelimits"_s, 10000);
    ui.settle(300);
    auto *page = qobject_cast<QQuickItem *>(ui.currentPage());
    QVERIFY(page);
    const QString permission = u"ratelimit.*.read_namespace"_s;
    const QList<QQuickItem *> titles = Latchkey::Test::collectItems(page, [&](const QQuickItem *item) {
        return item->objectName() == u"placeholder-title" && item->property("text").toString().contains(permission);
    });
    QCOMPARE(titles.size(), 1);
    QVERIFY(titles.first()->width() > 0);
    const QString broken = brokenOrTooWide(titles.first(), u"("_s + permission + u")."_s);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));

    QQuickItem *pane = ui.item(page, u"namespacePane"_s);
    QVERIFY(pane);
    QVERIFY2(!pane->property("title").toString().contains(u"Choose"_s), qPrintable(pane->property("title").toString()));
    QVERIFY2(
        pane->property("hint").toString().contains(u"may not read"_s), qPrintable(pane->property("hint").toString()));
}

void TestCapabilityGates::goToKeepsEachPermissionWhole_data()
{
    QTest::addColumn<QString>("language");
    for (const char *language : {"en", "de", "es"})
        QTest::newRow(language) << QString::fromLatin1(language);
}

// Ctrl+K in the real window, in each language, with a key that may read keys and one owner: the
// line under the field says owners are found by their exact id only and that APIs are not
// searched, each missing permission on one line, not broken inside the word.
void TestCapabilityGates::goToKeepsEachPermissionWhole()
{
    QFETCH(QString, language);
    DashboardWindow ui;
    QVERIFY(ui.window());
    Session *session = ui.app()->session();
    QVERIFY(ui.connectTo(
        m_fixture->baseUrl(), m_fixture->createRootKey({u"api.*.read_key"_s, u"identity.id_someone.read_identity"_s})));
    QTRY_VERIFY_WITH_TIMEOUT(session->capabilities()->known(), 10000);
    session->settings()->setLanguage(language);
    const auto english = qScopeGuard([session] { session->settings()->setLanguage(u"en"_s); });
    QObject *search = ui.find(ui.window(), u"globalSearch"_s);
    QVERIFY(search);
    QVERIFY(QMetaObject::invokeMethod(search, "open")); // as Ctrl+K does (tst_keyboard has the shortcut)
    QTRY_VERIFY_WITH_TIMEOUT(search->property("opened").toBool(), 10000);
    QQuickItem *under = ui.item(search, u"globalSearchUnsearched"_s);
    QVERIFY(under);
    QTRY_VERIFY_WITH_TIMEOUT(under->isVisible() && under->width() > 0, 10000);
    QCOMPARE(under->property("text").toString().count(u'\n'), 1);
    for (const QString &permission : {u"identity.*.read_identity"_s, u"api.*.read_api"_s}) {
        const QString broken = brokenOrTooWide(under, permission);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }
    QVERIFY2(under->property("contentWidth").toReal() <= under->width() + 0.5,
        qPrintable(under->property("text").toString()));
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestCapabilityGates)
#include "tst_capabilitygates.moc"
