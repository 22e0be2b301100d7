import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import "TypeToSearch.js" as TypeToSearch

// The tool bar of a list page: the title, an optional search field (the text reaches `search`
// 250 ms after the last keystroke, so typing does not send a request per key) and the page's
// actions (children go to the right, or to a second row where one row is too narrow; a
// FocusToolButton or GatedButton each, which show the keyboard focus and take Enter).
ToolBar {
    id: bar

    property string title
    property string searchPlaceholder
    readonly property string search: debounced
    property string debounced
    default property alias actions: actionRow.data
    /// What the page's last change did, said beside the title ("" for nothing).
    property string doneNote
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
    /// A key pressed in the page's list: a character typed there goes on in the search field.
    function typeIntoSearch(event: KeyEvent): void {
        TypeToSearch.into(field, event);
    }
    /// The text typed in the search field (a page's savedState()).
    readonly property string searchText: field.text
    /// Puts @p text in the search field and applies it at once (a page's restoreState()).
    function setSearch(text: string): void {
        field.text = text;
        debounce.stop();
        debounced = text.trim();
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

    // One row when everything fits with the search at its minimum width (it shrinks first);
    // otherwise the actions move to a second row, on the right: long German or Spanish button
    // texts never push an action out of the window.
    readonly property real oneRowWidth: grid.anchors.leftMargin + grid.anchors.rightMargin
        + (back.visible ? back.implicitWidth + grid.columnSpacing : 0)
        + Math.min(heading.implicitWidth, bar.width / 2) + 24
        + (field.visible ? field.Layout.minimumWidth + grid.columnSpacing : 0)
        + (actionRow.implicitWidth > 0 ? actionRow.implicitWidth + grid.columnSpacing : 0)
    /// Whether the actions share the title's row (false: they have a row of their own).
    readonly property bool oneRow: oneRowWidth <= width

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 8
        columnSpacing: 8
        rowSpacing: 0

        FocusToolButton {
            id: back
            Layout.row: 0
            Layout.column: 0
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
            id: heading
            Layout.row: 0
            Layout.column: 1
            text: bar.title
            font.pixelSize: 20
            font.bold: true
            elide: Text.ElideRight
            Layout.maximumWidth: bar.oneRow ? bar.width / 2 : bar.width - 220
        }
        // What the page's last action did ("✓ Root key “ci” revoked"), beside the title, in the
        // place of "✓ Saved" on the key page's cards: the list alone does not say it worked.
        Label {
            objectName: "doneNote"
            Layout.row: 0
            Layout.column: 2
            Layout.fillWidth: true
            Layout.minimumWidth: 16
            Layout.leftMargin: 8
            text: bar.doneNote !== "" ? "✓ " + bar.doneNote : ""
            elide: Text.ElideRight
            Accessible.role: Accessible.AlertMessage
            Accessible.name: bar.doneNote
            ToolTip.visible: truncated && noteHover.showsTip
            ToolTip.text: bar.doneNote
            TipHover {
                id: noteHover
            }
        }
        TextField {
            id: field
            objectName: "listSearch"
            Layout.row: 0
            Layout.column: 3
            visible: bar.searchPlaceholder !== ""
            // Wide enough for the whole hint in every language (German ones are long), within
            // reason; narrower (down to the minimum) rather than pushing the actions off.
            Layout.preferredWidth: Math.min(380, Math.max(220, hint.advanceWidth + field.leftPadding + field.rightPadding + 12))
            Layout.minimumWidth: 160
            Layout.fillWidth: true
            Layout.maximumWidth: Layout.preferredWidth
            // Light text and hint on the coloured bar, in both themes.
            Material.theme: Material.Dark
            placeholderText: bar.searchPlaceholder
            selectByMouse: true
            ToolTip.visible: field.hovered && field.text === ""
            ToolTip.delay: 600
            ToolTip.text: qsTr("%1 (Ctrl+F)").arg(bar.searchPlaceholder)
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
            objectName: "headerActions"
            // On the indigo bar: the main action a shade off the bar — darker in the light theme
            // (whose accent is the bar's own indigo, so the button did not show), lighter in the
            // dark one — and disabled texts in a light grey rather than the light theme's dark one.
            Material.theme: Material.Dark
            Material.accent: bar.Material.theme === Material.Dark ? "#5c6bc0" : "#283593"
            Layout.row: bar.oneRow ? 0 : 1
            Layout.column: bar.oneRow ? 4 : 0
            Layout.columnSpan: bar.oneRow ? 1 : 5
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            spacing: 4
        }
    }
}
