import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Set (create or replace) a rate-limit override: identifier (wildcards allowed), limit and window
// with units. `saved(identifier, limit, durationMs)` on Save, Enter in a field or Ctrl+Enter
// (FormDialog); Esc cancels. The dialog explains what `*` matches, says what the typed pattern
// matches, and refuses patterns the server would take but that cannot be meant. openForNamespace() asks for a new namespace's name too
// (`namespaceName`, refused with the character named unless letters, digits and _ - .:
// NamespaceNameField); its first override is optional then (identifier ""). Esc or Cancel after a
// field was changed asks before discarding it (FormDialog).
FormDialog {
    id: dialog

    /// True while the dialog creates a namespace (set by openForNamespace()).
    property bool newNamespace: false
    /// The namespace the override is set in, named in the title ("" names none).
    property string inNamespace
    /// The new namespace's name as typed, when newNamespace (a surrounding space is refused, not
    /// trimmed: NamespaceNameField).
    readonly property string namespaceName: namespaceNameField.name
    readonly property string identifier: identifierField.text.trim()
    /// Why the identifier cannot be saved ("" when it can).
    readonly property string identifierError: identifierProblem(identifier)
    readonly property string namespaceError: namespaceNameField.problem
    readonly property bool canSave: (newNamespace ? namespaceName !== "" && namespaceError === "" : identifier !== "")
                                    && identifierError === "" && limitField.error === "" && amountField.error === ""

    /// The fields as the dialog opened with them (state()), for `modified`.
    property string startState
    /// The identifier the dialog was opened to edit ("" for a new override): no warning that
    /// saving replaces its override.
    property string editing
    /// The override the typed identifier has already, in words ("50 per 1 min"), set by the page
    /// in answer to lookUpExisting() for `existingFor`; "" when it has none.
    property string existingRate
    property string existingFor
    /// Saving replaces another identifier's override (walkthrough 19/3: it did so unsaid).
    readonly property bool replaces: existingRate !== "" && existingFor === identifier && identifier !== editing
    signal saved(string identifier, int limit, double durationMs)
    /// Asks the page whether @p identifier has an override already (answered in existingRate).
    signal lookUpExisting(string identifier)

    /// A new namespace, with an optional first override (starts empty: none unless one is typed).
    function openForNamespace() {
        newNamespace = true;
        editing = "";
        existingRate = "";
        namespaceNameField.input.text = "";
        setFields("", 10, 60000);
        startState = state();
        open();
    }

    function openFor(identifier, limit, durationMs) {
        newNamespace = false;
        editing = identifier;
        existingRate = "";
        setFields(identifier, limit, durationMs);
        startState = state();
        open();
    }

    /// Every field as typed (a number typed in a spin box counts before it is committed).
    function state(): string {
        return JSON.stringify([namespaceNameField.name, identifierField.text.trim(), limitField.shownText,
                               amountField.shownText, unitBox.currentIndex]);
    }

    function setFields(identifier, limit, durationMs) {
        identifierField.text = identifier;
        limitField.load(limit);
        const units = [86400000, 3600000, 60000, 1000];
        let unit = 3;
        for (let i = 0; i < units.length; ++i) {
            if (durationMs % units[i] === 0) {
                unit = i;
                break;
            }
        }
        unitBox.currentIndex = unit;
        amountField.load(Math.max(1, durationMs / units[unit]));
    }

    function identifierProblem(text: string): string {
        if (text.length > 512)
            return qsTr("At most 512 characters.");
        if (text.indexOf("**") >= 0)
            return qsTr("“**” matches the same as a single “*”: write one * for any run of characters.");
        if (/[\u0000-\u001f\u007f]/.test(text))
            return qsTr("Identifiers cannot contain tabs, line breaks or other control characters.");
        return "";
    }

    /// What @p text matches, in words, for the hint under the identifier.
    function describePattern(text: string): string {
        if (text === "")
            return "";
        if (text.indexOf("*") < 0)
            return qsTr("Exactly the identifier “%1”.").arg(text);
        if (text === "*")
            return qsTr("Every identifier of the namespace.");
        const inner = text.slice(1, -1);
        if (text.startsWith("*") && text.endsWith("*") && inner.indexOf("*") < 0)
            return qsTr("Every identifier that contains “%1”.").arg(inner);
        if (text.endsWith("*") && text.indexOf("*") === text.length - 1)
            return qsTr("Every identifier that starts with “%1”.").arg(text.slice(0, -1));
        if (text.startsWith("*") && text.lastIndexOf("*") === 0)
            return qsTr("Every identifier that ends with “%1”.").arg(text.slice(1));
        return qsTr("Every identifier of the form “%1”, each * standing for any characters.").arg(text);
    }

    title: newNamespace ? qsTr("New namespace")
                        : inNamespace !== "" ? qsTr("Set override in “%1”").arg(inNamespace) : qsTr("Set override")
    modified: startState !== "" && state() !== startState
    discardTitle: newNamespace ? qsTr("Discard this namespace's details?") : qsTr("Discard this override's details?")
    acceptText: replaces ? qsTr("Replace") : qsTr("Save")
    acceptName: "saveButton"
    canAccept: canSave
    answerField: newNamespace ? namespaceNameField.input : identifierField
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, (Overlay.overlay ? Overlay.overlay.width : 640) - 48)
    onStarted: (newNamespace ? namespaceNameField.input : identifierField).forceActiveFocus()

    // Asked once typing pauses; a namespace being created has no overrides yet.
    Timer {
        id: lookUpTimer
        interval: 250
        onTriggered: {
            if (dialog.identifier !== "" && dialog.identifier !== dialog.editing)
                dialog.lookUpExisting(dialog.identifier);
        }
    }
    onIdentifierChanged: {
        if (!newNamespace)
            lookUpTimer.restart();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        NamespaceNameField {
            id: namespaceNameField
            visible: dialog.newNamespace
            serverError: dialog.serverError
        }
        FormField {
            label: dialog.newNamespace ? qsTr("First override (optional)") : qsTr("Identifier or pattern")
            hint: dialog.newNamespace && dialog.identifier === "" ? qsTr("Leave empty for no override.")
                                                                 : dialog.describePattern(dialog.identifier)
            error: dialog.identifierError
            TextField {
                id: identifierField
                objectName: "identifierField"
                Layout.fillWidth: true
                selectByMouse: true
                font.family: "monospace"
                Accessible.name: qsTr("Identifier or pattern")
            }
        }
        Label {
            objectName: "replaceWarning"
            Layout.fillWidth: true
            visible: dialog.replaces
            text: qsTr("“%1” has an override already: %2. Saving replaces it.").arg(dialog.identifier).arg(dialog.existingRate)
            wrapMode: Text.Wrap
            font.bold: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            objectName: "wildcardHelp"
            Layout.fillWidth: true
            text: qsTr("* stands for any run of characters, also none: “admin_*” matches admin_1 and admin_, “*_test” matches user_test, “*” matches every identifier. Everything else must match exactly (case matters). An exact identifier wins over patterns; among patterns the longest wins.")
            wrapMode: Text.Wrap
            opacity: 0.75
            font.pixelSize: 12
        }
        FormField {
            label: qsTr("Limit")
            error: limitField.error
            hint: qsTr("Requests allowed per window; 0 blocks every matching identifier.")
            NumberSpinBox {
                id: limitField
                objectName: "limitField"
                from: 0
                to: 1000000
                Accessible.name: qsTr("Limit")
            }
        }
        FormField {
            label: qsTr("Window")
            error: amountField.error
            RowLayout {
                NumberSpinBox {
                    id: amountField
                    objectName: "amountField"
                    from: 1
                    to: 100000
                    value: 1
                    Accessible.name: qsTr("Window length")
                }
                ThemedComboBox {
                    id: unitBox
                    objectName: "unitBox"
                    // Written as the key page's rate limits write them (walkthrough: "min" there, "minutes" here).
                    model: [qsTr("d", "days"), qsTr("h", "hours"), qsTr("min", "minutes"), qsTr("s", "seconds")]
                    currentIndex: 2
                    Accessible.name: qsTr("Window unit")
                }
            }
        }
    }
    onAccepted: {
        const units = [86400000, 3600000, 60000, 1000];
        // What the spin boxes show, also a number typed and not yet taken into their value.
        dialog.saved(dialog.identifier, limitField.shown(), amountField.shown() * units[unitBox.currentIndex]);
    }
}
