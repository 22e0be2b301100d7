import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "KeyColumns.js" as KeyColumns

// The column titles above KeyRow delegates; the box selects or clears every loaded row. Each
// title gets its line from 1024 px on (KeyColumns.js); a title longer than its column in a
// narrower table takes a second line rather than being cut, broken only between words: every
// column is at least as wide as its title's longest word (KeyColumnTitles).
Pane {
    id: header
    objectName: "keyTableHeader"

    property bool selectable: true
    property bool showOwner: true
    /// The "API" column (an owner's keys, which belong to several APIs).
    property bool showApi: false
    property bool allSelected: false
    /// Some rows are selected, not all: the box shows a dash (partly ticked).
    property bool someSelected: false

    /// The columns' widths (KeyColumns.js), from this header's width only.
    readonly property var columns: KeyColumns.widths(availableWidth, mono.averageCharacterWidth, showOwner, selectable, showApi,
                                                     titles.minimums, titles.wholes)

    signal selectAll(bool selected)

    FontMetrics {
        id: mono
        font: monoProbe.font
    }

    padding: 0
    leftPadding: 16
    rightPadding: KeyColumns.endPadding // as the rows': the scroll bar's room
    topPadding: 6
    bottomPadding: 6

    RowLayout {
        anchors.fill: parent
        spacing: KeyColumns.spacing
        // The rows' "Start" font (a Label's size, monospace), for the column widths; not shown.
        Label {
            id: monoProbe
            visible: false
            font.family: "monospace"
        }
        KeyColumnTitles {
            id: titles
        }
        CheckBox {
            id: selectAllBox
            visible: header.selectable
            padding: 0 // as the rows' box: without Material's 48 px touch frame
            verticalPadding: 0
            Layout.preferredWidth: header.columns.check
            Layout.minimumWidth: header.columns.check
            Layout.maximumWidth: header.columns.check
            // Ticked, partly ticked (some rows) or not, as the selection is; a click on a partly
            // ticked box ticks every row, as a desktop file list's does (walk 23/Y2: the box stayed
            // empty with half the rows ticked, and its click ticked all or none by chance).
            checkState: header.allSelected ? Qt.Checked : header.someSelected ? Qt.PartiallyChecked : Qt.Unchecked
            nextCheckState: function() {
                return selectAllBox.checkState === Qt.Checked ? Qt.Unchecked : Qt.Checked;
            }
            Accessible.name: qsTr("Select all loaded keys")
            onClicked: header.selectAll(selectAllBox.checkState === Qt.Checked) // toggled: not from partly ticked (checked both)
            FocusFrame { control: selectAllBox } // the keyboard focus, visible
        }
        Label {
            Layout.preferredWidth: header.columns.name
            Layout.minimumWidth: header.columns.name
            Layout.maximumWidth: header.columns.name
            text: titles.name
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: header.columns.start
            Layout.minimumWidth: header.columns.start
            Layout.maximumWidth: header.columns.start
            text: titles.start
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            visible: header.showOwner
            Layout.preferredWidth: header.columns.owner
            Layout.minimumWidth: header.columns.owner
            Layout.maximumWidth: header.columns.owner
            text: titles.owner
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            visible: header.showApi
            Layout.preferredWidth: header.columns.api
            Layout.minimumWidth: header.columns.api
            Layout.maximumWidth: header.columns.api
            text: titles.api
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: header.columns.status
            Layout.minimumWidth: header.columns.status
            Layout.maximumWidth: header.columns.status
            text: titles.status
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: header.columns.credits
            Layout.minimumWidth: header.columns.credits
            Layout.maximumWidth: header.columns.credits
            horizontalAlignment: Text.AlignRight
            objectName: "creditsTitle"
            text: titles.credits
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            ToolTip.visible: creditsHover.showsTip
            ToolTip.delay: 600
            ToolTip.text: titles.creditsHint
            Accessible.description: titles.creditsHint
            TipHover {
                id: creditsHover
            }
        }
        Label {
            Layout.preferredWidth: header.columns.lastUsed
            Layout.minimumWidth: header.columns.lastUsed
            Layout.maximumWidth: header.columns.lastUsed
            horizontalAlignment: Text.AlignRight
            text: titles.lastUsed
            font.bold: true
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
