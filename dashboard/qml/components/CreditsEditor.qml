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
    readonly property string remainingError: !unlimited && remainingField.text === ""
                                             ? qsTr("Enter how many credits remain") : ""
    readonly property string amountError: !unlimited && interval !== "" && !(amount >= 1)
                                          ? qsTr("The refill amount must be at least 1.") : ""
    readonly property string dayError: !unlimited && interval === "monthly" ? daySpin.error : ""
    /// The message for what the user still has to fill in first, or "" when the draft can be saved.
    readonly property string validationError: remainingError !== "" ? remainingError
                                              : amountError !== "" ? amountError : dayError
    readonly property bool valid: validationError === ""
    /// The user had their go at Remaining or the refill amount (typed in it, left it, or pressed
    /// Enter in it), or the host called showError(): only then are their errors shown. Unticking
    /// "Unlimited" leaves Remaining empty to be filled in, which is no mistake yet.
    property bool errorShown: false

    /// Shows the fields' errors, if any (the host's Save or Enter with an invalid draft).
    function showError(): void {
        errorShown = true;
    }

    /// The user changed something.
    signal edited()
    /// Enter in one of the fields.
    signal accepted()

    /// Gives the keyboard focus to the first field with an error (a form's Issue refused for it)
    /// and returns the error's label under it, for the host to scroll into view; null when no
    /// field has an error.
    function focusFirstError(): Item {
        errorShown = true;
        const [field, message] = remainingError !== "" ? [remainingField, remainingErrorLabel]
                               : amountError !== "" ? [amountField, amountErrorLabel]
                               : dayError !== "" ? [daySpin, dayErrorLabel] : [null, null];
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
        errorShown = false;
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

    /// A field's error, under it in the fields' column.
    component FieldError: Label {
        Layout.preferredWidth: 180
        color: Material.color(Material.Red)
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    CheckBox {
        id: unlimitedBox
        FocusFrame { control: unlimitedBox } // the keyboard focus, visible
        objectName: "credits-unlimited"
        text: qsTr("Unlimited (no credits are counted)")
        checked: editor.unlimited
        onToggled: {
            editor.unlimited = checked;
            editor.errorShown = false;
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
                editor.errorShown = true;
                editor.edited();
            }
            onActiveFocusChanged: if (!activeFocus && visible) editor.errorShown = true
            onAccepted: {
                editor.errorShown = true;
                editor.accepted();
            }
        }
        // Each field's error under it, in the fields' column.
        Item {
            visible: remainingErrorLabel.visible
        }
        FieldError {
            id: remainingErrorLabel
            objectName: "credits-error"
            visible: editor.errorShown && editor.remainingError !== ""
            text: editor.remainingError
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
                editor.errorShown = true;
                editor.edited();
            }
            onActiveFocusChanged: if (!activeFocus && visible) editor.errorShown = true
            onAccepted: {
                editor.errorShown = true;
                editor.accepted();
            }
        }
        Item {
            visible: amountErrorLabel.visible
        }
        FieldError {
            id: amountErrorLabel
            objectName: "credits-amount-error"
            visible: editor.errorShown && editor.amountError !== ""
            text: editor.amountError
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
            visible: dayErrorLabel.visible
        }
        FieldError {
            id: dayErrorLabel
            objectName: "credits-day-error"
            visible: editor.dayError !== ""
            text: editor.dayError
        }
    }

    Label {
        visible: editor.interval === "monthly" && editor.refillDay > 28
        text: qsTr("In shorter months the refill happens on the last day.")
        opacity: 0.7
        font.pixelSize: 12
    }
}
