import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The expiry picker's month calendar, driven by the keyboard as a desktop date picker: it opens on
// the chosen day (today when none) with the keyboard there; arrows move by day and week, Home/End
// to the week's first and last day, PageUp/PageDown by month (with Shift by year), and the month
// shown follows; Enter or Space picks the day, Esc closes only the calendar (its popup has the
// focus, so the dialog behind it hears nothing). The chosen day is filled in the accent colour,
// today is ringed in the text colour, the keyboard's day has a FocusFrame. Day and month names and
// the first day of the week follow the popup's `locale` (German weeks start on Monday).
Popup {
    id: calendar

    /// The day marked chosen and opened on, a Date; null opens on today.
    property var chosen: null
    /// The day the keyboard is on; the grid shows its month.
    property var cursor: new Date()
    /// A day's width and height in the grid.
    readonly property int cellSize: 36
    /// Opened or driven by the keyboard: the keyboard's day shows its frame, and the owner gives
    /// the focus back with one.
    property bool byKeyboard: false

    /// A day was picked (by click, Enter or Space); `month` counts from 0, as in Date.
    signal picked(int year, int month, int day)

    /// Opens on the chosen day, the keyboard there (with its frame when @p keyboard).
    function openOn(keyboard: bool): void {
        const start = chosen instanceof Date ? chosen : new Date();
        cursor = new Date(start.getFullYear(), start.getMonth(), start.getDate());
        byKeyboard = keyboard;
        open();
        focusCursor(true);
    }

    /// Gives the keyboard to the cursor's day (the grid shows its month by then) when @p take or
    /// when a day has it; else makes it the day Tab comes back to (the grid is a focus scope that
    /// would give the keyboard back to the day it last had).
    function focusCursor(take: bool): void {
        const cells = grid.contentItem.children;
        for (let i = 0; i < cells.length; ++i) {
            const cell = cells[i] as CalendarDay;
            if (!cell || !cell.isCursor)
                continue;
            if (take || grid.activeFocus) {
                const reason = byKeyboard ? Qt.TabFocusReason : Qt.PopupFocusReason;
                cell.forceActiveFocus(reason);
                // Opened again, the popup gave the keyboard back to this day before (focus
                // reason "popup"): forceActiveFocus changes nothing then, and the frame depends on it.
                cell.focusReason = reason;
            } else
                cell.focus = true;
            return;
        }
    }

    /// Puts the keyboard on @p day; @p keyboard: a key asked for it (the day then shows its frame).
    function moveTo(day: var, keyboard: bool): void {
        byKeyboard = byKeyboard || keyboard;
        cursor = day;
        focusCursor(false);
    }

    /// The same day @p months later (or earlier), at most the last day of that month.
    function monthsLater(months: int): var {
        const first = new Date(cursor.getFullYear(), cursor.getMonth() + months, 1);
        const length = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
        return new Date(first.getFullYear(), first.getMonth(), Math.min(cursor.getDate(), length));
    }

    /// The day a navigation key leads to, or null for other keys.
    function target(key: int, modifiers: int): var {
        const y = cursor.getFullYear(), m = cursor.getMonth(), d = cursor.getDate();
        const column = (cursor.getDay() - locale.firstDayOfWeek + 7) % 7; // qmllint disable type
        const yearStep = (modifiers & Qt.ShiftModifier) ? 12 : 1;
        switch (key) {
        case Qt.Key_Left: return new Date(y, m, d - 1);
        case Qt.Key_Right: return new Date(y, m, d + 1);
        case Qt.Key_Up: return new Date(y, m, d - 7);
        case Qt.Key_Down: return new Date(y, m, d + 7);
        case Qt.Key_Home: return new Date(y, m, d - column);
        case Qt.Key_End: return new Date(y, m, d + 6 - column);
        case Qt.Key_PageUp: return monthsLater(-yearStep);
        case Qt.Key_PageDown: return monthsLater(yearStep);
        }
        return null;
    }

    function pick(year: int, month: int, day: int): void {
        picked(year, month, day);
        close();
    }

    modal: true
    focus: true
    padding: 8
    // Kept inside the window: opened near its bottom edge, it is pushed up rather than cut off.
    margins: 8

    ColumnLayout {
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            FocusToolButton {
                id: previousMonth
                objectName: "calendar-previous"
                font.pixelSize: 20
                text: "‹"
                Accessible.name: qsTr("Previous month")
                onClicked: calendar.moveTo(calendar.monthsLater(-1), previousMonth.visualFocus)
            }
            Label {
                objectName: "calendar-title"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: grid.title
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            FocusToolButton {
                id: nextMonth
                objectName: "calendar-next"
                font.pixelSize: 20
                text: "›"
                Accessible.name: qsTr("Next month")
                onClicked: calendar.moveTo(calendar.monthsLater(1), nextMonth.visualFocus)
            }
        }
        DayOfWeekRow {
            id: weekDays
            objectName: "calendar-weekdays"
            locale: calendar.locale // qmllint disable type
            spacing: grid.spacing
            Layout.fillWidth: true
            delegate: Label {
                required property string shortName
                required property string longName
                width: calendar.cellSize // qmllint disable unqualified
                horizontalAlignment: Text.AlignHCenter
                text: shortName
                opacity: 0.7
                Accessible.name: longName
            }
        }
        MonthGrid {
            id: grid
            objectName: "calendar-grid"
            month: calendar.cursor.getMonth()
            year: calendar.cursor.getFullYear()
            locale: calendar.locale // qmllint disable type
            spacing: 2
            Layout.fillWidth: true
            Accessible.role: Accessible.Table
            Accessible.name: title

            // A delegate is a Component, where qmllint does not see the ids outside it (pragma
            // ComponentBehavior: Bound is 6.5+), hence the per-line disables.
            delegate: CalendarDay {
                id: cell
                size: calendar.cellSize // qmllint disable unqualified
                locale: calendar.locale // qmllint disable unqualified type
                shownMonth: grid.month // qmllint disable unqualified
                cursor: calendar.cursor // qmllint disable unqualified
                chosen: calendar.chosen // qmllint disable unqualified
                onClicked: calendar.pick(cell.year, cell.month, cell.day) // qmllint disable unqualified
            }

            // The keys reach the grid from the focused day (Space presses the day itself).
            Keys.onPressed: event => {
                const day = calendar.target(event.key, event.modifiers);
                if (day) {
                    calendar.moveTo(day, true);
                    event.accepted = true;
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    calendar.pick(calendar.cursor.getFullYear(), calendar.cursor.getMonth(), calendar.cursor.getDate());
                    event.accepted = true;
                }
            }
        }
    }
}
