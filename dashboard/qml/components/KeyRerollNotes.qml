import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The key page's reroll notes, above its cards: on the new key of a reroll made here, which key
// it replaces and what it took over from it; on a rerolled key, which key replaced it (from the
// audit log, or the reroll just made). Each links the other key.
ColumnLayout {
    id: notes

    required property KeyDetailController key
    /// The session's Formatter (dates and times in the chosen language).
    required property var format
    /// Set on the page of a new key that a reroll just made: the old key's start and expiry.
    property string replacedStart
    /// The id of the key a reroll just replaced with this one (its note links to it).
    property string replacedKeyId
    property real replacedExpires: 0
    /// Whether the replaced key was enabled (a reroll copies `enabled`: the new key is disabled too).
    property bool replacedWasEnabled: true
    /// The expiry the reroll copied from the replaced key (the new key's first load; -1 before).
    property real copiedExpires: -1
    /// The key that replaced this one, as the note names it.
    required property string replacedBy

    /// A note's key link was followed (click or Enter): the page opens @p keyId.
    signal opened(string keyId)
    /// The "replaced by" note appeared: the page scrolls it into view.
    signal shown(Item note)

    spacing: 16
    visible: replacedStart !== "" || key.replacedById !== ""

    /// Walkthrough 21/15: the reroll's dialog closed on this page, whose Reroll is greyed now, so
    /// the focus it gave back went nowhere and the next Tab started in the sidebar. It goes to
    /// the "Replaced by" note's link, which says what happened, as soon as the reload has it.
    property bool focusWhenReplaced: false
    function focusReplacedBy(): void {
        focusWhenReplaced = true;
        takeFocusIfReplaced();
    }
    function takeFocusIfReplaced(): void {
        if (!focusWhenReplaced || replacedByNote.keyId === "")
            return;
        focusWhenReplaced = false;
        replacedByNote.forceActiveFocus(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
    }

    Pane {
        objectName: "replaced-note"
        Layout.fillWidth: true
        visible: notes.replacedStart !== ""
        Material.background: Material.color(Material.Green, notes.Material.theme === Material.Dark ? Material.Shade900 : Material.Shade50)
        KeyLinkLabel {
            id: replacedNote
            objectName: "replaced-note-text"
            width: parent.width
            keyId: notes.replacedKeyId
            onOpened: linkedKeyId => notes.opened(linkedKeyId)
            text: {
                const now = notes.format.now;
                const oldKey = replacedNote.link(notes.replacedStart);
                const old = !(notes.replacedExpires > now)
                            ? qsTr("This is the new key. It replaces %1…, which no longer works.").arg(oldKey)
                            : !notes.replacedWasEnabled
                              ? qsTr("This is the new key. It replaces %1…, which stays disabled and expires %2 (%3).")
                                .arg(oldKey).arg(notes.format.dateTime(notes.replacedExpires))
                                .arg(notes.format.relative(notes.replacedExpires, now))
                              : qsTr("This is the new key. It replaces %1…, which keeps working until %2 (%3).")
                                .arg(oldKey).arg(notes.format.dateTime(notes.replacedExpires))
                                .arg(notes.format.relative(notes.replacedExpires, now));
                // The reroll copied the old key's state: say when that keeps the new key from working,
                // while it still does (not a state the user gave the new key since).
                const disabled = !notes.replacedWasEnabled && !notes.key.enabled;
                const expired = notes.key.expires > 0 && notes.key.expires <= now && notes.key.expires === notes.copiedExpires;
                const fresh = disabled && expired
                              ? qsTr("Like the old key, it is disabled and expired: enable it and set a new expiry to use it.")
                              : disabled ? qsTr("Like the old key, it is disabled: enable it under Status to use it.")
                              : expired ? qsTr("It took over the old key's expiry, which has passed: set a new expiry to use it.")
                              : "";
                return fresh === "" ? old : old + " " + fresh;
            }
        }
    }

    // A rerolled key: which key replaced it (from the audit log, or the reroll just made).
    Pane {
        id: replacedByPane
        objectName: "replaced-by-note"
        Layout.fillWidth: true
        visible: notes.key.replacedById !== ""
        // A reroll made here, the page scrolled down to Key actions: the note appears above
        // the view, where the user never saw it after Done (walkthrough 18). Shown.
        onVisibleChanged: if (visible) notes.shown(replacedByPane)
        Material.background: Material.color(Material.Amber, notes.Material.theme === Material.Dark ? Material.Shade900 : Material.Shade50)
        KeyLinkLabel {
            id: replacedByNote
            objectName: "replaced-by-note-text"
            width: parent.width
            // A replacement deleted since has no page to open.
            keyId: notes.key.replacedByDeleted ? "" : notes.key.replacedById
            onKeyIdChanged: notes.takeFocusIfReplaced()
            onOpened: linkedKeyId => notes.opened(linkedKeyId)
            text: {
                const replacement = replacedByNote.link(notes.replacedBy);
                return !notes.key.enabled
                       ? qsTr("Replaced by %1 — this key is disabled.").arg(replacement)
                       : notes.key.expires > 0 && notes.key.expires > notes.format.now
                         ? qsTr("Replaced by %1 — expires %2 (%3).").arg(replacement)
                           .arg(notes.format.relative(notes.key.expires, notes.format.now))
                           .arg(notes.format.dateTime(notes.key.expires))
                         : qsTr("Replaced by %1 — this key no longer works.").arg(replacement);
            }
        }
    }
}
