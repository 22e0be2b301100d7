import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Walkthrough 22, X11: no "low credits" badge showed for a key with 7 of its 10 monthly credits
// left, and the rule was said nowhere. On real keys: a key is low at 10 % of its refill or fewer,
// at least its last credit (a refill of 5 never warned: 10 % of it is 0), or at 10 credits without
// a refill; the badge's tooltip names where "low" starts for that key, and the "Credits left"
// title's tooltip says the rule.
Item {
    id: root
    width: 1200
    height: 700

    Component {
        id: keysPage
        KeysPage {
            anchors.fill: parent
            session: testSession
            chartsShown: false
        }
    }

    function callApi(action, body) {
        let result = null;
        testSession.client.call(action, body, answer => result = answer);
        low.tryVerify(() => result !== null, H.answerTimeout, action);
        low.verify(result.ok, action + ": " + result.errorDetail);
        return result.data;
    }

    TestCase {
        id: low
        name: "KeysLowCredits"
        when: windowShown

        function rowOf(page, keyId) {
            return H.find(page, item => item.objectName === "keyRow" && item.keyId === keyId);
        }
        function pillOf(row, label) {
            return H.find(row, item => item.objectName === "keyStatusPill" && item.modelData.label === label);
        }
        function keyWith(apiId, name, remaining, refill) {
            const credits = refill > 0 ? { remaining: remaining, refill: { interval: "monthly", amount: refill, refillDay: 1 } }
                                       : { remaining: remaining };
            return root.callApi("keys.createKey", { apiId: apiId, name: name, credits: credits }).keyId;
        }

        function test_lowCreditsOnRealKeys() {
            const apiId = root.callApi("apis.createApi", { name: "low-credits-" + Date.now() }).apiId;
            const expected = [
                { key: keyWith(apiId, "7 of 10", 7, 10), low: false },
                { key: keyWith(apiId, "1 of 10", 1, 10), low: true, tip: "1 or fewer left, 10 % of this key's refill of 10" },
                { key: keyWith(apiId, "1 of 5", 1, 5), low: true, tip: "1 or fewer left, 10 % of this key's refill of 5" },
                { key: keyWith(apiId, "10 no refill", 10, 0), low: true, tip: "10 or fewer left (a key without a refill)" },
                { key: keyWith(apiId, "11 no refill", 11, 0), low: false }
            ];
            const page = createTemporaryObject(keysPage, root, { apiId: apiId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === expected.length && !keys.loading, H.answerTimeout);
            for (const key of expected) {
                let row = null;
                tryVerify(() => (row = rowOf(page, key.key)) !== null, 5000);
                compare(row.badges.includes("lowCredits"), key.low, row.name + ": " + row.badges.join(", "));
                if (!key.low)
                    continue;
                const pill = pillOf(row, "low credits");
                verify(pill, row.name + ": a \"low credits\" pill");
                mouseMove(pill, pill.width / 2, pill.height / 2);
                tryCompare(pill.ToolTip, "visible", true);
                verify(pill.ToolTip.text.indexOf(key.tip) >= 0, row.name + ": " + pill.ToolTip.text);
                mouseMove(root, 2, root.height - 2);
                tryCompare(pill.ToolTip, "visible", false);
            }
        }

        function test_creditsTitleSaysTheRule() {
            const page = createTemporaryObject(keysPage, root, { apiId: testSample.apiId });
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count > 0 && !keys.loading, H.answerTimeout);
            const title = findChild(page, "creditsTitle");
            verify(title && H.shown(title), "the \"Credits left\" title");
            // Two steps, so that a failure says which did not happen (CI at stop 26: the tooltip
            // was not shown within 3 s, under load, and nothing said whether the hover came).
            const tipHover = H.find(title, item => item.showsTip !== undefined);
            verify(tipHover, "the title's TipHover");
            waitForRendering(page);
            mouseMove(title, title.width / 2, title.height / 2);
            tryVerify(() => tipHover.hovered, 5000, "the pointer is on the title");
            tryVerify(() => title.ToolTip.visible, 5000, "the title's tooltip shows after its delay");
            const tip = title.ToolTip.text;
            verify(tip.indexOf("low credits") >= 0 && tip.indexOf("10 %") >= 0 && tip.indexOf("without a refill") >= 0, tip);
            compare(title.Accessible.description, tip);
            mouseMove(root, 2, root.height - 2);
            tryCompare(title.ToolTip, "visible", false);
        }
    }
}
