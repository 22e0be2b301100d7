import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Why a dialog's request failed, in the dialog itself, above its buttons (FormDialog's footer):
// what went wrong in the UI's language and, when they say more, the server's own words. The error
// banner would be behind the modal dialog.
ColumnLayout {
    id: root

    /// What went wrong ("" hides the line).
    property string text
    /// The server's own words, when they differ from `text` (a translated known error).
    property string serverDetail

    visible: text !== ""
    spacing: 2

    Label {
        objectName: "dialog-error"
        Layout.fillWidth: true
        text: root.text
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Material.color(Material.Red)
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Label {
        objectName: "dialog-error-server"
        Layout.fillWidth: true
        visible: root.serverDetail !== ""
        text: qsTr("Server: %1").arg(root.serverDetail)
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        opacity: 0.7
        font.pixelSize: 12
    }
}
