import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// A yes/no question before something that cannot be undone or that is risky. Esc or "Cancel"
// closes it without effect, and Cancel has the focus, so a stray Enter does nothing harmful. The
// buttons are our own (translated) rather than standard buttons, whose texts would come from
// Qt's translations. Enter (as Space) presses the focused button, which shows a frame: Cancel
// when the dialog opens, so it is the default.
Dialog {
    id: dialog

    property string text
    property string confirmText: qsTr("OK")
    property string cancelText: qsTr("Cancel")
    /// Colours the confirm button as a warning (delete, disable, insecure connection): a deep red
    /// with white text in both themes (the dark theme's own red accent is a pale pink).
    property bool destructive: false

    /// Confirm was pressed; emitted once the dialog is closing, so a handler may ask the next
    /// question with open() at once.
    signal confirmed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    closePolicy: Popup.CloseOnEscape

    // Cancel shows its frame: the default, to a keyboard user (opened by a click, no keyboard
    // frame: walkthrough 22, X16; the first Tab shows it). From the second opening on, the button
    // still holds the focus within the popup, so forceActiveFocus() changes nothing and the focus
    // reason stays the one it got back with (no frame, W7 J4): the reason is set as well.
    onOpened: {
        const reason = LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason;
        cancelButton.forceActiveFocus(reason);
        cancelButton.focusReason = reason;
    }
    onAccepted: confirmWhenClosing.start()
    // confirmed() once the dialog is closing: Qt 6.4 emits accepted before it closes the dialog, so
    // a handler that asked the next question at once (open() again) had it hidden by that close.
    Timer {
        id: confirmWhenClosing
        interval: 0
        onTriggered: dialog.confirmed()
    }

    // The question wraps in a layout, which sets its width when it lays out (polish), not while
    // the dialog is being resized: a Label bound to availableWidth re-wrapped within the dialog's
    // width change, its new height re-ran the dialog's implicitHeight binding, and that resize gave
    // the title its width only then, whose new implicit height re-ran the same binding inside
    // itself ("Binding loop detected for property implicitHeight", e.g. when the window's overlay
    // is still 0 wide as a page's dialog is made).
    ColumnLayout {
        width: dialog.availableWidth
        Label {
            Layout.fillWidth: true
            text: dialog.text
            wrapMode: Text.Wrap
        }
    }

    footer: Pane {
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Item {
                Layout.fillWidth: true
            }
            FocusButton {
                id: cancelButton
                text: dialog.cancelText
                flat: true
                Accessible.name: dialog.cancelText
                onClicked: dialog.reject()
            }
            FocusButton {
                id: confirmButton
                objectName: "confirmButton"
                text: dialog.confirmText
                highlighted: true
                Material.accent: dialog.destructive ? Material.color(Material.Red, Material.Shade700) : dialog.Material.accent
                Accessible.name: dialog.confirmText
                onClicked: dialog.accept()
            }
        }
    }
}
