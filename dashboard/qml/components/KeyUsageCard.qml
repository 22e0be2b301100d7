import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The key page's usage: the web console's charts and recent verifications of the key
// ("#/keys/<keyId>"), at the height they need, scrolling with the page.
Pane {
    id: card

    required property KeyDetailController key
    required property Session session

    objectName: "key-charts"
    Layout.preferredHeight: keyCharts.implicitHeight
    Material.elevation: 1
    padding: 0
    // Only for a key that loaded: for one that is not there the console would ask the server for
    // it once more. (The loader's implicit height is its view's.)
    Loader {
        id: keyCharts
        anchors.fill: parent
        active: card.key.loaded
        sourceComponent: ConsoleView {
            // The charts' heading names the key ("Usage of “…”"): it follows a rename as the
            // page's own title does.
            readonly property string keyName: card.key.name // qmllint disable unqualified
            onKeyNameChanged: renamed()
            session: card.session // qmllint disable unqualified
            view: "/keys/" + card.key.keyId // qmllint disable unqualified
            dark: card.Material.theme === Material.Dark // qmllint disable unqualified
        }
    }
}
