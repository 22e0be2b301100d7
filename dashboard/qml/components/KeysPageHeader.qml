import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Latchkey.Dashboard

// The keys page's bar: its title, the filter, "Charts" and Refresh, on one row from 1024 px on in
// every language (stop 23: with its own "Issue key" the buttons took a second row at 1024 px, a
// key row less in sight; the sidebar's "Issue key", beside it, pre-fills this API as it did, and
// Ctrl+N too). Refresh is its symbol, named in its tooltip: the rows follow the server by
// themselves, it is for keys added elsewhere.
ListPageHeader {
    id: bar

    required property Session session
    /// The charts are shown above the keys ("Charts" is on).
    property bool chartsShown
    signal refresh()

    settings: session.settings
    context: "KeysPageHeader"
    searchSource: QT_TR_NOOP("Filter by name, start or owner")
    searchPlaceholder: qsTr(searchSource)
    // A bulk action's outcome is said in the bulk bar, nothing beside the title: its room is the title's.

    // One short word that stays (it was "Hide charts" / "Show charts", which put the German
    // header's buttons on a second row at 1280 px); an underline shows that it is on.
    FocusToolButton {
        id: chartsToggle
        objectName: "chartsToggle"
        // Checked, Material draws the text in the accent colour, a shade of the bar's indigo
        // (it looked disabled while on): the text keeps the bar's full contrast instead.
        Material.accent: Material.foreground
        readonly property string sourceText: QT_TR_NOOP("Charts")
        text: qsTr(sourceText)
        checkable: true
        checked: bar.chartsShown
        // The tooltip follows a click also while it waits out its delay: ToolTipGuard.
        onToggled: bar.session.settings.listCharts = checked
        Accessible.name: bar.chartsShown ? qsTr("Hide charts") : qsTr("Show charts")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: Accessible.name
        Rectangle {
            objectName: "chartsToggle-on"
            visible: chartsToggle.checked
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: 8
            width: chartsToggle.contentItem.implicitWidth
            height: 2
            radius: 1
            color: chartsToggle.Material.foreground
        }
    }
    FocusToolButton {
        objectName: "refreshKeys"
        text: "↻"
        font.pixelSize: 20
        Accessible.name: qsTr("Refresh")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Refresh the list (keys added elsewhere too)")
        onClicked: bar.refresh()
    }
}
