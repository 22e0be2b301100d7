import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// "Start a local server": latchkeyd inside this app, over a data folder on this computer.
Pane {
    id: card

    required property LocalServerController localServer

    Material.elevation: 2
    padding: 20

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label {
            text: qsTr("Start a local server")
            font.pixelSize: 18
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.8
            text: qsTr("Runs a Latchkey server inside this app, with its data on this computer. Nothing to install or configure.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            font.pixelSize: 12
            opacity: 0.65
            text: qsTr("Data folder: %1").arg(card.localServer.dataDir)
        }
        RowLayout {
            Layout.fillWidth: true
            BusyIndicator {
                running: card.localServer.starting
                visible: running
                Layout.preferredHeight: 36
                Layout.preferredWidth: 36
            }
            Label {
                Layout.fillWidth: true
                visible: card.localServer.running
                text: qsTr("Running at %1").arg(card.localServer.address)
            }
            Item { Layout.fillWidth: !card.localServer.running }
            FocusButton {
                id: startButton
                objectName: "startLocalServer"
                visible: !card.localServer.running
                text: qsTr("Start a local server")
                highlighted: true
                enabled: !card.localServer.starting
                Accessible.name: qsTr("Start a local server")
                onClicked: card.localServer.start()
            }
            // Still running after "Disconnect": back in with the key it handed out, or stop it.
            FocusButton {
                id: openButton
                objectName: "openLocalServer"
                visible: card.localServer.running
                text: qsTr("Open")
                highlighted: true
                Accessible.name: qsTr("Open the local server")
                onClicked: card.localServer.reopen()
            }
            FocusButton {
                id: stopButton
                objectName: "stopLocalServer"
                visible: card.localServer.running
                text: qsTr("Stop")
                Accessible.name: qsTr("Stop the local server")
                onClicked: card.localServer.stop()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: card.localServer.error !== ""
            wrapMode: Text.Wrap
            color: card.Material.theme === Material.Dark ? "#ffb4ab" : "#b3261e"
            text: card.localServer.error
        }
    }
}
