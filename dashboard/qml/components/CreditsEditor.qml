import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Edits a key's credits: unlimited, or a remaining count with an optional daily or monthly
// refill (amount, and the day of the month for monthly refills). Holds a draft; the host reads
// the properties to save or issue, and calls load() to show saved values. An empty Remaining is
// an error (valid is false), never 0 credits: remaining is then -1, which the controllers' own
// check refuses too.
ColumnLayout {
    id: editor

    property bool unlimited: true
    property real remaining: 0
    /// "", "daily" or "monthly"
    property string interval: ""
    property real amount: 0
    property int refillDay: 1
    /// The user typed in Remaining since load(). Until then the figure is only what was loaded,
    /// which verifications may have spent down since: hosts save it only when this is true.
    property bool remainingEdited: false
    /// What is wrong with each field ("" when nothing), said under the field.
    readonly property string remainingError: !unlimited && remainingField.text === "" ? remainingMessage : ""
    readonly property string amountError: !unlimited && interval !== "" && !(amount >= 1) ? amountMessage : ""
    /// The fields' messages, also while there is nothing wrong: each one's line keeps its height.
    readonly property string remainingMessage: qsTr("Enter how many credits remain")
    readonly property string amountMessage: qsTr("The refill amount must be at least 1.")
    readonly property string dayError: !unlimited && interval === "monthly" ? daySpin.error : ""
    /// The message for what the user still has to fill in first, or "" when the draft can be saved.
    readonly property string validationError: remainingError !== "" ? remainingError
                                              : amountError !== "" ? amountError : dayError
    readonly property bool valid: validationError === ""
    /// The user had their go at Remaining (typed in it, left it, or pressed Enter in it); the
    /// same for the refill amount, each field on its own: a shared flag showed the amount's error
    /// as "Monthly" was chosen after Remaining was typed (walkthrough 20/6). Unticking "Unlimited"
    /// leaves Remaining empty to be filled in, which is no mistake yet.
    property bool remainingTouched: false
    property bool amountTouched: false
    /// The host called showError() (or focusFirstError()): every field's error shows.
    property bool errorsAsked: false

    /// Shows the fields' errors, if any (the host's Save or Enter with an invalid draft).
    function showError(): void {
        errorsAsked = true;
    }
    function forgetTouches(): void {
        remainingTouched = false;
        amountTouched = false;
        errorsAsked = false;
    }

    /// The user changed something.
    signal edited()
    /// Enter in one of the fields.
    signal accepted()

    /// Gives the keyboard focus to the first field with an error (a form's Issue refused for it)
    /// and returns the error's label under it, for the host to scroll into view; null when no
    /// field has an error.
    function focusFirstError(): Item {
        errorsAsked = true;
        const [field, message] = remainingError !== "" ? [remainingField, remainingErrorLine.message]
                               : amountError !== "" ? [amountField, amountErrorLine.message]
                               : dayError !== "" ? [daySpin, dayErrorLine.message] : [null, null];
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason);
        return message;
    }

    function load(isUnlimited: bool, left: real, every: string, refillAmount: real, day: int): void {
        unlimited = isUnlimited;
        remaining = left;
        interval = every;
        amount = refillAmount;
        refillDay = day > 0 ? day : 1;
        // User input breaks the controls' bindings, so they are set again explicitly.
        unlimitedBox.checked = isUnlimited;
        intervalBox.currentIndex = Math.max(0, intervalBox.indexOfValue(every));
        daySpin.load(refillDay);
        remainingField.text = isUnlimited ? "" : String(left);
        amountField.text = refillAmount > 0 ? String(refillAmount) : "";
        remainingEdited = false;
        forgetTouches();
    }
    /// A newer saved balance (traffic spends credits): shown unless the user typed their own,
    /// without touching the rest of the draft.
    function showRemaining(left: real): void {
        if (remainingEdited)
            return;
        remaining = left;
        remainingField.text = String(left);
    }

    spacing: 8
    Layout.fillWidth: true // the error lines take the width beside the fields too: one line

    /// A field's error, under it in the fields' column. The line is there while the field is,
    /// as tall as its message, which shows only when `shown`: an error coming or going moves
    /// nothing below it (walkthrough 20/6: the form moved up 33 px under the pointer).
    component FieldError: Item {
        id: line
        property string text
        property bool shown
        /// The message's label (a host scrolls it into view).
        readonly property Label message: messageLabel
        property alias messageName: messageLabel.objectName
        Layout.fillWidth: true
        Layout.minimumWidth: 180
        implicitHeight: messageLabel.implicitHeight
        Label {
            id: messageLabel
            width: line.width
            visible: line.shown
            text: line.text
            color: Material.color(Material.Red)
            font.pixelSize: 12
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }

    CheckBox {
        id: unlimitedBox
        FocusFrame { control: unlimitedBox } // the keyboard focus, visible
        objectName: "credits-unlimited"
        text: qsTr("Unlimited (no credits are counted)")
        checked: editor.unlimited
        onToggled: {
            editor.unlimited = checked;
            editor.forgetTouches();
            if (checked)
                editor.interval = "";
            else if (remainingField.text === "")
                editor.remaining = -1;
            editor.edited();
        }
    }

    GridLayout {
        id: grid
        // As wide as the longest label, also one not shown yet: "Refill amount" appearing moves
        // no field.
        readonly property real labelWidth: Math.max(remainingLabel.implicitWidth, refillLabel.implicitWidth,
                                                    amountLabel.implicitWidth, dayLabel.implicitWidth)
        columns: 2
        columnSpacing: 12
        Layout.fillWidth: true
        visible: !editor.unlimited

        Label {
            id: remainingLabel
            Layout.preferredWidth: grid.labelWidth
            text: qsTr("Remaining")
        }
        TextField {
            id: remainingField
            objectName: "credits-remaining"
            Layout.preferredWidth: 180
            inputMethodHints: Qt.ImhDigitsOnly
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,15}/ }
            placeholderText: qsTr("e.g. 1000")
            font.italic: text === ""
            Accessible.name: qsTr("Remaining credits")
            onTextEdited: {
                editor.remaining = text === "" ? -1 : Number(text);
                editor.remainingEdited = true;
                editor.remainingTouched = true;
                editor.edited();
            }
            onActiveFocusChanged: if (!activeFocus && visible) editor.remainingTouched = true
            onAccepted: {
                editor.remainingTouched = true;
                editor.accepted();
            }
        }
        // Each field's error under it, in the fields' column.
        Item {}
        FieldError {
            id: remainingErrorLine
            messageName: "credits-error"
            text: editor.remainingMessage
            shown: (editor.remainingTouched || editor.errorsAsked) && editor.remainingError !== ""
        }

        Label {
            id: refillLabel
            Layout.preferredWidth: grid.labelWidth
            text: qsTr("Refill")
        }
        ThemedComboBox {
            id: intervalBox
            FocusFrame { control: intervalBox } // the keyboard focus, visible
            objectName: "credits-interval"
            Layout.preferredWidth: 180
            textRole: "text"
            valueRole: "value"
            // The values of the entries below, for onModelChanged (a property, so qmllint takes it
            // as a JS array; Qt 6.4 types an array literal as QVariantList without indexOf).
            readonly property var intervals: ["", "daily", "monthly"]
            model: [
                { value: "", text: qsTr("Never") },
                { value: "daily", text: qsTr("Daily") },
                { value: "monthly", text: qsTr("Monthly") }
            ]
            currentIndex: Math.max(0, indexOfValue(editor.interval))
            Accessible.name: qsTr("Refill interval")
            // A language switch replaces the (translated) model, which resets the index.
            onModelChanged: currentIndex = Math.max(0, intervals.indexOf(editor.interval))
            onActivated: {
                editor.interval = currentValue;
                editor.edited();
            }
        }

        Label {
            id: amountLabel
            Layout.preferredWidth: grid.labelWidth
            text: qsTr("Refill amount")
            visible: editor.interval !== ""
        }
        TextField {
            id: amountField
            objectName: "credits-amount"
            visible: editor.interval !== ""
            Layout.preferredWidth: 180
            inputMethodHints: Qt.ImhDigitsOnly
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,15}/ }
            placeholderText: qsTr("e.g. 1000")
            font.italic: text === ""
            Accessible.name: qsTr("Credits added by each refill")
            onTextEdited: {
                editor.amount = text === "" ? 0 : Number(text);
                editor.amountTouched = true;
                editor.edited();
            }
            onActiveFocusChanged: if (!activeFocus && visible) editor.amountTouched = true
            onAccepted: {
                editor.amountTouched = true;
                editor.accepted();
            }
        }
        Item {
            visible: amountField.visible
        }
        FieldError {
            id: amountErrorLine
            visible: amountField.visible
            messageName: "credits-amount-error"
            text: editor.amountMessage
            shown: (editor.amountTouched || editor.errorsAsked) && editor.amountError !== ""
        }

        Label {
            id: dayLabel
            Layout.preferredWidth: grid.labelWidth
            text: qsTr("Day of the month")
            visible: editor.interval === "monthly"
        }
        NumberSpinBox {
            id: daySpin
            objectName: "credits-day"
            visible: editor.interval === "monthly"
            from: 1
            to: 31
            value: editor.refillDay
            Accessible.name: qsTr("Day of the month of the refill")
            // The day as shown, also while typed (Enter, Save and Ctrl+Enter send it).
            onEdited: {
                editor.refillDay = shown();
                editor.edited();
            }
            onAccepted: editor.accepted()
        }
        Item {
            visible: daySpin.visible
        }
        FieldError {
            id: dayErrorLine
            visible: daySpin.visible
            messageName: "credits-day-error"
            text: daySpin.rangeMessage
            shown: editor.dayError !== ""
        }
    }

    // Its line is there while the day is, as the errors' are: the note coming with a day past
    // the 28th and going with it moved what is below up and down as the day was typed.
    Item {
        visible: editor.interval === "monthly"
        Layout.fillWidth: true
        implicitHeight: shortMonths.implicitHeight
        Label {
            id: shortMonths
            width: parent.width
            visible: editor.refillDay > 28
            text: qsTr("In shorter months the refill happens on the last day.")
            wrapMode: Text.Wrap
            opacity: 0.7
            font.pixelSize: 12
        }
    }
}
