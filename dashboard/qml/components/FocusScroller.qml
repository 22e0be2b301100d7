import QtQuick
import Latchkey.Dashboard

// Keeps the keyboard focus in view: whenever the window's focus moves to an item inside
// `flickable` (Tab to a field below the visible part of a form), scrolls the flickable just
// enough to show it, with a small margin. One per scrolled form (the issue-key form, the key page):
//     property FocusScroller scroller: FocusScroller { flickable: form.contentItem }
// A focus change can come before the layout placed the item (a message appearing above it,
// nested layouts taking more than one polish): the item is scrolled to in each frame, after the
// frame's polish, until it stayed in place for a frame.
Item {
    id: scroller

    /// The scrolled area (a ScrollView's contentItem, a Flickable).
    required property Flickable flickable
    /// Room left above and below the focused item, in pixels.
    property real margin: 16
    readonly property Item focusItem: flickable ? flickable.Window.activeFocusItem : null
    /// Frames an item may keep moving before it is left where the last one put it (an animation).
    property int maxFrames: 30

    /// Scrolls so @p item (inside the flickable) is visible with `margin` around it, its label
    /// too (a FormField's, where the whole field fits); no change when it already is. After a
    /// key press the margin is kept clear too: Tab to a control whose edge touched the window's
    /// showed it without its frame (walkthrough 23, Y10); a click leaves a visible control where
    /// it is, under the pointer.
    function reveal(item: Item): void {
        if (!item || !flickable || !flickable.contentItem || !isInside(item))
            return;
        const shown = labelled(item);
        const r = shown.mapToItem(flickable.contentItem, 0, 0, shown.width, shown.height);
        const clearance = keyboardUsed ? margin : 0;
        const top = flickable.contentY;
        const bottom = top + flickable.height;
        const maxY = Math.max(0, flickable.contentHeight - flickable.height);
        // An item taller than the view shows its top (where a field's text starts).
        if (r.y - clearance < top)
            flickable.contentY = Math.max(0, Math.min(maxY, r.y - margin));
        else if (r.y + r.height + clearance > bottom)
            flickable.contentY = Math.max(0, Math.min(maxY, r.y - margin, r.y + r.height - flickable.height + margin));
    }
    /// The last press was a key (LastInput): the focus moved by the keyboard.
    readonly property bool keyboardUsed: LastInput.keyboard
    /// What is shown for @p item: the labelled field holding it (a FormField: its label above
    /// the control) when that fits in the view with its margins, else the item.
    function labelled(item: Item): Item {
        for (let node = item; node && node !== flickable.contentItem; node = node.parent) {
            if (node["labelsItsControl"] === true)
                return node.height + 2 * margin <= flickable.height ? node : item;
        }
        return item;
    }
    function isInside(item: Item): bool {
        for (let node = item.parent; node; node = node.parent) {
            if (node === flickable.contentItem)
                return true;
        }
        return false;
    }

    /// reveal(@p item) once the layout has placed it: in each frame until it stays in place (it
    /// replaces the item followed so far, the focused one too). Forms call it for a field with
    /// the message that has just appeared under it.
    function show(item: Item): void {
        const window = flickable ? flickable.Window.window : null;
        if (!window) {
            reveal(item);
            return;
        }
        following = item;
        lastPlace = "";
        frames = 0;
        window.update();
    }

    /// The item scrolled to in each frame until it stays in place.
    property Item following: null
    property string lastPlace
    property int frames: 0
    /// Where @p item lies in the content, and what limits the scrolling.
    function place(item: Item): string {
        const r = item.mapToItem(flickable.contentItem, 0, 0, item.width, item.height);
        return r.y + " " + r.height + " " + flickable.contentHeight + " " + flickable.height;
    }
    /// Where the last frame's reveal() left the view.
    property real revealedY: 0
    function follow(): void {
        const item = following;
        // Scrolled by someone else since the last frame (the wheel, a test, CardJumps): the user
        // looks elsewhere now. The key page's charts grow for a while as they load, and the
        // field focused meanwhile was scrolled back to, undoing a scroll to its last card.
        const scrolledAway = frames > 0 && flickable && flickable.contentY !== revealedY;
        if (!item || !flickable || !flickable.contentItem || scrolledAway) {
            following = null;
            revealed = null;
            return;
        }
        const now = place(item);
        reveal(item);
        revealedY = flickable.contentY;
        revealed = item;
        if (now === lastPlace || ++frames >= maxFrames) {
            following = null;
            return;
        }
        lastPlace = now;
        flickable.Window.window.update(); // the next frame, to see whether it stays
    }

    /// The item the last reveal() showed, while the view stays where that left it.
    property Item revealed: null
    // The content grows or shrinks after the item had settled (the key page's charts report their
    // height seconds after the focus reached the key actions below them, which then lay out of
    // view for good: tst_keyboard tabScrollsFocusIntoView, once under load): the focused item is
    // followed again, unless someone else scrolled since (the user looks elsewhere). Not an item
    // taller than the view: the user is somewhere inside it (the charts' page, which shows its own
    // focused control), and showing its top again would scroll away from there.
    property Connections contentWatch: Connections {
        target: scroller.flickable
        function onContentHeightChanged() {
            const item = scroller.revealed;
            if (!scroller.following && item && item === scroller.focusItem && item.height <= scroller.flickable.height
                    && scroller.flickable.contentY === scroller.revealedY)
                scroller.show(item);
        }
    }

    /// The item that had the focus last (none in between does not count).
    property Item lastFocusItem: null
    // A focus that falls back from a control to an item holding it is not the user's move, and
    // nothing is shown: a key page's card takes it while its controls are greyed for a save, and
    // showing the whole card scrolled the page away from the field and "✓ Saved" (its own control
    // gets it back once the save ended).
    onFocusItemChanged: {
        const from = lastFocusItem;
        if (focusItem)
            lastFocusItem = focusItem;
        if (focusItem && flickable && isInside(focusItem) && !holds(focusItem, from))
            show(focusItem);
    }
    /// Whether @p item lies inside @p outer.
    function holds(outer: Item, item: Item): bool {
        for (let node = item ? item.parent : null; node; node = node.parent) {
            if (node === outer)
                return true;
        }
        return false;
    }
    // Typing shows the field typed into: the wheel may have scrolled it out of view while it kept
    // the focus, and the text went into a field out of sight (walkthrough 18, the key page).
    // textEdited where the field has it (TextField, a spin box's text: only the user's edits);
    // a TextArea's textChanged (the meta editor).
    property Connections typingWatch: Connections {
        target: scroller.focusItem
        ignoreUnknownSignals: true
        function onTextEdited() {
            scroller.showTyped();
        }
        function onTextChanged() {
            if (scroller.focusItem && !scroller.hasTextEdited(scroller.focusItem))
                scroller.showTyped();
        }
    }
    function hasTextEdited(item: var): bool {
        return item["textEdited"] !== undefined;
    }
    function showTyped(): void {
        if (focusItem && flickable && isInside(focusItem))
            show(focusItem);
    }
    // After the frame's polish (the layouts placed their items), before it is drawn.
    property Connections frameWatch: Connections {
        target: scroller.following && scroller.flickable ? scroller.flickable.Window.window : null
        function onAfterAnimating() {
            scroller.follow();
        }
    }
}
