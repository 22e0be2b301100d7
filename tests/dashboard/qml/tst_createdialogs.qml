import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The small create dialogs of the Permissions page (New permission, New role) behave like
// "New API": Enter in a field creates when the form is valid, does nothing when it is not, and
// Esc cancels without creating anything; with something typed, Esc and Cancel ask first (Keep
// editing keeps every entry, Discard creates nothing).
Item {
    id: root
    width: 1100
    height: 700

    PermissionsPage {
        id: page
        anchors.fill: parent
        session: testSession
    }

    RolesModel {
        id: roles
        client: testSession.client
    }
    PermissionsModel {
        id: permissions
        client: testSession.client
    }

    TestCase {
        name: "CreateDialogs"
        when: windowShown

        function dialog(objectName) {
            const found = findChild(page, objectName);
            verify(found, objectName);
            return found;
        }
        function field(popup, accessibleName) {
            const found = H.find(popup, item => item.Accessible.name === accessibleName && item.selectByMouse !== undefined);
            verify(found, accessibleName);
            return found;
        }
        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }
        function exists(model, key, value) {
            model.refresh();
            tryVerify(() => !model.loading, H.answerTimeout);
            for (let i = 0; i < model.count; ++i) {
                if (model.rowObject(i)[key] === value)
                    return true;
            }
            return false;
        }

        function test_enterCreatesARole() {
            const popup = dialog("role-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            const name = field(popup, "Role name");
            tryVerify(() => name.activeFocus);
            keyClick(Qt.Key_Return);
            verify(popup.opened, "no name: Enter does nothing");
            typeText("enterrole");
            field(popup, "Role description").forceActiveFocus();
            typeText("made by Enter");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "visible", false);
            tryVerify(() => exists(roles, "name", "enterrole"), H.answerTimeout);
        }

        // Walkthrough G33: New role took its permissions as comma-separated text while the role's own
        // dialog and the issue dialog use the picker, and its description was shown nowhere after.
        function test_newRoleTakesPermissionsThroughThePickerAndListsItsDescription() {
            const popup = dialog("role-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Role name").activeFocus);
            typeText("pickerrole");
            field(popup, "Role description").forceActiveFocus();
            typeText("made with the picker");
            const picker = findChild(popup.contentItem, "new-role-permission-picker");
            verify(picker, "the permission picker");
            const add = field(popup, "Add a permission");
            add.forceActiveFocus();
            typeText("pickerrole.read");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "picked", ["pickerrole.read"]);
            compare(add.text, "");
            mouseClick(findChild(popup.footer, "role-create"));
            tryCompare(popup, "visible", false);
            tryVerify(() => exists(roles, "name", "pickerrole"), H.answerTimeout);
            let role = null;
            for (let i = 0; i < roles.count; ++i) {
                if (roles.rowObject(i).name === "pickerrole")
                    role = roles.rowObject(i);
            }
            compare(role.permissions.map(permission => permission.slug), ["pickerrole.read"]);
            compare(role.description, "made with the picker");
            // The roles list shows the description next to the permissions.
            tryVerify(() => H.find(page, item => item.text === "made with the picker · pickerrole.read") !== null, H.answerTimeout,
                      "the role's description in the list: "
                      + (H.find(page, item => String(item.text).indexOf("pickerrole.read") >= 0) || {text: "none"}).text);
        }

        // A permission typed that does not exist yet is created with the role: its chip says
        // "(new)" as the issue-key dialog's do; an existing one's chip does not.
        function test_newRoleMarksNewPermissions() {
            let created = null;
            testSession.client.call("permissions.createPermission", {name: "marked.exists", slug: "marked.exists"},
                                    answer => created = answer);
            tryVerify(() => created !== null, H.answerTimeout, "permissions.createPermission");
            verify(created.ok, created.errorDetail);
            const popup = dialog("role-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Role name").activeFocus);
            typeText("markedrole");
            const picker = findChild(popup.contentItem, "new-role-permission-picker");
            verify(picker, "the permission picker");
            const add = field(popup, "Add a permission");
            add.forceActiveFocus();
            typeText("marked.exists");
            tryVerify(() => !picker.typedIsUnknown, H.answerTimeout, "the existing permission suggested");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "picked", ["marked.exists"]);
            typeText("marked.fresh");
            tryVerify(() => picker.typedIsNew, H.answerTimeout, "the new permission offered for creation");
            compare(findChild(picker, "new-role-permission-picker-add").text, "Add new");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "picked", ["marked.exists", "marked.fresh"]);
            compare(popup.pickedNew, ["marked.fresh"]);
            verify(H.byText(picker, "marked.fresh (new)  ✕"), "the new permission's chip says (new)");
            verify(H.byText(picker, "marked.exists  ✕"), "the existing permission's chip is plain");
            verify(!H.byText(picker, "marked.exists (new)  ✕"));
            // Removed and typed again it is still new.
            mouseClick(H.byText(picker, "marked.fresh (new)  ✕"));
            tryCompare(popup, "pickedNew", []);
            mouseClick(findChild(popup.footer, "role-create"));
            tryCompare(popup, "visible", false);
            tryVerify(() => exists(roles, "name", "markedrole"), H.answerTimeout);
        }

        function test_escapeOnATypedRoleAsksFirst() {
            const popup = dialog("role-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Role name").activeFocus);
            keyClick(Qt.Key_Escape); // nothing typed: closes at once
            tryCompare(popup, "visible", false);
            verify(!popup.discardQuestion.visible);

            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Role name").activeFocus);
            typeText("escrole");
            const add = field(popup, "Add a permission");
            add.forceActiveFocus();
            typeText("escrole.read");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "picked", ["escrole.read"]);
            const description = field(popup, "Role description");
            description.forceActiveFocus();
            typeText("kept");
            keyClick(Qt.Key_Escape);
            wait(300);
            verify(popup.visible, "Esc does not throw the typed role away");
            tryCompare(popup.discardQuestion, "opened", true);
            compare(popup.discardQuestion.title, "Discard this role's details?");
            keyClick(Qt.Key_Escape); // = Keep editing
            tryCompare(popup.discardQuestion, "visible", false);
            verify(popup.opened);
            compare(field(popup, "Role name").text, "escrole");
            compare(description.text, "kept");
            compare(popup.picked, ["escrole.read"]);
            tryVerify(() => description.activeFocus, 5000, "the cursor is back in the description");

            mouseClick(H.byText(popup.footer, "Cancel"));
            tryCompare(popup.discardQuestion, "opened", true);
            mouseClick(H.byText(popup.discardQuestion.footer, "Discard"));
            tryCompare(popup, "visible", false);
            verify(!exists(roles, "name", "escrole"));
        }

        function test_escapeOnATypedPermissionAsksFirst() {
            const popup = dialog("permission-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Permission slug").activeFocus);
            typeText("esc.perm");
            keyClick(Qt.Key_Escape);
            tryCompare(popup.discardQuestion, "opened", true);
            verify(popup.visible);
            keyClick(Qt.Key_Tab); // from Keep editing to Discard, by keyboard
            keyClick(Qt.Key_Return);
            tryCompare(popup, "visible", false);
            verify(!exists(permissions, "slug", "esc.perm"));
        }

        function test_enterCreatesAPermission() {
            const popup = dialog("permission-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Permission slug").activeFocus);
            typeText("enter.perm");
            keyClick(Qt.Key_Return);
            tryCompare(popup, "visible", false);
            tryVerify(() => exists(permissions, "slug", "enter.perm"), H.answerTimeout);
        }

        function test_enterWithAnInvalidSlugDoesNothing() {
            const popup = dialog("permission-dialog");
            popup.open();
            tryCompare(popup, "opened", true);
            tryVerify(() => field(popup, "Permission slug").activeFocus);
            keyClick(Qt.Key_Return);
            verify(popup.opened);
            keyClick(Qt.Key_Escape);
            tryCompare(popup, "visible", false);
        }
    }
}
