import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A yes/no question before something that cannot be undone or that is risky. Esc or "Cancel"
// closes it without effect; the buttons are our own (translated) rather than standard buttons,
// whose texts would come from Qt's translations.
Dialog {
    id: dialog

    property string text
    property string confirmText: qsTr("OK")
    property string cancelText: qsTr("Cancel")
    /// Colours the confirm button as a warning (delete, disable, insecure connection).
    property bool destructive: false

    signal confirmed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    closePolicy: Popup.CloseOnEscape

    onOpened: cancelButton.forceActiveFocus()

    contentItem: Label {
        text: dialog.text
        wrapMode: Text.Wrap
    }

    footer: DialogButtonBox {
        Button {
            id: cancelButton
            text: dialog.cancelText
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            text: dialog.confirmText
            highlighted: true
            Material.accent: dialog.destructive ? Material.Red : Material.Indigo
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: confirmed()
}
