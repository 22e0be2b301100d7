import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Every form dialog of the app (FormDialog) takes the keyboard the same way (walkthrough 23, Y5,
// and 23b, Y12: New root key and New role did not): Enter in the name field creates, Ctrl+Enter
// creates from anywhere in the dialog, also from its Cancel button, whose Enter would cancel. One loop over them all; test_everyFormDialogIsInTheLoop fails when a
// page gets a FormDialog the loop does not know. Where Enter means something else it does that
// instead: a picker's field with a name typed adds it, the meta editor starts a new line.
Item {
    id: root
    width: 1100
    height: 760

    Component {
        id: apisPage
        ApisPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: rootKeysPage
        RootKeysPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: permissionsPage
        PermissionsPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: ownersPage
        OwnersPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    Component {
        id: ratelimitPage
        RatelimitPage {
            width: root.width
            height: root.height
            session: testSession
        }
    }
    // The issue dialog is the window's (Main.qml), not a page's.
    Component {
        id: issueHost
        Item {
            width: root.width
            height: root.height
            IssueKeyDialog {
                objectName: "issueKeyDialog"
                session: testSession
            }
        }
    }

    SignalSpy {
        id: accepted
        signalName: "accepted"
    }

    TestCase {
        name: "FormDialogKeys"
        when: windowShown

        property Item page: null

        function cleanup() {
            if (page) {
                for (const dialog of formDialogs(page)) {
                    dialog.discardQuestion.close();
                    dialog.close();
                }
                page.destroy();
                page = null;
            }
            accepted.target = null;
            accepted.clear();
        }

        function isFormDialog(item) {
            return item.discardQuestion !== undefined && item.acceptIfValid !== undefined;
        }
        function formDialogs(under) {
            return H.findAll(under, item => isFormDialog(item));
        }

        /// Every FormDialog of the app: where it lives, which one it is, how it opens, its name
        /// field, what else it needs before it can be sent, and whether it has been sent.
        function dialogs() {
            const sentByAccept = dialog => accepted.count > 0;
            return [
                { kind: "New API", host: apisPage, is: d => d.createdName !== undefined,
                  open: d => d.open(), nameField: "apiNameField", name: "fdk api ", made: sentByAccept },
                { kind: "New root key", host: rootKeysPage, is: d => d.shownKeyId !== undefined,
                  open: d => d.open(), nameField: "rootKeyName", name: "fdk root key ",
                  fill: d => mouseClick(findChild(d.contentItem, "api.*.read_api")), made: sentByAccept },
                { kind: "New permission", host: permissionsPage, is: d => d.objectName === "permission-dialog",
                  open: d => d.open(), nameField: "permission-slug", name: "fdk.permission.", made: sentByAccept },
                { kind: "New role", host: permissionsPage, is: d => d.objectName === "role-dialog",
                  open: d => d.open(), nameField: "Role name", name: "fdk-role-", made: sentByAccept },
                { kind: "New owner", host: ownersPage, is: d => d.objectName === "owner-dialog",
                  open: d => d.open(), nameField: "externalIdField", name: "fdk-owner-", made: sentByAccept },
                { kind: "New namespace", host: ratelimitPage, is: d => d.newNamespace !== undefined,
                  open: d => d.openForNamespace(), nameField: "namespaceField", name: "fdk-namespace-",
                  made: sentByAccept },
                { kind: "Rename namespace", host: ratelimitPage, is: d => d.renameRequested !== undefined,
                  open: d => d.openFor("fdk-rename-from", "fdk-rename-from"), nameField: "renameField",
                  name: "fdk-renamed-", made: sentByAccept },
                { kind: "Issue a key", host: issueHost, is: d => d.objectName === "issueKeyDialog",
                  open: d => d.openWith({ apiId: testSample.apiId }), nameField: "issue-name", name: "fdk key ",
                  made: d => d.controller.issued }
            ];
        }

        function nameFieldOf(dialog, name) {
            const found = H.find(dialog, item => item.selectByMouse !== undefined
                                 && (item.objectName === name || item.Accessible.name === name));
            verify(found, name);
            return found;
        }

        /// @p kind's dialog on its page (made here), open and settled, ready for typing.
        function openDialog(kind) {
            const row = dialogs().find(entry => entry.kind === kind);
            verify(row, kind);
            tryVerify(() => testSession.capabilities.known, H.answerTimeout);
            page = row.host.createObject(root);
            verify(page, kind + "'s page");
            const dialog = formDialogs(page).find(d => row.is(d));
            verify(dialog, kind);
            accepted.target = dialog;
            accepted.clear();
            row.open(dialog);
            tryCompare(dialog, "opened", true);
            // The issue form's API list chooses the API once it is in; Issue waits for it.
            tryVerify(() => !testSession.client.busy, H.answerTimeout);
            return { row: row, dialog: dialog };
        }

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }

        function test_everyFormDialogIsInTheLoop() {
            const rows = dialogs();
            const hosts = [...new Set(rows.map(row => row.host))];
            for (const host of hosts) {
                const made = host.createObject(root);
                verify(made);
                const found = formDialogs(made);
                verify(found.length > 0);
                for (const dialog of found) {
                    const row = rows.find(entry => entry.is(dialog));
                    verify(row, "a FormDialog the loop does not know: " + dialog + " “" + dialog.title + "”");
                }
                made.destroy();
            }
        }

        function test_keysCreate_data() {
            const rows = [];
            for (const row of dialogs()) {
                for (const way of ["Enter in the name", "Ctrl+Return on Cancel"])
                    rows.push({ tag: row.kind + ": " + way, kind: row.kind, way: way });
            }
            return rows;
        }
        function test_keysCreate(data) {
            const opened = openDialog(data.kind);
            const dialog = opened.dialog;
            const row = opened.row;
            if (row.fill)
                row.fill(dialog);
            const field = nameFieldOf(dialog, row.nameField);
            field.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => field.activeFocus);
            typeText(row.name + (data.way === "Enter in the name" ? "enter" : "ctrl"));
            verify(!row.made(dialog), "nothing sent while typing");
            if (data.way === "Enter in the name") {
                keyClick(Qt.Key_Return);
            } else {
                // A button takes Enter itself (Cancel would ask to discard): Ctrl+Enter is the form's.
                const cancel = H.find(dialog.footer, item => item.text === "Cancel" && item.clicked !== undefined);
                verify(cancel, "Cancel");
                cancel.forceActiveFocus(Qt.TabFocusReason);
                tryVerify(() => cancel.activeFocus);
                keyClick(Qt.Key_Return, Qt.ControlModifier);
            }
            tryVerify(() => row.made(dialog), H.answerTimeout, data.kind + " was not sent by " + data.way);
            verify(!dialog.discardQuestion.visible, "no question to discard it");
            // A field that accepted on its own as well would have sent it twice, in the same press.
            if (data.kind !== "Issue a key")
                compare(accepted.count, 1, "sent once");
        }

        // Enter in a picker's field with a name typed adds the name (not the role); in the empty
        // field, as in any other, it creates the role (walkthrough 23b, Y12: it did nothing).
        function test_enterInAPickerAddsThenCreates() {
            let made = null;
            testSession.client.call("permissions.createPermission", { name: "fdk.known", slug: "fdk.known" },
                                    answer => made = answer);
            tryVerify(() => made !== null, H.answerTimeout);
            const dialog = openDialog("New role").dialog;
            nameFieldOf(dialog, "Role name").forceActiveFocus(Qt.TabFocusReason);
            typeText("fdk-picker-role");
            const picker = findChild(dialog.contentItem, "new-role-permission-picker");
            verify(picker);
            const add = nameFieldOf(dialog, "Add a permission");
            add.forceActiveFocus(Qt.TabFocusReason);
            typeText("fdk.known");
            tryVerify(() => !picker.typedIsUnknown, H.answerTimeout, "fdk.known suggested");
            keyClick(Qt.Key_Return);
            tryCompare(dialog, "picked", ["fdk.known"]);
            compare(add.text, "");
            verify(dialog.opened, "Enter added the permission, it did not create the role");
            compare(accepted.count, 0);
            verify(add.activeFocus);
            keyClick(Qt.Key_Return);
            tryCompare(accepted, "count", 1);
            tryCompare(dialog, "visible", false);
        }

        // The meta editor of the issue form: Enter is a new line (indented), not "Issue";
        // Ctrl+Enter (the keypad's) issues from there.
        function test_enterInTheMetaEditorIsANewLine() {
            const dialog = openDialog("Issue a key").dialog;
            nameFieldOf(dialog, "issue-name").forceActiveFocus(Qt.TabFocusReason);
            typeText("fdk meta key");
            const meta = findChild(dialog.contentItem, "meta-text");
            verify(meta);
            meta.forceActiveFocus(Qt.TabFocusReason);
            typeText("{");
            keyClick(Qt.Key_Return);
            compare(meta.text, "{\n  ");
            verify(!dialog.controller.issued && !dialog.controller.busy, "Enter issued nothing");
            typeText("\"plan\": \"fdk\"");
            keyClick(Qt.Key_Return);
            typeText("}");
            compare(meta.text, "{\n  \"plan\": \"fdk\"\n  }");
            keyClick(Qt.Key_Enter, Qt.ControlModifier | Qt.KeypadModifier);
            tryVerify(() => dialog.controller.issued, H.answerTimeout, dialog.controller.serverError);
        }
    }
}
