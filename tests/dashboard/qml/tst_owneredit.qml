import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Issue 4: an owner's meta and shared rate limits are edited in place on the owner page, with the
// key page's cards (Save / Discard, the server's errors in the card, "✓ Saved"), and saved with
// identities.updateIdentity. The walkthrough found them read-only (a text area that looked
// editable, and no way to raise a shared limit).
Item {
    id: root
    width: 1280
    height: 900

    Component {
        id: ownerPage
        OwnerDetailPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }

    Component {
        id: stackView
        StackView {
            width: root.width
            height: root.height
            initialItem: Item {}
        }
    }

    SignalSpy {
        id: requests
        target: testSession.client
        signalName: "busyChanged"
    }

    TestCase {
        name: "OwnerEdit"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        function child(parent, name) {
            const found = H.find(parent, item => item.objectName === name);
            verify(found, name);
            return found;
        }

        function typeInto(field, text) {
            field.forceActiveFocus();
            field.selectAll();
            for (const c of text)
                keyClick(c);
        }

        /// A new owner with meta {"plan": "free"} and one shared limit "requests" of 10 per minute;
        /// @p stack: the page pushed onto a new StackView (Back leaves it), not on its own.
        function openOwner(stack) {
            const externalId = "edit-owner-" + Date.now();
            const identityId = callApi("identities.createIdentity", {
                externalId: externalId, meta: { plan: "free" },
                ratelimits: [{ name: "requests", limit: 10, duration: 60000, autoApply: true }]
            }).identityId;
            const page = stack ? createTemporaryObject(stackView, root).push(ownerPage, { identityId: identityId },
                                                                               StackView.Immediate)
                               : createTemporaryObject(ownerPage, root, { identityId: identityId });
            verify(page);
            const meta = child(page, "section-meta");
            tryVerify(() => meta.editable && child(page, "meta-text").text.indexOf("free") >= 0, H.answerTimeout,
                      "the owner's meta in its editor");
            tryCompare(child(page, "ratelimit-limit-0"), "text", "10", H.answerTimeout);
            return { page: page, identityId: identityId };
        }

        function serverIdentity(identityId) {
            return callApi("identities.getIdentity", { identity: identityId });
        }

        function test_metaIsSaved() {
            const opened = openOwner();
            const page = opened.page;
            typeInto(child(page, "meta-text"), "{\"plan\": \"pro\", \"seats\": 5}");
            tryCompare(child(page, "section-meta-unsaved"), "text", "Unsaved changes");
            child(page, "section-meta-save").clicked();
            tryVerify(() => child(page, "section-meta-saved").visible, H.answerTimeout, "✓ Saved");
            const meta = serverIdentity(opened.identityId).meta;
            compare(meta.plan, "pro");
            compare(meta.seats, 5);
            compare(child(page, "section-meta-unsaved").text, "");
        }

        function test_sharedLimitIsSaved() {
            const opened = openOwner();
            const page = opened.page;
            typeInto(child(page, "ratelimit-limit-0"), "250");
            tryCompare(child(page, "section-ratelimits-unsaved"), "text", "Unsaved changes");
            keyClick(Qt.Key_Return); // Enter in a limit's field saves the card, as on a key's page
            tryVerify(() => child(page, "section-ratelimits-saved").visible, H.answerTimeout, "✓ Saved");
            const limits = serverIdentity(opened.identityId).ratelimits;
            compare(limits.length, 1);
            compare(limits[0].name, "requests");
            compare(limits[0].limit, 250);
            compare(limits[0].duration, 60000);
            // The meta was not sent along: it is as it was.
            compare(serverIdentity(opened.identityId).meta.plan, "free");
        }

        // Refused before anything is sent, with the reason in the card; Discard shows the saved
        // value again and the reason goes with the draft.
        function test_invalidDraftsAreRefusedAndNothingIsSent() {
            const opened = openOwner();
            const page = opened.page;
            typeInto(child(page, "meta-text"), "{ broken");
            const metaCard = child(page, "section-meta");
            tryVerify(() => metaCard.dirty, 5000);
            const metaSave = child(metaCard, "section-meta-save");
            verify(!metaSave.button.enabled, "Save greyed on invalid JSON");
            verify(metaCard.problem !== "", "the card says why");
            compare(metaSave.tip, metaCard.problem);
            child(page, "section-meta-discard").clicked();
            verify(child(page, "meta-text").text.indexOf("free") >= 0, "Discard shows the saved meta");

            typeInto(child(page, "ratelimit-limit-0"), "0");
            const card = child(page, "section-ratelimits");
            tryVerify(() => card.dirty, 5000);
            // Issue 4: Save stayed enabled for a limit of 0, and the refusal came only on a click.
            // Greyed up front with the reason, as the meta card (and the key page's cards).
            const save = child(card, "section-ratelimits-save");
            verify(!save.button.enabled, "Save greyed on a limit of 0");
            verify(card.problem.indexOf("at least 1") >= 0, card.problem);
            compare(save.tip, card.problem);
            requests.clear();
            keyClick(Qt.Key_Return); // Enter in the field does not send it either
            compare(requests.count, 0, "nothing sent");
            compare(serverIdentity(opened.identityId).ratelimits[0].limit, 10);
            child(page, "section-ratelimits-discard").clicked();
            tryCompare(child(page, "ratelimit-limit-0"), "text", "10");
            verify(save.tip.indexOf("at least 1") < 0, "the reason went with the draft: " + save.tip);
        }

        // Walk 19: the JSON error came above Save and Discard and pushed them down, and up again
        // as the text was mended, so a click aimed at Save missed. It shows under them, and the
        // card keeps its height as it comes and goes: the taller card of its row moved what lay
        // below it. A screen reader announces it.
        function test_metaErrorMovesNoButton() {
            const page = openOwner().page;
            const save = child(page, "section-meta-save");
            const discard = child(page, "section-meta-discard");
            const metaCard = child(page, "section-meta");
            const at = button => button.mapToItem(page, 0, 0).y;
            waitForRendering(page);
            const saveAt = at(save);
            const discardAt = at(discard);
            const cardHeight = metaCard.implicitHeight;
            typeInto(child(page, "meta-text"), "{ broken");
            tryVerify(() => metaCard.problem !== "", 5000, "the JSON is refused");
            const said = H.find(page, item => item.visible && item.text === metaCard.problem);
            verify(said, "the reason shows in the card");
            waitForRendering(page);
            compare(at(save), saveAt, "Save stays where it was");
            compare(at(discard), discardAt, "Discard too");
            verify(said.mapToItem(page, 0, 0).y > saveAt, "the reason under the buttons");
            compare(metaCard.implicitHeight, cardHeight, "the card as tall as without the reason");
            compare(said.Accessible.role, Accessible.AlertMessage, "a screen reader announces the reason");
            compare(said.Accessible.name, metaCard.problem);
            typeInto(child(page, "meta-text"), "{\"plan\": \"pro\"}");
            tryVerify(() => metaCard.problem === "", 5000, "the JSON is taken");
            waitForRendering(page);
            compare(at(save), saveAt, "Save stays where it was as the reason goes");
            compare(metaCard.implicitHeight, cardHeight, "the card too");
        }

        // Issue 4: Esc in the meta and rate-limit cards did nothing on the owner page (on the key
        // page it throws the draft away): it shows the saved value again, and nothing is sent.
        function test_escapeRestoresTheCards_data() {
            return [
                { tag: "meta", card: "section-meta", field: "meta-text", typed: "{\"plan\": \"gold\"}",
                  saved: text => text.indexOf("free") >= 0 },
                { tag: "rate limits", card: "section-ratelimits", field: "ratelimit-limit-0", typed: "250",
                  saved: text => text === "10" }
            ];
        }
        function test_escapeRestoresTheCards(data) {
            const opened = openOwner();
            const page = opened.page;
            const field = child(page, data.field);
            typeInto(field, data.typed);
            const unsaved = child(page, data.card + "-unsaved");
            tryCompare(unsaved, "text", "Unsaved changes");
            requests.clear();
            keyClick(Qt.Key_Escape);
            tryVerify(() => data.saved(child(page, data.field).text), 5000, "the saved value is back");
            compare(unsaved.text, "");
            compare(requests.count, 0, "nothing sent");
        }

        // Issue 4: an owner without shared limits read "This key can be verified as often as the
        // server allows": the card is about the owner's keys.
        function test_noSharedLimitsSpeaksOfTheOwnersKeys() {
            const externalId = "no-limits-owner-" + Date.now();
            const identityId = callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            const card = child(page, "section-ratelimits");
            tryVerify(() => card.editable && H.containingText(card, "No shared rate limits") !== null, H.answerTimeout,
                      "the empty card's sentence");
            verify(H.containingText(card, "this key") === null && H.containingText(card, "This key") === null,
                   "no word of one key");
            verify(H.containingText(card, "the owner's keys") !== null);
        }

        // A server refusal (an owner deleted meanwhile) is said in the card.
        function test_serverErrorIsShownInTheCard() {
            const opened = openOwner();
            const page = opened.page;
            typeInto(child(page, "meta-text"), "{\"plan\": \"team\"}");
            callApi("identities.deleteIdentity", { identity: opened.identityId });
            child(page, "section-meta-save").clicked();
            const error = child(page, "section-meta-error");
            tryVerify(() => error.visible && error.text !== "", H.answerTimeout, "the server's reason in the card");
        }

        function backButton(page) {
            const back = H.find(page.header, item => item.text === "←" && item.Accessible.name === "Back");
            verify(back, "the header's Back");
            return back;
        }

        // Walkthrough 19: Back (and the sidebar) threw the unsaved meta and shared limits away
        // without a word; the key page asks first. The owner page asks the same, naming the cards.
        function test_leavingWithDraftsAsks() {
            const opened = openOwner(true);
            const page = opened.page;
            const stack = page.StackView.view;
            typeInto(child(page, "meta-text"), "{\"plan\": \"draft\"}");
            tryCompare(child(page, "section-meta-unsaved"), "text", "Unsaved changes");
            typeInto(child(page, "ratelimit-limit-0"), "99");
            tryCompare(child(page, "section-ratelimits-unsaved"), "text", "Unsaved changes");

            mouseClick(backButton(page));
            const ask = child(page, "confirm-discard");
            tryCompare(ask, "opened", true);
            compare(stack.depth, 2, "the page stays while the question is open");
            verify(ask.text.indexOf("Meta") >= 0 && ask.text.indexOf("Shared rate limits") >= 0, ask.text);
            keyClick(Qt.Key_Escape);
            tryCompare(ask, "visible", false);
            compare(stack.depth, 2, "Esc keeps the page");
            compare(stack.currentItem, page);
            verify(child(page, "meta-text").text.indexOf("draft") >= 0, "the meta draft is still there");
            compare(child(page, "ratelimit-limit-0").text, "99", "the limit draft is still there");

            // What Main.qml asks of a page before the sidebar or Alt+Left replaces it.
            let left = 0;
            page.confirmLeave(() => ++left);
            tryCompare(ask, "opened", true);
            compare(left, 0, "the drafts hold the page");
            mouseClick(H.find(ask, item => item.objectName === "confirmButton"));
            tryVerify(() => left === 1, 5000, "discarding leaves"); // confirmed() comes as the question closes
            tryCompare(ask, "visible", false);

            mouseClick(backButton(page));
            tryCompare(ask, "opened", true);
            mouseClick(H.find(ask, item => item.objectName === "confirmButton"));
            tryCompare(stack, "depth", 1);
            compare(serverIdentity(opened.identityId).meta.plan, "free", "nothing was saved");
        }

        function test_leavingWithoutDraftsDoesNotAsk() {
            const page = openOwner(true).page;
            const stack = page.StackView.view;
            const ask = child(page, "confirm-discard");
            let asked = false;
            ask.aboutToShow.connect(() => asked = true);
            mouseClick(backButton(page));
            tryCompare(stack, "depth", 1);
            verify(!asked, "nothing to discard: no question");
        }

        // Walkthrough 19: a limit added as the last row, its limit typed, Save: the server answers
        // in name order, "burst" moved above "requests", and the cursor stayed in the second row:
        // in "requests"' limit, where the next keys typed went. The focus stays on the limit
        // edited (by Enter in its field, or Save clicked), and what is typed next goes there.
        function test_focusStaysOnTheSavedLimit_data() {
            return [
                { tag: "enter", save: "enter", amount: "" },
                { tag: "click", save: "click", amount: "" },
                // A window shown anew after the save (120 s is 2 min): the row is made anew too.
                { tag: "enter, window shown anew", save: "enter", amount: "120" }
            ];
        }
        function test_focusStaysOnTheSavedLimit(data) {
            const opened = openOwner();
            const page = opened.page;
            mouseClick(child(page, "ratelimit-add"));
            const name = child(page, "ratelimit-name-1");
            tryVerify(() => name.activeFocus, 5000, "the new row's name has the keyboard");
            for (const c of "burst") // before "requests" by name
                keyClick(c);
            if (data.amount !== "") {
                typeInto(child(page, "ratelimit-amount-1"), data.amount);
                const unit = child(page, "ratelimit-unit-1");
                unit.forceActiveFocus(Qt.TabFocusReason);
                keyClick(Qt.Key_Up); // min -> s
                compare(unit.currentIndex, 1);
            }
            typeInto(child(page, "ratelimit-limit-1"), "5");
            if (data.save === "enter")
                keyClick(Qt.Key_Return);
            else
                mouseClick(child(page, "section-ratelimits-save"));
            tryVerify(() => child(page, "section-ratelimits-saved").visible, H.answerTimeout, "✓ Saved");
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            compare(serverIdentity(opened.identityId).ratelimits.map(limit => limit.name + " " + limit.limit).join(", "),
                    "burst 5, requests 10");
            const focused = () => root.Window.activeFocusItem;
            const rowOf = item => item && item.objectName.startsWith("ratelimit-limit-")
                                  ? item.objectName.substring("ratelimit-limit-".length) : "";
            tryVerify(() => rowOf(focused()) !== "" && child(page, "ratelimit-name-" + rowOf(focused())).text === "burst",
                      5000, "the focus is on " + (focused() ? focused().objectName : "nothing") + ", not on burst's limit");
            const field = focused();
            field.cursorPosition = field.text.length;
            keyClick("0");
            const limitOf = wanted => {
                for (let row = 0; row < 2; ++row) {
                    if (child(page, "ratelimit-name-" + row).text === wanted)
                        return child(page, "ratelimit-limit-" + row).text;
                }
                return "";
            };
            compare(limitOf("burst"), "50", "typed into burst's limit");
            compare(limitOf("requests"), "10", "requests is untouched");
        }
    }
}
