import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Latchkey.Dashboard

// The landing page after connecting: the console's overview charts (verifications by outcome,
// top keys and owners), embedded so desktop and browser show the same.
Page {
    id: page

    required property Session session

    title: qsTr("Overview")

    ConsoleView {
        anchors.fill: parent
        session: page.session
        view: "/overview"
        dark: page.Material.theme === Material.Dark
    }
}
