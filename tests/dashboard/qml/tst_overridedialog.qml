import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// OverrideDialog: editing an override needs an identifier; a new namespace needs only its name
// (the first override is optional) and reports the trimmed name with the window in milliseconds.
// The wildcard help is visible, the typed pattern is explained and checked, Enter saves, Esc
// cancels, asking first once a field was changed. The title names the namespace.
Item {
    id: root
    width: 800
    height: 600

    OverrideDialog {
        id: dialog
    }

    // The key page's rate limits, whose units the dialog writes the same way.
    RatelimitsEditor {
        id: keyLimits
        visible: false
    }

    SignalSpy {
        id: saved
        target: dialog
        signalName: "saved"
    }

    TestCase {
        name: "OverrideDialog"
        when: windowShown

        function init() {
            saved.clear();
        }

        function cleanup() {
            dialog.discardQuestion.close();
            dialog.close();
            tryCompare(dialog, "visible", false);
        }

        // Walkthrough (issue 4): "minutes" here, "min" in the key page's rate limits.
        function test_unitsWrittenAsOnTheKeyPage() {
            keyLimits.load([{name: "r", limit: 1, duration: 60000, autoApply: false}]);
            const keyUnits = findChild(keyLimits, "ratelimit-unit-0");
            verify(keyUnits);
            dialog.openFor("x", 10, 60000);
            tryCompare(dialog, "opened", true);
            const units = H.find(dialog.contentItem, item => item.model !== undefined && item.Accessible.name === "Window unit");
            verify(units);
            compare(units.currentText, keyUnits.currentText, "one minute written one way");
            for (const unit of units.model)
                verify(keyUnits.model.indexOf(unit) >= 0, unit + " is one of " + keyUnits.model);
        }

        function test_overrideNeedsAnIdentifier() {
            dialog.openFor("", 10, 60000);
            tryCompare(dialog, "opened", true);
            verify(!dialog.newNamespace);
            const field = findChild(dialog.contentItem, "namespaceField");
            verify(field !== null);
            verify(!field.visible);
            const save = findChild(dialog.footer, "saveButton");
            verify(!save.enabled);
            findChild(dialog.contentItem, "identifierField").text = "admin_*";
            verify(save.enabled);
            dialog.accept();
            compare(saved.count, 1);
            compare(saved.signalArguments[0][0], "admin_*");
            compare(saved.signalArguments[0][1], 10);
            compare(saved.signalArguments[0][2], 60000);
        }

        // Walkthrough (issue 4): the title said "Set override" without saying where.
        function test_titleNamesTheNamespace() {
            dialog.inNamespace = "email-send";
            dialog.openFor("", 10, 60000);
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "Set override in “email-send”");
            dialog.close();
            tryCompare(dialog, "visible", false);
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "New namespace");
            dialog.inNamespace = "";
        }

        function test_newNamespaceNeedsOnlyAName() {
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            verify(dialog.newNamespace);
            const field = findChild(dialog.contentItem, "namespaceField");
            verify(field.visible);
            tryCompare(field, "activeFocus", true);
            // The hint's signs on one line (no-break spaces; walk 23b, Y13 for the slugs).
            verify(H.find(dialog.contentItem, item => H.shown(item) && String(item.text).indexOf("letters, digits and _\u00a0-\u00a0.,") >= 0),
                   "the name's hint keeps “_ - .” together");
            const save = findChild(dialog.footer, "saveButton");
            verify(!save.enabled); // no name yet
            field.text = "   ";
            verify(!save.enabled); // blank is no name
            compare(findChild(dialog.contentItem, "identifierField").text, ""); // no first override
            // Walkthrough 23b, Y14: surrounding spaces are refused and said, not trimmed away.
            field.text = "  email ";
            verify(!save.enabled);
            compare(dialog.namespaceName, "  email ");
            field.text = "email";
            verify(save.enabled);
            compare(dialog.namespaceName, "email");
            dialog.accept();
            compare(saved.count, 1);
            compare(saved.signalArguments[0][0], "");
        }

        function test_wildcardHelpAndPatternHints_data() {
            return [
                {tag: "exact", text: "user_1", hint: "Exactly the identifier “user_1”."},
                {tag: "everything", text: "*", hint: "Every identifier of the namespace."},
                {tag: "prefix", text: "admin_*", hint: "Every identifier that starts with “admin_”."},
                {tag: "suffix", text: "*_test", hint: "Every identifier that ends with “_test”."},
                {tag: "contains", text: "*premium*", hint: "Every identifier that contains “premium”."},
                {tag: "general", text: "a*b*c", hint: "Every identifier of the form “a*b*c”, each * standing for any characters."}
            ];
        }

        function test_wildcardHelpAndPatternHints(data) {
            dialog.openFor("", 10, 60000);
            tryCompare(dialog, "opened", true);
            const help = findChild(dialog.contentItem, "wildcardHelp");
            verify(help.visible);
            verify(help.text.indexOf("admin_*") >= 0);
            findChild(dialog.contentItem, "identifierField").text = data.text;
            compare(dialog.describePattern(dialog.identifier), data.hint);
            compare(dialog.identifierError, "");
            verify(findChild(dialog.footer, "saveButton").enabled);
        }

        function test_badPatternsAreRefusedWithAReason_data() {
            return [
                {tag: "double star", text: "admin_**", reason: "“**”"},
                {tag: "too long", text: "x".repeat(513), reason: "512"},
                {tag: "tab", text: "a\tb", reason: "control characters"}
            ];
        }

        function test_badPatternsAreRefusedWithAReason(data) {
            dialog.openFor("", 10, 60000);
            tryCompare(dialog, "opened", true);
            const field = findChild(dialog.contentItem, "identifierField");
            field.text = data.text;
            verify(dialog.identifierError.indexOf(data.reason) >= 0, dialog.identifierError);
            const save = findChild(dialog.footer, "saveButton");
            verify(!save.enabled);
            field.forceActiveFocus();
            keyClick(Qt.Key_Return); // refused: stays open, nothing saved
            compare(saved.count, 0);
            verify(dialog.opened);
        }

        // Stop 25's found-not-fixed: Enter on the window's unit box did not save, where Enter in
        // every other field of the dialog does (Qt's closed ComboBox takes Enter, and does nothing
        // with it). With its list open, Enter takes the highlighted entry and saves nothing.
        function test_enterOnTheUnitBoxSavesOnceItsListIsClosed() {
            dialog.openFor("u*", 5, 60000);
            tryCompare(dialog, "opened", true);
            const unit = findChild(dialog.contentItem, "unitBox");
            unit.forceActiveFocus();
            tryCompare(unit, "activeFocus", true);
            keyClick(Qt.Key_Space); // opens the list
            tryCompare(unit.popup, "opened", true);
            keyClick(Qt.Key_Down); // "min" → "s"
            keyClick(Qt.Key_Return);
            tryCompare(unit.popup, "visible", false);
            compare(saved.count, 0, "Enter in the open list only chose the entry");
            compare(unit.currentIndex, 3);
            verify(dialog.opened);
            keyClick(Qt.Key_Return);
            compare(saved.count, 1, "Enter on the closed unit box saves");
            compare(saved.signalArguments[0][2], 1000, "one second, the unit chosen");
            tryCompare(dialog, "visible", false);
        }

        function test_enterSavesEscCancels() {
            dialog.openFor("", 5, 60000);
            tryCompare(dialog, "opened", true);
            const field = findChild(dialog.contentItem, "identifierField");
            tryCompare(field, "activeFocus", true);
            keyClick(Qt.Key_Return); // no identifier yet: nothing happens
            compare(saved.count, 0);
            keyClick("u");
            keyClick("*");
            compare(field.text, "u*");
            keyClick(Qt.Key_Return);
            compare(saved.count, 1);
            compare(saved.signalArguments[0][0], "u*");
            compare(saved.signalArguments[0][1], 5);
            tryCompare(dialog, "visible", false);

            dialog.openFor("kept", 1, 1000);
            tryCompare(dialog, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            compare(saved.count, 1);
        }

        function test_escapeAsksOnceAFieldChanged() {
            dialog.openFor("kept", 1, 1000); // an existing override, as opened from its row
            tryCompare(dialog, "opened", true);
            const identifier = findChild(dialog.contentItem, "identifierField");
            tryCompare(identifier, "activeFocus", true);
            keyClick(Qt.Key_End);
            keyClick("2");
            keyClick(Qt.Key_Escape);
            tryCompare(dialog.discardQuestion, "opened", true);
            verify(dialog.visible);
            compare(dialog.discardQuestion.title, "Discard this override's details?");
            keyClick(Qt.Key_Return); // Keep editing is the default
            tryCompare(dialog.discardQuestion, "visible", false);
            compare(identifier.text, "kept2");
            tryCompare(identifier, "activeFocus", true);
            keyClick(Qt.Key_Backspace); // back as it was: nothing to lose
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            verify(!dialog.discardQuestion.visible);

            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            tryCompare(findChild(dialog.contentItem, "namespaceField"), "activeFocus", true);
            keyClick("e");
            mouseClick(findChild(dialog.footer, "cancelButton"));
            tryCompare(dialog.discardQuestion, "opened", true);
            compare(dialog.discardQuestion.title, "Discard this namespace's details?");
            mouseClick(H.byText(dialog.discardQuestion.footer, "Discard"));
            tryCompare(dialog, "visible", false);
            compare(saved.count, 0);
        }

        function test_newNamespaceNameIsChecked() {
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            const field = findChild(dialog.contentItem, "namespaceField");
            field.text = "n".repeat(513);
            verify(dialog.namespaceError !== "");
            verify(!findChild(dialog.footer, "saveButton").enabled);
            field.text = "uploads";
            tryCompare(field, "activeFocus", true);
            keyClick(Qt.Key_Enter);
            compare(saved.count, 1);
            compare(saved.signalArguments[0][0], "");
        }

        // Walkthrough 23b, Y14: "email-sendkey 10" was created, its space typed by accident. A
        // character Unkey's dashboard refuses in a namespace name is named under the field, the
        // name stays as typed, and Save (and Enter) wait until it is gone.
        function test_refusedCharactersAreSaid() {
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            const field = findChild(dialog.contentItem, "namespaceField");
            tryCompare(field, "activeFocus", true);
            const save = findChild(dialog.footer, "saveButton");
            for (const c of "email-sendkey 10")
                keyClick(c);
            compare(field.text, "email-sendkey 10", "kept as typed");
            verify(!save.enabled);
            compare(H.fieldError(dialog.contentItem),
                    "Not allowed in a namespace name: spaces. Only a–z, A–Z, 0–9 and _ - . are.");
            keyClick(Qt.Key_Return);
            compare(saved.count, 0, "Enter waits");
            verify(dialog.visible);
            field.text = "mail!send/v2 ä!";
            compare(H.fieldError(dialog.contentItem),
                    "Not allowed in a namespace name: “!”, “/”, spaces, “ä”. Only a–z, A–Z, 0–9 and _ - . are.");
            field.text = "mail\tsend";
            verify(H.fieldError(dialog.contentItem).indexOf("U+0009") >= 0, H.fieldError(dialog.contentItem));
            field.text = " email";
            verify(!save.enabled, "a leading space is refused");
            field.text = "email.send_v2-eu";
            compare(H.fieldError(dialog.contentItem), "");
            verify(save.enabled);
            keyClick(Qt.Key_Return);
            compare(saved.count, 1);
        }

        // The first override starts empty (it was pre-filled with "*", an override for every
        // identifier the user never asked for), also after an override was edited before.
        function test_newNamespaceStartsWithoutAnOverride() {
            dialog.openFor("admin_*", 5, 1000);
            tryCompare(dialog, "opened", true);
            dialog.close();
            tryCompare(dialog, "visible", false);
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            const identifierField = findChild(dialog.contentItem, "identifierField");
            compare(identifierField.text, "");
            verify(H.byText(dialog.contentItem, "Leave empty for no override."), "says it is optional");
            findChild(dialog.contentItem, "namespaceField").text = "uploads";
            dialog.accept();
            compare(saved.signalArguments[0][0], "");
            // A wildcard is still one "*" away.
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            findChild(dialog.contentItem, "namespaceField").text = "uploads";
            identifierField.text = "*";
            dialog.accept();
            compare(saved.signalArguments[1][0], "*");
            compare(saved.signalArguments[1][2], 60000);
            // Editing afterwards is an override again, not a namespace.
            dialog.openFor("x", 1, 1000);
            tryCompare(dialog, "opened", true);
            verify(!dialog.newNamespace);
        }
    }
}
