import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// A list whose request fails says "Could not load: <why>" with Retry instead of its empty state
// (an error must never look like "nothing there"), and Retry asks again. The audit log fails on a
// filter the server rejects (an empty event name); the ratelimit overrides on a namespace name the
// server rejects (too long). A namespace that does not exist is no such error: the page says that
// it is not there, with Back and no Retry (tst_notfoundpages).
Item {
    id: root
    width: 1060
    height: 700

    Loader {
        id: loader
        anchors.fill: parent
    }

    Component {
        id: auditPage
        AuditLogPage { session: testSession }
    }
    Component {
        id: ratelimitPage
        RatelimitPage { session: testSession }
    }

    Component {
        id: narrowPlaceholder
        ListPlaceholder { width: 250 }
    }

    TestCase {
        name: "ListErrors"
        when: windowShown

        function cleanup() {
            loader.sourceComponent = undefined;
        }
        function retryButton(placeholder) {
            return H.find(placeholder, item => item.objectName === "placeholder-retry");
        }
        function titleOf(placeholder) {
            return H.find(placeholder, item => item.objectName === "placeholder-title").text;
        }

        // Walkthrough G31: in the Rate limits page's 250-px namespace pane, a 403's long tokens
        // ("'ratelimit.<namespaceId>.read_namespace'") could not wrap and were cut at both edges.
        function test_longTokensWrapInsideANarrowPlaceholder() {
            const placeholder = createTemporaryObject(narrowPlaceholder, root);
            placeholder.error = "Missing one of these permissions: 'ratelimit.*.read_namespace', 'ratelimit.<namespaceId>.read_namespace'";
            placeholder.hint = "averyveryveryverylongtokenwithoutanyspaceatalltomakeitwrapinsideitswidthforsure";
            const title = H.find(placeholder, item => item.objectName === "placeholder-title");
            tryVerify(() => title.width > 0 && title.width <= 250, 5000, "title width " + title.width);
            verify(title.contentWidth <= title.width, title.contentWidth + " > " + title.width);
            verify(title.lineCount > 2, "wrapped into lines: " + title.lineCount);
            placeholder.error = "";
            const hint = H.find(placeholder, item => item.text === placeholder.hint);
            tryVerify(() => hint.visible && hint.width > 0, 5000);
            verify(hint.contentWidth <= hint.width, hint.contentWidth + " > " + hint.width);
        }

        function test_auditLogShowsErrorAndRetries() {
            loader.sourceComponent = auditPage;
            const list = H.find(loader.item, item => item.objectName === "auditList");
            const placeholder = H.find(loader.item, item => item.objectName === "auditPlaceholder");
            verify(list && placeholder);
            tryVerify(() => !list.model.loading, H.answerTimeout, "the first page answered");
            compare(retryButton(placeholder).visible, false, "no error while the list loads fine");
            list.model.events = [""]; // the server refuses an empty event name (400)
            tryVerify(() => list.model.failed, H.answerTimeout, "the filtered request failed");
            tryVerify(() => H.shown(retryButton(placeholder)), 5000, "Retry is offered");
            verify(titleOf(placeholder).indexOf("Could not load: ") === 0, titleOf(placeholder));
            verify(titleOf(placeholder).length > "Could not load: ".length, "says why");
            verify(titleOf(placeholder).indexOf("No entries") < 0);

            list.model.events = [];
            mouseClick(retryButton(placeholder));
            tryVerify(() => !list.model.failed && !list.model.loading, H.answerTimeout, "Retry loaded the list");
            tryVerify(() => !H.shown(retryButton(placeholder)), 5000);
        }

        function test_ratelimitOverridesShowError() {
            loader.sourceComponent = ratelimitPage;
            loader.item.namespaceName = "n".repeat(513); // longer than a name may be: 400
            const placeholder = H.find(loader.item, item => item.title === "No overrides");
            verify(placeholder);
            tryVerify(() => placeholder.error !== "", H.answerTimeout, "listing the overrides failed");
            tryVerify(() => H.shown(retryButton(placeholder)), 5000, "Retry is offered");
            verify(titleOf(placeholder).indexOf("Could not load: ") === 0, titleOf(placeholder));

            const overrides = H.find(loader.item, item => item.objectName === "overrideList").model;
            let refreshed = false;
            overrides.loadingChanged.connect(() => refreshed = refreshed || overrides.loading);
            mouseClick(retryButton(placeholder));
            tryVerify(() => refreshed, 5000, "Retry asked the server again");
            tryVerify(() => !overrides.loading, H.answerTimeout);
            verify(overrides.failed, "still refused: still an error, not an empty list");
        }

        // A namespace that is not there (any more): said as such in the overrides' pane, no
        // "Could not load" and no Retry; Back leaves it for the list of namespaces.
        function test_missingNamespaceIsNoError() {
            loader.sourceComponent = ratelimitPage;
            loader.item.namespaceName = "qml-no-such-namespace";
            const state = H.find(loader.item, item => item.objectName === "namespace-not-found");
            verify(state);
            tryVerify(() => H.shown(state), H.answerTimeout, "the page says the namespace is not there");
            verify(H.containingText(state, "“qml-no-such-namespace” does not exist (any more)"), "names it");
            const placeholder = H.find(loader.item, item => item.title === "No overrides");
            verify(!H.shown(retryButton(placeholder)), "no Retry");
            verify(!H.shown(H.find(loader.item, item => item.objectName === "overrideList")));
            const back = H.find(state, item => item.objectName === "namespace-not-found-back");
            verify(H.shown(back));
            mouseClick(back);
            tryCompare(loader.item, "namespaceName", "", 5000);
            verify(!H.shown(state));
        }
    }
}
