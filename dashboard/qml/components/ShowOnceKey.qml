import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// A freshly issued or rerolled key, shown this one time: the key with a copy button, optionally
// a ready curl line to verify it, and the warning that it cannot be shown again (or, for a
// recoverable key, where it can be shown again).
ColumnLayout {
    id: shown

    required property string keyText
    required property string keyId
    /// Verify command (the root key only as $ROOT_KEY); hidden when empty (no connection).
    /// Required: every host (issue, reroll) shows the same block.
    required property string curlText
    /// The local server's root key file when connected to it (Session.rootKeyFile): the command
    /// then sets ROOT_KEY from that file first.
    property string rootKeyFile: ""
    /// What is shown and copied: the curl line, after `ROOT_KEY="$(cat '<file>')"` when known.
    readonly property string command: curlText === "" || rootKeyFile === "" ? curlText
        : "ROOT_KEY=\"$(cat '" + rootKeyFile.replace(/'/g, "'\\''") + "')\"\n" + curlText
    /// The key is stored encrypted (issued or rerolled as recoverable): the warning then says a
    /// root key with decrypt permission can show it again, instead of "cannot be shown again".
    property bool recoverable: false
    /// The key was copied (its own Copy, or the command that holds it): closing loses nothing.
    property bool copied: false
    /// Closing the dialog now loses the key for good: not copied, and not stored to show again.
    /// The dialogs then ask first (walkthrough 20/8: one Esc and a root key was gone).
    readonly property bool wouldBeLost: keyText !== "" && !copied && !recoverable
    onKeyTextChanged: copied = false
    /// The dialogs' question before closing while wouldBeLost (FormDialog's discard question).
    readonly property string closeTitle: qsTr("Close without copying the key?")
    readonly property string closeText: qsTr("The key has not been copied, and it cannot be shown again: once this dialog is closed, it is gone for good.")
    /// The same asked as the whole window closes (its title bar, Alt+F4).
    readonly property string closeWindowText: qsTr("The key has not been copied, and it cannot be shown again: once the window is closed, it is gone for good.")
    readonly property string closeConfirmText: qsTr("Close", "close the dialog and lose the key shown once")
    readonly property string closeCancelText: qsTr("Back to the key")
    /// The user asked to copy @p text (the host puts it on the clipboard).
    signal copyRequested(string text)

    /// Gives the keyboard to "Copy": Enter then copies the key. The dialogs' other buttons (Open
    /// key, Done) leave it, and the key cannot be shown again, so they are not the default. Framed
    /// when the last press was a key (LastInput): not after a click on Issue or Create.
    function focusCopy(): void {
        copyKey.forceActiveFocus(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
    }

    spacing: 10
    /// The room right of the copy buttons for their focus frame (FocusFrame: 3 px outside).
    readonly property int frameRoom: 4

    Pane {
        Layout.fillWidth: true
        Material.background: Material.color(Material.Amber, Material.Shade100)
        Material.foreground: "#3e2723"
        padding: 12
        Accessible.role: Accessible.AlertMessage
        Accessible.name: warning.text

        Label {
            id: warning
            width: parent.width
            text: shown.recoverable
                  ? qsTr("Copy this key now. It is stored encrypted: a root key with the decrypt permission can show it again on the key page.")
                  : qsTr("Copy this key now. It is not stored in readable form and cannot be shown again.")
            wrapMode: Text.Wrap
            font.bold: true
        }
    }

    Label {
        text: qsTr("Key")
        font.bold: true
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            objectName: "new-key-text"
            Layout.fillWidth: true
            text: shown.keyText
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            // On whole pixels of its own, as the command below (walkthrough H5: its underscores).
            renderType: Text.NativeRendering
            layer.enabled: true
            Accessible.name: qsTr("The new key")
        }
        FocusButton {
            id: copyKey
            objectName: "copy-key"
            // Room for its focus frame, which lies 3 px outside the button: at the block's right
            // edge it was cut off by the dialog's scrolled area (walkthrough 22, X8).
            Layout.rightMargin: shown.frameRoom
            text: qsTr("Copy")
            highlighted: true
            Accessible.name: qsTr("Copy the key")
            onClicked: {
                shown.copyRequested(shown.keyText);
                shown.copied = true;
                keyCopiedTip.open();
            }
            // Under the button, right-aligned with it: above it, it covered the end of the warning
            // ("…cannot be shown again.", walkthrough 21 W12); under it lies only the short "Key ID"
            // line, at the left.
            ToolTip {
                id: keyCopiedTip
                objectName: "key-copied-tip"
                x: copyKey.width - width
                y: copyKey.height + 4
                timeout: 1500
                text: qsTr("Key copied")
            }
            // It answers the press on this button: gone once the focus moved on (walkthrough 22,
            // X10: it stayed over the next controls after Tab).
            onActiveFocusChanged: if (!activeFocus) keyCopiedTip.close()
        }
    }

    // The id in the key's own monospace font: in a proportional one I and l look alike (walk 20/20).
    RowLayout {
        visible: shown.keyId !== ""
        opacity: 0.75
        Label {
            text: qsTr("Key ID:")
        }
        Label {
            objectName: "new-key-id"
            text: shown.keyId
            font.family: "monospace"
        }
    }

    Label {
        visible: shown.curlText !== ""
        text: shown.rootKeyFile !== ""
              ? qsTr("Verify it (the first line reads the local server's root key from %1)").arg(shown.rootKeyFile)
              : qsTr("Verify it (set ROOT_KEY to a root key with verify permission first)")
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: shown.curlText !== ""
        Layout.fillWidth: true
        TextArea {
            objectName: "curl-text"
            Layout.fillWidth: true
            text: shown.command
            readOnly: true
            selectByMouse: true
            // At spaces (mid-word only for a word longer than a line): never inside $ROOT_KEY.
            wrapMode: TextEdit.Wrap
            font.family: "monospace"
            font.pixelSize: 12
            // Walkthrough H5: the monospace font's underscore is a one-pixel row at the foot of
            // the line, and Qt 6.4's text fields drop it at some fractional pixel rows (distance
            // field glyphs, the default, at several; native glyphs at a half pixel), so "$ROOT_KEY"
            // and the key read "$ROOT KEY". The block sits at fractions (a centred dialog, wrapped
            // labels above it, a scaled screen), and each line adds its own. Native glyphs drawn
            // into a layer of the field's own, whose pixels are whole wherever the field lies.
            renderType: Text.NativeRendering
            layer.enabled: true
            Accessible.name: qsTr("Command to verify the key")
        }
        FocusButton {
            id: copyCommand
            objectName: "copy-curl"
            Layout.rightMargin: shown.frameRoom
            text: qsTr("Copy")
            Accessible.name: qsTr("Copy the command")
            onClicked: {
                shown.copyRequested(shown.command);
                if (shown.command.indexOf(shown.keyText) >= 0)
                    shown.copied = true;
                commandCopiedTip.open();
            }
            // Above the button (under it is the dialog's footer), right-aligned with it: centred
            // on it, it stuck out of the dialog's right edge (walkthrough 22, X8).
            ToolTip {
                id: commandCopiedTip
                objectName: "command-copied-tip"
                x: copyCommand.width - width
                y: -height - 4
                timeout: 1500
                text: qsTr("Command copied")
            }
            onActiveFocusChanged: if (!activeFocus) commandCopiedTip.close()
        }
    }
}
