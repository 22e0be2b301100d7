import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Light, dark, or the desktop's choice.
RowLayout {
    id: picker

    required property SettingsController settings

    spacing: 8

    RadioButton {
        text: qsTr("Like the system")
        checked: picker.settings.theme === "system"
        Accessible.name: qsTr("Theme: like the system")
        onClicked: picker.settings.theme = "system"
    }
    RadioButton {
        text: qsTr("Light")
        checked: picker.settings.theme === "light"
        Accessible.name: qsTr("Theme: light")
        onClicked: picker.settings.theme = "light"
    }
    RadioButton {
        text: qsTr("Dark")
        checked: picker.settings.theme === "dark"
        Accessible.name: qsTr("Theme: dark")
        onClicked: picker.settings.theme = "dark"
    }
}
