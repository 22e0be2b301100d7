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

    TextField {
        id: pasteTarget
        visible: false
    }

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: pageBelow
        Item {}
    }

    SignalSpy {
        id: banner
        target: testSession.client
        signalName: "requestFailed"
    }

    SignalSpy {
        id: notices
        target: testSession
        signalName: "notice"
    }

    SignalSpy {
        id: pageRequests
        target: testSession
        signalName: "pageRequested"
    }

    TestCase {
        name: "KeyDetailPage"
        when: windowShown

        /// Issues a key (@p recoverable: its value stored) and opens its page; returns the page.
        function openFreshKey(recoverable, expires) {
            issue.clear();
            issue.apiId = testSample.apiId;
            issue.name = "detail page test";
            issue.recoverable = recoverable === true;
            issue.expires = expires || 0;
            verify(issue.issue());
            tryVerify(() => issue.issued, H.answerTimeout);
            const keyId = issue.newKeyId;
            issue.clear();
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: keyId, objectName: "keyDetail" },
                                    StackView.Immediate);
            verify(page);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            return page;
        }

        // Walkthrough G29: a key with no credits left read plainly "Active" in the header while the
        // lists said "no credits"; the header now shows the lists' badges next to the status.
        function test_headerShowsTheListsCreditBadge() {
            issue.clear();
            issue.apiId = testSample.apiId;
            issue.name = "no credits header";
            issue.creditsUnlimited = false;
            issue.creditsRemaining = 0;
            verify(issue.issue());
            tryVerify(() => issue.issued, H.answerTimeout);
            const keyId = issue.newKeyId;
            issue.clear();
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: keyId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            compare(child(page, "key-status").text, "Active");
            const badges = child(page, "key-badges");
            tryVerify(() => badges.visible, H.answerTimeout);
            compare(JSON.stringify(badges.badges), JSON.stringify(["noCredits"]));
            compare(badges.label("noCredits"), "no credits");

            const plain = openFreshKey(false);
            verify(!child(plain, "key-badges").visible);
        }

        // Walkthrough 22/X26: right after a reroll with "Old key works 24 more hours" the old key's
        // header said nothing of its end (the server rounds the end up to the whole minute, just
        // past "expiring"'s 24 h); reopened a minute later it said "expires in 1 day". It says what
        // the lists say at once: replaced, and when it expires.
        function test_headerSaysWhenTheOldKeyEndsRightAfterAReroll() {
            const page = openFreshKey();
            const grace = child(page, "reroll-grace");
            grace.currentIndex = grace.model.findIndex(choice => choice.ms === 86400000);
            verify(grace.currentIndex > 0);
            const shown = reroll(page);
            copyNewKey(shown);
            mouseClick(H.find(shown, item => item.objectName === "rerolled-done"));
            tryCompare(shown, "visible", false);
            const badges = child(page, "key-badges");
            // "replaced, expires in 1 day"; "expires in 1 day" alone once within 24 h (the note
            // under the header says it is replaced).
            const said = () => badges.badges.map(badge => badges.label(badge)).join(" · ");
            tryVerify(() => badges.visible && said().indexOf("expires ") >= 0, H.answerTimeout, said());
        }

        function child(parent, objectName) {
            const found = findChild(parent, objectName);
            verify(found, objectName);
            return found;
        }

        function cleanup() {
            stack.clear();
        }

        /// testSession.client.call(@p action, @p body), waited for; its answer's data.
        function call(action, body) {
            let answer = null;
            testSession.client.call(action, body, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, action + ": " + answer.errorDetail);
            return answer.data;
        }

        /// A key with 50 credits and a daily refill of 1000, its page open; {page, key}.
        function openKeyWithCredits() {
            const created = call("keys.createKey", { apiId: testSample.apiId, name: "credits page test",
                                                     credits: { remaining: 50,
                                                                refill: { interval: "daily", amount: 1000 } } });
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: created.keyId },
                                    StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryCompare(child(page, "credits-summary"), "text", "50 credits left", H.answerTimeout);
            return { page: page, key: created.key };
        }

        function spend(key, times) {
            for (let i = 0; i < times; ++i)
                compare(call("keys.verifyKey", { key: key }).code, "VALID");
        }

        function typeInto(field, text) {
            field.forceActiveFocus();
            field.selectAll();
            for (const c of text)
                keyClick(c);
        }

        function serverCredits(keyId) {
            return call("keys.getKey", { keyId: keyId }).credits;
        }

        // Walkthrough W5 G10: with traffic spending credits, changing only the refill amount and
        // pressing Save gave the spent credits back (1425 -> 1448): Save sent the stale Remaining.
        // Walkthrough H16: the header's "Created … · last used …" wrapped into five lines beside
        // the badges. With less room than it needs it stays one line, below the title, elided,
        // and its tooltip shows the whole text.
        function test_datesLineElidesWithItsTooltip() {
            const page = openFreshKey(false);
            const line = child(page, "key-created");
            tryVerify(() => line.text !== "", H.answerTimeout);
            const status = child(page, "key-status");
            verify(!line.truncated, "whole at 1280 px: " + line.text);
            // As long as a German or Spanish line at 1024 px: with the C locale's short dates the
            // English line (305 px) fit the 310 px the header's row leaves it at any width.
            line.text = line.text + " · " + line.text;
            root.width = 380;
            try {
                tryVerify(() => line.truncated, H.answerTimeout,
                          "elided in 380 px: " + line.text + " (" + line.width + " of " + line.implicitWidth + " px)");
                compare(line.lineCount, 1);
                verify(line.mapToItem(page, 0, 0).y >= status.mapToItem(page, 0, status.height).y - 0.5,
                       "below the status, not beside it");
                mouseMove(line, 10, line.height / 2);
                tryVerify(() => line.ToolTip.visible, H.answerTimeout, "the tooltip shows");
                compare(line.ToolTip.text, line.text);
            } finally {
                mouseMove(root, 1, 1);
                root.width = 1280;
            }
            tryVerify(() => !line.truncated && line.visible, H.answerTimeout, "whole again");
        }

        // Walk 23/Y4: the header took one line while its key loaded and two once it had, and one
        // or two for keys of names as long: where the dates go depends on the width and the
        // language only, the same for every key and before and after it loads.
        function test_headerLinesDoNotDependOnTheKey() {
            const keyIds = ["short", "a key with a much longer name than the header can hold"].map(name => {
                issue.clear();
                issue.apiId = testSample.apiId;
                issue.name = name;
                verify(issue.issue());
                tryVerify(() => issue.issued, H.answerTimeout);
                const keyId = issue.newKeyId;
                issue.clear();
                return keyId;
            });
            try {
                for (const width of [900, 1100, 1280, 1600, 2000]) {
                    root.width = width;
                    const below = [];
                    for (const keyId of keyIds) {
                        stack.clear();
                        const page = stack.push(pageComponent, { session: testSession, keyId: keyId }, StackView.Immediate);
                        verify(!page.controller.loaded);
                        below.push(page.header.datesBelow);
                        tryVerify(() => page.controller.loaded, H.answerTimeout);
                        below.push(page.header.datesBelow);
                    }
                    verify(below.every(each => each === below[0]), width + " px: " + JSON.stringify(below));
                    if (width === 900)
                        verify(below[0], "below the title at 900 px");
                    if (width === 2000)
                        verify(!below[0], "beside the title at 2000 px");
                }
            } finally {
                root.width = 1280;
            }
        }

        function test_refillSaveKeepsCreditsSpentMeanwhile() {
            const opened = openKeyWithCredits();
            const page = opened.page;
            spend(opened.key, 3);
            typeInto(child(page, "credits-amount"), "2000");
            tryCompare(child(page, "section-credits-unsaved"), "text", "Unsaved changes");
            keyClick(Qt.Key_Return); // in the amount field: Save
            tryVerify(() => child(page, "section-credits-saved").visible, H.answerTimeout);
            const credits = serverCredits(page.keyId);
            compare(credits.remaining, 47, "the credits spent while the page was open stay spent");
            compare(credits.refill.amount, 2000);
            tryCompare(child(page, "credits-summary"), "text", "47 credits left", H.answerTimeout);
            compare(child(page, "credits-remaining").text, "47");
        }

        // The key cards save on Enter: also a day of the month typed into its spin box, as typed
        // (Enter there only took the number into the field before, and nothing was saved).
        function test_typedRefillDayIsSavedByEnter() {
            const created = call("keys.createKey", { apiId: testSample.apiId, name: "refill day test",
                                                     credits: { remaining: 50,
                                                                refill: { interval: "monthly", amount: 1000, refillDay: 1 } } });
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: created.keyId },
                                    StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            const day = child(page, "credits-day");
            tryVerify(() => day.visible && day.value === 1, H.answerTimeout);
            day.forceActiveFocus();
            day.contentItem.selectAll();
            keyClick("1");
            keyClick("5");
            tryCompare(child(page, "section-credits-unsaved"), "text", "Unsaved changes");
            keyClick(Qt.Key_Return);
            tryVerify(() => child(page, "section-credits-saved").visible, H.answerTimeout);
            compare(serverCredits(page.keyId).refill.refillDay, 15);
            compare(day.contentItem.text, "15");
        }

        // A Remaining the user typed is saved as typed.
        function test_typedRemainingIsSaved() {
            const opened = openKeyWithCredits();
            const page = opened.page;
            spend(opened.key, 2);
            typeInto(child(page, "credits-remaining"), "500");
            keyClick(Qt.Key_Return);
            tryVerify(() => child(page, "section-credits-saved").visible, H.answerTimeout);
            compare(serverCredits(page.keyId).remaining, 500);
            tryCompare(child(page, "credits-summary"), "text", "500 credits left", H.answerTimeout);
        }

        // The headline follows the traffic while the page is open, also under a refill draft,
        // whose Remaining field shows the new balance while the draft stays.
        function test_creditsHeadlineFollowsTraffic() {
            const opened = openKeyWithCredits();
            const page = opened.page;
            const section = child(page, "section-credits");
            typeInto(child(page, "credits-amount"), "300");
            section.refreshInterval = 300;
            spend(opened.key, 2);
            tryCompare(child(page, "credits-summary"), "text", "48 credits left", H.answerTimeout);
            tryCompare(child(page, "credits-remaining"), "text", "48", H.answerTimeout);
            compare(child(page, "credits-amount").text, "300", "the draft stays");
            compare(child(page, "section-credits-unsaved").text, "Unsaved changes");
        }

        // Walkthrough F38/F50: the headline read "Läuft ab am in 29 T" / "Caduca el dentro de 29 d",
        // a date's phrase filled with a relative time. The relative headline has its own words.
        function test_expiryHeadlineInGermanAndSpanish() {
            const saved = testSession.settings.language;
            const day = 24 * 3600 * 1000;
            try {
                const expected = { en: "Expires in 29 days", de: "Läuft in 29 Tagen ab",
                                   es: "Caduca dentro de 29 días" };
                for (const language of ["de", "es", "en"]) {
                    testSession.settings.language = language;
                    const page = openFreshKey(false, Date.now() + 29 * day + 12 * 3600 * 1000);
                    const headline = child(page, "expiry-headline");
                    tryCompare(headline, "text", expected[language], H.answerTimeout);
                }
            } finally {
                testSession.settings.language = saved;
            }
        }

        // The key's charts and log are as tall as their content, last on the page, and scroll
        // with it: no 420 px box that scrolls by itself inside the page (W4 F60).
        function test_chartsTakeTheirContentsHeight() {
            const page = openFreshKey(false);
            const charts = H.find(page, item => item.objectName === "consoleView");
            verify(charts !== null, "no charts");
            tryVerify(() => charts.ready || charts.failed, 60000, "the charts never reported");
            verify(charts.ready, "the charts reported an error");
            tryVerify(() => charts.documentHeight > 0 && charts.height === charts.documentHeight, H.answerTimeout,
                      "the view is " + charts.height + " px, its page " + charts.documentHeight);
            verify(!charts.webCanScroll(-120) && !charts.webCanScroll(120), "the charts scroll by themselves");
        }

        // Issue 4: the charts' heading kept the old name after a rename ("Key Key 13 globex" under
        // the header's "Key 13 globex X") and doubled "Key" for a name that starts with it.
        function test_chartsHeadingFollowsARename() {
            const page = openFreshKey(false);
            verify(page.controller.saveName("Key 77 rename"));
            tryCompare(page, "title", "Key 77 rename", H.answerTimeout);
            const charts = H.find(page, item => item.objectName === "consoleView");
            verify(charts !== null, "no charts");
            tryVerify(() => charts.ready || charts.failed, 60000, "the charts never reported");
            verify(charts.ready, "the charts reported an error");
            let heading = "";
            const grab = result => heading = result;
            charts.evaluated.connect(grab);
            const shows = text => {
                charts.evaluate("document.querySelector('.view-header h1')?.textContent ?? ''");
                return heading === text;
            };
            tryVerify(() => shows("Usage of “Key 77 rename”"), H.answerTimeout, "the heading: " + heading);
            verify(page.controller.saveName("Key 77 rename X"));
            tryCompare(page, "title", "Key 77 rename X", H.answerTimeout);
            tryVerify(() => shows("Usage of “Key 77 rename X”"), H.answerTimeout, "after the rename: " + heading);
            charts.evaluated.disconnect(grab);
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
            tryVerify(() => left === 2, 5000, "discarding leaves"); // confirmed() comes as the question closes
            tryCompare(ask, "visible", false);

            // Discard brings the saved value back; nothing to ask about any more.
            mouseClick(child(page, "section-name-discard"));
            compare(field.text, "detail page test");
            page.confirmLeave(() => ++left);
            compare(left, 3);
        }

        // Issue 4: a greyed Save or Discard says why in its tooltip. Nothing changed yet (Discard had
        // no tooltip at all), and the Credits card's Save, greyed by a Remaining left empty when
        // "Unlimited" was unticked, said nothing until Remaining was touched.
        function test_greyedSaveAndDiscardSayWhy() {
            const page = openFreshKey();
            const discard = child(page, "section-name-discard");
            const save = child(page, "section-name-save");
            verify(!child(page, "section-name-discard-button").enabled);
            compare(discard.tip, "Nothing changed yet");
            compare(save.tip, "Nothing changed yet");
            mouseMove(discard, discard.width / 2, discard.height / 2);
            const tip = discard.ToolTip.toolTip;
            tryVerify(() => tip.visible && tip.parent === discard, 5000, "the greyed Discard shows its tooltip");
            compare(tip.text, "Nothing changed yet");
            child(page, "section-name-field").text = "a draft";
            tryCompare(discard, "tip", "");
            compare(save.tip, "");
            mouseMove(root, 1, root.height - 1);

            const creditsSave = child(page, "section-credits-save");
            compare(creditsSave.tip, "Nothing changed yet");
            const unlimited = child(page, "credits-unlimited");
            unlimited.forceActiveFocus();
            keyClick(Qt.Key_Space);
            verify(!unlimited.checked);
            tryCompare(child(page, "section-credits-unsaved"), "text", "Unsaved changes");
            verify(!child(page, "credits-error").visible, "the field's error waits for Remaining");
            verify(!child(page, "section-credits-save-button").enabled);
            compare(creditsSave.tip, "Enter how many credits remain");
            compare(child(page, "section-credits-discard").tip, "");
            typeInto(child(page, "credits-remaining"), "10");
            compare(creditsSave.tip, "");
            verify(child(page, "section-credits-save-button").enabled);
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
            tryVerify(() => saved.visible, H.answerTimeout);
            tryCompare(page.controller, "enabled", false, H.answerTimeout);
        }

        // Walkthrough H12: Enter on the focused status switch did nothing (Space worked).
        // Walkthrough H10: the page of a key that is not there (any more: a deleted key's link in the
        // Overview's top keys) said so with Try again, and the window's banner said "Not Found (2
        // failed requests)". It says so with Back only, and nothing reaches the banner.
        function test_keyNotThereSaysSoWithBack() {
            let answer = null;
            testSession.client.call("keys.createKey", { apiId: testSample.apiId, name: "gone" }, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            const keyId = answer.data.keyId;
            answer = null;
            testSession.client.call("keys.deleteKey", { keyId: keyId }, result => answer = result);
            tryVerify(() => answer !== null && answer.ok, H.answerTimeout);
            banner.clear();
            stack.clear();
            stack.push(pageBelow, {}, StackView.Immediate);
            const page = stack.push(pageComponent, { session: testSession, keyId: keyId }, StackView.Immediate);
            tryVerify(() => page.controller.loadError !== "" && !testSession.client.busy, H.answerTimeout);
            wait(300);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            compare(banner.count, 0, "the page explains it: nothing for the banner");
            const said = H.byText(page, page.controller.loadError);
            verify(said !== null && H.shown(said), "the page says why: " + page.controller.loadError);
            const retry = H.byText(page, "Try again");
            verify(retry === null || !H.shown(retry), "no Try again for a key that is not there");
            const back = child(page, "key-not-found-back");
            verify(back !== null && H.shown(back), "Back");
            back.clicked();
            tryCompare(stack, "depth", 1);
        }

        function test_enterSwitchesTheStatus() {
            const page = openFreshKey();
            const toggle = child(page, "key-enabled");
            toggle.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            tryCompare(page.controller, "enabled", false, H.answerTimeout);
            // The switch shows the new status at once; the server has it once the save answered
            // (a keys.getKey sent before that could overtake the update).
            tryVerify(() => page.controller.saving["enabled"] !== true, H.answerTimeout, "the save answered");
            let answer = null;
            testSession.client.call("keys.getKey", { keyId: page.keyId }, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            compare(answer.data.enabled, false, "disabled on the server");
            keyClick(Qt.Key_Enter);
            tryCompare(page.controller, "enabled", true, H.answerTimeout);
            tryVerify(() => page.controller.saving["enabled"] !== true, H.answerTimeout, "the save answered");
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
            tryCompare(shown, "opened", true, H.answerTimeout);
            const newId = page.controller.newKeyId;
            verify(newId !== "" && newId !== oldId);
            const curl = H.find(shown, item => item.objectName === "curl-text");
            verify(curl && H.shown(curl), "the verify line");
            verify(curl.text.indexOf(page.controller.newKey) >= 0);
            verify(curl.text.indexOf("$ROOT_KEY") >= 0);
            const copy = H.find(shown, item => item.objectName === "copy-key");
            // Walkthrough J10: it opened with no button focused; Copy has the keyboard, not framed
            // after the click on Reroll (the keyboard's frame is for a keyboard user).
            tryVerify(() => copy.activeFocus, 5000, "Copy has the keyboard");
            verify(!copy.visualFocus, "no keyboard frame after a click");
            verify(H.find(shown, item => item.objectName === "copy-curl"));
            verify(H.containingText(shown, "cannot be shown again"), "the same warning");

            const outcome = H.find(shown, item => item.objectName === "rerolled-outcome");
            verify(outcome.text.indexOf("The old key keeps working until") === 0, outcome.text);
            verify(outcome.text.indexOf("disabled") < 0, outcome.text);
            copyNewKey(shown); // else Open new key asks first
            mouseClick(H.find(shown, item => item.objectName === "rerolled-open"));
            tryVerify(() => stack.currentItem !== page && stack.currentItem.keyId === newId, H.answerTimeout);
            const landed = stack.currentItem;
            compare(stack.depth, 2, "over the old key's page (walk 21/W16)");
            compare(landed.replacedStart, oldStart);
            verify(landed.replacedExpires > Date.now());
            tryVerify(() => landed.controller.loaded, H.answerTimeout);
            const note = child(landed, "replaced-note");
            tryVerify(() => note.visible);
            verify(H.containingText(note, oldStart + "…"), "the note names the old key");

            // Deleting the new key leaves the old one working (walkthrough 19/15): the question says so.
            child(landed, "key-delete").clicked();
            const deleteQuestion = child(landed, "confirm-delete");
            tryCompare(deleteQuestion, "opened", true);
            verify(deleteQuestion.text.indexOf("The key " + landed.controller.start + "… stops working at once.") === 0,
                   deleteQuestion.text);
            verify(deleteQuestion.text.indexOf("The key it replaced, " + oldStart + "…, keeps working until ") > 0,
                   deleteQuestion.text);
            deleteQuestion.reject();
            tryCompare(deleteQuestion, "opened", false);
        }

        // Show key only where there is a value to show; elsewhere the tooltip says why not.
        function test_showKeyOnlyForRecoverableKeys() {
            let page = openFreshKey(false);
            const reveal = child(page, "key-reveal");
            tryCompare(page.controller, "recoverable", 0, H.answerTimeout);
            verify(!reveal.button.enabled);
            verify(reveal.tip.indexOf("not recoverable") >= 0, reveal.tip);
            compare(page.controller.plaintext, "", "the check shows nothing");

            page = openFreshKey(true);
            const shown = child(page, "key-reveal");
            tryCompare(page.controller, "recoverable", 1, H.answerTimeout);
            compare(page.controller.plaintext, "", "the check shows nothing");
            verify(shown.button.enabled);
            compare(shown.tip, "");
            shown.clicked();
            tryVerify(() => page.controller.plaintext !== "", H.answerTimeout);
            // The shown value has its own Copy, as in the show-once block.
            const copy = child(page, "copy-revealed-key");
            tryVerify(() => copy.visible && copy.width > 0);
            pasteTarget.text = "";
            copy.clicked();
            pasteTarget.paste();
            compare(pasteTarget.text, page.controller.plaintext);
        }

        // Granting through the key page's picker, typed and chosen like a user does it: no
        // binding loop (the suggestion popup's visibility once looped on every grant).
        function test_grantThroughThePickerHasNoBindingLoop() {
            failOnWarning(/[Bb]inding loop/);
            let answered = false;
            testSession.client.call("permissions.createPermission", { name: "loopcheck.read", slug: "loopcheck.read" },
                                    () => answered = true);
            tryVerify(() => answered, H.answerTimeout);
            const page = openFreshKey();
            const field = child(page, "permission-picker-field");
            field.forceActiveFocus();
            for (const c of "loopcheck")
                keyClick(c);
            let suggestion = null;
            tryVerify(() => (suggestion = H.find(page, item => item.text === "loopcheck.read" && item.visible
                                                  && item.width > 0 && item.objectName === "")) !== null, H.answerTimeout);
            // The suggestions' popup: the item in the window's overlay that holds them.
            let popup = suggestion;
            while (popup.parent && popup.parent !== page.Overlay.overlay)
                popup = popup.parent;
            verify(popup.parent, "the suggestions are not in the window's overlay");
            mouseClick(suggestion);
            tryVerify(() => page.controller.permissions.indexOf("loopcheck.read") >= 0, H.answerTimeout);
            field.forceActiveFocus();
            for (const c of "fresh.grant")
                keyClick(c);
            tryVerify(() => !child(page, "permission-picker").suggestions.loading, H.answerTimeout);
            keyClick(Qt.Key_Down); // the "Create permission …" entry: Enter alone creates nothing
            keyClick(Qt.Key_Return);
            tryVerify(() => page.controller.permissions.indexOf("fresh.grant") >= 0, H.answerTimeout);
            // Through the popup's exit transition, where the loop was.
            tryVerify(() => !popup.visible, H.answerTimeout, "the suggestions close");
        }

        // Issue 4: the key page's roles said only their names; a support person adding "reader"
        // could not see what it grants. Each role of the key now says it under the chips, also one
        // created there ("Create and add": nothing yet).
        function test_rolesSayWhatTheyGrant() {
            const name = "keypage-reader";
            call("permissions.createRole", { name: name, description: "Support reads documents and bills",
                                             permissions: ["documents.read", "billing.read"] });
            const page = openFreshKey();
            const typeRole = (role, create) => {
                const field = child(page, "key-role-picker-field");
                field.forceActiveFocus();
                for (const c of role)
                    keyClick(c);
                tryVerify(() => !child(page, "key-role-picker").suggestions.loading, H.answerTimeout);
                if (create)
                    keyClick(Qt.Key_Down); // the "Create role …" entry
                keyClick(Qt.Key_Return);
                tryVerify(() => page.controller.roles.indexOf(role) >= 0, H.answerTimeout, role + " added");
            };
            typeRole(name);
            const said = role => {
                const line = findChild(page, "key-role-picker-detail-" + role);
                return line !== null && H.shown(line) ? line.text : "";
            };
            // (The server lists a role's permissions in its own order.)
            const grants = ["Grants documents.read, billing.read.", "Grants billing.read, documents.read."];
            tryVerify(() => grants.indexOf(said(name)) >= 0, H.answerTimeout, "the role's permissions under the chips");
            const description = findChild(page, "key-role-picker-description-" + name);
            verify(description && H.shown(description), "and its description");
            compare(description.text, "Support reads documents and bills");

            typeRole("keypage-made-here", true);
            tryVerify(() => said("keypage-made-here") === "Grants no permissions.", H.answerTimeout,
                      "a role created here grants nothing yet");
            compare(grants.indexOf(said(name)) >= 0, true, "the first role still says what it grants");
        }

        /// The reroll question as the page asks it now (then cancelled).
        function rerollQuestion(page) {
            child(page, "key-reroll").clicked();
            const confirm = child(page, "confirm-reroll");
            tryCompare(confirm, "opened", true);
            const text = confirm.text;
            confirm.reject();
            tryCompare(confirm, "opened", false);
            return text;
        }

        // The question tells the truth about the old key: a disabled key stays disabled (it does not
        // "work 24 more hours"), and the new key is disabled too; no "…." after the key's start.
        function test_rerollQuestionFitsTheKey() {
            const page = openFreshKey();
            const grace = child(page, "reroll-grace");
            let text = rerollQuestion(page);
            verify(text.indexOf("replaces “" + page.controller.start + "…”.") > 0, text);
            verify(text.indexOf("….") < 0, text);
            verify(text.indexOf("Old key works 24 more hours.") > 0, text); // the default
            verify(text.indexOf("disabled") < 0, text);

            grace.currentIndex = 0;
            text = rerollQuestion(page);
            verify(text.indexOf("The old key stops working at once.") > 0, text);
            grace.currentIndex = 2;

            const toggle = child(page, "key-enabled");
            toggle.toggle();
            toggle.toggled();
            tryCompare(page.controller, "enabled", false, H.answerTimeout);
            text = rerollQuestion(page);
            verify(text.indexOf("The old key stays disabled.") > 0, text);
            verify(text.indexOf("more hours") < 0, text);
            verify(text.indexOf("The new key is disabled too") > 0, text);
        }

        // Walkthrough (issue 4): the delete question named the key only by its start ("walk_9zEQ").
        // It names the key by its name in quotes with its start; a key without a name by its start.
        function test_deleteQuestionNamesTheKey() {
            const page = openFreshKey();
            child(page, "key-delete").clicked();
            const confirm = child(page, "confirm-delete");
            tryCompare(confirm, "opened", true);
            compare(confirm.title, "Delete “detail page test” (" + page.controller.start + "…)?");
            confirm.reject();
            tryCompare(confirm, "opened", false);
            const section = H.find(page, item => item.deleteQuestion !== undefined);
            verify(section);
            compare(section.deleteQuestion("", "walk_9zEQ…"), "Delete walk_9zEQ…?");
        }

        /// Rerolls the page's key with the preselected grace period; the open new-key dialog.
        function reroll(page) {
            child(page, "key-reroll").clicked();
            const confirm = child(page, "confirm-reroll");
            tryCompare(confirm, "opened", true, H.answerTimeout);
            mouseClick(H.find(confirm, item => item.objectName === "confirmButton"));
            const shown = child(page, "rerolled-dialog");
            tryCompare(shown, "opened", true, H.answerTimeout);
            return shown;
        }

        /// Copies the new key in the open new-key dialog @p shown: closing it then loses nothing.
        function copyNewKey(shown) {
            mouseClick(H.find(shown, item => item.objectName === "copy-key"));
        }

        // Walkthrough 20/8, the reroll's new key: Esc closed it unasked and the key was gone for
        // good. As the issue and root key dialogs: Esc and Done ask while it was not copied (Back
        // to the key keeps it), Close closes; once copied, Esc closes at once.
        function test_rerolledKeyAsksBeforeItIsLost() {
            const page = openFreshKey();
            const shown = reroll(page);
            const newKey = page.controller.newKey;
            verify(newKey !== "");
            // As "Key issued" and "Root key created" (walkthrough 21 W14: Done flat first, then
            // Open new key filled).
            compare(H.buttonsInOrder(shown.footer), "Open new key (flat) · Done (filled)");
            keyClick(Qt.Key_Escape);
            tryVerify(() => shown.discardQuestion !== undefined && shown.discardQuestion.opened, 5000,
                      "Esc asks first");
            verify(shown.visible, "Esc closed the new key's dialog with the key not copied");
            compare(shown.discardQuestion.title, "Close without copying the key?");
            keyClick(Qt.Key_Escape); // = Back to the key
            tryCompare(shown.discardQuestion, "visible", false);
            verify(shown.visible);
            compare(H.find(shown, item => item.objectName === "new-key-text").text, newKey);

            mouseClick(H.find(shown, item => item.objectName === "rerolled-done"));
            tryCompare(shown.discardQuestion, "opened", true);
            verify(shown.visible, "Done asks as well");
            mouseClick(H.byText(shown.discardQuestion.footer, "Close"));
            tryCompare(shown, "visible", false);
            compare(page.controller.newKey, "", "the key is forgotten");

            const other = openFreshKey();
            const again = reroll(other);
            copyNewKey(again);
            keyClick(Qt.Key_Escape);
            tryCompare(again, "visible", false);
            verify(!again.discardQuestion.visible);
        }

        // "Open new key" closed the new key's dialog unasked, the key not copied: gone for good.
        // It asks as Done does; Back to the key keeps it shown, Close opens the new key's page.
        function test_openNewKeyAsksBeforeTheKeyIsLost() {
            const page = openFreshKey();
            const shown = reroll(page);
            const newId = page.controller.newKeyId;
            const newKey = page.controller.newKey;
            const openNew = H.find(shown, item => item.objectName === "rerolled-open");
            mouseClick(openNew);
            // The old code replaced the page at once, and the dialog with it.
            tryVerify(() => shown.discardQuestion !== undefined && shown.discardQuestion.opened, 5000,
                      "Open new key asks first");
            verify(shown.visible, "Open new key closed the dialog with the key not copied");
            compare(stack.currentItem, page, "the new key's page waits for the answer");
            compare(shown.discardQuestion.title, "Close without copying the key?");
            keyClick(Qt.Key_Escape); // = Back to the key
            tryCompare(shown.discardQuestion, "visible", false);
            verify(shown.visible);
            compare(H.find(shown, item => item.objectName === "new-key-text").text, newKey);
            compare(stack.currentItem, page);

            mouseClick(openNew);
            tryCompare(shown.discardQuestion, "opened", true);
            mouseClick(H.byText(shown.discardQuestion.footer, "Close"));
            tryVerify(() => stack.currentItem !== page && stack.currentItem.keyId === newId, H.answerTimeout,
                      "Close goes on to the new key's page");
        }

        /// A point of @p label on its link, or null.
        function linkPoint(label) {
            for (let y = 2; y < label.height; y += 4) {
                for (let x = 2; x < label.width; x += 4) {
                    if (label.linkAt(x, y) !== "")
                        return Qt.point(x, y);
                }
            }
            return null;
        }

        // Walk 21/W16: after deleting the key opened with "Open new key", the user landed past the
        // old key's page they came from (the new key's page had replaced it), and the notice
        // "Key “walk21 laptop” deleted" did not say which of the two keys of that name it was. Now
        // it lands on the old key, which says its replacement was deleted, and the notice names the start.
        function test_deletingTheNewKeyReturnsToTheOldOne() {
            const page = openFreshKey();
            const oldId = page.keyId;
            const shown = reroll(page);
            const newId = page.controller.newKeyId;
            copyNewKey(shown);
            mouseClick(H.find(shown, item => item.objectName === "rerolled-open"));
            tryVerify(() => stack.currentItem.keyId === newId, H.answerTimeout);
            const landed = stack.currentItem;
            tryVerify(() => landed.controller.loaded && landed.controller.start !== "", H.answerTimeout);
            const newStart = landed.controller.start;
            compare(landed.controller.name, "detail page test");
            notices.clear();
            child(landed, "key-delete").clicked();
            const question = child(landed, "confirm-delete");
            tryCompare(question, "opened", true);
            mouseClick(H.find(question, item => item.objectName === "confirmButton"));
            tryVerify(() => stack.currentItem === page, H.answerTimeout, "back on the old key's page");
            compare(page.keyId, oldId);
            compare(stack.depth, 1);
            tryCompare(notices, "count", 1);
            compare(notices.signalArguments[0][0], "Key “detail page test” (" + newStart + "…) deleted");
            tryCompare(page.controller, "replacedByDeleted", true, H.answerTimeout);
        }

        // Walkthrough (issue 4): the reroll notes named the other key in plain text. The name is
        // a link to that key's page, clicked or (a Tab stop) opened with Enter.
        function test_rerollNotesLinkTheOtherKey() {
            const page = openFreshKey();
            const oldId = page.keyId;
            const shown = reroll(page);
            const newId = page.controller.newKeyId;
            copyNewKey(shown); // else Open new key asks first
            mouseClick(H.find(shown, item => item.objectName === "rerolled-open"));
            tryVerify(() => stack.currentItem.keyId === newId, H.answerTimeout);
            const landed = stack.currentItem;
            const newNote = child(landed, "replaced-note-text");
            tryVerify(() => H.shown(newNote) && newNote.width > 0, H.answerTimeout);
            const onLink = linkPoint(newNote);
            verify(onLink !== null, "the old key's name is a link: " + newNote.text);
            pageRequests.clear();
            mouseClick(newNote, onLink.x, onLink.y);
            tryCompare(pageRequests, "count", 1);
            compare(pageRequests.signalArguments[0][0], "keyDetail");
            compare(pageRequests.signalArguments[0][1].keyId, oldId);

            stack.clear();
            const oldPage = stack.push(pageComponent, { session: testSession, keyId: oldId, objectName: "keyDetail" },
                                       StackView.Immediate);
            tryCompare(oldPage.controller, "replacedById", newId, H.answerTimeout);
            const oldNote = child(oldPage, "replaced-by-note-text");
            tryVerify(() => H.shown(oldNote) && linkPoint(oldNote) !== null, H.answerTimeout, oldNote.text);
            verify(oldNote.activeFocusOnTab, "the link is a Tab stop");
            pageRequests.clear();
            oldNote.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            compare(pageRequests.count, 1);
            compare(pageRequests.signalArguments[0][1].keyId, newId);
        }

        // Done (and Esc) close the dialog and stay on the old key, which then says what replaced it
        // (the key copied first: else they ask, test_rerolledKeyAsksBeforeItIsLost).
        function test_rerollDoneStaysOnTheOldKey() {
            const page = openFreshKey();
            let shown = reroll(page);
            const newStart = page.controller.newKey.substring(0, page.controller.newKey.lastIndexOf("_") + 5);
            const done = H.find(shown, item => item.objectName === "rerolled-done");
            verify(done && H.shown(done), "a Done button");
            copyNewKey(shown);
            mouseClick(done);
            tryCompare(shown, "opened", false, H.answerTimeout);
            compare(stack.currentItem, page, "Done stays on the old key");
            const note = child(page, "replaced-by-note");
            // "expires in" needs the old key's new expiry: the reload the reroll's answer started,
            // another round trip that a loaded machine may not have finished when Done is clicked.
            tryVerify(() => note.visible && H.containingText(note, "Replaced by " + newStart + "… — expires in") !== null,
                      H.answerTimeout, newStart);

            const other = openFreshKey();
            shown = reroll(other);
            copyNewKey(shown);
            keyClick(Qt.Key_Escape);
            tryCompare(shown, "opened", false, H.answerTimeout);
            compare(stack.currentItem, other, "Esc closes like Done");
        }

        // Walkthrough 21/15: the dialog closed on the old key, whose Reroll is greyed by then, and
        // the focus it gave back went nowhere: the next Tab started in the sidebar. It is on the
        // "Replaced by" note's link, which says what happened.
        function test_rerollDoneLeavesTheFocusOnTheNote() {
            const page = openFreshKey();
            const shown = reroll(page);
            copyNewKey(shown);
            keyClick(Qt.Key_Escape);
            tryCompare(shown, "opened", false, H.answerTimeout);
            const link = child(page, "replaced-by-note-text");
            tryVerify(() => link.activeFocus, H.answerTimeout, "the focus on the note's link");
        }

        // Walkthrough 18: rerolled with the page scrolled down to Key actions, the note "Replaced
        // by …" appeared just above the view, and Done left the user where they were: they never
        // saw it. And the replaced key still offered Reroll, which would not have replaced the
        // replacement but made a second new key and given the old one a new grace period.
        function test_rerollDoneShowsTheNoteAndGreysReroll() {
            const page = openFreshKey();
            const flickable = page.focusScroller.flickable;
            const actions = child(page, "key-reroll");
            tryVerify(() => flickable.contentHeight > flickable.height + 200, H.answerTimeout);
            flickable.contentY = actions.mapToItem(flickable.contentItem, 0, 0).y - 40; // Reroll near the top
            const note = child(page, "replaced-by-note");
            verify(!note.visible);
            const shown = reroll(page);
            copyNewKey(shown);
            mouseClick(H.find(shown, item => item.objectName === "rerolled-done"));
            tryCompare(shown, "opened", false, H.answerTimeout);
            tryVerify(() => {
                const r = note.mapToItem(flickable, 0, 0, note.width, note.height);
                return note.visible && note.height > 0 && r.y >= 0 && r.y + r.height <= flickable.height;
            }, H.answerTimeout, "the note is in sight");
            tryVerify(() => !actions.button.enabled, H.answerTimeout, "Reroll is greyed on the replaced key");
            verify(actions.tip.indexOf("Already replaced by " + page.replacedBy + ":") === 0, actions.tip);
            verify(!child(page, "reroll-grace").enabled, "and its grace period");
        }

        // A key rerolled elsewhere (through the API): its page finds the new key in the audit log.
        function test_rerolledKeyPageNamesItsSuccessor() {
            let page = openFreshKey();
            const oldId = page.keyId;
            stack.clear();
            let answer = null;
            testSession.client.call("keys.rerollKey", { keyId: oldId, expiration: 7200000 }, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            const plaintext = answer.data.key;
            const newStart = plaintext.substring(0, plaintext.lastIndexOf("_") + 5);
            page = stack.push(pageComponent, { session: testSession, keyId: oldId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryCompare(page.controller, "replacedById", answer.data.keyId, H.answerTimeout);
            tryCompare(page.controller, "replacedByStart", newStart, H.answerTimeout);
            const note = child(page, "replaced-by-note");
            tryVerify(() => note.visible);
            verify(H.containingText(note, "Replaced by " + newStart + "… — expires in"), newStart);
            // Editing the old key again keeps it (the audit log does not forget).
            verify(page.controller.saveName("edited after reroll"));
            tryCompare(page.controller, "name", "edited after reroll", H.answerTimeout);
            verify(note.visible);
        }

        // Walkthrough J16: with the new key deleted, the old key's note still named it as its
        // replacement, with "…" after its whole id. It says the replacement was deleted.
        function test_aDeletedSuccessorIsSaidToBeDeleted() {
            let page = openFreshKey();
            const oldId = page.keyId;
            stack.clear();
            const rerolled = call("keys.rerollKey", { keyId: oldId, expiration: 7200000 });
            call("keys.deleteKey", { keyId: rerolled.keyId });
            page = stack.push(pageComponent, { session: testSession, keyId: oldId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryCompare(page.controller, "replacedByDeleted", true, H.answerTimeout);
            const note = child(page, "replaced-by-note");
            tryVerify(() => note.visible);
            verify(H.containingText(note, "Replaced by a key deleted since (" + rerolled.keyId + ") — expires in"),
                   "the note says the replacement is gone");
            verify(!H.containingText(note, rerolled.keyId + "…"), "no ellipsis after a whole id");
        }

        // keys.rerollKey copies `enabled`: the texts must not promise a working key.
        function test_rerollOfADisabledKeySaysBothAreDisabled() {
            const page = openFreshKey();
            verify(page.controller.saveEnabled(false));
            tryCompare(page.controller, "enabled", false, H.answerTimeout);
            tryVerify(() => page.controller.saving["enabled"] !== true, H.answerTimeout);
            const shown = reroll(page);
            const outcome = H.find(shown, item => item.objectName === "rerolled-outcome");
            verify(outcome.text.indexOf("keeps working") < 0, outcome.text);
            verify(outcome.text.indexOf("The old key stays disabled and expires") === 0, outcome.text);
            verify(outcome.text.indexOf("The new key is disabled too") > 0, outcome.text);
            const newId = page.controller.newKeyId;
            copyNewKey(shown); // else Open new key asks first
            mouseClick(H.find(shown, item => item.objectName === "rerolled-open"));
            tryVerify(() => stack.currentItem.keyId === newId, H.answerTimeout);
            const landed = stack.currentItem;
            tryVerify(() => landed.controller.loaded, H.answerTimeout);
            compare(landed.controller.enabled, false, "the server copied `enabled`");
            const note = child(landed, "replaced-note");
            tryVerify(() => H.containingText(note, "which stays disabled and expires"), H.answerTimeout);
            verify(H.containingText(note, "Like the old key, it is disabled"));
            verify(!H.containingText(note, "keeps working"));
        }

        // An expired key: the server gives the new key the passed expiry, and the old key the grace period.
        function test_rerollOfAnExpiredKeySaysTheNewOneIsExpired() {
            const page = openFreshKey();
            verify(page.controller.saveExpiry(Date.now() + 5000));
            tryVerify(() => page.controller.expires > 0 && page.controller.saving["expiry"] !== true, H.answerTimeout);
            tryVerify(() => Date.now() > page.controller.expires + 100, H.answerTimeout);
            const shown = reroll(page);
            const outcome = H.find(shown, item => item.objectName === "rerolled-outcome");
            verify(outcome.text.indexOf("The old key had expired") === 0, outcome.text);
            verify(outcome.text.indexOf("The new key has the old key's expiry, which has passed") > 0, outcome.text);
            copyNewKey(shown); // else Esc asks first
            keyClick(Qt.Key_Escape);
            tryCompare(shown, "opened", false);
        }

        // Walkthrough (issue 4): the new key of a reroll of an enabled key, switched off by the user,
        // said "Like the old key, it is disabled": the sentence is about what the reroll copied.
        function test_rerollNoteSaysOnlyWhatWasCopied() {
            const page = openFreshKey();
            const shown = reroll(page);
            const newId = page.controller.newKeyId;
            copyNewKey(shown); // else Open new key asks first
            mouseClick(H.find(shown, item => item.objectName === "rerolled-open"));
            tryVerify(() => stack.currentItem.keyId === newId, H.answerTimeout);
            const landed = stack.currentItem;
            tryVerify(() => landed.controller.loaded, H.answerTimeout);
            const note = child(landed, "replaced-note");
            tryVerify(() => H.containingText(note, "keeps working until"), H.answerTimeout);
            verify(landed.controller.saveEnabled(false));
            tryVerify(() => !landed.controller.enabled && landed.controller.saving["enabled"] !== true, H.answerTimeout);
            verify(!H.containingText(note, "Like the old key"), "the old key was enabled");
            verify(landed.controller.saveExpiry(Date.now() + 3000));
            tryVerify(() => landed.controller.expires > 0 && landed.controller.saving["expiry"] !== true, H.answerTimeout);
            tryVerify(() => Date.now() > landed.controller.expires + 100, H.answerTimeout);
            landed.controller.refresh(); // the note's text follows the key, not the clock
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            verify(!H.containingText(note, "took over the old key's expiry"), "the user set this expiry");
        }

        // Walkthrough (issue 4): Discard put the saved owner back but left the red error of the
        // refused draft under it. Discard (and Esc) drop the card's error with its draft.
        function test_discardClearsTheCardsError_data() {
            return [{ tag: "Discard", key: "" }, { tag: "Esc", key: "escape" }];
        }
        function test_discardClearsTheCardsError(data) {
            const page = openFreshKey();
            const field = child(page, "section-owner-field");
            typeInto(field, "bad owner!");
            keyClick(Qt.Key_Return);
            const error = child(page, "section-owner-error");
            tryVerify(() => error.visible && error.text !== "", 5000, "the refused draft's error");
            if (data.key === "escape")
                keyClick(Qt.Key_Escape);
            else
                child(page, "section-owner-discard").clicked();
            compare(field.text, page.controller.externalId);
            verify(!error.visible, "the error went with the draft: " + error.text);
            compare(page.controller.errors["owner"], undefined);
        }

        // Walkthrough (issue 4): the owner card's Save stayed enabled on a draft it refuses (and did
        // nothing), while the meta card greyed it. Every validating card greys Save with the reason.
        function test_saveGreyedWithTheReasonOnAnInvalidDraft_data() {
            return [
                { tag: "owner", card: "section-owner", field: "section-owner-field", typed: "bad owner!", reason: "" },
                { tag: "meta", card: "section-meta", field: "meta-text", typed: "{ broken", reason: "" }
            ];
        }
        function test_saveGreyedWithTheReasonOnAnInvalidDraft(data) {
            const page = openFreshKey();
            const card = child(page, data.card);
            typeInto(child(page, data.field), data.typed);
            const save = child(card, data.card + "-save");
            tryVerify(() => card.dirty, 5000);
            verify(!save.button.enabled, "Save greyed on an invalid draft");
            verify(card.problem !== "", "the card knows why");
            compare(save.tip, card.problem);
        }

        function holds(outer, item) {
            for (let node = item; node; node = node.parent) {
                if (node === outer)
                    return true;
            }
            return false;
        }

        /// The page's input focus: the window's active focus item, and whether it takes typed text.
        function typingGoesInto(page) {
            const focused = page.Window.activeFocusItem;
            return focused && focused.cursorPosition !== undefined && focused.readOnly !== true ? focused : null;
        }

        // Issue 4: the key page opened with the caret in Name, and what was typed next renamed the
        // key. It opens with the focus at the top of the page, in no field; Tab enters Name.
        function test_openingPutsNoCaretInName() {
            const page = openFreshKey();
            page.focusContent(); // what Main.qml does when a page opens
            const name = child(page, "section-name-field");
            tryVerify(() => holds(page, page.Window.activeFocusItem), 5000,
                      "the page has the focus");
            compare(typingGoesInto(page), null, "no text field has the focus");
            keyClick("x");
            compare(name.text, page.controller.name, "typing renamed nothing");
            compare(page.unsavedSections.length, 0);
            keyClick(Qt.Key_Tab);
            verify(name.activeFocus, "Tab starts at the first card's field, not " + page.Window.activeFocusItem + " " + (page.Window.activeFocusItem ? page.Window.activeFocusItem.objectName : ""));
        }

        // Issue 4: a click on a blank part of the page left the focus in the name field, and typing
        // afterwards still renamed the key. A click on a blank area takes it off text fields, between
        // the cards and inside one; a click into another field still puts the caret there.
        function test_blankClickTakesTheFocusOffTextFields_data() {
            return [{ tag: "between the cards", between: true }, { tag: "inside a card", between: false }];
        }
        function test_blankClickTakesTheFocusOffTextFields(data) {
            const page = openFreshKey();
            const name = child(page, "section-name-field");
            const nameCard = child(page, "section-name");
            mouseClick(name);
            verify(name.activeFocus, "a click puts the caret in Name");
            const owner = child(page, "section-owner");
            const blank = data.between
                    ? nameCard.mapToItem(page, nameCard.width + (owner.x - nameCard.x - nameCard.width) / 2, nameCard.height / 2)
                    : nameCard.mapToItem(page, nameCard.width / 2, nameCard.height - 5);
            verify(owner.x > nameCard.x + nameCard.width, "Name and Owner side by side");
            mouseClick(page, blank.x, blank.y);
            verify(!name.activeFocus, "the click took the focus off Name");
            compare(typingGoesInto(page), null, "no text field has the focus");
            keyClick("x");
            compare(name.text, page.controller.name, "typing renamed nothing");
            compare(page.unsavedSections.length, 0);
            const ownerField = child(page, "section-owner-field");
            mouseClick(ownerField);
            verify(ownerField.activeFocus, "a click in a field still gives it the caret");
        }

        // Issue 4: "Key actions" (Delete, Reroll) came first, and at 1024×768 Credits and Rate limits
        // were two screens down. The cards go by use: name, owner, credits, rate limits (what support
        // changes most, in the first screen at 1024 px too: walkthrough 22 X25), status, expiry,
        // permissions and roles, meta, the usage, and the dangerous actions last.
        function test_cardsGoByUse() {
            const page = openFreshKey();
            const order = ["section-name", "section-owner", "section-credits", "section-ratelimits", "section-enabled",
                           "section-expiry", "section-permissions", "section-meta", "key-charts", "section-reroll"];
            const flickable = page.focusScroller.flickable;
            const places = order.map(name => {
                const item = child(page, name);
                return { name: name, at: item.mapToItem(flickable.contentItem, 0, 0) };
            });
            for (let i = 1; i < places.length; ++i) {
                const before = places[i - 1].at;
                const after = places[i].at;
                verify(after.y > before.y + 1 || (Math.abs(after.y - before.y) <= 1 && after.x > before.x),
                       places[i - 1].name + " reads before " + places[i].name);
            }
        }

        /// Whether @p item lies whole in the visible part of @p flick.
        function inView(flick, item) {
            if (!item || !H.shown(item))
                return false;
            const at = item.mapToItem(flick, 0, 0);
            return at.y >= -0.5 && at.y + item.height <= flick.height + 0.5;
        }

        // Walkthrough 22 X3: a permission granted with Enter in the field at the view's bottom edge
        // added its chip below the edge, out of sight; the page scrolls just enough to show it,
        // "✓ Saved" too.
        function test_grantedChipComesIntoView() {
            const name = "inview.read";
            testSession.client.call("permissions.createPermission", { name: name, slug: name }, () => {});
            const page = openFreshKey();
            const flick = page.focusScroller.flickable;
            const field = child(page, "permission-picker-field");
            field.forceActiveFocus();
            for (const c of name)
                keyClick(c);
            tryVerify(() => !child(page, "permission-picker").suggestions.loading
                            && H.byText(page, name) !== null, H.answerTimeout);
            tryVerify(() => page.focusScroller.following === null, 5000);
            flick.contentY = field.mapToItem(flick.contentItem, 0, field.height).y - flick.height + 2;
            keyClick(Qt.Key_Return);
            tryVerify(() => page.controller.permissions.indexOf(name) >= 0, H.answerTimeout);
            tryVerify(() => inView(flick, findChild(page, "permission-picker-chip-" + name)), 5000,
                      "the new chip is below the view's edge");
            verify(inView(flick, child(page, "section-permissions-saved")), "“✓ Saved” out of view");
            verify(inView(flick, field), "the field left the view");
        }

        // Walkthrough 22 X18: saving the rate-limit card while its title row was scrolled above the
        // view (under the page's header) confirmed it unseen; the page scrolls to show "✓ Saved".
        function test_savedComesIntoView() {
            const created = call("keys.createKey", { apiId: testSample.apiId, name: "saved in view",
                                                     ratelimits: [{ name: "requests", limit: 10, duration: 60000 },
                                                                  { name: "burst", limit: 5, duration: 1000 }] });
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: created.keyId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            const flick = page.focusScroller.flickable;
            const card = child(page, "section-ratelimits");
            const limit = child(page, "ratelimit-limit-1");
            tryVerify(() => H.shown(limit) && limit.height > 0, H.answerTimeout);
            // The card's title above the view, its last row and Save in it.
            flick.contentY = card.mapToItem(flick.contentItem, 0, 0).y + 90;
            const save = child(page, "section-ratelimits-save-button");
            verify(inView(flick, limit) && card.mapToItem(flick, 0, 0).y < -50, "the title row above the view");
            limit.forceActiveFocus();
            limit.selectAll();
            keyClick(Qt.Key_7);
            tryVerify(() => save.enabled, 5000);
            verify(inView(flick, save));
            mouseClick(save);
            tryVerify(() => page.controller.saving["ratelimits"] !== true && child(page, "section-ratelimits-saved").visible,
                      H.answerTimeout);
            tryVerify(() => inView(flick, child(page, "section-ratelimits-saved")), 5000, "“✓ Saved” above the view");
        }

        // Walkthrough (issue 4): saving "Never expires" removed the card's summary line (the card
        // shrank, the cards below jumped): it says "Never expires".
        // Walkthrough 20/1: a role added by Enter in the role field at the view's bottom edge pushed
        // the field below the edge, and the next key typed there scrolled the page by ~23 px under
        // the pointer (a click aimed at Credits' Add field hit empty space). The field stays in
        // view where it was, and typing on moves nothing.
        function test_addingARoleLeavesThePageStill() {
            const name = "keypage-still";
            call("permissions.createRole", { name: name, permissions: ["documents.read"] });
            const page = openFreshKey();
            const field = child(page, "key-role-picker-field");
            const flick = page.focusScroller.flickable;
            field.forceActiveFocus();
            for (const c of name)
                keyClick(c);
            tryVerify(() => !child(page, "key-role-picker").suggestions.loading, H.answerTimeout);
            tryVerify(() => page.focusScroller.following === null, 5000);
            // The field's foot at the view's bottom edge, as in the walkthrough's window.
            const fieldFoot = () => field.mapToItem(flick.contentItem, 0, field.height).y;
            flick.contentY = fieldFoot() - flick.height + 2;
            const credits = child(page, "section-credits");
            keyClick(Qt.Key_Return);
            tryVerify(() => page.controller.roles.indexOf(name) >= 0 && page.controller.saving["roles"] !== true,
                      H.answerTimeout);
            tryVerify(() => { const line = findChild(page, "key-role-picker-detail-" + name);
                              return line !== null && H.shown(line); }, H.answerTimeout);
            waitForRendering(page);
            verify(fieldFoot() <= flick.contentY + flick.height, "the field went below the view's edge");
            // The page scrolled once, with the save's answer, to show what it added (walkthrough 22 X3),
            // and typing on moves nothing more.
            verify(inView(flick, findChild(page, "key-role-picker-chip-" + name)), "the new chip is in view");
            tryVerify(() => !child(page, "section-permissions").revealing, 5000);
            const revealed = flick.contentY;
            const creditsTop = credits.mapToItem(null, 0, 0).y;
            for (const c of "100")
                keyClick(c);
            tryVerify(() => page.focusScroller.following === null, 5000);
            compare(flick.contentY, revealed, "the page scrolled");
            compare(credits.mapToItem(null, 0, 0).y, creditsTop, "the Credits card moved");
            keyClick(Qt.Key_Escape);
            field.clear();
        }

        function test_neverExpiresIsSaid() {
            const page = openFreshKey(false, Date.now() + 5 * 24 * 3600 * 1000);
            const headline = child(page, "expiry-headline");
            tryVerify(() => headline.text.indexOf("Expires") === 0, H.answerTimeout);
            verify(page.controller.saveExpiry(0));
            tryVerify(() => page.controller.expires === 0 && page.controller.saving["expiry"] !== true, H.answerTimeout);
            verify(headline.visible, "the summary line stays");
            compare(headline.text, "Never expires");
            // Said once (walk 21 W3: the checkbox under it said "Never expires" too).
            const card = child(page, "section-expiry");
            const saying = H.findAll(card, item => item.visible && item.text !== undefined
                                                   && String(item.text).indexOf("Never expires") >= 0);
            compare(saying.length, 1, saying.map(item => item.objectName || String(item)).join(", "));
        }

        // Walk 21 W3: a quick button on a key that never expires sets the expiry, ready to save.
        function test_presetOnANeverExpiringKeySetsIt() {
            const page = openFreshKey(false);
            tryCompare(page.controller, "expires", 0, H.answerTimeout);
            const preset = H.byText(child(page, "section-expiry"), "In 7 days");
            verify(preset && preset.enabled, "the preset is offered");
            const before = Date.now();
            mouseClick(preset);
            verify(!child(page, "expiry-never").checked);
            const save = child(page, "section-expiry-save-button");
            tryVerify(() => save.enabled, 5000, "the card has a change to save");
            mouseClick(save);
            tryVerify(() => page.controller.expires >= before + 7 * 24 * 3600 * 1000, H.answerTimeout,
                      "saved: " + page.controller.expires);
        }

        /// The lines of the expiry card that speak of its expiry ("Never expires", "Expires …",
        /// "After saving: …"), visible ones, top to bottom.
        function expiryLines(page) {
            const card = child(page, "section-expiry");
            return H.findAll(card, item => item.visible && item.opacity > 0 && item.text !== undefined
                                           && /expire/i.test(String(item.text)))
                .map(item => String(item.text));
        }

        // Walkthrough 22 X4: after a save the card said it twice ("Expires in 7 days" above "Expires
        // 12/4/26 9:10 PM (in 7 days)"), and before it "Never expires" stood above the new date.
        // One line: the saved expiry, or while edited what saving does.
        function test_expirySaidOnce() {
            const page = openFreshKey(false);
            tryCompare(page.controller, "expires", 0, H.answerTimeout);
            compare(expiryLines(page), ["Never expires"]);
            const preset = H.byText(child(page, "section-expiry"), "In 7 days");
            preset.clicked();
            const edited = expiryLines(page);
            compare(edited.length, 1, JSON.stringify(edited));
            verify(edited[0].indexOf("After saving: expires ") === 0, edited[0]);
            child(page, "section-expiry").save();
            tryVerify(() => page.controller.expires > Date.now() && page.controller.saving["expiry"] !== true,
                      H.answerTimeout);
            tryVerify(() => expiryLines(page).length === 1 && expiryLines(page)[0].indexOf("Expires ") === 0,
                      H.answerTimeout, JSON.stringify(expiryLines(page)));
        }
    }
}
