import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// A key's named rate limits, or an owner's shared ones, edited as a list and saved together
// (keys.updateKey / identities.updateIdentity replace the limits by name).
KeySection {
    id: section

    /// What is edited: a KeyDetailController (a key) or an OwnerDetail (an owner), which share
    /// `ratelimits, saveRatelimits()`, its save and the saving state KeySection reads.
    required property var source

    function showSaved(): void {
        editor.load(source.ratelimits);
        edits = 0;
    }
    /// Edits since the last load: the editor's list is compared only when there are any.
    property int edits: 0

    /// What the editor says when there are no limits (a key's by default; the owner page's
    /// speaks of the owner's keys).
    property alias emptyText: editor.emptyText

    title: qsTr("Rate limits")
    field: "ratelimits"
    controller: source
    dirty: edits > 0 && !editor.holds(source.ratelimits)
    // Save greys on a draft the save would refuse (a limit of 0, a name too short), the reason in
    // its tooltip, as the meta card does (issue 4); Enter still shows it under the card.
    problem: edits > 0 ? check.problem(editor.value()) : ""
    valid: problem === ""
    onSave: source.saveRatelimits(editor.value())
    onRevert: showSaved()

    /// The source loaded anew (another save, Refresh): shown unless the user is editing.
    function reloaded(): void {
        if (section.edits === 0)
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
            if (field === "ratelimits")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()

    RatelimitsCheck {
        id: check
    }

    RatelimitsEditor {
        id: editor
        Layout.fillWidth: true
        onEdited: section.edits += 1
        onAccepted: if (section.dirty) section.save()
    }
}
