// LATCHKEY_TEST_NEEDS_DISPLAY: the real window under Xvfb. Walks every page of PageRegistry.qml
// (and the start screen) in light and dark, English and German, against an in-process server
// with sample data, and saves a screenshot of each to <build>/screenshots/ as test artefacts.
// Asserts what a screenshot can: each page opens without a QML warning and renders something.
#include "connectioncontroller.h"
#include "dashboardapp.h"
#include "dashboardfixture.h"
#include "rootkeyvault.h"
#include "selftest.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::DashboardFixture;

namespace {

QStringList warnings;
QtMessageHandler previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg
        && !message.contains(u"is neither a QObject, nor default- and copy-constructible"_s))
        warnings.append(message);
    if (previous)
        previous(type, context, message);
}

/// Not blank: enough different colours that text and controls were drawn.
/// Whether some visible item of @p root shows exactly @p text.
bool showsText(QQuickItem *root, const QString &text)
{
    if (!root->isVisible())
        return false;
    if (root->property("text").toString() == text)
        return true;
    const QList<QQuickItem *> children = root->childItems();
    return std::any_of(children.cbegin(), children.cend(), [&](QQuickItem *child) { return showsText(child, text); });
}

bool looksRendered(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 20;
}

} // namespace

class TestScreens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void languageSwitchesLive_data();
    void languageSwitchesLive();
    void keyboardShortcuts();
    void everyPage_data();
    void everyPage();

private:
    void settle(int ms = 300);
    QString save(const QString &name);

    std::unique_ptr<DashboardFixture> m_fixture;
    std::unique_ptr<DashboardApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QVariantMap m_sample;
    QDir m_out;
};

void TestScreens::settle(int ms)
{
    SelfTest::waitUntil([this] { return !m_app->session()->client()->busy(); }, 20000);
    QTest::qWait(ms);
}

QString TestScreens::save(const QString &name)
{
    const QImage image = m_window->grabWindow();
    const QString path = m_out.filePath(name + u".png"_s);
    if (!image.save(path))
        qWarning("cannot save %s", qPrintable(path));
    if (!looksRendered(image))
        return u"blank"_s;
    return {};
}

void TestScreens::initTestCase()
{
    previous = qInstallMessageHandler(collect);
    m_out = QDir(QStringLiteral(LATCHKEY_BINARY_DIR) + u"/screenshots"_s);
    QVERIFY(m_out.removeRecursively() || !m_out.exists());
    QVERIFY(QDir().mkpath(m_out.path()));
    m_fixture = std::make_unique<DashboardFixture>();
    m_app = std::make_unique<DashboardApp>();
    m_app->vault()->disable(u"tests"_s);
    m_app->session()->settings()->setTheme(u"light"_s);
    m_app->session()->settings()->setLanguage(u"en"_s);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    QVERIFY(m_app->load(*m_engine));
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0));
    QVERIFY(m_window);
    m_window->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    settle();
    QCOMPARE(save(u"start-en-light"_s), QString());

    QSignalSpy connected(m_app->connection(), &ConnectionController::connected);
    m_app->connection()->connectToServer(m_fixture->baseUrl().toString(), m_fixture->rootKey(), false);
    QVERIFY(connected.wait(10000));
    m_sample = SelfTest::seedSample(*m_app);
    QVERIFY(!m_sample.isEmpty());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestScreens::cleanupTestCase()
{
    qInstallMessageHandler(previous);
    m_engine.reset();
    m_app.reset();
    m_fixture.reset();
}

void TestScreens::languageSwitchesLive_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("issueKey");
    QTest::addColumn<QString>("number");
    QTest::newRow("de") << u"de"_s << u"Einstellungen"_s << u"Schlüssel ausstellen"_s << u"1.234.567"_s;
    QTest::newRow("es") << u"es"_s << u"Ajustes"_s << u"Emitir clave"_s << u"1.234.567"_s;
    QTest::newRow("en") << u"en"_s << u"Settings"_s << u"Issue key"_s << u"1,234,567"_s;
}

void TestScreens::languageSwitchesLive()
{
    QFETCH(QString, language);
    QFETCH(QString, settings);
    QFETCH(QString, issueKey);
    QFETCH(QString, number);
    QVariant opened;
    QVERIFY(QMetaObject::invokeMethod(m_window, "openPage", Q_RETURN_ARG(QVariant, opened), Q_ARG(QVariant, u"settings"_s),
                                      Q_ARG(QVariant, QVariantMap())));
    m_app->session()->settings()->setLanguage(language);
    // Same window, no restart: the sidebar and the open page speak the new language at once.
    QTRY_VERIFY2(showsText(m_window->contentItem(), settings), qPrintable(settings));
    QVERIFY2(showsText(m_window->contentItem(), issueKey), qPrintable(issueKey));
    QCOMPARE(m_app->session()->format()->number(1234567), number);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestScreens::keyboardShortcuts()
{
    const auto open = [this](const QString &page) {
        QVariant opened;
        QMetaObject::invokeMethod(m_window, "openPage", Q_RETURN_ARG(QVariant, opened), Q_ARG(QVariant, page),
                                  Q_ARG(QVariant, QVariantMap()));
        settle(100);
        return opened.toBool();
    };
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    // Ctrl+K on a page with a search field puts the cursor there.
    QVERIFY(open(u"owners"_s));
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(m_window->activeFocusItem() && m_window->activeFocusItem()->inherits("QQuickTextInput"));
    // ... and on a page without one opens the global search; Esc closes it.
    QVERIFY(open(u"overview"_s));
    QObject *search = m_window->findChild<QObject *>(u"globalSearch"_s);
    QVERIFY(search);
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(search->property("opened").toBool());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!search->property("visible").toBool());
    // Ctrl+N opens the issue-key dialog; Esc closes it.
    QObject *issue = m_window->findChild<QObject *>(u"issueKeyDialog"_s);
    QVERIFY(issue);
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(issue->property("opened").toBool());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QTRY_VERIFY(!issue->property("visible").toBool());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestScreens::everyPage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QVariantList>("properties");
    // The registry is read from a throw-away engine-free copy: the window's own list.
    const QVariantList entries = m_window->property("pageEntries").toList();
    for (const QString &language : {u"en"_s, u"de"_s})
        for (const QString &theme : {u"light"_s, u"dark"_s})
            for (const QVariant &entry : entries) {
                const QVariantMap map = entry.toMap();
                const QString name = map.value(u"name"_s).toString();
                QTest::addRow("%s-%s-%s", qPrintable(language), qPrintable(theme), qPrintable(name))
                    << language << theme << name << map.value(u"properties"_s).toList();
            }
}

void TestScreens::everyPage()
{
    QFETCH(QString, language);
    QFETCH(QString, theme);
    QFETCH(QString, page);
    QFETCH(QVariantList, properties);
    m_app->session()->settings()->setLanguage(language);
    m_app->session()->settings()->setTheme(theme);
    warnings.clear();
    QVariantMap values;
    for (const QVariant &property : properties)
        values.insert(property.toString(), m_sample.value(property.toString()));
    QVariant opened;
    QVERIFY(QMetaObject::invokeMethod(m_window, "openPage", Q_RETURN_ARG(QVariant, opened), Q_ARG(QVariant, page),
                                      Q_ARG(QVariant, values)));
    QVERIFY2(opened.toBool(), qPrintable(page));
    settle();
    // Embedded console views: wait until each has rendered (or failed), then let it paint.
    QQuickItem *content = m_window->contentItem();
    const auto consoles = content->findChildren<QQuickItem *>(u"consoleView"_s);
    for (QQuickItem *console : consoles) {
        if (!console->isVisible())
            continue;
        QTRY_VERIFY_WITH_TIMEOUT(console->property("ready").toBool() || console->property("failed").toBool(), 20000);
        QVERIFY2(!console->property("failed").toBool(), qPrintable(console->property("view").toString()));
    }
    if (!consoles.isEmpty())
        QTest::qWait(700);
    QCOMPARE(save(u"%1-%2-%3"_s.arg(page, language, theme)), QString());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestScreens)
#include "tst_screens.moc"
