// LATCHKEY_TEST_NEEDS_DISPLAY: the keyboard promises of the dashboard, in the real window under
// Xvfb against an in-process server: Ctrl+K opens "Go to" from every page (Ctrl+F a list page's
// filter), Ctrl+N opens the issue-key
// dialog from every page, Esc closes the dialogs, Tab and Shift+Tab walk every control of the
// start screen and of the issue-key dialog in reading order without a trap, and every control
// that takes keyboard focus has an accessible name (what a screen reader says).
#include "connectioncontroller.h"
#include "dashboardapp.h"
#include "dashboardfixture.h"
#include "dashboardtestpaths.h"
#include "dashboardwindow.h"
#include "localservercontroller.h"
#include "testpaths.h"

#include <QAccessible>
#include <QDateTime>
#include <QDirIterator>
#include <QFont>
#include <QJsonArray>
#include <QMouseEvent>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlProperty>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::DashboardFixture;
using Latchkey::Test::DashboardWindow;
using Latchkey::Test::findNamed;
using Latchkey::Test::waitForFrame;

namespace {

/// The controls below @p root that Tab can reach: visible, enabled, activeFocusOnTab.
QList<QQuickItem *> focusable(QQuickItem *root)
{
    QList<QQuickItem *> found;
    if (!root || !root->isVisible() || !root->isEnabled())
        return found;
    if (root->activeFocusOnTab())
        found.append(root);
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children)
        found += focusable(child);
    return found;
}

/// What a screen reader announces for @p item: its Accessible.name, or for a button (check box,
/// tool button, menu item) its text, which Qt Quick Controls hand out as the name once a screen
/// reader is active (QAccessible::isActive(), false here without one on the bus).
QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
    QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
    if (name.isEmpty()) // password fields hide their name from text(); the attached property has it
        name = QQmlProperty(item, u"Accessible.name"_s, qmlContext(item)).read().toString().trimmed();
    if (name.isEmpty() && item->inherits("QQuickAbstractButton"))
        name = item->property("text").toString().remove(u'&').trimmed();
    return name;
}

/// "Class 'objectName' in Parent in ..." for messages.
QString describe(QQuickItem *item)
{
    QStringList path;
    for (QQuickItem *at = item; at && path.size() < 5; at = at->parentItem())
        path.append(u"%1'%2'"_s.arg(QString::fromLatin1(at->metaObject()->className()), at->objectName()));
    return path.join(u" < "_s);
}

/// Types @p text into @p window, key by key (QTest has no keyClicks for a QWindow).
void type(QWindow *window, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

/// Whether @p item is web content (a WebEngineView and its own items): Chromium gives those their
/// accessibility tree. Not checked here: ConsoleView's WebEngineView has no Accessible.name yet.
bool insideWebView(QQuickItem *item)
{
    for (QQuickItem *at = item; at; at = at->parentItem())
        if (at->inherits("QQuickWebEngineView"))
            return true;
    return false;
}

/// The ConsoleView whose web page has the keyboard focus when @p item has it, or null.
QQuickItem *consoleViewOf(QQuickItem *item)
{
    if (!item || !insideWebView(item))
        return nullptr;
    for (QQuickItem *at = item; at; at = at->parentItem())
        if (at->objectName() == u"consoleView"_s)
            return at;
    return nullptr;
}

/// Presses @p key (Tab, or Backtab with Shift) in @p window. Inside an embedded console page Tab
/// goes through Chromium's render process: then waits until the page focused its next control
/// (ConsoleView.pageFocus moved) or gave the focus back to the dashboard. False when neither came.
bool pressTab(QQuickWindow *window, Qt::Key key = Qt::Key_Tab)
{
    QQuickItem *from = consoleViewOf(window->activeFocusItem());
    const QRectF was = from ? from->property("pageFocus").toRectF() : QRectF();
    QTest::keyClick(window, key, key == Qt::Key_Backtab ? Qt::ShiftModifier : Qt::NoModifier);
    return QTest::qWaitFor([&] {
        QQuickItem *view = consoleViewOf(window->activeFocusItem());
        if (!view)
            return true;
        const QRectF now = view->property("pageFocus").toRectF();
        return !now.isEmpty() && (view != from || now != was);
    }, 20000);
}

/// Whether the control focused in @p consoleView's page shows it (its outline).
bool pageFocusFramed(QQuickItem *consoleView)
{
    QSignalSpy answered(consoleView, SIGNAL(evaluated(QVariant)));
    QMetaObject::invokeMethod(consoleView, "evaluate",
                              Q_ARG(QString, u"getComputedStyle(document.activeElement).outlineStyle"_s));
    if (!answered.wait(20000))
        return false;
    const QString style = answered.first().first().toString();
    return !style.isEmpty() && style != u"none"_s;
}

QStringList unnamed(const QList<QQuickItem *> &items)
{
    QStringList missing;
    for (QQuickItem *item : items)
        if (!insideWebView(item) && accessibleName(item).isEmpty())
            missing.append(describe(item));
    return missing;
}

/// The popup item (what Tab stays inside) of a Popup such as the issue-key dialog.
QQuickItem *popupItem(QObject *popup)
{
    auto *content = popup ? popup->property("contentItem").value<QQuickItem *>() : nullptr;
    return content ? content->parentItem() : nullptr;
}

/// The outermost Flickable (ScrollView, ListView) around @p item, or null: the scrolled area
/// whose content it is part of (a text area's own scroll view inside a form does not count).
QQuickItem *flickableOf(QQuickItem *item)
{
    QQuickItem *outermost = nullptr;
    for (QQuickItem *at = item->parentItem(); at; at = at->parentItem())
        if (at->inherits("QQuickFlickable"))
            outermost = at;
    return outermost;
}

/// @p item's place in its scrolled area's content (scrolling does not move it), or in the scene.
QRectF documentRect(QQuickItem *item)
{
    QQuickItem *flickable = flickableOf(item);
    QQuickItem *content = flickable ? flickable->property("contentItem").value<QQuickItem *>() : nullptr;
    const QRectF rect(0, 0, item->width(), item->height());
    return content ? item->mapRectToItem(content, rect) : item->mapRectToScene(rect);
}

/// Reading order: @p b comes after @p a when it is lower, or on the same line and to the right.
bool readsAfter(QQuickItem *a, QQuickItem *b)
{
    const QRectF ra = documentRect(a);
    const QRectF rb = documentRect(b);
    const bool sameLine = rb.top() < ra.bottom() && ra.top() < rb.bottom();
    return sameLine ? rb.left() >= ra.left() : rb.top() >= ra.top();
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startScreenTabOrder();
    void connectErrorGoesWhenTheAddressOrKeyChanges_data();
    void connectErrorGoesWhenTheAddressOrKeyChanges();
    void focusShownOnStartButton();
    void keychainStatusFollowsLanguage();
    void startLanguagePickerOpensByMouse();
    void connectWithSampleData();
    void windowTitleNamesTheAppOnce();
    void focusShownOnHeaderAndDisconnect();
    void ctrlKAndCtrlNFromEveryPage_data();
    void ctrlKAndCtrlNFromEveryPage();
    void everyControlHasAnAccessibleName_data();
    void everyControlHasAnAccessibleName();
    void issueDialogTabOrderAndEsc();
    void ownersSearchEnterOpensAndBackReturns();
    void listsInTabChain_data();
    void listsInTabChain();
    void confirmEnterPressesFocusedButton();
    void downFromFilterEnterOpens_data();
    void downFromFilterEnterOpens();
    void ctrlNPreselectsThePagesApi();
    void ctrlNOnOwnerAndKeyPagesIssuesForThem();
    void sidebarIssueKeyPrefillsAsCtrlN();
    void sidebarFollowsThePageAfterArrows();
    void tabScrollsFocusIntoView_data();
    void tabScrollsFocusIntoView();
    void issueDialogTabEnterOnCancel();
    void issueDialogEscAsksBeforeDiscarding();
    void createDialogTabEnterOnCancel();
    void headerToolButtonShowsFrameOnTab();
    void keyPageTabStopsShowFocus();
    void keysPageTabOrder();
    void keyPageOpensWithTheFocusInItsCards();
    void keyPageCardByCard();
    void enterPressesTheFocusedButton();
    void noButtonWithoutEnterInTheQml();
    void noTooltipOnAPlainHoverHandler();
    void goToFindsOwnersByPart();
    void ownerPageOpensWithTheFocusOnItsKeys();
    void keysPageOpenedByGoToFocusesItsFirstRow();
    void ctrlKRightAfterGoToOpenedAMatch();
    void keyPageOpenedByKeyboardShowsTheFocus();
    void noKeyboardFrameAfterClicksOnLists();
    void keyCardsKeepTheFocusAfterEnter_data();
    void keyCardsKeepTheFocusAfterEnter();
    void focusFrameBackAfterEscClosesADialog();
    void lastInputCountsPressesFromStartUp();
    void ctrlQClosesTheWindowAfterAskingAboutDrafts();
    void recentConnectionDetailsWrapBeforeConnect(); // it leaves the window disconnected
    void recentConnectionsOnTheFirstScreen();

private:
    bool openPage(const QString &name);
    /// Presses @p key until focus is back where it started; the items it visited, in order.
    QList<QQuickItem *> walkFocus(Qt::Key key, int limit);
    /// The ListView below the current page that has the active focus (itself or a row, not its
    /// header or footer), or null.
    QQuickItem *focusedList() const;
    /// Checks that @p button (a Button) shows a FocusFrame when focused by Tab, and none otherwise.
    void checkFrameOnTab(QQuickItem *button);
    /// Checks that @p list shows its focus: a current row whose ListFocusRing is visible.
    void checkFocusShown(QQuickItem *list);
    /// Checks the Tab cycle inside @p scope: no trap, every control reached, in reading order
    /// starting at @p first (blocks inside one scrolled area stay together), Shift+Tab reverses it.
    void checkTabCycle(QQuickItem *scope, QQuickItem *first);
    /// Presses Tab (at most @p limit times) until a button of @p scope titled @p text has the
    /// focus; that button, or null.
    QQuickItem *tabToButton(QQuickItem *scope, const QString &text, int limit);
    /// The key page (its cards loaded, at the top), or null.
    QQuickItem *openKeyPage();
    /// The number of keys of API @p apiId on the server, or -1.
    int keyCount(const QString &apiId);
    /// Esc on @p dialog (a FormDialog with entries) asks; Tab to Discard and Enter close it.
    void discardByKeyboard(QObject *dialog);
    /// Presses @p key until the focus is back where it started: the keys page's stops on the way
    /// (the search field, a control's name, "charts" for the embedded page's controls, "list"),
    /// each checked to show the focus, and only there; what was wrong in @p problems.
    QStringList walkKeysPage(QQuickItem *page, QQuickItem *list, Qt::Key key, QStringList &problems);
    /// Ctrl+N on the current page, the issue-key form settled (its API list loaded, which must not
    /// replace the pre-fill), Esc: what the form was pre-filled with ({apiId, externalId, prefix}),
    /// or an empty map when the dialog did not open or did not close.
    QVariantMap issueFormAfterCtrlN() { return issueFormAfter(false); }
    /// The same, the dialog opened by a click on the sidebar's "Issue key" when @p bySidebar.
    QVariantMap issueFormAfter(bool bySidebar);
    /// An API named @p name with a key (of @p prefix, if any) of a new owner (an external id
    /// starting with @p name); all empty when the server refused one of them.
    struct OwnersKey {
        QString apiId;
        QString externalId;
        QString keyId;
        QString identityId;
    };
    OwnersKey ownersKey(const QString &name, const QString &prefix = {});
    /// The key page's card (an item named "section-…") holding the focused item, or null.
    QQuickItem *focusedCard() const;
    /// Ctrl+K, @p text typed at once (as a fast typist or a paste does, not waiting for the
    /// dialog's opening animation), Enter; the "Go to" dialog.
    QObject *goTo(const QString &text);

    std::unique_ptr<DashboardFixture> m_fixture;
    std::unique_ptr<DashboardWindow> m_ui;
    DashboardApp *m_app = nullptr;
    QQuickWindow *m_window = nullptr;
    QVariantMap m_sample;
};

void TestKeyboard::initTestCase()
{
    m_fixture = std::make_unique<DashboardFixture>(); // QSettings in test mode from here on
    QSettings().clear(); // no recent connections on the start screen
    m_ui = std::make_unique<DashboardWindow>(QSize(1280, 800), DashboardWindow::QmlWarnings::Fail);
    m_app = m_ui->app();
    m_window = m_ui->window();
    QVERIFY(m_window);
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestKeyboard::cleanupTestCase()
{
    m_ui.reset();
    m_fixture.reset();
}

namespace {

/// Whether the focused @p item shows it has the focus: a text field by its own focused underline
/// and caret, any other control by a visible frame inside it (its own FocusFrame or the window's
/// FocusRing), a list by the ListFocusRing of its current row.
bool focusVisible(QQuickItem *item)
{
    if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
        return true;
    QQuickItem *framed = item;
    if (item->inherits("QQuickListView")) {
        framed = item->property("currentItem").value<QQuickItem *>();
        if (!framed)
            return false;
    }
    const QList<QQuickItem *> children = framed->childItems();
    return std::any_of(children.begin(), children.end(), [](QQuickItem *child) {
        const QString name = child->objectName();
        return (name == u"focusFrame"_s || name == u"focusRing"_s || name == u"listFocusRing"_s) && child->isVisible()
               && child->width() > 4 && child->height() > 4;
    });
}

} // namespace

bool TestKeyboard::openPage(const QString &name)
{
    QVariantMap values; // the page's required properties, from the sample data
    for (const QVariant &entry : m_ui->pageEntries())
        if (entry.toMap().value(u"name"_s) == name)
            for (const QVariant &property : entry.toMap().value(u"properties"_s).toList())
                values.insert(property.toString(), m_sample.value(property.toString()));
    return m_ui->openPage(name, values);
}

QList<QQuickItem *> TestKeyboard::walkFocus(Qt::Key key, int limit)
{
    QList<QQuickItem *> visited{m_window->activeFocusItem()};
    for (int i = 0; i < limit; ++i) {
        QTest::keyClick(m_window, key);
        QQuickItem *now = m_window->activeFocusItem();
        if (now == visited.first())
            return visited;
        if (now == visited.last() || visited.contains(now)) { // stuck, or a loop that skips the start
            visited.append(now);
            return visited;
        }
        visited.append(now);
    }
    return visited;
}

void TestKeyboard::checkTabCycle(QQuickItem *scope, QQuickItem *first)
{
    QVERIFY(scope && first);
    first->forceActiveFocus(Qt::TabFocusReason);
    QCOMPARE(m_window->activeFocusItem(), first);
    const QList<QQuickItem *> controls = focusable(scope);
    const QList<QQuickItem *> forward = walkFocus(Qt::Key_Tab, controls.size() + 5);
    QStringList names;
    for (QQuickItem *item : forward)
        names.append(item ? describe(item) : u"(nothing)"_s);
    const QString trail = names.join(u"\n  "_s);
    qInfo().noquote() << "Tab order:\n " << trail; // QVERIFY2 cuts long messages
    // No trap: focus came back to where it started, through distinct controls inside the scope.
    QVERIFY2(m_window->activeFocusItem() == first && QSet<QQuickItem *>(forward.cbegin(), forward.cend()).size() == forward.size(),
             qPrintable(u"Tab does not come back (a trap or a loop):\n  "_s + trail));
    for (QQuickItem *item : forward)
        QVERIFY2(item && (item == scope || scope->isAncestorOf(item)), qPrintable(u"Tab left the scope:\n  "_s + trail));
    // Full navigation: every control of the scope is on the way.
    for (QQuickItem *control : controls)
        QVERIFY2(forward.contains(control), qPrintable(u"not reached by Tab: "_s + describe(control) + u"\n  "_s + trail));
    // Reading order; a scrolled area's controls come as one block.
    QList<QQuickItem *> areasLeft;
    for (qsizetype i = 1; i < forward.size(); ++i) {
        QQuickItem *before = forward.at(i - 1);
        QQuickItem *after = forward.at(i);
        const bool sameArea = flickableOf(before) == flickableOf(after);
        if (!sameArea)
            areasLeft.append(flickableOf(before));
        QVERIFY2(!areasLeft.contains(flickableOf(after)) || sameArea,
                 qPrintable(u"Tab returns into an area it left:\n  "_s + trail));
        QVERIFY2(!sameArea || readsAfter(before, after),
                 qPrintable(u"Tab goes back up from "_s + describe(before) + u" to "_s + describe(after) + u"\n  "_s + trail));
    }
    // Shift+Tab walks the same way back.
    QList<QQuickItem *> backward = walkFocus(Qt::Key_Backtab, controls.size() + 5);
    std::reverse(backward.begin() + 1, backward.end());
    QCOMPARE(backward, forward);
}

void TestKeyboard::startScreenTabOrder()
{
    QQuickItem *start = nullptr;
    for (QQuickItem *child : m_window->findChildren<QQuickItem *>())
        if (QString::fromLatin1(child->metaObject()->className()).startsWith(u"StartPage"_s))
            start = child;
    QVERIFY(start && start->isVisible());
    const QList<QQuickItem *> controls = focusable(start);
    const QStringList missing = unnamed(controls);
    QVERIFY2(missing.isEmpty(), qPrintable(u"without an accessible name:\n  "_s + missing.join(u"\n  "_s)));
    const auto named = [&](const QString &name) -> QQuickItem * {
        for (QQuickItem *item : controls)
            if (accessibleName(item) == name)
                return item;
        return nullptr;
    };
    QQuickItem *address = named(u"Server address"_s);
    QQuickItem *key = named(u"Root key"_s);
    QVERIFY(address && key);
    // Typed with the keyboard alone: the Connect button becomes reachable once both are filled.
    address->forceActiveFocus(Qt::TabFocusReason);
    type(m_window, u"127.0.0.1:1"_s);
    QTest::keyClick(m_window, Qt::Key_Tab);
    QCOMPARE(m_window->activeFocusItem(), key);
    type(m_window, u"lkroot_typed"_s);
    QCOMPARE(key->property("text").toString(), u"lkroot_typed"_s);
    QQuickItem *connect = nullptr;
    for (QQuickItem *item : focusable(start))
        if (accessibleName(item) == u"Connect to the server"_s)
            connect = item;
    QVERIFY2(connect, "the Connect button is not focusable with both fields filled");
    QList<QQuickItem *> all = focusable(start);
    checkTabCycle(start, all.first());
    if (QTest::currentTestFailed())
        return;
    // The fields come in the order they are filled in.
    const QList<QQuickItem *> order = walkFocus(Qt::Key_Tab, all.size() + 5);
    QVERIFY(order.indexOf(address) < order.indexOf(key));
    QVERIFY(order.indexOf(key) < order.indexOf(connect));
    // Enter in the key field connects (and fails: nothing listens on port 1), no mouse needed.
    key->forceActiveFocus(Qt::TabFocusReason);
    QSignalSpy failed(m_app->connection(), &ConnectionController::failed);
    QTest::keyClick(m_window, Qt::Key_Return);
    // A refused connection on loopback can be reported while keyClick still processes events, so
    // the spy may hold the signal already (wait() would only see a second one).
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 20000);
}

void TestKeyboard::connectErrorGoesWhenTheAddressOrKeyChanges_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("address") << u"Server address"_s;
    QTest::newRow("key") << u"Root key"_s;
}

/// Walkthrough 23b, Y2: "Cannot reach 127.0.0.1:1" stayed under the form after the address had
/// been corrected, as if the new address had failed. Editing the address or the key clears it.
void TestKeyboard::connectErrorGoesWhenTheAddressOrKeyChanges()
{
    QFETCH(QString, field);
    QQuickItem *start = nullptr;
    for (QQuickItem *child : m_window->findChildren<QQuickItem *>())
        if (QString::fromLatin1(child->metaObject()->className()).startsWith(u"StartPage"_s))
            start = child;
    QVERIFY(start && start->isVisible());
    QQuickItem *edited = nullptr;
    for (QQuickItem *item : focusable(start))
        if (accessibleName(item) == field)
            edited = item;
    QVERIFY(edited);
    auto *error = m_window->findChild<QQuickItem *>(u"connectionError"_s);
    QVERIFY(error);
    ConnectionController *connection = m_app->connection();
    QSignalSpy failed(connection, &ConnectionController::failed);
    connection->connectToServer(u"http://127.0.0.1:1"_s, u"lkroot_typed"_s, false);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 20000);
    QTRY_VERIFY(error->isVisible());

    edited->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_End);
    QTest::keyClick(m_window, '0');
    QTRY_VERIFY2(!error->isVisible(), qPrintable(error->property("text").toString()));
    QVERIFY(connection->error().isEmpty());
    QTest::keyClick(m_window, Qt::Key_Backspace);
}

void TestKeyboard::connectWithSampleData()
{
    QSignalSpy connected(m_app->connection(), &ConnectionController::connected);
    m_app->connection()->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), false);
    QVERIFY(connected.wait(20000));
    m_sample = SelfTest::seedSample(*m_app);
    QVERIFY(!m_sample.isEmpty());
    m_ui->settle();
}

/// Walkthrough (issue 4): the title bar read "Latchkey — http://… — Latchkey": the platform adds
/// the application's display name to any other title, so the window's own title is the server.
void TestKeyboard::windowTitleNamesTheAppOnce()
{
    const QString address = m_app->session()->client()->address();
    QVERIFY(!address.isEmpty());
    QCOMPARE(m_window->title(), address);
    QVERIFY2(!m_window->title().contains(u"Latchkey"_s), qPrintable(m_window->title()));
}

void TestKeyboard::ctrlKAndCtrlNFromEveryPage_data()
{
    QTest::addColumn<QString>("page");
    const QVariantList entries = m_ui->pageEntries();
    for (const QVariant &entry : entries) {
        const QString name = entry.toMap().value(u"name"_s).toString();
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestKeyboard::ctrlKAndCtrlNFromEveryPage()
{
    QFETCH(QString, page);
    QVERIFY(openPage(page));
    QQuickItem *current = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(current);
    QObject *search = m_window->findChild<QObject *>(u"globalSearch"_s);
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(search && issue);
    QMetaObject::invokeMethod(search, "close"); // whatever an earlier row left open
    QMetaObject::invokeMethod(issue, "close");
    QTRY_VERIFY(!search->property("visible").toBool() && !issue->property("visible").toBool());

    // Ctrl+K: the one global "Go to" on every page, the cursor in its field.
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QQuickItem *target = popupItem(search);
    QTRY_VERIFY2(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput")
                     && target->isAncestorOf(m_window->activeFocusItem()),
                 qPrintable(m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"no focus"_s));
    type(m_window, u"abc"_s); // the cursor is really there
    QCOMPARE(m_window->activeFocusItem()->property("text").toString(), u"abc"_s);
    QTRY_VERIFY(search->property("opened").toBool());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!search->property("visible").toBool());
    // Ctrl+F: a page's own filter field takes the cursor; elsewhere it does nothing.
    if (current->metaObject()->indexOfMethod("focusSearch()") >= 0) {
        QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY2(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput")
                         && current->isAncestorOf(m_window->activeFocusItem()),
                     qPrintable(m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"no focus"_s));
        QVERIFY(!search->property("visible").toBool());
    }

    // Ctrl+N: the issue-key dialog, its first field focused; Esc closes it, and the page is usable.
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    QTRY_VERIFY(m_window->activeFocusItem() && popupItem(issue)->isAncestorOf(m_window->activeFocusItem()));
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!issue->property("visible").toBool());
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier); // shortcuts still work afterwards
    QTRY_VERIFY(m_window->activeFocusItem() && target->isAncestorOf(m_window->activeFocusItem()));
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!search->property("visible").toBool());
}

void TestKeyboard::everyControlHasAnAccessibleName_data()
{
    ctrlKAndCtrlNFromEveryPage_data();
}

void TestKeyboard::everyControlHasAnAccessibleName()
{
    QFETCH(QString, page);
    QVERIFY(openPage(page));
    // The page and the sidebar around it.
    const QStringList missing = unnamed(focusable(m_window->contentItem()));
    QVERIFY2(missing.isEmpty(), qPrintable(u"without an accessible name:\n  "_s + missing.join(u"\n  "_s)));
}

void TestKeyboard::issueDialogTabOrderAndEsc()
{
    QVERIFY(m_app->session()->connected());
    QVERIFY(openPage(u"apis"_s));
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    m_ui->settle();
    QQuickItem *dialog = popupItem(issue);
    QVERIFY(dialog);
    // The name has the focus once an API is chosen (the list pre-selects one, or the dialog kept
    // the API of its last opening); the API box only when the server has none.
    QQuickItem *api = issue->findChild<QQuickItem *>(u"issue-api"_s);
    QQuickItem *name = issue->findChild<QQuickItem *>(u"issue-name"_s);
    QVERIFY(api && name);
    QObject *issuer = issue->property("controller").value<QObject *>();
    QVERIFY(issuer);
    QQuickItem *first = issuer->property("apiId").toString().isEmpty() ? api : name;
    QTRY_COMPARE(m_window->activeFocusItem(), first);
    const QStringList missing = unnamed(focusable(dialog));
    QVERIFY2(missing.isEmpty(), qPrintable(u"without an accessible name:\n  "_s + missing.join(u"\n  "_s)));
    checkTabCycle(dialog, api);
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!issue->property("visible").toBool());
}


/// Ctrl+K on the owners page, type an owner's external id, Enter: that owner opens; its ← back
/// button returns to the list. Down from the search field moves the focus into the list.
void TestKeyboard::ownersSearchEnterOpensAndBackReturns()
{
    QVERIFY(openPage(u"owners"_s));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), u"owners"_s);
    QQuickItem *list = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(list);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput"));
    QQuickItem *field = m_window->activeFocusItem();
    QTest::keyClick(m_window, Qt::Key_Down); // into the list, its current row highlighted
    const auto focusedListView = [this]() -> QQuickItem * { // the list itself or its current row
        for (QQuickItem *at = m_window->activeFocusItem(); at; at = at->parentItem())
            if (at->inherits("QQuickListView"))
                return at;
        return nullptr;
    };
    QTRY_VERIFY2(focusedListView() && list->isAncestorOf(focusedListView()),
                 qPrintable(m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"no focus"_s));
    QVERIFY(focusedListView()->property("currentIndex").toInt() >= 0);
    field->forceActiveFocus();
    QTRY_VERIFY(field->hasActiveFocus());
    type(m_window, m_sample.value(u"externalId"_s).toString());
    QTest::keyClick(m_window, Qt::Key_Return); // at once, before the search's debounce
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPageName").toString() == u"ownerDetail"_s, 20000);
    QQuickItem *owner = m_window->property("currentPage").value<QQuickItem *>();
    QCOMPARE(owner->property("identityId").toString(), m_sample.value(u"identityId"_s).toString());

    QQuickItem *back = nullptr;
    const QList<QQuickItem *> buttons = owner->findChildren<QQuickItem *>();
    for (QQuickItem *button : buttons)
        if (button->inherits("QQuickToolButton") && button->property("text").toString() == u"←"_s && button->isVisible())
            back = button;
    QVERIFY(back);
    QMetaObject::invokeMethod(back, "clicked");
    QTRY_COMPARE(m_window->property("currentPageName").toString(), u"owners"_s);
}

QQuickItem *TestKeyboard::focusedList() const
{
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QQuickItem *focused = m_window->activeFocusItem();
    // Inside a list's header or footer (the keys page's charts) the focus is not on its rows.
    const auto within = [focused](QQuickItem *part) {
        return part && (part == focused || part->isAncestorOf(focused));
    };
    for (QQuickItem *at = focused; at && page; at = at->parentItem())
        if (at->inherits("QQuickListView") && page->isAncestorOf(at))
            return within(at->property("headerItem").value<QQuickItem *>())
                           || within(at->property("footerItem").value<QQuickItem *>())
                       ? nullptr
                       : at;
    return nullptr;
}

void TestKeyboard::checkFocusShown(QQuickItem *list)
{
    QVERIFY(list);
    QTRY_VERIFY(list->property("currentIndex").toInt() >= 0);
    auto *row = list->property("currentItem").value<QQuickItem *>();
    QVERIFY(row);
    QQuickItem *ring = nullptr;
    for (QQuickItem *child : row->findChildren<QQuickItem *>(u"listFocusRing"_s))
        ring = child;
    QVERIFY2(ring, qPrintable(u"no focus ring on "_s + describe(row)));
    QTRY_VERIFY2(ring->isVisible() && ring->property("shown").toBool(), "the focused list's current row shows no focus");
    // Without the focus the same row shows none: the highlight alone does not tell them apart.
    {
        QQuickItem elsewhere;
        elsewhere.setParentItem(m_window->contentItem());
        elsewhere.forceActiveFocus();
        QVERIFY(!list->hasActiveFocus());
        QTRY_VERIFY(!ring->isVisible());
    }
    list->forceActiveFocus(Qt::TabFocusReason);
    QTRY_VERIFY(ring->isVisible());
}

void TestKeyboard::checkFrameOnTab(QQuickItem *button)
{
    QVERIFY(button && button->isVisible() && button->isEnabled());
    auto *frame = button->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY2(frame, qPrintable(u"no focus frame on "_s + describe(button)));
    QVERIFY(!frame->isVisible());
    button->forceActiveFocus(Qt::TabFocusReason);
    QTRY_VERIFY(button->property("visualFocus").toBool());
    QTRY_VERIFY(frame->isVisible() && frame->property("shown").toBool());
    QVERIFY(frame->width() > button->width() / 2 && frame->height() > 10); // around it, not a dot
    QQuickItem elsewhere;
    elsewhere.setParentItem(m_window->contentItem());
    elsewhere.forceActiveFocus();
    QTRY_VERIFY(!frame->isVisible());
}

/// The filled "Start a local server" button shows the keyboard focus.
void TestKeyboard::focusShownOnStartButton()
{
    // The start screen as a user first sees it: the button is disabled while a local server runs
    // or starts, and the whole card while a connection attempt is in flight.
    m_app->localServer()->stop();
    m_app->connection()->cancel();
    auto *start = m_window->findChild<QQuickItem *>(u"startLocalServer"_s);
    QVERIFY(start);
    QTRY_VERIFY_WITH_TIMEOUT(start->isVisible() && start->isEnabled(), 20000);
    checkFrameOnTab(start);
}

/// The start screen's keychain line switches language with the rest of the UI (it is a C++ text,
/// which QQmlEngine::retranslate() alone leaves as it was).
void TestKeyboard::keychainStatusFollowsLanguage()
{
    const QString english = u"No keychain on this computer: the root key is not stored and will be asked again."_s;
    ConnectionController *connection = m_app->connection();
    m_app->vault()->disable(english);
    QCOMPARE(connection->keychainStatus(), english);
    QQuickItem *label = nullptr;
    const auto findLabel = [&] {
        for (QQuickItem *item : m_window->findChildren<QQuickItem *>())
            if (item->inherits("QQuickLabel") && item->property("text").toString() == english)
                label = item;
        return label != nullptr;
    };
    QTRY_VERIFY(findLabel());
    // The remember box does not repeat what the line says.
    QQuickItem *remember = nullptr;
    for (QQuickItem *item : m_window->findChildren<QQuickItem *>())
        if (item->inherits("QQuickCheckBox") && item->property("text").toString().startsWith(u"Remember this server"_s))
            remember = item;
    QVERIFY(remember);
    QTRY_COMPARE(remember->property("text").toString(), u"Remember this server"_s);
    QSignalSpy changed(connection, &ConnectionController::keychainChanged);
    m_app->session()->settings()->setLanguage(u"de"_s);
    QTRY_VERIFY(changed.count() > 0);
    const QString german = connection->keychainStatus();
    const QString shown = label->property("text").toString();
    m_app->session()->settings()->setLanguage(u"en"_s);
    QVERIFY2(german.contains(u"Schlüsselbund"_s), qPrintable(german));
    QCOMPARE(shown, german);
    QTRY_COMPARE(label->property("text").toString(), english);
    m_app->vault()->disable(u"tests"_s);
}

/// The start screen's language picker opens on a mouse click (the page-filling ScrollView
/// declared after it lay on top and took the clicks).
void TestKeyboard::startLanguagePickerOpensByMouse()
{
    QQuickItem *picker = nullptr;
    for (QQuickItem *child : m_window->findChildren<QQuickItem *>())
        if (QString::fromLatin1(child->metaObject()->className()).startsWith(u"LanguagePicker"_s) && child->isVisible())
            picker = child;
    QVERIFY(picker);
    auto *popup = picker->property("popup").value<QObject *>();
    QVERIFY(popup);
    QVERIFY(!popup->property("visible").toBool());
    const QPointF centre = picker->mapToScene(QPointF(picker->width() / 2, picker->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    QTRY_VERIFY_WITH_TIMEOUT(popup->property("visible").toBool(), 5000);
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!popup->property("visible").toBool());
}

/// The main action on the indigo header ("New API") and Disconnect show the keyboard focus.
void TestKeyboard::focusShownOnHeaderAndDisconnect()
{
    QVERIFY(openPage(u"apis"_s));
    auto *current = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(current);
    QQuickItem *newApi = nullptr;
    for (QQuickItem *item : current->findChildren<QQuickItem *>())
        if (item->inherits("QQuickButton") && item->property("text").toString() == u"New API"_s && item->isVisible())
            newApi = item;
    checkFrameOnTab(newApi);
    QVERIFY(openPage(u"settings"_s));
    current = m_window->property("currentPage").value<QQuickItem *>();
    QQuickItem *disconnect = nullptr;
    for (QQuickItem *item : current->findChildren<QQuickItem *>())
        if (item->inherits("QQuickButton") && item->property("text").toString() == u"Disconnect"_s)
            disconnect = item;
    checkFrameOnTab(disconnect);
}

void TestKeyboard::listsInTabChain_data()
{
    QTest::addColumn<QString>("page");
    for (const char *page : {"apis", "keys", "owners", "permissions", "ratelimits", "audit", "rootKeys"})
        QTest::newRow(page) << QString::fromLatin1(page);
}

/// Tab from the page's first header control reaches its list, where the arrows move the current
/// row and the current row shows the focus.
void TestKeyboard::listsInTabChain()
{
    QFETCH(QString, page);
    if (page == u"permissions"_s) // two rows, so the arrows have somewhere to go
        for (const QString &slug : {u"docs.read"_s, u"docs.write"_s})
            QVERIFY(m_fixture->call(u"permissions.createPermission"_s, {{u"name"_s, slug}, {u"slug"_s, slug}}).ok());
    QVERIFY(openPage(page));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), page);
    auto *current = m_window->property("currentPage").value<QQuickItem *>();
    auto *header = current ? current->property("header").value<QQuickItem *>() : nullptr;
    QVERIFY(header);
    const QList<QQuickItem *> inHeader = focusable(header);
    QVERIFY(!inHeader.isEmpty());
    inHeader.first()->forceActiveFocus(Qt::TabFocusReason);
    QStringList trail;
    for (int i = 0; i < 40 && !focusedList(); ++i) { // through the charts' controls too (Keys page)
        QVERIFY2(pressTab(m_window), qPrintable(u"Tab inside the charts went nowhere:\n  "_s + trail.join(u"\n  "_s)));
        trail.append(m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"(nothing)"_s);
    }
    QQuickItem *list = focusedList();
    QVERIFY2(list, qPrintable(u"Tab never reaches the list:\n  "_s + trail.join(u"\n  "_s)));
    QVERIFY(list->property("count").toInt() > 0);
    checkFocusShown(list);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(focusedList(), list);
    const int count = list->property("count").toInt();
    for (int i = 0; i <= count; ++i) // one more than needed: the last row stays current
        QTest::keyClick(m_window, Qt::Key_Down);
    QTRY_COMPARE(list->property("currentIndex").toInt(), count - 1);
    if (count > 1) {
        QTest::keyClick(m_window, Qt::Key_Up);
        QTRY_COMPARE(list->property("currentIndex").toInt(), count - 2);
    }
    QCOMPARE(focusedList(), list);
}

/// Delete on a permission asks; Cancel has the focus and shows it, Enter presses it (nothing
/// deleted); Tab to the confirm button and Enter deletes.
void TestKeyboard::confirmEnterPressesFocusedButton()
{
    QVERIFY(openPage(u"permissions"_s)); // listsInTabChain created two
    QQuickItem *page = m_window->property("currentPage").value<QQuickItem *>();
    QQuickItem *list = nullptr;
    for (QQuickItem *item : page->findChildren<QQuickItem *>())
        if (item->inherits("QQuickListView") && item->isVisible() && item->property("count").toInt() >= 2 && !list)
            list = item;
    QVERIFY(list);
    const int before = list->property("count").toInt();
    list->forceActiveFocus(Qt::TabFocusReason);
    QTRY_VERIFY(list->property("currentIndex").toInt() >= 0);
    QObject *confirm = nullptr;
    for (QObject *object : page->findChildren<QObject *>())
        if (object->inherits("QQuickDialog") && object->property("confirmText").isValid()
            && object->objectName() != u"discard-question"_s) // the create dialogs' own question
            confirm = object;
    QVERIFY(confirm);
    QTest::keyClick(m_window, Qt::Key_Delete);
    QTRY_VERIFY(confirm->property("opened").toBool());
    QQuickItem *focused = m_window->activeFocusItem();
    QVERIFY(focused && focused->inherits("QQuickButton"));
    auto *frame = focused->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY(frame);
    QTRY_VERIFY(frame->isVisible()); // the default button shows that Enter presses it
    QCOMPARE(focused->property("text").toString(), u"Cancel"_s);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!confirm->property("visible").toBool());
    m_ui->settle();
    QCOMPARE(list->property("count").toInt(), before);

    list->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Delete);
    QTRY_VERIFY(confirm->property("opened").toBool());
    QTest::keyClick(m_window, Qt::Key_Tab);
    QTRY_COMPARE(m_window->activeFocusItem()->objectName(), u"confirmButton"_s);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!confirm->property("visible").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), before - 1, 20000);
}

void TestKeyboard::downFromFilterEnterOpens_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("opens");
    QTest::newRow("apis") << u"apis"_s << u"keys"_s;
    QTest::newRow("keys") << u"keys"_s << u"keyDetail"_s;
    QTest::newRow("owners") << u"owners"_s << u"ownerDetail"_s;
}

/// Down in the filter moves into the list; Enter opens the current row; Space selects a key.
void TestKeyboard::downFromFilterEnterOpens()
{
    QFETCH(QString, page);
    QFETCH(QString, opens);
    QVERIFY(openPage(page));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), page);
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput"));
    QTest::keyClick(m_window, Qt::Key_Down);
    QTRY_VERIFY2(focusedList(), qPrintable(describe(m_window->activeFocusItem())));
    QQuickItem *list = focusedList();
    checkFocusShown(list);
    if (QTest::currentTestFailed())
        return;
    if (page == u"keys"_s) { // Space toggles the current key's selection
        auto *row = list->property("currentItem").value<QQuickItem *>();
        QVERIFY(row && !row->property("selected").toBool());
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(row->property("selected").toBool());
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(!row->property("selected").toBool());
    }
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->property("currentPageName").toString(), opens, 20000);
}

/// Ctrl+N on "Keys of <api>" pre-selects that API, for any of several APIs (not the first one).
void TestKeyboard::ctrlNPreselectsThePagesApi()
{
    // Run alone (-functions): connected here, as the earlier tests leave it (alone, the window was
    // still on the start screen: no keys page to open, no Ctrl+N).
    if (m_sample.isEmpty())
        connectWithSampleData();
    if (QTest::currentTestFailed())
        return;
    const QStringList apiIds{m_fixture->createApi(u"ctrl-n-first"_s), m_fixture->createApi(u"ctrl-n-second"_s)};
    for (const QString &apiId : apiIds) {
        QVERIFY(!apiId.isEmpty());
        QVERIFY(m_ui->openPage(u"keys"_s, {{u"apiId"_s, apiId}}));
        QTRY_COMPARE(m_window->property("currentPageName").toString(), u"keys"_s);
        const QVariantMap prefilled = issueFormAfterCtrlN();
        QVERIFY2(!prefilled.isEmpty(), "Ctrl+N did not open the issue-key dialog, or Esc did not close it");
        QCOMPARE(prefilled.value(u"apiId"_s).toString(), apiId);
    }
}

TestKeyboard::OwnersKey TestKeyboard::ownersKey(const QString &name, const QString &prefix)
{
    OwnersKey made;
    made.apiId = m_fixture->createApi(name);
    made.externalId = u"%1-%2"_s.arg(name).arg(QDateTime::currentMSecsSinceEpoch() % 1000000);
    QJsonObject key{{u"apiId"_s, made.apiId}, {u"externalId"_s, made.externalId}};
    if (!prefix.isEmpty())
        key.insert(u"prefix"_s, prefix);
    made.keyId = m_fixture->createKey(key).value(u"keyId"_s).toString();
    const ApiResult identity = m_fixture->call(u"identities.getIdentity"_s, {{u"identity"_s, made.externalId}});
    if (made.keyId.isEmpty() || !identity.ok())
        return {};
    made.identityId = identity.data.toObject().value(u"id"_s).toString();
    return made;
}

/// Ctrl+N on an owner's page issues a key for that owner, as its "Issue key for this owner"
/// button does; on a key's page, another key in that key's API for the same owner (walkthrough
/// of stop 17: the form came up empty on both).
void TestKeyboard::ctrlNOnOwnerAndKeyPagesIssuesForThem()
{
    const OwnersKey made = ownersKey(u"ctrl-n-owner"_s);
    QVERIFY(!made.identityId.isEmpty());
    const auto [apiId, externalId, keyId, identityId] = made;

    QVERIFY(m_ui->openPage(u"ownerDetail"_s, {{u"identityId"_s, identityId}}));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), u"ownerDetail"_s);
    auto *owner = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(owner);
    QTRY_COMPARE_WITH_TIMEOUT(owner->property("title").toString(), externalId, 20000);
    QVariantMap prefilled = issueFormAfterCtrlN();
    QVERIFY2(!prefilled.isEmpty(), "Ctrl+N did not open the issue-key dialog, or Esc did not close it");
    QCOMPARE(prefilled.value(u"externalId"_s).toString(), externalId);

    QVERIFY(m_ui->openPage(u"keyDetail"_s, {{u"keyId"_s, keyId}, {u"apiId"_s, apiId}}));
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    auto *controller = page->property("controller").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(controller && controller->property("loaded").toBool(), 20000);
    prefilled = issueFormAfterCtrlN();
    QVERIFY2(!prefilled.isEmpty(), "Ctrl+N did not open the issue-key dialog, or Esc did not close it");
    QCOMPARE(prefilled.value(u"externalId"_s).toString(), externalId);
    QCOMPARE(prefilled.value(u"apiId"_s).toString(), apiId);
}

/// The sidebar's "Issue key" on a key's page, an owner's page and "Keys of …" opens the form as
/// Ctrl+N does there, pre-filled (walkthrough 21: on a key's page the button opened an empty form
/// where Ctrl+N gave the key's API and owner).
void TestKeyboard::sidebarIssueKeyPrefillsAsCtrlN()
{
    // A prefix with a "_" of its own: the form gets all of it (walk 22/X7: none was pre-filled).
    const OwnersKey made = ownersKey(u"sidebar-issue"_s, u"pay_eu"_s);
    QVERIFY(!made.identityId.isEmpty());
    const auto [apiId, externalId, keyId, identityId] = made;

    struct Page {
        QString name;
        QVariantMap properties;
        QVariantMap prefill;
    };
    const QList<Page> pages{
        {u"keyDetail"_s, {{u"keyId"_s, keyId}, {u"apiId"_s, apiId}},
         {{u"apiId"_s, apiId}, {u"externalId"_s, externalId}, {u"prefix"_s, u"pay_eu"_s}}},
        {u"ownerDetail"_s, {{u"identityId"_s, identityId}}, {{u"externalId"_s, externalId}}},
        {u"keys"_s, {{u"apiId"_s, apiId}}, {{u"apiId"_s, apiId}}}};
    for (const Page &page : pages) {
        QVERIFY(m_ui->openPage(page.name, page.properties));
        QTRY_COMPARE(m_window->property("currentPageName").toString(), page.name);
        auto *shown = m_window->property("currentPage").value<QQuickItem *>();
        QVERIFY(shown);
        // Loaded: what the page pre-fills the form with is known.
        if (auto *key = shown->property("controller").value<QObject *>())
            QTRY_VERIFY_WITH_TIMEOUT(key->property("loaded").toBool(), 20000);
        if (page.name == u"ownerDetail"_s)
            QTRY_COMPARE_WITH_TIMEOUT(shown->property("title").toString(), externalId, 20000);
        const QVariantMap byButton = issueFormAfter(true);
        QVERIFY2(!byButton.isEmpty(), "the sidebar's button did not open the issue-key dialog, or Esc did not close it");
        for (auto it = page.prefill.cbegin(); it != page.prefill.cend(); ++it)
            QVERIFY2(byButton.value(it.key()) == it.value(),
                     qPrintable(u"%1: %2 is “%3”"_s.arg(page.name, it.key(), byButton.value(it.key()).toString())));
        QCOMPARE(byButton, issueFormAfterCtrlN());
    }
}

QVariantMap TestKeyboard::issueFormAfter(bool bySidebar)
{
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    if (!issue)
        return {};
    if (bySidebar) {
        if (!m_ui->click(m_ui->item(m_window->contentItem(), u"sidebar-issue-key"_s)))
            return {};
    } else {
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    }
    if (!QTest::qWaitFor([issue] { return issue->property("opened").toBool(); }))
        return {};
    m_ui->settle(); // the form's API list loads; it must not replace the pre-fill
    auto *controller = issue->property("controller").value<QObject *>();
    if (!controller)
        return {};
    const QVariantMap prefilled{{u"apiId"_s, controller->property("apiId")},
                                {u"externalId"_s, controller->property("externalId")},
                                {u"prefix"_s, controller->property("prefix")}};
    QTest::keyClick(m_window, Qt::Key_Escape);
    if (!QTest::qWaitFor([issue] { return !issue->property("visible").toBool(); }))
        return {};
    return prefilled;
}

/// Arrow keys in the sidebar, then a page opened another way (a click, a link): the sidebar's
/// highlight moves to that page, and back to the open page when the sidebar loses the focus.
void TestKeyboard::sidebarFollowsThePageAfterArrows()
{
    QVERIFY(openPage(u"apis"_s));
    QQuickItem *sidebar = nullptr;
    for (QQuickItem *item : m_window->findChildren<QQuickItem *>())
        if (item->inherits("QQuickListView") && item->property("pageIndex").isValid())
            sidebar = item;
    QVERIFY(sidebar);
    const auto titleAt = [&](int index) {
        return sidebar->property("items").toList().value(index).toMap().value(u"name"_s).toString();
    };
    QTRY_COMPARE(titleAt(sidebar->property("currentIndex").toInt()), u"apis"_s);
    sidebar->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Down);
    QTest::keyClick(m_window, Qt::Key_Down);
    QTRY_VERIFY(titleAt(sidebar->property("currentIndex").toInt()) != u"apis"_s);
    QVERIFY(openPage(u"owners"_s)); // as a click on a row or a link does
    QTRY_COMPARE(titleAt(sidebar->property("currentIndex").toInt()), u"owners"_s);
    sidebar->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Up);
    QTRY_VERIFY(titleAt(sidebar->property("currentIndex").toInt()) != u"owners"_s);
    QQuickItem elsewhere;
    elsewhere.setParentItem(m_window->contentItem());
    elsewhere.forceActiveFocus(); // e.g. a click into the page
    QTRY_COMPARE(titleAt(sidebar->property("currentIndex").toInt()), u"owners"_s);
}

void TestKeyboard::tabScrollsFocusIntoView_data()
{
    QTest::addColumn<bool>("dialog");
    QTest::newRow("issue-key dialog with a rate limit") << true;
    QTest::newRow("key page") << false;
}

/// Tab through a scrolled form (the issue-key dialog after "Add rate limit", the key page with its
/// Credits card): each focused control is scrolled into the visible part of the form.
void TestKeyboard::tabScrollsFocusIntoView()
{
    QFETCH(bool, dialog);
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    QQuickItem *scope = nullptr;
    if (dialog) {
        QVERIFY(openPage(u"apis"_s));
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(issue->property("opened").toBool());
        m_ui->settle();
        scope = popupItem(issue);
        QQuickItem *add = nullptr;
        for (QQuickItem *item : m_window->findChildren<QQuickItem *>())
            if (item->inherits("QQuickAbstractButton") && item->property("text").toString() == u"Add rate limit"_s
                && item->isVisible() && scope->isAncestorOf(item))
                add = item;
        QVERIFY(add);
        QMetaObject::invokeMethod(add, "clicked");
        m_ui->settle();
    } else {
        m_window->resize(1280, 600); // short enough that the cards do not all fit
        QVERIFY(openPage(u"keyDetail"_s));
        m_ui->settle(400);
        scope = m_window->property("currentPage").value<QQuickItem *>();
    }
    QVERIFY(scope);
    const QList<QQuickItem *> controls = focusable(scope);
    QVERIFY(!controls.isEmpty());
    controls.first()->forceActiveFocus(Qt::TabFocusReason);
    int scrolled = 0; // controls that started outside the view
    bool overflowing = false; // the form is taller than its view (else this proves nothing)
    for (int i = 0; i < controls.size() + 5; ++i) {
        QVERIFY(pressTab(m_window));
        QQuickItem *focused = m_window->activeFocusItem();
        QVERIFY(focused);
        QQuickItem *flickable = flickableOf(focused);
        if (!flickable || !scope->isAncestorOf(flickable))
            continue;
        // In the charts (the embedded console page): the page's focused control.
        QQuickItem *view = consoleViewOf(focused);
        const auto visible = [&] {
            const QRectF r = view ? view->mapRectToItem(flickable, view->property("pageFocus").toRectF())
                                  : focused->mapRectToItem(flickable, QRectF(0, 0, focused->width(), focused->height()));
            return r.top() >= -1 && r.top() < flickable->height() - 4;
        };
        overflowing = overflowing || flickable->property("contentHeight").toReal() > flickable->height() + 50;
        if (!visible())
            ++scrolled;
        QTRY_VERIFY2(visible(), qPrintable(u"focused but out of view: "_s + describe(focused)));
    }
    if (dialog) {
        discardByKeyboard(issue); // the added rate limit is an entry
    } else {
        m_window->resize(1280, 800);
    }
    qInfo() << "controls scrolled into view:" << scrolled;
    QVERIFY2(overflowing, "the form fits its view: nothing to scroll");
}

QQuickItem *TestKeyboard::tabToButton(QQuickItem *scope, const QString &text, int limit)
{
    for (int i = 0; i < limit; ++i) {
        QTest::keyClick(m_window, Qt::Key_Tab);
        QQuickItem *now = m_window->activeFocusItem();
        if (now && now->inherits("QQuickAbstractButton") && now->property("text").toString() == text && scope->isAncestorOf(now))
            return now;
    }
    return nullptr;
}

int TestKeyboard::keyCount(const QString &apiId)
{
    const ApiResult listed = m_fixture->call(u"apis.listKeys"_s, {{u"apiId"_s, apiId}, {u"limit"_s, 100}});
    return listed.ok() ? int(listed.data.toArray().size()) : -1;
}

/// The issue-key dialog: Tab reaches Cancel, which shows its focus frame, and Enter on it closes
/// the dialog without issuing a key.
void TestKeyboard::issueDialogTabEnterOnCancel()
{
    QVERIFY(openPage(u"apis"_s));
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    m_ui->settle();
    auto *issuer = issue->property("controller").value<QObject *>();
    QVERIFY(issuer);
    const QString apiId = issuer->property("apiId").toString();
    QVERIFY(!apiId.isEmpty()); // pre-selected, so Issue would create a key
    const int before = keyCount(apiId);
    QVERIFY(before >= 0);
    QQuickItem *cancel = tabToButton(popupItem(issue), u"Cancel"_s, 60);
    QVERIFY2(cancel, "Tab never reaches the dialog's Cancel");
    auto *frame = cancel->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY(frame);
    QTRY_VERIFY(frame->isVisible());
    QVERIFY(frame->width() > cancel->width() / 2);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!issue->property("visible").toBool());
    m_ui->settle();
    QVERIFY(!issuer->property("issued").toBool());
    QCOMPARE(keyCount(apiId), before);
}

void TestKeyboard::discardByKeyboard(QObject *dialog)
{
    auto *question = dialog->property("discardQuestion").value<QObject *>();
    QVERIFY(question);
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(question->property("opened").toBool());
    QVERIFY(dialog->property("visible").toBool());
    QTest::keyClick(m_window, Qt::Key_Tab);
    QTRY_COMPARE(m_window->activeFocusItem()->objectName(), u"confirmButton"_s);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!dialog->property("visible").toBool());
}

/// Walkthrough G32 in the real window: Ctrl+N, a name typed, Esc asks "Discard this key's
/// details?" with Keep editing framed as the default; Enter keeps the name and the cursor in it;
/// Esc, Tab to Discard, Enter closes; the next Ctrl+N starts empty and Esc closes it at once.
void TestKeyboard::issueDialogEscAsksBeforeDiscarding()
{
    QVERIFY(openPage(u"apis"_s));
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    auto *question = issue->property("discardQuestion").value<QObject *>();
    QVERIFY(question);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    m_ui->settle();
    auto *name = issue->findChild<QQuickItem *>(u"issue-name"_s);
    QVERIFY(name);
    name->forceActiveFocus(Qt::TabFocusReason);
    type(m_window, u"kept name"_s);
    QCOMPARE(name->property("text").toString(), u"kept name"_s);

    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(question->property("opened").toBool());
    QVERIFY(issue->property("visible").toBool());
    QCOMPARE(question->property("title").toString(), u"Discard this key's details?"_s);
    QQuickItem *focused = m_window->activeFocusItem();
    QVERIFY(focused && popupItem(question)->isAncestorOf(focused));
    QCOMPARE(focused->property("text").toString(), u"Keep editing"_s);
    QTRY_VERIFY(focused->property("focusShown").toBool()); // framed: Enter presses it
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!question->property("visible").toBool());
    QVERIFY(issue->property("opened").toBool());
    QTRY_COMPARE(m_window->activeFocusItem(), name);
    QCOMPARE(name->property("text").toString(), u"kept name"_s);

    discardByKeyboard(issue);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    m_ui->settle();
    name = issue->findChild<QQuickItem *>(u"issue-name"_s); // a new form for each opening
    QVERIFY(name);
    QCOMPARE(name->property("text").toString(), QString());
    QTest::keyClick(m_window, Qt::Key_Escape); // untouched: no question
    QTRY_VERIFY(!issue->property("visible").toBool());
    QVERIFY(!question->property("visible").toBool());
}

/// The New API dialog: a typed name, Tab to Cancel (framed), Enter: the dialog asks first, as every
/// create dialog (FormDialog), Tab to Discard and Enter close it and no API is created; Enter on
/// Create creates it.
void TestKeyboard::createDialogTabEnterOnCancel()
{
    QVERIFY(openPage(u"apis"_s));
    QQuickItem *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    QObject *create = nullptr;
    QQuickItem *list = nullptr;
    for (QObject *object : page->findChildren<QObject *>()) {
        if (object->inherits("QQuickDialog") && object->property("createdName").isValid())
            create = object;
        if (object->inherits("QQuickListView") && qobject_cast<QQuickItem *>(object)->isVisible())
            list = qobject_cast<QQuickItem *>(object);
    }
    QVERIFY(create && list);
    QTRY_VERIFY(list->property("count").toInt() > 0);
    const int before = list->property("count").toInt();
    QVERIFY(QMetaObject::invokeMethod(create, "open"));
    QTRY_VERIFY(create->property("opened").toBool());
    m_ui->settle();
    type(m_window, u"cancelled-by-enter"_s);
    QQuickItem *cancel = tabToButton(popupItem(create), u"Cancel"_s, 6);
    QVERIFY2(cancel, "Tab never reaches the dialog's Cancel");
    auto *frame = cancel->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY(frame);
    QTRY_VERIFY(frame->isVisible());
    QTest::keyClick(m_window, Qt::Key_Return);
    auto *question = create->property("discardQuestion").value<QObject *>();
    QVERIFY(question);
    QTRY_VERIFY(question->property("opened").toBool());
    QVERIFY(create->property("visible").toBool());
    QTest::keyClick(m_window, Qt::Key_Tab); // from Keep editing to Discard
    QTRY_COMPARE(m_window->activeFocusItem()->objectName(), u"confirmButton"_s);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!create->property("visible").toBool());
    m_ui->settle();
    QCOMPARE(create->property("createdName").toString(), QString());
    QCOMPARE(list->property("count").toInt(), before);

    QVERIFY(QMetaObject::invokeMethod(create, "open"));
    QTRY_VERIFY(create->property("opened").toBool());
    m_ui->settle();
    type(m_window, u"created-by-enter"_s);
    QQuickItem *confirm = tabToButton(popupItem(create), u"Create"_s, 6);
    QVERIFY2(confirm, "Tab never reaches the dialog's Create");
    QTRY_VERIFY(confirm->findChild<QQuickItem *>(u"focusFrame"_s)->isVisible());
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(!create->property("visible").toBool());
    QCOMPARE(create->property("createdName").toString(), u"created-by-enter"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), before + 1, 20000);
}

/// A page header's ToolButton (Refresh on the APIs page) shows a frame when Tab reaches it, and
/// none once the focus moves on.
void TestKeyboard::headerToolButtonShowsFrameOnTab()
{
    QVERIFY(openPage(u"apis"_s));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), u"apis"_s);
    auto *current = m_window->property("currentPage").value<QQuickItem *>();
    auto *header = current ? current->property("header").value<QQuickItem *>() : nullptr;
    QVERIFY(header);
    const QList<QQuickItem *> inHeader = focusable(header);
    QVERIFY(!inHeader.isEmpty());
    inHeader.first()->forceActiveFocus(Qt::TabFocusReason);
    QQuickItem *refresh = nullptr;
    for (int i = 0; i < 8 && !refresh; ++i) {
        QTest::keyClick(m_window, Qt::Key_Tab);
        QQuickItem *now = m_window->activeFocusItem();
        if (now && now->inherits("QQuickToolButton") && header->isAncestorOf(now))
            refresh = now;
    }
    QVERIFY2(refresh, "Tab never reaches a ToolButton of the header");
    auto *frame = refresh->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY2(frame, "the header's ToolButton has no focus frame");
    QTRY_VERIFY(frame->isVisible());
    QVERIFY(frame->width() > refresh->width() / 2 && frame->height() > 10);
    QQuickItem elsewhere;
    elsewhere.setParentItem(m_window->contentItem());
    elsewhere.forceActiveFocus();
    QTRY_VERIFY(!frame->isVisible());
}

QQuickItem *TestKeyboard::openKeyPage()
{
    if (!openPage(u"keyDetail"_s))
        return nullptr;
    m_ui->settle(400);
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    if (!page || !QTest::qWaitFor([page] { return findNamed(page, u"section-ratelimits"_s) != nullptr; }, 10000))
        return nullptr;
    return page;
}

/// Every Tab stop of the key page shows where the focus is (walkthrough F40: some Tabs changed
/// no pixel): Tab from the Back button through every control of the page, each checked while it
/// has the focus.
void TestKeyboard::keyPageTabStopsShowFocus()
{
    QQuickItem *page = openKeyPage();
    QVERIFY(page);
    // The charts' page loaded: its controls are Tab stops from then on.
    auto *charts = qobject_cast<QQuickItem *>(findNamed(page, u"consoleView"_s));
    QVERIFY(charts);
    QTRY_VERIFY_WITH_TIMEOUT(charts->property("tabbable").toBool(), 60000);
    const QList<QQuickItem *> controls = focusable(page);
    QVERIFY(controls.size() > 10);
    controls.first()->forceActiveFocus(Qt::TabFocusReason);
    QQuickItem *first = m_window->activeFocusItem();
    QStringList hidden;
    QStringList trail;
    int stops = 0;
    int pageStops = 0; // the charts' own controls (the embedded console page's)
    for (int i = 0; i < controls.size() + 40 + pageStops; ++i) {
        QVERIFY2(pressTab(m_window), qPrintable(u"Tab in the charts went nowhere after:\n  "_s + trail.join(u"\n  "_s)));
        QQuickItem *focused = m_window->activeFocusItem();
        QVERIFY(focused);
        if (focused == first)
            break;
        if (!page->isAncestorOf(focused))
            continue; // the sidebar's stops: focusShownOnHeaderAndDisconnect, listsInTabChain
        ++stops;
        if (QQuickItem *view = consoleViewOf(focused)) {
            QVERIFY2(++pageStops < 400, "Tab never leaves the charts");
            const QRectF at = view->property("pageFocus").toRectF();
            const QString where = u"the charts' control at %1,%2"_s.arg(at.x()).arg(at.y());
            trail.append(where);
            if (!pageFocusFramed(view))
                hidden.append(where);
            continue;
        }
        trail.append(describe(focused));
        waitForFrame(m_window);
        if (!focusVisible(focused))
            hidden.append(describe(focused));
    }
    qInfo().noquote() << stops << "Tab stops on the key page:\n " << trail.join(u"\n  "_s);
    QVERIFY(stops > 10);
    QVERIFY2(pageStops > 3, "Tab never reaches the charts' own controls");
    QVERIFY2(hidden.isEmpty(), qPrintable(u"Tab stops that do not show the focus:\n  "_s + hidden.join(u"\n  "_s)));
}

namespace {

/// The focus marks shown below @p root: focus frames and list rings that are drawn (visible,
/// not a dot). A text field's underline and the embedded page's outline are not among them.
int focusMarksShown(QQuickItem *root)
{
    return int(Latchkey::Test::collectItems(root, [](const QQuickItem *item) {
                   const QString name = item->objectName();
                   return (name == u"focusFrame"_s || name == u"focusRing"_s || name == u"listFocusRing"_s)
                          && item->width() > 4 && item->height() > 4;
               }).size());
}

} // namespace

QStringList TestKeyboard::walkKeysPage(QQuickItem *page, QQuickItem *list, Qt::Key key, QStringList &problems)
{
    QQuickItem *start = m_window->activeFocusItem();
    QStringList stops;
    for (int i = 0; i < 400; ++i) {
        if (!pressTab(m_window, key)) {
            problems.append(u"Tab in the charts went nowhere after "_s + stops.join(u", "_s));
            break;
        }
        QQuickItem *focused = m_window->activeFocusItem();
        if (!focused || focused == start)
            break;
        waitForFrame(m_window);
        QString stop;
        int marks = 1; // the focused control's frame, or the current row's ring
        if (QQuickItem *view = consoleViewOf(focused)) {
            stop = u"charts"_s;
            marks = 0; // the page's own outline
            if (!pageFocusFramed(view))
                problems.append(u"a control of the charts shows no outline"_s);
        } else if (focusedList() == list) {
            stop = u"list"_s;
        } else if (focused->inherits("QQuickTextInput")) {
            stop = u"search"_s;
            marks = 0; // its underline
        } else {
            stop = accessibleName(focused);
            if (stop.isEmpty())
                stop = describe(focused);
        }
        const int shown = focusMarksShown(m_window->contentItem());
        if (shown != marks)
            problems.append(u"%1: %2 focus marks shown, not %3"_s.arg(stop).arg(shown).arg(marks));
        if (!page->isAncestorOf(focused))
            continue; // the sidebar's stops: checked, but not the page's order
        if (stop != u"charts"_s || stops.isEmpty() || stops.last() != stop)
            stops.append(stop);
    }
    return stops;
}

/// Issue 4 (walkthrough stop 17): the keys page's Tab order is the order on screen (walkthrough
/// 21, W17: the rows came before the bulk bar and the select-all box above them, and Shift+Tab
/// from a row went into the charts). From the filter: the header's buttons, the charts' controls,
/// "All charts", the bulk bar for the selected keys, the select-all box, the rows (the arrows
/// move, Space ticks the row's box, Enter opens); Shift+Tab the same way back. One
/// focus shows at a time (a row's ring showed while a chart's control had the focus), and every
/// Tab stop shows it (several showed nothing: hidden stops).
void TestKeyboard::keysPageTabOrder()
{
    // Run alone (-functions): connected here, as the earlier tests leave it.
    if (m_sample.isEmpty())
        connectWithSampleData();
    if (QTest::currentTestFailed())
        return;
    const QString apiId = m_fixture->createApi(u"tab-order"_s);
    for (const QString &name : {u"tab one"_s, u"tab two"_s, u"tab three"_s})
        QVERIFY(!m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, name}}).isEmpty());
    m_app->session()->settings()->setListCharts(true);
    QVERIFY(m_ui->openPage(u"keys"_s, {{u"apiId"_s, apiId}}));
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    auto *list = qobject_cast<QQuickItem *>(findNamed(page, u"keyList"_s));
    auto *charts = qobject_cast<QQuickItem *>(findNamed(page, u"consoleView"_s));
    QVERIFY(list && charts);
    QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 3, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(charts->property("tabbable").toBool(), 60000);
    m_ui->settle();

    // The second key ticked by the keyboard: the filter, Down into the rows, Down, Space.
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput"));
    QQuickItem *search = m_window->activeFocusItem();
    QTest::keyClick(m_window, Qt::Key_Down);
    QTRY_COMPARE(focusedList(), list);
    QTest::keyClick(m_window, Qt::Key_Down);
    QTRY_COMPARE(list->property("currentIndex").toInt(), 1);
    QTest::keyClick(m_window, Qt::Key_Space);
    auto *keys = list->property("model").value<QObject *>();
    QTRY_COMPARE(keys->property("selectedCount").toInt(), 1);

    search->forceActiveFocus(Qt::TabFocusReason);
    QStringList problems;
    const QStringList forward = walkKeysPage(page, list, Qt::Key_Tab, problems);
    qInfo().noquote() << "Tab:" << forward.join(u" → "_s);
    QCOMPARE(m_window->activeFocusItem(), search);
    QStringList backward = walkKeysPage(page, list, Qt::Key_Backtab, problems);
    qInfo().noquote() << "Shift+Tab:" << backward.join(u" → "_s);
    std::reverse(backward.begin(), backward.end());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    const QStringList expected{u"Hide charts"_s, u"Refresh"_s, u"charts"_s, u"All charts"_s,
                               u"Disable"_s, u"Delete"_s, u"Clear selection"_s, u"Select all loaded keys"_s,
                               u"list"_s};
    QCOMPARE(forward, expected);
    QCOMPARE(backward, expected);
    // Still the second row, still ticked: walking through changed nothing.
    QCOMPARE(list->property("currentIndex").toInt(), 1);
    QCOMPARE(keys->property("selectedCount").toInt(), 1);

    // Nothing selected: the bar's buttons are no Tab stops, the header's box is.
    QTest::keyClick(m_window, Qt::Key_Down); // from the filter, to the current row
    QTRY_COMPARE(focusedList(), list);
    QTest::keyClick(m_window, Qt::Key_Space);
    QTRY_COMPARE(keys->property("selectedCount").toInt(), 0);
    search->forceActiveFocus(Qt::TabFocusReason);
    QCOMPARE(walkKeysPage(page, list, Qt::Key_Tab, problems),
             QStringList({u"Hide charts"_s, u"Refresh"_s, u"charts"_s, u"All charts"_s,
                          u"Select all loaded keys"_s, u"list"_s}));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

/// The start screen's recent connection: its details line ("Root-Schlüssel nicht gespeichert ·
/// zuletzt verwendet vor 24 Minuten") wraps before Connect instead of running under it. Runs
/// last: it disconnects.
/// Walkthrough 23b, Y1: Ctrl+Q did nothing. It closes the window (and with it the app), after the
/// same question as leaving the page when its cards hold unsaved drafts.
void TestKeyboard::ctrlQClosesTheWindowAfterAskingAboutDrafts()
{
    QVERIFY(openPage(u"ownerDetail"_s));
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    QQuickItem *meta = m_ui->item(page, u"meta-text"_s);
    QVERIFY(meta);
    meta->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_End);
    type(m_window, u" x"_s);
    QQuickItem *card = m_ui->item(page, u"section-meta"_s);
    QVERIFY(card);
    QTRY_VERIFY(card->property("dirty").toBool());

    const bool quitOnClose = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false); // the test goes on with the window shown again
    const auto restore = qScopeGuard([&] {
        QGuiApplication::setQuitOnLastWindowClosed(quitOnClose);
        if (!m_window->isVisible()) {
            m_window->show();
            m_window->requestActivate();
            if (!QTest::qWaitForWindowActive(m_window))
                qWarning("the window shown again is not active");
        }
    });
    QObject *ask = m_ui->find(page, u"confirm-discard"_s); // LeaveQuestion
    QVERIFY(ask);
    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(ask->property("opened").toBool());
    QVERIFY(m_window->isVisible());
    QTest::keyClick(m_window, Qt::Key_Escape); // stays
    QTRY_VERIFY(!ask->property("visible").toBool());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->property("currentPage").value<QQuickItem *>(), page);

    // Without drafts: at once.
    meta->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Escape); // drops the card's draft
    QTRY_VERIFY(!card->property("dirty").toBool());
    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->isVisible());
}

void TestKeyboard::recentConnectionDetailsWrapBeforeConnect()
{
    ConnectionController *connection = m_app->connection();
    m_app->session()->disconnectFromServer();
    QSignalSpy connected(connection, &ConnectionController::connected);
    connection->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), true);
    QVERIFY(connected.wait(20000));
    m_app->session()->disconnectFromServer();
    m_app->session()->settings()->setLanguage(u"de"_s);
    const QSize before = m_window->size();
    m_window->resize(560, 768); // narrow: the details are longer than the room beside the buttons
    const auto cleanup = qScopeGuard([&] {
        m_window->resize(before);
        m_app->session()->settings()->setLanguage(u"en"_s);
    });
    QQuickItem *details = m_ui->item(m_window, u"recent-details"_s);
    QVERIFY(details);
    QQuickItem *connect = nullptr;
    for (QQuickItem *item : details->parentItem()->parentItem()->childItems())
        if (item->inherits("QQuickButton"))
            connect = connect ? connect : item;
    QVERIFY(connect);
    // Laid out for the narrow window first (the buttons inside it).
    QTRY_VERIFY_WITH_TIMEOUT(connect->mapToScene({connect->width(), 0}).x() <= m_window->width(), 10000);
    QTRY_VERIFY2(details->mapToScene({details->width(), 0}).x() <= connect->mapToScene({}).x(),
                 qPrintable(u"details end at %1, Connect starts at %2"_s.arg(details->mapToScene({details->width(), 0}).x())
                                .arg(connect->mapToScene({}).x())));
    QVERIFY2(details->property("contentWidth").toReal() <= details->width() + 1,
             qPrintable(details->property("text").toString()));
}

QQuickItem *TestKeyboard::focusedCard() const
{
    for (QQuickItem *at = m_window->activeFocusItem(); at; at = at->parentItem())
        if (at->objectName().startsWith(u"section-"_s) && at->inherits("QQuickPane"))
            return at;
    return nullptr;
}

/// A key page opened from elsewhere than the sidebar (a list, Ctrl+K, the new key's "Open key")
/// takes the keyboard focus, even when the sidebar had it (walkthrough G24: the first Tabs went
/// through the sidebar and Back, the status switch was the 11th stop): the focus is at the top of
/// the page in no text field (issue 4: the caret in Name took what was typed next), the first Tab
/// enters the first card, the rate-limit card is a few Tabs away, and Tab goes card by card in the
/// order they are shown (left to right, top to bottom), never back to a card it left.
void TestKeyboard::keyPageOpensWithTheFocusInItsCards()
{
    auto *sidebar = m_window->findChild<QQuickItem *>(u"sidebar"_s);
    QVERIFY(sidebar);
    focusable(sidebar).first()->forceActiveFocus(Qt::TabFocusReason); // Issue key, as after a click there
    QQuickItem *page = openKeyPage();
    QVERIFY(page);
    QTRY_VERIFY2(m_window->activeFocusItem() && page->isAncestorOf(m_window->activeFocusItem()),
                 qPrintable(m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"no focus"_s));
    QQuickItem *opened = m_window->activeFocusItem();
    qInfo().noquote() << "the key page opened with the focus on" << describe(opened);
    QVERIFY2(!opened->inherits("QQuickTextInput") && !opened->inherits("QQuickTextEdit"), qPrintable(describe(opened)));
    auto *ratelimits = qobject_cast<QQuickItem *>(findNamed(page, u"section-ratelimits"_s));
    auto *nameCard = qobject_cast<QQuickItem *>(findNamed(page, u"section-name"_s));
    QVERIFY(ratelimits && nameCard);
    QTest::keyClick(m_window, Qt::Key_Tab);
    QVERIFY2(focusedCard() == nameCard, qPrintable(describe(m_window->activeFocusItem())));

    QStringList trail;
    QList<QQuickItem *> cards{focusedCard()}; // in the order Tab enters them
    int tabs = 0;
    int toRatelimits = -1;
    for (; tabs < 60; ++tabs) {
        QTest::keyClick(m_window, Qt::Key_Tab);
        QQuickItem *focused = m_window->activeFocusItem();
        QVERIFY(focused);
        trail.append(describe(focused));
        QQuickItem *card = focusedCard();
        if (!card)
            break; // past the cards (the charts, then the sidebar)
        if (cards.isEmpty() || cards.last() != card) {
            QVERIFY2(!cards.contains(card), qPrintable(u"Tab came back to a card:\n  "_s + trail.join(u"\n  "_s)));
            cards.append(card);
        }
        if (card == ratelimits && toRatelimits < 0)
            toRatelimits = tabs + 1;
    }
    qInfo().noquote() << "Tabs from the opened key page:" << trail.size() << "stops, the rate-limit card at"
                      << toRatelimits << "\n " << trail.join(u"\n  "_s);
    QVERIFY(cards.size() > 5);
    // 9: the expiry card's presets, offered under "Never" too (walk 21 W3), are one stop.
    QVERIFY2(toRatelimits > 0 && toRatelimits <= 9, qPrintable(u"rate-limit card at Tab %1"_s.arg(toRatelimits)));
    for (qsizetype i = 1; i < cards.size(); ++i)
        QVERIFY2(readsAfter(cards.at(i - 1), cards.at(i)),
                 qPrintable(u"Tab goes from card %1 to card %2, which is shown before it"_s
                                .arg(cards.at(i - 1)->objectName(), cards.at(i)->objectName())));
}

/// Ctrl+Down / Ctrl+Up move card by card to the first control of the next or previous card
/// (walkthrough F42: the rate-limit card was ~13 Tabs away); the control lands in view with its
/// focus shown; each card names the keys (its accessible description, its title's tooltip).
void TestKeyboard::keyPageCardByCard()
{
    QQuickItem *page = openKeyPage();
    QVERIFY(page);
    auto *ratelimits = qobject_cast<QQuickItem *>(findNamed(page, u"section-ratelimits"_s));
    auto *credits = qobject_cast<QQuickItem *>(findNamed(page, u"section-credits"_s));
    QVERIFY(ratelimits && credits);
    QTRY_VERIFY(page->isAncestorOf(m_window->activeFocusItem()));
    QVERIFY2(ratelimits->property("jumpHint").toString().contains(u"Ctrl+Down"_s)
                 && QQmlProperty(ratelimits, u"Accessible.description"_s, qmlContext(ratelimits)).read().toString()
                        == ratelimits->property("jumpHint").toString(),
             "the card does not name its keys");

    int presses = 0;
    QStringList trail;
    while (!ratelimits->isAncestorOf(m_window->activeFocusItem()) && presses < 12) {
        QTest::keyClick(m_window, Qt::Key_Down, Qt::ControlModifier);
        ++presses;
        trail.append(describe(m_window->activeFocusItem()));
    }
    qInfo() << "rate-limit card:" << presses << "Ctrl+Down";
    // From the top of the page (where it opens): name, owner, status, expiry, credits, rate limits.
    QVERIFY2(presses <= 6, qPrintable(u"Ctrl+Down visited:\n  "_s + trail.join(u"\n  "_s)));
    QQuickItem *focused = m_window->activeFocusItem();
    QTRY_VERIFY2(focusVisible(focused), qPrintable(describe(focused)));
    auto *scroll = flickableOf(focused);
    QVERIFY(scroll);
    QTRY_VERIFY2(focused->mapRectToItem(scroll, QRectF(0, 0, focused->width(), focused->height())).top() >= -1
                     && focused->mapRectToItem(scroll, QRectF(0, 0, 1, 1)).top() < scroll->height() - 4,
                 "the card's control is scrolled into view");

    QTest::keyClick(m_window, Qt::Key_Up, Qt::ControlModifier);
    QTRY_VERIFY2(credits->isAncestorOf(m_window->activeFocusItem()), qPrintable(describe(m_window->activeFocusItem())));
    QTest::keyClick(m_window, Qt::Key_Down, Qt::ControlModifier);
    QTRY_VERIFY2(ratelimits->isAncestorOf(m_window->activeFocusItem()), qPrintable(describe(m_window->activeFocusItem())));
}

/// Walkthrough W5 G23: Enter on a button Tab reached did nothing unless it was a FocusButton; a
/// keyboard user's Enter on "Add rate limit" was lost and what they typed next went elsewhere.
/// On the key page: Add rate limit (the new row's name takes the typed text), a card's Discard,
/// Add credits and a card's Save; then the sidebar's Disconnect (and back in).
void TestKeyboard::enterPressesTheFocusedButton()
{
    QVERIFY(openPage(u"keyDetail"_s));
    m_ui->settle(400);
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    auto *controller = page->property("controller").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(controller && controller->property("loaded").toBool(), 20000);
    const auto named = [&](const QString &name) { return page->findChild<QQuickItem *>(name); };
    QQuickItem *ratelimits = named(u"section-ratelimits"_s);
    QQuickItem *unsaved = named(u"section-ratelimits-unsaved"_s);
    QVERIFY(ratelimits && unsaved);
    focusable(page).first()->forceActiveFocus(Qt::TabFocusReason);

    QQuickItem *add = tabToButton(ratelimits, u"Add rate limit"_s, 80);
    QVERIFY2(add, "Tab never reaches Add rate limit");
    QTRY_VERIFY(add->findChild<QQuickItem *>(u"focusFrame"_s)->isVisible());
    QTest::keyClick(m_window, Qt::Key_Return);
    QPointer<QQuickItem> name = m_window->activeFocusItem();
    QVERIFY2(name && name->inherits("QQuickTextField") && ratelimits->isAncestorOf(name),
             qPrintable(u"after Enter on Add rate limit the focus is on "_s + (name ? describe(name) : u"nothing"_s)));
    type(m_window, u"api"_s);
    QCOMPARE(name->property("text").toString(), u"api"_s);
    QTRY_COMPARE(unsaved->property("text").toString(), u"Unsaved changes"_s);

    QQuickItem *discard = tabToButton(ratelimits, u"Discard"_s, 20);
    QVERIFY2(discard, "Tab never reaches the rate-limit card's Discard");
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE(unsaved->property("text").toString(), QString());
    QTRY_VERIFY(name.isNull()); // the draft's row is gone

    QQuickItem *delta = named(u"credits-delta"_s);
    QVERIFY(delta);
    const double before = controller->property("creditsRemaining").toDouble();
    delta->forceActiveFocus(Qt::TabFocusReason);
    type(m_window, u"5"_s);
    QVERIFY2(tabToButton(named(u"section-credits"_s), u"Add credits"_s, 3), "Tab from the field misses Add credits");
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(controller->property("creditsRemaining").toDouble(), before + 5, 20000);
    const QString keyId = controller->property("keyId").toString();
    const ApiResult key = m_fixture->call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
    QCOMPARE(key.data.toObject().value(u"credits"_s).toObject().value(u"remaining"_s).toDouble(), before + 5);

    QQuickItem *nameField = named(u"section-name-field"_s);
    QVERIFY(nameField);
    nameField->forceActiveFocus(Qt::TabFocusReason);
    QMetaObject::invokeMethod(nameField, "selectAll");
    type(m_window, u"saved by enter"_s);
    QVERIFY2(tabToButton(named(u"section-name"_s), u"Save"_s, 4), "Tab never reaches the name card's Save");
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(controller->property("name").toString(), u"saved by enter"_s, 20000);
    QCOMPARE(m_fixture->call(u"keys.getKey"_s, {{u"keyId"_s, keyId}}).data.toObject().value(u"name"_s).toString(),
             u"saved by enter"_s);

    auto *sidebar = m_window->findChild<QQuickItem *>(u"sidebar"_s);
    QVERIFY(sidebar);
    focusable(sidebar).first()->forceActiveFocus(Qt::TabFocusReason);
    QQuickItem *disconnect = tabToButton(sidebar, u"Disconnect"_s, 30);
    QVERIFY2(disconnect, "Tab never reaches the sidebar's Disconnect");
    QTRY_VERIFY(disconnect->findChild<QQuickItem *>(u"focusFrame"_s)->isVisible());
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->session()->connected(), 10000);

    QSignalSpy connected(m_app->connection(), &ConnectionController::connected);
    m_app->connection()->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), false);
    QVERIFY(connected.wait(20000));
    m_ui->settle();
}

namespace {

/// A QML file of dashboard/qml: its path under that folder, its text and the text's lines.
struct QmlSource {
    QString path;
    QString text;
    QStringList lines;
};

/// Every QML file of dashboard/qml and its subfolders but those named in @p skip; none when one
/// cannot be read.
QList<QmlSource> dashboardQml(const QStringList &skip)
{
    const QString root = QStringLiteral(LATCHKEY_SOURCE_DIR) + u"/dashboard/qml"_s;
    QList<QmlSource> sources;
    QDirIterator it(root, {u"*.qml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (skip.contains(it.fileName()))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(file.readAll());
        sources.append({path.mid(root.size() + 1), text, text.split(u'\n')});
    }
    return sources;
}

} // namespace

/// Every button of the dashboard's QML is a FocusButton or FocusToolButton (a GatedButton holds a
/// FocusButton): a plain Qt Quick button takes Space but not Enter, and shows its focus faintly.
void TestKeyboard::noButtonWithoutEnterInTheQml()
{
    static const QRegularExpression plain(u"(?<![\\w.])(Button|ToolButton|RoundButton|DelayButton)\\s*\\{"_s);
    const QList<QmlSource> sources = dashboardQml({u"FocusButton.qml"_s, u"FocusToolButton.qml"_s});
    QStringList found;
    for (const QmlSource &source : sources) {
        for (qsizetype i = 0; i < source.lines.size(); ++i)
            if (plain.match(source.lines.at(i)).hasMatch())
                found.append(u"%1:%2: %3"_s.arg(source.path).arg(i + 1).arg(source.lines.at(i).trimmed()));
    }
    QVERIFY(sources.size() > 40);
    QVERIFY2(found.isEmpty(), qPrintable(u"buttons that ignore Enter (use FocusButton / FocusToolButton):\n  "_s
                                         + found.join(u"\n  "_s)));
}

/// A tooltip shows on TipHover, not on a plain HoverHandler, which Qt 6.4 keeps hovered after its
/// item left the window (TipHover.qml says why): a HoverHandler that something refers to (an id)
/// is a TipHover. A plain one may only set the pointer's shape.
void TestKeyboard::noTooltipOnAPlainHoverHandler()
{
    static const QRegularExpression handler(u"(?<![\\w.])HoverHandler\\s*\\{"_s);
    static const QRegularExpression named(u"(^|[{;\\n])\\s*id\\s*:"_s);
    const QList<QmlSource> sources = dashboardQml({u"TipHover.qml"_s});
    QStringList found;
    int handlers = 0;
    for (const QmlSource &source : sources) {
        const QString &text = source.text;
        for (auto match = handler.globalMatch(text); match.hasNext();) {
            const QRegularExpressionMatch at = match.next();
            const qsizetype lineStart = text.lastIndexOf(u'\n', at.capturedStart()) + 1;
            if (text.mid(lineStart, at.capturedStart() - lineStart).contains(u"//"_s))
                continue; // a comment naming it
            ++handlers;
            // Its block, up to the brace that closes it.
            qsizetype end = at.capturedEnd();
            for (int depth = 1; depth > 0 && end < text.size(); ++end)
                depth += text.at(end) == u'{' ? 1 : text.at(end) == u'}' ? -1 : 0;
            if (named.match(text.mid(at.capturedEnd(), end - at.capturedEnd())).hasMatch())
                found.append(u"%1:%2"_s.arg(source.path).arg(text.left(at.capturedStart()).count(u'\n') + 1));
        }
    }
    QVERIFY(handlers > 0);
    QVERIFY2(found.isEmpty(), qPrintable(u"HoverHandlers that a tooltip may show on (use TipHover):\n  "_s
                                         + found.join(u"\n  "_s)));
}

QObject *TestKeyboard::goTo(const QString &text)
{
    QObject *search = m_window->findChild<QObject *>(u"globalSearch"_s);
    if (!search)
        return nullptr;
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    type(m_window, text);
    QTest::keyClick(m_window, Qt::Key_Return);
    return search;
}

/// Walkthrough H13: Ctrl+K found an owner only by the exact external id ("globex" said "Nothing
/// found", "globex_7" worked) while the Owners page finds "acme" by a part of it. Now owners are
/// found as the Owners page finds them, exact matches first; one match opens at once in the real
/// window (it did not: the answer came before the dialog's opening animation ended), also when
/// the text is typed right after Ctrl+K; several are listed, and Enter opens the first.
/// Walkthrough 23, Y3: an API's key list opened with Ctrl+K had no focused control, and the filter
/// was twelve Tabs away. It opens with the keyboard on its first key, framed (Down and Enter open
/// a key); an API without keys with the keyboard in its filter.
void TestKeyboard::keysPageOpenedByGoToFocusesItsFirstRow()
{
    QVERIFY(openPage(u"owners"_s));
    const OwnersKey made = ownersKey(u"y3-keys-%1"_s.arg(QDateTime::currentMSecsSinceEpoch() % 1000000));
    QVERIFY(!made.keyId.isEmpty());
    QVERIFY(goTo(made.apiId));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPageName").toString() == u"keys"_s, 20000);
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    QCOMPARE(page->property("apiId").toString(), made.apiId);
    // Once the rows came: the first one (the list itself may hold the focus while they load).
    QTRY_VERIFY_WITH_TIMEOUT(focusedList() != nullptr && focusedList()->property("currentIndex").toInt() == 0, 20000);
    QQuickItem *list = focusedList();
    QTRY_COMPARE(m_window->activeFocusItem(), list->property("currentItem").value<QQuickItem *>());
    checkFocusShown(list);
    m_ui->settle();

    // No keys: the filter.
    const QString emptyApi = m_fixture->createApi(u"y3-empty-%1"_s.arg(QDateTime::currentMSecsSinceEpoch() % 1000000));
    QVERIFY(!emptyApi.isEmpty());
    QVERIFY(goTo(emptyApi));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPage").value<QQuickItem *>()
                                 && m_window->property("currentPage").value<QQuickItem *>()->property("apiId").toString() == emptyApi,
                             20000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->activeFocusItem() && m_window->activeFocusItem()->objectName() == u"listSearch"_s,
                              qPrintable(describe(m_window->activeFocusItem())), 20000);
    m_ui->settle();
}

/// Ctrl+K pressed again right after "Go to" opened a match (a keyboard user hopping from one
/// place to the next) opens it again. It was lost while the closing dialog played its animation
/// (Material's, 220 ms): Qt Quick blocks the window's shortcuts while a modal popup is visible,
/// even one on its way out, and the text typed after it went into the opened page's filter
/// (what made keysPageOpenedByGoToFocusesItsFirstRow fail at times).
void TestKeyboard::ctrlKRightAfterGoToOpenedAMatch()
{
    QVERIFY(openPage(u"owners"_s));
    const QString stem = u"hop-%1"_s.arg(QDateTime::currentMSecsSinceEpoch() % 1000000);
    const QString first = m_fixture->createApi(stem + u"-a"_s);
    const QString second = m_fixture->createApi(stem + u"-b"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const auto openedApi = [this] {
        auto *page = m_window->property("currentPage").value<QQuickItem *>();
        return m_window->property("currentPageName").toString() == u"keys"_s && page ? page->property("apiId").toString()
                                                                                      : QString();
    };
    QObject *search = goTo(first);
    QVERIFY(search);
    QTRY_COMPARE_WITH_TIMEOUT(openedApi(), first, 20000);
    // At once: no waiting for the dialog to be gone.
    QVERIFY(goTo(second));
    QTRY_COMPARE_WITH_TIMEOUT(openedApi(), second, 20000);
    QTRY_VERIFY(!search->property("visible").toBool());
    m_ui->settle();
}

void TestKeyboard::goToFindsOwnersByPart()
{
    QVERIFY(openPage(u"owners"_s));
    const QString stem = u"h13x%1"_s.arg(QDateTime::currentMSecsSinceEpoch() % 1000000);
    QMap<QString, QString> ids; // external id -> identity id
    for (const QString &externalId : QStringList{stem, stem + u"-north"_s, stem + u"-south"_s}) {
        const ApiResult created = m_fixture->call(u"identities.createIdentity"_s, {{u"externalId"_s, externalId}});
        QVERIFY2(created.ok(), qPrintable(created.errorDetail));
        ids.insert(externalId, created.data.toObject().value(u"identityId"_s).toString());
    }
    const auto openedOwner = [this] {
        auto *page = m_window->property("currentPage").value<QQuickItem *>();
        return m_window->property("currentPageName").toString() == u"ownerDetail"_s && page
            ? page->property("identityId").toString() : QString();
    };

    // A part of one owner's external id: that owner opens by itself.
    QObject *search = goTo(stem.mid(1) + u"-nor"_s);
    QVERIFY(search);
    QTRY_COMPARE_WITH_TIMEOUT(openedOwner(), ids.value(stem + u"-north"_s), 20000);
    QTRY_VERIFY(!search->property("visible").toBool());
    m_ui->settle();

    // The stem: all three listed, the exact one first; Enter opens it.
    goTo(stem.toUpper()); // in any case, as on the Owners page
    QTRY_COMPARE_WITH_TIMEOUT(search->property("matches").toList().size(), 3, 20000);
    QVERIFY(search->property("visible").toBool());
    const QVariantMap first = search->property("matches").toList().constFirst().toMap();
    QCOMPARE(first.value(u"kind"_s).toString(), u"owner"_s);
    QCOMPARE(first.value(u"title"_s).toString(), stem);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(openedOwner(), ids.value(stem), 20000);
    m_ui->settle();
}

/// Walkthrough J24: an owner page opened by Ctrl+K showed no focus, Down did nothing, and the
/// first Tab went to the sidebar. The owner's first key has the keyboard, framed; Enter opens it.
void TestKeyboard::ownerPageOpensWithTheFocusOnItsKeys()
{
    QVERIFY(openPage(u"owners"_s));
    QVERIFY(goTo(m_sample.value(u"externalId"_s).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPageName").toString() == u"ownerDetail"_s, 20000);
    auto *owner = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(owner);
    QTRY_VERIFY_WITH_TIMEOUT(focusedList() != nullptr, 20000);
    QQuickItem *list = focusedList();
    QCOMPARE(list->property("currentIndex").toInt(), 0);
    checkFocusShown(list);

    // The keys are the page's last stop before the sidebar: Shift+Tab goes back into the page.
    QTest::keyClick(m_window, Qt::Key_Tab, Qt::ShiftModifier);
    QTRY_VERIFY(m_window->activeFocusItem() != list);
    QVERIFY2(owner->isAncestorOf(m_window->activeFocusItem()), qPrintable(describe(m_window->activeFocusItem())));
    QTest::keyClick(m_window, Qt::Key_Tab);
    QTRY_VERIFY2(list->hasActiveFocus(), qPrintable(describe(m_window->activeFocusItem())));

    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPageName").toString() == u"keyDetail"_s, 20000);
    m_ui->settle();
}

/// Walkthrough 22, X5/X9: a key opened with Enter from the owner's keys, and the key page Back
/// returns to after a deletion made with the keyboard, had the focus on no visible control (the
/// first Tab went to Name unannounced). The focus it opens with is framed at once.
void TestKeyboard::keyPageOpenedByKeyboardShowsTheFocus()
{
    QVERIFY(openPage(u"ownerDetail"_s));
    QTRY_VERIFY_WITH_TIMEOUT(focusedList() != nullptr, 20000);
    QTest::keyClick(m_window, Qt::Key_Down);
    QTest::keyClick(m_window, Qt::Key_Up);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_ui->currentPageName() == u"keyDetail"_s, 20000);
    auto *first = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(first);
    auto *controller = first->property("controller").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(controller && controller->property("loaded").toBool(), 20000);
    QTRY_VERIFY2(m_window->activeFocusItem() && first->isAncestorOf(m_window->activeFocusItem())
                     && focusVisible(m_window->activeFocusItem()),
                 qPrintable(u"opened with Enter, the focus is on "_s
                            + (m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"nothing"_s)));

    // Another key over it, deleted from the keyboard: Back to the first key, its focus framed.
    const QJsonObject created = m_fixture->createKey(
        {{u"apiId"_s, m_sample.value(u"apiId"_s).toString()}, {u"name"_s, u"deleted from the keyboard"_s}});
    const QString keyId = created.value(u"keyId"_s).toString();
    QVERIFY(!keyId.isEmpty());
    QVERIFY(m_ui->openPage(u"keyDetail"_s, {{u"keyId"_s, keyId}, {u"apiId"_s, m_sample.value(u"apiId"_s)}}));
    auto *second = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(second && second != first);
    auto *secondController = second->property("controller").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(secondController && secondController->property("loaded").toBool(), 20000);
    auto *deleteButton = qobject_cast<QQuickItem *>(m_ui->find(second, u"key-delete-button"_s));
    auto *confirm = findNamed(second, u"confirm-delete"_s);
    QVERIFY(deleteButton && confirm);
    deleteButton->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY(confirm->property("opened").toBool());
    auto *confirmButton = qobject_cast<QQuickItem *>(findNamed(confirm->property("footer").value<QObject *>(), u"confirmButton"_s));
    QVERIFY(confirmButton);
    confirmButton->forceActiveFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->property("currentPage").value<QQuickItem *>() == first, 20000);
    QTRY_VERIFY2(m_window->activeFocusItem() && first->isAncestorOf(m_window->activeFocusItem())
                     && focusVisible(m_window->activeFocusItem()),
                 qPrintable(u"back after the deletion, the focus is on "_s
                            + (m_window->activeFocusItem() ? describe(m_window->activeFocusItem()) : u"nothing"_s)));
    QTest::keyClick(m_window, Qt::Key_Tab); // and Tab goes on into the first card
    QTRY_VERIFY2(focusedCard() != nullptr, qPrintable(describe(m_window->activeFocusItem())));
    QVERIFY(QMetaObject::invokeMethod(m_window, "goBack"));
    m_ui->settle();
}

/// Walkthrough 22, X16/X20: after a mouse click, the focus a page gives a list (an owner opened
/// with a click: its first key) showed the keyboard's frame. A list's frame shows once a key is
/// pressed, as a button's (FocusFrame).
void TestKeyboard::noKeyboardFrameAfterClicksOnLists()
{
    QVERIFY(openPage(u"owners"_s));
    auto *owners = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(owners);
    QVERIFY(QMetaObject::invokeMethod(m_window, "focusPageFilter"));
    QTRY_VERIFY(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput"));
    const QString externalId = m_sample.value(u"externalId"_s).toString();
    type(m_window, externalId);
    const auto ownerRow = [&] {
        return Latchkey::Test::collectItems(owners, [&](const QQuickItem *item) {
                   return item->inherits("QQuickLabel") && item->property("text").toString() == externalId
                          && item->property("font").value<QFont>().bold();
               }).value(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(ownerRow() != nullptr, 20000);
    m_ui->settle(500); // the search answered and shown: the click lands on the row
    QTRY_VERIFY_WITH_TIMEOUT(ownerRow() != nullptr, 20000);
    QVERIFY(m_ui->click(ownerRow()));
    QTRY_VERIFY_WITH_TIMEOUT(m_ui->currentPageName() == u"ownerDetail"_s, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(focusedList() != nullptr, 20000);
    QQuickItem *keys = focusedList();
    auto *current = keys->property("currentItem").value<QQuickItem *>();
    QVERIFY(current);
    auto *ring = current->findChild<QQuickItem *>(u"listFocusRing"_s);
    QVERIFY(ring);
    m_ui->settle(100);
    QVERIFY2(!ring->isVisible(), "the owner opened with a click shows the keyboard's frame on its first key");
    QTest::keyClick(m_window, Qt::Key_Down);
    QTest::keyClick(m_window, Qt::Key_Up);
    checkFocusShown(keys);
    QVERIFY(QMetaObject::invokeMethod(m_window, "goBack"));
    m_ui->settle();
}

void TestKeyboard::keyCardsKeepTheFocusAfterEnter_data()
{
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("field"); // the control Enter is pressed in
    QTest::addColumn<QString>("typed"); // typed over its text first ("" for none)
    QTest::newRow("name") << u"section-name"_s << u"section-name-field"_s << u"kept focus"_s;
    QTest::newRow("owner") << u"section-owner"_s << u"section-owner-field"_s << u"kept-focus-owner"_s;
    QTest::newRow("status") << u"section-enabled"_s << u"key-enabled"_s << QString();
    QTest::newRow("expiry") << u"section-expiry"_s << u"expiry-time"_s << u"2358"_s;
    QTest::newRow("credits") << u"section-credits"_s << u"credits-remaining"_s << u"77"_s;
    QTest::newRow("add credits") << u"section-credits"_s << u"credits-delta"_s << u"5"_s;
    QTest::newRow("rate limits") << u"section-ratelimits"_s << u"ratelimit-limit-0"_s << u"20"_s;
    QTest::newRow("permissions") << u"section-permissions"_s << u"permission-picker-field"_s << u"focus.kept"_s;
}

/// Walkthrough H11: after a card of the key page was saved with Enter (the rate-limit card: its
/// limit, Enter) the keyboard focus was gone: the card's controls are disabled while it saves, and
/// the reload replaced the rate limits' rows. Now the focus is back on the control Enter was
/// pressed in (or the one that replaced it) once the save and the reload after it are done, and
/// the next key typed lands there.
void TestKeyboard::keyCardsKeepTheFocusAfterEnter()
{
    QFETCH(QString, card);
    QFETCH(QString, field);
    QFETCH(QString, typed);
    const QString apiId = m_sample.value(u"apiId"_s).toString();
    const QJsonObject created = m_fixture->createKey(
        {{u"apiId"_s, apiId}, {u"name"_s, u"focus after save"_s}, {u"externalId"_s, u"focus-owner"_s},
         {u"expires"_s, QDateTime::currentMSecsSinceEpoch() + 30 * 86400000LL},
         {u"credits"_s, QJsonObject{{u"remaining"_s, 100}}},
         {u"ratelimits"_s, QJsonArray{QJsonObject{{u"name"_s, u"requests"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000}}}}});
    const QString keyId = created.value(u"keyId"_s).toString();
    QVERIFY(!keyId.isEmpty());
    // Enter in the permission picker adds a permission the workspace has; it never creates one
    // (walkthrough 20/1), so the typed one exists before the page lists the workspace's.
    if (field == u"permission-picker-field"_s)
        m_fixture->call(u"permissions.createPermission"_s, {{u"name"_s, typed}, {u"slug"_s, typed}}); // 409 if there already
    QVERIFY(m_ui->openPage(u"keyDetail"_s, {{u"keyId"_s, keyId}, {u"apiId"_s, apiId}}));
    auto *page = m_window->property("currentPage").value<QQuickItem *>();
    QVERIFY(page);
    auto *controller = page->property("controller").value<QObject *>();
    QTRY_VERIFY_WITH_TIMEOUT(controller && controller->property("loaded").toBool(), 20000);
    m_ui->settle(300);
    auto *section = qobject_cast<QQuickItem *>(findNamed(page, card));
    auto *control = qobject_cast<QQuickItem *>(findNamed(page, field));
    QVERIFY(section && control && section->isAncestorOf(control));
    QSignalSpy saved(controller, SIGNAL(saved(QString)));

    if (typed.isEmpty()) {
        control->forceActiveFocus(Qt::TabFocusReason);
    } else {
        QVERIFY(m_ui->type(control, typed) || control->property("text").toString().remove(u':') == typed);
    }
    QTRY_VERIFY(control->hasActiveFocus());
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
    m_ui->settle(500); // the save, and the quiet reload after it
    QTRY_VERIFY(controller->property("saving").toMap().isEmpty());

    QQuickItem *focused = m_window->activeFocusItem();
    QTRY_VERIFY2((focused = m_window->activeFocusItem()) && focused->objectName() == field && section->isAncestorOf(focused),
                 qPrintable(u"after Enter the focus is on "_s + (focused ? describe(focused) : u"nothing"_s)));
    if (focused->inherits("QQuickTextInput") && focused->property("inputMask").toString().isEmpty()) {
        // and typing goes on there (not into a full masked field: it takes no more characters)
        const QString before = focused->property("text").toString();
        QTest::keyClick(m_window, Qt::Key_End);
        type(m_window, u"7"_s);
        QCOMPARE(focused->property("text").toString(), before + u"7"_s);
        QTest::keyClick(m_window, Qt::Key_Backspace); // no draft left to ask about when leaving
        QCOMPARE(focused->property("text").toString(), before);
    }
    QVERIFY(QMetaObject::invokeMethod(m_window, "goBack"));
    m_ui->settle();
}

/// Walk 20/17: on the owner page, Tab to Refresh, Ctrl+N, Esc: the focus came back to Refresh but
/// no frame showed it (the popup's closing gives it back for Qt::PopupFocusReason, which is no
/// visualFocus). A keyboard user sees the frame again; a pointer user who closed the dialog with
/// a click on Cancel gets no frame on the button they had clicked.
void TestKeyboard::focusFrameBackAfterEscClosesADialog()
{
    QVERIFY(openPage(u"ownerDetail"_s));
    QTRY_COMPARE(m_window->property("currentPageName").toString(), u"ownerDetail"_s);
    auto *owner = m_window->property("currentPage").value<QQuickItem *>();
    auto *header = owner ? owner->property("header").value<QQuickItem *>() : nullptr;
    QVERIFY(header);
    m_ui->settle();
    const QList<QQuickItem *> inHeader = focusable(header);
    QVERIFY(!inHeader.isEmpty());
    inHeader.first()->forceActiveFocus(Qt::TabFocusReason);
    QQuickItem *refresh = tabToButton(header, u"Refresh"_s, 6);
    QVERIFY2(refresh, "Tab never reaches the owner page's Refresh");
    auto *frame = refresh->findChild<QQuickItem *>(u"focusFrame"_s);
    QVERIFY(frame);
    QTRY_VERIFY(frame->isVisible());

    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    QVERIFY(!frame->isVisible()); // the focus is in the dialog
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!issue->property("visible").toBool());
    QTRY_VERIFY2(refresh->hasActiveFocus(), qPrintable(describe(m_window->activeFocusItem())));
    QTRY_VERIFY2(frame->isVisible(), "the focus is back on Refresh, but not shown");
    QVERIFY(frame->width() > refresh->width() / 2);

    // By pointer: Refresh clicked, Ctrl+N, Cancel clicked. The focus comes back, unframed.
    QVERIFY(m_ui->click(refresh));
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    const QList<QQuickItem *> inDialog = focusable(popupItem(issue));
    const auto cancel = std::find_if(inDialog.begin(), inDialog.end(), [](QQuickItem *item) {
        return item->inherits("QQuickAbstractButton") && item->property("text").toString() == u"Cancel"_s;
    });
    QVERIFY(cancel != inDialog.end());
    QVERIFY(m_ui->click(*cancel));
    QTRY_VERIFY(!issue->property("visible").toBool());
    QTRY_VERIFY(refresh->hasActiveFocus());
    QVERIFY(!frame->isVisible());
    m_ui->settle();
}

/// The last press, as the focus frame reads it (LastInput), counts from the app's start-up: a
/// LastInput made at its first read (a QML engine's singleton, FocusFrame's) missed every press
/// before it and took the keyboard's for none.
void TestKeyboard::lastInputCountsPressesFromStartUp()
{
    const DashboardApp app; // as main() builds it, before any window
    QObject receiver;
    const auto lastInputOfANewEngine = [] {
        QQmlEngine engine;
        engine.addImportPath(u"qrc:/"_s);
        QQmlComponent component(&engine);
        component.setData("import QtQml\nimport Latchkey.Dashboard\n"
                          "QtObject { readonly property bool keyboard: LastInput.keyboard }\n", QUrl());
        const std::unique_ptr<QObject> reader(component.create());
        return reader ? reader->property("keyboard") : QVariant();
    };
    QMouseEvent click(QEvent::MouseButtonPress, QPointF(), QPointF(), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QKeyEvent key(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
    QCoreApplication::sendEvent(&receiver, &click);
    QCoreApplication::sendEvent(&receiver, &key);
    QCOMPARE(lastInputOfANewEngine(), QVariant(true));
    QCoreApplication::sendEvent(&receiver, &click);
    QCOMPARE(lastInputOfANewEngine(), QVariant(false));
}

/// Walkthrough 23b, Y17: at 1024×768 the start screen's "Recent connections" were below the fold,
/// under both forms. Beside them now, in every language: each recent server's Connect in sight.
/// Two recent servers, as in the walkthrough: with one, its row just fitted under the forms.
void TestKeyboard::recentConnectionsOnTheFirstScreen()
{
    ConnectionController *connection = m_app->connection();
    QVERIFY(!connection->recentConnections().isEmpty()); // recentConnectionDetailsWrapBeforeConnect's
    QUrl other = m_fixture->baseUrl();
    other.setHost(u"localhost"_s); // the same server under a second name: a second recent row
    QSignalSpy connected(connection, &ConnectionController::connected);
    connection->connectToServer(other.toString(), m_fixture->rootKey(), true);
    QVERIFY2(connected.wait(20000), qPrintable(connection->error()));
    m_app->session()->disconnectFromServer();
    QVERIFY(connection->recentConnections().size() >= 2);
    const QSize before = m_window->size();
    const auto cleanup = qScopeGuard([&] {
        m_window->resize(before);
        m_app->session()->settings()->setLanguage(u"en"_s);
        connection->forget(other.toString());
    });
    m_window->resize(1024, 768);
    for (const QString &language : {u"en"_s, u"de"_s, u"es"_s}) {
        m_app->session()->settings()->setLanguage(language);
        QTRY_COMPARE(m_window->contentItem()->width(), 1024.0);
        QVERIFY(waitForFrame(m_window));
        // Every row's buttons (each row has its "recent-details"), not only the first row's.
        QList<QQuickItem *> rowButtons;
        QList<QQuickItem *> pending{m_window->contentItem()};
        int rows = 0;
        while (!pending.isEmpty()) {
            QQuickItem *at = pending.takeFirst();
            pending.append(at->childItems());
            if (at->objectName() != u"recent-details"_s || !at->isVisible())
                continue;
            ++rows;
            for (QQuickItem *item : at->parentItem()->parentItem()->childItems())
                if (item->inherits("QQuickButton"))
                    rowButtons.append(item);
        }
        QCOMPARE(rows, int(connection->recentConnections().size()));
        QVERIFY(!rowButtons.isEmpty());
        for (QQuickItem *button : rowButtons) {
            const QRectF box = button->mapRectToScene(QRectF(0, 0, button->width(), button->height()));
            QVERIFY2(box.bottom() <= m_window->height() && box.right() <= m_window->width(),
                         qPrintable(u"%1: “%2” at %3,%4, the window %5×%6"_s.arg(language, button->property("text").toString())
                                        .arg(box.left()).arg(box.bottom()).arg(m_window->width()).arg(m_window->height())));
        }
        QDir artefacts(QStringLiteral(LATCHKEY_BINARY_DIR "/test-artefacts/keyboard"));
        QVERIFY(artefacts.mkpath(u"."_s));
        QVERIFY(m_ui->screenshot(artefacts, u"start-recent-%1-1024"_s.arg(language)));
    }
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
