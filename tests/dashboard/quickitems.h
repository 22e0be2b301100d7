#pragma once

// Finding and reaching Qt Quick items in a real window, for the tests that drive the dashboard
// like a user (tst_keyflow through DashboardWindow; tst_screens and tst_keyboard may use them),
// and measuring where they are (the layout tests: tst_keypagelayout, tst_issuedialogwindow).
#include <functional>

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
    // Only a popup's content item: other objects have one too, among them the `Window` attached
    // object (QQuickWindowAttached::contentItem, created by any `Item.Window.…` binding below
    // @p root), which is the whole window, so the search left the page and found a same-named
    // object of a page below it in the stack (tst_keyflow took the old key page's closed
    // delete dialog: failed 2 runs in 3 once the key page used `Window.activeFocusItem`).
    if (root->inherits("QQuickPopup"))
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

/// The items for which @p predicate holds among @p root and the items below it, depth first,
/// through visible items only (an invisible item and everything below it are skipped); the walk
/// goes on below an item that matched. It follows the visual tree, so the pages a StackView
/// created and a popup's content are found, which findChildren misses.
inline QList<QQuickItem *> collectItems(QQuickItem *root, const std::function<bool(const QQuickItem *)> &predicate)
{
    QList<QQuickItem *> found;
    const std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
        if (!item->isVisible())
            return;
        if (predicate(item))
            found.append(item);
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            walk(child);
    };
    walk(root);
    return found;
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

/// @p item's bounding rectangle in scene coordinates (where it is in the window).
inline QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(item->boundingRect());
}

/// The visible controls, fields and labels below @p root (not the parts inside a control), for
/// checking that each lies inside its card or dialog.
inline void collectControls(QQuickItem *root, QList<QQuickItem *> &controls)
{
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children) {
        if (!child->isVisible() || child->width() <= 0)
            continue;
        if (child->inherits("QQuickControl") || child->inherits("QQuickTextField") || child->inherits("QQuickText"))
            controls.append(child);
        else
            collectControls(child, controls);
    }
}

/// "Class "text" (objectName)" of a control, its placeholder included, for failure messages.
inline QString describeControl(const QQuickItem *control)
{
    const QString text = control->property("text").toString() + control->property("placeholderText").toString();
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(control->metaObject()->className()), text, control->objectName());
}

/// Why @p control does not fit between @p left and @p right (scene x), or, a button whose text
/// does not wrap, is narrower than its text; empty when it fits.
inline QString misfit(const QQuickItem *control, qreal left, qreal right)
{
    const QRectF shown = sceneRect(control);
    if (shown.left() < left - 0.5 || shown.right() > right + 0.5)
        return QStringLiteral("%1 at %2..%3, not within %4..%5")
            .arg(describeControl(control)).arg(shown.left()).arg(shown.right()).arg(left).arg(right);
    const auto *label = control->property("contentItem").value<QQuickItem *>();
    const bool wraps = label && label->property("wrapMode").toInt() != 0; // WrapCheckBox
    if (control->inherits("QQuickAbstractButton") && !wraps && control->width() + 0.5 < control->implicitWidth())
        return describeControl(control) + QStringLiteral(" squeezed");
    return {};
}

} // namespace Latchkey::Test
