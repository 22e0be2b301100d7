import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// What is done to the key as a whole: show its value (recoverable keys), reroll it with a grace
// period for the old value, and delete it (each after a confirmation naming what happens).
KeySection {
    id: section

    required property KeyDetailController key
    required property Session session

    /// The new-key dialog of a reroll closed: the page shows the new key @p keyId now; the old
    /// one works until @p oldExpires (unix ms; the server's value to the minute).
    signal newKeyOpened(string keyId, real oldExpires, bool oldWasEnabled)
    /// The new-key dialog of a reroll closed (Done, Esc, or before "Open new key" opens it).
    signal newKeyClosed()
    /// When the old key stops working, as the server computes it for the last reroll.
    property real oldKeyExpires: 0
    /// The old key as it was when the reroll was asked for: the server copies `enabled` and
    /// `expires` to the new key, and sets the old key's expiry to the end of the grace period.
    property bool oldWasEnabled: true
    /// The key this one replaced, while it still works ("" otherwise): its start and until when.
    /// Deleting this key leaves that one working, which the delete question says (walkthrough
    /// 19/15: deleting a leaked replacement read as if access were gone).
    property string replacedStart
    property real replacedWorksUntil: 0
    property real oldExpiresBefore: 0

    /// What the reroll did to both keys, true for disabled and for expired keys (keys.rerollKey).
    function rerollOutcome(graceEnds: real, wasEnabled: bool, expiresBefore: real, now: real): string {
        const until = section.session.format.dateTime(graceEnds);
        const old = graceEnds <= now ? qsTr("The old key no longer works.")
                  : !wasEnabled ? qsTr("The old key stays disabled and expires %1.").arg(until)
                  : expiresBefore > 0 && expiresBefore <= now
                    ? qsTr("The old key had expired; its expiry is now the end of the grace period, so it works again until %1.").arg(until)
                  : qsTr("The old key keeps working until %1.").arg(until);
        return joined(old, newKeyNote(wasEnabled, expiresBefore, now));
    }

    /// What the new key of a reroll inherits that a user must know before using it, or "".
    function newKeyNote(wasEnabled: bool, expiresBefore: real, now: real): string {
        const expired = expiresBefore > 0 && expiresBefore <= now;
        return !wasEnabled && expired
                ? qsTr("The new key is disabled and expired like the old one: enable it and give it a new expiry before use.")
              : !wasEnabled ? qsTr("The new key is disabled too, like the old one: enable it before use.")
              : expired ? qsTr("The new key has the old key's expiry, which has passed: it does not work until you give it a new expiry.")
              : expiresBefore > 0 ? qsTr("The new key keeps the old key's expiry: %1.").arg(section.session.format.dateTime(expiresBefore))
              : "";
    }

    /// The reroll question for the key as it is now and the grace period @p choice: what happens
    /// to the old key (a disabled one stays disabled, an expired one works again until the grace
    /// period ends) and what the new key inherits.
    function rerollQuestion(name: string, choice: var, enabled: bool, expires: real, now: real): string {
        const expired = expires > 0 && expires <= now;
        const old = choice.ms === 0 ? qsTr("The old key stops working at once.")
                  : !enabled ? qsTr("The old key stays disabled.")
                  : expired ? qsTr("The old key has expired; its expiry becomes the end of the grace period, so it works again until then.")
                  : choice.text + ".";
        return joined(joined(qsTr("A new key with the same settings replaces “%1”.").arg(name), old),
                      newKeyNote(enabled, expires, now));
    }

    /// The delete question's title: the key by its name in quotes with its start, or by its start
    /// alone when it has no name (the start alone did not say which key support staff meant).
    function deleteQuestion(name: string, start: string): string {
        return name !== "" ? qsTr("Delete “%1” (%2)?").arg(name).arg(start) : qsTr("Delete %1?").arg(start);
    }

    /// The key as lists show it: its start, or its id when it has none.
    function shownStart(): string {
        return key.start !== "" ? key.start + "…" : key.keyId;
    }

    function joined(first: string, second: string): string {
        return second === "" ? first : first + " " + second;
    }

    // var: qmllint cannot look into a QVariantMap's keys.
    readonly property var savingNow: key.saving
    readonly property var errorsNow: key.errors

    title: qsTr("Key actions")
    field: "reroll"
    controller: key
    showButtons: false
    // Each action asks first and shows its own result (the new key, the list after a delete).
    instantHint: ""
    savedFields: []

    /// A reroll replaced this key, by a key not deleted since. keys.rerollKey on it again would
    /// not replace the replacement: it makes a second new key beside it and gives this one a
    /// new grace period (walkthrough 18: Reroll was still offered here). Greyed, with the reason.
    readonly property bool replaced: key.replacedById !== "" && !key.replacedByDeleted
    /// The replacement as the page's note names it: its start and "…", else its id.
    readonly property string replacement: key.replacedByStart !== "" ? key.replacedByStart + "…" : key.replacedById

    readonly property var graceChoices: [
        { text: qsTr("Revoke the old key at once"), ms: 0 },
        { text: qsTr("Old key works 1 more hour"), ms: 3600000 },
        { text: qsTr("Old key works 24 more hours"), ms: 86400000 },
        { text: qsTr("Old key works 7 more days"), ms: 7 * 86400000 }
    ]

    // Reveal ------------------------------------------------------------------------------------
    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        GatedButton {
            objectName: "key-reveal"
            text: section.key.plaintext === "" ? qsTr("Show key") : qsTr("Hide key")
            flat: true
            ready: section.savingNow["reveal"] !== true && section.key.recoverable !== 0
            missing: section.session.capabilities.missing(section.key.permissionFor("decrypt_key", section.key.apiId), section.session.capabilities.revision)
            onClicked: section.key.plaintext === "" ? section.key.reveal() : section.key.forgetPlaintext()
            // Whether there is a value to show is asked once whoami said the root key may decrypt
            // (not before: a key that may not would get a 403), and the key has loaded (a key
            // that does not exist is not asked about a second time).
            readonly property bool mayAsk: !section.session.capabilities.pending && missing === "" && section.key.loaded
            Component.onCompleted: if (mayAsk) section.key.checkRecoverable()
            onMayAskChanged: if (mayAsk) section.key.checkRecoverable()
            notReadyReason: section.key.recoverable === 0
                            ? qsTr("This key is not recoverable: its value was never stored, so it cannot be shown. Only keys issued as recoverable can be shown again.")
                            : ""
        }
        TextField {
            Layout.fillWidth: true
            visible: section.key.plaintext !== ""
            text: section.key.plaintext
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            Accessible.name: qsTr("The key")
        }
        FocusButton {
            objectName: "copy-revealed-key"
            visible: section.key.plaintext !== ""
            text: qsTr("Copy")
            Accessible.name: qsTr("Copy the key")
            onClicked: {
                section.key.copyToClipboard(section.key.plaintext);
                ToolTip.show(qsTr("Key copied"), 1500);
            }
        }
        Label {
            Layout.fillWidth: true
            visible: section.errorsNow["reveal"] !== undefined
            text: section.errorsNow["reveal"] !== undefined ? section.errorsNow["reveal"] : ""
            wrapMode: Text.Wrap
            opacity: 0.8
        }
    }

    // Reroll ------------------------------------------------------------------------------------
    RowLayout {
        spacing: 8
        ThemedComboBox {
            id: grace
            FocusFrame { control: grace } // the keyboard focus, visible
            objectName: "reroll-grace"
            // As wide as the longest choice needs ("Alter Schlüssel gilt noch 1 Std."), at least 280.
            implicitContentWidthPolicy: ComboBox.WidestText
            Layout.preferredWidth: Math.max(280, implicitWidth)
            model: section.graceChoices
            textRole: "text"
            // 24 hours: time to roll the new key out before the old one stops.
            readonly property int defaultIndex: 2
            currentIndex: defaultIndex
            Accessible.name: qsTr("Grace period for the old key")
            onModelChanged: currentIndex = defaultIndex // a language switch replaces the translated model
            // Greyed with the button it belongs to (a key that may not reroll), naming its
            // missing permission as the button does (KeySection.missingFor).
            enabled: rerollGate.missing === "" && !section.replaced
            readonly property string missingPermission: rerollGate.missing
        }
        GatedButton {
            id: rerollGate
            objectName: "key-reroll"
            text: qsTr("Reroll key")
            ready: section.savingNow["reroll"] !== true && !section.replaced
            notReadyReason: section.replaced
                            ? qsTr("Already replaced by %1: reroll that key instead.").arg(section.replacement)
                            : ""
            missing: section.session.capabilities.missing(section.key.permissionFor("create_key", section.key.apiId), section.session.capabilities.revision)
            onClicked: {
                // Set when asked, not bound: the question names the grace period chosen now.
                confirmReroll.text = section.rerollQuestion(
                    section.shownStart(), section.graceChoices[grace.currentIndex], section.key.enabled, section.key.expires, Date.now());
                confirmReroll.open();
            }
        }
    }
    Label {
        text: qsTr("Rerolling issues a new key with the same settings; the old one stops working after the grace period.")
        opacity: 0.7
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // Delete ------------------------------------------------------------------------------------
    RowLayout {
        spacing: 8
        CheckBox {
            id: permanent
            FocusFrame { control: permanent } // the keyboard focus, visible
            objectName: "delete-permanent"
            text: qsTr("Permanently (cannot be recovered)")
            enabled: deleteGate.missing === "" // greyed with Delete, naming its missing permission
            readonly property string missingPermission: deleteGate.missing
        }
        GatedButton {
            id: deleteGate
            objectName: "key-delete"
            text: qsTr("Delete key")
            button.Material.accent: Material.color(Material.Red, Material.Shade700) // white text reads on it in both themes
            highlighted: true
            ready: section.savingNow["delete"] !== true
            missing: section.session.capabilities.missing(section.key.permissionFor("delete_key", section.key.apiId), section.session.capabilities.revision)
            onClicked: {
                // Set when asked, as the reroll question: bound, it looped with the page's own
                // bindings on the key while it loads.
                confirmDelete.title = section.deleteQuestion(section.key.name, section.shownStart());
                confirmDelete.open();
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: section.errorsNow["delete"] !== undefined
        text: section.errorsNow["delete"] !== undefined ? section.errorsNow["delete"] : ""
        color: Material.color(Material.Red)
        wrapMode: Text.Wrap
    }

    ConfirmDialog {
        id: confirmDelete
        objectName: "confirm-delete"
        readonly property string stopsNote: permanent.checked
              ? qsTr("The key %1 stops working at once and is removed for good, with its rate limits and permissions.").arg(section.key.start + "…")
              : qsTr("The key %1 stops working at once. It is kept in the database but cannot be used or shown here again.").arg(section.key.start + "…")
        readonly property string replacedNote: section.replacedStart !== "" && section.replacedWorksUntil > section.session.format.now
              ? qsTr("The key it replaced, %1…, keeps working until %2: deleting this one does not stop it.")
                .arg(section.replacedStart).arg(section.session.format.dateTime(section.replacedWorksUntil))
              : ""
        text: replacedNote === "" ? stopsNote : stopsNote + " " + replacedNote
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: section.key.deleteKey(permanent.checked)
    }

    ConfirmDialog {
        id: confirmReroll
        objectName: "confirm-reroll"
        title: qsTr("Reroll this key?")
        confirmText: qsTr("Reroll")
        onConfirmed: {
            const ms = section.graceChoices[grace.currentIndex].ms;
            // keys.rerollKey rounds up to the next whole minute (0: at once).
            section.oldKeyExpires = ms === 0 ? Date.now() : Math.ceil((Date.now() + ms) / 60000) * 60000;
            section.oldWasEnabled = section.key.enabled;
            section.oldExpiresBefore = section.key.expires;
            section.key.reroll(ms);
        }
    }

    // A FormDialog for its shown-once rule: while the new key would be lost (not copied, not
    // recoverable), Esc, Done and the window's close ask first, as the issue and root key dialogs.
    FormDialog {
        id: rerolled
        objectName: "rerolled-dialog"
        title: qsTr("New key")
        shownOnce: rerolledKey
        canAccept: false // no form: Ctrl+Enter sends nothing, nor closes it past the shown-once question
        anchors.centerIn: Overlay.overlay
        width: Math.min(760, Overlay.overlay ? Overlay.overlay.width - 48 : 760)
        /// What the reroll did, set when the dialog opens (the old key reloads meanwhile).
        property string outcome
        onAboutToShow: {
            outcome = section.rerollOutcome(section.oldKeyExpires, section.oldWasEnabled, section.oldExpiresBefore,
                                            Date.now());
        }
        // Walkthrough J10: it opened with no button focused, so Enter did nothing.
        onOpened: rerolledKey.focusCopy()
        // Done and Esc stay on the old key, whose page then says what replaced it.
        onClosed: {
            section.key.forgetNewKey();
            section.newKeyClosed();
        }

        Connections {
            target: section.key
            function onNewKeyChanged() {
                if (section.key.newKey !== "")
                    rerolled.open();
            }
        }

        // The same show-once block as the issue-key dialog: warning, key, verify line, copy buttons.
        ShowOnceKey {
            id: rerolledKey
            width: parent.width
            keyText: section.key.newKey
            keyId: section.key.newKeyId
            curlText: section.key.curlCommand
            // The server rerolls a recoverable key into a recoverable one.
            recoverable: section.key.recoverable === 1
            rootKeyFile: section.session.rootKeyFile
            onCopyRequested: text => section.key.copyToClipboard(text)
        }

        footer: Pane {
            padding: 12
            RowLayout {
                anchors.fill: parent
                Label {
                    objectName: "rerolled-outcome"
                    Layout.fillWidth: true
                    text: rerolled.outcome
                    wrapMode: Text.Wrap
                    opacity: 0.7
                }
                // As in every shown-once dialog (issue, root key): the way on flat, Done last and
                // filled (walkthrough 21 W14: here they were the other way round).
                FocusButton {
                    objectName: "rerolled-open"
                    text: qsTr("Open new key")
                    flat: true
                    // The key leaves the screen as with Done: asks first while it would be lost.
                    onClicked: {
                        const keyId = section.key.newKeyId;
                        const oldExpires = section.oldKeyExpires;
                        const oldWasEnabled = section.oldWasEnabled;
                        rerolled.closeThen(() => section.newKeyOpened(keyId, oldExpires, oldWasEnabled));
                    }
                }
                FocusButton {
                    objectName: "rerolled-done"
                    text: qsTr("Done")
                    highlighted: true
                    onClicked: rerolled.cancel() // asks while the key would be lost
                }
            }
        }
    }
}
