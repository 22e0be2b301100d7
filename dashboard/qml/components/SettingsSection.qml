import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A titled card on the Settings page; its children are laid out in a column.
Pane {
    id: section

    property string title
    default property alias content: column.data

    Material.elevation: 1
    padding: 16

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: 8

        Label {
            text: section.title
            font.pixelSize: 16
            font.bold: true
            Accessible.role: Accessible.Heading
        }
    }
}
