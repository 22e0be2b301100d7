import QtQuick
import QtQuick.Layouts
import Latchkey.Dashboard

// The issue form's permissions and roles: pickers over the workspace's, written straight into
// its IssueKeyController, each with the controller's message for it. A name that does not exist
// yet can be added too, marked "new": a permission is created by the server with the key, a role
// when the key is issued (Cancel leaves none behind). Enter in a picker adds the typed entry.
ColumnLayout {
    id: access

    required property Session session
    required property IssueKeyController controller
    property alias permissionPicker: permissionsInput
    property alias rolePicker: rolesInput
    /// A permission or role is typed but not added yet: an entry the controller does not hold.
    readonly property bool typing: permissionsInput.holdsTypedName || rolesInput.holdsTypedName
    /// The pickers' button for a typed name that does not exist yet (created with the key).
    function createText(typed: string): string {
        // Its own word in capitals as on every button (TagListEditor.createText), the name as typed.
        return qsTr("Create “%1”", "a permission or role created when the key is issued").toLocaleUpperCase().arg(typed);
    }
    /// The pickers' button for the highlighted suggestion (%1) Enter adds to the key to be.
    readonly property string takeText: qsTr("Add %1", "a permission or role added to the key to be issued")

    function error(field: string): string {
        return controller.errors[field] !== undefined ? controller.errors[field] : "";
    }
    /// @p list (a QStringList) plus @p name, as a new JS array.
    function added(list: var, name: string): var {
        const copy = [];
        for (let i = 0; i < list.length; ++i)
            copy.push(list[i]);
        copy.push(name);
        return copy;
    }
    function removed(list: var, name: string): var {
        const copy = [];
        for (let i = 0; i < list.length; ++i) {
            if (list[i] !== name)
                copy.push(list[i]);
        }
        return copy;
    }

    spacing: 14 // the form's, between its fields

    FormField {
        label: qsTr("Permissions")
        error: access.error("permissions")
        PermissionPicker {
            id: permissionsInput
            Layout.fillWidth: true
            client: access.session.client
            capabilities: access.session.capabilities
            items: access.controller.permissions
            // A slug that does not exist yet is created with the key (marked "new" until then).
            offerCreate: true
            createText: access.createText(permissionsInput.typedName)
            takeText: access.takeText
            newItems: access.controller.newPermissions
            onAddRequested: name => access.controller.permissions = access.added(access.controller.permissions, name)
            onCreateRequested: name => {
                access.controller.newPermissions = access.added(access.controller.newPermissions, name);
                access.controller.permissions = access.added(access.controller.permissions, name);
            }
            onRemoveRequested: name => {
                access.controller.newPermissions = access.removed(access.controller.newPermissions, name);
                access.controller.permissions = access.removed(access.controller.permissions, name);
            }
        }
    }

    FormField {
        label: qsTr("Roles")
        error: access.error("roles")
        RolePicker {
            id: rolesInput
            Layout.fillWidth: true
            client: access.session.client
            capabilities: access.session.capabilities
            items: access.controller.roles
            // A new role is created when the key is issued, not now: Cancel leaves none behind.
            createText: access.createText(rolesInput.typedName)
            takeText: access.takeText
            newItems: access.controller.newRoles
            onAddRequested: name => access.controller.roles = access.added(access.controller.roles, name)
            onCreateRequested: name => {
                access.controller.newRoles = access.added(access.controller.newRoles, name);
                access.controller.roles = access.added(access.controller.roles, name);
            }
            onRemoveRequested: name => {
                access.controller.newRoles = access.removed(access.controller.newRoles, name);
                access.controller.roles = access.removed(access.controller.roles, name);
            }
        }
    }
}
