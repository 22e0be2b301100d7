#include "lastinput.h"

#include <QCoreApplication>
#include <QEvent>

namespace Latchkey::Dashboard {

LastInput::LastInput(QObject *parent)
    : QObject(parent)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool LastInput::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    // A shortcut (Esc closing a popup, Ctrl+N) sends no KeyPress: only its override and itself.
    case QEvent::KeyPress:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
        setKeyboard(true);
        break;
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        setKeyboard(false);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void LastInput::setKeyboard(bool keyboard)
{
    if (m_keyboard == keyboard)
        return;
    m_keyboard = keyboard;
    Q_EMIT keyboardChanged();
}

} // namespace Latchkey::Dashboard
