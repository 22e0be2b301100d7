#include "keyrelay.h"

#include <QCoreApplication>
#include <QKeyEvent>

namespace Latchkey::Dashboard {

bool KeyRelay::toAncestors(QQuickItem *item, int key, int modifiers)
{
    for (QQuickItem *ancestor = item ? item->parentItem() : nullptr; ancestor; ancestor = ancestor->parentItem()) {
        // A new event for each: an item that leaves it unaccepted may have changed it on the way.
        // Constructed accepted, as Qt Quick hands a press to an item (its Keys handlers, then the item).
        QKeyEvent press(QEvent::KeyPress, key, Qt::KeyboardModifiers(modifiers));
        QCoreApplication::sendEvent(ancestor, &press);
        if (press.isAccepted())
            return true;
    }
    return false;
}

} // namespace Latchkey::Dashboard
