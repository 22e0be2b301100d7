import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// ConfirmDialog: Esc closes it without confirming; the confirm button confirms once.
Item {
    id: root
    width: 800
    height: 600

    ConfirmDialog {
        id: dialog
        title: "Delete?"
        text: "This cannot be undone."
        confirmText: "Delete"
        destructive: true
    }

    SignalSpy {
        id: confirmed
        target: dialog
        signalName: "confirmed"
    }

    TestCase {
        name: "ConfirmDialog"
        when: windowShown

        function init() {
            confirmed.clear();
        }

        function test_escapeClosesWithoutConfirming() {
            dialog.open();
            tryCompare(dialog, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            compare(confirmed.count, 0);
        }

        function test_confirmButtonConfirms() {
            dialog.open();
            tryCompare(dialog, "opened", true);
            dialog.accept();
            tryCompare(dialog, "visible", false);
            compare(confirmed.count, 1);
        }

        function test_defaultFocusIsCancel() {
            dialog.open();
            tryCompare(dialog, "opened", true);
            // Enter right after opening must not confirm a destructive action.
            keyClick(Qt.Key_Return);
            wait(100);
            compare(confirmed.count, 0);
            dialog.close();
        }
    }
}
