import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// The embedded console is read-only charts: Tab and Shift+Tab pass over it to the controls
// before and after, so the keyboard never gets stuck inside the web view (no keyboard trap).
Item {
    id: root
    width: 900
    height: 700

    Column {
        anchors.fill: parent
        Button {
            id: before
            text: "Before"
        }
        ConsoleView {
            id: consoleView
            width: parent.width
            height: 400
            session: testSession
            view: "/overview"
        }
        Button {
            id: after
            text: "After"
        }
    }

    TestCase {
        name: "ConsoleViewFocus"
        when: windowShown

        function isInside(item) {
            for (let node = item; node; node = node.parent) {
                if (node === consoleView)
                    return true;
            }
            return false;
        }

        function test_viewIsNotInTheTabChain() {
            tryVerify(() => consoleView.ready, 30000, "the console loaded");
            verify(!isInside(before.nextItemInFocusChain(true)), "Tab from Before skips the view");
            compare(before.nextItemInFocusChain(true), after);
            compare(after.nextItemInFocusChain(false), before);
        }

        function test_tabAndBacktabPassTheView() {
            tryVerify(() => consoleView.ready, 30000, "the console loaded");
            before.forceActiveFocus();
            keyClick(Qt.Key_Tab);
            tryVerify(() => after.activeFocus, 2000, "Tab went from Before to After");
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
            tryVerify(() => before.activeFocus, 2000, "Shift+Tab went back to Before");
        }

        function test_tabLeavesAfterAClickIntoTheView() {
            tryVerify(() => consoleView.ready, 30000, "the console loaded");
            mouseClick(consoleView, 20, 20);
            tryVerify(() => isInside(root.Window.activeFocusItem), 2000, "a click focuses the view");
            keyClick(Qt.Key_Tab);
            tryVerify(() => after.activeFocus, 2000, "Tab left the view to After");
            mouseClick(consoleView, 20, 20);
            tryVerify(() => isInside(root.Window.activeFocusItem), 2000, "a click focuses the view");
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
            tryVerify(() => before.activeFocus, 2000, "Shift+Tab left the view to Before");
        }
    }
}
