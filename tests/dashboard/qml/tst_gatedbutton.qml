import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// GatedButton: what the root key may not do is greyed out, cannot be clicked, and names the
// missing permission in a tooltip on hover (a disabled button gets no hover of its own).
Item {
    id: root
    width: 600
    height: 400

    GatedButton {
        id: gate
        objectName: "gate"
        x: 50
        y: 50
        text: "Create API"
    }

    SignalSpy {
        id: clicked
        target: gate
        signalName: "clicked"
    }

    TestCase {
        name: "GatedButton"
        when: windowShown

        readonly property string sentence: "Your root key lacks the permission “api.*.create_api”."

        function init() {
            gate.missing = "";
            gate.ready = true;
            gate.notReadyReason = "";
            clicked.clear();
            mouseMove(root, 500, 350); // away from the button
            tryCompare(gate.ToolTip, "visible", false);
        }

        function test_allowedButtonClicks() {
            // The fixture's root key holds every permission: nothing is missing.
            gate.missing = testSession.capabilities.missing("api.*.create_api");
            compare(gate.missing, "");
            verify(gate.button.enabled);
            mouseClick(gate);
            compare(clicked.count, 1);
            mouseMove(gate, 10, 10);
            wait(500); // longer than the tooltip's delay
            verify(!gate.ToolTip.visible, "no tooltip when nothing is missing");
        }

        function test_missingPermissionGreysOutAndExplains() {
            gate.missing = sentence;
            verify(!gate.button.enabled);
            mouseClick(gate);
            compare(clicked.count, 0);
            mouseMove(gate, 10, 10);
            tryCompare(gate.ToolTip, "visible", true);
            compare(gate.ToolTip.text, sentence);
            verify(gate.ToolTip.text.indexOf("api.*.create_api") >= 0);
            compare(gate.button.Accessible.description, sentence, "screen readers hear why");
        }

        function test_notReadyIsDisabledWithoutTooltip() {
            gate.ready = false;
            verify(!gate.button.enabled);
            mouseClick(gate);
            compare(clicked.count, 0);
            mouseMove(gate, 10, 10);
            wait(500);
            verify(!gate.ToolTip.visible);
        }

        function test_notReadyWithAReasonSaysIt() {
            const reason = "This key is not recoverable.";
            gate.notReadyReason = reason;
            mouseMove(gate, 10, 10);
            wait(500);
            verify(!gate.ToolTip.visible, "ready: the reason is not shown");
            gate.ready = false;
            verify(!gate.button.enabled);
            tryCompare(gate.ToolTip, "visible", true);
            compare(gate.ToolTip.text, reason);
            compare(gate.button.Accessible.description, reason);
            gate.missing = sentence;
            compare(gate.ToolTip.text, sentence, "a missing permission comes first");
        }

        function test_objectNameReachesTheButton() {
            compare(gate.button.objectName, "gate-button");
        }
    }
}
