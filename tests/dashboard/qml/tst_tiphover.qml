import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// TipHover: a tooltip bound to its hover and to something else is not asked for once its item
// left the window. Qt 6.4 keeps a HoverHandler hovered after its item left the window under a
// still pointer (its page replaced by Back or a shortcut); when the other condition then changed
// (a note no longer fitting) the tooltip opened with no window: "QML ToolTip: cannot find any
// window to open popup in".
Item {
    id: root
    width: 1060
    height: 700

    Component {
        id: gateComponent
        GatedButton {
            x: 20
            y: 20
            text: "Save"
            // At once: with a delay, Qt 6.4 defers a request made out of the window without a word;
            // without one it warns at once, which shows whether the request was made.
            ToolTip.delay: 0
        }
    }

    TestCase {
        name: "TipHover"
        when: windowShown

        function init() {
            failOnWarning(/cannot find any window/);
        }
        function cleanup() {
            mouseMove(root, 1, root.height - 1);
        }

        // A greyed button's reason (GatedButton: the missing permission, or why it is not ready):
        // the reason came as its page went under the still pointer (a save's answer, whoami).
        function test_buttonThatGreysOutOfTheWindow() {
            const gate = createTemporaryObject(gateComponent, root);
            tryVerify(() => gate.width > 0 && gate.Window.window !== null);
            mouseMove(gate, gate.width / 2, gate.height / 2);
            waitForRendering(gate);
            gate.parent = null; // the page goes under the still pointer
            gate.missing = "Your root key lacks the permission “Edit keys” (api.*.update_key).";
            verify(!gate.ToolTip.visible, "no tooltip asked for out of the window");
            gate.parent = root;
            gate.missing = "";
            mouseMove(gate, gate.width / 2 + 1, gate.height / 2);
            gate.missing = "Your root key lacks the permission “Edit keys” (api.*.update_key).";
            tryVerify(() => gate.ToolTip.visible, 5000, "the reason over the greyed button in the window");
        }
    }
}
