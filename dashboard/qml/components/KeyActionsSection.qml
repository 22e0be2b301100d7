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
    signal newKeyOpened(string keyId, real oldExpires)
    /// When the old key stops working, as the server computes it for the last reroll.
    property real oldKeyExpires: 0

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
            ready: section.savingNow["reveal"] !== true
            missing: section.session.capabilities.missing(section.key.permissionFor("decrypt_key"))
            onClicked: section.key.plaintext === "" ? section.key.reveal() : section.key.forgetPlaintext()
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
        ComboBox {
            id: grace
            objectName: "reroll-grace"
            Layout.preferredWidth: 280
            model: section.graceChoices
            textRole: "text"
            currentIndex: 1
            Accessible.name: qsTr("Grace period for the old key")
            onModelChanged: currentIndex = 1 // a language switch replaces the translated model
        }
        GatedButton {
            objectName: "key-reroll"
            text: qsTr("Reroll key")
            ready: section.savingNow["reroll"] !== true
            missing: section.session.capabilities.missing(section.key.permissionFor("create_key"))
            onClicked: {
                // Set when asked, not bound: the question names the grace period chosen now.
                confirmReroll.text = qsTr("A new key with the same settings replaces %1. %2.")
                    .arg(section.key.start !== "" ? section.key.start + "…" : section.key.keyId)
                    .arg(section.graceChoices[grace.currentIndex].text);
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
            objectName: "delete-permanent"
            text: qsTr("Permanently (cannot be recovered)")
        }
        GatedButton {
            objectName: "key-delete"
            text: qsTr("Delete key")
            button.Material.accent: Material.color(Material.Red, Material.Shade700) // white text reads on it in both themes
            highlighted: true
            ready: section.savingNow["delete"] !== true
            missing: section.session.capabilities.missing(section.key.permissionFor("delete_key"))
            onClicked: confirmDelete.open()
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
        title: qsTr("Delete this key?")
        text: permanent.checked
              ? qsTr("The key %1 stops working at once and is removed for good, with its rate limits and permissions.").arg(section.key.start)
              : qsTr("The key %1 stops working at once. It is kept in the database but cannot be used or shown here again.").arg(section.key.start)
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
            section.key.reroll(ms);
        }
    }

    Dialog {
        id: rerolled
        objectName: "rerolled-dialog"
        title: qsTr("New key")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(760, Overlay.overlay ? Overlay.overlay.width - 48 : 760)
        closePolicy: Popup.CloseOnEscape
        // Whichever way it closes (Done, Esc), the page then shows the new key: the old one only
        // has its grace period left.
        onClosed: {
            const keyId = section.key.newKeyId;
            section.key.forgetNewKey();
            if (keyId !== "")
                section.newKeyOpened(keyId, section.oldKeyExpires);
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
            width: parent.width
            keyText: section.key.newKey
            keyId: section.key.newKeyId
            curlText: section.key.curlCommand
            onCopyRequested: text => section.key.copyToClipboard(text)
        }

        footer: Pane {
            padding: 12
            RowLayout {
                anchors.fill: parent
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The old key keeps working until its grace period ends.")
                    wrapMode: Text.Wrap
                    opacity: 0.7
                }
                FocusButton {
                    objectName: "rerolled-done"
                    text: qsTr("Open new key")
                    highlighted: true
                    onClicked: rerolled.close()
                }
            }
        }
    }
}
