import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One labelled field of a form with its validation message underneath.
ColumnLayout {
    id: formField

    property string label
    property string hint
    property string error
    default property alias content: holder.data

    /// FocusScroller shows the whole field (its label too) for a focused control inside it.
    readonly property bool labelsItsControl: true

    spacing: 2
    Layout.fillWidth: true

    Label {
        text: formField.label
        font.bold: true
    }
    ColumnLayout {
        id: holder
        Layout.fillWidth: true
    }
    Label {
        Layout.fillWidth: true
        visible: formField.hint !== "" && formField.error === ""
        text: formField.hint
        opacity: 0.7
        font.pixelSize: 12
        wrapMode: Text.Wrap
    }
    Label {
        objectName: "fieldError"
        Layout.fillWidth: true
        visible: formField.error !== ""
        text: formField.error
        color: Material.color(Material.Red)
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
