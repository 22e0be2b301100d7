import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// RootKeyDialog: every permission of the server's table has a check box, grouped by area; a
// group's box ticks and unticks the whole group; the chosen permissions reach createRequested.
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

    TestCase {
        name: "RootKeyDialog"
        when: windowShown

        function init() {
            requested.clear();
            dialog.open();
            tryCompare(dialog, "opened", true);
        }

        function cleanup() {
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
    }
}
