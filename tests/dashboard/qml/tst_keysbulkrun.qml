import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The keys page while a bulk action runs and after it, against a server whose answers the test
// holds back (testAnswerGate): the run has the keyboard on its Cancel (framed for a keyboard
// user), Esc cancels it and nothing else, the focus is never left nowhere (W19); and the list keeps
// its place and the keys left selected in sight (W21: it jumped to its top).
Item {
    id: root
    width: 1200
    height: 420 // a few rows on screen: the list scrolls

    Component {
        id: keysPage
        KeysPage {
            anchors.fill: parent
            session: testHeldSession
            chartsShown: false
        }
    }

    TestCase {
        name: "KeysBulkRun"
        when: windowShown

        function cleanup() {
            testAnswerGate.held = false;
        }

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        /// A keys page of a new API with @p count keys, loaded.
        function pageWithKeys(count) {
            const apiId = callApi("apis.createApi", { name: "bulk-run-" + Date.now() }).apiId;
            for (let i = 0; i < count; ++i)
                callApi("keys.createKey", { apiId: apiId, name: "run " + (i < 10 ? "0" : "") + i });
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            verify(page);
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === count && !keys.loading, H.answerTimeout, "the list loaded");
            return page;
        }

        function focused() {
            return root.Window.activeFocusItem;
        }
        function describe(item) {
            return item ? String(item) + " “" + (item.text !== undefined ? item.text : item.Accessible.name) + "”"
                        : "nothing";
        }
        /// The key row (KeyRow) that has the keyboard focus, or null.
        function focusedRow() {
            const item = focused();
            return item && item.toggled !== undefined && item.opened !== undefined ? item : null;
        }
        /// The running bulk action's Cancel, in the bar above the rows.
        function bulkCancel(page) {
            return H.find(findChild(page, "bulkBar"), item => item instanceof Button && item.text === "Cancel");
        }
        /// Whether @p row stands whole in the list below the pinned selection bar.
        function inSight(page, row) {
            const list = findChild(page, "keyList");
            const bar = findChild(page, "listBar");
            const top = row.mapToItem(list, 0, 0).y;
            return row.visible && top >= bar.y + bar.height - 1 && top + row.height <= list.height + 1;
        }

        /// Clicks the bulk bar's @p name button once the page has settled: in the whole tst_qml
        /// run under CI's load a click right after the list loaded did not ask the question
        /// (the page still laid out, or the button not yet ready): the message says which.
        function clickBulkButton(page, name) {
            const button = findChild(page, name + "-button");
            tryVerify(() => button.enabled && H.shown(button), 5000, name + " is ready");
            verify(waitForRendering(page));
            mouseClick(button);
            return button;
        }
        /// Waits for @p confirm to be open, saying what the pressed @p button was like if not.
        function waitForQuestion(confirm, button) {
            tryVerify(() => confirm.opened, 5000, "the question is asked (the button: enabled " + button.enabled
                      + ", at " + JSON.stringify(button.mapToItem(root, 0, 0)) + ", focus on " + describe(focused()) + ")");
        }

        // Walkthrough 21, W19: Disable pressed with the keyboard and confirmed; while it ran the
        // pressed button greyed under the focus, nothing had it, and Esc did nothing.
        function test_theRunHasTheKeyboardAndEscCancelsIt() {
            const page = pageWithKeys(6);
            const keys = findChild(page, "keysModel");
            for (let row = 0; row < 3; ++row)
                keys.setSelected(row, true);
            const disable = findChild(page, "bulkDisable-button");
            disable.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            const confirm = findChild(page, "confirmBulkDisable");
            tryVerify(() => confirm.opened, 5000, "the question is asked");
            keyClick(Qt.Key_Tab); // from its Cancel to Disable
            compare(focused().text, "Disable");
            testAnswerGate.held = true;
            keyClick(Qt.Key_Return);

            const cancel = bulkCancel(page);
            tryVerify(() => !confirm.visible && H.shown(cancel), 5000, "the dialog closed, the run shows");
            verify(cancel.activeFocus, "the focus is on " + describe(focused()));
            verify(cancel.focusShown, "Cancel is framed: the last press was a key");

            keyClick(Qt.Key_Escape);
            const summary = findChild(page, "bulk-summary");
            verify(summary.text.indexOf("Stopping") === 0, summary.text);
            verify(!confirm.visible, "no dialog came back");
            compare(keys.selectedCount, 3); // Esc cleared nothing
            verify(focusedRow() && inSight(page, focusedRow()), "while it stops the focus is on " + describe(focused()));

            testAnswerGate.held = false;
            tryCompare(summary, "text", "Cancelled: 2 done, 0 failed, 1 not started.", H.answerTimeout);
            verify(focusedRow() && inSight(page, focusedRow()), "after the run the focus is on " + describe(focused()));
            compare(keys.selectedKeyIds(), [keys.rowObject(2).keyId]);
        }

        // By the mouse: the run takes the focus to Cancel all the same (Esc works), without a
        // frame; a run that ends by itself leaves the focus in the rows, not nowhere.
        function test_aClickedRunIsNotFramedAndEndsInTheRows() {
            const page = pageWithKeys(4);
            const keys = findChild(page, "keysModel");
            keys.setSelected(0, true);
            keys.setSelected(1, true);
            const disable = clickBulkButton(page, "bulkDisable");
            const confirm = findChild(page, "confirmBulkDisable");
            waitForQuestion(confirm, disable);
            testAnswerGate.held = true;
            mouseClick(H.find(confirm.footer, item => item.objectName === "confirmButton"));
            const cancel = bulkCancel(page);
            tryVerify(() => !confirm.visible && H.shown(cancel), 5000, "the dialog closed, the run shows");
            verify(cancel.activeFocus, "the focus is on " + describe(focused()));
            verify(!cancel.focusShown, "no frame after a click");

            testAnswerGate.held = false;
            const summary = findChild(page, "bulk-summary");
            tryVerify(() => /disabled\.$/.test(summary.text), H.answerTimeout, summary.text);
            verify(focusedRow() && inSight(page, focusedRow()), "after the run the focus is on " + describe(focused()));
        }

        // Walkthrough 21, W21: scrolled down to the last keys, a run cancelled with one key left;
        // the list jumped to its top and the key left selected was out of sight.
        function test_theListKeepsItsPlace() {
            const count = 16;
            const page = pageWithKeys(count);
            const keys = findChild(page, "keysModel");
            const list = findChild(page, "keyList");
            list.positionViewAtEnd();
            tryVerify(() => list.contentY > list.originY + 100, 5000, "the list is scrolled down");
            for (let row = count - 3; row < count; ++row)
                keys.setSelected(row, true);
            const left = keys.rowObject(count - 1).keyId;
            const disable = clickBulkButton(page, "bulkDisable");
            const confirm = findChild(page, "confirmBulkDisable");
            waitForQuestion(confirm, disable);
            testAnswerGate.held = true;
            confirm.accept();
            const cancel = bulkCancel(page);
            tryVerify(() => !confirm.visible && H.shown(cancel), 5000, "the run shows");
            const scrolled = list.contentY;
            mouseClick(cancel);
            testAnswerGate.held = false;
            const summary = findChild(page, "bulk-summary");
            tryCompare(summary, "text", "Cancelled: 2 done, 0 failed, 1 not started.", H.answerTimeout);
            tryVerify(() => !keys.loading && keys.count === count, H.answerTimeout, "the list shows every key");
            compare(keys.selectedKeyIds(), [left]);
            verify(Math.abs(list.contentY - scrolled) < 1, "the list moved from " + scrolled + " to " + list.contentY);
            const row = list.itemAtIndex(count - 1);
            verify(row && inSight(page, row), "the key left selected is in sight");
            compare(keys.rowObject(count - 3).enabled, false); // and the rows say what was done
            compare(keys.rowObject(count - 1).enabled, true);
        }
    }
}
