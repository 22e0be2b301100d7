import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// IssueKeyDialog (Ctrl+N): the cursor starts in the name (the API list, once loaded, chooses an
// API when none is remembered; only a workspace without APIs puts it in the API box), and without
// an API, Issue is disabled and says why instead of sending a request the server refuses in
// English. A role typed into the form is created when
// the key is issued (Cancel leaves none behind), and the Permissions & roles page hears of it.
// Esc or Cancel on a form the user filled in asks before discarding it (walkthrough G32): Keep
// editing keeps every entry and the focus, Discard empties the form; an untouched form, one only
// pre-filled, or one whose key was issued closes at once.
Item {
    id: root
    width: 1000
    height: 900

    IssueKeyDialog {
        id: dialog
        session: testSession
    }

    // Low enough that the credits are below the visible part of the form while the name shows.
    IssueKeyDialog {
        id: smallDialog
        session: testSession
        height: 420
    }

    SignalSpy {
        id: rbacChanged
        target: testSession
        signalName: "rbacChanged"
    }

    SignalSpy {
        id: pageRequests
        target: testSession
        signalName: "pageRequested"
    }

    TestCase {
        name: "IssueKeyDialog"
        when: windowShown

        function cleanup() {
            for (const shown of [dialog, smallDialog]) {
                if (shown.discardQuestion)
                    shown.discardQuestion.close();
                shown.close();
                tryCompare(shown, "visible", false);
            }
        }

        function part(objectName) {
            const found = findChild(dialog.contentItem, objectName) || findChild(dialog.footer, objectName);
            verify(found, objectName);
            return found;
        }

        function test_prefilledApiFocusesTheName() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            tryVerify(() => part("issue-name").activeFocus, 5000, "the name field has the cursor");
            keyClick("x");
            compare(part("issue-name").text, "x");
        }

        // Walkthrough H15: without a remembered API the cursor went to the API box, and the first
        // letters typed switched the API by type-ahead while the name stayed empty. The name has the
        // cursor now; the API list, once loaded, chooses its first API and typing never changes it.
        function test_withoutApiTheNameHasTheFocus() {
            dialog.controller.apiId = ""; // the dialog remembers the last API: as on the first opening
            dialog.openWith({});
            tryCompare(dialog, "opened", true);
            const name = part("issue-name");
            tryVerify(() => name.activeFocus, 5000, "the name field has the cursor");
            const apiBox = part("issue-api");
            tryVerify(() => apiBox.count > 0 && dialog.controller.apiId !== "", H.answerTimeout);
            const chosen = dialog.controller.apiId;
            const before = name.text;
            keyClick("b");
            compare(name.text, before + "b");
            compare(dialog.controller.apiId, chosen, "typing does not switch the API");
        }

        /// The server's HTTP status for @p action with @p body.
        function status(action, body) {
            let answer = -1;
            testSession.client.call(action, body, result => answer = result.httpStatus);
            tryVerify(() => answer !== -1, H.answerTimeout, action);
            return answer;
        }

        function addNewRole(name) {
            const field = part("role-picker-field");
            field.forceActiveFocus();
            for (const c of name)
                keyClick(c);
            const add = part("role-picker-add");
            tryVerify(() => add.text === "CREATE “" + name + "”", H.answerTimeout, add.text);
            mouseClick(add); // Enter alone creates nothing (walkthrough 20/1)
            tryCompare(dialog.controller, "newRoles", [name]);
        }

        function test_cancelCreatesNoRole() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            addNewRole("f1-cancelled-role");
            mouseClick(H.byText(dialog.footer, "Cancel"));
            tryCompare(dialog.discardQuestion, "opened", true);
            mouseClick(H.byText(dialog.discardQuestion.footer, "Discard"));
            tryCompare(dialog, "visible", false);
            wait(200);
            compare(status("permissions.getRole", { role: "f1-cancelled-role" }), 404);
        }

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }
        function typeInto(objectName, text) {
            const field = part(objectName);
            field.forceActiveFocus();
            tryVerify(() => field.activeFocus, 5000, objectName);
            typeText(text);
        }
        /// Fills in every kind of entry as a user does: name, prefix, owner, credits, a rate limit,
        /// a permission, a new role and meta (the cursor stays in meta).
        function fillEverything() {
            typeInto("issue-name", "g32 name");
            typeInto("issue-prefix", "g32");
            typeInto("issue-owner", "g32_owner");
            part("credits-unlimited").forceActiveFocus();
            keyClick(Qt.Key_Space);
            typeInto("credits-remaining", "77");
            part("ratelimit-add").forceActiveFocus();
            keyClick(Qt.Key_Space);
            tryVerify(() => part("ratelimit-name-0").activeFocus, 5000);
            typeText("g32limit");
            typeInto("permission-picker-field", "g32.read");
            mouseClick(part("permission-picker-add")); // a new one: Enter alone creates nothing
            tryCompare(dialog.controller, "permissions", ["g32.read"]);
            addNewRole("g32-role");
            typeInto("meta-text", '{"plan": "g32"}');
        }
        /// What the form holds: the controller's fields and the editors' texts.
        function formState() {
            const c = dialog.controller;
            return JSON.stringify({
                name: c.name, prefix: c.prefix, owner: c.externalId, meta: c.metaText,
                unlimited: c.creditsUnlimited, remaining: c.creditsRemaining, ratelimits: c.ratelimits,
                permissions: c.permissions, roles: c.roles, newRoles: c.newRoles,
                shown: ["issue-name", "issue-prefix", "issue-owner", "credits-remaining", "ratelimit-name-0",
                        "meta-text"].map(name => part(name).text)
            });
        }
        function question() {
            verify(dialog.discardQuestion, "the dialog can ask before discarding");
            return dialog.discardQuestion;
        }

        function test_escapeOnAnUntouchedFormClosesAtOnce() {
            dialog.openWith({ apiId: testSample.apiId, externalId: testSample.externalId });
            tryCompare(dialog, "opened", true);
            tryVerify(() => part("issue-name").activeFocus, 5000);
            keyClick(Qt.Key_Escape); // the pre-filled owner is not the user's input
            tryCompare(dialog, "visible", false);
            verify(!question().visible);
        }

        function test_escapeOnAFilledFormAsksAndKeepEditingKeepsEverything() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            fillEverything();
            const filled = formState();
            const meta = part("meta-text");
            verify(meta.activeFocus);

            keyClick(Qt.Key_Escape);
            wait(300);
            verify(dialog.visible, "Esc on a filled form does not throw it away");
            tryCompare(question(), "opened", true);
            compare(question().title, "Discard this key's details?");
            // Esc on the question means Keep editing: the form as it was, the cursor back in meta.
            keyClick(Qt.Key_Escape);
            tryCompare(question(), "visible", false);
            verify(dialog.opened);
            compare(formState(), filled);
            tryVerify(() => meta.activeFocus, 5000, "the cursor is back where it was");
            keyClick("!");
            compare(dialog.controller.metaText, '{"plan": "g32"}!');
            keyClick(Qt.Key_Backspace);

            // Cancel asks too; Keep editing (the default: Enter presses it) keeps everything.
            mouseClick(H.byText(dialog.footer, "Cancel"));
            tryCompare(question(), "opened", true);
            keyClick(Qt.Key_Return);
            tryCompare(question(), "visible", false);
            verify(dialog.opened);
            compare(formState(), filled);

            // Discard empties the form: the next opening starts blank.
            keyClick(Qt.Key_Escape);
            tryCompare(question(), "opened", true);
            mouseClick(H.byText(question().footer, "Discard"));
            tryCompare(dialog, "visible", false);
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            compare(part("issue-name").text, "");
            compare(dialog.controller.permissions, []);
            compare(dialog.controller.roles, []);
            verify(!dialog.controller.modified);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
        }

        // A name typed into a picker but not added yet is input too.
        function test_anUnaddedPermissionIsInput() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("permission-picker-field", "g32.pending");
            const suggestions = H.find(part("permission-picker"), node => node.closePolicy !== undefined);
            verify(suggestions, "the picker's suggestion list");
            tryCompare(suggestions, "opened", true);
            keyClick(Qt.Key_Escape); // closes the suggestions first
            tryCompare(suggestions, "visible", false);
            verify(!question().visible);
            keyClick(Qt.Key_Escape);
            tryCompare(question(), "opened", true);
            verify(dialog.visible);
            mouseClick(H.byText(question().footer, "Keep editing"));
            tryCompare(question(), "visible", false);
            compare(part("permission-picker-field").text, "g32.pending");
        }

        // Walkthrough 20/8: one Esc on "Key issued" and the key (not recoverable) was gone for good.
        // Esc and Done ask while it was not copied; the entries are no question any more.
        function test_theIssuedKeyIsNotLostUnasked() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "w20 issued");
            const issue = part("issue-submit-button");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            const copy = part("copy-key");
            tryVerify(() => copy.activeFocus, 5000);
            // The order and style of every shown-once dialog (reroll, root key: walkthrough 21 W14).
            compare(H.buttonsInOrder(dialog.footer), "Open key (flat) · Done (filled)");
            keyClick(Qt.Key_Escape);
            tryCompare(question(), "opened", true);
            verify(dialog.visible, "Esc closed the dialog with the key not copied");
            compare(question().title, "Close without copying the key?");
            keyClick(Qt.Key_Escape); // = Back to the key
            tryCompare(question(), "visible", false);
            verify(dialog.visible && dialog.controller.issued, "the key still shown");
            mouseClick(part("issue-done"));
            tryCompare(question(), "opened", true);
            mouseClick(H.byText(question().footer, "Close"));
            tryCompare(dialog, "visible", false);

            // Copied, Esc closes at once.
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "w20 copied");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            tryVerify(() => part("copy-key").activeFocus, 5000);
            keyClick(Qt.Key_Return); // Copy
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            verify(!question().visible);
        }

        // "Open key" closed "Key issued" unasked, the key not copied: gone for good. It asks as
        // Done does; Back to the key keeps it shown, Close goes on to the key's page. Copied, it
        // opens the page at once.
        function test_openKeyAsksBeforeTheKeyIsLost() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "open key asks");
            const issue = part("issue-submit-button");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            const keyId = dialog.controller.newKeyId;
            pageRequests.clear();
            mouseClick(part("issue-open"));
            tryCompare(question(), "opened", true);
            verify(dialog.visible, "Open key closed the dialog with the key not copied");
            compare(pageRequests.count, 0, "the key's page waits for the answer");
            compare(question().title, "Close without copying the key?");
            mouseClick(H.byText(question().footer, "Back to the key"));
            tryCompare(question(), "visible", false);
            verify(dialog.visible && dialog.controller.issued, "the key still shown");
            compare(pageRequests.count, 0);

            mouseClick(part("issue-open"));
            tryCompare(question(), "opened", true);
            mouseClick(H.byText(question().footer, "Close"));
            tryCompare(dialog, "visible", false);
            tryCompare(pageRequests, "count", 1);
            compare(pageRequests.signalArguments[0][0], "keyDetail");
            compare(pageRequests.signalArguments[0][1].keyId, keyId);
            compare(pageRequests.signalArguments[0][1].apiId, testSample.apiId);

            // Copied: Open key goes on at once.
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "open key copied");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            const copiedId = dialog.controller.newKeyId;
            mouseClick(part("copy-key"));
            pageRequests.clear();
            mouseClick(part("issue-open"));
            tryCompare(dialog, "visible", false);
            verify(!question().visible);
            tryCompare(pageRequests, "count", 1);
            compare(pageRequests.signalArguments[0][1].keyId, copiedId);
        }

        // Walkthrough J10: once issued, the Issue button that had the keyboard was gone and Enter
        // did nothing. "Copy" has it, framed, and Enter copies the key.
        function test_theIssuedKeysCopyHasTheKeyboard() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "j10 issued");
            const issue = part("issue-submit-button");
            tryVerify(() => issue.enabled, H.answerTimeout);
            keyClick(Qt.Key_Return, Qt.ControlModifier);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            const copy = part("copy-key");
            tryVerify(() => copy.activeFocus, 5000, "Copy has the keyboard");
            verify(copy.visualFocus, "and shows it");
            keyClick(Qt.Key_Return);
            verify(dialog.opened, "Enter copied, it did not close the dialog");
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
        }

        function test_issueCreatesTheNewRoleFirst() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            addNewRole("f1-issued-role");
            rbacChanged.clear();
            const issue = part("issue-submit-button");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            compare(status("permissions.getRole", { role: "f1-issued-role" }), 200);
            verify(rbacChanged.count >= 1, "the Permissions & roles page refreshes");
            let roles = null;
            testSession.client.call("keys.getKey", { keyId: dialog.controller.newKeyId },
                                    result => roles = result.data.roles);
            tryVerify(() => roles !== null, H.answerTimeout);
            compare(roles, ["f1-issued-role"]);
        }

        function test_issueNeedsAnApi() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            const issue = part("issue-submit-button");
            const why = part("issue-needs-api");
            tryVerify(() => issue.enabled, H.answerTimeout);
            verify(!why.visible);
            // The API list in: arriving later, it chose its first API for the one cleared below,
            // and Enter issued a key (seen once under load).
            tryVerify(() => part("issue-api").count > 0, H.answerTimeout, "the API list arrived");

            dialog.controller.apiId = ""; // as on a server without APIs, or before one is chosen
            verify(!issue.enabled, "Issue is disabled without an API");
            verify(why.visible, "and says why");
            verify(why.text.indexOf("API") >= 0, why.text);
            // Neither Enter in the form nor Ctrl+Enter sends anything.
            part("issue-name").forceActiveFocus();
            keyClick(Qt.Key_Return);
            keySequence("Ctrl+Return");
            wait(500);
            verify(!dialog.controller.busy);
            verify(!dialog.controller.issued);
            compare(dialog.controller.serverError, "");
            compare(dialog.controller.errors["apiId"], undefined, "issue() did not even run");

            dialog.controller.apiId = testSample.apiId;
            verify(issue.enabled);
            verify(!why.visible);
        }

        /// Limited credits (100) with a monthly refill, in @p shown's form.
        function chooseMonthlyRefill(shown) {
            const find = name => {
                const found = findChild(shown.contentItem, name);
                verify(found, name);
                return found;
            };
            const unlimited = find("credits-unlimited");
            unlimited.forceActiveFocus();
            keyClick(Qt.Key_Space);
            verify(!unlimited.checked);
            const remaining = find("credits-remaining");
            remaining.forceActiveFocus();
            typeText("100");
            const interval = find("credits-interval");
            interval.currentIndex = interval.indexOfValue("monthly");
            interval.activated(interval.currentIndex);
            compare(shown.controller.refillInterval, "monthly");
        }

        function issuedRefillDay() {
            let refill = null;
            testSession.client.call("keys.getKey", { keyId: dialog.controller.newKeyId },
                                    result => refill = result.data.credits.refill);
            tryVerify(() => refill !== null, H.answerTimeout);
            return refill.refillDay;
        }

        function test_typedDayOfTheMonthIsIssued_data() {
            return [
                { tag: "Enter", modifiers: Qt.NoModifier },
                { tag: "Ctrl+Enter", modifiers: Qt.ControlModifier }
            ];
        }

        // Walkthrough: "Day of the month" typed as 15 and Enter issued the key with refillDay 1 (the
        // spin box takes typed text only on Enter's release, after the form issued the key).
        function test_typedDayOfTheMonthIsIssued(data) {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            typeInto("issue-name", "typed refill day " + data.tag);
            chooseMonthlyRefill(dialog);
            typeInto("credits-amount", "500");
            const day = part("credits-day");
            day.forceActiveFocus();
            tryVerify(() => day.activeFocus, 5000);
            day.contentItem.selectAll();
            typeText("15");
            keyClick(Qt.Key_Return, data.modifiers);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
            compare(issuedRefillDay(), 15);
        }

        // A day out of range stays as typed with its error, and Enter issues nothing (before, the
        // spin box silently made 40 the 31st).
        function test_dayOutOfRangeIsAnError() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            chooseMonthlyRefill(dialog);
            typeInto("credits-amount", "500");
            const day = part("credits-day");
            day.forceActiveFocus();
            day.contentItem.selectAll();
            typeText("40");
            keyClick(Qt.Key_Return);
            const error = part("credits-day-error");
            tryVerify(() => error.visible, 5000, "the day's error shows");
            compare(error.text, "Enter a whole number from 1 to 31.");
            compare(day.contentItem.text, "40", "kept as typed, not clamped out of sight");
            verify(day.activeFocus, "the day keeps the keyboard");
            verify(!dialog.controller.busy && !dialog.controller.issued, "nothing issued");
        }

        // Walkthrough: with a monthly refill and no refill amount, Issue did nothing on screen; the
        // error was below the visible part, under the day of the month. Issue now shows the refill
        // amount, with the keyboard in it and its error right under it.
        function test_issueShowsTheFirstFieldToFix() {
            smallDialog.openWith({ apiId: testSample.apiId });
            tryCompare(smallDialog, "opened", true);
            const find = name => {
                const found = findChild(smallDialog.contentItem, name) || findChild(smallDialog.footer, name);
                verify(found, name);
                return found;
            };
            chooseMonthlyRefill(smallDialog);
            const amount = find("credits-amount");
            const flick = find("issue-form").contentItem;
            // Whole within the form's visible part.
            const inView = item => {
                const at = item.mapToItem(flick, 0, 0);
                return at.y >= 0 && at.y + item.height <= flick.height;
            };
            const name = find("issue-name");
            name.forceActiveFocus();
            tryVerify(() => inView(name) && !inView(amount), 5000, "the form scrolled back to its top");
            const issue = find("issue-submit-button");
            tryVerify(() => issue.enabled, H.answerTimeout);
            mouseClick(issue);
            tryVerify(() => amount.activeFocus, 5000, "the refill amount has the keyboard");
            const error = find("credits-amount-error");
            tryVerify(() => error.visible, 5000, "its error shows");
            compare(error.text, "The refill amount must be at least 1.");
            // The label appears with the Issue: wait for the layout to place it.
            const under = () => error.mapToItem(amount, 0, 0).y;
            tryVerify(() => under() >= amount.height && under() < amount.height + 24, 5000,
                      "right under the refill amount: " + under());
            compare(Math.round(error.mapToItem(amount, 0, 0).x), 0, "in the refill amount's column");
            tryVerify(() => inView(amount) && inView(error), 5000, "both scrolled into view");
            const day = find("credits-day");
            verify(day.mapToItem(error, 0, 0).y >= error.height, "the day of the month comes after it");
            verify(!smallDialog.controller.busy && !smallDialog.controller.issued, "nothing issued");
        }

        // A field the controller refuses on Issue (a prefix with "-") is shown the same way.
        function test_issueShowsAFieldTheControllerRefuses() {
            smallDialog.openWith({ apiId: testSample.apiId });
            tryCompare(smallDialog, "opened", true);
            const find = name => {
                const found = findChild(smallDialog.contentItem, name) || findChild(smallDialog.footer, name);
                verify(found, name);
                return found;
            };
            const prefix = find("issue-prefix");
            prefix.forceActiveFocus();
            typeText("a-b");
            const flick = find("issue-form").contentItem;
            const inView = item => {
                const at = item.mapToItem(flick, 0, 0);
                return at.y >= 0 && at.y + item.height <= flick.height;
            };
            find("issue-enabled").forceActiveFocus();
            tryVerify(() => !inView(prefix), 5000, "the form scrolled down");
            mouseClick(find("issue-submit-button"));
            tryVerify(() => prefix.activeFocus, 5000, "the prefix has the keyboard");
            tryVerify(() => inView(prefix), 5000, "and is scrolled into view");
            verify(smallDialog.controller.errors["prefix"] !== undefined);
            verify(H.find(smallDialog.contentItem, item => item.text === smallDialog.controller.errors["prefix"] && item.visible),
                   "its message shows");
            verify(!smallDialog.controller.busy && !smallDialog.controller.issued, "nothing issued");
        }
}
}
