import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// A key list on screen follows the server (issue 4 walkthrough: the charts above the list showed
// three new verifications while the row still said 34 credits): the page's timer updates the
// visible rows in place, the current row and the selection stay.
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
            liveRowsInterval: 100
        }
    }

    Component {
        id: ownerPage
        OwnerDetailPage {
            width: 1200
            height: 800
            session: testSession
            liveRowsInterval: 100
        }
    }

    function callApi(action, body) {
        let result = null;
        testSession.client.call(action, body, answer => result = answer);
        live.tryVerify(() => result !== null, H.answerTimeout, action);
        live.verify(result.ok, action + ": " + result.errorDetail);
        return result.data;
    }

    TestCase {
        id: live
        name: "KeyListRowsFollowTheServer"
        when: windowShown

        function rowShowing(page, keyId) {
            return H.find(page, item => item.creditsRemaining !== undefined && item.keyId === keyId);
        }

        function test_keysPageRowShowsCreditsSpentElsewhere() {
            const apiId = root.callApi("apis.createApi", { name: "live-rows-" + Date.now() }).apiId;
            const spent = root.callApi("keys.createKey", { apiId: apiId, name: "spent", credits: { remaining: 734 } });
            root.callApi("keys.createKey", { apiId: apiId, name: "calm" });
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(page, "keysModel");
            const list = findChild(page, "keyList");
            tryVerify(() => keys.count === 2 && !keys.loading, H.answerTimeout);
            tryVerify(() => rowShowing(page, spent.keyId) !== null, 5000);
            verify(H.containingText(rowShowing(page, spent.keyId), "734") !== null);
            list.currentIndex = 1;
            keys.setSelected(1, true);

            for (let i = 0; i < 3; ++i)
                compare(root.callApi("keys.verifyKey", { key: spent.key }).valid, true);
            tryVerify(() => H.containingText(rowShowing(page, spent.keyId), "731") !== null, H.answerTimeout,
                      "the row shows the credits spent while it was on screen");
            compare(keys.count, 2);
            compare(list.currentIndex, 1);
            compare(keys.selectedCount, 1);
        }

        function test_ownerPageRowShowsCreditsSpentElsewhere() {
            const externalId = "live-owner-" + Date.now();
            const identityId = root.callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const spent = root.callApi("keys.createKey", { apiId: testSample.apiId, externalId: externalId,
                                                           name: "owner's spent", credits: { remaining: 834 } });
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => rowShowing(page, spent.keyId) !== null, H.answerTimeout);
            verify(H.containingText(rowShowing(page, spent.keyId), "834") !== null);

            compare(root.callApi("keys.verifyKey", { key: spent.key }).valid, true);
            tryVerify(() => H.containingText(rowShowing(page, spent.keyId), "833") !== null, H.answerTimeout,
                      "the owner's row shows the credit spent while it was on screen");
            compare(keys.count, 1);
        }
    }
}
