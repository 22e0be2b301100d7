import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key's meta as JSON (keys.updateKey `meta`; empty clears it). Enter is a new line here, so
// only the Save button saves.
KeySection {
    id: section

    required property KeyDetailController key

    title: qsTr("Meta")
    field: "meta"
    controller: key
    dirty: touched && editor.text.trim() !== key.metaText
    valid: editor.valid
    problem: editor.problem
    onSave: key.saveMeta(editor.text)
    onRevert: showSaved()

    function showSaved(): void {
        editor.text = key.metaText;
        touched = false;
    }
    /// The user edited since the last load; until then new saved values replace the text.
    property bool touched: false

    Connections {
        target: section.key
        function onKeyChanged() {
            if (!section.touched)
                section.showSaved();
        }
        function onSaved(field: string) {
            if (field === "meta")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()

    MetaEditor {
        id: editor
        Layout.fillWidth: true
        onEdited: section.touched = true
    }
}
