import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ShowOnceKey with a key really issued by the in-process server: the warning that it cannot be
// shown again, the key with its copy button, and a ready curl line that carries the new key but
// the root key only as $ROOT_KEY; each copy button hands over exactly its text.
Item {
    id: root
    width: 900
    height: 700

    IssueKeyController {
        id: issue
        client: testSession.client
        apiId: testSample.apiId
        name: "shown once"
    }

    ShowOnceKey {
        id: shown
        width: root.width
        keyText: issue.newKey
        keyId: issue.newKeyId
        curlText: issue.curlCommand
    }

    // A recoverable key: the server keeps it encrypted, so the warning must not claim it is lost.
    IssueKeyController {
        id: recoverableIssue
        client: testSession.client
        apiId: testSample.apiId
        name: "shown again later"
        recoverable: true
    }

    ShowOnceKey {
        id: recoverableShown
        y: root.height // below the first block, which the click tests use
        width: root.width
        keyText: recoverableIssue.newKey
        keyId: recoverableIssue.newKeyId
        curlText: recoverableIssue.curlCommand
        recoverable: recoverableIssue.recoverable
    }

    // Walkthrough H5: at a fractional position (a centred dialog, a wrapped label above it, a
    // scaled screen), the underscores of "$ROOT_KEY" and "sk_live_…" were not drawn. Shown only
    // while test_underscoresDrawnAtAnyFractionalPosition looks at it, over the other blocks.
    Rectangle {
        id: fractional
        visible: false
        width: root.width
        height: root.height
        color: "white"

        ShowOnceKey {
            id: placed
            width: parent.width
            keyText: "sk_live_3ZbQ_x1y2z_Kp"
            keyId: "key_3ZbQ"
            rootKeyFile: "/home/user/.local/share/latchkey/root_key"
            curlText: "curl -X POST 'http://127.0.0.1:7070/v2/keys.verifyKey' -H \"Authorization: Bearer $ROOT_KEY\""
                      + " -H 'Content-Type: application/json' -d '{\"key\":\"sk_live_3ZbQ_x1y2z_Kp\"}'"
        }
    }

    SignalSpy {
        id: copied
        target: shown
        signalName: "copyRequested"
    }

    TestCase {
        name: "ShowOnceKey"
        when: windowShown

        function initTestCase() {
            verify(issue.issue(), JSON.stringify(issue.errors));
            tryVerify(() => issue.issued, H.answerTimeout, issue.serverError);
        }

        function init() {
            copied.clear();
        }

        function child(objectName) {
            const found = findChild(shown, objectName);
            verify(found, objectName);
            return found;
        }

        function test_warnsItCannotBeShownAgain() {
            const warning = H.containingText(shown, "cannot be shown again");
            verify(warning, "the warning is there");
            verify(warning.visible);
        }

        function test_recoverableKeySaysWhereItCanBeShownAgain() {
            verify(recoverableIssue.issue(), JSON.stringify(recoverableIssue.errors));
            tryVerify(() => recoverableIssue.issued, H.answerTimeout, recoverableIssue.serverError);
            verify(H.containingText(recoverableShown, "cannot be shown again") === null,
                   "a recoverable key is not said to be lost");
            const warning = H.containingText(recoverableShown, "can show it again on the key page");
            verify(warning, "the warning says where it can be shown again");
            verify(warning.visible);
        }

        function test_showsTheKeyReadOnly() {
            verify(issue.newKey.length > 20);
            const field = child("new-key-text");
            compare(field.text, issue.newKey);
            verify(field.readOnly);
            const id = child("new-key-id");
            compare(id.text, issue.newKeyId);
            verify(id.visible, "the key id is shown too");
            // Fixed width, as the key above it: "I" and "l" differ (walk 20/20).
            compare(id.font.family, child("new-key-text").font.family);
        }

        function test_copyButtonsHandOverTheirText() {
            mouseClick(child("copy-key"));
            compare(copied.count, 1);
            compare(copied.signalArguments[0][0], issue.newKey);
            mouseClick(child("copy-curl"));
            compare(copied.count, 2);
            compare(copied.signalArguments[1][0], shown.curlText);
        }

        // Walkthrough 21 W12: "Key copied" covered the end of the warning ("…cannot be shown
        // again."), in the issue dialog's width and the root key dialog's.
        function test_keyCopiedLeavesTheWarningReadable_data() {
            return [{ tag: "issue dialog", width: 712 }, { tag: "root key dialog", width: 612 }];
        }
        function test_keyCopiedLeavesTheWarningReadable(data) {
            shown.width = data.width;
            const copy = child("copy-key");
            try {
                waitForItemPolished(shown);
                mouseClick(copy);
                const tips = [findChild(shown, "key-copied-tip"), copy.ToolTip.toolTip];
                const tip = () => tips.find(candidate => candidate && candidate.opened && String(candidate.text) === "Key copied");
                tryVerify(() => tip() !== undefined, 5000, "“Key copied” is shown");
                const warning = H.containingText(shown, "cannot be shown again");
                const text = warning.mapToItem(root, 0, 0);
                const box = tip().background;
                const over = box.mapToItem(root, 0, 0);
                const apart = over.x >= text.x + warning.contentWidth || over.x + box.width <= text.x
                              || over.y >= text.y + warning.contentHeight || over.y + box.height <= text.y;
                verify(apart, "“Key copied” at " + Math.round(over.x) + "," + Math.round(over.y) + " over the warning's text ("
                       + Math.round(text.x) + "," + Math.round(text.y) + " " + Math.round(warning.contentWidth) + "×"
                       + Math.round(warning.contentHeight) + ")");
            } finally {
                for (const candidate of [findChild(shown, "key-copied-tip"), copy.ToolTip.toolTip])
                    if (candidate)
                        candidate.close();
                shown.width = root.width;
            }
        }

        // Walkthrough 22, X8: in "Key issued" the focused Copy's frame was cut off at the dialog's
        // right edge (the block is as wide as the dialog's scrolled content), and "Command copied",
        // centred on its button, stuck out of the dialog. Both stay inside the block.
        function test_copyFramesAndTipsStayInsideTheBlock_data() {
            return [{ tag: "key", button: "copy-key", tip: "key-copied-tip" },
                    { tag: "command", button: "copy-curl", tip: "command-copied-tip" }];
        }
        function test_copyFramesAndTipsStayInsideTheBlock(data) {
            shown.width = 712; // the issue dialog's
            const button = child(data.button);
            const tip = child(data.tip);
            try {
                waitForItemPolished(shown);
                keyClick(Qt.Key_Shift);
                button.forceActiveFocus(Qt.TabFocusReason);
                const frame = findChild(button, "focusFrame");
                tryVerify(() => frame.shown, 5000, "the keyboard's frame");
                const right = shown.mapToItem(root, shown.width, 0).x;
                const frameRight = frame.mapToItem(root, frame.width, 0).x;
                verify(frameRight <= right, "the frame ends at " + frameRight + ", the block at " + right);
                keyClick(Qt.Key_Space);
                tryVerify(() => tip.opened, 5000, "the tip is shown");
                const box = tip.background;
                const left = shown.mapToItem(root, 0, 0).x;
                const tipLeft = box.mapToItem(root, 0, 0).x;
                const tipRight = box.mapToItem(root, box.width, 0).x;
                verify(tipLeft >= left && tipRight <= right,
                       "the tip spans " + tipLeft + "…" + tipRight + ", the block " + left + "…" + right);
            } finally {
                tip.close();
                shown.width = root.width;
            }
        }

        // focusCopy() gives Copy the keyboard (Enter copies) and frames it for a keyboard user
        // only: after a click (on Issue, on Create) a mouse user saw the keyboard's frame.
        function test_focusCopyFramesForTheKeyboardOnly() {
            const button = child("copy-key");
            const frame = findChild(button, "focusFrame");
            verify(frame);
            mouseClick(child("new-key-text")); // a click, as on a dialog's Issue
            root.forceActiveFocus();
            shown.focusCopy();
            verify(button.activeFocus, "Copy has the keyboard");
            verify(!frame.shown, "no keyboard frame after a click");
            keyClick(Qt.Key_Shift);
            root.forceActiveFocus();
            shown.focusCopy();
            verify(button.activeFocus);
            tryVerify(() => frame.shown, 5000, "framed after a key press");
        }

        // Walkthrough 22, X10: "Key copied" stayed up after Tab had moved on to the next buttons.
        // It goes with the focus (well before its own timeout).
        function test_copiedTipGoesWhenTheFocusMovesOn_data() {
            return [{ tag: "key", button: "copy-key", tip: "key-copied-tip" },
                    { tag: "command", button: "copy-curl", tip: "command-copied-tip" }];
        }
        function test_copiedTipGoesWhenTheFocusMovesOn(data) {
            const button = child(data.button);
            const tip = child(data.tip);
            const timeout = tip.timeout;
            tip.timeout = 60000; // its own closing is not what is tested
            try {
                button.forceActiveFocus(Qt.TabFocusReason);
                keyClick(Qt.Key_Space);
                tryVerify(() => tip.opened, 5000, "the tip is shown");
                keyClick(Qt.Key_Tab);
                tryVerify(() => !button.activeFocus, 5000, "Tab moved on");
                tryVerify(() => !tip.visible, 5000, "the tip went with the focus");
            } finally {
                tip.close();
                tip.timeout = timeout;
            }
        }

        function test_curlLineVerifiesTheNewKey() {
            const curl = child("curl-text");
            verify(curl.visible);
            compare(curl.text, issue.curlCommand);
            verify(curl.text.indexOf("curl") === 0, curl.text);
            verify(curl.text.indexOf("keys.verifyKey") >= 0, curl.text);
            verify(curl.text.indexOf(issue.newKey) >= 0, "the new key is in the command");
            verify(curl.text.indexOf("$ROOT_KEY") >= 0, curl.text);
            verify(curl.text.indexOf(testSession.client.rootKey()) < 0, "never the root key itself");
        }

        // Narrow, the command wraps at its spaces: "$ROOT_KEY" (the part users replace) and the
        // new key stay whole on one line each, so they can be read and double-click selected.
        function test_curlLineWrapsBetweenWords() {
            const curl = child("curl-text");
            shown.width = 420;
            try {
                tryVerify(() => curl.lineCount > 1, 5000, "the narrow command wraps");
                for (const word of ["$ROOT_KEY", issue.newKey]) {
                    const from = curl.text.indexOf(word);
                    verify(from >= 0, word);
                    const first = curl.positionToRectangle(from);
                    const last = curl.positionToRectangle(from + word.length - 1);
                    compare(last.y, first.y, word + " is not split across lines");
                }
            } finally {
                shown.width = root.width;
            }
        }

        // Connected to the local server: the command reads its root key from the key file first
        // (what is shown is what is copied), and the hint names the file.
        function test_localServerCommandReadsTheKeyFile() {
            shown.rootKeyFile = "/home/it's me/local-server/bootstrap-root-key.txt";
            try {
                const curl = child("curl-text");
                compare(curl.text, "ROOT_KEY=\"$(cat '/home/it'\\''s me/local-server/bootstrap-root-key.txt')\"\n"
                        + issue.curlCommand);
                verify(H.containingText(shown, "local server's root key from /home/it's me/local-server/") !== null);
                copied.clear();
                mouseClick(child("copy-curl"));
                compare(copied.signalArguments[0][0], curl.text);
            } finally {
                shown.rootKeyFile = "";
            }
            compare(child("curl-text").text, issue.curlCommand);
            verify(H.containingText(shown, "set ROOT_KEY to a root key") !== null);
        }

        /// Dark pixels of @p image in the cell of every "_" of @p field (a TextField or TextArea):
        /// an underscore not drawn leaves its cell blank.
        function underscoreInk(image, field) {
            const counts = [];
            for (let i = field.text.indexOf("_"); i >= 0; i = field.text.indexOf("_", i + 1)) {
                const at = field.positionToRectangle(i);
                const next = field.positionToRectangle(i + 1);
                if (next.y !== at.y)
                    continue; // the last character of a wrapped line: no right edge to measure to
                // A TextArea's line; a TextField's single line is centred in it (its rectangle
                // says y 0): the whole field above its underline (the background).
                const multiLine = field.lineCount !== undefined;
                const top = multiLine ? at.y : 0;
                const bottom = multiLine ? at.y + at.height + 2 : field.background.y;
                const from = field.mapToItem(fractional, at.x, top);
                const to = field.mapToItem(fractional, next.x, bottom);
                let ink = 0;
                for (let y = Math.floor(from.y); y < Math.floor(to.y); ++y) {
                    for (let x = Math.ceil(from.x) + 1; x < Math.floor(to.x) - 1; ++x) {
                        if (image.red(x, y) < 160)
                            ++ink;
                    }
                }
                counts.push(ink);
            }
            return counts;
        }

        function test_underscoresDrawnAtAnyFractionalPosition_data() {
            const rows = [];
            for (let sixteenths = 0; sixteenths < 16; ++sixteenths)
                rows.push({tag: "y+" + sixteenths + "/16", offset: sixteenths / 16});
            return rows;
        }

        function test_underscoresDrawnAtAnyFractionalPosition(data) {
            fractional.visible = true;
            placed.y = 40 + data.offset;
            try {
                waitForRendering(fractional);
                const image = grabImage(fractional);
                for (const name of ["new-key-text", "curl-text"]) {
                    const field = findChild(placed, name);
                    const ink = underscoreInk(image, field);
                    verify(ink.length >= 3, name + ": its underscores were measured");
                    verify(ink.every(count => count > 0), name + ": every underscore drawn, ink per underscore " + ink);
                }
            } finally {
                fractional.visible = false;
            }
        }

        function test_noCurlLineWithoutACommand() {
            const before = shown.curlText;
            shown.curlText = "";
            verify(!child("curl-text").visible);
            verify(!child("copy-curl").visible);
            shown.curlText = before;
            verify(child("curl-text").visible);
        }
    }
}
