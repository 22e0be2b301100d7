// LATCHKEY_TEST_NEEDS_DISPLAY, on a small screen: LATCHKEY_TEST_SCREEN 1024x768
// The window opens within the screen (walkthrough: on a 1024×768 screen the 1280×800 window put
// the start page's language picker off the screen), at its usual 1280×800 where that fits (the
// other tests' 1600×1000 screen: tst_screens and the layout tests size it themselves).
#include "dashboardapp.h"
#include "dashboardfixture.h"
#include "rootkeyvault.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>

using namespace Latchkey::Dashboard;

class TestWindowSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensWithinTheScreen();
};

void TestWindowSize::opensWithinTheScreen()
{
    QStandardPaths::setTestModeEnabled(true); // no settings of the user's read or written
    DashboardApp app;
    app.vault()->disable(QStringLiteral("tests"));
    QQmlApplicationEngine engine;
    QVERIFY(app.load(engine));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QRect screen = window->screen()->availableGeometry();
    QCOMPARE(screen.size(), QSize(1024, 768)); // the screen this test is run on (CMakeLists.txt)
    QVERIFY2(window->width() <= screen.width() && window->height() <= screen.height(),
             qPrintable(QStringLiteral("%1×%2").arg(window->width()).arg(window->height())));
    QVERIFY(window->width() >= window->minimumWidth() && window->height() >= window->minimumHeight());
    DashboardApp::unload(engine);
}

LATCHKEY_DASHBOARD_TEST_MAIN(TestWindowSize)
#include "tst_windowsize.moc"
