import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// GlobalSearch (what Ctrl+K opens on every page; the shortcut itself is Main.qml's and
// tst_keyboard presses it): the cursor is in the field at once, Esc closes; a key id, a key's name
// or start (prefix), (a part of) an owner's external id or an API's name opens that page through
// the session when it is the one match (also when typed during the opening animation), several
// matches are listed to choose from, and "nothing found" is said in the dialog (never in the
// error banner) until the text changes.
Item {
    id: root
    width: 1000
    height: 700

    GlobalSearch {
        id: search
        session: testSession
    }

    SignalSpy {
        id: pages
        target: testSession
        signalName: "pageRequested"
    }

    SignalSpy {
        id: banner
        target: testSession.client
        signalName: "requestFailed"
    }

    TestCase {
        name: "GlobalSearch"
        when: windowShown

        function init() {
            pages.clear();
            banner.clear();
            search.open();
            tryCompare(search, "opened", true);
        }

        function cleanup() {
            search.close();
            tryCompare(search, "visible", false);
        }

        function field() {
            return H.find(search, item => item.placeholderText !== undefined && item.echoMode !== undefined);
        }

        function typeAndEnter(text) {
            tryVerify(() => field().activeFocus, 5000, "the cursor is in the field");
            for (const c of text)
                keyClick(c);
            keyClick(Qt.Key_Return);
        }

        function test_escapeCloses() {
            verify(field().activeFocus);
            keyClick(Qt.Key_Escape);
            tryCompare(search, "visible", false);
            compare(pages.count, 0);
        }

        function test_reopensEmpty() {
            typeAndEnter("key_doesnotexist42");
            tryVerify(() => search.message.indexOf("Nothing found") === 0, H.answerTimeout);
            search.close();
            tryCompare(search, "visible", false);
            search.open();
            tryCompare(search, "opened", true);
            compare(field().text, "");
            compare(search.message, "");
        }

        function test_keyIdOpensTheKey() {
            typeAndEnter(testSample.keyId);
            tryCompare(pages, "count", 1, H.answerTimeout);
            compare(pages.signalArguments[0][0], "keyDetail");
            compare(pages.signalArguments[0][1].keyId, testSample.keyId);
            tryCompare(search, "visible", false);
        }

        function test_unknownKeySaysSo() {
            typeAndEnter("key_doesnotexist42");
            tryVerify(() => search.message.indexOf("key_doesnotexist42") >= 0
                            && search.message.indexOf("Nothing found") === 0, H.answerTimeout, search.message);
            verify(H.byText(search, search.message).visible, "the message is shown");
            verify(search.visible, "stays open to correct the id");
            compare(pages.count, 0);
        }

        function test_externalIdOpensTheOwner() {
            typeAndEnter(testSample.externalId);
            tryCompare(pages, "count", 1, H.answerTimeout);
            compare(pages.signalArguments[0][0], "ownerDetail");
            const props = pages.signalArguments[0][1];
            verify(props.identityId !== undefined && props.identityId.length > 0, JSON.stringify(props));
            tryCompare(search, "visible", false);
        }

        function test_unknownOwnerSaysSo() {
            typeAndEnter("nobody-by-this-name");
            tryVerify(() => search.message.indexOf("Nothing found") === 0, H.answerTimeout, search.message);
            verify(search.message.indexOf("nobody-by-this-name") >= 0);
            compare(pages.count, 0);
            compare(banner.count, 0, "a miss is no error for the banner");
        }

        /// Calls @p action with @p body on the test server and returns its data.
        function callServer(action, body) {
            let answer = null;
            testSession.client.call(action, body, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout, action);
            verify(answer.ok, action + ": " + answer.errorDetail);
            return answer.data;
        }
        function unique() {
            return Date.now().toString(36) + Math.floor(Math.random() * 1000);
        }

        function test_keyNameOpensTheKey() {
            const name = "Checkout " + unique();
            const key = callServer("keys.createKey", { apiId: testSample.apiId, name: name });
            typeAndEnter(name.slice(2).toLowerCase()); // a part of it, in other case
            tryCompare(pages, "count", 1, H.answerTimeout);
            compare(pages.signalArguments[0][0], "keyDetail");
            compare(pages.signalArguments[0][1].keyId, key.keyId);
            tryCompare(search, "visible", false);
        }

        function test_keyStartOrPrefixOpensTheKey() {
            const prefix = "gt" + Math.floor(Math.random() * 1e6);
            const key = callServer("keys.createKey", { apiId: testSample.apiId, prefix: prefix });
            typeAndEnter(prefix + "_");
            tryCompare(pages, "count", 1, H.answerTimeout);
            compare(pages.signalArguments[0][0], "keyDetail");
            compare(pages.signalArguments[0][1].keyId, key.keyId);
        }

        function test_apiNameOpensItsKeys() {
            const name = "Go to API " + unique();
            const api = callServer("apis.createApi", { name: name.replace(/ /g, "-") });
            typeAndEnter(name.replace(/ /g, "-"));
            tryCompare(pages, "count", 1, H.answerTimeout);
            compare(pages.signalArguments[0][0], "keys");
            compare(pages.signalArguments[0][1].apiId, api.apiId);
        }

        function test_severalMatchesAreListed() {
            const stem = "twin " + unique();
            const first = callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " a" });
            const second = callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " b" });
            typeAndEnter(stem);
            const list = findChild(search.contentItem, "globalSearchResults");
            verify(list);
            tryVerify(() => list.count === 2 && list.visible, H.answerTimeout, "both keys are listed");
            compare(pages.count, 0, "nothing opens by itself");
            verify(H.containingText(list, stem + " a") !== null);
            compare(search.matches[0].id, first.keyId);
            keyClick(Qt.Key_Down);
            compare(list.currentIndex, 1);
            keyClick(Qt.Key_Return);
            tryCompare(pages, "count", 1, 5000);
            compare(pages.signalArguments[0][1].keyId, second.keyId);
            tryCompare(search, "visible", false);
        }

        // Walkthrough H13: owners are found by a part of the external id, as on the Owners page
        // (identities.listIdentities' search), not only by the exact one.
        function test_partOfAnExternalIdOpensTheOwner() {
            const externalId = "part-" + unique() + "-owner";
            const owner = callServer("identities.createIdentity", { externalId: externalId });
            typeAndEnter(externalId.slice(5, -3).toUpperCase()); // the middle, in other case
            tryCompare(pages, "count", 1, 20000);
            compare(pages.signalArguments[0][0], "ownerDetail");
            compare(pages.signalArguments[0][1].identityId, owner.identityId);
            compare(banner.count, 0);
        }

        // An id typed (or pasted) and Enter pressed at once after the dialog opens, before its
        // opening animation ended: the text is in the field, and the one match opens by itself.
        function test_typedDuringTheOpeningAnimation() {
            search.close();
            tryCompare(search, "visible", false);
            search.open();
            verify(!search.opened, "still opening");
            for (const c of testSample.keyId)
                keyClick(c);
            keyClick(Qt.Key_Return);
            tryCompare(pages, "count", 1, 15000);
            compare(pages.signalArguments[0][0], "keyDetail");
            compare(pages.signalArguments[0][1].keyId, testSample.keyId);
        }

        function test_notFoundGoesAwayAsTheTextChanges() {
            typeAndEnter("no-such-thing-" + unique());
            const label = findChild(search.contentItem, "globalSearchMessage");
            tryVerify(() => label.visible && label.text.indexOf("Nothing found") === 0, H.answerTimeout, label.text);
            keyClick("x");
            compare(search.message, "");
            verify(!label.visible, "the old answer is gone as soon as the text changes");
            compare(banner.count, 0, "and it never reached the error banner");
        }

        function typeOnly(text) {
            tryVerify(() => field().activeFocus, 5000, "the cursor is in the field");
            for (const c of text)
                keyClick(c);
        }

        // Walkthrough 20: nothing showed until Enter, and a second Enter opened. The matches come
        // as the text is typed; the arrows move and Enter opens the highlighted one.
        function test_matchesShowWhileTyping() {
            const stem = "live " + unique();
            const first = callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " a" });
            const second = callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " b" });
            typeOnly(stem);
            const list = findChild(search.contentItem, "globalSearchResults");
            tryVerify(() => list.count === 2 && list.visible, H.answerTimeout, "listed without Enter");
            compare(search.matches[0].id, first.keyId);
            compare(list.currentIndex, 0, "the first one is highlighted");
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Return);
            tryCompare(pages, "count", 1, 5000);
            compare(pages.signalArguments[0][1].keyId, second.keyId);
        }

        // A single match while typing is only shown: the user may not have finished typing.
        function test_oneMatchWhileTypingWaitsForEnter() {
            const name = "single " + unique();
            const key = callServer("keys.createKey", { apiId: testSample.apiId, name: name });
            typeOnly(name);
            const list = findChild(search.contentItem, "globalSearchResults");
            tryVerify(() => list.count === 1 && list.visible, H.answerTimeout, "the match is listed");
            wait(300); // an open that comes by itself would come with the answer
            compare(pages.count, 0, "nothing opens before Enter");
            verify(search.visible);
            keyClick(Qt.Key_Return);
            tryCompare(pages, "count", 1, 5000);
            compare(pages.signalArguments[0][1].keyId, key.keyId);
        }

        // The text typed on: the list follows the newest text, never an older answer.
        function test_theListFollowsTheNewestText() {
            const stem = "follow" + unique();
            callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " one" });
            const two = callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " two" });
            typeOnly(stem);
            const list = findChild(search.contentItem, "globalSearchResults");
            tryVerify(() => list.count === 2, H.answerTimeout);
            typeOnly(" t");
            tryVerify(() => list.count === 1 && search.matches[0].id === two.keyId,
                      H.answerTimeout);
            wait(500);
            compare(list.count, 1, "no older answer came back over it");
        }

        // Walkthrough 14b: a rerolled key and its replacement were two identical rows. The old
        // one says that it expires.
        function test_aRerolledKeyAndItsReplacementDiffer() {
            const name = "rerolled " + unique();
            const old = callServer("keys.createKey", { apiId: testSample.apiId, name: name });
            const replacement = callServer("keys.rerollKey", { keyId: old.keyId, expiration: 3600000 });
            typeOnly(name);
            const list = findChild(search.contentItem, "globalSearchResults");
            tryVerify(() => list.count === 2, H.answerTimeout, "both keys are listed");
            const lines = {};
            for (const match of search.matches)
                lines[match.id] = search.detailLine(match);
            verify(lines[old.keyId].indexOf("expires in") === 0, lines[old.keyId]);
            verify(lines[replacement.keyId].indexOf("expires") < 0, lines[replacement.keyId]);
            const shownLines = () => H.findAll(list, item => item.objectName === "globalSearchDetail" && H.shown(item))
                .map(item => item.text);
            tryVerify(() => shownLines().length === 2, 5000, "both rows are laid out");
            const shown = shownLines();
            verify(shown[0] !== shown[1], shown.join(" | "));

            // Walk 20/16: the two names read the same. Each row's first line has its key's start
            // beside the name, as the keys list shows it.
            const titles = H.findAll(list, item => item.objectName === "globalSearchTitle" && H.shown(item));
            compare(titles.length, 2);
            for (const key of [old, replacement]) {
                const start = callServer("keys.getKey", { keyId: key.keyId }).start;
                verify(start.length > 3, start);
                const title = titles.find(item => item.text.indexOf(start + "…") > 0);
                verify(title, "no first line has " + start + ": " + titles.map(item => item.text).join(" | "));
                verify(title.text.indexOf(name) > 0, title.text);
            }
        }

        /// The dialog's top edge in the window.
        function dialogTop() {
            return search.contentItem.mapToItem(null, 0, 0).y;
        }
        /// The footer's Open/Go button.
        function goButton() {
            return findChild(search.footer, "globalSearchGo");
        }

        // Walk 19: the dialog re-centred as matches came and went, its top jumping under the
        // pointer; with nothing found its "Go" button stayed and did nothing. The top stays put
        // (the dialog grows downwards), and with nothing found there is nothing to press.
        function test_topStaysAndNothingFoundHasNoGo() {
            const stem = "anchored " + unique();
            callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " a" });
            callServer("keys.createKey", { apiId: testSample.apiId, name: stem + " b" });
            waitForRendering(search.contentItem);
            const first = dialogTop();
            verify(!goButton().enabled, "nothing typed: nothing to go to");
            typeOnly(stem);
            const list = findChild(search.contentItem, "globalSearchResults");
            tryVerify(() => list.count === 2 && list.visible, H.answerTimeout, "listed");
            waitForRendering(search.contentItem);
            compare(dialogTop(), first, "the top stays with matches listed");
            verify(goButton().enabled);
            typeOnly("zzz");
            tryVerify(() => search.message.indexOf("Nothing found") === 0, H.answerTimeout, search.message);
            waitForRendering(search.contentItem);
            compare(dialogTop(), first, "the top stays with nothing found");
            verify(!goButton().enabled, "nothing found: Go is not offered");
            keyClick(Qt.Key_Return);
            verify(search.visible, "Enter does nothing either");
            verify(search.message.indexOf("Nothing found") === 0, "the answer stays: " + search.message);
            compare(pages.count, 0);
            keyClick(Qt.Key_Backspace);
            verify(goButton().enabled, "a changed text can be looked up again");
        }

        function test_blankDoesNothing() {
            typeAndEnter("   ");
            wait(200);
            compare(search.message, "");
            verify(search.visible);
        }
    }
}
