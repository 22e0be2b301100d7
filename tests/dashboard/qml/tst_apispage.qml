import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ApisPage against the test server (walkthrough 23b, Y8: an API could not be deleted anywhere in
// the dashboard). A row's Delete, or the Delete key on the current row, asks first, naming the API
// and how many keys stop working; Cancel changes nothing; Delete removes it on the server, says so
// in the window's notice and leaves the keyboard on the row that took its place. A root key that
// may not delete APIs sees the button greyed.
Item {
    id: root
    width: 1100
    height: 700

    Component {
        id: apisPage
        ApisPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: readOnlyPage
        ApisPage {
            width: root.width
            height: root.height
            session: testReadOnlySession
        }
    }
    SignalSpy {
        id: notices
        target: testSession
        signalName: "notice"
    }

    TestCase {
        name: "ApisPage"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            return result;
        }
        function made(name) {
            const result = callApi("apis.createApi", {name: name});
            verify(result.ok, result.errorDetail);
            return result.data.apiId;
        }
        /// The page filtered to @p search, its list once the rows are there.
        function listed(page, search, count) {
            const field = H.find(page, item => item.objectName === "listSearch");
            field.text = search;
            const list = H.find(page, item => item instanceof ListView);
            tryVerify(() => list.count === count && !list.model.loading, H.answerTimeout, "rows of " + search);
            return list;
        }
        function shownConfirm(page) {
            let confirm = null;
            tryVerify(() => (confirm = H.find(page, item => item.objectName === "confirmButton" && H.shown(item))) !== null,
                      5000, "the question asked");
            return confirm;
        }
        function question(page, start) {
            return H.find(page, item => typeof item.text === "string" && H.shown(item) && item.text.startsWith(start));
        }

        function test_deleteAsksThenDeletes() {
            const first = made("qml-apidel one");
            const second = made("qml-apidel two");
            verify(callApi("keys.createKey", {apiId: first, name: "qml apidel key"}).ok);
            const page = createTemporaryObject(apisPage, root);
            tryVerify(() => !testSession.capabilities.pending, H.answerTimeout);
            const list = listed(page, "qml-apidel", 2);
            const button = () => H.find(list, item => item.objectName === "apiDelete" && H.shown(item));
            tryVerify(() => button() !== null && button().button.enabled, H.answerTimeout, "Delete offered");

            // Cancel (Esc) changes nothing.
            list.forceActiveFocus();
            list.currentIndex = 0;
            verify(list.activeFocus, "the keyboard in the list");
            keyClick(Qt.Key_Delete);
            shownConfirm(page);
            verify(question(page, "Delete the API “qml-apidel one” and its 1 key"), "the question names the API and its keys");
            keyClick(Qt.Key_Escape);
            tryVerify(() => H.find(page, item => item.objectName === "confirmButton" && H.shown(item)) === null, 5000);
            verify(callApi("apis.getApi", {apiId: first}).ok, "still there after Cancel");
            tryVerify(() => list.activeFocus, 5000, "the keyboard back on the list after Cancel");

            notices.clear();
            keyClick(Qt.Key_Delete);
            mouseClick(shownConfirm(page));
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "API “qml-apidel one” deleted");
            const gone = callApi("apis.getApi", {apiId: first});
            verify(!gone.ok, "deleted on the server");
            compare(gone.httpStatus, 404);
            tryVerify(() => list.count === 1 && list.activeFocus && list.currentIndex === 0, H.answerTimeout,
                      "the keyboard on the row that took its place");
            verify(callApi("apis.getApi", {apiId: second}).ok, "the other API kept");
        }

        function test_greyedWithoutThePermission() {
            made("qml-apidel readonly");
            const page = createTemporaryObject(readOnlyPage, root);
            tryVerify(() => testReadOnlySession.capabilities.known, H.answerTimeout);
            const list = listed(page, "qml-apidel readonly", 1);
            let button = null;
            tryVerify(() => (button = H.find(list, item => item.objectName === "apiDelete" && H.shown(item))) !== null,
                      H.answerTimeout);
            verify(!button.button.enabled, "greyed");
            verify(String(button.missing).indexOf("api.*.delete_api") >= 0, button.missing);
        }
    }
}
