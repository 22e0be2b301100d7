import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// TagListEditor's suggestions for what is typed in its field: the loaded names that match, each
// with what it stands for, then the typed name as an entry of its own ("Create … for the whole
// workspace") and, after an Enter that did not create it, why. Opened and closed by the editor.
Popup {
    id: popup

    /// The TagListEditor whose field this completes (var: the editor's own type is not known here).
    required property var editor
    /// The row of the editor's field: the popup opens below or above it, never over it.
    required property Item fieldRow
    /// The field: Up from the first entry goes back to it.
    required property Item field
    /// The highlighted suggestion (what Enter in the field takes) and how many there are.
    readonly property int currentIndex: list.currentIndex
    readonly property int count: list.count

    // Below the field, never over it; above it when `bounds` (the window) has no room for it
    // below (a field near the bottom) and more above; as tall as that side's room at most.
    property bool above: false
    /// The room on the side it opens to.
    property real room: 240
    readonly property real wanted: Math.min(240, offers.implicitHeight + topPadding + bottomPadding)
    /// What it stays inside (var: Qt 6.4's qmllint types the overlay as a QObject).
    readonly property var area: popup.editor.bounds ? popup.editor.bounds : popup.editor.Overlay.overlay
    y: above ? popup.fieldRow.y - height - 2 : popup.fieldRow.y + popup.fieldRow.height + 2
    function place(): void {
        if (!area)
            return;
        const fieldTop = popup.editor.mapToItem(area, 0, popup.fieldRow.y).y;
        const margin = 8; // clear of the edge, not cut off by it
        const roomBelow = area.height - margin - (fieldTop + popup.fieldRow.height + 2);
        const roomAbove = fieldTop - 2 - margin;
        above = roomBelow < wanted && roomAbove > roomBelow;
        room = above ? roomAbove : roomBelow;
    }
    onAboutToShow: place()
    onWantedChanged: if (visible) place()
    width: popup.field.width
    height: Math.min(wanted, room)
    padding: 4

    /// A suggestion was clicked or Entered.
    signal chosen(string name)
    /// The typed name's own entry was: create it.
    signal createChosen()

    /// Down in the field: to the first suggestion, else to the typed name's entry.
    function enterFromField(): void {
        if (list.count > 0)
            list.forceActiveFocus();
        else if (createItem.visible)
            createItem.forceActiveFocus();
    }

    ColumnLayout {
        id: offers
        anchors.fill: parent
        spacing: 0

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(200, contentHeight)
            Layout.fillHeight: true // what gives way in a popup short of room: it scrolls
            visible: count > 0
            clip: true
            model: popup.editor.suggestions
            // The current suggestion (the first, as the list loads) is highlighted: it is what
            // Enter in the field takes.
            Keys.onUpPressed: {
                if (currentIndex > 0)
                    decrementCurrentIndex();
                else
                    popup.field.forceActiveFocus();
            }
            Keys.onDownPressed: {
                if (currentIndex < count - 1)
                    incrementCurrentIndex();
                else if (createItem.visible)
                    createItem.forceActiveFocus();
            }
            // The suggestion model is C++ (no functions in its rows): the delegate fills the field.
            // qmllint disable unqualified
            delegate: ItemDelegate {
                id: suggestion
                required property var model
                readonly property string detail: popup.editor.details[text] ?? ""
                readonly property string description: popup.editor.descriptions[text] ?? ""
                width: ListView.view.width
                text: model[popup.editor.suggestionRole]
                highlighted: ListView.isCurrentItem
                Accessible.description: popup.editor.about(text)
                // The name, and under it its description and what it stands for (a role's permissions).
                contentItem: Column {
                    spacing: 2
                    Label {
                        width: parent.width
                        text: suggestion.text
                        font: suggestion.font
                        elide: Text.ElideRight
                    }
                    Label {
                        width: parent.width
                        visible: suggestion.description !== ""
                        text: suggestion.description
                        font.pixelSize: 12
                        font.italic: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        width: parent.width
                        visible: suggestion.detail !== ""
                        text: suggestion.detail
                        font.pixelSize: 12
                        opacity: 0.7
                        wrapMode: Text.Wrap
                    }
                }
                onClicked: popup.chosen(text)
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
            // qmllint enable unqualified
        }

        // Enter did not create the typed name: why, and what does.
        Label {
            objectName: popup.editor.objectName + "-refused"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: popup.editor.refusedName !== "" && popup.editor.refusedName === popup.editor.typedName
            text: popup.editor.refusedText.arg(popup.editor.refusedName)
            wrapMode: Text.Wrap
            font.pixelSize: 12
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        // The typed name as an entry of its own, after the existing ones it may be a typo of.
        ItemDelegate {
            id: createItem
            FocusFrame { control: createItem } // the keyboard focus, visible
            objectName: popup.editor.objectName + "-create"
            Layout.fillWidth: true
            visible: popup.editor.typedIsUnknown && popup.editor.typedProblem === ""
            text: popup.editor.createItemText.arg(popup.editor.typedName)
            font.italic: true
            // The whole sentence, on a second line where the field is short (it was cut to
            // "Create permission “search” for the w…" on the key page at 1280 px, walk 21 W7).
            contentItem: Label {
                text: createItem.text
                font: createItem.font
                wrapMode: Text.Wrap
            }
            onClicked: popup.createChosen()
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
            Keys.onUpPressed: {
                if (list.count > 0) {
                    list.currentIndex = list.count - 1;
                    list.forceActiveFocus();
                } else {
                    popup.field.forceActiveFocus();
                }
            }
        }
    }
}
