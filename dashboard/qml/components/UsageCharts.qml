import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The usage charts on a page whose job is a list of keys (an API's keys, an owner's page): the
// console's compact summary of the view (its figures and the verifications by outcome, about
// 300 px), so the keys stay in sight, and every chart of the console one click away ("All
// charts", back with "Fewer charts"). The choice is remembered (settings.allCharts) for every
// such page and the next start. As tall as its content: it scrolls with the page.
ColumnLayout {
    id: charts

    required property Session session
    /// The console route, e.g. "/apis/<apiId>", "/identities/<identityId>".
    property string view
    property bool dark: false
    /// Every chart of the console rather than its compact summary.
    readonly property bool all: session.settings.allCharts

    spacing: 0

    ConsoleView {
        id: view
        Layout.fillWidth: true
        Layout.preferredHeight: implicitHeight // its content's height: it scrolls with the page
        session: charts.session
        view: charts.view
        dark: charts.dark
        compact: !charts.all
    }
    FocusToolButton {
        objectName: "allCharts"
        Layout.alignment: Qt.AlignRight
        Layout.rightMargin: 4
        visible: view.missing === "" // without the permission the view says so, there is nothing more
        text: charts.all ? qsTr("Fewer charts") : qsTr("All charts")
        onClicked: charts.session.settings.allCharts = !charts.all
    }
}
