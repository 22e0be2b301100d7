import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A list of names shown as removable chips, with a field that suggests existing entries from a
// searchable list model as the user types. Shared by PermissionPicker and RolePicker; the host
// changes `items` (or saves) in response to addRequested / removeRequested.
ColumnLayout {
    id: editor

    /// The names currently chosen.
    property var items: []
    /// A PagedListModel with a `search` property; `suggestionRole` names the role to offer.
    property var suggestions
    property string suggestionRole: "name"
    property string placeholderText
    /// What the add button says for a name that is not in the suggestions ("Create ...").
    property string newEntryText: qsTr("Add")
    property string accessibleName
    property string emptyText
    property bool busy: false
    /// Names that are not among the suggestions go to createRequested instead (roles must exist).
    property bool offerCreate: false
    property string createText: qsTr("Create and add")
    readonly property bool typedIsNew: offerCreate && field.text.trim() !== ""
                                       && !knows(field.text.trim(), suggestions ? suggestions.count : 0)

    signal addRequested(string name)
    signal createRequested(string name)
    signal removeRequested(string name)

    /// Whether @p name is one of the loaded suggestions (@p count only makes bindings re-run).
    function knows(name: string, count: int): bool {
        for (let i = 0; i < count; ++i) {
            if (suggestions.rowObject(i)[suggestionRole] === name)
                return true;
        }
        return false;
    }

    function submit(): void {
        const name = field.text.trim();
        if (name === "" || editor.items.indexOf(name) >= 0)
            return;
        if (typedIsNew)
            editor.createRequested(name);
        else
            editor.addRequested(name);
        field.text = "";
        suggestionPopup.close();
    }

    spacing: 6

    Label {
        visible: editor.items.length === 0 && editor.emptyText !== ""
        text: editor.emptyText
        opacity: 0.7
    }

    Flow {
        Layout.fillWidth: true
        spacing: 6
        visible: editor.items.length > 0

        Repeater {
            model: editor.items.map(name => ({ name: name, remove: () => editor.removeRequested(name) }))

            Button {
                required property var modelData
                text: modelData.name + "  ✕"
                flat: false
                font.capitalization: Font.MixedCase
                Accessible.name: qsTr("Remove %1").arg(modelData.name)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove %1").arg(modelData.name)
                onClicked: modelData.remove()
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true

        TextField {
            id: field
            objectName: editor.objectName + "-field"
            Layout.fillWidth: true
            placeholderText: editor.placeholderText
            Accessible.name: editor.accessibleName
            onTextEdited: {
                if (editor.suggestions)
                    editor.suggestions.search = text.trim();
                if (text.trim() !== "")
                    suggestionPopup.open();
                else
                    suggestionPopup.close();
            }
            onAccepted: editor.submit()
            Keys.onDownPressed: if (suggestionPopup.opened) list.forceActiveFocus()
        }
        Button {
            objectName: editor.objectName + "-add"
            text: editor.typedIsNew ? editor.createText : editor.newEntryText
            enabled: field.text.trim() !== "" && !editor.busy
            onClicked: editor.submit()
        }
    }

    Popup {
        id: suggestionPopup
        y: field.y + field.height + editor.y
        width: field.width
        height: Math.min(200, list.contentHeight + 8)
        padding: 4
        visible: opened && list.count > 0

        ListView {
            id: list
            anchors.fill: parent
            clip: true
            model: editor.suggestions
            // The suggestion model is C++ (no functions in its rows): the delegate fills the field.
            // qmllint disable unqualified
            delegate: ItemDelegate {
                required property var model
                width: ListView.view.width
                text: model[editor.suggestionRole]
                onClicked: {
                    field.text = text;
                    editor.submit();
                }
                Keys.onReturnPressed: clicked()
            }
            // qmllint enable unqualified
        }
    }
}
