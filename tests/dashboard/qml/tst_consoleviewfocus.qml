import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The embedded console in the dashboard's Tab chain: Tab from the control before the view enters
// the page at its first control (range, outcome filter, refresh, log filters, Pause, links), goes
// through every one of them in document order, each framed, and leaves the last to the control
// after the view; Shift+Tab from there enters at the page's last control and walks back out to
// the control before. A click into the page is no keyboard trap either. The real ConsoleView
// against the test's in-process server.
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

        // The page's Tab stops as a browser walks them (no positive tabindex in the console).
        readonly property string stops: "[...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]"
            + ".filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)"
        // The focused element's place among all elements of the page (-1: none).
        readonly property string focusedIndex: "[...document.querySelectorAll('*')].indexOf(document.activeElement)"

        function isInside(item) {
            for (let node = item; node; node = node.parent) {
                if (node === consoleView)
                    return true;
            }
            return false;
        }

        /// What @p script evaluates to in the page.
        function evaluated(script) {
            const results = [];
            const collect = result => results.push(result);
            consoleView.evaluated.connect(collect);
            consoleView.evaluate(script);
            tryVerify(() => results.length > 0, H.answerTimeout, "no answer from the page to " + script);
            consoleView.evaluated.disconnect(collect);
            return results[0];
        }

        function loaded() {
            tryVerify(() => consoleView.ready, 60000, "the console never loaded");
        }

        /// Presses @p key and waits until the page reports a newly focused control or the focus
        /// is out of the view; whether it is still in the page.
        function press(key, modifiers) {
            const place = () => [consoleView.pageFocus.x, consoleView.pageFocus.y, consoleView.pageFocus.width,
                                 consoleView.pageFocus.height].join(" ");
            const was = place();
            keyClick(key, modifiers);
            const moved = () => place() !== was;
            tryVerify(() => !isInside(root.Window.activeFocusItem) || moved(), H.answerTimeout,
                      "Tab went nowhere: " + evaluated("document.activeElement.outerHTML.slice(0, 120)"));
            return isInside(root.Window.activeFocusItem);
        }

        function framed() {
            return evaluated("getComputedStyle(document.activeElement).outlineStyle") !== "none";
        }

        function test_tabWalksThePageAndLeavesAtBothEnds() {
            loaded();
            const count = evaluated(stops + ".length");
            verify(count >= 4, "the overview has controls: " + count);
            const first = evaluated(focusedIndexOf(stops + "[0]"));
            const last = evaluated(focusedIndexOf(stops + "[" + stops + ".length - 1]"));

            before.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Tab);
            tryVerify(() => isInside(root.Window.activeFocusItem), H.answerTimeout, "Tab from Before enters the view");
            tryVerify(() => evaluated(focusedIndex) === first, H.answerTimeout, "the page's first control has the focus");
            verify(framed(), "the first control shows the focus");

            // Forward through every control, in document order, out to After.
            let at = first;
            let visited = 1;
            while (press(Qt.Key_Tab)) {
                const now = evaluated(focusedIndex);
                verify(now > at, "Tab went back up the page (" + at + " to " + now + ")");
                at = now;
                ++visited;
                verify(visited <= count, "more stops than controls: a loop");
            }
            tryVerify(() => after.activeFocus, H.answerTimeout, "Tab from the page's last control goes to After");
            compare(at, last, "the walk left before the page's last control");
            compare(visited, count, "every control of the page on the way");

            // Shift+Tab from After enters at the last control and walks back out to Before.
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
            tryVerify(() => isInside(root.Window.activeFocusItem), H.answerTimeout, "Shift+Tab from After enters the view");
            tryVerify(() => evaluated(focusedIndex) === last, H.answerTimeout, "the page's last control has the focus");
            verify(framed(), "the last control shows the focus");
            let back = 1;
            while (press(Qt.Key_Backtab, Qt.ShiftModifier)) {
                const now = evaluated(focusedIndex);
                verify(now < at, "Shift+Tab went down the page (" + at + " to " + now + ")");
                at = now;
                ++back;
                verify(back <= count, "more stops than controls: a loop");
            }
            tryVerify(() => before.activeFocus, H.answerTimeout, "Shift+Tab from the page's first control goes to Before");
            compare(at, first);
            compare(back, count);
        }

        function focusedIndexOf(element) {
            return "[...document.querySelectorAll('*')].indexOf(" + element + ")";
        }

        // A click beside the controls puts the keyboard into the page: Shift+Tab takes its last
        // control, and Tab from there leaves to After (no trap).
        function test_tabLeavesAfterAClickIntoTheView() {
            loaded();
            const last = evaluated(focusedIndexOf(stops + "[" + stops + ".length - 1]"));
            // A spot of the page's visible part that is no control and in none.
            const spot = JSON.parse(evaluated("(() => { for (let y = 10; y < innerHeight - 10; y += 10)"
                + " for (let x = 10; x < innerWidth - 30; x += 10) { const e = document.elementFromPoint(x, y);"
                + " if (e && !e.closest('a[href], button, input, select, textarea, [tabindex], canvas, .u-over'))"
                + " return JSON.stringify({x: x, y: y}); } return 'null'; })()"));
            verify(spot !== null, "no spot beside the controls");
            mouseClick(consoleView, spot.x, spot.y);
            tryVerify(() => isInside(root.Window.activeFocusItem), H.answerTimeout, "a click focuses the view");
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier);
            tryVerify(() => evaluated(focusedIndex) === last, H.answerTimeout, "Shift+Tab took the page's last control");
            keyClick(Qt.Key_Tab);
            tryVerify(() => after.activeFocus, H.answerTimeout, "Tab left the view to After");
        }
    }
}
