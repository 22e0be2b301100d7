import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The first use (walkthrough, issue 4): in a workspace without an API, the Overview says that
// the first step is to create one, and the issue dialog says "Create an API first" instead of
// "Choose the API…" over an empty list; both have "New API": the Overview's opens the APIs page
// with its New API dialog open, the issue dialog's opens New API over the form, which stays as
// typed and chooses the new API.
Item {
    id: root
    width: 1100
    height: 800

    Component {
        id: overviewPage
        OverviewPage {
            width: root.width
            height: root.height
        }
    }
    Component {
        id: apisPage
        ApisPage {
            width: root.width
            height: root.height
        }
    }
    Component {
        id: issueDialog
        IssueKeyDialog {}
    }
    SignalSpy {
        id: emptyPageRequested
        target: testEmptySession
        signalName: "pageRequested"
    }

    TestCase {
        name: "FirstStep"
        when: windowShown

        function init() {
            emptyPageRequested.clear();
        }

        function verifyAskedForNewApi() {
            tryCompare(emptyPageRequested, "count", 1, 5000);
            compare(emptyPageRequested.signalArguments[0][0], "apis");
            compare(emptyPageRequested.signalArguments[0][1].startWithNewApi, true);
        }

        function test_overviewWithoutAnApiSaysToCreateOne() {
            const page = createTemporaryObject(overviewPage, root, {session: testEmptySession});
            const step = findChild(page, "overview-first-step");
            verify(step);
            tryVerify(() => H.shown(step), H.answerTimeout, "the first step is said");
            verify(H.containingText(step, "Create an API first"));
            const button = findChild(step, "overview-new-api-button");
            tryVerify(() => button.enabled, H.answerTimeout);
            mouseClick(button);
            verifyAskedForNewApi();
        }

        function test_overviewWithAnApiSaysNothingMore() {
            const page = createTemporaryObject(overviewPage, root, {session: testSession});
            const step = findChild(page, "overview-first-step");
            const apis = H.find(page, item => item.pageSize === 1 && item.loading !== undefined);
            verify(apis, "the page's APIs");
            tryVerify(() => apis.client !== null && !apis.loading && apis.count > 0, H.answerTimeout);
            verify(!H.shown(step));
        }

        function test_issueDialogWithoutAnApiOffersNewApi() {
            const dialog = createTemporaryObject(issueDialog, root, {session: testEmptySession});
            dialog.openWith({});
            tryCompare(dialog, "opened", true);
            const why = findChild(dialog.footer, "issue-needs-api");
            const button = findChild(dialog.footer, "issue-new-api-button");
            verify(why && button);
            tryVerify(() => H.shown(button), H.answerTimeout, "New API in the footer");
            compare(why.text, "Create an API first.");
            tryVerify(() => button.enabled, H.answerTimeout);
        }

        // Walkthrough (issue 4): "New API" closed the issue dialog without the discard question
        // and threw away what was typed. Now New API opens over the form, and the form, as typed,
        // gets the new API. The page behind the dialog (the APIs page, the Overview) shows the new
        // API at once (it still said "No APIs yet" until Refresh). (testNoApiSession: a workspace
        // of its own, without an API till now.)
        function test_issueDialogsNewApiKeepsTheForm() {
            const apis = createTemporaryObject(apisPage, root, {session: testNoApiSession});
            const overview = createTemporaryObject(overviewPage, root, {session: testNoApiSession});
            const firstStep = findChild(overview, "overview-first-step");
            tryVerify(() => H.shown(firstStep), H.answerTimeout, "the Overview says to create an API first");
            tryVerify(() => { const none = H.byText(apis, "No APIs yet"); return none !== null && H.shown(none); },
                      H.answerTimeout, "the APIs page lists none");
            const dialog = createTemporaryObject(issueDialog, root, {session: testNoApiSession});
            dialog.openWith({});
            tryCompare(dialog, "opened", true);
            const name = findChild(dialog.contentItem, "issue-name");
            const button = findChild(dialog.footer, "issue-new-api-button");
            verify(name && button);
            tryVerify(() => H.shown(button) && button.enabled, H.answerTimeout, "New API in the footer");
            name.forceActiveFocus();
            for (const c of "typed first")
                keyClick(c);
            verify(dialog.modified);
            mouseClick(button);
            const newApi = H.find(dialog, item => item.objectName === "api-dialog");
            verify(newApi, "New API over the form");
            tryCompare(newApi, "opened", true);
            verify(dialog.opened, "the issue dialog stays");
            const apiName = H.find(newApi, item => item.objectName === "apiNameField");
            tryVerify(() => apiName.activeFocus, 5000, "New API is open on its name");
            for (const c of "first-api")
                keyClick(c);
            keyClick(Qt.Key_Return);
            const apiBox = findChild(dialog.contentItem, "issue-api");
            tryVerify(() => !newApi.visible && dialog.controller.apiId !== "" && apiBox.currentText === "first-api",
                      H.answerTimeout, "the new API chosen in the form");
            verify(dialog.opened);
            compare(name.text, "typed first", "the form as typed");
            compare(dialog.controller.name, "typed first");
            tryVerify(() => name.activeFocus, 5000, "the keyboard back in the form, on the key's name");
            verify(!H.shown(button), "no more New API: there is one");
            dialog.controller.clear();
            dialog.close();
            tryVerify(() => { const row = H.byText(apis, "first-api"); return row !== null && H.shown(row); },
                      H.answerTimeout, "the APIs page lists the new API");
            const none = H.byText(apis, "No APIs yet");
            verify(none === null || !H.shown(none), "no more “No APIs yet”");
            tryVerify(() => !H.shown(firstStep), H.answerTimeout, "the Overview's first step is done");
        }

        function test_apisPageOpensWithNewApi() {
            const page = createTemporaryObject(apisPage, root, {session: testEmptySession, startWithNewApi: true});
            const name = H.find(page, item => item.selectByMouse !== undefined && item.Accessible.name === "API name");
            verify(name);
            tryVerify(() => name.activeFocus, 5000, "New API is open on its name");
        }
    }
}
