#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// Tells the pointer moving over a window apart from the scene moving under a still pointer.
///
/// Qt Quick sends hover to items that move under a resting pointer (a page scrolled), so an item's
/// `hovered` cannot say whether the user moved. This watches the window's own input instead:
/// moved() when the pointer reaches another position, wheeled() on a wheel turn (which scrolls
/// what is under the pointer). It also keeps what lay under the pointer when it last moved, so
/// that cameUnderStillPointer() can tell an item the scene brought there since (a scroll by any
/// means, a list laid out anew). ToolTipGuard keeps tooltips away from a scrolled page with it.
class PointerMotion : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    /// The window's popup layer (`Overlay.overlay`): shown while any popup is, tooltips included.
    /// What lies under it counts as under the pointer except where a popup lies, as for hover.
    Q_PROPERTY(QQuickItem *overlay MEMBER m_overlay NOTIFY overlayChanged)

public:
    explicit PointerMotion(QObject *parent = nullptr);

    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);

    /// Whether @p item lies under the pointer and came there since the pointer last moved: what
    /// lay under the pointer then, on the way down to @p item (or to what lay where @p item lies
    /// now, and what that held at the pointer), is gone, hidden or elsewhere. False before the
    /// pointer moved over the window.
    Q_INVOKABLE bool cameUnderStillPointer(QQuickItem *item) const;

Q_SIGNALS:
    void windowChanged();
    void overlayChanged();
    /// The pointer moved to @p position (scene coordinates).
    void moved(QPointF position);
    void wheeled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// An item that lay under the pointer, and where it was in the scene.
    struct Placed
    {
        QPointer<QQuickItem> item;
        QPointF scenePosition;
    };

    [[nodiscard]] QList<Placed> itemsUnder(QPointF position) const;
    [[nodiscard]] QQuickItem *topmostChildAt(QQuickItem *parent, QPointF position) const;
    [[nodiscard]] bool stillThere(const Placed &placed) const;

    QPointer<QQuickWindow> m_window;
    QPointer<QQuickItem> m_overlay;
    QPointF m_last;
    bool m_seen = false;
    /// The topmost item at m_last and its topmost child there, and so on down: the window's
    /// content item first.
    QList<Placed> m_under;
};

} // namespace Latchkey::Dashboard
