import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "KeyColumns.js" as KeyColumns

// The column titles above KeyRow delegates; the box selects or clears every loaded row.
Pane {
    id: header

    property bool selectable: true
    property bool showOwner: true
    property bool allSelected: false

    signal selectAll(bool selected)

    padding: 0
    leftPadding: 16
    rightPadding: 16
    topPadding: 6
    bottomPadding: 6

    RowLayout {
        anchors.fill: parent
        spacing: 12
        CheckBox {
            visible: header.selectable
            Layout.preferredWidth: KeyColumns.checkWidth
            Layout.minimumWidth: KeyColumns.checkWidth
            Layout.maximumWidth: KeyColumns.checkWidth
            checked: header.allSelected
            Accessible.name: qsTr("Select all loaded keys")
            onToggled: header.selectAll(checked)
        }
        Label {
            Layout.fillWidth: true
            Layout.minimumWidth: KeyColumns.nameWidth
            Layout.preferredWidth: KeyColumns.nameWidth
            text: qsTr("Name")
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: KeyColumns.startWidth
            Layout.minimumWidth: KeyColumns.startWidth
            Layout.maximumWidth: KeyColumns.startWidth
            text: qsTr("Start", "the first characters of a key")
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            visible: header.showOwner
            Layout.preferredWidth: KeyColumns.ownerWidth
            Layout.minimumWidth: KeyColumns.ownerWidth
            Layout.maximumWidth: KeyColumns.ownerWidth
            text: qsTr("Owner")
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: KeyColumns.statusWidth
            Layout.minimumWidth: KeyColumns.statusWidth
            Layout.maximumWidth: KeyColumns.statusWidth
            text: qsTr("Status")
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: KeyColumns.creditsWidth
            Layout.minimumWidth: KeyColumns.creditsWidth
            Layout.maximumWidth: KeyColumns.creditsWidth
            horizontalAlignment: Text.AlignRight
            text: qsTr("Credits left")
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: KeyColumns.lastUsedWidth
            Layout.minimumWidth: KeyColumns.lastUsedWidth
            Layout.maximumWidth: KeyColumns.lastUsedWidth
            horizontalAlignment: Text.AlignRight
            text: qsTr("Last used")
            font.bold: true
            elide: Text.ElideRight
        }
    }
}
