#pragma once

// The dashboard's real window for tests under Xvfb (LATCHKEY_TEST_NEEDS_DISPLAY).
#include "dashboardapp.h"
#include "rootkeyvault.h"
#include "selftest.h"
#include "session.h"
#include "settingscontroller.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <memory>

namespace Latchkey::Test {

/// DashboardApp as main() builds it (keychain disabled, English, light theme) with Main.qml
/// loaded, sized and exposed. One per test case; not connected until the test connects it.
class DashboardWindow
{
public:
    /// Loads the window; window() is null when it could not be created or shown.
    explicit DashboardWindow(QSize size = {1280, 800})
        : m_app(std::make_unique<Dashboard::DashboardApp>()), m_engine(std::make_unique<QQmlApplicationEngine>())
    {
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
        m_engine.reset(); // the QML goes before the objects it binds to
        m_app.reset();
    }

    [[nodiscard]] Dashboard::DashboardApp *app() const { return m_app.get(); }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }

    /// Waits until no request is in flight, then @p ms more for the UI to settle.
    void settle(int ms = 200) const
    {
        Dashboard::SelfTest::waitUntil([this] { return !m_app->session()->client()->busy(); }, 20000);
        QTest::qWait(ms);
    }

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

private:
    std::unique_ptr<Dashboard::DashboardApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

} // namespace Latchkey::Test
