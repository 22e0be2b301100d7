import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// OverrideDialog: editing an override needs an identifier; a new namespace needs only its name
// (the first override is optional) and reports the trimmed name with the window in milliseconds.
Item {
    id: root
    width: 800
    height: 600

    OverrideDialog {
        id: dialog
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
            dialog.close();
            tryCompare(dialog, "visible", false);
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

        function test_newNamespaceNeedsOnlyAName() {
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            verify(dialog.newNamespace);
            const field = findChild(dialog.contentItem, "namespaceField");
            verify(field.visible);
            tryCompare(field, "activeFocus", true);
            const save = findChild(dialog.footer, "saveButton");
            verify(!save.enabled); // no name yet
            field.text = "   ";
            verify(!save.enabled); // blank is no name
            findChild(dialog.contentItem, "identifierField").text = ""; // no first override
            field.text = "  email ";
            verify(save.enabled);
            compare(dialog.namespaceName, "email");
            dialog.accept();
            compare(saved.count, 1);
            compare(saved.signalArguments[0][0], "");
        }

        function test_newNamespaceOffersAWildcardFirstOverride() {
            dialog.openForNamespace();
            tryCompare(dialog, "opened", true);
            compare(findChild(dialog.contentItem, "identifierField").text, "*");
            findChild(dialog.contentItem, "namespaceField").text = "uploads";
            dialog.accept();
            compare(saved.signalArguments[0][0], "*");
            compare(saved.signalArguments[0][2], 60000);
            // Editing afterwards is an override again, not a namespace.
            dialog.openFor("x", 1, 1000);
            tryCompare(dialog, "opened", true);
            verify(!dialog.newNamespace);
        }
    }
}
