#pragma once

#include <QObject>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// Whether the user's last press was on the keyboard or with a pointer (mouse, touch, pen), for
/// what shows the keyboard focus only to someone using the keyboard.
///
/// Qt Quick Controls' `visualFocus` is true only for a focus that Tab, Shift+Tab or a shortcut
/// gave. The focus a closing popup gives back (Qt::PopupFocusReason) is not visual, so after Esc
/// closed a dialog nothing showed where the keyboard was. FocusFrame shows that focus when the
/// last press was a key, and not after a click on the dialog's Cancel.
///
/// QML: the singleton `LastInput` (one per engine). It watches the whole application's input
/// events, in the app from start-up: DashboardApp calls startWatching() before any window exists,
/// and each engine's singleton, made at its first read (FocusFrame's), starts from what that one
/// saw and follows it. On its own it missed every press before that read; tests without
/// DashboardApp still get that.
class LastInput : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// The last press was a key (a shortcut's too); false before any press, and after a click.
    Q_PROPERTY(bool keyboard READ keyboard NOTIFY keyboardChanged)

public:
    explicit LastInput(QObject *parent = nullptr);

    /// Starts watching the application's input now (once per application: an instance that is
    /// the application's child), for every LastInput made later to start from and follow.
    static void startWatching();

    [[nodiscard]] bool keyboard() const { return m_keyboard; }

Q_SIGNALS:
    void keyboardChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setKeyboard(bool keyboard);

    bool m_keyboard = false;
};

} // namespace Latchkey::Dashboard
