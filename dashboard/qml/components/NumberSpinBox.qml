import QtQuick
import QtQuick.Controls

// Every editable spin box of the dashboard. Qt's SpinBox takes a typed number into `value` only
// on the release of Enter or when it loses the focus, after a form has already handled the Enter
// press (walkthrough: 50 typed into an override's limit, Enter, 10 saved). Hosts read `shown()`
// instead: the number the field shows, typed or not. A typed text that is no whole number within
// from..to is said in `error` (hosts show it and refuse to save); Enter then keeps it as typed
// rather than Qt's silent clamp, and goes no further (nothing is submitted).
SpinBox {
    id: box

    /// The field's text as it is on screen.
    readonly property string shownText: contentItem ? (contentItem as TextInput).text : ""
    /// Why the typed text cannot be taken ("" when it can).
    readonly property string error: parsed(shownText) === null ? rangeMessage : ""
    /// What `error` says, also while the text can be taken (a host keeps the line's room for it).
    readonly property string rangeMessage: qsTr("Enter a whole number from %1 to %2.").arg(shownNumber(from)).arg(shownNumber(to))

    /// The user changed the shown number (typed it, or stepped it): `shown()` has the new one.
    signal edited()
    /// Enter in the field with an acceptable number, taken into `value` first.
    signal accepted()

    /// The number the field shows: the typed one when it is a whole number within from..to, else
    /// `value`. What every save, Enter and Ctrl+Enter sends. A function, not a binding: while the
    /// text input says textEdited, bindings on its text still have the text before.
    function shown(): int {
        const number = typed();
        return number === null ? value : number;
    }
    /// The field's text as a whole number within from..to, or null: what shown() and commit() take.
    function typed(): var {
        const input = contentItem as TextInput;
        return parsed(input ? input.text : displayText);
    }

    /// @p number as the field writes it.
    function shownNumber(number: int): string {
        return textFromValue(number, locale); // qmllint disable type
    }

    /// @p text as a whole number within from..to, or null.
    function parsed(text: string): var {
        if (text.trim() === "")
            return null;
        let number = NaN;
        try {
            number = valueFromText(text.trim(), locale); // qmllint disable type
        } catch (e) {
            return null; // Number.fromLocaleString throws on what is no number
        }
        if (!Number.isInteger(number) || number < Math.min(from, to) || number > Math.max(from, to))
            return null;
        return number;
    }

    /// Takes the shown number into `value`; false (and nothing changed) when the text is not one.
    function commit(): bool {
        const number = typed();
        if (number === null)
            return false;
        if (number !== value) {
            value = number;
            valueModified();
        }
        return true;
    }

    /// Shows @p number, dropping a typed text (Discard, a load): the text follows `value` only
    /// when that changes, so an equal value is stepped off and back.
    function load(number: int): void {
        if (number === value && shownText !== displayText && from !== to)
            value = number === from ? to : from;
        value = number;
    }

    function enterPressed(event: KeyEvent): void {
        if (!commit()) {
            event.accepted = true; // the error stays in view, nothing is submitted
            return;
        }
        accepted();
        event.accepted = false; // on to the form's Enter: it sends `shown()`
    }

    editable: true
    FocusFrame { control: box } // the keyboard focus, visible
    onValueModified: edited()

    Connections {
        target: box.contentItem as TextInput
        function onTextEdited() {
            const input = box.contentItem as TextInput;
            if (box.parsed(input.text) !== null)
                box.edited();
        }
    }
    Keys.onReturnPressed: event => enterPressed(event)
    Keys.onEnterPressed: event => enterPressed(event)
    // Qt's own commit on Enter's release would clamp a refused number out of sight of its error.
    Keys.onReleased: event => {
        const input = contentItem as TextInput;
        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && input && parsed(input.text) === null)
            event.accepted = true;
    }
}
