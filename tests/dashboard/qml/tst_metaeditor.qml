import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// MetaEditor: a JSON object or nothing is fine; anything else shows why under the field, as the
// user types; only the user's typing counts as an edit.
Item {
    id: root
    width: 800
    height: 600

    MetaEditor {
        id: editor
        width: root.width
    }

    SignalSpy {
        id: edited
        target: editor
        signalName: "edited"
    }

    TestCase {
        name: "MetaEditor"
        when: windowShown

        function init() {
            root.forceActiveFocus(); // not the text: setting it there would count as typing
            editor.text = "";
            edited.clear();
        }

        /// The red line under the field, found by the text it shows.
        function problemLabel() {
            return H.find(editor, item => item !== editor && item.text !== undefined
                          && item.text === editor.problem && item.wrapMode === Text.Wrap);
        }

        function test_validation_data() {
            return [
                { tag: "empty", text: "", ok: true },
                { tag: "blank", text: "  \n ", ok: true },
                { tag: "object", text: "{\"plan\": \"pro\", \"seats\": 3}", ok: true },
                { tag: "nested", text: "{\"a\": {\"b\": [1, 2]}}", ok: true },
                { tag: "array", text: "[1, 2]", ok: false, says: "JSON object" },
                { tag: "string", text: "\"pro\"", ok: false, says: "JSON object" },
                { tag: "number", text: "42", ok: false, says: "JSON object" },
                { tag: "null", text: "null", ok: false, says: "JSON object" },
                { tag: "unclosed", text: "{\"plan\": ", ok: false, says: "Not valid JSON" },
                { tag: "single quotes", text: "{'plan': 'pro'}", ok: false, says: "Not valid JSON" },
                { tag: "101 properties", text: "{" + Array.from({ length: 101 }, (_, i) => "\"k" + i + "\": " + i).join(",") + "}",
                  ok: false, says: "at most 100" }
            ];
        }
        function test_validation(data) {
            editor.text = data.text;
            if (data.ok) {
                compare(editor.problem, "");
                return;
            }
            verify(editor.problem.indexOf(data.says) >= 0, editor.problem);
            const label = problemLabel();
            verify(label, "the problem is shown");
            verify(label.visible);
            compare(label.Accessible.role, Accessible.AlertMessage, "and announced by a screen reader");
            compare(label.Accessible.name, editor.problem);
        }

        // A syntax error says where: line and column as the user counts them (from 1; characters,
        // not bytes, also after a non-ASCII one).
        function test_syntaxErrorSaysLineAndColumn_data() {
            return [
                { tag: "first line", text: "{\"plan\" \"pro\"}", line: 1, column: 9 },
                { tag: "third line", text: "{\n  \"plan\": \"pro\",\n  \"seats\" 3\n}", line: 3, column: 11 },
                { tag: "after umlaut", text: "{\"größe\": 1,\n \"ü\" 2}", line: 2, column: 6 }
            ];
        }
        function test_syntaxErrorSaysLineAndColumn(data) {
            editor.text = data.text;
            const expected = "line " + data.line + ", column " + data.column;
            verify(editor.problem.indexOf(expected) >= 0, editor.problem + " (wanted " + expected + ")");
            verify(problemLabel().visible);
        }

        function test_problemDisappearsOnceFixed() {
            verify(editor.valid);
            editor.text = "{";
            verify(editor.problem !== "");
            verify(!editor.valid, "hosts disable Save on it");
            const label = problemLabel();
            verify(label && label.visible);
            editor.text = "{}";
            compare(editor.problem, "");
            verify(!label.visible);
        }

        // Walkthrough 23b, Y6: Enter started every new line at its start. It keeps the line's
        // indentation, two spaces more after `{` or `[`; the cursor goes on after it.
        function test_enterKeepsTheIndentation_data() {
            return [
                { tag: "empty", text: "", added: "\n" },
                { tag: "after {", text: "{", added: "\n  " },
                { tag: "after [ and spaces", text: "{\n  \"a\": [  ", added: "\n    " },
                { tag: "a member", text: "{\n  \"a\": 1,", added: "\n  " },
                { tag: "deeper", text: "{\n  \"a\": {\n    \"b\": 2", added: "\n    " },
                { tag: "keypad Enter", text: "{", added: "\n  ", key: Qt.Key_Enter, modifiers: Qt.KeypadModifier },
                { tag: "Shift+Enter", text: "  1", added: "\n  ", modifiers: Qt.ShiftModifier }
            ];
        }
        function test_enterKeepsTheIndentation(data) {
            const area = findChild(editor, "meta-text");
            area.text = data.text;
            area.forceActiveFocus();
            area.cursorPosition = area.text.length;
            keyClick(data.key !== undefined ? data.key : Qt.Key_Return,
                     data.modifiers !== undefined ? data.modifiers : Qt.NoModifier);
            compare(area.text, data.text + data.added);
            compare(area.cursorPosition, area.text.length);
            verify(edited.count > 0, "typed: an edit");
        }
        // Typed as a user types it: the closing brace typed on the indented line stays as typed.
        function test_enterWhileTyping() {
            const area = findChild(editor, "meta-text");
            area.forceActiveFocus();
            for (const c of "{")
                keyClick(c);
            keyClick(Qt.Key_Return);
            for (const c of "\"a\": [")
                keyClick(c);
            keyClick(Qt.Key_Return);
            keyClick("1");
            compare(area.text, "{\n  \"a\": [\n    1");
            // A selection is replaced by the line break.
            area.select(area.text.length - 1, area.text.length);
            keyClick(Qt.Key_Return);
            compare(area.text, "{\n  \"a\": [\n    \n    ");
        }

        function test_typingIsAnEditSettingIsNot() {
            editor.text = "{}";
            compare(edited.count, 0);
            const area = findChild(editor, "meta-text");
            verify(area);
            area.forceActiveFocus();
            area.cursorPosition = 1;
            keyClick("\"");
            verify(edited.count > 0);
            compare(area.text, "{\"}");
            verify(editor.problem.indexOf("Not valid JSON") === 0, editor.problem);
        }
    }
}
