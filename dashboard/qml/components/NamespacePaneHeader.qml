import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The title of a rate-limit namespace's pane ("Overrides of email.send") with what can be done to
// the namespace and in it: Rename, Delete, Set override, each greyed with the missing permission
// in its tooltip. It stands above the overrides and does not scroll away with them (walkthrough
// 23b, Y10: the list scrolled its own title and "Set override" out of sight). Where the title and
// the buttons do not fit side by side (a narrow pane, a longer language, a long name), the
// buttons go under the title, which is then cut only when it is wider than the whole pane.
GridLayout {
    id: header

    required property string namespaceName
    /// "" when the root key may rename this namespace, else the sentence naming the permission.
    property string mayNotRename
    property string mayNotDelete
    property string mayNotSetOverride
    /// The title and the buttons fit on one line.
    readonly property bool oneRow: width >= titleMetrics.advanceWidth + buttons.implicitWidth + columnSpacing + 1

    signal renameClicked()
    signal deleteClicked()
    signal setOverrideClicked()

    columns: oneRow ? 2 : 1
    columnSpacing: 8
    rowSpacing: 4

    TextMetrics {
        id: titleMetrics
        font: title.font
        text: title.text
    }
    Label {
        id: title
        objectName: "namespacePaneTitle"
        Layout.fillWidth: true
        text: qsTr("Overrides of %1").arg(header.namespaceName)
        font.bold: true
        font.pixelSize: 16
        elide: Text.ElideRight
    }
    RowLayout {
        id: buttons
        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
        spacing: 8
        GatedButton {
            objectName: "paneRenameNamespace"
            text: qsTr("Rename")
            flat: true
            missing: header.mayNotRename
            onClicked: header.renameClicked()
        }
        GatedButton {
            objectName: "paneDeleteNamespace"
            text: qsTr("Delete")
            flat: true
            missing: header.mayNotDelete
            onClicked: header.deleteClicked()
        }
        GatedButton {
            objectName: "paneSetOverride"
            text: qsTr("Set override")
            highlighted: true
            missing: header.mayNotSetOverride
            onClicked: header.setOverrideClicked()
        }
    }
}
