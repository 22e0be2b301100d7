import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a list shows instead of rows: a spinner while the first page loads, otherwise a title and
// a hint that says what to do next (empty states tell the user how to get data in).
ColumnLayout {
    id: root

    property bool loading: false
    property string title
    property string hint

    spacing: 8

    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: root.loading
        visible: root.loading
        Accessible.name: qsTr("Loading")
    }
    Label {
        Layout.fillWidth: true
        visible: !root.loading
        text: root.title
        font.bold: true
        font.pointSize: 13
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
    }
    Label {
        Layout.fillWidth: true
        visible: !root.loading && root.hint.length > 0
        text: root.hint
        opacity: 0.75
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
    }
}
