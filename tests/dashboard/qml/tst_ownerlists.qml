import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The owners' lists at the width of a 1280 px window (the page beside the sidebar), in German,
// the longest language: an owner's keys name their API (they can belong to several), in a column
// under its own title; on the Owners page an owner's id stays out of the "shared rate limits"
// column (issue 4, J12 and J26), and each owner's key count has a column of its own.
Item {
    id: root
    width: 1060
    height: 760

    Component {
        id: ownerPage
        OwnerDetailPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: ownersPage
        OwnersPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }

    TestCase {
        name: "OwnerLists"
        when: windowShown

        property string language

        function initTestCase() {
            language = testSession.settings.language;
            testSession.settings.language = "de";
        }
        function cleanupTestCase() {
            testSession.settings.language = language;
        }

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        /// Where @p label's text is drawn, in @p item: [left, right] (elided or not, aligned
        /// left or right).
        function painted(label, item) {
            const shown = Math.min(label.width, label.contentWidth);
            const left = label.horizontalAlignment === Text.AlignRight ? label.width - label.contentWidth : 0;
            const x = label.mapToItem(item, left, 0).x;
            return [x, x + (label.horizontalAlignment === Text.AlignRight ? label.contentWidth : shown)];
        }

        function test_ownerKeysNameTheirApi() {
            const stamp = Date.now();
            const externalId = "multi-api-owner-" + stamp;
            const identityId = callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const apis = ["Abrechnung " + stamp % 1000, "Suche " + stamp % 1000];
            for (const name of apis) {
                const apiId = callApi("apis.createApi", { name: name }).apiId;
                callApi("keys.createKey", { apiId: apiId, externalId: externalId, name: "Schlüssel " + name });
            }
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            verify(page);
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === 2 && !keys.loading, H.answerTimeout, "the owner's two keys");
            const header = findChild(page, "keyTableHeader");
            verify(header);
            const title = H.find(header, item => item instanceof Label && item.text === "API");
            verify(title, "an \"API\" column title");
            verify(title.visible);
            let cells = [];
            tryVerify(() => {
                cells = H.findAll(page, item => item.objectName === "key-row-api" && item.visible);
                return cells.length === 2 && apis.every(name => cells.some(cell => cell.text === name));
            }, H.answerTimeout, "each key's API by name: " + cells.map(cell => cell.text).join(", "));
            for (const cell of cells) {
                verify(!cell.truncated, cell.text);
                compare(cell.mapToItem(page, 0, 0).x, title.mapToItem(page, 0, 0).x, "under its title");
            }
        }

        function test_ownerIdStaysInItsColumn() {
            const externalId = "ratelimited-owner-" + Date.now();
            callApi("identities.createIdentity", {
                externalId: externalId,
                ratelimits: [{ name: "requests", limit: 100, duration: 60000 },
                             { name: "tokens", limit: 1000, duration: 60000 }]
            });
            const page = createTemporaryObject(ownersPage, root);
            verify(page);
            const search = H.find(page, item => item instanceof TextField);
            verify(search);
            search.text = externalId;
            let idLabel = null;
            let limits = null;
            tryVerify(() => {
                idLabel = H.find(page, item => item.objectName === "owner-row-id" && item.visible);
                limits = H.find(page, item => item.objectName === "owner-row-ratelimits" && item.visible);
                return idLabel !== null && limits !== null && limits.text !== "";
            }, H.answerTimeout, "the owner's row");
            waitForRendering(page);
            const id = painted(idLabel, page);
            const count = painted(limits, page);
            verify(id[1] + 8 <= count[0], "the id (to " + id[1] + ") ends before \"" + limits.text + "\" (from "
                   + count[0] + ")");
            verify(limits.contentWidth <= limits.width + 0.5, "\"" + limits.text + "\" whole in its column");
            compare(idLabel.ToolTip.text, idLabel.text, "a cut id is whole in its tooltip");
        }

        // Walkthrough: the Owners page had no key counts; support opened each owner to see whether
        // it had any. Each row says how many live keys the owner has (a deleted one not counted),
        // in a column of its own between the id and the shared rate limits.
        function test_ownerKeyCountInItsColumn() {
            const externalId = "counted-owner-" + Date.now();
            callApi("identities.createIdentity", {
                externalId: externalId,
                ratelimits: [{ name: "requests", limit: 100, duration: 60000 }]
            });
            const apiId = callApi("apis.createApi", { name: "Zählung " + Date.now() % 1000 }).apiId;
            for (let i = 0; i < 3; ++i)
                callApi("keys.createKey", { apiId: apiId, externalId: externalId });
            const gone = callApi("keys.createKey", { apiId: apiId, externalId: externalId }).keyId;
            callApi("keys.deleteKey", { keyId: gone });
            const page = createTemporaryObject(ownersPage, root);
            verify(page);
            const search = H.find(page, item => item instanceof TextField);
            verify(search);
            search.text = externalId;
            let idLabel = null;
            let keys = null;
            let limits = null;
            tryVerify(() => {
                idLabel = H.find(page, item => item.objectName === "owner-row-id" && item.visible);
                keys = H.find(page, item => item.objectName === "owner-row-keys" && item.visible);
                limits = H.find(page, item => item.objectName === "owner-row-ratelimits" && item.visible);
                return idLabel !== null && keys !== null && limits !== null && limits.text !== "";
            }, H.answerTimeout, "the owner's row with its key count");
            compare(keys.text, "3 Schlüssel");
            waitForRendering(page);
            const id = painted(idLabel, page);
            const count = painted(keys, page);
            verify(id[1] + 8 <= count[0], "the id (to " + id[1] + ") ends before \"" + keys.text + "\" (from " + count[0] + ")");
            verify(count[1] + 8 <= painted(limits, page)[0], "\"" + keys.text + "\" ends before \"" + limits.text + "\"");
            verify(keys.contentWidth <= keys.width + 0.5, "\"" + keys.text + "\" whole in its column");
            const row = H.find(page, item => item.keyCount !== undefined && item.externalId === externalId);
            verify(row);
            compare(row.Accessible.name, "Inhaber " + externalId + ", 3 Schlüssel");
        }
    }
}
