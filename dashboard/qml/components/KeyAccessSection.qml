import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key's direct permissions and roles. Each chip added or removed is saved at once
// (keys.addPermissions / removePermissions / addRoles / removeRoles), which the card says and
// confirms with "Saved"; unknown permissions are created by the server, unknown roles are
// created first ("Create and add").
KeySection {
    id: section

    required property KeyDetailController key
    required property Session session

    // var: qmllint cannot look into a QVariantMap's keys.
    readonly property var savingNow: key.saving
    readonly property var errorsNow: key.errors

    title: qsTr("Permissions and roles")
    field: "permissions"
    controller: key
    showButtons: false
    savedFields: ["permissions", "roles"]
    // A grant's chip is shown with "✓ Saved" after it (walkthrough 22 X3).
    changedParts: ({ permissions: permissionPicker, roles: rolePicker })
    missing: session.capabilities.missing(key.permissionFor("update_key", key.apiId), session.capabilities.revision)

    // Granting may create a permission, "Create and add" a role: the lists of them refresh.
    Connections {
        target: section.key
        function onSaved(field: string) {
            if (field === "permissions" || field === "roles")
                section.session.rbacChanged();
        }
    }

    Label {
        text: qsTr("Permissions")
        font.bold: true
    }
    PermissionPicker {
        id: permissionPicker
        Layout.fillWidth: true
        client: section.session.client
        capabilities: section.session.capabilities
        items: section.key.permissions
        busy: section.savingNow["permissions"] === true
        enabled: section.session.capabilities.may("rbac.*.add_permission_to_key", section.session.capabilities.revision)
        onAddRequested: name => section.key.addPermission(name)
        onRemoveRequested: name => section.key.removePermission(name)
    }

    Label {
        text: qsTr("Roles")
        font.bold: true
    }
    RolePicker {
        id: rolePicker
        objectName: "key-role-picker"
        Layout.fillWidth: true
        client: section.session.client
        capabilities: section.session.capabilities
        items: section.key.roles
        busy: section.savingNow["roles"] === true
        onAddRequested: name => section.key.addRole(name)
        onCreateRequested: name => section.key.createAndAddRole(name)
        onRemoveRequested: name => section.key.removeRole(name)
    }
    Label {
        Layout.fillWidth: true
        visible: section.errorsNow["roles"] !== undefined
        text: section.errorsNow["roles"] !== undefined ? section.errorsNow["roles"] : ""
        color: "#c62828"
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
