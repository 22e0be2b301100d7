import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// The language switch: the system's language first, then each language named in itself; applies
// at once, without a restart.
ThemedComboBox {
    id: picker

    required property SettingsController settings

    objectName: "languagePicker"
    // As wide as the longest choice ("Idioma del sistema"), not only the current one.
    implicitContentWidthPolicy: ComboBox.WidestText

    // "" follows the system's language (SettingsController's choice when nothing was picked).
    model: {
        const choices = [{ code: "", name: qsTr("System language") }];
        const languages = settings.languages;
        for (let i = 0; i < languages.length; ++i)
            choices.push(languages[i]);
        return choices;
    }
    textRole: "name"
    valueRole: "code"
    currentIndex: {
        const choices = model;
        for (let i = 0; i < choices.length; ++i)
            if (choices[i].code === settings.language)
                return i;
        return 0;
    }
    Accessible.name: qsTr("Language")
    onActivated: settings.language = currentValue
}
