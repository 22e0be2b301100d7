import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "TypeToSearch.js" as TypeToSearch

// A titled, searchable list with a create button and a delete button per row, used twice by the
// Permissions page (permissions, roles; a role opens on a click or Enter). The delegate text comes from `primary`/`secondary`
// functions of the page, the model is any PagedListModel.
ColumnLayout {
    id: panel

    required property var listModel
    required property string heading
    required property string searchPlaceholder
    required property string createText
    required property string createMissing
    required property string deleteMissing
    required property string emptyTitle
    required property string emptyHint
    /// (row properties) => the line shown, and the line under it.
    required property var primary
    required property var secondary
    /// Why the root key may not read this list (Capabilities.missing()); "" when it may. The
    /// page does not fetch it then; the placeholder says so.
    property string readMissing
    /// The page waits for what the root key may do before it fetches (a spinner meanwhile).
    property bool waiting: false
    /// The lines `secondary` may wrap into before it is elided (a role's description and grants).
    property int secondaryLines: 1

    signal createRequested()
    signal deleteRequested(var row)
    /// A row was clicked, or Enter pressed on it (the page may open it).
    signal activated(var row)

    function focusSearch() {
        searchField.forceActiveFocus();
    }
    /// Delete on the row at @p index: the page asks to confirm; once the model says removed()
    /// the keyboard goes to the next row (RemovalFocus).
    function requestDelete(index: int, row: var): void {
        removalFocus.removing(index);
        deleteRequested(row);
    }
    /// Moves the keyboard into the list (Down or Enter in the search field), on its first row.
    function focusList(): void {
        list.forceActiveFocus(Qt.TabFocusReason);
        if (list.count > 0 && list.currentIndex < 0)
            list.currentIndex = 0;
    }

    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: panel.heading
            font.bold: true
            font.pixelSize: 16
        }
        GatedButton {
            text: panel.createText
            missing: panel.createMissing
            onClicked: panel.createRequested()
        }
    }
    TextField {
        id: searchField
        Layout.fillWidth: true
        placeholderText: panel.searchPlaceholder
        selectByMouse: true
        Accessible.name: panel.searchPlaceholder
        onTextChanged: debounce.restart()
        Keys.onEscapePressed: text = ""
        Keys.onDownPressed: panel.focusList()
        onAccepted: panel.focusList()
        Timer {
            id: debounce
            interval: 250
            onTriggered: panel.listModel.search = searchField.text.trim()
        }
    }
    ListView {
        id: list
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: panel.listModel
        // In the Tab chain after the search field; the arrows move the current row there.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: panel.heading
        Keys.onPressed: event => TypeToSearch.into(searchField, event)

        // The panel's properties inside the delegate: fine at run time, but Qt 6.4's qmllint cannot
        // follow ids into a Component (pragma ComponentBehavior: Bound is 6.5+).
        // qmllint disable unqualified
        delegate: ItemDelegate {
            id: row
            required property int index
            required property var model

            width: ListView.view.width
            // Only in the list the keyboard is in: the page has two lists, each with a current
            // row, and both marked read as two rows chosen (walkthrough, issue 4).
            highlighted: ListView.isCurrentItem && ListView.view.activeFocus
            Accessible.name: panel.primary(model)
            onClicked: {
                ListView.view.currentIndex = index;
                panel.activated(row.model);
            }
            Keys.onReturnPressed: panel.activated(row.model)
            Keys.onEnterPressed: panel.activated(row.model)
            Keys.onDeletePressed: if (panel.deleteMissing === "") panel.requestDelete(row.index, row.model)
            ListFocusRing {
                row: row
            }

            contentItem: RowLayout {
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: panel.primary(row.model)
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: panel.secondary(row.model)
                        opacity: 0.7
                        wrapMode: Text.Wrap
                        maximumLineCount: panel.secondaryLines
                        elide: Text.ElideRight
                    }
                }
                GatedButton {
                    text: qsTr("Delete")
                    flat: true
                    missing: panel.deleteMissing
                    onClicked: panel.requestDelete(row.index, row.model)
                }
            }
        }
        // qmllint enable unqualified
        footer: ListFooter {} // follows the view's model
        // Placed from the top, not centred: the Permissions & roles page shows two lists side by
        // side, and their empty states' titles stay on one line although their hints wrap into
        // different numbers of lines (centred, the titles sat 10 px apart in German).
        ListPlaceholder {
            objectName: "named-list-placeholder"
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.round(list.height / 3)
            width: Math.min(parent.width - 32, 400)
            visible: list.count === 0
            missing: panel.readMissing
            loading: panel.listModel.loading || panel.waiting
            error: panel.listModel.failed ? panel.listModel.errorDetail : ""
            onRetry: panel.listModel.refresh()
            title: panel.listModel.search !== "" ? qsTr("Nothing matches “%1”.").arg(panel.listModel.search) : panel.emptyTitle
            hint: panel.listModel.search !== "" ? "" : panel.emptyHint
        }
    }

    RemovalFocus {
        id: removalFocus
        view: list
        fallback: searchField
    }
    Connections {
        target: panel.listModel
        ignoreUnknownSignals: true
        function onRemoved() {
            removalFocus.done();
        }
    }
}
