import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// RootKeysPage against the test server (walkthrough G21): a root key's permissions read in the
// create dialog's words (the raw ids in the tooltip), and its rk_… id is shown, selectable, for the
// audit log's Actor filter.
Item {
    id: root
    width: 1100
    height: 700

    RootKeysPage {
        id: page
        anchors.fill: parent
        session: testSession
    }
    // What the page says it did goes to the window's notice, as on every page (walkthrough 22, W23).
    SignalSpy {
        id: notices
        target: testSession
        signalName: "notice"
    }
    Component {
        id: pageComponent
        RootKeysPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: readOnlyPage
        RootKeysPage {
            width: root.width
            height: root.height
            session: testReadOnlySession
        }
    }

    TestCase {
        name: "RootKeysPage"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result;
        }

        // A root key that may not read root keys: the page names the missing permission as every
        // list does (PermissionWords: its words, then its name), once; the page's own sentence
        // ("may not read root keys (…)") is gone.
        function test_mayNotReadSaysThePermissionOnce() {
            const made = createTemporaryObject(readOnlyPage, root);
            const sayings = () => H.findAll(made, item => item.text !== undefined && H.shown(item)
                                            && String(item.text).indexOf("read_root_key") >= 0).map(item => String(item.text));
            tryVerify(() => sayings().length > 0, H.answerTimeout, "the missing permission said");
            compare(sayings(), ["Your root key lacks the permission “View root keys” (workspace.*.read_root_key)."]);
        }

        /// The page's Refresh, as a user clicks it: the root keys and the APIs they name.
        function refresh() {
            const button = H.find(page, item => item.text === "Refresh" && item.clicked !== undefined);
            verify(button, "Refresh");
            button.clicked();
        }

        // The page named a one-API root key's API after reading every page of apis.listApis (one
        // request per 50 APIs, at every visit, for the few APIs root keys are limited to): it asks
        // for those APIs only, one apis.getApi each.
        function test_asksOnlyForTheApisItNames() {
            const created = callApi("rootKeys.createRootKey", { name: "qml one api", permissions: ["api." + testSample.apiId + ".read_key"] }).data;
            try {
                const listed = testServer.answered("apis.listApis");
                const asked = testServer.answered("apis.getApi");
                const made = createTemporaryObject(pageComponent, root);
                const words = () => {
                    const id = H.find(made, item => item.objectName === "rootKeyIdText" && item.text === created.rootKeyId);
                    return id ? H.find(id.parent, item => item.objectName === "rootKeyPermissions").text : "";
                };
                tryVerify(() => words() === "View keys (qml-tests)", H.answerTimeout, words());
                compare(testServer.answered("apis.listApis"), listed, "apis.listApis asked");
                verify(testServer.answered("apis.getApi") > asked, "no apis.getApi");
            } finally {
                callApi("rootKeys.deleteRootKey", {rootKeyId: created.rootKeyId});
            }
        }

        // An API that is gone is named by its id: the name is nowhere any more.
        function test_goneApiNamedByItsId() {
            const apiId = callApi("apis.createApi", { name: "qml gone api" }).data.apiId;
            const created = callApi("rootKeys.createRootKey", { name: "qml gone api key", permissions: ["api." + apiId + ".read_key"] }).data;
            try {
                const list = H.find(page, item => item instanceof ListView);
                const words = () => {
                    const id = H.find(list, item => item.objectName === "rootKeyIdText" && item.text === created.rootKeyId);
                    return id ? H.find(id.parent, item => item.objectName === "rootKeyPermissions").text : "";
                };
                refresh();
                tryVerify(() => words() === "View keys (qml gone api)", H.answerTimeout, words());
                callApi("apis.deleteApi", { apiId: apiId });
                refresh();
                tryVerify(() => words() === "View keys (" + apiId + ")", H.answerTimeout, words());
            } finally {
                callApi("rootKeys.deleteRootKey", {rootKeyId: created.rootKeyId});
            }
        }

        function test_permissionsInWordsAndTheIdSelectable() {
            const apiId = testSample.apiId;
            const created = callApi("rootKeys.createRootKey", {
                name: "qml words", permissions: ["api.*.create_api", "api." + apiId + ".read_key", "ratelimit.*.limit"]}).data;
            try {
                const list = H.find(page, item => item instanceof ListView);
                refresh();
                let row = null;
                tryVerify(() => (row = H.find(list, item => item.objectName === "rootKeyIdText"
                                                            && item.text === created.rootKeyId)) !== null,
                          H.answerTimeout, "the new root key's row");
                compare(row.text, created.rootKeyId);
                verify(row.selectByMouse && row.readOnly);
                row.selectAll();
                compare(row.selectedText, created.rootKeyId);
                const words = H.find(row.parent, item => item.objectName === "rootKeyPermissions");
                // Walkthrough 22/X14: the API by its name, as the audit log names it (it was its id).
                tryCompare(words, "text", "Create APIs, View keys (qml-tests), Check rate limits", H.answerTimeout);
                // Walkthrough (issue 4): hovering a row showed its raw ids over the next row. A
                // list cut short shows whole in the same words, over its own lines.
                const tip = H.find(words, item => item.objectName === "rootKeyPermissionsTip");
                verify(tip, "the permissions' own tooltip");
                compare(tip.text, words.text);
                verify(tip.y <= 0, "over the lines it completes, not below them over the next row");
                verify(!words.truncated && !tip.visible, "no tooltip for a list shown whole");
            } finally {
                callApi("rootKeys.deleteRootKey", {rootKeyId: created.rootKeyId});
            }
        }

        // Walkthrough 20/7: on the key in use, the greyed Revoke's reason and the whole permission
        // list opened on top of each other (the list's tooltip opened anywhere on the row). One
        // tooltip at a time, for what the pointer is on.
        function test_oneTooltipForWhatThePointerIsOn() {
            const list = H.find(page, item => item instanceof ListView);
            let row = null;
            tryVerify(() => (row = H.find(list, item => item.current === true && item.rootKeyId !== undefined)) !== null,
                      H.answerTimeout, "the row of the key in use");
            const words = H.find(row, item => item.objectName === "rootKeyPermissions");
            const tip = H.find(words, item => item.objectName === "rootKeyPermissionsTip");
            const revoke = H.find(row, item => item.objectName === "rootKeyRevoke-button");
            verify(words && tip && revoke);
            root.width = 700; // the bootstrap key's whole list cut short
            tryVerify(() => words.truncated, 5000, "the list is cut short");
            // The narrower page laid out (its header may take two lines) before the pointer aims.
            waitForRendering(page);
            waitForRendering(page);
            try {
                // On the list: it shows whole on its own lines.
                mouseMove(root, 1, 1);
                mouseMove(words, 5, words.height / 2);
                mouseMove(words, 10, words.height / 2);
                tryVerify(() => tip.visible, 5000, "the list shows whole on its own lines");
                // On to Revoke along the row: only Revoke's reason.
                for (let x = 10; x < words.width; x += 40)
                    mouseMove(words, x, words.height / 2);
                mouseMove(revoke, revoke.width / 2, revoke.height / 2);
                tryVerify(() => !tip.visible, 5000, "the permission list stayed over Revoke's reason");
                wait(600); // past the tooltips' delay: nothing to wait for that must not happen
                verify(!tip.visible, "the permission list opened over Revoke's reason");
            } finally {
                mouseMove(root, 1, 1);
                root.width = 1100;
            }
        }

        // Walkthrough (issue 4): after Revoke the row was gone and nothing said it was revoked.
        function test_revokeIsSaid() {
            const created = callApi("rootKeys.createRootKey", {name: "qml revoke me", permissions: ["api.*.read_api"]}).data;
            const list = H.find(page, item => item instanceof ListView);
            list.model.refresh();
            let name = null;
            tryVerify(() => (name = H.find(list, item => item.text === "qml revoke me" && H.shown(item))) !== null,
                      H.answerTimeout, "the new root key's row");
            let row = name;
            while (row && row.rootKeyId === undefined)
                row = row.parent;
            const revoke = H.find(row, item => item.objectName === "rootKeyRevoke-button");
            verify(revoke && revoke.enabled);
            mouseClick(revoke);
            let confirm = null;
            tryVerify(() => (confirm = H.find(page, item => item.objectName === "confirmButton" && H.shown(item))) !== null, 5000);
            // Two keys may share a name: the question names its start too (walkthrough 19/5).
            const question = H.find(page, item => typeof item.text === "string" && H.shown(item)
                                                  && item.text.startsWith("Revoke “qml revoke me”"));
            verify(question, "the revoke question");
            verify(/^Revoke “qml revoke me” \(\S+…\)\? /.test(question.text), question.text);
            notices.clear();
            mouseClick(confirm);
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "Root key “qml revoke me” revoked");
            tryVerify(() => H.find(list, item => item.text === "qml revoke me" && H.shown(item)) === null, H.answerTimeout);
            compare(created.rootKeyId.length > 0, true);
        }

        // Walkthrough (issue 4, stop 19): a second root key named "bootstrap" was taken unsaid, and
        // then nothing told the two apart. The create dialog says the name is taken (the server
        // allows it, so it does not refuse).
        function test_aSecondKeyOfANameIsWarnedOf() {
            const created = callApi("rootKeys.createRootKey", {name: "qml twin", permissions: ["api.*.read_api"]}).data;
            try {
                const list = H.find(page, item => item instanceof ListView);
                list.model.refresh();
                tryVerify(() => H.find(list, item => item.text === "qml twin" && H.shown(item)) !== null,
                          H.answerTimeout, "the root key's row");
                const button = H.find(page, item => item.text === "New root key" && item.pressed !== undefined);
                verify(button && button.enabled);
                mouseClick(button);
                const field = H.find(page, item => item.objectName === "rootKeyName");
                tryVerify(() => H.shown(field), 5000, "the dialog opened");
                field.forceActiveFocus();
                for (const c of "qml twi")
                    keyClick(c);
                const warned = () => H.find(page, item => typeof item.text === "string" && H.shown(item)
                                                          && item.text.startsWith("A root key is named"));
                verify(!warned(), "no warning for a name of its own");
                keyClick("n");
                const hint = warned();
                verify(hint, "the warning for a taken name");
                compare(hint.text, "A root key is named “qml twin” already: give this one a name of its own, so that the list, the audit log and the revoke question tell them apart.");
                keyClick(Qt.Key_Escape); // asks to discard the typed name
                let discard = null;
                tryVerify(() => (discard = H.find(page, item => item.objectName === "confirmButton" && H.shown(item))) !== null,
                          5000, "the discard question");
                mouseClick(discard);
                tryVerify(() => !H.shown(field), 5000);
            } finally {
                callApi("rootKeys.deleteRootKey", {rootKeyId: created.rootKeyId});
            }
        }

        /// The server's HTTP status for @p action called with the root key @p key (not the session's).
        function statusAs(key, action, body) {
            const request = new XMLHttpRequest();
            let status = 0;
            request.onreadystatechange = () => {
                if (request.readyState === XMLHttpRequest.DONE)
                    status = request.status;
            };
            request.open("POST", String(testSession.client.baseUrl).replace(/\/$/, "") + "/v2/" + action);
            request.setRequestHeader("Authorization", "Bearer " + key);
            request.setRequestHeader("Content-Type", "application/json");
            request.send(JSON.stringify(body));
            tryVerify(() => status !== 0, H.answerTimeout, action + " answered");
            return status;
        }

        // Walk 21/W25: the dialog could only grant `api.*` permissions, though the server knows root
        // keys of one API (`api.<id>.read_key`). "For which APIs" limits the APIs-and-keys permissions to the
        // API chosen: the key made reads that API's keys and is refused another API's.
        function test_aRootKeyForOneApi() {
            const otherApi = callApi("apis.createApi", {name: "qml-other-api"}).data.apiId;
            const otherKey = callApi("keys.createKey", {apiId: otherApi, name: "qml other key"}).data.keyId;
            let rootKeyId = "";
            try {
                const button = H.find(page, item => item.text === "New root key" && item.pressed !== undefined);
                mouseClick(button);
                const field = H.find(page, item => item.objectName === "rootKeyName");
                tryVerify(() => H.shown(field), 5000, "the dialog opened");
                const box = H.find(page, item => item.objectName === "rootKeyApi");
                verify(H.shown(box), "the API choice");
                compare(box.currentText, "All APIs");
                // Walkthrough 22 (X13): the box was laid out 0 px wide, its arrow left of the dialog,
                // the API picked never readable. It lines up with the Name field, as wide.
                const inDialog = item => item.mapToItem(field.Window.contentItem, 0, 0).x;
                tryVerify(() => box.width === field.width && inDialog(box) === inDialog(field), 5000,
                          "the box as wide as the name field and under it: " + box.width + " at " + inDialog(box)
                          + ", the field " + field.width + " at " + inDialog(field));
                const sampleRow = () => box.model.findIndex(choice => choice.apiId === testSample.apiId);
                tryVerify(() => sampleRow() > 0, H.answerTimeout, "the sample API listed");
                verify(box.model.some(choice => choice.apiId === otherApi), "every API listed");
                box.currentIndex = sampleRow();
                box.activated(box.currentIndex);
                compare(box.currentText, "qml-tests");
                verify(box.contentItem.width >= box.contentItem.implicitWidth, "the API picked is shown whole");
                const createApis = H.find(page, item => item.objectName === "api.*.create_api");
                verify(!createApis.enabled, "creating APIs is workspace-wide");
                const viewKeys = H.find(page, item => item.objectName === "api.*.read_key");
                verify(viewKeys.enabled);
                mouseClick(viewKeys);
                field.forceActiveFocus();
                for (const c of "qml one api")
                    keyClick(c);
                const create = H.find(page, item => item.objectName === "createButton");
                verify(create.enabled);
                mouseClick(create);
                const dialog = H.find(page, item => item instanceof RootKeyDialog);
                tryVerify(() => dialog.showing, H.answerTimeout, "the key created and shown");
                rootKeyId = dialog.shownKeyId;
                const key = dialog.shownKey;
                compare(statusAs(key, "keys.getKey", {keyId: testSample.keyId}), 200);
                compare(statusAs(key, "keys.getKey", {keyId: otherKey}), 403);
                mouseClick(H.find(page, item => item.objectName === "rootkey-done"));
                tryCompare(dialog.discardQuestion, "opened", true); // not copied: Done asks first
                mouseClick(H.byText(dialog.discardQuestion.footer, "Close"));
                tryVerify(() => !dialog.visible, 5000);
            } finally {
                if (rootKeyId !== "")
                    callApi("rootKeys.deleteRootKey", {rootKeyId: rootKeyId});
                callApi("apis.deleteApi", {apiId: otherApi});
            }
        }

        // Walkthrough (issue 4): Revoke on the key of this connection was greyed without a reason.
        function test_revokeOfThisConnectionSaysWhy() {
            const list = H.find(page, item => item instanceof ListView);
            let revoke = null;
            tryVerify(() => (revoke = H.find(list, item => item.objectName === "rootKeyRevoke"
                                                           && item.parent.parent.current === true)) !== null,
                      H.answerTimeout, "this connection's row");
            verify(!revoke.button.enabled);
            compare(revoke.tip, "This is the key this dashboard is connected with: it cannot revoke itself.");
            compare(revoke.button.Accessible.description, revoke.tip);
        }

        // Walkthrough H8: in the dark theme the id was drawn almost black on the dark rows.
        function test_idReadableInBothThemes_data() {
            return [{tag: "light", theme: Material.Light}, {tag: "dark", theme: Material.Dark}];
        }
        function test_idReadableInBothThemes(data) {
            page.Material.theme = data.theme;
            try {
                const list = H.find(page, item => item instanceof ListView);
                let id = null;
                tryVerify(() => (id = H.find(list, item => item.objectName === "rootKeyIdText")) !== null, H.answerTimeout);
                const ratio = H.contrast(id.color, page.Material.backgroundColor);
                verify(ratio >= 4.5, data.tag + ": contrast " + ratio.toFixed(2) + " of " + id.color + " on "
                       + page.Material.backgroundColor);
            } finally {
                page.Material.theme = Material.Light;
            }
        }
    }
}
