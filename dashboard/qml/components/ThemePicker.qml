import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Light, dark, or the desktop's choice.
RowLayout {
    id: picker

    required property SettingsController settings

    spacing: 8

    Repeater {
        model: [
            { value: "system", label: qsTr("Like the system") },
            { value: "light", label: qsTr("Light") },
            { value: "dark", label: qsTr("Dark") }
        ]
        delegate: RadioButton {
            required property var modelData
            text: modelData.label
            checked: picker.settings.theme === modelData.value
            Accessible.name: qsTr("Theme: %1").arg(modelData.label)
            onClicked: picker.settings.theme = modelData.value
        }
    }
}
