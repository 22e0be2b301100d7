// LATCHKEY_TEST_NEEDS_DISPLAY: the page of a key, an owner or a rate-limit namespace that is not
// there (any more: a deleted key's link in the Overview's "Top keys", a namespace's link in the
// audit log), in the real window against an in-process server (walkthrough H10: "This key does not
// exist (any more). RETRY" under a red banner "Not Found (2 failed requests)"). The page says so
// with a way Back and no Retry (a 404 does not go away by asking again), the dashboard asks for it
// once (its embedded console not at all: by the server's count, and no console is made; an owner's
// keys are not asked for), and the window's error banner stays empty: the page explains it.
#include "dashboardfixture.h"
#include "dashboardwindow.h"
#include "serverrequests.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QQuickItem>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::answered;
using Latchkey::Test::DashboardFixture;
using Latchkey::Test::DashboardWindow;
using Latchkey::Test::findNamed;

namespace {

/// The dashboard's own calls of each action (ApiClient's debug line `POST "<action>" id <n>`): the
/// server's count holds the embedded console's requests too, and the owner page's console asks
/// for the owner itself.
QMutex postsLock;
QMap<QString, int> posts;
QtMessageHandler previousHandler = nullptr;

void countPosts(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression post(u"^POST \"([^\"]+)\""_s);
    if (qstrcmp(context.category, "latchkey.dashboard.client") == 0)
        if (const QRegularExpressionMatch found = post.match(message); found.hasMatch()) {
            const QMutexLocker locker(&postsLock);
            ++posts[found.captured(1)];
        }
    if (previousHandler)
        previousHandler(type, context, message);
}

int posted(const QString &action)
{
    const QMutexLocker locker(&postsLock);
    return posts.value(action);
}

/// The objects named @p name below @p root, visible or not (findNamed() skips hidden ones: the
/// console of a page that shows its not-found state instead would be hidden, and still load).
void collectNamed(QObject *root, const QString &name, QSet<QObject *> &seen, QList<QObject *> &found)
{
    if (!root || seen.contains(root))
        return;
    seen.insert(root);
    if (root->objectName() == name)
        found.append(root);
    QObjectList next = root->children();
    if (auto *item = qobject_cast<QQuickItem *>(root)) {
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            next.append(child);
    }
    for (QObject *child : std::as_const(next))
        collectNamed(child, name, seen, found);
}

QList<QObject *> allNamed(QObject *root, const QString &name)
{
    QSet<QObject *> seen;
    QList<QObject *> found;
    collectNamed(root, name, seen, found);
    return found;
}

} // namespace

class TestNotFoundPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pageOfOneNotThere_data();
    void pageOfOneNotThere();

private:
    /// The id of a key (@p page "keyDetail") or an owner ("ownerDetail") made and deleted again,
    /// or the name of a namespace that was never made ("ratelimits": namespaces are not deleted
    /// through the API).
    QString deleted(const QString &page);
    /// Whether the visible item named @p name is on the current page.
    bool shown(const QString &name) const;

    std::unique_ptr<DashboardFixture> m_fixture;
    std::unique_ptr<DashboardWindow> m_ui;
};

void TestNotFoundPages::initTestCase()
{
    QLoggingCategory::setFilterRules(u"latchkey.dashboard.client.debug=true"_s);
    previousHandler = qInstallMessageHandler(countPosts);
    m_fixture = std::make_unique<DashboardFixture>();
    m_ui = std::make_unique<DashboardWindow>(QSize(1280, 800), DashboardWindow::QmlWarnings::Fail);
    QVERIFY(m_ui->window());
    m_ui->window()->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_ui->window()));
    QVERIFY(m_ui->connectTo(m_fixture->baseUrl(), m_fixture->rootKey()));
    QTRY_VERIFY_WITH_TIMEOUT(m_ui->app()->session()->capabilities()->known(), 20000);
    m_ui->settle(300);
}

void TestNotFoundPages::cleanupTestCase()
{
    m_ui.reset();
    m_fixture.reset();
    qInstallMessageHandler(previousHandler);
}

QString TestNotFoundPages::deleted(const QString &page)
{
    if (page == u"keyDetail"_s) {
        const QString apiId = m_fixture->createApi(u"not-found"_s);
        const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"gone"_s}}).value(u"keyId"_s).toString();
        return m_fixture->call(u"keys.deleteKey"_s, {{u"keyId"_s, keyId}}).ok() ? keyId : QString();
    }
    if (page == u"ratelimits"_s) {
        const QString name = u"never-made"_s;
        const ApiResult none = m_fixture->call(u"ratelimit.listOverrides"_s, {{u"namespace"_s, name}});
        return none.httpStatus == 404 ? name : QString();
    }
    const ApiResult created = m_fixture->call(u"identities.createIdentity"_s, {{u"externalId"_s, u"gone-owner"_s}});
    if (!created.ok())
        qWarning("createIdentity: %s", qPrintable(created.errorDetail));
    const QString identityId = created.data.toObject().value(u"identityId"_s).toString();
    const ApiResult deletion = m_fixture->call(u"identities.deleteIdentity"_s, {{u"identity"_s, identityId}});
    const ApiResult gone = m_fixture->call(u"identities.getIdentity"_s, {{u"identity"_s, identityId}});
    return !identityId.isEmpty() && deletion.ok() && gone.httpStatus == 404 ? identityId : QString();
}

bool TestNotFoundPages::shown(const QString &name) const
{
    return findNamed(m_ui->currentPage(), name) != nullptr;
}

void TestNotFoundPages::pageOfOneNotThere_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("property");   // the page's id property
    QTest::addColumn<QString>("action");     // what the page loads itself by
    QTest::addColumn<QString>("notAsked");   // an action not asked at all for it ("" for none)
    QTest::addColumn<QString>("state");      // the not-found block
    QTest::addColumn<QString>("back");       // its Back button
    QTest::addColumn<QString>("hidden");     // shown in other states, not in this one
    QTest::addColumn<bool>("backFocused");   // Back has the keyboard focus (Enter goes back)
    QTest::addColumn<QString>("consoleAsks"); // what its console would ask the server first
    QTest::addColumn<QString>("backTo");     // the page Back shows
    QTest::newRow("key") << u"keyDetail"_s << u"keyId"_s << u"keys.getKey"_s << QString() << u"key-load-failed"_s
                         << u"key-not-found-back"_s << u"key-load-retry"_s << true << u"keys.getKey"_s
                         << u"overview"_s;
    QTest::newRow("owner") << u"ownerDetail"_s << u"identityId"_s << u"identities.getIdentity"_s
                           << u"keys.listKeys"_s << u"owner-not-found"_s << u"owner-not-found-back"_s
                           << u"section-meta"_s << false << u"identities.getIdentity"_s << u"overview"_s;
    // A sidebar page: Back is the list of namespaces (the "Choose a namespace" state).
    QTest::newRow("namespace") << u"ratelimits"_s << u"namespaceName"_s << u"ratelimit.listOverrides"_s << QString()
                               << u"namespace-not-found"_s << u"namespace-not-found-back"_s << u"placeholder-retry"_s
                               << true << u"ratelimit.getTimeseries"_s << u"ratelimits"_s;
}

void TestNotFoundPages::pageOfOneNotThere()
{
    QFETCH(QString, page);
    QFETCH(QString, property);
    QFETCH(QString, action);
    QFETCH(QString, notAsked);
    QFETCH(QString, state);
    QFETCH(QString, back);
    QFETCH(QString, hidden);
    QFETCH(bool, backFocused);
    QFETCH(QString, consoleAsks);
    QFETCH(QString, backTo);
    const QString id = deleted(page);
    QVERIFY(!id.isEmpty());
    QSignalSpy failed(m_ui->app()->session()->client(), &ApiClient::requestFailed);
    const int postedBefore = posted(action);
    const quint64 answeredBefore = answered(m_fixture->server(), u"/v2/"_s + action);
    const quint64 consoleBefore = answered(m_fixture->server(), u"/v2/"_s + consoleAsks);
    const int notAskedBefore = posted(notAsked);

    QVERIFY(m_ui->openPage(page, {{property, id}}));
    QVERIFY(m_ui->find(m_ui->currentPage(), state, 20000));
    m_ui->settle(500);
    QVERIFY(shown(back));
    QVERIFY2(!shown(hidden), qPrintable(hidden + u" is shown"_s)); // no Try again; nothing else of it
    QCOMPARE(posted(action) - postedBefore, 1);
    // Its console is not made (it loads for one that loaded only): it would ask the server for the
    // missing one again. Were there one, its asking is over once it shows its data or its error.
    QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(allNamed(m_ui->currentPage(), u"consoleView"_s), [](QObject *view) {
        return view->property("ready").toBool() || view->property("failed").toBool();
    }), 60000);
    QCOMPARE(allNamed(m_ui->currentPage(), u"consoleView"_s).size(), 0);
    QCOMPARE(answered(m_fixture->server(), u"/v2/"_s + action) - answeredBefore, quint64(1));
    QCOMPARE(answered(m_fixture->server(), u"/v2/"_s + consoleAsks) - consoleBefore,
             quint64(consoleAsks == action ? 1 : 0));
    if (!notAsked.isEmpty())
        QCOMPARE(posted(notAsked) - notAskedBefore, 0);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(2).toString())); // the page explains it

    QQuickItem *backButton = m_ui->item(m_ui->currentPage(), back);
    if (backFocused) {
        QTRY_COMPARE(m_ui->window()->activeFocusItem(), backButton);
        QTest::keyClick(m_ui->window(), Qt::Key_Return);
    } else {
        QVERIFY(m_ui->click(backButton));
    }
    if (backTo == page) { // the same page, without the missing one
        QTRY_COMPARE_WITH_TIMEOUT(m_ui->currentPage()->property(qPrintable(property)).toString(), QString(), 10000);
        QVERIFY(!shown(state));
        QCOMPARE(m_ui->currentPageName(), backTo);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_ui->currentPageName(), backTo, 10000);
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestNotFoundPages)
#include "tst_notfoundpages.moc"
