import QtQuick

// Keeps the keyboard focus in view: whenever the window's focus moves to an item inside
// `flickable` (Tab to a field below the visible part of a form), scrolls the flickable just
// enough to show it, with a small margin. One per scrolled form (the issue-key form, the key page):
//     property FocusScroller scroller: FocusScroller { flickable: form.contentItem }
Item {
    id: scroller

    /// The scrolled area (a ScrollView's contentItem, a Flickable).
    required property Flickable flickable
    /// Room left above and below the focused item, in pixels.
    property real margin: 16
    readonly property Item focusItem: flickable ? flickable.Window.activeFocusItem : null

    /// Scrolls so @p item (inside the flickable) is visible; no change when it already is.
    function reveal(item: Item): void {
        if (!item || !flickable || !flickable.contentItem || !isInside(item))
            return;
        const r = item.mapToItem(flickable.contentItem, 0, 0, item.width, item.height);
        const top = flickable.contentY;
        const bottom = top + flickable.height;
        const maxY = Math.max(0, flickable.contentHeight - flickable.height);
        // An item taller than the view shows its top (where a field's text starts).
        if (r.y < top)
            flickable.contentY = Math.max(0, Math.min(maxY, r.y - margin));
        else if (r.y + r.height > bottom)
            flickable.contentY = Math.max(0, Math.min(maxY, r.y - margin, r.y + r.height - flickable.height + margin));
    }
    function isInside(item: Item): bool {
        for (let node = item.parent; node; node = node.parent) {
            if (node === flickable.contentItem)
                return true;
        }
        return false;
    }

    // Later: a focus change can come before the layout moved the item into place.
    onFocusItemChanged: later.restart()
    property Timer later: Timer {
        interval: 0
        onTriggered: scroller.reveal(scroller.focusItem)
    }
}
