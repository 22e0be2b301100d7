#pragma once

// The dashboard's real window for tests under Xvfb (LATCHKEY_TEST_NEEDS_DISPLAY).
#include "apiclient.h"
#include "dashboardapp.h"
#include "quickitems.h"
#include "rootkeyvault.h"
#include "selftest.h"
#include "session.h"
#include "settingscontroller.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <atomic>
#include <memory>

namespace Latchkey::Test {

/// Asks @p window for a frame and waits until it was rendered and handed to the screen (false
/// after @p timeoutMs without one). Before a frame the window polishes: views create the
/// delegates of new rows and layouts place their items.
inline bool waitForFrame(QQuickWindow *window, int timeoutMs = 5000)
{
    auto frames = std::make_shared<std::atomic_int>(0); // frameSwapped may come from the render thread
    const QMetaObject::Connection counting = QObject::connect(
        window, &QQuickWindow::frameSwapped, window, [frames] { ++*frames; }, Qt::DirectConnection);
    window->update();
    const bool swapped = QTest::qWaitFor([&] { return frames->load() > 0; }, timeoutMs);
    QObject::disconnect(counting);
    return swapped;
}

/// Waits until @p client has no request in flight and @p window has rendered what the answers
/// brought, again while rendering starts new requests (a view asking for its next page), and at
/// least @p ms after the requests ended (for an animation still running, e.g. a dialog's veil).
/// Instead of a fixed pause, which was too short on a loaded machine and idle time on a quiet one.
inline void settleWindow(QQuickWindow *window, const Dashboard::ApiClient *client, int ms = 0)
{
    QDeadlineTimer deadline(20000);
    QElapsedTimer idle;
    do {
        Dashboard::SelfTest::waitUntil([client] { return !client->busy(); }, int(deadline.remainingTime()));
        idle.start();
        waitForFrame(window);
    } while (client->busy() && !deadline.hasExpired());
    if (idle.elapsed() < ms)
        QTest::qWait(int(ms - idle.elapsed()));
}

/// The rows of a layout test's _data(): "language" and "size", each of @p languages (English,
/// German and Spanish unless told) at each of @p sizes (1280×800, the default window, and
/// 1024×768 unless told).
inline void addLanguageAndSizeRows(const QStringList &languages = {QStringLiteral("en"), QStringLiteral("de"),
                                                                   QStringLiteral("es")},
                                   const QList<QSize> &sizes = {QSize(1280, 800), QSize(1024, 768)})
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString &language : languages)
        for (const QSize size : sizes)
            QTest::addRow("%s-%d", qPrintable(language), size.width()) << language << size;
}

/// Fails the running test function with @p warning (nothing outside one: QtTest has no test to
/// fail then, and the warning is printed anyway).
inline void failOnQmlWarning(const QQmlError &warning)
{
    if (QTest::currentTestFunction())
        QTest::qFail(qPrintable(QStringLiteral("QML warning: ") + warning.toString()), __FILE__, __LINE__);
}

/// Fails the running test function with the call @p action made while not connected and the QML
/// that made it (@p caller).
inline void failOnAskingWhileNotConnected(const QString &action, const QString &caller)
{
    if (QTest::currentTestFunction())
        QTest::qFail(qPrintable(QStringLiteral("asked while not connected: ") + action + QStringLiteral(" from\n")
                                + caller),
                     __FILE__, __LINE__);
}

/// DashboardApp as main() builds it (keychain disabled, English, light theme) with Main.qml
/// loaded, sized and exposed. One per test case; not connected until the test connects it.
class DashboardWindow
{
public:
    /// What a warning of the window's QML engine (a binding loop, a required property left unset,
    /// a type error) does: printed only, or it also fails the test function it happens in, as
    /// `--self-test` fails on one. Fail also fails it on a call the client could only refuse as
    /// "Not connected" (ApiClient::askedWhileNotConnected: a page asking after Disconnect).
    enum class QmlWarnings { Print, Fail };

    /// Loads the window; window() is null when it could not be created or shown.
    explicit DashboardWindow(QSize size = {1280, 800}, QmlWarnings warnings = QmlWarnings::Print)
        : m_app(std::make_unique<Dashboard::DashboardApp>()), m_engine(std::make_unique<QQmlApplicationEngine>())
    {
        if (warnings == QmlWarnings::Fail) {
            QObject::connect(m_engine.get(), &QQmlEngine::warnings, m_engine.get(), [](const QList<QQmlError> &errors) {
                for (const QQmlError &error : errors)
                    failOnQmlWarning(error);
            });
            QObject::connect(m_app->session()->client(), &Dashboard::ApiClient::askedWhileNotConnected, m_engine.get(),
                             failOnAskingWhileNotConnected);
        }
        m_app->vault()->disable(QStringLiteral("tests"));
        m_app->session()->settings()->setLanguage(QStringLiteral("en"));
        m_app->session()->settings()->setTheme(QStringLiteral("light"));
        if (!m_app->load(*m_engine))
            return;
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().value(0));
        if (!window)
            return;
        window->resize(size);
        if (QTest::qWaitForWindowExposed(window))
            m_window = window;
    }

    ~DashboardWindow()
    {
        Dashboard::DashboardApp::unload(*m_engine); // the pages while the engine is there
        m_engine.reset(); // the QML goes before the objects it binds to
        m_app.reset();
    }

    [[nodiscard]] Dashboard::DashboardApp *app() const { return m_app.get(); }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }

    /// Connects the session to @p baseUrl with @p rootKey and waits up to @p timeoutMs until it is
    /// connected and the overview page is open; false, with a warning saying which, when not.
    bool connectTo(const QUrl &baseUrl, const QString &rootKey, int timeoutMs = 60000) const
    {
        m_app->session()->connectTo(baseUrl, rootKey);
        if (QTest::qWaitFor([&] { return m_app->session()->connected() && currentPageName() == QStringLiteral("overview"); },
                            timeoutMs))
            return true;
        qWarning("connected: %d, page: %s", m_app->session()->connected(), qPrintable(currentPageName()));
        return false;
    }

    /// settleWindow(): no request in flight, their answers rendered, at least @p ms after them.
    void settle(int ms = 0) const { settleWindow(m_window, m_app->session()->client(), ms); }

    /// Main.qml's openPage(@p name, @p properties), then settle(); false for an unknown page.
    bool openPage(const QString &name, const QVariantMap &properties = {}) const
    {
        QVariant opened;
        QMetaObject::invokeMethod(m_window, "openPage", Q_RETURN_ARG(QVariant, opened), Q_ARG(QVariant, name),
                                  Q_ARG(QVariant, properties));
        settle();
        return opened.toBool();
    }

    /// The page entries of PageRegistry.qml ({name, title, file, sidebar, properties}).
    [[nodiscard]] QVariantList pageEntries() const { return m_window->property("pageEntries").toList(); }

    /// The page on top of Main.qml's stack, and its registry name.
    [[nodiscard]] QObject *currentPage() const { return m_window->property("currentPage").value<QObject *>(); }
    [[nodiscard]] QString currentPageName() const { return m_window->property("currentPageName").toString(); }

    /// Waits up to @p timeoutMs for a visible object named @p name below @p root (findNamed());
    /// null, with a warning naming it, when none appeared.
    QObject *find(QObject *root, const QString &name, int timeoutMs = 10000) const
    {
        QObject *found = nullptr;
        if (!QTest::qWaitFor([&] { return (found = findNamed(root, name)) != nullptr; }, timeoutMs))
            qWarning("no visible object named %s", qPrintable(name));
        return found;
    }
    /// find() for an item.
    QQuickItem *item(QObject *root, const QString &name) const { return qobject_cast<QQuickItem *>(find(root, name)); }

    /// A real mouse click in the middle of @p target, scrolled into view first; false for null.
    bool click(QQuickItem *target) const
    {
        if (!target)
            return false;
        scrollIntoView(target);
        const QPointF center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, center.toPoint());
        QTest::qWait(30);
        return true;
    }

    /// Focuses @p field, selects its text and types @p text over it key by key (textEdited fires as
    /// for a user; ASCII only: QTest has no keyClicks() for a QWindow). True when the field then
    /// holds exactly @p text.
    bool type(QQuickItem *field, const QString &text) const
    {
        if (!field)
            return false;
        scrollIntoView(field);
        field->forceActiveFocus(Qt::MouseFocusReason);
        if (!QTest::qWaitFor([&] { return field->hasActiveFocus(); }, 5000))
            return false;
        QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(m_window, Qt::Key_Backspace);
        for (const QChar character : text)
            QTest::keyClick(m_window, character.toLatin1());
        return field->property("text").toString() == text;
    }

    /// Lets animations (dialogs, ripples) settle, then saves the window's scene as
    /// @p folder/@p name.png; false when nothing could be grabbed or written.
    bool screenshot(const QDir &folder, const QString &name) const
    {
        QTest::qWait(400);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(folder.filePath(name + QStringLiteral(".png")));
    }

private:
    std::unique_ptr<Dashboard::DashboardApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

} // namespace Latchkey::Test
