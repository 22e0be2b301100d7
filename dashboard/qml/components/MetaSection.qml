import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// A key's or an owner's meta as JSON (keys.updateKey / identities.updateIdentity `meta`; empty
// clears it). Enter is a new line here (indented, MetaEditor): Save or Ctrl+S (KeySection) saves.
KeySection {
    id: section

    /// What is edited: a KeyDetailController (a key) or an OwnerDetail (an owner), which share
    /// `metaText, saveMeta()`, its save and the saving state KeySection reads.
    required property var source

    title: qsTr("Meta")
    field: "meta"
    controller: source
    dirty: touched && editor.text.trim() !== source.metaText
    valid: editor.valid
    problem: editor.problem
    problemBelow: true
    onSave: source.saveMeta(editor.text)
    onRevert: showSaved()

    function showSaved(): void {
        editor.text = source.metaText;
        touched = false;
    }
    /// The user edited since the last load; until then new saved values replace the text.
    property bool touched: false

    /// The source loaded anew (another save, Refresh): shown unless the user is editing.
    function reloaded(): void {
        if (!section.touched)
            showSaved();
    }

    Connections {
        target: section.source
        // A key says it reloaded with keyChanged, an owner with loaded (each lacks the other's).
        ignoreUnknownSignals: true
        function onKeyChanged() {
            section.reloaded();
        }
        function onLoaded() {
            section.reloaded();
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
        showsProblem: false // under Save and Discard (KeySection.problemBelow)
        onEdited: section.touched = true
    }
}
