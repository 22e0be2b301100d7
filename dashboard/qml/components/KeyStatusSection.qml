import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
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
        // Its text wraps in a narrow card (the key page's two columns at 1024 px, in Spanish),
        // and the switch is no wider than it: its focus frame around the switch and its text.
        Layout.fillWidth: true
        Layout.maximumWidth: implicitWidth
        contentItem: Label {
            text: enabledSwitch.text
            font: enabledSwitch.font
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            leftPadding: enabledSwitch.indicator && !enabledSwitch.mirrored ? enabledSwitch.indicator.width + enabledSwitch.spacing : 0
            rightPadding: enabledSwitch.indicator && enabledSwitch.mirrored ? enabledSwitch.indicator.width + enabledSwitch.spacing : 0
            color: enabledSwitch.enabled ? enabledSwitch.Material.foreground : enabledSwitch.Material.hintTextColor
        }
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
