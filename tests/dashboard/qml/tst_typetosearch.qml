import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Typing on a list page searches (walkthrough, issue 4: on Owners the keyboard was on the first
// row and typing went nowhere; only Ctrl+F reached the search): a character typed in the list goes
// on in the page's search field, which keeps the focus. Space and Ctrl shortcuts stay the list's.
Item {
    id: root
    width: 1100
    height: 700

    Component {
        id: ownersPage
        OwnersPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: apisPage
        ApisPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: keysPage
        KeysPage {
            width: root.width
            height: root.height
            session: testSession
            apiId: testSample.apiId
            chartsShown: false
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

    Component {
        id: ratelimitPage
        RatelimitPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }

    TestCase {
        name: "TypeToSearch"
        when: windowShown

        function initTestCase() {
            let answers = 0;
            testSession.client.call("permissions.createPermission", {name: "typed.search", slug: "typed.search"},
                                    () => ++answers);
            testSession.client.call("ratelimit.createNamespace", {name: "typed-search"}, () => ++answers);
            tryVerify(() => answers === 2, H.answerTimeout);
        }

        function test_typingInAListSearches_data() {
            return [
                {tag: "owners", page: ownersPage},
                {tag: "apis", page: apisPage},
                {tag: "keys", page: keysPage},
                {tag: "permissions", page: permissionsPage},
                {tag: "rate-limit namespaces", page: ratelimitPage},
            ];
        }
        function test_typingInAListSearches(data) {
            const page = createTemporaryObject(data.page, root);
            // The keys page's list is no Tab stop of its own (its rows are, after the charts).
            const list = H.find(page, item => item.keyNavigationEnabled === true && H.shown(item));
            verify(list, "the page's list");
            tryVerify(() => list.count > 0, H.answerTimeout, "rows to be on");
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick("t");
            keyClick("y");
            const field = page.Window.activeFocusItem;
            verify(field && field.selectByMouse !== undefined, "the search field has the keyboard: " + field);
            compare(field.text, "ty");
            verify(field.placeholderText.indexOf("Search") >= 0 || field.placeholderText.indexOf("Filter") >= 0,
                   field.placeholderText);
            keyClick(Qt.Key_Down); // back to the list: the search stays
            list.forceActiveFocus();
            keyClick("p");
            compare(field.text, "typ", "typed on at the end");
            verify(field.activeFocus);
        }

        function test_spaceAndShortcutsStayTheLists() {
            const page = createTemporaryObject(ownersPage, root);
            const list = H.find(page, item => item.keyNavigationEnabled === true && item.activeFocusOnTab === true);
            tryVerify(() => list.count > 0, H.answerTimeout);
            list.forceActiveFocus();
            keyClick(Qt.Key_Space);
            keyClick(Qt.Key_A, Qt.ControlModifier);
            verify(list.activeFocus, "the list keeps the keyboard");
        }
    }
}
