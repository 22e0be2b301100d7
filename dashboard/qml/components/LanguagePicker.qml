import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// The language switch (each language named in itself); applies at once, without a restart.
ComboBox {
    id: picker

    required property SettingsController settings

    model: settings.languages
    textRole: "name"
    valueRole: "code"
    currentIndex: indexOfValue(settings.effectiveLanguage)
    Accessible.name: qsTr("Language")
    onActivated: settings.language = currentValue
}
