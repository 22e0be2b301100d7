import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
import "TypeToSearch.js" as TypeToSearch

// The tool bar of a list page: the title, an optional search field (the text reaches `search`
// 250 ms after the last keystroke, so typing does not send a request per key) and the page's
// actions (children go to the right, or to a second row where one row is too narrow; a
// FocusToolButton or GatedButton each, which show the keyboard focus and take Enter).
//
// The search field and the actions keep their place and width through a language switch: each is
// as wide as its text needs in the longest of the dashboard's languages (measured from the
// translations: the page names its texts' `context`, gives the hint as `searchSource` and each
// action its `sourceText`, QT_TR_NOOP texts), and the title takes the room they leave, eliding.
ToolBar {
    id: bar

    property string title
    property string searchPlaceholder
    /// The search hint as written in the page (QT_TR_NOOP), measured in every language.
    property string searchSource
    /// The translation context of the page's texts: its file's name ("ApisPage").
    property string context
    /// What measures the texts in every language (the session's settings).
    property SettingsController settings: null
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

    /// @p texts (one text in every language), the widest in @p font, in pixels.
    function widestOf(texts: var, font: var): real {
        metrics.font = font;
        let widest = 0;
        for (const text of texts)
            widest = Math.max(widest, metrics.advanceWidth(font.capitalization === Font.AllUppercase ? text.toUpperCase() : text));
        return Math.ceil(widest);
    }
    /// @p source (a QT_TR_NOOP text of the page) in every language; just @p source without settings.
    function inEveryLanguage(source: string): var {
        return bar.settings ? bar.settings.inEveryLanguage(bar.context, source) : [source];
    }
    /// Gives each action with a `sourceText` the width of its longest translation, and the search
    /// field the width of its longest hint (the texts of every language do not change: once, and
    /// for an action added later).
    function measure(): void {
        searchWidth = Math.min(380, Math.max(220, widestOf(inEveryLanguage(searchSource !== "" ? searchSource : searchPlaceholder), field.font)
                                                  + field.leftPadding + field.rightPadding + 12));
        for (let i = 0; i < actionRow.children.length; ++i) {
            const action = actionRow.children[i];
            if (action.sourceText === undefined)
                continue;
            const button = action.button !== undefined ? action.button : action; // a GatedButton's own
            action.Layout.preferredWidth = Math.max(button.implicitBackgroundWidth + button.leftInset + button.rightInset,
                widestOf(inEveryLanguage(action.sourceText), button.font) + button.leftPadding + button.rightPadding);
        }
    }
    Component.onCompleted: measure()
    onSettingsChanged: measure()

    FontMetrics {
        id: metrics
    }
    /// The search field's width: its hint whole in every language, within reason.
    property real searchWidth: 220

    readonly property real edges: rows.anchors.leftMargin + rows.anchors.rightMargin
        + (back.visible ? back.implicitWidth + rows.gap : 0)
    /// What the title keeps at least beside the search field and the actions (it elides in it)
    /// before the actions move to a row of their own; the same in every language.
    readonly property real titleRoom: 200
    readonly property real actionsWidth: actionRow.implicitWidth > 0 ? actionRow.implicitWidth + rows.gap : 0
    /// The gap after the title, before the spacer that pushes the search field and the actions to
    /// the right: the row's spacing comes on both sides of that spacer, so even where it is 0 px
    /// wide the title and the search field are two gaps apart (this one and the field's own).
    readonly property real spacerGap: rows.gap
    // One row when the title's room, the search at its minimum width and the actions fit;
    // otherwise the actions move to a second row, on the right: long German or Spanish button
    // texts never push an action out of the window. Measured widths only: the same in every language.
    readonly property real oneRowWidth: edges + titleRoom + spacerGap
        + (field.visible ? searchMinimum + rows.gap : 0) + actionsWidth
    /// Whether the actions share the title's row (false: they have a row of their own).
    readonly property bool oneRow: oneRowWidth <= width
    /// The search field's width here: its own, or less down to its minimum where the title would
    /// get less than its room.
    readonly property real searchMinimum: 160
    readonly property real fieldWidth: Math.max(searchMinimum, Math.min(searchWidth,
        width - edges - titleRoom - spacerGap - rows.gap - (oneRow ? actionsWidth : 0)))

    // The title's row and the actions' (a grid with the actions spanning its columns gave the
    // search field a place that followed the title's width).
    ColumnLayout {
        id: rows
        readonly property real gap: 8 // between the parts of a row
        anchors.fill: parent
        // The actions end where the page's content does, as the title starts (walkthrough 23, Y7:
        // at 8 px, German's "Aktualisieren", as wide as its button, ended 14 px from the window's
        // edge, English and Spanish with room to spare in the same button).
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 0

        RowLayout {
            id: firstRow
            Layout.fillWidth: true
            spacing: rows.gap

            FocusToolButton {
                id: back
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
                text: bar.title
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
                // What the search field and the actions leave.
                Layout.maximumWidth: Math.max(0, bar.width - bar.edges - bar.spacerGap - (field.visible ? bar.fieldWidth + rows.gap : 0)
                                                 - (bar.oneRow ? bar.actionsWidth : 0))
            }
            Item {
                Layout.fillWidth: true // the search field and the actions on the right
            }
            TextField {
                id: field
                objectName: "listSearch"
                visible: bar.searchPlaceholder !== ""
                // Wide enough for the whole hint in every language (German ones are long), within
                // reason; narrower (down to the minimum) rather than pushing the actions off.
                Layout.preferredWidth: bar.fieldWidth
                Layout.minimumWidth: bar.fieldWidth
                Layout.maximumWidth: bar.fieldWidth
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
            // The actions' place in this row when they fit in it (they lie over it, see below).
            Item {
                visible: bar.oneRow && actionRow.implicitWidth > 0
                Layout.preferredWidth: actionRow.implicitWidth
                Layout.preferredHeight: actionRow.implicitHeight
            }
        }
        // The actions' own row when they do not fit beside the title, on the right; in the title's
        // row otherwise (over the place kept there). They never change parent: a layout that
        // got them while hidden was not laid out again.
        Item {
            id: secondRow
            Layout.fillWidth: true
            Layout.preferredHeight: bar.oneRow ? 0 : actionRow.implicitHeight

            RowLayout {
                id: actionRow
                objectName: "headerActions"
                anchors.right: parent.right
                y: bar.oneRow ? -(firstRow.height + height) / 2 : 0
                // On the indigo bar: the main action a shade off the bar — darker in the light theme
                // (whose accent is the bar's own indigo, so the button did not show), lighter in the
                // dark one — and disabled texts in a light grey rather than the light theme's dark one.
                Material.theme: Material.Dark
                Material.accent: bar.Material.theme === Material.Dark ? "#5c6bc0" : "#283593"
                spacing: 4
            }
        }
    }
}
