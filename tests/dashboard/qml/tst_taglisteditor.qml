import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// TagListEditor and its two pickers: chips remove, Enter adds (never twice, never blank); the
// pickers suggest the workspace's permissions and roles from the in-process server, and a role
// that does not exist yet goes to "Create and add" (createRequested) instead of addRequested; a
// typed name that matches nothing is offered as "Create permission/role “…” for the whole
// workspace" (mouse, or Down and Enter), never created by Enter alone.
// The add button says what it does: the highlighted suggestion, else the typed name.
// Each chosen role and each role suggested says what it grants.
Item {
    id: root
    width: 800
    height: 600

    Column {
        width: root.width
        spacing: 20

        TagListEditor {
            id: tags
            objectName: "tags"
            width: parent.width
            items: ["alpha", "beta"]
            emptyText: "Nothing chosen."
        }
        PermissionPicker {
            id: permissions
            width: parent.width
            client: testSession.client
        }
        RolePicker {
            id: roles
            width: parent.width
            client: testSession.client
        }
    }

    // Pickers whose field is at the window's bottom (as on a key page scrolled to its end).
    Component {
        id: permissionAtBottom
        PermissionPicker {
            y: root.height - height - 2
            width: root.width
            client: testSession.client
            emptyText: "" // the field last, at the window's bottom
        }
    }
    Component {
        id: roleAtBottom
        RolePicker {
            y: root.height - height - 2
            width: root.width
            client: testSession.client
            emptyText: "" // the field last, at the window's bottom
        }
    }

    // A picker as the issue dialog's: a typed name that does not exist yet can be created.
    Component {
        id: issuePicker
        PermissionPicker {
            y: 300
            width: root.width
            client: testSession.client
            offerCreate: true
            createText: "CREATE “" + typedName + "”"
            takeText: "Add %1" // as IssueKeyAccessFields says it
        }
    }

    // As narrow as the key page's picker at 1280 px (its card is half the page).
    Component {
        id: narrowPicker
        PermissionPicker {
            y: 200
            width: 470
            client: testSession.client
        }
    }

    SignalSpy {
        id: added
        signalName: "addRequested"
    }
    SignalSpy {
        id: created
        signalName: "createRequested"
    }
    SignalSpy {
        id: removed
        signalName: "removeRequested"
    }

    TestCase {
        name: "TagListEditor"
        when: windowShown

        function initTestCase() {
            let answers = 0;
            testSession.client.call("permissions.createPermission",
                                    { name: "Read documents", slug: "documents.read" }, () => ++answers);
            testSession.client.call("permissions.createRole", { name: "qml-support" }, () => ++answers);
            tryVerify(() => answers === 2, H.answerTimeout);
        }

        function callApi(action, body) {
            let result = null;
            testSession.client.call(action, body, answer => result = answer);
            tryVerify(() => result !== null, H.answerTimeout, action);
            verify(result.ok, action + ": " + result.errorDetail);
            return result.data;
        }

        // Typing, suggesting and adding must not loop through a binding (the popup's visibility
        // once did, on every permission added).
        function init() {
            failOnWarning(/[Bb]inding loop/);
        }

        function watch(editor) {
            for (const spy of [added, created, removed]) {
                spy.clear();
                spy.target = editor;
            }
        }

        function field(editor) {
            const found = findChild(editor, editor.objectName + "-field");
            verify(found);
            return found;
        }

        function typeName(editor, text) {
            const input = field(editor);
            input.forceActiveFocus();
            input.selectAll();
            keyClick(Qt.Key_Delete);
            for (const c of text)
                keyClick(c);
        }

        function test_chipsRemove() {
            watch(tags);
            const chip = H.byText(tags, "beta  ✕");
            verify(chip, "one chip per item");
            const other = H.byText(tags, "alpha  ✕");
            verify(other);
            // Click only once the chips are laid out side by side.
            tryVerify(() => chip.x > other.x, 5000);
            mouseClick(chip);
            compare(removed.count, 1);
            compare(removed.signalArguments[0][0], "beta");
        }

        // A chip's ✕ clicked right as the list changed (the server's answer to an add came in)
        // removed another chip: every chip was made anew at the top left, the last one on top,
        // until the next frame laid them out (tst_roledialog, ci26: the chip clicked stayed).
        function test_aClickAsTheListChangesRemovesTheChipClicked() {
            watch(tags);
            tags.items = ["gamma", "delta"];
            mouseClick(H.byText(tags, "gamma  ✕")); // no wait: before the next frame
            compare(removed.count, 1);
            compare(removed.signalArguments[0][0], "gamma");
            tags.items = ["alpha", "beta"];
        }

        function test_emptyText() {
            const empty = H.byText(tags, "Nothing chosen.");
            verify(empty && !empty.visible);
            tags.items = [];
            verify(empty.visible);
            tags.items = ["alpha", "beta"];
        }

        function test_enterAddsOnceAndClears() {
            watch(tags);
            const add = findChild(tags, "tags-add");
            verify(!add.enabled, "nothing typed, nothing to add");
            typeName(tags, "gamma");
            verify(add.enabled);
            keyClick(Qt.Key_Return);
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "gamma");
            compare(field(tags).text, "");
            typeName(tags, "alpha");
            keyClick(Qt.Key_Return);
            compare(added.count, 1, "an item already chosen is not added again");
            typeName(tags, "   ");
            keyClick(Qt.Key_Return);
            compare(added.count, 1, "blank is not a name");
        }

        function test_permissionPickerSuggests() {
            watch(permissions);
            typeName(permissions, "documents");
            // The suggestion comes from the server (permissions.listPermissions, searched).
            let suggestion = null;
            tryVerify(() => (suggestion = H.find(permissions,
                                 item => item.text === "documents.read" && item.visible && item.width > 0)) !== null,
                      H.answerTimeout);
            mouseClick(suggestion);
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "documents.read");
            compare(created.count, 0, "permissions are never created separately");
        }

        function test_rolePickerCreatesUnknownRoles() {
            watch(roles);
            const add = findChild(roles, "role-picker-add");
            typeName(roles, "qml-support");
            tryVerify(() => roles.suggestions.count > 0 && !roles.typedIsNew, H.answerTimeout);
            compare(add.text, "ADD");
            keyClick(Qt.Key_Return);
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "qml-support");

            typeName(roles, "brand-new-role");
            tryVerify(() => !roles.suggestions.loading, H.answerTimeout);
            verify(roles.typedIsNew);
            compare(add.text, "CREATE AND ADD");
            mouseClick(add);
            compare(created.count, 1);
            compare(created.signalArguments[0][0], "brand-new-role");
            compare(added.count, 1);
        }

        // Walkthrough H7: "invoices.r" + Enter created a misspelt permission "invoices.r" because the
        // create offer came first; the existing permissions come first now and Enter takes the
        // highlighted one. Creating the typed name stays possible: Down past them, or the mouse.
        function test_enterCompletesAPrefixToTheExistingPermission() {
            watch(permissions);
            typeName(permissions, "documents.r");
            tryVerify(() => !permissions.suggestions.loading && permissions.suggestions.count > 0, H.answerTimeout);
            const offer = H.find(permissions, item => item.objectName === "permission-picker-create");
            tryVerify(() => offer.visible && offer.width > 0, 5000);
            // (The list makes its first row current once its delegates exist, after the count.)
            let suggestion = null;
            tryVerify(() => (suggestion = H.find(permissions, item => item.text === "documents.read" && item.visible)) !== null
                            && suggestion.highlighted, 5000, "the existing permission is highlighted");
            verify(suggestion.mapToItem(null, 0, 0).y < offer.mapToItem(null, 0, 0).y, "and listed before the offer");
            const input = field(permissions);
            verify(suggestion.mapToItem(null, 0, 0).y >= input.mapToItem(null, 0, input.height).y,
                   "the suggestions open below the field");
            keyClick(Qt.Key_Return);
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "documents.read");

            // Down past the suggestions reaches the offer: the typed name, as typed.
            typeName(permissions, "documents.r");
            tryVerify(() => !permissions.suggestions.loading && permissions.suggestions.count > 0, H.answerTimeout);
            tryVerify(() => offer.visible, 5000);
            for (let i = 0; i <= permissions.suggestions.count; ++i)
                keyClick(Qt.Key_Down);
            verify(offer.activeFocus, "Down reaches the create offer last");
            keyClick(Qt.Key_Return);
            compare(added.count, 2);
            compare(added.signalArguments[1][0], "documents.r");
        }

        function test_typedNameIsOfferedAsCreate() {
            watch(permissions);
            const offer = H.find(permissions, item => item.objectName === "permission-picker-create");
            verify(offer);
            typeName(permissions, "documents.read");
            tryVerify(() => !permissions.suggestions.loading && permissions.suggestions.count > 0, H.answerTimeout);
            verify(!offer.visible, "an existing permission is no new one");

            typeName(permissions, "invoices.write");
            tryVerify(() => !permissions.suggestions.loading, H.answerTimeout);
            tryVerify(() => offer.visible && offer.width > 0, 5000);
            compare(offer.text, "Create permission “invoices.write” for the whole workspace");
            mouseClick(offer);
            compare(added.count, 1, "granting creates it on the server");
            compare(added.signalArguments[0][0], "invoices.write");
            compare(field(permissions).text, "");

            // By keyboard: Down reaches the offer, Enter takes it.
            watch(roles);
            const roleOffer = H.find(roles, item => item.objectName === "role-picker-create");
            verify(roleOffer);
            typeName(roles, "keyboard-role");
            tryVerify(() => !roles.suggestions.loading, H.answerTimeout);
            tryVerify(() => roleOffer.visible, 5000);
            compare(roleOffer.text, "Create role “keyboard-role” for the whole workspace");
            keyClick(Qt.Key_Down);
            verify(roleOffer.activeFocus);
            keyClick(Qt.Key_Return);
            compare(created.count, 1);
            compare(created.signalArguments[0][0], "keyboard-role");
        }

        // Walkthrough (issue 4): "bad perm!" was offered as "Create permission «bad perm!»", and
        // Enter emptied the field for the server's 400 at the bottom of the card. The picker
        // checks the server's rule for slugs: the rule under the field, the text kept, nothing sent.
        function test_invalidSlugIsNotOffered_data() {
            return [{tag: "key page", picker: permissions}, {tag: "issue dialog", picker: null}];
        }
        function test_invalidSlugIsNotOffered(data) {
            const picker = data.picker || createTemporaryObject(issuePicker, root);
            watch(picker);
            const offer = H.find(picker, item => item.objectName === "permission-picker-create");
            const problem = findChild(picker, "permission-picker-problem");
            verify(offer && problem);
            typeName(picker, "bad");
            tryVerify(() => offer.visible, 5000, "a valid start is offered");
            verify(!problem.visible);
            for (const c of " perm!")
                keyClick(c);
            verify(H.shown(problem), "the rule under the field");
            // The signs kept on one line (no-break spaces, walk 23b, Y13).
            compare(problem.text, "Only letters, digits and _\u00a0:\u00a0-\u00a0.\u00a0* are allowed.");
            verify(!offer.visible, "not offered");
            verify(!findChild(picker, "permission-picker-add").enabled);
            keyClick(Qt.Key_Return);
            compare(field(picker).text, "bad perm!", "the text is kept to correct");
            compare(added.count + created.count, 0, "nothing sent");
            // Corrected, it is offered again.
            for (let i = 0; i < 6; ++i)
                keyClick(Qt.Key_Backspace);
            for (const c of ".perm")
                keyClick(c);
            verify(!problem.visible);
            mouseClick(findChild(picker, "permission-picker-add"));
            compare(added.count + created.count, 1);
            compare(field(picker).text, "");
        }

        // Walkthrough (issue 4): "bill" typed with billing.read highlighted, the button said "Add new",
        // as if Enter created "bill". It says what Enter does, and a click does the same.
        function test_addButtonSaysWhatEnterDoes() {
            const picker = createTemporaryObject(issuePicker, root);
            verify(picker);
            watch(picker);
            const add = findChild(picker, picker.objectName + "-add");
            verify(add);
            typeName(picker, "documents");
            tryVerify(() => add.text === "ADD documents.read", H.answerTimeout, "the button says " + add.text);
            mouseClick(add);
            compare(created.count, 0, "the highlighted permission is added, not the typed name created");
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "documents.read");

            typeName(picker, "nothing.like.this");
            tryVerify(() => !picker.suggestions.loading, H.answerTimeout);
            tryCompare(add, "text", "CREATE “nothing.like.this”", 5000);
            // Names are case-sensitive: the button shows one as typed, not in the style's capitals.
            compare(add.font.capitalization, Font.MixedCase);
            mouseClick(add);
            compare(created.count, 1);
            compare(created.signalArguments[0][0], "nothing.like.this");

            // The key page's picker grants at once: it says so.
            watch(permissions);
            typeName(permissions, "documents");
            const grant = findChild(permissions, "permission-picker-add");
            tryVerify(() => grant.text === "GRANT documents.read", H.answerTimeout, grant.text);
            // The same text says the same with the suggestions closed (it said "CREATE AND GRANT"
            // after Esc, and a click created "documents"), and Enter does what it says.
            const offer = findChild(permissions, "permission-picker-create");
            verify(offer.visible, "the suggestions are open");
            keyClick(Qt.Key_Escape);
            tryVerify(() => !offer.visible, 5000, "the suggestions closed");
            compare(grant.text, "GRANT documents.read");
            keyClick(Qt.Key_Return);
            compare(created.count, 0, "nothing created");
            compare(added.count, 1);
            compare(added.signalArguments[0][0], "documents.read");
            compare(field(permissions).text, "");
            tryCompare(grant, "text", "GRANT", 5000);
        }

        // Walk 21 W7: on the key page at 1280 px the offer to create the typed name was cut to
        // "Create permission “search” for the w…"; the whole sentence is readable.
        function test_createOfferReadsWhole() {
            const picker = createTemporaryObject(narrowPicker, root);
            watch(picker);
            typeName(picker, "search.something.long");
            const offer = findChild(picker, "permission-picker-create");
            tryVerify(() => H.shown(offer) && offer.width > 0, H.answerTimeout, "the offer to create it");
            const sentence = "Create permission “search.something.long” for the whole workspace";
            compare(offer.text, sentence);
            const label = offer.contentItem;
            waitForRendering(label);
            compare(H.shownText(label), sentence);
            // On one line it needs its implicit width; wrapped, none of its lines may be cut.
            const wraps = label.wrapMode !== undefined && label.wrapMode !== Text.NoWrap;
            verify(wraps ? !label.truncated : label.implicitWidth <= label.width,
                   "cut: " + label.width + " px for " + label.implicitWidth);
            verify(label.x + label.width <= offer.width, "past the entry's edge");
            // The entry grows to its lines once laid out (one whole tst_qml run saw 51 > 34 at once).
            tryVerify(() => !wraps || label.contentHeight <= label.height + 1, 5000,
                      "lines hidden: " + label.contentHeight + " > " + label.height);
            keyClick(Qt.Key_Escape);
        }

        // Walkthrough 20/1: on the key page "100" + Enter in the role field (the focus had stayed
        // there) created a workspace role "100" and gave it to the key, unasked. Enter adds only
        // what exists; a name that matches nothing stays typed, the suggestions say why and offer
        // to create it for the whole workspace, which takes a choice of its own.
        function test_enterNeverCreates_data() {
            return [{ tag: "role", picker: () => roles, name: "qml-stray-100", offer: "Create role “qml-stray-100” for the whole workspace" },
                    { tag: "permission", picker: () => permissions, name: "qml.stray.100",
                      offer: "Create permission “qml.stray.100” for the whole workspace" },
                    { tag: "issue dialog's", picker: () => createTemporaryObject(issuePicker, root), name: "qml.stray.101",
                      offer: "Create permission “qml.stray.101” for the whole workspace" }];
        }
        function test_enterNeverCreates(data) {
            const picker = data.picker();
            watch(picker);
            typeName(picker, data.name);
            keyClick(Qt.Key_Return); // at once, the suggestions for it may still be loading
            tryVerify(() => !picker.suggestions.loading, H.answerTimeout);
            compare(added.count + created.count, 0, "Enter neither created nor added it");
            const refused = findChild(picker, picker.objectName + "-refused");
            const offer = findChild(picker, picker.objectName + "-create");
            verify(refused && offer);
            tryVerify(() => H.shown(refused) && refused.width > 0, 5000, "why Enter did not add it");
            compare(refused.text, "“" + data.name + "” does not exist yet. Enter adds only existing ones; "
                                  + "to create it for the whole workspace, choose the entry below.");
            compare(field(picker).text, data.name, "the text stays, to correct or to create");
            verify(H.shown(offer));
            compare(offer.text, data.offer);
            keyClick(Qt.Key_Return);
            compare(added.count + created.count, 0, "a second Enter does not create it either");
            // The button says that it creates, and for whom.
            const add = findChild(picker, picker.objectName + "-add");
            verify(add.ToolTip.text === data.offer, add.ToolTip.text);
            // The explicit choice does.
            keyClick(Qt.Key_Down);
            verify(offer.activeFocus);
            keyClick(Qt.Key_Return);
            compare(added.count + created.count, 1);
            const sent = (added.count ? added : created).signalArguments[0][0];
            compare(sent, data.name);
            compare(field(picker).text, "");
        }

        // Enter pressed before the suggestions for the typed name are in adds the existing one.
        function test_enterBeforeTheSuggestionsAddsTheExistingOne() {
            watch(roles);
            typeName(roles, "qml-support");
            keyClick(Qt.Key_Return);
            tryCompare(added, "count", 1, H.answerTimeout);
            compare(added.signalArguments[0][0], "qml-support");
            compare(created.count, 0);
            compare(field(roles).text, "");
        }

        /// Whether @p text names each of @p parts.
        function mentionsAll(text, parts) {
            return parts.every(part => text.indexOf(part) >= 0);
        }

        // Issue 4 (walkthrough 17): a role's chip said only its name; a support person adding
        // "reader" could not see that it grants documents.read and billing.read. Each chosen role
        // says what it grants and its description, in words under the chips (a keyboard user reads
        // them too) and in its chip's accessible description, and so does each suggestion.
        // Walkthrough 21: "Grants no permissions. / Everything" read the description as a grant:
        // the description comes first, in italics, a line of its own apart from the grants. The
        // chip's tooltip says only what a click does (W6).
        // The role is made after the picker loaded the workspace's roles: choosing it loads them again.
        function test_rolesSayWhatTheyGrant() {
            const name = "qml-grants-reader";
            const grants = ["documents.read", "billing.read"];
            const description = "Read-only access for support";
            callApi("permissions.createRole", { name: name, description: description, permissions: grants });
            roles.items = [name];
            try {
                let line = null;
                tryVerify(() => (line = findChild(roles, "role-picker-detail-" + name)) !== null
                                && mentionsAll(line.text, grants),
                          H.answerTimeout, "the line under the chips says what the role grants");
                tryVerify(() => H.shown(line) && line.width > 0, 5000);
                verify(line.text.indexOf(description) < 0, "the grants' line is the grants only: " + line.text);
                const said = findChild(roles, "role-picker-description-" + name);
                verify(said && H.shown(said) && said.text === description, "the description on a line of its own");
                verify(said.font.italic && !line.font.italic, "in a style of its own");
                verify(said.mapToItem(roles, 0, 0).y + said.height <= line.mapToItem(roles, 0, 0).y + 0.5,
                       "the description first, then the grants");
                const right = line.mapToItem(roles, line.width, 0).x;
                verify(right <= roles.width + 0.5, "the line stays in the picker: " + right + " of " + roles.width);
                verify(line.contentWidth <= line.width + 0.5, "wrapped, not cut");
                const chip = findChild(roles, "role-picker-chip-" + name);
                verify(chip);
                compare(chip.ToolTip.text, "Remove " + name, "the chip's tooltip says what a click does, only that");
                verify(mentionsAll(chip.Accessible.description, grants.concat([description])),
                       "a screen reader hears it: " + chip.Accessible.description);

                // The suggestion says it before the role is chosen.
                typeName(roles, "qml-grants");
                let suggestion = null;
                tryVerify(() => (suggestion = H.find(roles, item => item.text === name && item.detail !== undefined
                                                     && item.visible && item.width > 0)) !== null,
                          H.answerTimeout, "the role is suggested");
                const detail = H.find(suggestion, item => item instanceof Label && mentionsAll(String(item.text), grants));
                verify(detail && H.shown(detail), "the suggestion shows the role's permissions");
                verify(detail.text.indexOf(description) < 0, "apart from its description: " + detail.text);
                const own = H.find(suggestion, item => item instanceof Label && item.text === description);
                verify(own && H.shown(own) && own.font.italic, "the suggestion shows the description in its own style");
                verify(mentionsAll(suggestion.Accessible.description, grants));
                keyClick(Qt.Key_Escape);
                field(roles).clear();
            } finally {
                roles.items = [];
            }
        }

        // A role made elsewhere after the picker loaded the workspace's roles (the Permissions page,
        // another user): its suggestion says what it grants too.
        function test_aRoleMadeSinceSaysWhatItGrantsInItsSuggestion() {
            const name = "qml-grants-made-since";
            callApi("permissions.createRole", { name: name, permissions: ["documents.read"] });
            typeName(roles, name);
            let suggestion = null;
            tryVerify(() => (suggestion = H.find(roles, item => item.text === name && item.detail !== undefined
                                                 && item.visible && item.width > 0)) !== null,
                      H.answerTimeout, "the role is suggested");
            tryCompare(suggestion, "detail", "Grants documents.read.", 5000);
            keyClick(Qt.Key_Escape);
            field(roles).clear();
        }

        // A role that is created with the key (the issue form) grants nothing yet, and says so.
        function test_aNewRoleSaysItGrantsNothingYet() {
            const name = "qml-grants-not-made";
            roles.newItems = [name];
            roles.items = [name];
            try {
                const line = findChild(roles, "role-picker-detail-" + name);
                verify(line && H.shown(line), "the new role's line");
                verify(line.text.indexOf("grants no permissions") >= 0, line.text);
            } finally {
                roles.items = [];
                roles.newItems = [];
            }
        }

        // The suggestions open inside the window: below a field with room under it, above one
        // at the window's bottom; never over the field.
        function test_suggestionsStayInTheWindow_data() {
            return [
                { tag: "permission at the top", picker: () => permissions, text: "documents", suggestion: "documents.read", above: false },
                { tag: "permission at the bottom", component: permissionAtBottom, text: "documents", suggestion: "documents.read", above: true },
                { tag: "role at the bottom", component: roleAtBottom, text: "qml", suggestion: "qml-support", above: true }
            ];
        }
        function test_suggestionsStayInTheWindow(data) {
            const picker = data.component ? createTemporaryObject(data.component, root) : data.picker();
            verify(picker);
            const input = field(picker);
            const fieldTop = () => input.mapToItem(null, 0, 0).y;
            if (data.above)
                tryVerify(() => fieldTop() + input.height > root.height - 10, 5000, "the field is at the window's bottom");
            typeName(picker, data.text);
            // The suggestions' popup: the item in the window's overlay that holds the offers.
            const offer = findChild(picker, picker.objectName + "-create");
            verify(offer);
            let popup = offer;
            while (popup.parent && popup.parent !== root.Overlay.overlay)
                popup = popup.parent;
            verify(popup.parent, "the suggestions are not in the window's overlay");
            tryVerify(() => popup.visible, H.answerTimeout, "the suggestions open (typed " + JSON.stringify(input.text) + ")");
            tryVerify(() => H.find(popup, item => item.text === data.suggestion && item.visible && item.width > 0) !== null,
                      H.answerTimeout, "the server's suggestion shows");
            // Its place in the overlay, which covers the window (its opening transition scales it
            // about its centre: mapToItem() would move with the animation, y does not).
            const top = () => popup.y;
            const where = () => "popup " + top() + " to " + (top() + popup.height) + ", field " + fieldTop() + " to "
                                + (fieldTop() + input.height) + ", window " + root.height;
            tryVerify(() => top() >= 0 && top() + popup.height <= root.height, 5000, "outside the window");
            if (data.above)
                verify(top() + popup.height <= fieldTop(), "not above the field: " + where());
            else
                verify(top() >= fieldTop() + input.height, "not below the field: " + where());
            keyClick(Qt.Key_Escape);
            tryVerify(() => !popup.visible, 5000);
            field(picker).clear();
        }
    }
}
