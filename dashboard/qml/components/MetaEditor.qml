import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// Edits a key's meta as JSON text, checking it as the user types (a JSON object, or empty for no
// meta). The controllers check it again before anything is sent. Enter keeps the line's
// indentation, two spaces more after a line that opens an object or a list (`{`, `[`).
ColumnLayout {
    id: editor

    property alias text: area.text
    /// "" when the text is an object or empty; else why not (a syntax error with its line and
    /// column). The controllers' own check, so what this accepts they send.
    readonly property string problem: checker.problem(area.text)

    MetaText {
        id: checker
    }

    /// The text can be saved; hosts disable Save / Issue otherwise, so this editor's message is the
    /// only one the user sees (the controllers' own check never gets to run on it).
    readonly property bool valid: problem === ""

    /// Shows `problem` under the text; false where the host shows it (MetaSection, under Save).
    property bool showsProblem: true

    signal edited()

    /// What Enter inserts at @p position of @p text: a line break and the indentation of the line
    /// it breaks (its leading spaces), two spaces more when that line, up to @p position, ends
    /// with `{` or `[`.
    function lineBreakAt(text: string, position: int): string {
        const lineStart = text.lastIndexOf("\n", position - 1) + 1;
        const before = text.slice(lineStart, position);
        let indent = before.match(/^ */)[0];
        if (/[{[]\s*$/.test(before))
            indent += "  ";
        return "\n" + indent;
    }
    // Enter, Shift+Enter and keypad Enter: a new line, indented. Other modifiers (Ctrl+Enter) are
    // not a new line: they go on (a form's Ctrl+Enter).
    function newLine(event: KeyEvent): void {
        const modifiers = event.modifiers & ~(Qt.KeypadModifier | Qt.ShiftModifier);
        event.accepted = modifiers === Qt.NoModifier && !area.readOnly;
        if (!event.accepted)
            return;
        if (area.selectionStart !== area.selectionEnd)
            area.remove(area.selectionStart, area.selectionEnd);
        const at = area.cursorPosition;
        area.insert(at, lineBreakAt(area.text, at));
    }

    spacing: 4

    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(220, Math.max(90, area.implicitHeight))

        TextArea {
            id: area
            objectName: "meta-text"
            font.family: "monospace"
            placeholderText: qsTr("e.g. {\"plan\": \"pro\"}")
            font.italic: text === ""
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            Accessible.name: qsTr("Meta (JSON)")
            // Tab moves on as in every other field (JSON needs no tab characters); a text area
            // would keep it and trap keyboard users in the form.
            Keys.onTabPressed: area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            Keys.onReturnPressed: event => editor.newLine(event)
            Keys.onEnterPressed: event => editor.newLine(event)
            onTextChanged: if (activeFocus) editor.edited()
        }
    }

    Label {
        objectName: "meta-problem"
        Layout.fillWidth: true
        visible: editor.showsProblem && editor.problem !== ""
        text: editor.problem
        color: Material.color(Material.Red)
        wrapMode: Text.Wrap
        font.pixelSize: 12
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
