#include "pointermotion.h"

#include <QMouseEvent>

#include <algorithm>
#include <cmath>

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
    m_under.clear();
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
            // Before the window handles the move: a drag that scrolls the page moves it after this.
            m_under = itemsUnder(position);
            Q_EMIT moved(position);
        }
    }
    return false; // only watching: the window handles every event as before
}

QList<PointerMotion::Placed> PointerMotion::itemsUnder(QPointF position) const
{
    QList<Placed> under;
    for (QQuickItem *item = m_window ? m_window->contentItem() : nullptr; item;
         item = topmostChildAt(item, position))
        under.append({item, item->mapToScene(QPointF())});
    return under;
}

QQuickItem *PointerMotion::topmostChildAt(QQuickItem *parent, QPointF position) const
{
    QQuickItem *top = nullptr;
    const QList<QQuickItem *> children = parent->childItems();
    for (QQuickItem *child : children) {
        if (!child->isVisible() || !child->contains(child->mapFromScene(position)))
            continue;
        // The popup layer covers the window while any popup is up; hover reaches the page below
        // it except where a popup lies.
        if (child == m_overlay && !topmostChildAt(child, position))
            continue;
        if (!top || child->z() >= top->z()) // painted in z order, later children above
            top = child;
    }
    return top;
}

bool PointerMotion::stillThere(const Placed &placed) const
{
    const QQuickItem *item = placed.item;
    if (!item || !item->isVisible() || item->window() != m_window)
        return false;
    const QPointF now = item->mapToScene(QPointF());
    // Whole pixels, as ToolTipGuard counts its item's moves: layouts place items at fractions.
    if (std::abs(now.x() - placed.scenePosition.x()) >= 1 || std::abs(now.y() - placed.scenePosition.y()) >= 1)
        return false;
    return item->contains(item->mapFromScene(m_last));
}

bool PointerMotion::cameUnderStillPointer(QQuickItem *item) const
{
    if (!m_seen || !item || item->window() != m_window || !item->contains(item->mapFromScene(m_last)))
        return false;
    // Down the items that lay under the pointer, while they hold @p item, and the first that does
    // not: where @p item lies now lay that one (or @p item itself), and what it held there. All
    // of that still there: @p item did not come. One of them gone: it did, also when the first
    // that does not hold it is still there, as the popup layer is while any popup is up (a
    // tooltip): the suggestion a click took closed its list, and the chip it added lay under the
    // still pointer, its tooltip over the field (walkthrough 21).
    for (auto it = m_under.cbegin(); it != m_under.cend(); ++it) {
        if (!stillThere(*it))
            return true;
        if (it->item == item)
            return false;
        if (!it->item->isAncestorOf(item))
            return std::any_of(it + 1, m_under.cend(), [this](const Placed &placed) { return !stillThere(placed); });
    }
    // Nothing below an item that holds @p item held the point then: @p item came since, or lies
    // in an item that holds no point itself (a container of no size). Not known: no.
    return false;
}

} // namespace Latchkey::Dashboard
