import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ExpiryPicker's calendar by keyboard (walkthrough H17) and what it shows (H2): Esc closes only
// the calendar and gives the focus back to its button; it opens with the keyboard on the chosen
// day; arrows, Home/End and PageUp/PageDown move the day (the month shown follows) and Enter or
// Space picks it; the chosen day is filled, today ringed, readable in both themes; every day is
// named by its full date; the button's tooltip is gone after a pick; German weeks start on
// Monday. In the issue-key dialog, Esc in the calendar neither asks "Discard …?" nor closes the
// dialog, and Enter there picks the day instead of issuing the key.
Item {
    id: root
    width: 900
    height: 700

    ExpiryPicker {
        id: picker
        x: 20
        y: 60
        width: 600
        format: testSession.format
        onEdited: issue.expires = expires // as IssueKeyForm does
    }

    IssueKeyController {
        id: issue
        client: testSession.client
        apiId: testSample.apiId
    }

    IssueKeyDialog {
        id: dialog
        session: testSession
    }

    // A picker made after a language switch speaks that language (the app makes its pages and
    // dialogs anew on a switch; the test runner has no engine to retranslate).
    Component {
        id: pickerComponent
        ExpiryPicker {
            x: 20
            y: 60
            width: 600
            format: testSession.format
        }
    }

    TestCase {
        name: "ExpiryCalendar"
        when: windowShown

        readonly property real june15: new Date(2097, 5, 15, 8, 30).getTime()
        property string savedLanguage

        function initTestCase() {
            savedLanguage = testSession.settings.language;
        }

        function init() {
            testSession.settings.language = "en";
            root.Material.theme = Material.Light;
            picker.load(june15);
            mouseMove(root, root.width - 10, root.height - 10); // the pointer off the button
        }

        function cleanup() {
            for (const open of [calendarOf(picker), dialog.discardQuestion, dialog]) {
                if (open && open.visible) {
                    open.close();
                    tryCompare(open, "visible", false);
                }
            }
            testSession.settings.language = savedLanguage;
        }

        /// The calendar popup of the ExpiryPicker @p owner (any Popup declared in it).
        function calendarOf(owner) {
            return H.find(owner, node => node.closePolicy !== undefined && node.modal !== undefined);
        }
        function calendar(owner = picker) {
            const found = calendarOf(owner);
            verify(found, "the picker has a calendar popup");
            return found;
        }
        function button(owner = picker) {
            const found = findChild(owner, "expiry-calendar");
            verify(found);
            return found;
        }
        /// The items of a QML list (children) as an array.
        function items(list) {
            const all = [];
            for (let i = 0; i < list.length; ++i)
                all.push(list[i]);
            return all;
        }
        function weekdayNames(owner = picker) {
            return items(findChild(calendar(owner).contentItem, "calendar-weekdays").contentItem.children)
                .filter(item => item.text !== undefined);
        }
        /// A fresh picker in @p language, on June 15, 2097.
        function pickerIn(language) {
            testSession.settings.language = language;
            const made = createTemporaryObject(pickerComponent, root);
            verify(made);
            made.load(june15);
            return made;
        }
        function focused() {
            return root.Window.activeFocusItem;
        }
        /// The day cells of the open calendar.
        function days(owner = picker) {
            return H.findAll(calendar(owner).contentItem, node => node.day !== undefined && node.isCursor !== undefined);
        }
        function dayCell(year, month, day) {
            const found = days().filter(cell => cell.year === year && cell.month === month && cell.day === day);
            verify(found.length === 1, "one cell for " + [year, month + 1, day].join("-"));
            return found[0];
        }
        /// The day the keyboard is on, as [year, month (from 0), day].
        function keyboardDay() {
            const item = focused();
            verify(item && item.day !== undefined && item.isCursor !== undefined, "a day has the keyboard, not " + item);
            return [item.year, item.month, item.day];
        }
        function openByKeyboard(owner, calendarButton) {
            calendarButton.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Space);
            const popup = calendarOf(owner);
            verify(popup, "a calendar popup");
            tryCompare(popup, "opened", true);
            return popup;
        }
        function keys(...sequence) {
            for (const key of sequence)
                keyClick(key);
        }

        function test_escapeClosesTheCalendarOnly() {
            const popup = openByKeyboard(picker, button());
            verify(popup.activeFocus, "the calendar has the keyboard");
            keyClick(Qt.Key_Escape);
            tryCompare(popup, "visible", false);
            tryVerify(() => button().activeFocus, 5000, "the focus is back on the calendar button");
            verify(button().focusShown, "with its frame");
            compare(picker.expires, june15, "Esc picks nothing");
        }

        function test_opensOnTheChosenDay() {
            openByKeyboard(picker, button());
            compare(keyboardDay(), [2097, 5, 15]);
            verify(focused().focusShown, "the keyboard's day shows its frame");
            compare(findChild(calendar().contentItem, "calendar-title").text, "June 2097");
            keyClick(Qt.Key_Escape);
            tryCompare(calendar(), "visible", false);
            tryVerify(() => button().activeFocus, 5000);
            keyClick(Qt.Key_Return); // Enter on the button opens it too
            tryCompare(calendar(), "opened", true);
            compare(keyboardDay(), [2097, 5, 15]);
            verify(focused().focusShown);
        }

        function test_arrowsAndEnterPickADay() {
            openByKeyboard(picker, button());
            keys(Qt.Key_Right, Qt.Key_Down, Qt.Key_Down, Qt.Key_Left, Qt.Key_Up);
            compare(keyboardDay(), [2097, 5, 22]);
            verify(focused().focusShown);
            keyClick(Qt.Key_Return);
            tryCompare(calendar(), "visible", false);
            compare(picker.expires, new Date(2097, 5, 22, 8, 30).getTime(), "the day picked, the time kept");
            compare(findChild(picker, "expiry-date").text, Qt.formatDate(new Date(2097, 5, 22), picker.datePattern));
            tryVerify(() => button().activeFocus, 5000, "the focus is back on the calendar button");

            openByKeyboard(picker, button());
            compare(keyboardDay(), [2097, 5, 22], "it opens on the day now chosen");
            keys(Qt.Key_Left, Qt.Key_Space);
            tryCompare(calendar(), "visible", false);
            compare(picker.expires, new Date(2097, 5, 21, 8, 30).getTime(), "Space picks as Enter does");
        }

        // The month shown follows the keyboard's day: PageDown from January 31 lands on the last
        // day of February; an arrow past the month's end shows the next month.
        function test_pageDownCrossesAMonth() {
            picker.load(new Date(2097, 0, 31, 12, 0).getTime());
            openByKeyboard(picker, button());
            const title = findChild(calendar().contentItem, "calendar-title");
            compare(title.text, "January 2097");
            keyClick(Qt.Key_PageDown);
            compare(keyboardDay(), [2097, 1, 28]);
            compare(title.text, "February 2097");
            verify(focused().inShownMonth);
            keyClick(Qt.Key_PageUp);
            compare(keyboardDay(), [2097, 0, 28]);
            keyClick(Qt.Key_PageDown, Qt.ShiftModifier);
            compare(keyboardDay(), [2098, 0, 28], "Shift+PageDown: a year later");
            compare(title.text, "January 2098");
            keys(Qt.Key_Down, Qt.Key_Right, Qt.Key_Right, Qt.Key_Right, Qt.Key_Right);
            compare(keyboardDay(), [2098, 1, 8]);
            compare(title.text, "February 2098");
            keyClick(Qt.Key_Enter);
            tryCompare(calendar(), "visible", false);
            compare(picker.expires, new Date(2098, 1, 8, 12, 0).getTime());
        }

        // Home and End: the first and the last day of the keyboard's week, as the locale counts.
        function test_homeAndEndGoToTheWeeksEnds() {
            openByKeyboard(picker, button());
            const firstDay = testSession.format.locale.firstDayOfWeek;
            keyClick(Qt.Key_Home);
            let day = keyboardDay();
            compare(new Date(day[0], day[1], day[2]).getDay(), firstDay);
            keyClick(Qt.Key_End);
            day = keyboardDay();
            compare(new Date(day[0], day[1], day[2]).getDay(), (firstDay + 6) % 7);
            verify(new Date(day[0], day[1], day[2]) >= new Date(2097, 5, 15), "the same week");
            verify(new Date(day[0], day[1], day[2]) <= new Date(2097, 5, 21));
        }

        // Opened by a click, the keyboard is on the chosen day without a frame, until a key moves it.
        function test_openedByClickTheArrowsWork() {
            openByKeyboard(picker, button());
            keyClick(Qt.Key_Escape);
            tryVerify(() => button().activeFocus && button().focusShown, 5000, "the button has the keyboard's frame");
            mouseMove(button(), button().width / 2, button().height / 2); // as the pointer comes to click
            mouseClick(button());
            tryCompare(calendar(), "opened", true);
            compare(keyboardDay(), [2097, 5, 15]);
            verify(!focused().focusShown);
            keyClick(Qt.Key_Left);
            compare(keyboardDay(), [2097, 5, 14]);
            verify(focused().focusShown);
        }

        /// The chosen day filled in the accent, today ringed, readable on the popup's background.
        function checkMarks(themeName) {
            const now = new Date();
            const chosenDay = now.getDate() === 1 ? 2 : 1;
            picker.load(new Date(now.getFullYear(), now.getMonth(), chosenDay, 12, 0).getTime());
            mouseClick(button());
            tryCompare(calendar(), "opened", true);
            const background = calendar().background.color;
            const today = dayCell(now.getFullYear(), now.getMonth(), now.getDate());
            const chosen = dayCell(now.getFullYear(), now.getMonth(), chosenDay);
            verify(today.ringShown, themeName + ": today is ringed");
            verify(!today.isChosen);
            verify(H.contrast(today.ringColor, background) >= 3, themeName + ": the ring stands out");
            verify(chosen.isChosen && !chosen.ringShown, themeName + ": the chosen day is filled, not ringed");
            compare(String(chosen.fillColor), String(button().Material.accent), "the app's accent");
            verify(H.contrast(chosen.textColor, chosen.fillColor) >= 4.5,
                   themeName + ": the chosen day's number reads on the accent " + H.contrast(chosen.textColor, chosen.fillColor));
            verify(H.contrast(today.textColor, background) >= 4.5, themeName + ": today's number reads");
            const plain = days().filter(cell => !cell.isChosen && !cell.today);
            verify(plain.length > 20);
            verify(plain.every(cell => !cell.ringShown), "other days are neither ringed...");
            verify(plain.every(cell => H.contrast(cell.textColor, background) >= 4.5), themeName + ": ...and every number reads");
            const weekDay = weekdayNames()[0];
            verify(H.contrast(weekDay.color, background) >= 3, themeName + ": the day names read");
            calendar().close();
            tryCompare(calendar(), "visible", false);
        }

        function test_todayAndChosenMarked() {
            checkMarks("light");
            root.Material.theme = Material.Dark;
            checkMarks("dark");
        }

        // Walkthrough H2: after a pick with the mouse the button's tooltip stayed over "Never
        // expires", and the button looked hovered until the mouse came back to it.
        function test_tooltipGoneAfterAPick() {
            mouseMove(button(), button().width / 2, button().height / 2);
            tryVerify(() => button().ToolTip.visible, 5000, "the tooltip shows while the mouse is on the button");
            mouseClick(button());
            tryCompare(calendar(), "opened", true);
            // The shared tooltip fades out: hidden once its exit transition is over.
            tryVerify(() => !button().ToolTip.visible, 5000, "no tooltip over the open calendar");
            verify(!button().hovered, "no hover look left under the open calendar (it stayed after the pick)");
            const day20 = H.find(findChild(calendar().contentItem, "calendar-grid"), node => String(node.text) === "20");
            verify(day20);
            mouseMove(day20, day20.width / 2, day20.height / 2);
            mouseClick(day20);
            tryCompare(calendar(), "visible", false);
            compare(picker.expires, new Date(2097, 5, 20, 8, 30).getTime());
            wait(700); // longer than the tooltip's fade in
            verify(!button().hovered, "the button does not look hovered");
            verify(!button().ToolTip.visible, "no tooltip after the pick");
            mouseMove(root, 700, 600);
            wait(700);
            verify(!button().hovered);
            verify(!button().ToolTip.visible);
            mouseMove(button(), button().width / 2, button().height / 2);
            tryVerify(() => button().ToolTip.visible, 5000, "back on the button, the tooltip shows again");
            mouseMove(root, 700, 600);
            tryVerify(() => !button().ToolTip.visible, 5000);
        }

        // Every day is named by its full date in the UI's language; the month buttons are named.
        function test_daysAndButtonsNamed() {
            openByKeyboard(picker, button());
            compare(focused().Accessible.name, "Saturday, June 15, 2097");
            compare(focused().Accessible.description, "Chosen day");
            compare(findChild(calendar().contentItem, "calendar-previous").Accessible.name, "Previous month");
            compare(findChild(calendar().contentItem, "calendar-next").Accessible.name, "Next month");
            verify(days().every(cell => cell.Accessible.name.indexOf(String(cell.day)) >= 0
                                        && cell.Accessible.name.indexOf(String(cell.year)) >= 0));
            calendar().close();
            tryCompare(calendar(), "visible", false);

            const german = pickerIn("de");
            openByKeyboard(german, button(german));
            compare(focused().Accessible.name, "Samstag, 15. Juni 2097");
            compare(focused().Accessible.description, "Gewählter Tag");
            compare(findChild(calendar(german).contentItem, "calendar-previous").Accessible.name, "Vorheriger Monat");
            compare(findChild(calendar(german).contentItem, "calendar-next").Accessible.name, "Nächster Monat");
        }

        // The week starts as the app's language has it: Monday in German, with German names.
        function test_germanWeekStartsOnMonday() {
            const german = pickerIn("de");
            openByKeyboard(german, button(german));
            compare(findChild(calendar(german).contentItem, "calendar-title").text, "Juni 2097");
            const names = weekdayNames(german).map(item => item.text);
            compare(names.length, 7);
            compare(names[0], Qt.locale("de_DE").standaloneDayName(1, Locale.ShortFormat));
            const first = days(german)[0];
            compare(new Date(first.year, first.month, first.day).getDay(), 1, "the grid's first column is Monday");
            keyClick(Qt.Key_Home);
            compare(keyboardDay(), [2097, 5, 10], "Home: the Monday of Saturday the 15th's week");
            calendar(german).close();
            tryCompare(calendar(german), "visible", false);

            // In English (the United States' week) Sunday comes first.
            const english = pickerIn("en");
            openByKeyboard(english, button(english));
            const firstDay = testSession.format.locale.firstDayOfWeek;
            compare(weekdayNames(english)[0].text, testSession.format.locale.standaloneDayName(firstDay, Locale.ShortFormat));
            const firstCell = days(english)[0];
            compare(new Date(firstCell.year, firstCell.month, firstCell.day).getDay(), firstDay);
            compare(findChild(calendar(english).contentItem, "calendar-title").text, "June 2097");
            calendar(english).close();
            tryCompare(calendar(english), "visible", false);
        }

        // Tab goes round the calendar: the month buttons, then the keyboard's day; Enter on a month
        // button shows that month, and the day Tab comes back to is in it.
        function test_tabGoesRoundTheCalendar() {
            openByKeyboard(picker, button());
            keyClick(Qt.Key_Tab);
            compare(focused().objectName, "calendar-previous");
            keyClick(Qt.Key_Tab);
            compare(focused().objectName, "calendar-next");
            keyClick(Qt.Key_Return);
            compare(findChild(calendar().contentItem, "calendar-title").text, "July 2097");
            keyClick(Qt.Key_Tab);
            compare(keyboardDay(), [2097, 6, 15]);
            verify(focused().focusShown);
            keyClick(Qt.Key_Tab, Qt.ShiftModifier);
            compare(focused().objectName, "calendar-next");
        }

        // A past day can be picked as it can be typed; the issue form refuses it in words before
        // anything is sent (IssueKeyController's validation, as for a typed date).
        function test_pastDayIsRefused() {
            const tomorrow = new Date(Date.now() + 86400000);
            picker.load(new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), 0, 30).getTime());
            openByKeyboard(picker, button());
            keys(Qt.Key_Left, Qt.Key_Left, Qt.Key_Return);
            tryCompare(calendar(), "visible", false);
            const yesterday = new Date(Date.now() - 86400000);
            compare(picker.expires, new Date(yesterday.getFullYear(), yesterday.getMonth(), yesterday.getDate(), 0, 30).getTime());
            compare(issue.expires, picker.expires);
            verify(!issue.validate());
            verify(String(issue.errors.expires).indexOf("past") >= 0, JSON.stringify(issue.errors));
        }

        function dialogPart(objectName) {
            const found = findChild(dialog.contentItem, objectName);
            verify(found, objectName);
            return found;
        }

        // In the issue-key dialog with entries, Esc in the calendar closes the calendar only: no
        // "Discard …?" question, the dialog stays, the focus is back on the calendar button; Enter
        // there picks the day and issues nothing. Esc afterwards asks as before.
        function test_escapeInTheIssueDialog() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            const name = dialogPart("issue-name");
            tryVerify(() => name.activeFocus, H.answerTimeout);
            keys("x", "1");
            const never = dialogPart("expiry-never");
            never.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Space);
            verify(!never.checked);
            const owner = never.parent;
            const calendarButton = dialogPart("expiry-calendar");
            const popup = openByKeyboard(owner, calendarButton);
            keyClick(Qt.Key_Escape);
            tryCompare(popup, "visible", false);
            wait(300);
            verify(dialog.opened, "the dialog stays open");
            verify(!dialog.discardQuestion.visible, "nothing to discard: only the calendar closed");
            tryVerify(() => calendarButton.activeFocus, 5000, "the focus is back on the calendar button");

            openByKeyboard(owner, calendarButton);
            const start = keyboardDay();
            keys(Qt.Key_Down, Qt.Key_Return);
            tryCompare(popup, "visible", false);
            const picked = new Date(start[0], start[1], start[2] + 7);
            compare(dialogPart("expiry-date").text, Qt.formatDate(picked, dialogPart("expiry-date").parent.parent.datePattern));
            verify(dialog.opened, "Enter in the calendar picks the day, it does not issue the key");
            verify(!dialog.controller.issued);

            keyClick(Qt.Key_Escape);
            tryCompare(dialog.discardQuestion, "opened", true, 5000, "Esc outside the calendar asks as before");
        }

        // The same in a dialog with nothing entered but the expiry (Esc would close it unasked).
        function test_escapeInAnUntouchedIssueDialog() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            const calendarButton = dialogPart("expiry-calendar");
            const never = dialogPart("expiry-never");
            never.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Space);
            const popup = openByKeyboard(never.parent, calendarButton);
            keyClick(Qt.Key_Escape);
            tryCompare(popup, "visible", false);
            wait(300);
            verify(dialog.visible, "the dialog stays open");
        }
    }
}
