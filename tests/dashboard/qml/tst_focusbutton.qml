import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// FocusButton: a keyboard user sees which button Tab reached (its FocusFrame) and Enter presses
// it — alone, as a GatedButton, and in a dialog's DialogButtonBox (Enter on Cancel rejects).
Item {
    id: root
    width: 600
    height: 400

    TextField {
        id: field
        x: 10
        y: 10
        width: 200
    }
    FocusButton {
        id: button
        x: 10
        y: 70
        text: "Copy"
    }
    GatedButton {
        id: gate
        x: 200
        y: 70
        text: "Issue key"
    }
    FocusToolButton {
        id: toggleButton
        x: 400
        y: 70
        text: "Charts"
        checkable: true
        property int toggles: 0
        onToggled: ++toggles
    }
    Dialog {
        id: dialog
        modal: true
        standardButtons: Dialog.NoButton
        footer: DialogButtonBox {
            FocusButton {
                id: cancel
                text: "Cancel"
                DialogButtonBox.buttonRole: Dialog.RejectRole
            }
            FocusButton {
                id: ok
                text: "Create"
                DialogButtonBox.buttonRole: Dialog.AcceptRole
            }
        }
    }

    SignalSpy {
        id: clicked
        target: button
        signalName: "clicked"
    }
    SignalSpy {
        id: gateClicked
        target: gate
        signalName: "clicked"
    }
    SignalSpy {
        id: accepted
        target: dialog
        signalName: "accepted"
    }
    SignalSpy {
        id: rejected
        target: dialog
        signalName: "rejected"
    }

    TestCase {
        name: "FocusButton"
        when: windowShown

        function init() {
            clicked.clear();
            gateClicked.clear();
            accepted.clear();
            rejected.clear();
            button.enabled = true;
            gate.missing = "";
        }

        function test_tabShowsTheFrameAndEnterPresses() {
            field.forceActiveFocus(Qt.TabFocusReason);
            verify(!button.focusShown);
            keyClick(Qt.Key_Tab);
            verify(button.activeFocus);
            tryVerify(() => button.focusShown, 1000, "the frame shows the keyboard focus");
            keyClick(Qt.Key_Return);
            compare(clicked.count, 1);
            keyClick(Qt.Key_Enter); // the keypad's
            compare(clicked.count, 2);
            keyClick(Qt.Key_Tab);
            tryVerify(() => !button.focusShown, 1000, "no frame once the focus moved on");
            keyClick(Qt.Key_Return);
            compare(clicked.count, 2);
        }

        // FocusToolButton: a checkable one (the keys page's Charts) toggles on Enter as on Space.
        function test_enterTogglesACheckableToolButton() {
            toggleButton.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => toggleButton.focusShown, 1000);
            const before = toggleButton.checked;
            keyClick(Qt.Key_Return);
            compare(toggleButton.checked, !before);
            compare(toggleButton.toggles, 1);
            keyClick(Qt.Key_Enter);
            compare(toggleButton.checked, before);
            compare(toggleButton.toggles, 2);
        }

        function test_mouseFocusShowsNoFrame() {
            mouseClick(button);
            compare(clicked.count, 1);
            verify(!button.focusShown, "a click is no keyboard focus");
        }

        function test_gatedButtonEnterOnlyWhenAllowed() {
            gate.button.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => gate.button.focusShown, 1000);
            keyClick(Qt.Key_Return);
            compare(gateClicked.count, 1);
            gate.missing = "Your root key lacks the permission “api.*.create_key”.";
            verify(!gate.button.enabled);
            keyClick(Qt.Key_Return);
            compare(gateClicked.count, 1, "a greyed-out button cannot be pressed by Enter");
        }

        function test_enterOnDialogButtons() {
            dialog.open();
            tryVerify(() => dialog.opened);
            cancel.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => cancel.focusShown, 1000);
            keyClick(Qt.Key_Return);
            tryVerify(() => !dialog.visible);
            compare(rejected.count, 1);
            compare(accepted.count, 0);
            dialog.open();
            tryVerify(() => dialog.opened);
            ok.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            tryVerify(() => !dialog.visible);
            compare(accepted.count, 1);
            compare(rejected.count, 1);
        }
    }
}
