import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Which server the dashboard talks to, with which root key and permissions (in the Root keys
// page's words, PermissionWords; the raw permission in the tooltip); disconnect. The local
// server says it is the one in this app and where its data is.
ColumnLayout {
    id: summary

    required property Session session
    readonly property Capabilities capabilities: session.capabilities
    /// The local server's root key file (in its data folder); "" for any other server.
    property string localKeyFile: session.rootKeyFile
    readonly property string dataFolder: localKeyFile.replace(/[\\/][^\\/]*$/, "")

    spacing: 6

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 4
        Label { text: qsTr("Server"); opacity: 0.7 }
        Label {
            objectName: "serverAddress"
            Layout.fillWidth: true
            text: summary.localKeyFile === "" ? summary.session.client.address
                  : qsTr("%1, the local server in this app").arg(summary.session.client.address)
            elide: Text.ElideMiddle
        }
        Label { visible: summary.localKeyFile !== ""; text: qsTr("Data folder"); opacity: 0.7 }
        Label {
            objectName: "dataFolder"
            visible: summary.localKeyFile !== ""
            Layout.fillWidth: true
            text: summary.dataFolder
            elide: Text.ElideMiddle
            ToolTip.visible: truncated && dataFolderHover.showsTip
            ToolTip.delay: 500
            ToolTip.text: text
            TipHover { id: dataFolderHover }
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
                        text: PermissionWords.words(modelData, PermissionWords.revision)
                        Accessible.description: modelData
                        TipHover { id: permissionHover }
                        ToolTip.visible: permissionHover.showsTip
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
