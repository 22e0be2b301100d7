import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ConfirmDialog: Esc closes it without confirming; the confirm button confirms once; its default
// button (Cancel) shows its focus frame every time it opens.
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

        // W7 J4: the frame showed only the first time; the button kept the focus inside the
        // closed popup, so the next opening did not make it a keyboard focus again.
        function test_defaultButtonFramedEveryOpening() {
            const cancel = H.byText(dialog.footer, "Cancel");
            verify(cancel);
            for (const closeKey of [Qt.Key_Return, Qt.Key_Escape, Qt.Key_Return]) {
                dialog.open();
                tryCompare(dialog, "opened", true);
                tryVerify(() => cancel.activeFocus, 5000, "Cancel has the focus");
                tryVerify(() => cancel.focusShown, 5000, "Cancel shows its focus frame");
                keyClick(closeKey);
                tryCompare(dialog, "visible", false);
            }
            compare(confirmed.count, 0);
        }
    }
}
