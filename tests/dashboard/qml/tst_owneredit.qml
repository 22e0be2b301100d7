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

        /// A new owner with meta {"plan": "free"} and one shared limit "requests" of 10 per minute.
        function openOwner() {
            const externalId = "edit-owner-" + Date.now();
            const identityId = callApi("identities.createIdentity", {
                externalId: externalId, meta: { plan: "free" },
                ratelimits: [{ name: "requests", limit: 10, duration: 60000, autoApply: true }]
            }).identityId;
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
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
            requests.clear();
            child(page, "section-ratelimits-save").clicked();
            // Before the event loop runs: a call made by the click would have made the client busy.
            compare(requests.count, 0, "nothing sent");
            const error = child(page, "section-ratelimits-error");
            tryVerify(() => error.visible && error.text !== "", 5000, "the refused limit's reason");
            compare(serverIdentity(opened.identityId).ratelimits[0].limit, 10);
            child(page, "section-ratelimits-discard").clicked();
            tryCompare(child(page, "ratelimit-limit-0"), "text", "10");
            verify(!error.visible, "the reason went with the draft: " + error.text);
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
    }
}
