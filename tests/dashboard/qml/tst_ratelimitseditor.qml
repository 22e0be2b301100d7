import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// RatelimitsEditor: value() is what the controllers send ([{name, limit, duration ms, autoApply}]);
// load() picks the largest whole unit; typing edits a row in place (the field is not recreated,
// so the cursor stays); add and remove change the list; Enter asks the host to save.
Item {
    id: root
    width: 900
    height: 600

    RatelimitsEditor {
        id: editor
        width: root.width
    }

    SignalSpy {
        id: edited
        target: editor
        signalName: "edited"
    }
    SignalSpy {
        id: accepted
        target: editor
        signalName: "accepted"
    }

    TestCase {
        name: "RatelimitsEditor"
        when: windowShown

        function init() {
            editor.load([]);
            edited.clear();
            accepted.clear();
        }

        function child(objectName) {
            wait(0); // replaced rows are deleted later: never find one of those
            const found = findChild(editor, objectName);
            verify(found, objectName);
            return found;
        }

        function test_emptyListSaysSo() {
            compare(editor.count, 0);
            compare(editor.value(), []);
            const note = H.containingText(editor, "No rate limits");
            verify(note && note.visible);
        }

        function test_addButtonAddsADefaultLimit() {
            mouseClick(child("ratelimit-add"));
            compare(editor.count, 1);
            compare(edited.count, 1);
            compare(editor.value(), [{ name: "", limit: 100, duration: 60000, autoApply: true }]);
            verify(!H.containingText(editor, "No rate limits").visible);
        }

        // The new row's name field has the keyboard: what is typed next names the limit.
        function test_addedRowTakesTheTyping() {
            editor.load([{ name: "first", limit: 5, duration: 1000, autoApply: true }]);
            mouseClick(child("ratelimit-add"));
            compare(editor.count, 2);
            const name = child("ratelimit-name-1");
            tryVerify(() => name.activeFocus, 5000, "the new row's name field has the focus");
            for (const letter of "burst")
                keyClick(letter);
            compare(name.text, "burst");
            compare(editor.value()[1].name, "burst");
            compare(editor.value()[0].name, "first");
        }

        // A row spans the editor (it used about half of it), and its name field shows the whole
        // example "Name, e.g. requests" (it was elided).
        function test_rowUsesTheWidth() {
            editor.load([{ name: "", limit: 5, duration: 1000, autoApply: true }]);
            const name = child("ratelimit-name-0");
            const auto = child("ratelimit-auto-0");
            waitForRendering(editor);
            const middle = item => item.mapToItem(editor, 0, item.height / 2).y;
            verify(Math.abs(middle(name) - middle(auto)) < name.height / 2, "one line at 900 px");
            const remove = H.find(child("ratelimit-row-0"), item => item.text === "✕");
            verify(remove);
            const right = remove.mapToItem(editor, remove.width, 0).x;
            verify(right >= editor.width - 1 && right <= editor.width + 0.5, right + " of " + editor.width);
            const hint = Qt.createQmlObject("import QtQuick; TextMetrics {}", root);
            hint.font = name.font;
            hint.text = name.placeholderText;
            verify(name.width - name.leftPadding - name.rightPadding >= hint.advanceWidth,
                   name.width + " px for a " + hint.advanceWidth + " px example");
            hint.destroy();
        }

        // On a narrow card Auto-apply and × go below, and the fields stay inside the editor.
        function test_narrowRowWraps() {
            editor.load([{ name: "burst", limit: 5, duration: 1000, autoApply: true }]);
            // Resized only once the replaced rows are deleted (Qt 6.4's layout would still measure
            // them and crashed in a full run): wait() delivers the deferred deletes.
            waitForRendering(editor);
            wait(100);
            editor.width = 420;
            waitForRendering(editor);
            const name = child("ratelimit-name-0");
            const auto = child("ratelimit-auto-0");
            verify(auto.mapToItem(editor, 0, 0).y > name.mapToItem(editor, 0, 0).y, "Auto-apply on the next line");
            const unit = child("ratelimit-unit-0");
            verify(unit.mapToItem(editor, unit.width, 0).x <= editor.width + 0.5);
            verify(name.width >= 120);
            editor.width = Qt.binding(() => root.width);
        }

        // Walk 23/Y12: on a narrow card (the key page's two columns at 1024 px) each limit takes
        // three lines and the limits ran together; a line stands between two of them then. One
        // line each, they stand apart by themselves: no line.
        function test_wrappedLimitsHaveALineBetween() {
            editor.load([{ name: "burst", limit: 5, duration: 1000, autoApply: true },
                         { name: "daily", limit: 1000, duration: 86400000, autoApply: false }]);
            waitForRendering(editor);
            wait(100); // the replaced rows deleted before the resize (test_narrowRowWraps says why)
            editor.width = 420;
            waitForRendering(editor);
            try {
                verify(!child("ratelimit-divider-0").visible, "none above the first limit");
                const divider = child("ratelimit-divider-1");
                verify(divider.visible, "a line between the limits");
                const bottomOfFirst = child("ratelimit-auto-0").mapToItem(editor, 0, child("ratelimit-auto-0").height).y;
                const topOfSecond = child("ratelimit-name-1").mapToItem(editor, 0, 0).y;
                const line = divider.mapToItem(editor, 0, 0);
                verify(line.y >= bottomOfFirst && line.y + divider.height <= topOfSecond,
                       "the line at " + line.y + " between " + bottomOfFirst + " and " + topOfSecond);
                verify(divider.width >= editor.width - 1, divider.width + " of " + editor.width);
            } finally {
                editor.width = Qt.binding(() => root.width);
            }
            waitForRendering(editor);
            verify(!child("ratelimit-divider-1").visible, "one line each at 900 px: no line");
        }

        function test_loadPicksTheLargestWholeUnit_data() {
            return [
                { tag: "hours", duration: 7200000, unit: 3, amount: "2" },
                { tag: "days", duration: 86400000, unit: 4, amount: "1" },
                { tag: "minutes", duration: 90000 * 2, unit: 2, amount: "3" },
                { tag: "seconds", duration: 1000, unit: 1, amount: "1" },
                { tag: "milliseconds", duration: 1500, unit: 0, amount: "1500" }
            ];
        }
        function test_loadPicksTheLargestWholeUnit(data) {
            const saved = [{ name: "requests", limit: 10, duration: data.duration, autoApply: false }];
            editor.load(saved);
            compare(child("ratelimit-unit-0").currentIndex, data.unit);
            compare(child("ratelimit-amount-0").text, data.amount);
            compare(child("ratelimit-name-0").text, "requests");
            verify(!child("ratelimit-auto-0").checked);
            compare(editor.value(), saved, "load() then value() gives the saved list back");
            compare(edited.count, 0, "loading is not an edit");
        }

        function test_typingEditsTheRowInPlace() {
            editor.load([{ name: "a", limit: 5, duration: 1000, autoApply: true }]);
            const name = child("ratelimit-name-0");
            name.forceActiveFocus();
            name.cursorPosition = name.text.length;
            keyClick("p");
            keyClick("i");
            compare(child("ratelimit-name-0"), name, "the field was not recreated while typing");
            verify(name.activeFocus);
            const limit = child("ratelimit-limit-0");
            limit.forceActiveFocus();
            limit.selectAll();
            keyClick("2");
            keyClick("5");
            keyClick("x"); // refused: digits only
            compare(editor.value(), [{ name: "api", limit: 25, duration: 1000, autoApply: true }]);
            verify(edited.count >= 4);
            keyClick(Qt.Key_Return);
            compare(accepted.count, 1);
        }

        function test_unitAndAutoApplyChangeTheValue() {
            editor.load([{ name: "burst", limit: 3, duration: 2000, autoApply: true }]);
            const unit = child("ratelimit-unit-0");
            unit.forceActiveFocus();
            keyClick(Qt.Key_Down); // s -> min
            mouseClick(child("ratelimit-auto-0"));
            compare(editor.value(), [{ name: "burst", limit: 3, duration: 120000, autoApply: false }]);
        }

        function test_removeDropsOnlyThatRow() {
            editor.load([{ name: "first", limit: 1, duration: 1000, autoApply: true },
                         { name: "second", limit: 2, duration: 2000, autoApply: false }]);
            // Click only once the layout placed the rows (before, both lie at the same spot).
            tryVerify(() => child("ratelimit-row-1").y > child("ratelimit-row-0").y, 5000);
            const remove = H.byText(child("ratelimit-row-0"), "✕");
            verify(remove);
            mouseClick(remove);
            compare(editor.count, 1);
            compare(edited.count, 1);
            compare(JSON.stringify(editor.value()),
                    JSON.stringify([{ name: "second", limit: 2, duration: 2000, autoApply: false }]));
            compare(child("ratelimit-name-0").text, "second");
        }

        function test_namesAreTrimmed() {
            editor.load([{ name: "  spaced ", limit: 1, duration: 1000, autoApply: true }]);
            compare(editor.value()[0].name, "spaced");
        }
    }
}
