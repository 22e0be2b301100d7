import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// After Revoke or Delete in a list the keyboard is on the row that took the removed row's place,
// on the one before when it was the last, on the list's search field when none is left (issue 4,
// full tab navigation: the focus went with the row's button, and Tab started again from the
// window's top).
Item {
    id: root
    width: 1100
    height: 700

    Component {
        id: rootKeysPage
        RootKeysPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: permissionsPage
        PermissionsPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }

    TestCase {
        name: "RemovalFocus"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result;
        }
        /// The delegate of @p list showing @p text, once the list has it.
        function rowShowing(list, text) {
            let label = null;
            tryVerify(() => (label = H.find(list, item => item.text === text && H.shown(item))) !== null,
                      H.answerTimeout, "the row of " + text);
            let row = label;
            while (row && row.parent !== list.contentItem)
                row = row.parent;
            return row;
        }
        /// Confirm on the question once it is open, and wait until it is gone: an open() during its
        /// closing transition (the next Revoke at once) is lost.
        function confirm(page) {
            let question = null;
            tryVerify(() => (question = H.find(page, item => item.confirmText !== undefined && item.opened === true)) !== null,
                      5000, "the question");
            mouseClick(H.find(question.footer, item => item.objectName === "confirmButton"));
            tryVerify(() => !question.visible, 5000, "the question closed");
        }
        /// The row the keyboard is on, as the user sees it: the list has the focus and marks it.
        function focusedRowShows(list, text) {
            return list.activeFocus && list.currentItem !== null
                   && H.find(list.currentItem, item => item.text === text) !== null;
        }

        /// Whether the list's current row shows the keyboard's frame (ListFocusRing).
        function ringShown(list) {
            const ring = list.currentItem ? H.find(list.currentItem, item => item.objectName === "listFocusRing") : null;
            return ring !== null && ring.visible;
        }

        function test_revokeMovesToTheNextRootKey() {
            const names = ["focus next a", "focus next b", "focus next c"];
            for (const name of names)
                callApi("rootKeys.createRootKey", {name: name, permissions: ["api.*.read_api"]});
            const page = createTemporaryObject(rootKeysPage, root);
            const list = H.find(page, item => item instanceof ListView);
            for (const name of names)
                rowShowing(list, name);
            // The middle one: its place goes to the next.
            mouseClick(H.find(rowShowing(list, "focus next b"), item => item.objectName === "rootKeyRevoke-button"));
            confirm(page);
            tryVerify(() => focusedRowShows(list, "focus next c"), H.answerTimeout,
                      "the keyboard on the next root key; focus on " + list.Window.activeFocusItem);
            // Walkthrough 22, X16: after clicks, no keyboard frame on the row (the next key shows it).
            verify(!ringShown(list), "no keyboard frame after a click on Revoke");
            // The last one: the one before it.
            mouseClick(H.find(rowShowing(list, "focus next c"), item => item.objectName === "rootKeyRevoke-button"));
            confirm(page);
            tryVerify(() => focusedRowShows(list, "focus next a"), H.answerTimeout,
                      "the keyboard on the root key before; focus on " + list.Window.activeFocusItem);
            keyClick(Qt.Key_Down); // the arrows go on from there
            verify(list.activeFocus);
            verify(ringShown(list), "a key pressed: the row shows the keyboard's frame");
        }

        function test_deleteMovesToTheNextRowThenTheSearch() {
            callApi("permissions.createPermission", {name: "rmfocus.a", slug: "rmfocus.a"});
            callApi("permissions.createPermission", {name: "rmfocus.b", slug: "rmfocus.b"});
            const page = createTemporaryObject(permissionsPage, root);
            const search = H.find(page, item => item.selectByMouse !== undefined && item.Accessible.name === "Search permissions");
            verify(search);
            search.forceActiveFocus();
            for (const c of "rmfocus")
                keyClick(c);
            const list = H.find(page, item => item instanceof ListView && item.Accessible.name === "Permissions");
            verify(list);
            tryVerify(() => list.model.search === "rmfocus" && !list.model.loading && list.count === 2, H.answerTimeout);
            mouseClick(H.byText(rowShowing(list, "rmfocus.a"), "Delete"));
            confirm(page);
            tryVerify(() => focusedRowShows(list, "rmfocus.b") && list.count === 1, H.answerTimeout,
                      "the keyboard on the next permission; focus on " + list.Window.activeFocusItem);
            // Delete on the keyboard, for the last one: back to the search field.
            keyClick(Qt.Key_Delete);
            confirm(page);
            tryVerify(() => search.activeFocus && list.count === 0, H.answerTimeout,
                      "the keyboard in the search field; focus on " + list.Window.activeFocusItem);
        }
    }
}
