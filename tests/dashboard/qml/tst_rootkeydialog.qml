import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// RootKeyDialog: every permission of the server's table has a check box, grouped by area; a
// group's box ticks and unticks the whole group; the chosen permissions reach createRequested
// (Create and Enter only once one is chosen); the created key is shown once in ShowOnceKey, the
// same block as a customer key's, and forgotten when the dialog closes. Esc or Cancel after a name
// was typed or a permission ticked asks before discarding them.
Item {
    id: root
    width: 900
    height: 800

    RootKeysModel {
        id: model
    }

    RootKeyDialog {
        id: dialog
        groups: model.permissionGroups
    }

    SignalSpy {
        id: requested
        target: dialog
        signalName: "createRequested"
    }

    SignalSpy {
        id: copied
        target: dialog
        signalName: "copyRequested"
    }

    // A window of its own for the window's close (the test's own window is not closed).
    Component {
        id: windowComponent
        Window {
            width: 800
            height: 700
            readonly property RootKeyDialog dialog: windowDialog
            Item {
                anchors.fill: parent
                RootKeyDialog {
                    id: windowDialog
                    groups: model.permissionGroups
                }
            }
        }
    }

    // A 1024 × 768 window, the smallest the dashboard is used at (support staff's laptops).
    Component {
        id: smallWindowComponent
        Window {
            width: 1024
            height: 768
            readonly property RootKeyDialog dialog: smallDialog
            Item {
                anchors.fill: parent
                RootKeyDialog {
                    id: smallDialog
                    groups: model.permissionGroups
                }
            }
        }
    }

    TestCase {
        name: "RootKeyDialog"
        when: windowShown

        function init() {
            requested.clear();
            copied.clear();
            dialog.open();
            tryCompare(dialog, "opened", true);
        }

        function cleanup() {
            dialog.discardQuestion.close();
            dialog.close();
            tryCompare(dialog, "visible", false);
        }

        function allPermissions() {
            const all = [];
            for (const group of model.permissionGroups)
                for (const member of group.permissions)
                    all.push(member.permission);
            return all;
        }

        function test_offersEveryPermission() {
            const all = allPermissions();
            verify(all.length >= 43);
            for (const permission of ["ratelimit.*.create_namespace", "rbac.*.add_role_to_key", "api.*.encrypt_key",
                                      "api.*.decrypt_key", "api.*.update_api", "rbac.*.add_permission_to_key"])
                verify(all.indexOf(permission) >= 0, permission);
            for (const permission of all) {
                const box = findChild(dialog.contentItem, permission);
                verify(box !== null, permission);
                verify(box.text.indexOf("_") < 0, box.text); // readable: "create namespace"
            }
        }

        function test_permissionsInWords() {
            // A human label per permission ("Create APIs", not "create api"); the raw permission
            // stays in the tooltip and the accessible description.
            compare(findChild(dialog.contentItem, "api.*.create_api").text, "Create APIs");
            compare(findChild(dialog.contentItem, "workspace.*.read_audit_log").text, "Read the audit log");
            for (const permission of allPermissions()) {
                const box = findChild(dialog.contentItem, permission);
                const raw = permission.split(".")[2].replace(/_/g, " ");
                verify(box.text !== raw, permission + " has no label: " + box.text);
                compare(box.ToolTip.text, permission);
                compare(box.Accessible.description, permission);
            }
        }

        // "View keys" alone makes a key that reaches a key only by its exact id (no API list,
        // no Go to by name): a hint says so under the permissions, and Create stays possible.
        function test_keysWithoutApisIsExplained() {
            const hint = findChild(dialog.contentItem, "keysWithoutApisHint");
            verify(hint !== null);
            verify(!hint.visible);
            findChild(dialog.contentItem, "api.*.read_key").clicked();
            tryCompare(hint, "visible", true);
            verify(hint.text.indexOf("View keys") >= 0 && hint.text.indexOf("View APIs") >= 0, hint.text);
            verify(findChild(dialog.footer, "createButton").enabled, "a hint, not a refusal");
            findChild(dialog.contentItem, "api.*.read_api").clicked();
            compare(hint.visible, false);
            findChild(dialog.contentItem, "api.*.read_key").clicked();
            compare(dialog.picked, ["api.*.read_api"]);
            compare(hint.visible, false);
        }

        function test_scrollBarShownWhenThePermissionsAreTaller() {
            // The groups below the fold (Identities, Workspace) must not look absent: the scroll
            // bar shows before anyone scrolls, beside the check boxes rather than over them.
            const scroll = findChild(dialog.contentItem, "rootKeyPermissions");
            verify(scroll !== null);
            tryVerify(() => scroll.contentHeight > scroll.availableHeight, H.answerTimeout,
                      "the groups are taller than the dialog at this size");
            const bar = scroll.ScrollBar.vertical;
            compare(bar.policy, ScrollBar.AlwaysOn);
            tryVerify(() => bar.visible && bar.contentItem.opacity > 0.5, H.answerTimeout,
                      "scroll bar shown unscrolled");
            compare(scroll.contentItem.contentY, 0);
            const barLeft = bar.mapToItem(scroll, 0, 0).x;
            for (const permission of allPermissions()) {
                const box = findChild(dialog.contentItem, permission);
                const right = box.mapToItem(scroll, box.width, 0).x;
                verify(right <= barLeft, permission + " clear of the scroll bar: " + right + " > " + barLeft);
            }
        }

        function test_groupBoxTicksTheWholeGroup() {
            const group = findChild(dialog.contentItem, "group-ratelimit");
            verify(group !== null);
            compare(group.checkState, Qt.Unchecked);
            findChild(dialog.contentItem, "ratelimit.*.limit").clicked(); // may be scrolled out of view: no mouse
            compare(dialog.picked, ["ratelimit.*.limit"]);
            compare(group.checkState, Qt.PartiallyChecked);
            group.clicked();
            compare(group.checkState, Qt.Checked);
            verify(findChild(dialog.contentItem, "ratelimit.*.create_namespace").checked);
            verify(!findChild(dialog.contentItem, "api.*.create_key").checked);
            const count = dialog.picked.length;
            verify(count >= 9);
            group.clicked();
            compare(group.checkState, Qt.Unchecked);
            compare(dialog.picked.length, 0);
            verify(!findChild(dialog.contentItem, "ratelimit.*.limit").checked);
        }

        function test_createSendsTheChosenPermissions() {
            findChild(dialog.contentItem, "group-workspace").clicked();
            findChild(dialog.contentItem, "api.*.decrypt_key").clicked();
            dialog.accept();
            compare(requested.count, 1);
            const sent = requested.signalArguments[0][1];
            verify(sent.indexOf("api.*.decrypt_key") >= 0);
            verify(sent.indexOf("workspace.*.create_root_key") >= 0);
            compare(sent.length, 5);
        }

        function test_createNeedsAPermissionAndEnterCreates() {
            const create = findChild(dialog.footer, "createButton");
            verify(create !== null);
            verify(!create.enabled, "Create without a permission");
            const name = findChild(dialog.contentItem, "rootKeyName");
            verify(name !== null);
            name.forceActiveFocus();
            keyClick(Qt.Key_B);
            keyClick(Qt.Key_Return);
            compare(requested.count, 0, "Enter without a permission");
            verify(dialog.opened);
            findChild(dialog.contentItem, "api.*.read_api").clicked();
            verify(create.enabled);
            name.forceActiveFocus();
            keyClick(Qt.Key_Return);
            compare(requested.count, 1);
            compare(requested.signalArguments[0][0], "b");
            compare(requested.signalArguments[0][1], ["api.*.read_api"]);
            tryCompare(dialog, "visible", false);
        }

        // Walkthrough 23b, Y3: "Read-only" ticks every View (read) permission of every area, and
        // nothing else: what was ticked before goes, nothing that changes or reveals anything stays.
        function test_readOnlyPresetTicksEveryViewPermission() {
            findChild(dialog.contentItem, "api.*.create_key").clicked();
            const preset = findChild(dialog.contentItem, "rootKeyReadOnly");
            verify(preset, "the read-only preset");
            mouseClick(preset);
            const reads = allPermissions().filter(p => p.split(".")[2].startsWith("read_"));
            verify(reads.length >= 10, reads.join(", "));
            for (const permission of ["api.*.read_api", "api.*.read_key", "api.*.read_analytics",
                                      "ratelimit.*.read_namespace", "ratelimit.*.read_override",
                                      "rbac.*.read_permission", "rbac.*.read_role", "identity.*.read_identity",
                                      "workspace.*.read_root_key", "workspace.*.read_audit_log"])
                verify(reads.indexOf(permission) >= 0, permission);
            compare(dialog.picked.slice().sort(), reads.slice().sort());
            for (const permission of allPermissions()) {
                const box = findChild(dialog.contentItem, permission);
                compare(box.checked, reads.indexOf(permission) >= 0, permission);
                if (box.checked)
                    verify(box.text.startsWith("View") || box.text.startsWith("Read"), box.text);
            }
            verify(!findChild(dialog.contentItem, "api.*.decrypt_key").checked, "showing stored keys is no read-only right");
            verify(findChild(dialog.footer, "createButton").enabled);
        }

        // The permission is limited to one API: the preset ticks only what can be granted then.
        function test_readOnlyPresetTicksOnlyWhatIsOffered() {
            dialog.apiScope = "api_fdk";
            mouseClick(findChild(dialog.contentItem, "rootKeyReadOnly"));
            verify(dialog.picked.length > 0);
            for (const permission of dialog.picked)
                verify(dialog.offered(permission), permission);
            dialog.apiScope = "";
        }

        // Walkthrough 23, Y6: Tab onto a permission's check box showed a barely visible focus; it
        // is framed as every control of the app (FocusFrame), the group's box too, in both themes.
        function test_permissionBoxesFrameTheKeyboardFocus_data() {
            return [
                { tag: "light", theme: Material.Light },
                { tag: "dark", theme: Material.Dark }
            ];
        }
        function test_permissionBoxesFrameTheKeyboardFocus(data) {
            dialog.Material.theme = data.theme;
            for (const name of ["api.*.read_api", "group-api"]) {
                const box = findChild(dialog.contentItem, name);
                verify(box, name);
                const frame = findChild(box, "focusFrame");
                verify(frame, name + " has a FocusFrame");
                verify(!frame.visible);
                box.forceActiveFocus(Qt.TabFocusReason);
                tryVerify(() => frame.visible, 5000, name + " framed");
                compare(frame.border.color, box.Material.foreground);
                verify(frame.border.width >= 2);
            }
            findChild(dialog.contentItem, "rootKeyName").forceActiveFocus(Qt.TabFocusReason);
            dialog.Material.theme = Material.Light;
        }

        function test_escapeAsksOnceSomethingIsEntered() {
            const name = findChild(dialog.contentItem, "rootKeyName");
            tryVerify(() => name.activeFocus);
            keyClick(Qt.Key_Escape); // untouched: closes at once
            tryCompare(dialog, "visible", false);
            verify(!dialog.discardQuestion.visible);

            dialog.open();
            tryCompare(dialog, "opened", true);
            findChild(dialog.contentItem, "api.*.read_api").clicked(); // ticking alone is an entry
            name.forceActiveFocus();
            keyClick(Qt.Key_Escape);
            wait(300);
            verify(dialog.visible, "Esc does not throw the ticked permission away");
            tryCompare(dialog.discardQuestion, "opened", true);
            compare(dialog.discardQuestion.title, "Discard this root key's details?");
            keyClick(Qt.Key_Escape); // = Keep editing
            tryCompare(dialog.discardQuestion, "visible", false);
            tryVerify(() => name.activeFocus, 5000, "the cursor is back in the name");
            keyClick(Qt.Key_B);
            compare(name.text, "b");
            compare(dialog.picked, ["api.*.read_api"]);

            mouseClick(H.byText(dialog.footer, "Cancel"));
            tryCompare(dialog.discardQuestion, "opened", true);
            mouseClick(H.byText(dialog.discardQuestion.footer, "Discard"));
            tryCompare(dialog, "visible", false);
            compare(requested.count, 0);
            dialog.open(); // the next one starts empty
            tryCompare(dialog, "opened", true);
            compare(name.text, "");
            compare(dialog.picked, []);
        }

        function test_createdKeyShownOnceLikeACustomerKey() {
            dialog.close();
            tryCompare(dialog, "visible", false);
            keyClick(Qt.Key_Shift); // as Enter on Create: the keyboard's frame (ShowOnceKey.focusCopy)
            dialog.showCreated("rk_shown", "lkroot_secret123");
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "Root key created");
            const shown = findChild(dialog.contentItem, "new-key-text");
            verify(shown !== null, "ShowOnceKey's key field");
            verify(shown.visible);
            compare(shown.text, "lkroot_secret123");
            verify(!findChild(dialog.contentItem, "rootKeyName").visible, "the form is hidden");
            verify(!findChild(dialog.footer, "createButton").visible);
            const copy = findChild(dialog.contentItem, "copy-key");
            // Walkthrough J10: Copy has the keyboard, framed; Enter copies.
            tryVerify(() => copy.activeFocus && copy.visualFocus, 5000, "Copy has the keyboard");
            keyClick(Qt.Key_Return);
            compare(copied.count, 1);
            copied.clear();
            mouseClick(copy);
            compare(copied.count, 1);
            compare(copied.signalArguments[0][0], "lkroot_secret123");
            compare(requested.count, 0);
            mouseClick(findChild(dialog.footer, "rootkey-done"));
            tryCompare(dialog, "visible", false);
            compare(dialog.shownKey, "", "the secret outlived the dialog");
            compare(shown.text, "");
            // Opened again: the form, empty.
            dialog.open();
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "New root key");
            verify(findChild(dialog.contentItem, "rootKeyName").visible);
        }

        // Walkthrough 20/8: one Esc on "Root key created" and the secret was gone for good. Esc asks
        // while the key was not copied (Back to the key keeps it shown); once copied, Esc closes.
        function test_escapeAsksBeforeAnUncopiedKeyIsLost() {
            dialog.close();
            tryCompare(dialog, "visible", false);
            dialog.showCreated("rk_esc", "lkroot_notcopied");
            tryCompare(dialog, "opened", true);
            const copy = findChild(dialog.contentItem, "copy-key");
            tryVerify(() => copy.activeFocus, 5000);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog.discardQuestion, "opened", true);
            verify(dialog.visible, "Esc closed the dialog with the key not copied");
            compare(dialog.discardQuestion.title, "Close without copying the key?");
            compare(dialog.discardQuestion.text, "The key has not been copied, and it cannot be shown again: "
                                                 + "once this dialog is closed, it is gone for good.");
            verify(H.byText(dialog.discardQuestion.footer, "Back to the key"));
            keyClick(Qt.Key_Escape); // = Back to the key
            tryCompare(dialog.discardQuestion, "visible", false);
            verify(dialog.visible);
            compare(findChild(dialog.contentItem, "new-key-text").text, "lkroot_notcopied");
            tryVerify(() => copy.activeFocus, 5000, "the keyboard back on Copy");

            // Done, named and placed as in the other shown-once dialogs (it said "I have copied
            // it" and closed unasked: walkthrough 21 W26), asks like Esc.
            compare(H.buttonsInOrder(dialog.footer), "Done (filled)");
            mouseClick(findChild(dialog.footer, "rootkey-done"));
            tryCompare(dialog.discardQuestion, "opened", true);
            mouseClick(H.byText(dialog.discardQuestion.footer, "Close"));
            tryCompare(dialog, "visible", false);
            compare(dialog.shownKey, "");

            // Copied: Esc closes at once.
            dialog.showCreated("rk_esc2", "lkroot_copied");
            tryCompare(dialog, "opened", true);
            tryVerify(() => copy.activeFocus, 5000);
            keyClick(Qt.Key_Return); // Copy
            compare(copied.count, 1);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            verify(!dialog.discardQuestion.visible);
        }
    

        // Closing the window with the shown-once key on screen, not copied, lost it with no
        // question: the window stays and the same question is asked; Back to the key keeps
        // both, Close closes the dialog and the window. A copied key lets the window close.
        function test_closingTheWindowAsksBeforeTheKeyIsLost() {
            const window = windowComponent.createObject(root);
            verify(window);
            window.show();
            tryCompare(window, "visible", true);
            const shown = window.dialog;
            shown.showCreated("rk_window", "lkroot_windowclose");
            tryCompare(shown, "opened", true);

            window.close();
            tryCompare(shown.discardQuestion, "opened", true);
            verify(window.visible, "the window closed with the key not copied");
            verify(shown.visible);
            compare(shown.discardQuestion.title, "Close without copying the key?");
            // The whole window goes, not only the dialog: the question says so.
            compare(shown.discardQuestion.text, "The key has not been copied, and it cannot be shown again: "
                                                + "once the window is closed, it is gone for good.");
            mouseClick(H.byText(shown.discardQuestion.footer, "Back to the key"));
            tryCompare(shown.discardQuestion, "visible", false);
            verify(window.visible);
            verify(shown.visible);
            compare(shown.shownKey, "lkroot_windowclose");

            window.close();
            tryCompare(shown.discardQuestion, "opened", true);
            verify(window.visible);
            mouseClick(H.byText(shown.discardQuestion.footer, "Close"));
            tryCompare(window, "visible", false);
            compare(shown.shownKey, "", "the key is forgotten");

            // Copied: the window closes at once.
            window.show();
            tryCompare(window, "visible", true);
            shown.showCreated("rk_window2", "lkroot_windowcopied");
            tryCompare(shown, "opened", true);
            mouseClick(findChild(shown.contentItem, "copy-key"));
            window.close();
            tryCompare(window, "visible", false);
            verify(!shown.discardQuestion.visible);
            window.destroy();
        }

        // German at 1024 px cut the permissions' labels ("Schlüssel wiederherstellbar speicher…"):
        // two columns of check boxes as wide as their texts, with no limit. Every label of the
        // dialog reads whole, inside the permissions' view, in every language at 1024 × 768, and
        // the dialog stays inside the window.
        function test_everyPermissionLabelWholeAt1024_data() {
            return [{tag: "en", language: "en"}, {tag: "de", language: "de"}, {tag: "es", language: "es"}];
        }
        function test_everyPermissionLabelWholeAt1024(data) {
            const saved = testSession.settings.language;
            try {
                testSession.settings.language = data.language;
                const window = createTemporaryObject(smallWindowComponent, root);
                verify(window);
                window.show();
                tryCompare(window, "visible", true);
                const shown = window.dialog;
                shown.open();
                tryCompare(shown, "opened", true);
                const scroll = findChild(shown.contentItem, "rootKeyPermissions");
                verify(scroll);
                const boxes = H.findAll(scroll, item => item instanceof CheckBox && item.visible);
                verify(boxes.length >= allPermissions().length + model.permissionGroups.length, boxes.length);
                const viewRight = scroll.availableWidth;
                const cut = [];
                for (const box of boxes) {
                    const label = box.contentItem;
                    const right = box.mapToItem(scroll, box.width, 0).x;
                    const textRight = label.mapToItem(scroll, label.width - label.rightPadding, 0).x;
                    const room = label.width - label.leftPadding - label.rightPadding;
                    if (label.truncated || label.contentWidth > room + 0.5 || right > viewRight + 0.5 || textRight > viewRight + 0.5)
                        cut.push(box.text + " (" + Math.round(label.contentWidth) + " px in " + Math.round(room)
                                 + ", ends at " + Math.round(textRight) + " of " + Math.round(viewRight) + ")");
                }
                compare(cut, [], "cut: " + cut.join("; "));
                // The dialog inside the window.
                verify(shown.x >= 0 && shown.y >= 0, shown.x + ", " + shown.y);
                verify(shown.x + shown.width <= window.width && shown.y + shown.height <= window.height,
                       shown.x + "+" + shown.width + ", " + shown.y + "+" + shown.height);
                shown.close();
                tryCompare(shown, "visible", false);
            } finally {
                testSession.settings.language = saved;
            }
        }
    }
}
