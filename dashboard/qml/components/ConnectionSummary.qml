import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard
import "PermissionWords.js" as PermissionWords

// Which server the dashboard talks to, with which root key and permissions (in the Root keys
// page's words, PermissionWords.js; the raw permission in the tooltip); disconnect.
ColumnLayout {
    id: summary

    required property Session session
    readonly property Capabilities capabilities: session.capabilities

    spacing: 6

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 4
        Label { text: qsTr("Server"); opacity: 0.7 }
        Label {
            Layout.fillWidth: true
            text: summary.session.client.address
            elide: Text.ElideMiddle
        }
        Label { text: qsTr("Root key"); opacity: 0.7 }
        Label {
            Layout.fillWidth: true
            text: !summary.capabilities.known ? qsTr("unknown (the server does not say)")
                  : summary.capabilities.rootKeyName !== "" ? summary.capabilities.rootKeyName + " (" + summary.capabilities.rootKeyId + ")"
                  : summary.capabilities.rootKeyId
            elide: Text.ElideRight
        }
        Label { text: qsTr("Permissions"); opacity: 0.7; Layout.alignment: Qt.AlignTop }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                text: summary.capabilities.known ? qsTr("%n permission(s)", "", summary.capabilities.permissions.length)
                                                 : qsTr("unknown")
            }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: summary.capabilities.permissions
                    delegate: Label {
                        id: permission
                        required property string modelData
                        objectName: "permission-" + modelData
                        text: PermissionWords.words(modelData)
                        Accessible.description: modelData
                        HoverHandler { id: permissionHover }
                        ToolTip.visible: permissionHover.hovered
                        ToolTip.delay: 500
                        ToolTip.text: permission.modelData
                        font.pixelSize: 11
                        leftPadding: 6
                        rightPadding: 6
                        topPadding: 2
                        bottomPadding: 2
                        background: Rectangle {
                            radius: 4
                            color: "transparent"
                            border.color: "#808080"
                            opacity: 0.6
                        }
                    }
                }
            }
        }
    }
    FocusButton {
        id: disconnectButton
        text: qsTr("Disconnect")
        Accessible.name: qsTr("Disconnect from the server")
        onClicked: summary.session.disconnectFromServer()
    }
}
