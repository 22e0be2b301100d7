import QtQuick
import QtQuick.Controls

// Card by card on a page of cards (the key page): Ctrl+Down moves the keyboard focus to the first
// control of the next card that has one, Ctrl+Up to the previous card's; from outside the cards
// they start at the first or the last. A card far down the page is then a few key presses away
// instead of many Tabs. The page scrolls to show the whole card, its title too (a card taller
// than the view from its top). Never while a dialog (in the overlay) has the focus. Each card
// says so (KeySection: its title's tooltip, its accessible description).
Item {
    id: jumps

    /// The item whose children are the cards, in reading order (a GridLayout of cards).
    required property Item cards
    /// Whether the keys work (the page is on top and shows its cards).
    property bool active: true
    readonly property Item focused: Window.activeFocusItem
    /// Off while a dialog (in the window's overlay) has the focus.
    readonly property bool enabledNow: jumps.active && !jumps.holds(Overlay.overlay, jumps.focused)

    /// Focuses the first control of the card @p step (1 or -1) cards away from the focused one.
    function focusCard(step: int): void {
        const found = [];
        for (let i = 0; i < jumps.cards.children.length; ++i) {
            const card = jumps.cards.children[i];
            const first = jumps.firstControl(card);
            if (first)
                found.push({ card: card, first: first });
        }
        let at = found.findIndex(entry => jumps.holds(entry.card, jumps.focused));
        if (at < 0 && step < 0)
            at = found.length;
        const next = Math.max(0, Math.min(found.length - 1, at + step));
        if (next < found.length && next !== at) {
            jumps.reveal(found[next].card);
            found[next].first.forceActiveFocus(Qt.TabFocusReason);
        }
    }
    /// Scrolls the Flickable around the cards until @p card shows whole (with a small margin),
    /// or its top is at the top of the view when it is taller than the view. The focused control
    /// is inside it, so the page's FocusScroller has nothing left to do.
    function reveal(card: Item): void {
        const margin = 8;
        for (let item = card.parent; item; item = item.parent) {
            if (item.contentY === undefined || item.contentItem === undefined || item.originY === undefined)
                continue;
            const r = card.mapToItem(item.contentItem, 0, 0, card.width, card.height);
            let target = item.contentY;
            if (r.height + 2 * margin > item.height || r.y - margin < item.contentY)
                target = r.y - margin;
            else if (r.y + r.height + margin > item.contentY + item.height)
                target = r.y + r.height + margin - item.height;
            const lowest = Math.max(item.originY, item.originY + item.contentHeight - item.height);
            item.contentY = Math.max(item.originY, Math.min(lowest, target));
            return;
        }
    }
    /// The first control inside @p item that Tab stops at (visible, enabled), or null. Walked
    /// here: nextItemInFocusChain() from a card found nothing inside the key page's cards.
    function firstControl(item: Item): Item {
        if (!item.visible || !item.enabled)
            return null;
        if (item.activeFocusOnTab)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = jumps.firstControl(item.children[i]);
            if (found)
                return found;
        }
        return null;
    }
    /// Whether @p item is @p outer or inside it.
    function holds(outer: Item, item: Item): bool {
        for (let node = item; node && outer; node = node.parent) {
            if (node === outer)
                return true;
        }
        return false;
    }

    Shortcut {
        sequence: "Ctrl+Down"
        enabled: jumps.enabledNow
        onActivated: jumps.focusCard(1)
    }
    Shortcut {
        sequence: "Ctrl+Up"
        enabled: jumps.enabledNow
        onActivated: jumps.focusCard(-1)
    }
}
