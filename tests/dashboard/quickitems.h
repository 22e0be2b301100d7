#pragma once

// Finding and reaching Qt Quick items in a real window, for the tests that drive the dashboard
// like a user (tst_keyflow through DashboardWindow; tst_screens and tst_keyboard may use them).
#include <QPointF>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

namespace Latchkey::Test {

namespace Detail {

inline QObject *findNamed(QObject *root, const QString &name, QSet<QObject *> &seen)
{
    if (!root || seen.contains(root))
        return nullptr;
    seen.insert(root);
    auto *item = qobject_cast<QQuickItem *>(root);
    if (root->objectName() == name && (!item || item->isVisible()))
        return root;
    QObjectList next = root->children();
    if (item) {
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            next.append(child);
    }
    if (auto *window = qobject_cast<QQuickWindow *>(root))
        next.append(window->contentItem());
    if (QObject *popupItem = root->property("contentItem").value<QObject *>())
        next.append(popupItem);
    for (QObject *child : std::as_const(next)) {
        if (QObject *found = findNamed(child, name, seen))
            return found;
    }
    return nullptr;
}

} // namespace Detail

/// The first visible object named @p name below @p root, depth-first through QObject children,
/// visual children, a window's content item and a popup's content item (so dialogs and the
/// pages a StackView created are found, which findChild misses); null when there is none.
inline QObject *findNamed(QObject *root, const QString &name)
{
    QSet<QObject *> seen;
    return Detail::findNamed(root, name, seen);
}

/// Scrolls the innermost Flickable (ScrollView, ListView) holding @p target so that the target is
/// on screen, with a margin above it; does nothing when it already is or no Flickable holds it.
inline void scrollIntoView(QQuickItem *target)
{
    for (QQuickItem *parent = target->parentItem(); parent; parent = parent->parentItem()) {
        if (!parent->inherits("QQuickFlickable"))
            continue;
        auto *content = parent->property("contentItem").value<QQuickItem *>();
        const qreal y = target->mapToItem(content, QPointF(0, 0)).y();
        const qreal height = parent->height();
        const qreal contentY = parent->property("contentY").toReal();
        if (y < contentY || y + target->height() > contentY + height) {
            const qreal maxY = qMax(0.0, parent->property("contentHeight").toReal() - height);
            parent->setProperty("contentY", qBound(0.0, y - 48, maxY));
            QTest::qWait(50);
        }
        return;
    }
}

} // namespace Latchkey::Test
