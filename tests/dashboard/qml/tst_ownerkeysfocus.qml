import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// An owner's key list moves with the page: Down onto a row below the fold scrolls the page to it,
// where the layout puts the row, also when a part above the list changes height in the frame after
// (the usage charts reporting their height once loaded), as on the key page and in the issue form
// (FocusScroller.show(), tst_focusscroller). The page's own scroll on a new current row was the
// one-shot reveal(); the row taking the keyboard focus is followed by FocusScroller as well, which
// is why this passed before that call became show() too.
Item {
    id: root
    width: 1060
    height: 560

    Component {
        id: ownerPage
        OwnerDetailPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }

    TestCase {
        name: "OwnerKeysFocus"
        when: windowShown

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        // An owner without keys opens with the keyboard on "Issue key for this owner", framed for
        // a keyboard user only (LastInput, as the key rows' ListFocusRing): not after a click on
        // the owner's row.
        function test_issueKeyFramedForTheKeyboardOnly() {
            const externalId = "keyless-owner-" + Date.now();
            const identityId = callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            verify(page);
            const keys = findChild(page, "keysModel");
            const issue = findChild(page, "owner-issue");
            verify(keys && issue);
            tryVerify(() => !keys.loading && keys.count === 0 && issue.button.enabled, H.answerTimeout, "a keyless owner");
            const frame = findChild(issue.button, "focusFrame");
            verify(frame);
            mouseClick(H.find(page, item => item.text === "Identity")); // as the owner's row was clicked
            root.forceActiveFocus();
            page.focusContent();
            verify(issue.button.activeFocus, "Issue key has the keyboard");
            verify(!frame.shown, "no keyboard frame after a click");
            keyClick(Qt.Key_Shift);
            root.forceActiveFocus();
            page.focusContent();
            verify(issue.button.activeFocus);
            tryVerify(() => frame.shown, 5000, "framed after a key press");
        }

        function test_downShowsTheRowWhereTheLayoutPutsIt() {
            const externalId = "focus-owner-" + Date.now();
            const identityId = callApi("identities.createIdentity", { externalId: externalId }).identityId;
            const apiId = callApi("apis.createApi", { name: "focus-owner-api" }).apiId;
            for (let i = 0; i < 3; ++i)
                callApi("keys.createKey", { apiId: apiId, externalId: externalId, name: "focus key " + i });
            const page = createTemporaryObject(ownerPage, root, { identityId: identityId });
            verify(page);
            const keys = findChild(page, "keysModel");
            tryVerify(() => keys.count === 3 && !keys.loading, H.answerTimeout, "the owner's keys");
            const list = H.find(page, item => item instanceof ListView && item.model === keys);
            verify(list);
            const flickable = page.focusScroller.flickable;
            verify(flickable);
            // In view: the row whole inside the page's visible part.
            const inView = item => {
                const at = item.mapToItem(flickable, 0, 0);
                return at.y >= 0 && at.y + item.height <= flickable.height;
            };

            list.currentIndex = 0;
            list.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => list.currentItem && inView(list.currentItem), 5000, "the first row in view");
            waitForRendering(page);

            // Down, and in the frame after it something above the list grows (the charts report
            // their height once loaded): the row moves down after it became current.
            const title = H.find(page, item => item instanceof Label && item.text === "Keys (3)");
            verify(title, "the list's title");
            let frames = 0;
            const grow = () => {
                if (++frames === 1)
                    title.Layout.topMargin = 2 * root.height;
            };
            const window = root.Window.window;
            window.afterAnimating.connect(grow);
            try {
                keyClick(Qt.Key_Down);
                compare(list.currentIndex, 1);
                tryVerify(() => frames >= 1, 5000, "a frame drawn");
                tryVerify(() => inView(list.currentItem), 5000, "the row scrolled into view");
                waitForRendering(page);
            } finally {
                window.afterAnimating.disconnect(grow);
            }
            verify(inView(list.currentItem), "still in view once drawn");
        }
    }
}
