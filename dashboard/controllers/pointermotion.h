#pragma once

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QQuickWindow>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// Tells the pointer moving over a window apart from the scene moving under a still pointer.
///
/// Qt Quick sends hover to items that move under a resting pointer (a page scrolled), so an item's
/// `hovered` cannot say whether the user moved. This watches the window's own input instead:
/// moved() when the pointer reaches another position, wheeled() on a wheel turn (which scrolls
/// what is under the pointer). ToolTipGuard keeps tooltips away from a scrolled page with it.
class PointerMotion : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)

public:
    explicit PointerMotion(QObject *parent = nullptr);

    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);

Q_SIGNALS:
    void windowChanged();
    /// The pointer moved to @p position (scene coordinates).
    void moved(QPointF position);
    void wheeled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QQuickWindow> m_window;
    QPointF m_last;
    bool m_seen = false;
};

} // namespace Latchkey::Dashboard
