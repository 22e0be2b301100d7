import QtQuick

// The hover a tooltip shows on, for a tooltip bound to more than the hover (`ToolTip.visible:
// truncated && tipHover.showsTip`): true only while the item is still in a window. Qt 6.4 keeps
// an item hovered after it left the window under a still pointer (its page replaced by Back or a
// shortcut), and the tooltip's other condition can still change then (the focus leaves with the
// page, a text stops fitting, a popup closes): the tooltip opened with no window to open in
// ("QML ToolTip: cannot find any window to open popup in"). ToolTipGuard drops a tooltip whose
// item leaves while it waits out its delay; this keeps one from being asked for at all.
// `inWindow` alone is for a control's own `hovered` (ExpiryPicker's calendar button turns its
// hover off while its calendar is open).
HoverHandler {
    /// The item this handler belongs to is in a window.
    readonly property bool inWindow: target !== null && target.Window.window !== null
    /// Hovered, and in a window: what a tooltip may show on.
    readonly property bool showsTip: hovered && inWindow
}
