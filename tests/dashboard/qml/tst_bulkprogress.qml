import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import Latchkey.Dashboard

// BulkProgress at the width the keys page's bulk bar leaves it at 1280 px in German: a long
// outcome wraps before the Dismiss button instead of running under it.
Item {
    id: root
    width: 320
    height: 200

    BulkOperation {
        id: idle
    }

    RowLayout {
        width: root.width
        BulkProgress {
            id: progress
            Layout.fillWidth: true
            operation: idle
        }
    }

    TestCase {
        name: "BulkProgress"
        when: windowShown

        function findDismiss(item) {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i];
                if (child.text === "Dismiss")
                    return child;
            }
            return null;
        }

        function test_longOutcomeWrapsBeforeDismiss() {
            progress.summary = "Abgebrochen: 9 erledigt, 0 fehlgeschlagen, 111 nicht begonnen. Abgebrochen: 9 erledigt.";
            const summary = findChild(progress, "bulk-summary");
            const dismiss = findDismiss(progress);
            verify(summary && dismiss);
            verify(summary.implicitWidth > root.width, "the text is longer than the row");
            tryVerify(() => dismiss.visible && dismiss.width > 0 && summary.x + summary.width <= dismiss.x, 2000,
                      "summary ends at " + (summary.x + summary.width) + ", Dismiss starts at " + dismiss.x);
            verify(summary.contentWidth <= summary.width + 1, "the text stays inside its label");
            verify(summary.lineCount > 1, "the text wraps");
            verify(dismiss.x + dismiss.width <= root.width + 1, "Dismiss stays in the row");
        }
    }
}
