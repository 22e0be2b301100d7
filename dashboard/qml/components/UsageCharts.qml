import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The usage charts on a page whose job is a list of keys (an API's keys, an owner's page): the
// console's compact summary of the view (its figures and the verifications by outcome, about
// 300 px), so the keys stay in sight, and every chart of the console one click away ("All
// charts", back with "Fewer charts"). Every page opens on its summary, and hidden charts (the
// keys page's "Charts") come back as it: remembered, the full charts of one API opened the next
// API ~1500 px above its keys (walkthrough 20/10). As tall as its content: it scrolls with the page.
// "All charts" lies over the end of the summary's legend row, which the console leaves free for
// it, not in a row of its own (issue 4: that row cost a key row at 1280 × 800); "Fewer charts"
// stands under the whole console.
Item {
    id: charts

    required property Session session
    /// The console route, e.g. "/apis/<apiId>", "/identities/<identityId>".
    property string view
    property bool dark: false
    /// Every chart of the console rather than its compact summary ("All charts"), until hidden.
    property bool all: false

    // Not on `visible`: a page under another one is hidden too, and its place in its list kept.
    Connections {
        target: charts.session.settings
        function onListChartsChanged() {
            charts.all = false;
        }
    }

    implicitHeight: view.implicitHeight + (all && more.visible ? more.height : 0)

    ConsoleView {
        id: view
        width: parent.width
        height: implicitHeight // its content's height: it scrolls with the page
        session: charts.session
        view: charts.view
        dark: charts.dark
        compact: !charts.all
        legendEndInset: Math.ceil(more.implicitWidth) + 16
    }

    FocusToolButton {
        id: more
        objectName: "allCharts"
        // The summary's legend is the last line of its card, 20 px tall: its middle 10 px over the
        // card's 10 px padding and 1 px border, the card 12 px from the view's edge, its text 14 px
        // in (console/src/styles.css, .view-compact): the button's text is centred on that line
        // (clear of the chart's time labels above it, walk 20/9) and ends where the legend's would.
        x: view.width - width - 14
        y: charts.all ? view.height : view.height - 33 - height / 2
        visible: view.missing === "" // without the permission the view says so, there is nothing more
        text: charts.all ? qsTr("Fewer charts") : qsTr("All charts")
        onClicked: charts.all = !charts.all
    }
}
