import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The rate-limit card of the key page and of the owner page (shared limits). Walkthrough 19:
// "Two rate limits are named “shared”" stayed under the owner's card after the name was fixed,
// until Save was clicked again. The refusal goes as soon as the names differ, on both pages.
Item {
    id: root
    width: 1280
    height: 900

    Component {
        id: keyPage
        KeyDetailPage {}
    }
    Component {
        id: ownerPage
        OwnerDetailPage {}
    }

    StackView {
        id: stack
        anchors.fill: parent
    }

    TestCase {
        name: "RatelimitsCard"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        function child(parent, name) {
            const found = H.find(parent, item => item.objectName === name && item.visible);
            verify(found, name);
            return found;
        }

        /// The page of a new key or owner with one limit, "requests" 10 per minute.
        function openPage(kind) {
            const ratelimits = [{ name: "requests", limit: 10, duration: 60000, autoApply: true }];
            stack.clear();
            let page;
            if (kind === "key") {
                const keyId = callApi("keys.createKey", { apiId: testSample.apiId, name: "duplicate limit names",
                                                          ratelimits: ratelimits }).keyId;
                page = stack.push(keyPage, { session: testSession, keyId: keyId, apiId: testSample.apiId },
                                  StackView.Immediate);
            } else {
                const identityId = callApi("identities.createIdentity", { externalId: "dup-limits-" + Date.now(),
                                                                          ratelimits: ratelimits }).identityId;
                page = stack.push(ownerPage, { session: testSession, identityId: identityId }, StackView.Immediate);
            }
            verify(page);
            const shown = () => H.find(page, item => item.objectName === "ratelimit-limit-0" && item.text === "10");
            tryVerify(() => shown() !== null, H.answerTimeout, "the saved limit");
            tryVerify(() => child(page, "section-ratelimits").editable && !testSession.client.busy, H.answerTimeout);
            return page;
        }

        function test_duplicateNameErrorGoesWhenTheNamesDiffer_data() {
            return [{ tag: "key page", kind: "key" }, { tag: "owner page", kind: "owner" }];
        }
        function test_duplicateNameErrorGoesWhenTheNamesDiffer(data) {
            const page = openPage(data.kind);
            const add = child(page, "ratelimit-add");
            add.forceActiveFocus(Qt.TabFocusReason); // by keyboard: the card may lie below the fold
            keyClick(Qt.Key_Space);
            let name = null;
            tryVerify(() => (name = H.find(page, item => item.objectName === "ratelimit-name-1")) !== null
                      && name.activeFocus, 5000, "the new row's name has the keyboard");
            for (const c of "requests")
                keyClick(c);
            const card = child(page, "section-ratelimits");
            tryVerify(() => card.dirty, 5000);
            keyClick(Qt.Key_Return); // Enter saves the card: refused, nothing sent
            const error = H.find(card, item => item.objectName === "section-ratelimits-error");
            tryVerify(() => error.visible && error.text.indexOf("requests") >= 0, 5000,
                      "the clash is said under the card: " + error.text);
            keyClick("2"); // "requests2": the names differ
            compare(name.text, "requests2");
            tryVerify(() => !error.visible, 1000, "the refusal went with the clash: " + error.text);
            verify(card.dirty && card.valid, "the draft can be saved now");
            keyClick(Qt.Key_Backspace); // the clash again: said when the draft is saved again
            keyClick(Qt.Key_Return);
            tryVerify(() => error.visible, 5000, "the clash is said again on Enter");
        }
    }
}
