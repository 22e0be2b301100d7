import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// KeyDetailPage against the in-process server, the walkthrough's findings:
// - one saving model: cards with Save keep drafts ("Unsaved changes"), and leaving the page with
//   a draft asks first; cards without Save say that they apply at once and confirm each save;
// - after a reroll the new-key dialog shows the same show-once block as the issue dialog (curl
//   line, copy buttons), and closing it lands on the new key's page, which names the old key.
Item {
    id: root
    width: 1280
    height: 900

    IssueKeyController {
        id: issue
        client: testSession.client
    }

    Component {
        id: pageComponent
        KeyDetailPage {}
    }

    StackView {
        id: stack
        anchors.fill: parent
    }

    TestCase {
        name: "KeyDetailPage"
        when: windowShown

        /// Issues a key and opens its page; returns the page.
        function openFreshKey() {
            issue.clear();
            issue.apiId = testSample.apiId;
            issue.name = "detail page test";
            verify(issue.issue());
            tryVerify(() => issue.issued, 20000);
            const keyId = issue.newKeyId;
            issue.clear();
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: keyId, objectName: "keyDetail" },
                                    StackView.Immediate);
            verify(page);
            tryVerify(() => page.controller.loaded, 20000);
            return page;
        }

        function child(parent, objectName) {
            const found = findChild(parent, objectName);
            verify(found, objectName);
            return found;
        }

        function cleanup() {
            stack.clear();
        }

        function test_leavingWithADraftAsks() {
            const page = openFreshKey();
            let left = 0;
            page.confirmLeave(() => ++left);
            compare(left, 1, "nothing unsaved: the page goes at once");

            const field = child(page, "section-name-field");
            field.text = "a draft";
            tryCompare(child(page, "section-name-unsaved"), "text", "Unsaved changes");
            compare(page.unsavedSections.length, 1);
            page.confirmLeave(() => ++left);
            compare(left, 1, "a draft holds the page");
            const ask = child(page, "confirm-discard");
            tryCompare(ask, "opened", true);
            verify(ask.text.indexOf("Name") >= 0, ask.text);
            mouseClick(H.find(ask, item => item.objectName === "confirmButton"));
            compare(left, 2, "discarding leaves");
            tryCompare(ask, "visible", false);

            // Discard brings the saved value back; nothing to ask about any more.
            mouseClick(child(page, "section-name-discard"));
            compare(field.text, "detail page test");
            page.confirmLeave(() => ++left);
            compare(left, 3);
        }

        function test_instantCardsSaySoAndConfirm() {
            const page = openFreshKey();
            const hint = child(page, "section-enabled-instant");
            verify(hint.visible);
            compare(hint.text, "Changes here apply at once.");
            verify(!child(page, "section-name-instant").visible, "a card with Save keeps drafts");
            const saved = child(page, "section-enabled-saved");
            verify(!saved.visible);
            const toggle = child(page, "key-enabled");
            toggle.toggle();
            toggle.toggled();
            tryVerify(() => saved.visible, 20000);
            tryCompare(page.controller, "enabled", false);
        }

        function test_rerollShowsTheSameBlockAndLandsOnTheNewKey() {
            const page = openFreshKey();
            const oldId = page.keyId;
            const oldStart = page.controller.start;
            child(page, "key-reroll").clicked();
            const confirm = child(page, "confirm-reroll");
            tryCompare(confirm, "opened", true);
            mouseClick(H.find(confirm, item => item.objectName === "confirmButton"));

            const shown = child(page, "rerolled-dialog");
            tryCompare(shown, "opened", true, 20000);
            const newId = page.controller.newKeyId;
            verify(newId !== "" && newId !== oldId);
            const curl = H.find(shown, item => item.objectName === "curl-text");
            verify(curl && H.shown(curl), "the verify line");
            verify(curl.text.indexOf(page.controller.newKey) >= 0);
            verify(curl.text.indexOf("$ROOT_KEY") >= 0);
            verify(H.find(shown, item => item.objectName === "copy-key"));
            verify(H.find(shown, item => item.objectName === "copy-curl"));
            verify(H.containingText(shown, "cannot be shown again"), "the same warning");

            mouseClick(H.find(shown, item => item.objectName === "rerolled-done"));
            tryVerify(() => stack.currentItem !== page && stack.currentItem.keyId === newId, 10000);
            const landed = stack.currentItem;
            compare(stack.depth, 1);
            compare(landed.replacedStart, oldStart);
            verify(landed.replacedExpires > Date.now());
            tryVerify(() => landed.controller.loaded, 20000);
            const note = child(landed, "replaced-note");
            tryVerify(() => note.visible);
            verify(H.containingText(note, oldStart + "…"), "the note names the old key");
        }
    }
}
