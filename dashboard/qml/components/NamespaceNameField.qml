import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A rate-limit namespace's name in a form ("New namespace", "Rename namespace"). The name stays
// as typed, and what Unkey's own dashboard refuses in one is said under it, each refused
// character named ("Not allowed in a namespace name: spaces, “!”."), as the permission slug does
// (walk 22/X28); the dialog's button waits until it is gone. A space at either end is refused as
// well, not trimmed away (walkthrough 23b, Y14: "email-sendkey 10" was made by accident). The
// server takes any characters (its wire contract does): this is the dashboard's rule only.
FormField {
    id: nameField

    /// The name exactly as typed.
    readonly property string name: input.text
    /// The text field, for the dialog's focus and its `answerField`.
    property alias input: input
    /// The text field's objectName (tests find it by it).
    property string fieldName: "namespaceField"
    /// The server's answer about this name (a taken one: FormDialog.serverError).
    property string serverError
    /// Why the name cannot be sent as it is; "" when it can (and while it is empty).
    readonly property string problem: {
        const refused = refusedIn(name);
        if (refused !== "")
            return qsTr("Not allowed in a namespace name: %1. Only a–z, A–Z, 0–9 and _ - . are.").arg(refused);
        return name.length > 512 ? qsTr("At most 512 characters.") : "";
    }

    /// The characters of @p text that a namespace name may not hold, each named once in the order
    /// typed ("spaces, “!”"); "" when there is none. Control characters by their code ("U+0009").
    function refusedIn(text: string): string {
        const refused = [];
        for (const character of text) {
            if (!/^[a-zA-Z0-9_.\-]$/.test(character) && !refused.includes(character))
                refused.push(character);
        }
        return refused.map(character => {
            if (character === " ")
                return qsTr("spaces", "not allowed in a namespace name");
            const code = character.codePointAt(0);
            if (code < 0x20 || (code >= 0x7f && code < 0xa0))
                return "U+" + code.toString(16).toUpperCase().padStart(4, "0");
            return "“" + character + "”";
        }).join(", ");
    }

    label: qsTr("Namespace")
    // The signs on one line (no-break spaces), as the permission slugs' (walk 23b, Y13).
    hint: qsTr("The name your ratelimit.limit calls use: letters, digits and %1, e.g. “email.send” or “uploads”.").arg("_\u00a0-\u00a0.")
    error: problem !== "" ? problem : serverError

    TextField {
        id: input
        objectName: nameField.fieldName
        Layout.fillWidth: true
        selectByMouse: true
        Accessible.name: qsTr("Namespace name")
    }
}
