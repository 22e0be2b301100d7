import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Key lists follow the one issue-key dialog: an API's keys (also an empty list, also while the
// page is hidden under another one) and an owner's keys show a key issued there without Refresh,
// and they follow what a key page changes, however that page was opened.
// And the Keys page's bulk bar does not push the rows down when the first box is checked, and
// each of its actions asks first with the number of keys.
Item {
    id: root
    width: 1200
    height: 800

    Component {
        id: keysPage
        KeysPage {
            anchors.fill: parent
            session: testSession
            chartsShown: false
        }
    }

    Component {
        id: ownerPage
        OwnerDetailPage {
            width: 1200
            height: 800
            session: testSession
        }
    }

    Component {
        id: keyPage
        KeyDetailPage {
            session: testSession
        }
    }

    StackView {
        id: stack
        width: 1200
        height: 800
        visible: false
    }

    Component {
        id: issueDialog
        IssueKeyDialog {
            session: testSession
        }
    }

    function callApi(action, body) {
        let result = null;
        testSession.client.call(action, body, answer => result = answer);
        keysFollow.tryVerify(() => result !== null, H.answerTimeout, action);
        keysFollow.verify(result.ok, action + ": " + result.errorDetail);
        return result.data;
    }

    TestCase {
        id: keysFollow
        name: "KeyListsFollowTheIssueDialog"
        when: windowShown

        function issueThroughDialog(prefill, name) {
            const dialog = createTemporaryObject(issueDialog, root);
            verify(dialog);
            dialog.openWith(prefill);
            tryVerify(() => dialog.opened, H.answerTimeout);
            dialog.controller.name = name;
            verify(dialog.controller.issue());
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            dialog.close();
        }

        function test_firstKeyOfAnApiAppears() {
            const apiId = root.callApi("apis.createApi", { name: "follow-" + Date.now() }).apiId;
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            verify(page);
            const keys = findChild(page, "keysModel");
            tryVerify(() => !keys.loading, H.answerTimeout);
            compare(keys.count, 0);
            verify(H.byText(page, "This API has no keys yet") !== null);

            issueThroughDialog({ apiId: apiId }, "first of its api");
            tryVerify(() => keys.count === 1, H.answerTimeout, "the new key is listed without Refresh");
            compare(keys.rowObject(0).name, "first of its api");
        }

        function test_hiddenListFollowsToo() {
            const apiId = root.callApi("apis.createApi", { name: "follow-hidden-" + Date.now() }).apiId;
            root.callApi("keys.createKey", { apiId: apiId, name: "older" });
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === 1 && !keys.loading, H.answerTimeout);
            page.visible = false; // another page is on top of it
            issueThroughDialog({ apiId: apiId }, "issued elsewhere");
            tryVerify(() => keys.count === 2, H.answerTimeout, "the hidden list refreshed");
        }

        function test_ownerKeysAppear() {
            const externalId = "follow-owner-" + Date.now();
            const identityId = root.callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            verify(page);
            tryVerify(() => H.containingText(page, "Keys (0)") !== null, H.answerTimeout);

            issueThroughDialog({ apiId: testSample.apiId, externalId: externalId }, "owner's key");
            tryVerify(() => H.containingText(page, "Keys (1)") !== null, H.answerTimeout, "the owner page lists the key");
        }
    }

    // Walkthrough H3: a key opened from the issue dialog's "Open key" (not from its row) was
    // disabled, topped up and rerolled, and its API's list still showed it as issued, without the
    // new key, until Refresh.
    TestCase {
        id: keyPageFollow
        name: "KeyListsFollowTheKeyPage"
        when: windowShown

        function rowOf(keys, keyId) {
            for (let row = 0; row < keys.count; ++row) {
                if (keys.rowObject(row).keyId === keyId)
                    return keys.rowObject(row);
            }
            return null;
        }

        function openKeyPage(keyId) {
            stack.clear();
            const page = stack.push(keyPage, { keyId: keyId }, StackView.Immediate);
            verify(page);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            return page;
        }

        function test_apiKeysFollowSavesAndReroll() {
            const apiId = root.callApi("apis.createApi", { name: "keypage-follow-" + Date.now() }).apiId;
            const keyId = root.callApi("keys.createKey", { apiId: apiId, name: "followed" }).keyId;
            const list = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(list, "keysModel");
            tryVerify(() => keys.count === 1 && !keys.loading, H.answerTimeout);
            compare(rowOf(keys, keyId).enabled, true);

            const page = openKeyPage(keyId);
            verify(page.controller.saveEnabled(false));
            tryVerify(() => rowOf(keys, keyId).enabled === false, H.answerTimeout, "the row shows the key disabled");
            verify(page.controller.saveName("followed, renamed"));
            tryVerify(() => rowOf(keys, keyId).name === "followed, renamed", H.answerTimeout, "the row has the new name");

            verify(page.controller.reroll(3600000));
            tryVerify(() => keys.count === 2 && !keys.loading, H.answerTimeout, "the reroll's new key is listed");
            verify(rowOf(keys, page.controller.newKeyId) !== null);
            page.controller.forgetNewKey();
            stack.clear();
        }

        // Credits spent while the page was open show in the list once the page closes.
        function test_listRowIsFetchedWhenTheKeyPageCloses() {
            const apiId = root.callApi("apis.createApi", { name: "keypage-close-" + Date.now() }).apiId;
            const created = root.callApi("keys.createKey", { apiId: apiId, credits: { remaining: 10 } });
            const list = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(list, "keysModel");
            tryVerify(() => keys.count === 1 && !keys.loading, H.answerTimeout);
            compare(rowOf(keys, created.keyId).credits.remaining, 10);

            openKeyPage(created.keyId);
            compare(root.callApi("keys.verifyKey", { key: created.key }).valid, true);
            stack.pop(null, StackView.Immediate);
            stack.clear(StackView.Immediate);
            tryVerify(() => rowOf(keys, created.keyId).credits.remaining === 9, H.answerTimeout,
                      "the row shows the credit spent while the page was open");
        }

        function test_ownerKeysFollowTheKeyPage() {
            const externalId = "keypage-owner-" + Date.now();
            const identityId = root.callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const keyId = root.callApi("keys.createKey", { apiId: testSample.apiId, externalId: externalId,
                                                           name: "owner's followed" }).keyId;
            const owner = createTemporaryObject(ownerPage, root, { identityId: identityId });
            tryVerify(() => H.containingText(owner, "Keys (1)") !== null, H.answerTimeout);
            const keys = findChild(owner, "keysModel");
            tryVerify(() => rowOf(keys, keyId) !== null, H.answerTimeout);

            const page = openKeyPage(keyId);
            verify(page.controller.saveEnabled(false));
            tryVerify(() => rowOf(keys, keyId).enabled === false, H.answerTimeout, "the owner's row shows it disabled");
            stack.clear();
        }
    }

    TestCase {
        name: "KeysBulkBarKeepsRowsInPlace"
        when: windowShown

        function rowsOf(page) {
            const rows = H.findAll(page, item => item.toggled !== undefined && item.opened !== undefined
                                   && item.selectable !== undefined);
            rows.sort((a, b) => a.mapToItem(page, 0, 0).y - b.mapToItem(page, 0, 0).y);
            return rows;
        }

        function test_checkingTheFirstBoxMovesNoRow() {
            const apiId = root.callApi("apis.createApi", { name: "bulkbar-" + Date.now() }).apiId;
            for (let i = 0; i < 3; ++i)
                root.callApi("keys.createKey", { apiId: apiId, name: "bar " + i });
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === 3 && !keys.loading, H.answerTimeout);
            tryVerify(() => rowsOf(page).length === 3, 5000);
            wait(100); // laid out
            const before = rowsOf(page).map(row => row.mapToItem(page, 0, 0).y);

            const box = H.find(rowsOf(page)[0], item => item instanceof CheckBox);
            verify(box);
            mouseClick(box);
            compare(keys.selectedCount, 1);
            wait(100);
            const after = rowsOf(page).map(row => row.mapToItem(page, 0, 0).y);
            compare(JSON.stringify(after), JSON.stringify(before));

            // The second row is still where the pointer goes next: it gets selected, not the first.
            mouseClick(H.find(rowsOf(page)[1], item => item instanceof CheckBox));
            compare(keys.selectedCount, 2);
        }
    }

    TestCase {
        name: "KeysBulkActionsAsk"
        when: windowShown

        /// The button of the bar's GatedButton labelled @p text.
        function gatedButton(bar, text) {
            const gate = H.find(bar, item => item.button !== undefined && item.text === text);
            return gate ? gate.button : null;
        }

        function enabledOnServer(keyId) {
            return root.callApi("keys.getKey", { keyId: keyId }).enabled;
        }

        /// The key.update rows of the server's audit log that name @p keyId.
        function updatesOf(keyId) {
            const rows = root.callApi("audit.listLogs", { events: ["key.update"], limit: 100 });
            return rows.filter(row => row.targets.some(target => target.id === keyId));
        }

        // Enable asks first as Disable and Delete do, each with the number of keys it changes;
        // Cancel changes nothing, the confirmation runs it. Walkthrough (issue 4): Disable of an
        // enabled and a disabled key asked "Disable 2 selected keys?" and sent the disabled one an
        // update that changed nothing (an empty "Updated key" audit row). Only what changes is sent,
        // the question says what is left as it is, and the outcome what was done.
        function test_enableDisableAndDeleteAskWithTheCount() {
            const apiId = root.callApi("apis.createApi", { name: "bulkask-" + Date.now() }).apiId;
            const ids = [];
            for (let i = 0; i < 3; ++i)
                ids.push(root.callApi("keys.createKey", { apiId: apiId, name: "ask " + i, enabled: i === 2 }).keyId);
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === 3 && !keys.loading, H.answerTimeout);
            keys.selectAll();
            const bar = H.find(page, item => item.objectName === "bulkBar");
            // The bar shows with the first key: a click before its layout placed the buttons would
            // land where they are not yet (it missed Enable once in CI).
            tryVerify(() => {
                const [disable, enable, remove] = ["Disable", "Enable", "Delete"]
                    .map(text => gatedButton(bar, text)).map(button => button.mapToItem(bar, 0, 0).x);
                return bar.visible && bar.width > 0 && enable > disable + 10 && remove > enable + 10;
            }, H.answerTimeout, "the bulk bar is laid out");
            waitForItemPolished(bar);
            // In English plural forms (the runner loads them before each file, as the app at its start).
            for (const [action, dialogName, question, already] of [
                     ["Enable", "confirmBulkEnable", "Enable 2 keys?", /1 of the selected keys is already enabled/],
                     ["Disable", "confirmBulkDisable", "Disable 1 key?", /2 of the selected keys are already disabled/],
                     ["Delete", "confirmBulkDelete", "Delete 3 selected keys?", /^/]]) {
                const dialog = H.find(page, item => item.objectName === dialogName);
                verify(dialog, dialogName);
                const button = gatedButton(bar, action);
                verify(button && button.enabled, action);
                mouseClick(button);
                tryVerify(() => dialog.opened, 5000, action + " asks");
                verify(dialog.text.indexOf(question) === 0, dialog.text);
                verify(already.test(dialog.text), dialog.text);
                dialog.reject();
                tryVerify(() => !dialog.visible, 5000);
            }
            wait(300); // a bulk run would have started
            compare(ids.map(id => enabledOnServer(id)), [false, false, true]);

            const enable = H.find(page, item => item.objectName === "confirmBulkEnable");
            mouseClick(gatedButton(bar, "Enable"));
            tryVerify(() => enable.opened, 5000);
            enable.accept();
            tryVerify(() => ids.every(id => enabledOnServer(id)), H.answerTimeout, "confirmed: every key enabled");
            const summary = H.find(bar, item => item.objectName === "bulk-summary");
            tryVerify(() => /^2 key.* enabled\.$/.test(summary.text), H.answerTimeout, "the outcome: " + summary.text);
            compare(updatesOf(ids[2]).length, 0, "the key enabled already got no update");
            compare(updatesOf(ids[0]).length, 1);

            // Every selected key enabled now: Enable is greyed, and says why.
            tryVerify(() => !keys.loading && keys.count === 3 && keys.selectedCount === 0, H.answerTimeout, "the list reloaded");
            keys.selectAll();
            tryCompare(keys, "selectedEnabledCount", 3, H.answerTimeout);
            const enableGate = H.find(bar, item => item.button !== undefined && item.text === "Enable");
            verify(!enableGate.button.enabled);
            compare(enableGate.tip, "The selected keys are all enabled already.");
        }
    }
}
