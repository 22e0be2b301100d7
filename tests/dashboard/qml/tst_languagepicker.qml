import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// LanguagePicker: "System language" comes first and is what an unset choice shows; picking it
// hands the language back to the system (SettingsController.language ""), picking a language
// fixes it; a choice made elsewhere shows in the picker.
Item {
    id: root
    width: 600
    height: 400

    LanguagePicker {
        id: picker
        x: 20
        y: 20
        settings: testSession.settings
    }

    TestCase {
        name: "LanguagePicker"
        when: windowShown

        property string saved

        function initTestCase() {
            saved = testSession.settings.language;
        }

        function cleanup() {
            testSession.settings.language = saved;
        }

        function test_systemComesFirst() {
            testSession.settings.language = "";
            compare(picker.currentIndex, 0);
            compare(picker.currentValue, "");
            compare(picker.displayText, "System language");
            compare(picker.count, testSession.settings.languages.length + 1);
            // The system's language is still one of ours, so the app is translated.
            verify(["en", "de", "es"].indexOf(testSession.settings.effectiveLanguage) >= 0);
        }

        function test_pickingALanguageAndBackToTheSystem() {
            testSession.settings.language = "";
            picker.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(testSession.settings.language, "en");
            compare(picker.currentValue, "en");
            keyClick(Qt.Key_Up);
            compare(testSession.settings.language, "", "the system's language again");
            compare(picker.currentIndex, 0);
        }

        function test_showsAChoiceMadeElsewhere() {
            testSession.settings.language = "es";
            compare(picker.currentValue, "es");
            compare(picker.displayText, "Español");
            testSession.settings.language = "";
            compare(picker.currentIndex, 0);
        }
    }
}
