import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Walkthrough 21: in the issue form, "acme" typed for the customer acme_corp would have issued the
// key to a new owner "acme", made without a word. Under the Owner field the form says whether the
// typed id is an owner that exists; when it is not, that a new owner is made, and the owners whose
// id contains the text, one click from the field.
Item {
    id: root
    width: 760
    height: 600

    IssueKeyController {
        id: issue
        client: testSession.client
        apiId: testSample.apiId
    }

    IssueKeyForm {
        id: form
        anchors.fill: parent
        session: testSession
        controller: issue
    }

    TestCase {
        name: "OwnerMatches"
        when: windowShown

        function initTestCase() {
            let answer = null;
            testSession.client.call("identities.createIdentity", { externalId: "ownermatch_corp" },
                                    result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            tryVerify(() => !testSession.capabilities.pending, H.answerTimeout);
        }

        function typeOwner(text) {
            const field = findChild(form, "issue-owner");
            verify(field);
            field.forceActiveFocus(Qt.TabFocusReason);
            field.selectAll();
            keyClick(Qt.Key_Delete);
            for (const c of text)
                keyClick(c);
            return field;
        }

        /// What shows under the field: "" (nothing), "exists" or "new".
        function status() {
            const matches = findChild(form, "owner-matches");
            const label = findChild(form, "owner-matches-status");
            verify(matches && label);
            return !matches.visible || !label.visible ? "" : matches.exists ? "exists" : "new";
        }

        function test_partOfAnIdOffersTheOwner() {
            const field = typeOwner("ownermatch");
            // Typed slowly (a loaded machine), a part such as "ownerm" may be answered first: wait
            // for the answer to the whole text.
            const label = findChild(form, "owner-matches-status");
            tryVerify(() => status() !== "" && label.text.indexOf("“ownermatch”") >= 0, H.answerTimeout,
                      "the form says whether the owner “ownermatch” exists");
            compare(status(), "new", "a new owner is announced");
            const offer = findChild(form, "owner-match-ownermatch_corp");
            verify(offer && offer.visible, "the owner containing the text is offered");
            mouseClick(offer);
            compare(field.text, "ownermatch_corp");
            compare(issue.externalId, "ownermatch_corp", "the form issues to the owner picked");
            tryVerify(() => status() === "exists", H.answerTimeout, status());
            verify(field.activeFocus, "the focus is back in the field");
        }

        // Walkthrough 22, X17: "Did you mean: hooli" read as plain text. The offer looks like a
        // link (underlined, in another colour than the words before it), the pointer turns into
        // a hand over it, and Tab still reaches it.
        function test_offersLookClickable() {
            const field = typeOwner("ownermatch");
            const label = findChild(form, "owner-matches-status");
            tryVerify(() => label.text.indexOf("“ownermatch”") >= 0 && status() === "new", H.answerTimeout,
                      "the answer for “ownermatch”");
            const offer = findChild(form, "owner-match-ownermatch_corp");
            verify(offer && offer.visible, "offered");
            const words = findChild(form, "owner-matches-offer-label");
            verify(words && words.visible);
            verify(offer.contentItem.font.underline, "underlined as a link");
            verify(!Qt.colorEqual(offer.contentItem.color, words.color),
                   "in a colour of its own: " + offer.contentItem.color + " as the words' " + words.color);
            const pointer = findChild(offer, "owner-match-pointer");
            verify(pointer && pointer.enabled && pointer.cursorShape === Qt.PointingHandCursor, "the pointing hand");
            verify(offer.activeFocusOnTab, "keyboard focusable");
            field.forceActiveFocus(Qt.TabFocusReason);
        }

        function test_anExistingIdIsSaidToExist() {
            typeOwner("ownermatch_corp");
            tryVerify(() => status() === "exists", H.answerTimeout, status());
            verify(!findChild(form, "owner-match-ownermatch_corp") || !findChild(form, "owner-match-ownermatch_corp").visible,
                   "nothing else is offered for an owner that exists");
        }

        function test_nothingShowsForAnEmptyField() {
            typeOwner("x");
            tryVerify(() => status() !== "", H.answerTimeout);
            typeOwner("");
            tryVerify(() => status() === "", 2000, "no word about an owner while the field is empty");
        }
    }
}
