import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Picks when a key expires: never, a preset from now, or a local date (calendar, or typed in the
// language's short date: 31.12.2026 in German) and time (the language's too: 23:59 in German and
// Spanish, 11:59 PM in American English, as the summary line writes it). `expires` is unix ms,
// 0 = never.
ColumnLayout {
    id: picker

    property real expires: 0
    /// The session's Formatter, for the locale-aware summary line.
    property var format
    /// Shows the summary line under the presets ("Expires 12/4/26 9:10 PM (in 7 days)"); off where
    /// the host says it in its own words (the key page's expiry card).
    property bool summaryShown: true

    /// The typed date's pattern: the language's short date with a two-digit day and month and a
    /// four-digit year, so that one input mask fits every date ("dd.MM.yyyy" in German,
    /// "dd/MM/yyyy" in Spanish, "M/d/yy" → "MM/dd/yyyy" in English).
    readonly property string datePattern: numericDatePattern(
        (format ? format.locale : Qt.locale()).dateFormat(Locale.ShortFormat)) // qmllint disable type

    /// The language's locale (the session's Formatter's).
    readonly property var locale: format ? format.locale : Qt.locale() // qmllint disable type

    signal edited()
    signal accepted()

    /// The date field's input mask, only once a date is wanted: an empty masked field showed a
    /// bare " .  ." and never its example date (walk 20/20). Set by applyMask(), not bound: a new
    /// mask rewrites the field's text with textEdited, which was read back as typed (the mask's
    /// binding ran again: "Binding loop detected for property inputMask", and the key page's
    /// card counted a language switch as an edit).
    property string dateMask
    /// applyMask() is rewriting the date field: its textEdited is not the user's.
    property bool rewriting: false

    /// The mask for the expiry and the field's focus; @p rewrite: the date and time written anew
    /// (a language switch: the mask alone moved the old digits under the new separators, and the
    /// time kept the old language's way).
    function applyMask(rewrite: bool): void {
        const mask = expires > 0 || dateField.activeFocus ? datePattern.replace(/[dMy]/g, "9") : "";
        if (mask === dateMask && !rewrite)
            return;
        rewriting = true;
        dateMask = mask;
        if (rewrite)
            showInFields();
        rewriting = false;
    }
    onDatePatternChanged: applyMask(true)
    onExpiresChanged: applyMask(false)

    /// @p shortFormat's order of day, month and year and its separators, each field widened;
    /// ISO (yyyy-MM-dd) for a short format that is not three numbers with separators.
    function numericDatePattern(shortFormat: string): string {
        const fields = /^([dMy])\1*([^dMy]+)([dMy])\3*([^dMy]+)([dMy])\5*$/.exec(shortFormat.trim());
        if (!fields || new Set([fields[1], fields[3], fields[5]]).size !== 3)
            return "yyyy-MM-dd";
        const wide = {d: "dd", M: "MM", y: "yyyy"};
        return wide[fields[1]] + fields[2] + wide[fields[3]] + fields[4] + wide[fields[5]];
    }

    /// The date typed as @p text in datePattern, or null when it is incomplete or no such day.
    function parseDate(text: string): var {
        const order = datePattern.match(/dd|MM|yyyy/g);
        const shape = datePattern.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&")
                                 .replace(/yyyy/, "(\\d{4})").replace(/dd|MM/g, "(\\d{2})");
        const match = new RegExp("^" + shape + "$").exec(text.trim());
        if (!match)
            return null;
        const value = {};
        order.forEach((field, i) => value[field] = Number(match[i + 1]));
        const date = new Date(value.yyyy, value.MM - 1, value.dd);
        // 31.02. would roll over into March: not a day the user meant.
        return date.getMonth() === value.MM - 1 && date.getDate() === value.dd ? date : null;
    }

    /// @p when's time of day as the language writes it (its short time format: "1:45 AM" in
    /// American English, "01:45" in German): the field and the summary line write a time one way.
    function timeText(when: var): string {
        return when.toLocaleTimeString(picker.locale, Locale.ShortFormat);
    }

    /// The time typed as @p text ("23:59", "11:59 PM", "11:59 p. m.", or the digits alone: "2359";
    /// seconds, as a locale may write them, are ignored) as [hours, minutes], or null when it is no
    /// time of day. Empty is midnight.
    function parseTime(text: string): var {
        const match = /^(\d{1,2})[:.]?(\d{2})(?:[:.]\d{2})?\s*(?:([aApP])\.?\s*[mM]\.?)?$/.exec(text.trim() || "00:00");
        if (!match)
            return null;
        let hours = Number(match[1]);
        const minutes = Number(match[2]);
        if (match[3]) {
            if (hours < 1 || hours > 12)
                return null;
            hours = hours % 12 + (match[3].toLowerCase() === "p" ? 12 : 0);
        }
        return hours < 24 && minutes < 60 ? [hours, minutes] : null;
    }

    function load(unixMs: real): void {
        expires = unixMs;
        neverBox.checked = unixMs === 0;
        showInFields();
    }

    function showInFields(): void {
        if (expires <= 0)
            return;
        const when = new Date(expires);
        dateField.text = Qt.formatDate(when, datePattern);
        timeField.text = timeText(when);
    }

    function readFields(): void {
        const date = parseDate(dateField.text);
        const time = parseTime(timeField.text);
        if (!date || !time)
            return;
        date.setHours(time[0], time[1]);
        expires = date.getTime();
        edited();
    }

    function setFromNow(milliseconds: real): void {
        const minute = 60000;
        expires = Math.ceil((Date.now() + milliseconds) / minute) * minute;
        neverBox.checked = false;
        showInFields();
        edited();
    }

    spacing: 8

    CheckBox {
        id: neverBox
        FocusFrame { control: neverBox } // the keyboard focus, visible
        objectName: "expiry-never"
        // "Never", as a choice beside a date: the key page's card says "Never expires" above it
        // already (walk 21 W3: the card said it twice).
        text: qsTr("Never", "the expiry picker's choice: the key does not expire")
        Accessible.name: qsTr("Never expires")
        checked: true
        onToggled: {
            if (checked)
                picker.expires = 0;
            else
                picker.setFromNow(30 * 86400000);
            picker.edited();
        }
    }

    // Always in place, greyed under "Never expires": unticking it fills them in and moves
    // nothing below (a click aimed at a preset landed in the time field when they appeared).
    RowLayout {
        objectName: "expiry-fields"
        enabled: !neverBox.checked
        spacing: 8

        TextField {
            id: dateField
            objectName: "expiry-date"
            Layout.preferredWidth: 130
            placeholderText: Qt.formatDate(new Date(2026, 11, 31), picker.datePattern)
            inputMask: picker.dateMask
            onActiveFocusChanged: picker.applyMask(false)
            Accessible.name: qsTr("Expiry date (as %1)").arg(placeholderText)
            onTextEdited: if (!picker.rewriting) picker.readFields()
            onAccepted: picker.accepted()
        }
        // Drawn, not an emoji: without a colour emoji font the emoji was a missing-glyph box.
        FocusToolButton {
            id: calendarButton
            objectName: "expiry-calendar"
            Accessible.name: qsTr("Choose the date in a calendar")
            // No hover while the calendar is open: the modal popup kept the button hovered under
            // it, and its tooltip came back over "Never expires" after a pick.
            hoverEnabled: !calendar.visible
            ToolTip.visible: calendarTip.inWindow && hovered && !calendar.visible
            ToolTip.text: Accessible.name
            TipHover {
                id: calendarTip
            }
            // Opened by Enter or Space (the button had the keyboard), the calendar's day shows its
            // frame. A click leaves the focus reason as it was, hence the pointer on the button.
            onClicked: calendar.openOn(calendarButton.visualFocus && !calendarButton.hovered)
            contentItem: CalendarIcon {
                color: calendarButton.enabled ? calendarButton.Material.foreground : calendarButton.Material.hintTextColor
            }
        }
        TextField {
            id: timeField
            objectName: "expiry-time"
            // Room for "11:59 PM" where the language has AM and PM (no input mask: "1:45 AM").
            Layout.preferredWidth: Math.max(80, Math.ceil(latestTime.advanceWidth) + leftPadding + rightPadding + 8)
            placeholderText: picker.timeText(new Date(2026, 11, 31, 23, 59))
            TextMetrics {
                id: latestTime
                font: timeField.font
                text: timeField.placeholderText
            }
            Accessible.name: qsTr("Expiry time (hours:minutes)")
            onTextEdited: picker.readFields()
            onAccepted: picker.accepted()
        }
    }

    Flow {
        id: presetRow
        objectName: "expiry-presets"
        Layout.fillWidth: true
        spacing: 4
        // Offered under "Never" too: a preset sets the expiry at once, "Never" unticked in sight
        // (walk 21 W3: greyed until "Never" was unticked, where a user expected "In 7 days" to
        // simply set it). One Tab stop, as a toolbar: Left and Right go from preset to preset,
        // so the cards after this one stay a few Tabs away (walkthrough G24). The stop is the
        // focused preset, so that Tab goes on from it (from one out of the chain it went to the
        // window's first control: walkthrough 22, X1), and the first again once the focus left.

        /// The preset that is the row's Tab stop.
        property int tabStop: 0

        /// The preset @p index, given the keyboard focus (with its frame).
        function focusPreset(index: int): void {
            const preset = presets.itemAt((index + presets.count) % presets.count);
            if (preset)
                preset.forceActiveFocus(Qt.TabFocusReason);
        }

        Repeater {
            id: presets
            model: [
                { text: qsTr("In 1 day"), choose: () => picker.setFromNow(86400000) },
                { text: qsTr("In 7 days"), choose: () => picker.setFromNow(7 * 86400000) },
                { text: qsTr("In 30 days"), choose: () => picker.setFromNow(30 * 86400000) },
                { text: qsTr("In 1 year"), choose: () => picker.setFromNow(365 * 86400000) }
            ]
            FocusButton {
                id: presetButton
                required property var modelData
                required property int index
                text: modelData.text
                flat: true
                activeFocusOnTab: presetButton.index === presetRow.tabStop // qmllint disable unqualified
                onActiveFocusChanged: {
                    if (activeFocus)
                        presetRow.tabStop = presetButton.index; // qmllint disable unqualified
                    else if (presetRow.tabStop === presetButton.index) // qmllint disable unqualified
                        presetRow.tabStop = 0; // qmllint disable unqualified
                }
                Keys.onLeftPressed: presetRow.focusPreset(presetButton.index - 1) // qmllint disable unqualified
                Keys.onRightPressed: presetRow.focusPreset(presetButton.index + 1) // qmllint disable unqualified
                onClicked: modelData.choose()
            }
        }
    }

    // Its line is kept (empty) under "Never expires", so that it appearing moves nothing.
    Label {
        objectName: "expiry-summary"
        visible: picker.summaryShown
        text: picker.expires > 0 && picker.format
              ? qsTr("Expires %1 (%2)").arg(picker.format.dateTime(picker.expires)).arg(picker.format.relative(picker.expires, picker.format.now))
              : ""
        opacity: 0.8
    }

    ExpiryCalendar {
        id: calendar
        objectName: "expiry-calendar-popup"
        parent: calendarButton
        y: calendarButton.height
        // Qt 6.4's popup kept the theme it was made with when the theme changed above the picker.
        Material.theme: picker.Material.theme
        Material.accent: picker.Material.accent
        chosen: picker.expires > 0 ? new Date(picker.expires) : null
        locale: picker.format ? picker.format.locale : Qt.locale() // qmllint disable type
        onPicked: (year, month, day) => {
            dateField.text = Qt.formatDate(new Date(year, month, day), picker.datePattern);
            if (timeField.text.trim() === "")
                timeField.text = picker.timeText(new Date(year, month, day, 23, 59));
            picker.readFields();
        }
        // Esc or a pick: the keyboard goes back to the button (Qt would give it to the window or
        // the dialog as a whole), with its frame when the calendar was used by keyboard.
        onClosed: calendarButton.forceActiveFocus(calendar.byKeyboard ? Qt.TabFocusReason : Qt.PopupFocusReason)
    }
}
