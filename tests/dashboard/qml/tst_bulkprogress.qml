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

    BulkOperation {
        id: live
        client: testSession.client
        concurrency: 1
    }
    SignalSpy {
        id: liveFinished
        target: live
        signalName: "finished"
    }

    RowLayout {
        width: root.width
        y: 100
        BulkProgress {
            id: liveProgress
            Layout.fillWidth: true
            operation: live
        }
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

        // Walkthrough 20/5: cancelled, it waited for the answers in flight with a bare "0 of 20"
        // beside a greyed Cancel. It says that it is stopping; the keys not started are known.
        function test_cancelledSaysItIsStopping() {
            const keys = ["key_w20_a", "key_w20_b", "key_w20_c", "key_w20_d"];
            verify(live.disableKeys(keys));
            live.cancel(); // the first request is in flight
            const summary = findChild(liveProgress, "bulk-summary");
            verify(live.running);
            compare(summary.text, "Stopping… 0 of 4 done; no more are started.");
            tryCompare(liveFinished, "count", 1, 10000);
            compare(live.notStartedKeyIds(), keys.slice(1));
        }
    }
}
