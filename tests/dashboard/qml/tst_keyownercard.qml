import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Walkthrough 21 (W8): on the key page's Owner card, "acme" typed for the customer acme_corp and
// saved moved the key to a new owner "acme", made without a word. Under the card's field it says
// whether the typed id is an owner, that a new owner is made on Save when it is not, and offers
// the owners containing the text, by mouse and by keyboard; the card's Save stays where it is
// when the answer comes.
Item {
    id: root
    width: 1280
    height: 900

    Component {
        id: pageComponent
        KeyDetailPage {}
    }

    StackView {
        id: stack
        anchors.fill: parent
    }

    TestCase {
        name: "KeyOwnerCard"
        when: windowShown

        readonly property string owner: "cardmatch_corp"

        function call(action, body) {
            let answer = null;
            testSession.client.call(action, body, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            return answer.data;
        }

        function initTestCase() {
            call("identities.createIdentity", { externalId: owner });
            tryVerify(() => !testSession.capabilities.pending, H.answerTimeout);
        }

        /// A key of another owner, its page open.
        function openKey() {
            const key = call("keys.createKey", { apiId: testSample.apiId, name: "owner card", externalId: "card-first-owner" });
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: key.keyId, apiId: testSample.apiId },
                                    StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            return page;
        }

        /// @p text typed into the Owner card's field (replacing what it holds).
        function typeOwner(page, text) {
            const field = findChild(page, "section-owner-field");
            verify(field);
            field.forceActiveFocus(Qt.TabFocusReason);
            field.selectAll();
            keyClick(Qt.Key_Delete);
            for (const c of text)
                keyClick(c);
            return field;
        }

        /// The card's owner matches, once their search for @p text has its answer holding the owner.
        function matchesFor(page, text) {
            const matches = findChild(findChild(page, "section-owner"), "owner-matches");
            verify(matches, "the Owner card looks the typed id up");
            tryVerify(() => matches.shownQuery === text && matches.found.indexOf(owner) >= 0, H.answerTimeout,
                      "the search's answer for “" + text + "”: " + matches.shownQuery + " " + JSON.stringify(matches.found));
            return matches;
        }

        function test_partOfAnIdWarnsAndOffersTheOwner() {
            const page = openKey();
            const card = findChild(page, "section-owner");
            const save = findChild(card, "section-owner-save");
            verify(save, "the card's Save");
            // Measured in the card: the page above it still moves when the charts report their
            // height (late under load: 242 vs 278 once in a whole run), which is not the card's.
            const saveY = () => save.mapToItem(card, 0, 0).y;
            // Measured before any answer: the search waits (its delay held) until the room the
            // draft takes from its first character is measured. Measured after typing only "c",
            // as before, it depended on whether the answer for "c" came first: the shared test
            // server's owners containing "c" (long ids) took a second row of offers, and Save
            // moved up 36 px when "cardmatch"'s one owner came (failed twice in whole runs).
            const pending = findChild(card, "owner-matches");
            verify(pending, "the Owner card looks the typed id up");
            pending.searchDelay = 3600 * 1000;
            const field = typeOwner(page, "cardmatch");
            waitForRendering(page);
            compare(pending.shownQuery, "", "no answer shown yet");
            const before = saveY(); // the draft's room taken at the first character
            pending.searchDelay = 1; // the search goes out now
            const matches = matchesFor(page, "cardmatch");
            const status = findChild(card, "owner-matches-status");
            verify(status && H.shown(status), "the card says something of the typed id");
            verify(status.text.indexOf("“cardmatch”") >= 0 && status.text.indexOf("when you save") >= 0, status.text);
            const offer = findChild(card, "owner-match-" + owner);
            verify(offer && H.shown(offer), "the owner containing the text is offered");
            waitForRendering(page);
            compare(saveY(), before, "Save stays where it was when the answer came");

            mouseClick(offer);
            compare(field.text, owner, "the owner picked is in the field");
            verify(field.activeFocus, "the focus is back in the field");
            tryVerify(() => matches.exists, H.answerTimeout, "the card says the owner exists");
            verify(!H.shown(findChild(card, "owner-match-" + owner)), "nothing else is offered for an owner that exists");
            keyClick(Qt.Key_Escape);
            verify(!H.shown(findChild(card, "owner-matches")), "nothing said with no draft");
        }

        function test_theOwnerIsOfferedToTheKeyboard() {
            const page = openKey();
            const card = findChild(page, "section-owner");
            const field = typeOwner(page, "cardmatch");
            matchesFor(page, "cardmatch");
            const offer = findChild(card, "owner-match-" + owner);
            verify(offer && H.shown(offer));
            keyClick(Qt.Key_Tab);
            verify(offer.activeFocus, "Tab from the field reaches the owner offered");
            keyClick(Qt.Key_Return);
            compare(field.text, owner);
            verify(field.activeFocus);
            keyClick(Qt.Key_Escape);
        }
    }
}
