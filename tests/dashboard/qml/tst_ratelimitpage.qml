import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// RatelimitPage against the test server: a fresh namespace shows the overrides' empty state; in
// the override list Enter opens the chosen override for editing and Delete asks before deleting;
// Esc closes both; the overrides come first, the namespace's charts below them scroll with them,
// at their content's height.
// One "Set override", next to the overrides, its dialog naming the namespace; the panes' border is one full-height
// divider (the style's short mark in its middle read as a stray glyph). With no namespace chosen,
// the right pane invites a choice, or says that there is none yet and what makes one.
Item {
    id: root
    width: 1060
    height: 700

    RatelimitPage {
        id: page
        anchors.fill: parent
        session: testSession
    }
    // What the page says it did goes to the window's notice, as on every page (walkthrough 22, W23).
    SignalSpy {
        id: notices
        target: testSession
        signalName: "notice"
    }
    Component {
        id: otherPage
        RatelimitPage {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "RatelimitPage"
        when: windowShown

        function named(name) {
            return H.find(page, item => item.objectName === name);
        }
        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result;
        }

        function test_freshNamespaceHasNoOverrides() {
            callApi("ratelimit.createNamespace", {name: "qml-page-empty"});
            page.namespaceName = "qml-page-empty";
            const placeholder = H.find(page, item => item.title === "No overrides");
            tryVerify(() => H.shown(placeholder) && !placeholder.loading, H.answerTimeout);
            verify(placeholder.hint.indexOf("Set override") >= 0);
            compare(named("overrideList").count, 0);
        }

        // Walkthrough (issue 4): a new namespace with a taken name closed the dialog on the
        // server's 409, and what was typed was gone. It stays, with the server's detail in the dialog.
        function test_takenNamespaceNameKeepsTheDialog() {
            callApi("ratelimit.createNamespace", {name: "qml-page-taken"});
            tryVerify(() => page.may.may("ratelimit.*.create_namespace"), H.answerTimeout, "capabilities loaded");
            const create = H.find(page, item => item.text === "New namespace" && item.clicked !== undefined);
            verify(create, "New namespace");
            create.clicked();
            const field = named("namespaceField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened on the name");
            for (const c of "qml-page-taken")
                keyClick(c);
            keyClick(Qt.Key_Return);
            tryVerify(() => H.fieldError(page) !== "", H.answerTimeout,
                      "the server's answer under the name");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog is back, on the name");
            compare(field.text, "qml-page-taken");
            keyClick("2"); // typing on clears the answer to the old name
            compare(H.fieldError(page), "");
            keyClick(Qt.Key_Return);
            tryVerify(() => !H.shown(field), H.answerTimeout, "the new name was taken");
            tryCompare(page, "namespaceName", "qml-page-taken2", H.answerTimeout);
        }

        // Walkthrough (issue 4): after Save nothing said it was saved, and the keyboard landed on
        // the first row instead of the new override.
        function test_savedOverrideIsSaidAndCurrent() {
            callApi("ratelimit.createNamespace", {name: "qml-page-saved"});
            for (const id of ["a_first", "b_second"])
                callApi("ratelimit.setOverride", {namespace: "qml-page-saved", identifier: id, limit: 7, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-saved";
            const list = named("overrideList");
            tryVerify(() => list.count === 2, H.answerTimeout);
            list.forceActiveFocus();
            list.currentIndex = 0;
            mouseClick(named("paneSetOverride-button"));
            const field = named("identifierField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened on the identifier");
            for (const c of "z_new")
                keyClick(c);
            notices.clear();
            keyClick(Qt.Key_Return);
            tryCompare(notices, "count", 1, H.answerTimeout);
            compare(notices.signalArguments[0][0], "Override for “z_new” saved");
            tryVerify(() => list.count === 3 && list.currentIndex === 2, H.answerTimeout, "current " + list.currentIndex);
            verify(list.activeFocus, "the keyboard on the list");
        }

        // Walkthrough 20/3: after Save the page scrolled ~300 px down, the new override (the last
        // row, oldest first) out of sight above the top with the focus frame on it.
        function test_savedOverrideStaysInView() {
            callApi("ratelimit.createNamespace", {name: "qml-page-inview"});
            for (const id of ["user_1", "user_2", "user_3", "user_*"])
                callApi("ratelimit.setOverride", {namespace: "qml-page-inview", identifier: id, limit: 50, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-inview";
            const list = named("overrideList");
            tryVerify(() => list.count === 4, H.answerTimeout);
            const charts = named("consoleView");
            tryVerify(() => charts && charts.ready, 60000, "the charts loaded");
            tryCompare(list, "contentY", list.originY, 5000, "starts at its top");
            mouseClick(named("paneSetOverride-button"));
            const field = named("identifierField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened on the identifier");
            for (const c of "user_4*")
                keyClick(c);
            keyClick(Qt.Key_Return);
            tryVerify(() => list.count === 5 && list.currentIndex === 4 && !list.model.loading, H.answerTimeout,
                      "current " + list.currentIndex);
            // Whatever the reloaded rows, header and charts still change in the next frames.
            for (let frame = 0; frame < 5; ++frame)
                waitForRendering(list);
            const row = list.currentItem;
            verify(row.highlighted, "the saved row marked");
            verify(list.activeFocus, "the keyboard on the list");
            const top = row.mapToItem(list, 0, 0).y;
            verify(top >= 0 && top + row.height <= list.height,
                   "the saved row at " + top + ".." + (top + row.height) + " of a " + list.height + " px list");
        }

        // RemovalFocus places the row after a deletion once (positionViewAtIndex), while the
        // reloaded list's header (its "No overrides" place) and charts may still change height,
        // which left a saved override out of view (walk 20/3). The row the keyboard goes to after
        // a deletion stays in view.
        function test_rowAfterADeletionStaysInView() {
            callApi("ratelimit.createNamespace", {name: "qml-page-delview"});
            for (let i = 0; i < 8; ++i)
                callApi("ratelimit.setOverride", {namespace: "qml-page-delview", identifier: "user_" + i, limit: 50, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-delview";
            const list = named("overrideList");
            tryVerify(() => list.count === 8, H.answerTimeout);
            const charts = named("consoleView");
            tryVerify(() => charts && charts.ready, 60000, "the charts loaded");
            list.forceActiveFocus();
            list.currentIndex = 0;
            for (let i = 0; i < 7; ++i)
                keyClick(Qt.Key_Down);
            compare(list.currentIndex, 7);
            keyClick(Qt.Key_Delete);
            const confirm = H.find(page, item => item.title === "Delete override");
            tryVerify(() => confirm.opened, 5000);
            keyClick(Qt.Key_Tab); // from Cancel to Delete
            keyClick(Qt.Key_Return);
            tryVerify(() => !confirm.visible && list.count === 7 && !list.model.loading && list.activeFocus,
                      H.answerTimeout, "deleted, the keyboard back on the list");
            for (let frame = 0; frame < 5; ++frame)
                waitForRendering(list);
            compare(list.currentIndex, 6, "the row before the last one deleted");
            const row = list.currentItem;
            const top = row.mapToItem(list, 0, 0).y;
            verify(top >= 0 && top + row.height <= list.height,
                   "the row at " + top + ".." + (top + row.height) + " of a " + list.height + " px list");
        }

        function test_enterEditsDeleteAsksEscCloses() {
            callApi("ratelimit.createNamespace", {name: "qml-page-keys"});
            callApi("ratelimit.setOverride", {namespace: "qml-page-keys", identifier: "vip_*", limit: 7, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-keys";
            const list = named("overrideList");
            tryVerify(() => list.count === 1, H.answerTimeout);
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick(Qt.Key_Return);
            const field = named("identifierField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened on the identifier");
            compare(field.text, "vip_*");
            keyClick(Qt.Key_Escape);
            tryVerify(() => !H.shown(field), 5000);

            list.forceActiveFocus();
            keyClick(Qt.Key_Delete);
            const confirm = H.find(page, item => item.title === "Delete override");
            tryVerify(() => confirm.opened, 5000);
            verify(confirm.text.indexOf("vip_*") >= 0, confirm.text);
            // A broader wildcard override catches what this one covered (walk 20/2).
            verify(confirm.text.indexOf("another override that matches them") >= 0, confirm.text);
            keyClick(Qt.Key_Escape);
            tryVerify(() => !confirm.visible, 5000);
            compare(list.count, 1); // nothing deleted
        }

        // The namespace's charts are as tall as their content and scroll with the overrides above
        // them: no box of charts scrolling by itself inside the page (W4 F60). The overrides come
        // first (walkthrough H9: below the charts they were ~25 wheel steps down).
        function test_chartsScrollWithTheOverrides() {
            callApi("ratelimit.createNamespace", {name: "qml-page-charts"});
            for (let i = 0; i < 6; ++i)
                callApi("ratelimit.setOverride", {namespace: "qml-page-charts", identifier: "user_" + i, limit: 5, duration: 60000});
            page.namespaceName = "qml-page-charts";
            const list = named("overrideList");
            tryVerify(() => list.count === 6, H.answerTimeout);
            const charts = named("consoleView");
            verify(charts !== null, "no charts");
            tryVerify(() => charts.ready || charts.failed, 60000, "the charts never reported");
            verify(charts.ready, "the charts reported an error");
            tryVerify(() => charts.documentHeight > charts.standardHeight, H.answerTimeout, "page height " + charts.documentHeight);
            tryVerify(() => charts.height === charts.documentHeight, H.answerTimeout,
                      "the view is " + charts.height + " px, its page " + charts.documentHeight);
            // Chromium learns the view's new height a moment after QML has it (contentsSize).
            tryVerify(() => !charts.webCanScroll(-120) && !charts.webCanScroll(120), H.answerTimeout, "the charts scroll by themselves");
            tryVerify(() => list.contentHeight > charts.height + 6 * 40, 5000, "the charts follow the overrides in one list");
            compare(list.currentIndex, -1, "a current override (the list scrolls it into view)");
            compare(list.contentY, list.originY, "the list starts at its top");
            verify(charts.mapToItem(list, 0, 0).y > 6 * 40, "the charts below the overrides");
            tryVerify(() => charts.mapToItem(list, 0, 0).y + 60 < list.height, 5000,
                      "the charts' top in view: at " + charts.mapToItem(list, 0, 0).y + " of " + list.height);
            const top = charts.mapToItem(page, 0, 0).y;
            mouseWheel(charts, 200, 30, 0, -120);
            tryVerify(() => charts.mapToItem(page, 0, 0).y < top, 5000, "the wheel over the charts did not scroll the page");
            // Another namespace starts at its top again.
            callApi("ratelimit.createNamespace", {name: "qml-page-charts-2"});
            page.namespaceName = "qml-page-charts-2";
            tryCompare(list, "count", 0, H.answerTimeout);
            tryCompare(list, "contentY", list.originY, 5000, "the next namespace does not start at its top");
        }

        // Walkthrough: user_7's limit 10 selected, 50 typed (the field showed 50) and Enter stored
        // 10: the dialog saved on Enter's press, the spin box took the text only on its release.
        function test_typedLimitIsSavedByEnter() {
            callApi("ratelimit.createNamespace", {name: "qml-page-typed"});
            callApi("ratelimit.setOverride", {namespace: "qml-page-typed", identifier: "user_7", limit: 10, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-typed";
            const list = named("overrideList");
            tryVerify(() => list.count === 1, H.answerTimeout);
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick(Qt.Key_Return);
            const limit = named("limitField");
            tryVerify(() => H.shown(limit) && limit.value === 10, 5000, "the dialog opened on user_7");
            limit.forceActiveFocus();
            limit.contentItem.selectAll();
            keyClick("5");
            keyClick("0");
            compare(limit.contentItem.text, "50");
            keyClick(Qt.Key_Return);
            tryVerify(() => !H.shown(limit), 5000, "Enter saved and closed the dialog");
            let stored = null;
            let asking = false;
            tryVerify(() => {
                if (!asking) {
                    asking = true;
                    testSession.client.call("ratelimit.getOverride", {namespace: "qml-page-typed", identifier: "user_7"},
                                            answer => {
                                                asking = false;
                                                stored = answer.ok ? answer.data.limit : null;
                                            });
                }
                return stored === 50;
            }, H.answerTimeout, "the server has limit " + stored);
        }

        // Walkthrough (issue 4): the page had two "Set override" buttons (toolbar and pane), and
        // the dialog did not say in which namespace. One button, next to the overrides; the dialog
        // names the namespace.
        function test_oneSetOverrideNamingTheNamespace() {
            callApi("ratelimit.createNamespace", {name: "qml-page-names"});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-names";
            const pane = named("paneSetOverride");
            tryVerify(() => H.shown(pane) && pane.button.enabled, H.answerTimeout);
            // Buttons (not their GatedButton wrappers): what has `pressed`.
            const buttons = H.findAll(page, item => item.pressed !== undefined && item.text === "Set override"
                                                    && H.shown(item));
            compare(buttons.length, 1, "one Set override button");
            pane.clicked();
            const field = named("identifierField");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened");
            const dialog = H.find(page, item => item.title === "Set override in “qml-page-names”"
                                                && item.opened !== undefined);
            verify(dialog, "the dialog names the namespace");
            keyClick(Qt.Key_Escape);
            tryVerify(() => !H.shown(field), 5000);
        }

        // Walkthrough (issue 4, stop 19): "Set override" for acme_corp, which had 50 per minute,
        // replaced it with 10 unsaid. The dialog says that the identifier has one and what it is,
        // and Save says Replace; editing that override itself is no replacing.
        function test_typedIdentifierWithAnOverrideSaysSavingReplacesIt() {
            callApi("ratelimit.createNamespace", {name: "qml-page-replace"});
            callApi("ratelimit.setOverride", {namespace: "qml-page-replace", identifier: "acme_corp", limit: 50, duration: 60000});
            tryVerify(() => page.may.may("ratelimit.*.set_override"), H.answerTimeout, "capabilities loaded");
            page.namespaceName = "qml-page-replace";
            const list = named("overrideList");
            tryVerify(() => list.count === 1, H.answerTimeout);
            const pane = named("paneSetOverride");
            tryVerify(() => H.shown(pane) && pane.button.enabled, H.answerTimeout);
            pane.clicked();
            const field = named("identifierField");
            const warning = named("replaceWarning");
            const save = named("saveButton");
            tryVerify(() => H.shown(field) && field.activeFocus, 5000, "the dialog opened");
            for (const c of "acme_cor")
                keyClick(c);
            wait(400); // past the lookup's pause: a prefix has no override of its own
            verify(!H.shown(warning));
            compare(save.text, "Save");
            keyClick("p");
            tryVerify(() => H.shown(warning), H.answerTimeout, "the warning for acme_corp");
            compare(warning.text, "“acme_corp” has an override already: 50 per 1\u00a0min. Saving replaces it.");
            compare(save.text, "Replace");
            keyClick(Qt.Key_Backspace);
            tryVerify(() => !H.shown(warning), 5000, "gone with the identifier");
            compare(save.text, "Save");
            keyClick(Qt.Key_Escape); // asks to discard what was typed
            let discard = null;
            tryVerify(() => (discard = H.find(page, item => item.objectName === "confirmButton" && H.shown(item))) !== null,
                      5000, "the discard question");
            mouseClick(discard);
            tryVerify(() => !H.shown(field), 5000);

            // Editing acme_corp's own override: nothing to warn of.
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick(Qt.Key_Return);
            tryVerify(() => H.shown(field) && field.text === "acme_corp", 5000, "the dialog opened on acme_corp");
            wait(400);
            verify(!H.shown(warning));
            compare(save.text, "Save");
            keyClick(Qt.Key_Escape);
            tryVerify(() => !H.shown(field), 5000);
        }

        /// The right pane (no namespace chosen) of @p made, a new page, once it shows.
        function choicePane(made) {
            verify(made);
            const pane = H.find(made, item => item.objectName === "namespacePane");
            verify(pane);
            tryVerify(() => H.shown(pane), H.answerTimeout, "the pane never showed");
            return pane;
        }

        // Walkthrough: a workspace without namespaces said "Choose a namespace" in the right pane,
        // with nothing to choose. It says there is none yet and what makes one; with a filter that
        // hides every namespace, that none matches (as the list on the left does).
        function test_noNamespaceYetSaysWhatMakesOne() {
            const made = createTemporaryObject(otherPage, root, {session: testEmptySession});
            const pane = choicePane(made);
            tryVerify(() => pane.title === "No namespaces yet", H.answerTimeout, "the pane says " + pane.title);
            verify(pane.hint.indexOf("“New namespace”") >= 0, pane.hint);
            verify(pane.hint.indexOf("ratelimit.limit") >= 0, pane.hint);
            const filter = H.find(made, item => item instanceof TextField && item.placeholderText === "Filter namespaces");
            verify(filter, "the filter field");
            filter.text = "nothing-like-this";
            const matchesNone = "No namespace matches “nothing-like-this”.";
            tryVerify(() => pane.title === matchesNone, H.answerTimeout, "the pane says " + pane.title);
            compare(pane.hint, "Clear the filter to see every namespace.");
            const titles = H.findAll(made, item => item.objectName === "placeholder-title" && H.shown(item));
            compare(titles.map(title => title.text), [matchesNone, matchesNone], "the list and the pane");
        }

        function test_namespacesToChooseFrom() {
            callApi("ratelimit.createNamespace", {name: "qml-page-choose"});
            const pane = choicePane(createTemporaryObject(otherPage, root, {session: testSession}));
            tryCompare(pane, "title", "Choose a namespace", H.answerTimeout);
            compare(pane.hint, "Its overrides and charts appear here.");
        }

        // Walkthrough (issue 4): with one namespace the right pane still said "Choose a
        // namespace", with nothing to choose between. The one namespace is shown. (The no-API
        // workspace: no other file makes a namespace there.)
        function test_theOnlyNamespaceIsShown() {
            let made = null;
            testNoApiSession.client.call("ratelimit.createNamespace", {name: "qml-the-only-one"}, answer => made = answer);
            tryVerify(() => made !== null, H.answerTimeout);
            verify(made.ok, made.errorDetail);
            const only = createTemporaryObject(otherPage, root, {session: testNoApiSession});
            const titleShown = () => {
                const title = H.find(only, item => item.text === "Overrides of qml-the-only-one");
                return title !== null && H.shown(title);
            };
            tryVerify(titleShown, H.answerTimeout, "the only namespace's overrides shown");
            const pane = H.find(only, item => item.objectName === "namespacePane");
            verify(!H.shown(pane), "no invitation to choose: " + pane.title);
            // The list's row is marked once the list has its rows, which may come after the pane's
            // title (a plain check here failed once under load).
            tryVerify(() => {
                const row = H.find(only, item => item.highlighted === true && item.text === "qml-the-only-one");
                return row !== null && H.shown(row);
            }, H.answerTimeout, "its row marked in the list");
        }

        function test_panesDividedByAFullHeightLine() {
            const line = named("paneDividerLine");
            verify(H.shown(line));
            const handle = named("paneDivider");
            compare(line.height, handle.height);
            verify(handle.height > page.height / 2, handle.height + " of " + page.height);
            compare(line.width, 1);
            // Nothing else drawn on the border: the line is the handle's only child.
            compare(handle.children.length, 1);
        }
    }
}
