import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// ToolTipGuard (walkthrough G26): a tooltip goes away when the page scrolls under the still
// pointer — even while the pointer is still on its control — for a greyed control's tooltip (hover
// on a wrapper) and an enabled button's (`hovered`) alike; moving the pointer brings it back.
Item {
    id: root
    width: 600
    height: 400

    ToolTipGuard {}

    Flickable {
        id: page
        anchors.fill: parent
        contentHeight: 3000
        boundsBehavior: Flickable.StopAtBounds

        // Tall, so that a wheel turn leaves the pointer on it.
        GatedButton {
            id: gate
            x: 50
            y: 40
            width: 200
            height: 600
            text: "Save"
            missing: "Your root key lacks the permission “api.*.update_key”."
        }
        Button {
            id: plain
            x: 300
            y: 40
            width: 200
            height: 600
            text: "Charts"
            ToolTip.visible: hovered
            ToolTip.delay: 300
            ToolTip.text: "Show the charts"
        }
        GatedButton {
            id: below
            x: 50
            y: 700
            width: 200
            height: 300
            text: "Delete"
            missing: "Your root key lacks the permission “api.*.delete_key”."
        }
    }

    TestCase {
        name: "ToolTipGuard"
        when: windowShown

        readonly property var tip: gate.ToolTip.toolTip

        function init() {
            page.contentY = 0;
            mouseMove(root, 590, 395); // on nothing
            tryVerify(() => !tip.visible, 5000);
        }

        function hover(item, y) {
            mouseMove(item, item.width / 2, y);
            tryVerify(() => tip.visible && tip.parent === item, 5000, "the tooltip shows on hover");
        }

        function wheelKeepsThePointerOn(item) {
            hover(item, 100);
            const pointer = item.mapToItem(root, item.width / 2, 100);
            mouseWheel(root, pointer.x, pointer.y, 0, -120);
            tryVerify(() => page.contentY > 0, 5000, "the page scrolled");
            tryVerify(() => !page.moving, 5000);
            verify(item.contains(item.mapFromItem(root, pointer.x, pointer.y)), "the pointer is still on it");
            tryVerify(() => !tip.visible, 5000, "the tooltip went with the scroll");
            wait(800); // well past the tooltip's delay: it does not come back by itself
            verify(!tip.visible);
            // Moving the pointer brings it back.
            mouseMove(root, pointer.x + 3, pointer.y + 3);
            tryVerify(() => tip.visible && tip.parent === item, 5000, "the pointer moved: the tooltip is back");
        }

        function test_greyedControlsTipHidesWhenThePageScrolls() {
            wheelKeepsThePointerOn(gate);
        }

        function test_enabledButtonsTipHidesWhenThePageScrolls() {
            wheelKeepsThePointerOn(plain);
        }

        function test_tipStaysWhileNothingMoves() {
            hover(gate, 100);
            wait(1000);
            verify(tip.visible);
            mouseMove(root, 590, 395);
            tryVerify(() => !tip.visible, 5000, "leaving hides it");
        }
    }
}
