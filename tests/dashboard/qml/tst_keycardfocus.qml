import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Walkthrough H11: after a card of the key page was saved with Enter (the rate-limit card: a
// limit, Enter) the keyboard focus was gone and the next keys typed went nowhere: a card's
// controls are disabled while it saves, and the reload after it replaced the rate limits' rows.
// Every card that saves by Enter keeps the focus on the control Enter was pressed in (or on the
// one that replaced it), after the save and after the quiet reload that follows it.
Item {
    id: root
    width: 1280
    height: 900

    Component {
        id: pageComponent
        KeyDetailPage {}
    }

    StackView {
        id: stack
        anchors.fill: parent
    }

    SignalSpy {
        id: saved
        signalName: "saved"
    }

    TestCase {
        name: "KeyCardFocus"
        when: windowShown

        /// A key with a name, an owner, an expiry, credits and a rate limit, its page open.
        function openKey() {
            let answer = null;
            testSession.client.call("keys.createKey", {
                apiId: testSample.apiId, name: "focus after save", externalId: "focus-owner",
                expires: Date.now() + 30 * 86400000, credits: { remaining: 100 },
                ratelimits: [{ name: "requests", limit: 10, duration: 60000 }]
            }, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: answer.data.keyId,
                                                     apiId: testSample.apiId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            return page;
        }

        function test_focusStaysAfterEnter_data() {
            return [
                { tag: "name", card: "section-name", field: "section-name-field", typed: "kept focus" },
                { tag: "owner", card: "section-owner", field: "section-owner-field", typed: "kept-focus-owner" },
                { tag: "status", card: "section-enabled", field: "key-enabled", typed: "" },
                { tag: "expiry", card: "section-expiry", field: "expiry-time", typed: "2358" },
                { tag: "credits", card: "section-credits", field: "credits-remaining", typed: "77" },
                { tag: "add credits", card: "section-credits", field: "credits-delta", typed: "5" },
                { tag: "rate limits", card: "section-ratelimits", field: "ratelimit-limit-0", typed: "20" },
                { tag: "permissions", card: "section-permissions", field: "permission-picker-field", typed: "focus.kept" }
            ];
        }

        function test_focusStaysAfterEnter(data) {
            if (data.tag === "permissions") { // Enter grants only one that exists (walkthrough 20/1)
                let made = false;
                testSession.client.call("permissions.createPermission", { name: "focus.kept", slug: "focus.kept" },
                                        () => made = true);
                tryVerify(() => made, H.answerTimeout);
            }
            const page = openKey();
            saved.target = page.controller;
            saved.clear();
            const card = findChild(page, data.card);
            const field = findChild(page, data.field);
            verify(card && field, data.field);
            field.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => field.activeFocus, 5000);
            if (data.typed !== "") {
                field.selectAll();
                for (const c of data.typed)
                    keyClick(c);
            }
            keyClick(Qt.Key_Return);
            tryVerify(() => saved.count > 0, H.answerTimeout, "the card saved");
            // The save's answer, the quiet reload after it, and what they brought on screen.
            tryVerify(() => !testSession.client.busy && Object.keys(page.controller.saving).length === 0,
                      H.answerTimeout);
            wait(300);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            const focused = root.Window.activeFocusItem;
            verify(focused !== null && focused.objectName === data.field && H.find(card, item => item === focused) !== null,
                   "after Enter the focus is on " + (focused ? focused + " " + focused.objectName : "nothing"));
            if (focused.inputMask === "") { // and the next key typed goes there
                const before = focused.text;
                focused.cursorPosition = before.length;
                keyClick("7");
                compare(focused.text, before + "7");
                keyClick(Qt.Key_Backspace);
            }
        }

        /// Whether @p item lies wholly inside the page's visible part.
        function inSight(page, item) {
            const flickable = page.focusScroller.flickable;
            const r = item.mapToItem(flickable, 0, 0, item.width, item.height);
            return item.visible && r.y >= 0 && r.y + r.height <= flickable.height;
        }

        /// Scrolls the page as the wheel does, @p card at the top of the view.
        function scrollTo(page, card) {
            const flickable = page.focusScroller.flickable;
            const y = card.mapToItem(flickable.contentItem, 0, 0).y - 16;
            flickable.contentY = Math.max(0, Math.min(flickable.contentHeight - flickable.height, y));
        }

        // Walkthrough (issue 4): Tab to a card's Save (or Discard), Enter: the button greys once the
        // draft is saved or dropped, and the focus fell to the window (the next Tab went to the
        // sidebar). Walkthrough 18: it then went on in the Tab chain, into the next card or the usage
        // charts: the page scrolled ~600 px away from "✓ Saved" (Meta), and after the expiry's Save
        // a Space ticked the Credits card's "Unlimited" unseen. The focus stays in the page and in
        // the card, on the field last edited; nothing scrolls; "✓ Saved" is in sight. By keyboard
        // (Enter on the button) and by mouse (a click on it).
        function test_focusStaysInTheCardAfterSaveOrDiscard_data() {
            const cards = [
                { tag: "name", card: "section-name", field: "section-name-field", typed: "saved by button" },
                { tag: "owner", card: "section-owner", field: "section-owner-field", typed: "button-owner" },
                { tag: "expiry", card: "section-expiry", field: "expiry-time", typed: "2357" },
                { tag: "credits", card: "section-credits", field: "credits-remaining", typed: "750" },
                { tag: "rate limits", card: "section-ratelimits", field: "ratelimit-limit-0", typed: "30" },
                { tag: "meta", card: "section-meta", field: "meta-text", text: '{"plan": "pro"}' }
            ];
            const rows = [];
            for (const card of cards) {
                for (const button of ["save", "discard"]) {
                    for (const by of ["enter", "click"])
                        rows.push(Object.assign({}, card, { tag: card.tag + " " + button + " " + by, button: button, by: by }));
                }
            }
            return rows;
        }

        function test_focusStaysInTheCardAfterSaveOrDiscard(data) {
            const page = openKey();
            saved.target = page.controller;
            saved.clear();
            const flickable = page.focusScroller.flickable;
            const card = findChild(page, data.card);
            const field = findChild(page, data.field);
            verify(card && field, data.field);
            field.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => field.activeFocus, 5000);
            if (data.text !== undefined) {
                field.text = data.text;
            } else {
                field.selectAll();
                for (const c of data.typed)
                    keyClick(c);
            }
            const button = findChild(card, data.card + "-" + data.button + "-button");
            tryVerify(() => button.enabled, 5000, "the card has a draft");
            button.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => inSight(page, button) && inSight(page, field), 5000, "the field and the button are in sight");
            wait(50); // FocusScroller follows a focused item for a frame or two
            const scrolled = flickable.contentY;
            if (data.by === "enter")
                keyClick(Qt.Key_Return);
            else
                mouseClick(button);
            if (data.button === "save")
                tryVerify(() => saved.count > 0, H.answerTimeout, "the card saved");
            tryVerify(() => !testSession.client.busy && Object.keys(page.controller.saving).length === 0,
                      H.answerTimeout);
            verify(!button.enabled, "nothing left to save or discard");
            const focused = () => root.Window.activeFocusItem;
            const named = item => item ? item + " " + item.objectName : "nothing";
            tryVerify(() => focused() !== null && focused().objectName === data.field
                      && H.find(card, item => item === focused()) !== null, 5000,
                      "the focus is on " + named(focused()) + ", not on the card's " + data.field);
            wait(100); // what the focus change would scroll, a frame or two later
            compare(flickable.contentY, scrolled, "the page did not scroll");
            if (data.button === "save") {
                const savedLabel = findChild(card, data.card + "-saved");
                verify(savedLabel.visible && inSight(page, savedLabel), "\u2713 Saved is in sight");
            }
        }

        // Walkthrough 19 (the owner page; the key page's card is the same): a limit added as the last
        // row moved up after Save (the server lists limits by name), the focus stayed in the row it
        // had left, and the next keys typed changed the other limit. The rows keep their order.
        function test_focusStaysOnTheSavedLimit() {
            const page = openKey(); // "requests"
            saved.target = page.controller;
            saved.clear();
            const add = findChild(page, "ratelimit-add");
            add.forceActiveFocus(Qt.TabFocusReason); // by keyboard: the card may lie below the fold
            keyClick(Qt.Key_Space);
            let name = null;
            tryVerify(() => (name = findChild(page, "ratelimit-name-1")) !== null && name.activeFocus, 5000,
                      "the new row's name has the keyboard");
            for (const c of "burst") // before "requests" by name
                keyClick(c);
            const limit = findChild(page, "ratelimit-limit-1");
            limit.forceActiveFocus(Qt.TabFocusReason);
            limit.selectAll();
            keyClick("5");
            keyClick(Qt.Key_Return);
            tryVerify(() => saved.count > 0, H.answerTimeout, "the card saved");
            tryVerify(() => !testSession.client.busy && Object.keys(page.controller.saving).length === 0,
                      H.answerTimeout);
            compare(page.controller.ratelimits.map(limit => limit.name).join(", "), "burst, requests");
            const focused = () => root.Window.activeFocusItem;
            tryVerify(() => focused() && focused().objectName.startsWith("ratelimit-limit-")
                      && findChild(page, "ratelimit-name-" + focused().objectName.split("-")[2]).text === "burst",
                      5000, "the focus is on " + (focused() ? focused().objectName : "nothing") + ", not on burst's limit");
            focused().cursorPosition = focused().text.length;
            keyClick("0");
            compare(findChild(page, "ratelimit-name-1").text, "burst", "the rows kept their order");
            compare(findChild(page, "ratelimit-limit-1").text, "50", "typed into burst's limit");
            compare(findChild(page, "ratelimit-limit-0").text, "10", "requests is untouched");
            keyClick(Qt.Key_Escape); // the draft goes
        }

        // Walkthrough 21: a card's controls are greyed while it saves, and the focus it gives back
        // afterwards showed its frame by whether Save had been pressed, not by how: after Space on
        // the Enabled switch no frame showed where the keyboard still was; after a click on Save the
        // keyboard's frame showed on "Unlimited", which a Space would then tick unseen. The frame
        // follows the last press: a key shows it, a click does not. Right after a save, the
        // greyed Save says nothing: "Nothing changed yet" beside "✓ Saved" read as a failed save.
        function test_focusFrameAfterASaveFollowsTheLastPress_data() {
            return [
                { tag: "switch by Space", card: "section-enabled", control: "key-enabled", by: "key" },
                { tag: "switch by click", card: "section-enabled", control: "key-enabled", by: "click" },
                { tag: "credits Save by Space", card: "section-credits", control: "credits-unlimited",
                  save: "section-credits-save-button", by: "key" },
                { tag: "credits Save by click", card: "section-credits", control: "credits-unlimited",
                  save: "section-credits-save-button", by: "click" }
            ];
        }

        function test_focusFrameAfterASaveFollowsTheLastPress(data) {
            const page = openKey();
            saved.target = page.controller;
            saved.clear();
            const card = findChild(page, data.card);
            const control = findChild(page, data.control);
            verify(card && control, data.control);
            scrollTo(page, card);
            const pressed = data.save ? findChild(card, data.save) : control;
            if (data.save) { // a draft first: "Unlimited" ticked
                mouseClick(control);
                tryVerify(() => pressed.enabled, 5000, "the card has a draft");
            }
            tryVerify(() => inSight(page, pressed), 5000, "what is pressed is in sight");
            if (data.by === "key") {
                pressed.forceActiveFocus(Qt.TabFocusReason);
                tryVerify(() => pressed.activeFocus, 5000);
                keyClick(Qt.Key_Space);
            } else {
                mouseClick(pressed);
            }
            tryVerify(() => saved.count > 0, H.answerTimeout, "the card saved");
            tryVerify(() => !testSession.client.busy && Object.keys(page.controller.saving).length === 0,
                      H.answerTimeout);
            tryVerify(() => control.activeFocus, 5000, "the focus is back on " + data.control + ", not on "
                      + root.Window.activeFocusItem);
            const frame = findChild(control, "focusFrame");
            verify(frame, "the control's focus frame");
            if (data.by === "key")
                tryVerify(() => frame.shown, 5000, "the frame shows where the keyboard is");
            else
                verify(!frame.shown, "no keyboard frame after a click");
            const savedLabel = findChild(card, data.card + "-saved");
            verify(savedLabel.visible, "\u2713 Saved");
            const saveGate = findChild(card, data.card + "-save");
            if (saveGate && saveGate.visible) // the Status card has no Save
                compare(saveGate.tip, "", "the greyed Save's tooltip beside \u2713 Saved");
        }

        // Walkthrough 22, X2: after a keyboard save (Up, Enter) the refill's day of the month had
        // the focus back, but without its frame (only a text cursor): a spin box's field has no
        // focus reason of its own, and the spin box kept the one it had lost the focus with.
        function test_dayOfTheMonthKeepsItsFrameAfterAKeyboardSave() {
            let answer = null;
            testSession.client.call("keys.createKey", {
                apiId: testSample.apiId, name: "day frame",
                credits: { remaining: 100, refill: { interval: "monthly", amount: 100, refillDay: 10 } }
            }, result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: answer.data.keyId,
                                                     apiId: testSample.apiId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded, H.answerTimeout);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            saved.target = page.controller;
            saved.clear();
            const card = findChild(page, "section-credits");
            const day = findChild(page, "credits-day");
            verify(card && day);
            scrollTo(page, card);
            tryVerify(() => inSight(page, day), 5000, "the day is in sight");
            day.forceActiveFocus(Qt.TabFocusReason);
            const frame = findChild(day, "focusFrame");
            verify(frame);
            keyClick(Qt.Key_Up);
            tryVerify(() => frame.shown && day.shownText === "11", 5000, "Tab's frame, the day stepped to 11");
            keyClick(Qt.Key_Return);
            tryVerify(() => saved.count > 0, H.answerTimeout, "the card saved");
            tryVerify(() => !testSession.client.busy && Object.keys(page.controller.saving).length === 0,
                      H.answerTimeout);
            tryVerify(() => day.activeFocus, 5000, "the focus is back on the day, not on " + root.Window.activeFocusItem);
            tryVerify(() => frame.shown, 5000, "the day shows the keyboard's frame after the save");
            compare(page.controller.refillDay, 11);
        }

        // Walkthrough 18: Show key greyed while its request ran, and the focus went on to the
        // grace period's combo box. It comes back to the button (now "Hide key").
        function test_focusStaysOnShowKey() {
            let answer = null;
            testSession.client.call("keys.createKey", { apiId: testSample.apiId, name: "show key focus", recoverable: true },
                                    result => answer = result);
            tryVerify(() => answer !== null, H.answerTimeout);
            verify(answer.ok, answer.errorDetail);
            stack.clear();
            const page = stack.push(pageComponent, { session: testSession, keyId: answer.data.keyId,
                                                     apiId: testSample.apiId }, StackView.Immediate);
            tryVerify(() => page.controller.loaded && page.controller.recoverable === 1, H.answerTimeout);
            const reveal = findChild(page, "key-reveal-button");
            tryVerify(() => reveal.enabled, H.answerTimeout);
            reveal.forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            tryVerify(() => page.controller.plaintext !== "", H.answerTimeout);
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            tryVerify(() => root.Window.activeFocusItem === reveal, 5000,
                      "the focus is on " + root.Window.activeFocusItem + " "
                      + (root.Window.activeFocusItem ? root.Window.activeFocusItem.objectName : ""));
        }

        // Walkthrough 18: the focused field out of sight (the wheel scrolled the page) shows as
        // soon as a key types into it.
        function test_typingShowsTheFocusedField() {
            const page = openKey();
            const field = findChild(page, "section-name-field");
            field.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => field.activeFocus && inSight(page, field), 5000);
            scrollTo(page, findChild(page, "section-meta"));
            tryVerify(() => !inSight(page, field), 5000, "the Name field is out of sight");
            keyClick("x");
            tryVerify(() => inSight(page, field), 5000, "the field typed into is in sight");
            keyClick(Qt.Key_Escape); // the draft goes
        }

        // J3: Ctrl+Down and Ctrl+Up scroll the card they move to into view whole, its title too
        // (a card taller than the view: its top at the view's top), not only its first control.
        function test_cardJumpsShowTheWholeCard() {
            stack.anchors.bottomMargin = root.height - 480; // a short page: the cards do not all fit
            const page = openKey();
            const flickable = page.focusScroller.flickable;
            tryVerify(() => flickable.contentHeight > flickable.height + 300, 5000, "the cards fit the view");
            const cardOf = item => {
                for (let node = item; node && node.parent; node = node.parent) {
                    if (node.parent.parent === flickable.contentItem)
                        return node;
                }
                return null;
            };
            const place = card => card.mapToItem(flickable, 0, 0, card.width, card.height);
            const shows = card => {
                const r = place(card);
                return card.height <= flickable.height ? r.y >= 0 && r.y + r.height <= flickable.height
                                                       : r.y >= 0 && r.y <= 16;
            };
            const walk = (sequence, name) => {
                let cards = 0;
                for (let i = 0; i < 20; ++i) {
                    const from = cardOf(root.Window.activeFocusItem);
                    keySequence(sequence);
                    const card = cardOf(root.Window.activeFocusItem);
                    if (card === from)
                        return cards;
                    verify(card, name + " left the cards");
                    ++cards;
                    tryVerify(() => shows(card), 2000, name + ": card " + card.objectName + " at " + place(card).y + " to "
                              + (place(card).y + card.height) + " in a view " + flickable.height + " high");
                }
                return cards;
            };
            // From the top card down to the last, then back up to the first.
            verify(walk("Ctrl+Up", "Ctrl+Up") >= 0);
            flickable.contentY = 0;
            const down = walk("Ctrl+Down", "Ctrl+Down");
            verify(down >= 4, "Ctrl+Down visited " + down + " cards");
            const up = walk("Ctrl+Up", "Ctrl+Up");
            compare(up, down, "Ctrl+Up visits the cards Ctrl+Down did");
        }

        // Walkthrough 23b, Y6: Ctrl+S in a card saves that card, as its Save button does (the meta
        // card, where Enter is a new line, had only the button); the other cards' drafts stay.
        function test_ctrlSSavesTheFocusedCard_data() {
            return [
                { tag: "meta", card: "section-meta", field: "meta-text", text: '{\n  "plan": "ctrl-s"\n}',
                  savedField: "meta", property: "metaText", holds: "ctrl-s" },
                { tag: "name", card: "section-name", field: "section-name-field", text: "saved by ctrl-s",
                  savedField: "name", property: "name", holds: "saved by ctrl-s" }
            ];
        }
        function test_ctrlSSavesTheFocusedCard(data) {
            const page = openKey();
            saved.target = page.controller;
            saved.clear();
            const field = findChild(page, data.field);
            verify(field, data.field);
            field.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => field.activeFocus, 5000);
            field.text = data.text;
            const save = findChild(page, data.card + "-save-button");
            tryVerify(() => save.enabled, 5000, "the card has a draft");
            verify(field.activeFocus, "the focus is still in the field");
            keySequence("Ctrl+S");
            tryVerify(() => saved.count > 0, H.answerTimeout, "Ctrl+S saved the card");
            compare(saved.signalArguments[0][0], data.savedField);
            tryVerify(() => page.controller[data.property].indexOf(data.holds) >= 0, H.answerTimeout,
                      "the server has it: " + page.controller[data.property]);
            tryVerify(() => !save.enabled, H.answerTimeout, "nothing left to save");
        }

        function cleanup() {
            stack.anchors.bottomMargin = 0;
        }
    }
}
