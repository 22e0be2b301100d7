import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// RatelimitPage against the test server: a fresh namespace shows the overrides' empty state; in
// the override list Enter opens the chosen override for editing and Delete asks before deleting;
// Esc closes both.
Item {
    id: root
    width: 1060
    height: 700

    RatelimitPage {
        id: page
        anchors.fill: parent
        session: testSession
    }

    TestCase {
        name: "RatelimitPage"
        when: windowShown

        function named(name) {
            return H.find(page, item => item.objectName === name);
        }
        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, 10000, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result;
        }

        function test_freshNamespaceHasNoOverrides() {
            callApi("ratelimit.createNamespace", {name: "qml-page-empty"});
            page.namespaceName = "qml-page-empty";
            const placeholder = H.find(page, item => item.title === "No overrides");
            tryVerify(() => H.shown(placeholder) && !placeholder.loading, 10000);
            verify(placeholder.hint.indexOf("Set override") >= 0);
            compare(named("overrideList").count, 0);
        }

        function test_enterEditsDeleteAsksEscCloses() {
            callApi("ratelimit.createNamespace", {name: "qml-page-keys"});
            callApi("ratelimit.setOverride", {namespace: "qml-page-keys", identifier: "vip_*", limit: 7, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), 10000, "capabilities loaded");
            page.namespaceName = "qml-page-keys";
            const list = named("overrideList");
            tryVerify(() => list.count === 1, 10000);
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick(Qt.Key_Return);
            const field = named("identifierField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened on the identifier");
            compare(field.text, "vip_*");
            keyClick(Qt.Key_Escape);
            tryVerify(() => !H.shown(field), 5000);

            list.forceActiveFocus();
            keyClick(Qt.Key_Delete);
            const confirm = H.find(page, item => item.title === "Delete override");
            tryVerify(() => confirm.opened, 5000);
            verify(confirm.text.indexOf("vip_*") >= 0, confirm.text);
            keyClick(Qt.Key_Escape);
            tryVerify(() => !confirm.visible, 5000);
            compare(list.count, 1); // nothing deleted
        }
    }
}
