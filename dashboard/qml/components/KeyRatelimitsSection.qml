import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key's named rate limits, edited as a list and saved together (keys.updateKey replaces the
// key's limits by name).
KeySection {
    id: section

    required property KeyDetailController key

    function showSaved(): void {
        editor.load(key.ratelimits);
        edits = 0;
    }
    /// Edits since the last load: the editor's list is compared only when there are any.
    property int edits: 0

    title: qsTr("Rate limits")
    field: "ratelimits"
    controller: key
    dirty: edits > 0 && JSON.stringify(editor.value()) !== JSON.stringify(saved(key.ratelimits))
    onSave: key.saveRatelimits(editor.value())
    onRevert: showSaved()

    /// The saved limits in the editor's shape (without ids), for comparing.
    function saved(list: var): var {
        return list.map(limit => ({ name: limit.name, limit: limit.limit, duration: limit.duration,
                                    autoApply: limit.autoApply }));
    }

    Connections {
        target: section.key
        function onKeyChanged() {
            if (section.edits === 0)
                section.showSaved();
        }
        function onSaved(field: string) {
            if (field === "ratelimits")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()

    RatelimitsEditor {
        id: editor
        Layout.fillWidth: true
        onEdited: section.edits += 1
        onAccepted: if (section.dirty) section.save()
    }
}
