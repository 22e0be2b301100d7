import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The tool bar of a list page: the title, an optional search field (the text reaches `search`
// 250 ms after the last keystroke, so typing does not send a request per key) and the page's
// actions (children go to the right).
ToolBar {
    id: bar

    property string title
    property string searchPlaceholder
    readonly property string search: debounced
    property string debounced
    default property alias actions: actionRow.data

    function focusSearch() {
        field.forceActiveFocus();
        field.selectAll();
    }

    Material.elevation: 0

    Timer {
        id: debounce
        interval: 250
        onTriggered: bar.debounced = field.text.trim()
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 8
        spacing: 8

        Label {
            text: bar.title
            font.pixelSize: 20
            font.bold: true
            elide: Text.ElideRight
            Layout.maximumWidth: bar.width / 2
        }
        Item {
            Layout.fillWidth: true
        }
        TextField {
            id: field
            visible: bar.searchPlaceholder !== ""
            Layout.preferredWidth: 260
            placeholderText: bar.searchPlaceholder
            selectByMouse: true
            Accessible.name: bar.searchPlaceholder
            Accessible.role: Accessible.EditableText
            onTextChanged: debounce.restart()
            Keys.onEscapePressed: text = ""
        }
        RowLayout {
            id: actionRow
            spacing: 4
        }
    }
}
