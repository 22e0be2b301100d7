import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// The key's enabled state: a switch that applies at once (keys.updateKey `enabled`).
KeySection {
    id: section

    required property KeyDetailController key

    title: qsTr("Status")
    field: "enabled"
    controller: key
    showButtons: false

    Switch {
        id: enabledSwitch
        objectName: "key-enabled"
        FocusFrame { control: enabledSwitch } // the keyboard focus, visible
        text: section.key.enabled ? qsTr("Enabled: verifications can succeed")
                                  : qsTr("Disabled: every verification is rejected")
        Accessible.name: qsTr("Key enabled")
        onToggled: section.key.saveEnabled(checked)
        // Enter switches it as Space does: Enter presses every other focused control.
        Keys.onReturnPressed: enabledSwitch.switchByKey()
        Keys.onEnterPressed: enabledSwitch.switchByKey()
        function switchByKey(): void {
            toggle();
            toggled();
        }
        // The toggle follows the controller (which restores it when the save fails).
        Binding on checked {
            value: section.key.enabled
            restoreMode: Binding.RestoreNone
        }
    }
}
