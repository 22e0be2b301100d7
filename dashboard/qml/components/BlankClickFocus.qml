import QtQuick

// Over a page of cards (the key page): a press on a blank part of it (between the cards, a card's
// empty area, a title) takes the keyboard focus out of a text field to `focusTarget`, as a click
// beside a field does in a desktop form (issue 4: the caret stayed in Name, and what was typed
// next renamed the key). The press itself goes on to what lies under it: a control takes it, and
// the focus, as before.
// A MouseArea over the page that lets every press through sees them all: a TapHandler on the
// card grid never saw one (the cards, Panes, accept every press on them), and one over the page
// kept the press from the controls (Qt 6.4).
MouseArea {
    id: blank

    /// The page's content, searched for the control under a press.
    required property Item content
    /// What takes the focus from a text field on a blank press (an item outside the scrolled
    /// content, so the page does not scroll to it).
    required property Item focusTarget

    acceptedButtons: Qt.LeftButton
    onPressed: mouse => {
        mouse.accepted = false;
        const focused = blank.Window.activeFocusItem;
        if (focused && blank.takesText(focused) && blank.controlAt(mouse.x, mouse.y) === null)
            blank.focusTarget.forceActiveFocus(Qt.MouseFocusReason);
    }

    /// Whether typing into @p item edits text (a TextField, a TextArea, a spin box's text).
    function takesText(item: var): bool {
        return item["cursorPosition"] !== undefined && item["readOnly"] !== true;
    }
    /// The usable control (a Tab stop) at @p x, @p y of this area, or null on a blank spot.
    function controlAt(x: real, y: real): Item {
        let item = blank.content;
        let at = blank.mapToItem(item, x, y);
        for (let child = item.childAt(at.x, at.y); child; child = item.childAt(at.x, at.y)) {
            at = item.mapToItem(child, at.x, at.y);
            item = child;
            if (item.activeFocusOnTab && item.enabled)
                return item;
        }
        return null;
    }
}
