#include "pointermotion.h"

#include <QMouseEvent>

namespace Latchkey::Dashboard {

PointerMotion::PointerMotion(QObject *parent)
    : QObject(parent)
{
}

void PointerMotion::setWindow(QQuickWindow *window)
{
    if (m_window == window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    m_seen = false;
    if (m_window)
        m_window->installEventFilter(this);
    Q_EMIT windowChanged();
}

bool PointerMotion::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return false;
    if (event->type() == QEvent::Wheel) {
        Q_EMIT wheeled();
    } else if (event->type() == QEvent::MouseMove) {
        // A press or release at the same place arrives as its own event type, not as a move.
        const QPointF position = static_cast<QMouseEvent *>(event)->scenePosition();
        if (!m_seen || position != m_last) {
            m_seen = true;
            m_last = position;
            Q_EMIT moved(position);
        }
    }
    return false; // only watching: the window handles every event as before
}

} // namespace Latchkey::Dashboard
