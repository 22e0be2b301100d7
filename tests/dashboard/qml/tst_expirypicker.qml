import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ExpiryPicker: "Never expires" means 0; presets and typed date and time give the unix ms the
// server stores; load() shows a saved expiry. A past date is refused before anything is sent:
// the picker hands it to IssueKeyController, whose validation names the problem.
Item {
    id: root
    width: 900
    height: 700

    ExpiryPicker {
        id: picker
        width: root.width
        format: testSession.format
        onEdited: issue.expires = expires // as IssueKeyForm does
    }

    // As a page shows it first: never touched (the tests' own picker keeps what they typed).
    ExpiryPicker {
        id: untouched
        y: root.height
        width: root.width
        format: testSession.format
    }

    IssueKeyController {
        id: issue
        client: testSession.client
        apiId: testSample.apiId
    }

    SignalSpy {
        id: edited
        target: picker
        signalName: "edited"
    }

    TestCase {
        name: "ExpiryPicker"
        when: windowShown

        readonly property real day: 86400000

        function init() {
            picker.load(0);
            edited.clear();
        }

        function child(objectName) {
            const found = findChild(picker, objectName);
            verify(found, objectName);
            return found;
        }

        function typeInto(field, digits) {
            field.forceActiveFocus();
            field.selectAll();
            keyClick(Qt.Key_Delete);
            field.cursorPosition = 0;
            for (const c of digits)
                keyClick(c);
        }

        /// Types @p date's digits into the date field, in the order of the language's pattern.
        function typeDate(date) {
            typeInto(child("expiry-date"), Qt.formatDate(date, picker.datePattern).replace(/\D/g, ""));
        }

        // Walkthrough J11: the field showed 2026-11-27 next to German dates everywhere else.
        function test_typedDateInTheLanguagesOrder_data() {
            return [
                {tag: "German", language: "de", shown: "31.12.2099", typed: "31122099"},
                {tag: "Spanish", language: "es", shown: "31/12/2099", typed: "31122099"},
            ];
        }
        function test_typedDateInTheLanguagesOrder(data) {
            const language = testSession.settings.language;
            testSession.settings.language = data.language;
            try {
                mouseClick(child("expiry-never"));
                compare(child("expiry-date").placeholderText, data.shown.replace("2099", "2026"));
                verify(child("expiry-date").Accessible.name.indexOf(data.shown.replace("2099", "2026")) >= 0,
                       child("expiry-date").Accessible.name);
                typeInto(child("expiry-date"), data.typed);
                compare(child("expiry-date").text, data.shown);
                typeInto(child("expiry-time"), "2359");
                compare(picker.expires, new Date(2099, 11, 31, 23, 59).getTime());
                picker.load(new Date(2097, 5, 15, 8, 30).getTime());
                compare(child("expiry-date").text, data.shown.replace("31", "15").replace("12", "06").replace("2099", "2097"));
                // No 31 February: the last good date stays rather than rolling into March.
                typeInto(child("expiry-date"), "31022099");
                compare(picker.expires, new Date(2097, 5, 15, 8, 30).getTime());
            } finally {
                testSession.settings.language = language;
            }
        }

        // A language switch under a shown expiry: the field's input mask changed and rewrote its
        // text, which was read back as typed ("Binding loop detected for property inputMask" in
        // tst_keydetailpage, and the key page's card marked as edited). The date and time are
        // written the new language's way, the expiry and the card stay as they were.
        function test_languageSwitchRewritesTheShownDate() {
            failOnWarning(/[Bb]inding loop/);
            const language = testSession.settings.language;
            const when = new Date(2097, 5, 15, 20, 45).getTime();
            try {
                testSession.settings.language = "de";
                picker.load(when);
                compare(child("expiry-date").text, "15.06.2097");
                edited.clear();
                for (const [code, date, time] of [["es", "15/06/2097", "20:45"], ["en", "06/15/2097", /^8:45\sPM$/]]) {
                    testSession.settings.language = code;
                    tryCompare(child("expiry-date"), "text", date);
                    verify(child("expiry-time").text.match(time), code + ": " + child("expiry-time").text);
                    compare(picker.expires, when, code + ": the expiry itself is unchanged");
                }
                compare(edited.count, 0, "a language switch is no edit");
            } finally {
                testSession.settings.language = language;
            }
        }

        // Walkthrough (issue 4): the English field said "01:45" next to "1:45 AM" in the summary
        // line. The field writes the time as the language does (12 h with AM/PM in American
        // English, 24 h in German and Spanish), and takes it so typed.
        function test_timeWrittenAsTheLanguageDoes_data() {
            return [
                {tag: "English", language: "en", shown: /^1:45\sAM$/, typed: "11:59 PM", twelveHour: true},
                {tag: "German", language: "de", shown: /^01:45$/, typed: "23:59", twelveHour: false},
                {tag: "Spanish", language: "es", shown: /^1:45$/, typed: "23:59", twelveHour: false},
            ];
        }
        function test_timeWrittenAsTheLanguageDoes(data) {
            const language = testSession.settings.language;
            testSession.settings.language = data.language;
            try {
                picker.load(new Date(2097, 5, 15, 1, 45).getTime());
                const field = child("expiry-time");
                verify(data.shown.test(field.text), "the field shows " + field.text);
                const summary = child("expiry-summary").text;
                verify(summary.indexOf(field.text) >= 0, "\"" + field.text + "\" as in \"" + summary + "\"");
                compare(/[AP]M/.test(field.placeholderText), data.twelveHour, field.placeholderText);
                typeInto(field, data.typed);
                compare(picker.expires, new Date(2097, 5, 15, 23, 59).getTime());
                verify(child("expiry-summary").text.indexOf(field.text) >= 0, child("expiry-summary").text);
                // The whole time shows in the field.
                verify(field.contentWidth <= field.width - field.leftPadding - field.rightPadding,
                       field.contentWidth + " px of text in " + field.width + " px");
            } finally {
                testSession.settings.language = language;
            }
        }

        // The summary's "(in 2 hours)" follows the time while the form stays open (it stayed as
        // first shown: stop 26's found-not-fixed for the relative times).
        function test_summaryFollowsTheTime() {
            const expires = new Date(2097, 5, 15, 12, 0).getTime();
            testClock.pin(expires - 2 * 3600000);
            try {
                picker.load(expires);
                const summary = child("expiry-summary");
                verify(summary.text.indexOf("(in 2 hours)") > 0, summary.text);
                testClock.pin(expires - 3 * 86400000);
                verify(summary.text.indexOf("(in 3 days)") > 0, summary.text);
            } finally {
                testClock.unpin();
            }
        }

        // Walk 20/20: the empty date field showed a bare " .  ." (its input mask), never its
        // example date.
        function test_untouchedShowsTheExampleDate() {
            const field = findChild(untouched, "expiry-date");
            compare(field.displayText, "", "no bare mask");
            verify(field.placeholderText !== "", "an example date to show");
            mouseClick(findChild(untouched, "expiry-never"));
            verify(untouched.expires > 0);
            compare(field.text, Qt.formatDate(new Date(untouched.expires), untouched.datePattern), "a date once wanted");
            verify(field.inputMask !== "", "typed dates go through the mask again");
        }

        function test_neverByDefault() {
            verify(child("expiry-never").checked);
            compare(picker.expires, 0);
            verify(!child("expiry-date").enabled, "the date is greyed while the key never expires");
            verify(!child("expiry-time").enabled);
        }

        // The date and time fields and the summary line keep their places under "Never
        // expires": unticking it moves no preset (a click aimed at "In 30 days" landed in the
        // time field) and nothing below the picker.
        function test_uncheckingNeverMovesNothing() {
            waitForRendering(picker);
            const preset = H.byText(picker, "In 30 days");
            const presetY = preset.mapToItem(picker, 0, 0).y;
            const height = picker.height;
            const dateY = child("expiry-date").mapToItem(picker, 0, 0).y;
            mouseClick(child("expiry-never"));
            verify(picker.expires > 0);
            verify(child("expiry-date").enabled);
            waitForRendering(picker);
            compare(preset.mapToItem(picker, 0, 0).y, presetY, "the presets stay where they were");
            compare(child("expiry-date").mapToItem(picker, 0, 0).y, dateY);
            compare(picker.height, height, "nothing below the picker moves");
            verify(child("expiry-summary").text !== "");
            mouseClick(child("expiry-never"));
            compare(picker.expires, 0);
            compare(child("expiry-summary").text, "");
            waitForRendering(picker);
            compare(picker.height, height);
            compare(preset.mapToItem(picker, 0, 0).y, presetY);
        }

        // The calendar button is drawn, not the emoji "📅" (a missing-glyph box without a colour
        // emoji font), and says what it does.
        function test_calendarButtonNeedsNoEmojiFont() {
            const button = child("expiry-calendar");
            compare(button.text, "");
            verify(button.contentItem.implicitWidth > 0);
            compare(button.Accessible.name, "Choose the date in a calendar");
            verify(!H.find(picker, item => item.text !== undefined && /[\uD83C-\uD83E][\uDC00-\uDFFF]/.test(String(item.text))),
                   "no emoji in the picker");
        }

        function test_uncheckingNeverProposesThirtyDays() {
            const before = Date.now();
            mouseClick(child("expiry-never"));
            verify(edited.count >= 1);
            verify(picker.expires >= before + 30 * day, picker.expires);
            verify(picker.expires <= Date.now() + 30 * day + 60000, picker.expires);
            verify(child("expiry-date").visible);
            compare(child("expiry-date").text, Qt.formatDate(new Date(picker.expires), picker.datePattern));
            compare(child("expiry-time").text, picker.timeText(new Date(picker.expires)));
            const summary = H.containingText(picker, "Expires ");
            verify(summary && summary.visible, "a summary line in words");
            mouseClick(child("expiry-never"));
            compare(picker.expires, 0);
        }

        // Walk 21 W3: the presets were greyed until "Never" was unticked; a user expects "In 7
        // days" to simply set the expiry. One click does, "Never" unticked in sight and the
        // summary line saying when.
        function test_presetUnderNeverSetsTheExpiry() {
            verify(child("expiry-never").checked);
            const before = Date.now();
            const preset = H.byText(picker, "In 7 days");
            verify(preset.enabled, "a preset is offered while the key never expires");
            mouseClick(preset);
            verify(picker.expires >= before + 7 * day && picker.expires <= Date.now() + 7 * day + 60000, picker.expires);
            verify(!child("expiry-never").checked, "\"Never\" unticked");
            compare(edited.count, 1);
            verify(child("expiry-summary").text.indexOf("Expires ") === 0, child("expiry-summary").text);
        }

        // Offered under "Never" too, the four presets are one Tab stop (the key page's next cards
        // stay a few Tabs away): Tab enters at the first, Left and Right go along, Enter sets it.
        function test_presetsAreOneTabStop() {
            const never = child("expiry-never");
            never.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Tab);
            const first = H.byText(picker, "In 1 day");
            verify(first.activeFocus, "Tab from \"Never\" enters the presets at the first, not " + picker.Window.activeFocusItem);
            verify(first.focusShown, "with its frame");
            keyClick(Qt.Key_Right);
            keyClick(Qt.Key_Right);
            const thirty = H.byText(picker, "In 30 days");
            verify(thirty.activeFocus && thirty.focusShown, "Right goes to the next preset");
            keyClick(Qt.Key_Left);
            verify(H.byText(picker, "In 7 days").activeFocus, "Left goes back");
            keyClick(Qt.Key_Right);
            const before = Date.now();
            keyClick(Qt.Key_Return);
            verify(picker.expires >= before + 30 * day && picker.expires <= Date.now() + 30 * day + 60000, picker.expires);
            keyClick(Qt.Key_Tab);
            verify(!H.find(child("expiry-presets"), item => item.activeFocus), "Tab leaves the presets at once");
            // To what follows them, from any preset (walkthrough 22, X1: from the third, Tab went
            // to the window's first control: the sidebar on the key page, the API box in the
            // issue dialog), and Shift+Tab back into them.
            const next = H.find(untouched, item => item.objectName === "expiry-never");
            verify(next.activeFocus, "Tab from a preset goes on to what follows the presets");
            keyClick(Qt.Key_Tab, Qt.ShiftModifier);
            verify(H.find(child("expiry-presets"), item => item.activeFocus), "Shift+Tab goes back into them");
        }

        function test_presets() {
            const before = Date.now();
            mouseClick(child("expiry-never"));
            tryVerify(() => child("expiry-date").enabled, 5000);
            waitForRendering(picker);
            verify(H.byText(picker, "In 7 days").enabled);
            edited.clear();
            mouseClick(H.byText(picker, "In 7 days"));
            verify(picker.expires >= before + 7 * day && picker.expires <= Date.now() + 7 * day + 60000);
            verify(!child("expiry-never").checked);
            compare(edited.count, 1);
            mouseClick(H.byText(picker, "In 1 year"));
            verify(picker.expires >= before + 365 * day);
        }

        function test_typedDateAndTime() {
            mouseClick(child("expiry-never"));
            typeDate(new Date(2099, 11, 31));
            compare(child("expiry-date").text, Qt.formatDate(new Date(2099, 11, 31), picker.datePattern));
            typeInto(child("expiry-time"), "2359");
            compare(picker.expires, new Date(2099, 11, 31, 23, 59).getTime());
        }

        function test_incompleteDateKeepsTheLastValue() {
            picker.load(new Date(2098, 0, 2, 3, 4).getTime());
            const kept = picker.expires;
            typeInto(child("expiry-date"), "2099");
            compare(picker.expires, kept);
        }

        function test_loadShowsASavedExpiry() {
            const saved = new Date(2097, 5, 15, 8, 30).getTime();
            picker.load(saved);
            verify(!child("expiry-never").checked);
            compare(child("expiry-date").text, Qt.formatDate(new Date(2097, 5, 15), picker.datePattern));
            compare(picker.parseTime(child("expiry-time").text), [8, 30]);
            compare(edited.count, 0);
            picker.load(0);
            verify(child("expiry-never").checked);
        }

        function test_pastDateIsRefused() {
            mouseClick(child("expiry-never"));
            verify(issue.validate(), JSON.stringify(issue.errors));
            typeDate(new Date(2020, 0, 1));
            const time = picker.parseTime(child("expiry-time").text);
            compare(picker.expires, new Date(2020, 0, 1, time[0], time[1]).getTime());
            compare(issue.expires, picker.expires);
            verify(!issue.validate());
            verify(String(issue.errors.expires).indexOf("past") >= 0, JSON.stringify(issue.errors));
        }
    }
}
