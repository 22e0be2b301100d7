import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// GlobalSearch (what Ctrl+K opens on a page without its own search field; the shortcut itself is
// Main.qml's and tst_screens presses it): the cursor is in the field at once, Esc closes, a key id
// or an owner's external id opens that page through the session, and an unknown one says so.
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

    TestCase {
        name: "GlobalSearch"
        when: windowShown

        function init() {
            pages.clear();
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
            tryVerify(() => search.message.indexOf("No key") === 0, 15000);
            search.close();
            tryCompare(search, "visible", false);
            search.open();
            tryCompare(search, "opened", true);
            compare(field().text, "");
            compare(search.message, "");
        }

        function test_keyIdOpensTheKey() {
            typeAndEnter(testSample.keyId);
            tryCompare(pages, "count", 1, 15000);
            compare(pages.signalArguments[0][0], "keyDetail");
            compare(pages.signalArguments[0][1].keyId, testSample.keyId);
            tryCompare(search, "visible", false);
        }

        function test_unknownKeySaysSo() {
            typeAndEnter("key_doesnotexist42");
            tryVerify(() => search.message.indexOf("key_doesnotexist42") >= 0
                            && search.message.indexOf("No key") === 0, 15000, search.message);
            verify(H.byText(search, search.message).visible, "the message is shown");
            verify(search.visible, "stays open to correct the id");
            compare(pages.count, 0);
        }

        function test_externalIdOpensTheOwner() {
            typeAndEnter(testSample.externalId);
            tryCompare(pages, "count", 1, 15000);
            compare(pages.signalArguments[0][0], "ownerDetail");
            const props = pages.signalArguments[0][1];
            verify(props.identityId !== undefined && props.identityId.length > 0, JSON.stringify(props));
            tryCompare(search, "visible", false);
        }

        function test_unknownOwnerSaysSo() {
            typeAndEnter("nobody-by-this-name");
            tryVerify(() => search.message.indexOf("No owner") === 0, 15000, search.message);
            verify(search.message.indexOf("nobody-by-this-name") >= 0);
            compare(pages.count, 0);
        }

        function test_blankDoesNothing() {
            typeAndEnter("   ");
            wait(200);
            compare(search.message, "");
            verify(search.visible);
        }
    }
}
