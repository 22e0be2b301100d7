import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Keeps tooltips with the pointer (walkthrough G26: a greyed control's "your root key lacks …"
// stayed on screen while the page scrolled away under it, or came back above another card far
// from the pointer). The tooltip hides as soon as its item moves in the window (the page scrolled,
// a list was laid out anew) or the wheel turns, and none shows until the pointer itself moves:
// then the tooltip of the item under it comes back. An item that the scene brought under the still
// pointer shows none either, however the page moved (Tab or the arrow keys, a scroll bar, a list
// laid out anew), even when Qt hid the tooltip before this saw its item move. Qt 6.4 moves hover
// to whatever scrolls under a still pointer, so items alone cannot tell. A tooltip shows the
// current text of its item's `ToolTip.text`, also one changed while it waited out its delay.
// A tooltip whose item leaves the window (its page replaced while the tooltip waited out its
// delay) is dropped: Qt 6.4 keeps such an item `hovered` and opens its tooltip with no window to
// open in ("QML ToolTip: cannot find any window to open popup in").
// Watches the one tooltip that every `ToolTip.*` attached property shares; Main.qml holds one for
// the window.
Item {
    id: guard

    /// The shared tooltip instance (var: Qt 6.4's qmllint takes ToolTip.toolTip for another type).
    readonly property var tip: ToolTip.toolTip
    /// The item the tooltip belongs to, and where it was in the window when the tooltip appeared.
    property Item owner: null
    property point shownAt
    /// The scene moved under the still pointer: no tooltip until the pointer moves.
    property bool held: false
    /// The item whose tooltip was hidden or kept away meanwhile.
    property Item heldOwner: null
    /// The item the tooltip was last asked for (shown, or waiting out its delay), and its window.
    readonly property Item asker: tip.parent
    readonly property var askerWindow: asker ? asker.Window.window : null

    onAskerWindowChanged: {
        if (asker && !askerWindow)
            tip.close();
    }

    function hold(): void {
        held = true;
        if (tip.visible) {
            heldOwner = tip.parent;
            // At once: the fade-out starts at full opacity, so it would draw a tooltip that had
            // only begun to fade in (one that was not to show at all).
            const fade = tip.exit;
            tip.exit = null;
            tip.close();
            tip.exit = fade;
        }
    }
    /// The owner's current ToolTip.text for a tooltip about to show after its delay. Qt 6.4 hands
    /// a changed text only to a tooltip already on screen: one still waiting out its delay came
    /// with the text of when it was asked for (issue 4, J17: "Show charts" over shown charts, a
    /// greyed button's old reason). Not for a tooltip without delay: that is ToolTip.show() with a
    /// text of its own ("Key copied"), shown at once.
    function takeCurrentText(): void {
        const item = tip.parent;
        if (!item || tip.delay <= 0)
            return;
        const current = item.ToolTip.text;
        if (current !== "" && current !== tip.text)
            tip.text = current;
    }
    function pointerMoved(position: point): void {
        if (!held)
            return;
        held = false;
        const item = heldOwner;
        heldOwner = null;
        // Still on the item: its tooltip again, as if the pointer had just come.
        if (item && item.visible && tip.parent === item && item.contains(item.mapFromItem(null, position)))
            tip.open();
    }
    /// Once per frame while the tooltip is shown.
    function check(): void {
        if (!tip.visible)
            return;
        if (held) { // another item came under the still pointer
            hold();
            return;
        }
        if (tip.parent !== owner) { // ToolTip.show() from another item while it was up
            owner = tip.parent;
            shownAt = owner ? owner.mapToItem(null, 0, 0) : Qt.point(0, 0);
            if (motion.cameUnderStillPointer(owner))
                hold();
            return;
        }
        if (!owner)
            return;
        const now = owner.mapToItem(null, 0, 0);
        if (Math.abs(now.x - shownAt.x) >= 1 || Math.abs(now.y - shownAt.y) >= 1)
            hold();
    }

    PointerMotion {
        id: motion
        window: guard.Window.window
        overlay: guard.Overlay.overlay
        onMoved: position => guard.pointerMoved(position)
        onWheeled: guard.hold()
    }
    Connections {
        target: guard.tip
        function onAboutToShow() {
            guard.takeCurrentText();
            guard.owner = guard.tip.parent;
            guard.shownAt = guard.owner ? guard.owner.mapToItem(null, 0, 0) : Qt.point(0, 0);
            // Closed by check() before the first frame draws it (not here, in the middle of opening).
            if (motion.cameUnderStillPointer(guard.owner))
                guard.held = true;
        }
    }
    // Before each frame is drawn while a tooltip is up; nothing runs while none is.
    Connections {
        target: guard.tip.visible ? guard.Window.window : null
        function onAfterAnimating() {
            guard.check();
        }
    }
}
