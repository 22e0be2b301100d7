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
    /// Shows a ← button before the title (pages pushed on top of another, e.g. an owner).
    property bool backVisible: false

    /// Enter in the search field (the search is applied at once, without the debounce delay).
    signal searchAccepted()
    /// Down in the search field: the page moves the focus into its list.
    signal searchDown()
    signal backClicked()

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

    TextMetrics {
        id: hint
        font: field.font
        text: bar.searchPlaceholder
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 8
        spacing: 8

        ToolButton {
            visible: bar.backVisible
            text: "←"
            font.pixelSize: 18
            Layout.leftMargin: -8
            Accessible.name: qsTr("Back")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Back (Alt+Left)")
            onClicked: bar.backClicked()
        }
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
            // Wide enough for the whole hint in every language (German ones are long), within reason.
            Layout.preferredWidth: Math.min(380, Math.max(220, hint.advanceWidth + field.leftPadding + field.rightPadding + 12))
            Layout.minimumWidth: 160
            // Light text and hint on the coloured bar, in both themes.
            Material.theme: Material.Dark
            placeholderText: bar.searchPlaceholder
            selectByMouse: true
            ToolTip.visible: field.hovered && field.text === ""
            ToolTip.delay: 600
            ToolTip.text: qsTr("%1 (Ctrl+K)").arg(bar.searchPlaceholder)
            Accessible.name: bar.searchPlaceholder
            Accessible.role: Accessible.EditableText
            onTextChanged: debounce.restart()
            Keys.onEscapePressed: text = ""
            Keys.onDownPressed: bar.searchDown()
            onAccepted: {
                debounce.stop();
                bar.debounced = field.text.trim();
                bar.searchAccepted();
            }
        }
        RowLayout {
            id: actionRow
            spacing: 4
        }
    }
}
