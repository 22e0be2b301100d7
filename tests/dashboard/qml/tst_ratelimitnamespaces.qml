import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The Rate limits page's namespaces against the test server (walkthrough 23b, Y14: a namespace
// made by mistake could be neither renamed nor deleted). Delete, from the namespace's row (the
// Delete key) or its pane, asks first, naming it, its overrides and the 410 its callers get; Cancel
// changes nothing; Delete deletes it on the server (ratelimit.limit answers 410 at once), says so in
// the window's notice and leaves the keyboard on the namespace that took its place. Rename (the
// pane's button, F2 on the row) refuses what New namespace refuses, brings a taken name back under
// the field, and follows the namespace to its new name. A root key that may not sees both greyed
// with the missing permission. The pane's title and buttons stay while the overrides scroll (Y10),
// and the audit log names both events.
Item {
    id: root
    width: 1100
    height: 700

    Component {
        id: ratelimitPage
        RatelimitPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: readOnlyPage
        RatelimitPage {
            width: root.width
            height: root.height
            session: testReadOnlySession
        }
    }
    Component {
        id: auditRow
        AuditLogRow {
            width: 1000
            index: 0
            time: 1764165900000
            event: "ratelimitNamespace.update"
            description: "Renamed ratelimit namespace a b to a-b"
            actorType: "rootkey"
            actorId: "rk_1"
            actorName: "support"
            targetList: [{type: "ratelimitNamespace", id: "rlns_1", name: "a-b"}]
            changes: [{field: "name", old: "a b", new: "a-b"}]
            format: testSession.format
        }
    }
    SignalSpy {
        id: notices
        target: testSession
        signalName: "notice"
    }

    TestCase {
        name: "RatelimitNamespaces"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            return result;
        }
        function made(name, overrides) {
            const result = callApi("ratelimit.createNamespace", {name: name});
            verify(result.ok, result.errorDetail);
            for (let i = 0; i < (overrides || 0); ++i) {
                verify(callApi("ratelimit.setOverride", {namespace: name, identifier: "user_" + i, limit: 5,
                                                         duration: 60000}).ok);
            }
            return result.data.namespaceId;
        }
        function limitStatus(name) {
            return callApi("ratelimit.limit", {namespace: name, identifier: "probe", limit: 10, duration: 60000}).httpStatus;
        }
        function opened(component) {
            const page = createTemporaryObject(component, root);
            tryVerify(() => page.session.capabilities.known, H.answerTimeout, "capabilities");
            return page;
        }
        /// The namespace list filtered to @p search, once @p count rows are there.
        function listed(page, search, count) {
            const field = H.find(page, item => item.objectName === "listSearch");
            field.text = search;
            const list = H.find(page, item => item.objectName === "namespaceList");
            tryVerify(() => list.count === count && !list.model.loading, H.answerTimeout, "namespaces matching " + search);
            return list;
        }
        function question(page) {
            let dialog = null;
            tryVerify(() => (dialog = H.find(page, item => item.objectName === "confirmDeleteNamespace")) !== null
                            && dialog.opened, 5000, "the question asked");
            return dialog;
        }
        function shownField(page, name) {
            let field = null;
            tryVerify(() => H.shown(field = H.find(page, item => item.objectName === name)) && field.activeFocus, 5000,
                      name + " focused");
            return field;
        }

        function test_deleteKeyAsksThenDeletes() {
            made("qml-nsdel-a", 2);
            made("qml-nsdel-b");
            verify(limitStatus("qml-nsdel-a") === 200, "served before the deletion");
            const page = opened(ratelimitPage);
            const list = listed(page, "qml-nsdel", 2);
            list.forceActiveFocus();
            list.currentIndex = 0;

            // Cancel (Esc) changes nothing, and gives the keyboard back to the row.
            keyClick(Qt.Key_Delete);
            let dialog = question(page);
            verify(dialog.text.startsWith("Delete the namespace “qml-nsdel-a” and its 2 overrides"), dialog.text);
            verify(dialog.text.endsWith("From then on every ratelimit.limit call naming it fails with 410 (Gone), "
                                        + "and its name cannot be used for a new namespace."), dialog.text);
            keyClick(Qt.Key_Escape);
            tryVerify(() => !dialog.visible, 5000);
            compare(limitStatus("qml-nsdel-a"), 200, "still there after Cancel");
            tryVerify(() => list.activeFocus, 5000, "the keyboard back on the list after Cancel, not on "
                      + root.Window.activeFocusItem);

            notices.clear();
            keyClick(Qt.Key_Delete);
            dialog = question(page);
            keyClick(Qt.Key_Tab); // from Cancel to Delete
            keyClick(Qt.Key_Return);
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "Namespace “qml-nsdel-a” deleted");
            compare(limitStatus("qml-nsdel-a"), 410, "ratelimit.limit on it answers 410 at once");
            tryVerify(() => list.count === 1 && list.activeFocus && list.currentIndex === 0, H.answerTimeout,
                      "the keyboard on the namespace that took its place");
            compare(list.model.rowObject(0).name, "qml-nsdel-b");
            compare(limitStatus("qml-nsdel-b"), 200, "the other namespace kept");
        }

        function test_paneDeleteLeavesTheDeletedNamespace() {
            made("qml-nspane-x", 1);
            const page = opened(ratelimitPage);
            listed(page, "qml-nspane", 1);
            page.namespaceName = "qml-nspane-x";
            let button = null;
            tryVerify(() => H.shown(button = H.find(page, item => item.objectName === "paneDeleteNamespace"))
                            && button.button.enabled, H.answerTimeout, "Delete offered in the pane");
            notices.clear();
            button.clicked();
            const dialog = question(page);
            verify(dialog.text.indexOf("“qml-nspane-x” and its 1 override") >= 0, dialog.text);
            H.find(dialog.footer, item => item.objectName === "confirmButton").clicked();
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "Namespace “qml-nspane-x” deleted");
            compare(page.namespaceName, "", "the pane no longer shows it");
            compare(limitStatus("qml-nspane-x"), 410);
        }

        function test_renameChecksAndFollowsTheNamespace() {
            made("qml-nsren-old", 1);
            made("qml-nsren-taken");
            const page = opened(ratelimitPage);
            const list = listed(page, "qml-nsren", 2);
            list.forceActiveFocus();
            list.currentIndex = 0;
            page.namespaceName = "qml-nsren-old";

            // F2 on the row opens it with the current name selected: typing replaces it.
            keyClick(Qt.Key_F2);
            const field = shownField(page, "renameField");
            compare(field.selectedText, "qml-nsren-old");
            const rename = H.find(page, item => item.objectName === "renameButton");
            verify(!rename.enabled, "the same name is no rename");
            for (const c of "qml-nsren taken")
                keyClick(c);
            verify(!rename.enabled, "a space is refused");
            compare(H.fieldError(page), "Not allowed in a namespace name: spaces. Only a–z, A–Z, 0–9 and _ - . are.");
            field.text = "qml-nsren-taken";
            keyClick(Qt.Key_Return);
            tryVerify(() => H.fieldError(page).indexOf("qml-nsren-taken") >= 0, H.answerTimeout,
                      "the server's answer to a taken name under the field: " + H.fieldError(page));
            tryVerify(() => H.shown(field) && field.activeFocus && field.text === "qml-nsren-taken", 5000, "the dialog back");

            notices.clear();
            field.text = "qml-nsren-new";
            keyClick(Qt.Key_Return);
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "Namespace “qml-nsren-old” renamed to “qml-nsren-new”");
            tryCompare(page, "namespaceName", "qml-nsren-new", H.answerTimeout);
            const overrides = callApi("ratelimit.listOverrides", {namespace: "qml-nsren-new"});
            verify(overrides.ok, overrides.errorDetail);
            compare(overrides.data.length, 1, "its override came along");
            tryVerify(() => H.find(page, item => item.text === "Overrides of qml-nsren-new" && H.shown(item)) !== null,
                      H.answerTimeout, "the pane names the new name");
        }

        function test_greyedWithoutThePermission() {
            made("qml-nsro");
            const page = opened(readOnlyPage);
            page.namespaceName = "qml-nsro";
            for (const [name, permission] of [["paneRenameNamespace", "ratelimit.*.update_namespace"],
                                              ["paneDeleteNamespace", "ratelimit.*.delete_namespace"]]) {
                let button = null;
                tryVerify(() => H.shown(button = H.find(page, item => item.objectName === name)), H.answerTimeout, name);
                verify(!button.button.enabled, name + " greyed");
                verify(String(button.missing).indexOf(permission) >= 0, button.missing);
            }
            compare(limitStatus("qml-nsro"), 200);
        }

        // Walkthrough 23b, Y10: scrolled down, the override list had taken its own title and
        // "Set override" (and now Rename and Delete) out of sight with it.
        function test_paneTitleStaysWhileTheOverridesScroll() {
            made("qml-nsscroll", 30);
            const page = opened(ratelimitPage);
            page.namespaceName = "qml-nsscroll";
            const list = H.find(page, item => item.objectName === "overrideList");
            tryVerify(() => list.count === 30 && !list.model.loading, H.answerTimeout);
            const setOverride = H.find(page, item => item.objectName === "paneSetOverride");
            const topBefore = setOverride.mapToItem(page, 0, 0).y;
            verify(topBefore >= 0, "in view at first: " + topBefore);
            list.forceActiveFocus();
            list.currentIndex = 0;
            for (let i = 0; i < 29; ++i)
                keyClick(Qt.Key_Down);
            tryVerify(() => list.contentY > list.originY + 200, 5000, "the overrides scrolled: " + (list.contentY - list.originY));
            compare(setOverride.mapToItem(page, 0, 0).y, topBefore, "Set override stays where it was");
            verify(H.shown(setOverride));
            const title = H.find(page, item => item.objectName === "namespacePaneTitle");
            compare(title.text, "Overrides of qml-nsscroll");
            compare(title.mapToItem(page, 0, 0).y >= 0, true);
            verify(title.mapToItem(page, 0, 0).y + title.height <= list.mapToItem(page, 0, 0).y, "the title above the rows");
        }

        function test_auditLogNamesTheEvents() {
            const renamed = createTemporaryObject(auditRow, root);
            compare(renamed.eventText, "Namespace renamed");
            compare(renamed.shownDescription, "Renamed namespace a-b");
            compare(renamed.changeText, "Name: “a b” → “a-b”");
            const deleted = createTemporaryObject(auditRow, root, {event: "ratelimitNamespace.delete",
                                                                   description: "Deleted ratelimit namespace x",
                                                                   targetList: [{type: "ratelimitNamespace", id: "rlns_2", name: "x"}],
                                                                   changes: []});
            compare(deleted.eventText, "Namespace deleted");
            compare(deleted.shownDescription, "Deleted namespace x");
            compare(deleted.descriptionTip, "", "a known event: no 'not translated' note");
        }
    }
}
