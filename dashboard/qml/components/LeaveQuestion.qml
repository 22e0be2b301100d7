import QtQuick
import QtQuick.Controls

// "Discard unsaved changes?" before a page whose cards hold drafts (KeySection.dirty) is left:
// by its Back, Alt+Left or the sidebar (Main.qml's leaveCurrentPage calls the page's
// confirmLeave(), which hands over to confirmLeave() here). The owner page's; the key page has
// its own copy of it.
ConfirmDialog {
    id: question

    /// The layout whose children are the page's cards.
    property Item cards
    /// The cards whose drafts are not saved.
    readonly property var unsavedCards: {
        const found = [];
        const children = cards ? cards.children : [];
        for (let i = 0; i < children.length; ++i) {
            if (children[i]["dirty"] === true)
                found.push(children[i]);
        }
        return found;
    }
    /// What leaving does once the user agreed.
    property var leave: null

    /// Runs @p leave at once, or after the user agreed to drop the unsaved drafts.
    function confirmLeave(leave: var): void {
        if (unsavedCards.length === 0) {
            leave();
            return;
        }
        question.leave = leave;
        open();
    }

    title: qsTr("Discard unsaved changes?")
    text: qsTr("These cards have changes that are not saved: %1. Leaving the page discards them.")
          .arg(unsavedCards.map(card => card["title"]).join(", "))
    confirmText: qsTr("Discard and leave")
    destructive: true
    onConfirmed: {
        const leave = question.leave;
        question.leave = null;
        if (leave)
            leave();
    }
    onRejected: leave = null
}
