import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The landing page after connecting: the console's overview charts (verifications by outcome,
// top keys and owners), embedded so desktop and browser show the same.
Page {
    id: page

    required property Session session

    title: qsTr("Overview")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            Label {
                Layout.fillWidth: true
                text: page.title
                font.pixelSize: 20
                font.bold: true
            }
        }
    }

    ConsoleView {
        anchors.fill: parent
        session: page.session
        view: "/overview"
        dark: page.Material.theme === Material.Dark
    }
}
