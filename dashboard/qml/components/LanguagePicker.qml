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
    currentIndex: {
        const languages = settings.languages;
        for (let i = 0; i < languages.length; ++i)
            if (languages[i].code === settings.effectiveLanguage)
                return i;
        return 0;
    }
    Accessible.name: qsTr("Language")
    onActivated: settings.language = currentValue
}
