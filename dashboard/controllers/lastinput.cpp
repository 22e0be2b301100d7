#include "lastinput.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>

namespace Latchkey::Dashboard {

namespace {

/// The instance that watches since start-up: what it watches (QCoreApplication's events) is one
/// per process.
QPointer<LastInput> &applicationInstance()
{
    static QPointer<LastInput> instance;
    return instance;
}

} // namespace

LastInput::LastInput(QObject *parent)
    : QObject(parent)
{
    if (LastInput *watching = applicationInstance()) {
        m_keyboard = watching->m_keyboard;
        connect(watching, &LastInput::keyboardChanged, this, [this, watching] { setKeyboard(watching->keyboard()); });
        return;
    }
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

void LastInput::startWatching()
{
    if (!applicationInstance() && QCoreApplication::instance())
        applicationInstance() = new LastInput(QCoreApplication::instance());
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
