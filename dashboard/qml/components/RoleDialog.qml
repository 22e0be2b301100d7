import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// A role's permissions, changed after it was created (Permissions & roles page, a click on a
// role): its permissions as chips, ✕ removes one, the field grants a workspace permission or
// creates a new one (RoleEditor: permissions.setRolePermissions; its chip says "new"). Greyed, with the missing
// permission in a tooltip, when the root key may not change roles.
Dialog {
    id: dialog

    required property Session session
    /// The role shown; set before open().
    property alias roleId: editor.roleId
    readonly property alias editor: editor
    /// "" when the root key may add and remove a role's permissions; else the sentence saying
    /// which permission it lacks.
    readonly property string missing: {
        const caps = dialog.session.capabilities;
        if (!caps.known && caps.permissions.length === 0) // read: evaluated again when whoami answers
            return "";
        const add = caps.missing("rbac.*.add_permission_to_role");
        return add !== "" ? add : caps.missing("rbac.*.remove_permission_from_role");
    }

    /// The permissions this dialog created for the role (typed, not in the workspace before):
    /// their chips say "new", as the issue-key dialog's do, until another role is shown.
    property var created: []
    onRoleIdChanged: created = []
    onAboutToShow: created = []

    /// A permission was added or removed.
    signal changed()

    objectName: "role-edit-dialog"
    title: editor.loaded ? qsTr("Role “%1”").arg(editor.name) : ""
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 48 : 560)

    RoleEditor {
        id: editor
        client: dialog.session.client
        onSaved: dialog.changed()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            Layout.fillWidth: true
            visible: editor.description !== ""
            text: editor.description
            wrapMode: Text.Wrap
            opacity: 0.8
        }
        Label {
            text: qsTr("Permissions")
            font.bold: true
        }
        // A disabled picker gets no hover events: the tooltip hangs on this wrapper. It keeps room
        // under the field for the suggestions (a list of five), which stay inside the dialog's
        // content, clear of Close (walkthrough 20/20: they hung past the dialog's bottom edge).
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(picker.implicitHeight, 300)
            PermissionPicker {
                id: picker
                objectName: "role-permission-picker"
                anchors.left: parent.left
                anchors.right: parent.right
                // Its suggestions are fetched when the dialog opens, not with the page that holds
                // it (before whoami answered, for a key that may not even read permissions).
                client: dialog.visible ? dialog.session.client : null
                capabilities: dialog.session.capabilities
                items: editor.permissions
                busy: editor.busy
                emptyText: qsTr("This role grants no permissions.")
                enabled: editor.loaded && dialog.missing === ""
                // A slug the workspace does not have yet is created with the grant (the server
                // creates it); its chip is marked "new".
                offerCreate: true
                newItems: dialog.created
                bounds: dialog.contentItem
                onAddRequested: name => editor.addPermission(name)
                onCreateRequested: name => {
                    if (editor.addPermission(name))
                        dialog.created = dialog.created.concat([name.trim()]);
                }
                onRemoveRequested: name => editor.removePermission(name)
            }
            TipHover {
                id: hover
            }
            ToolTip.visible: hover.showsTip && dialog.missing !== ""
            ToolTip.text: dialog.missing
            ToolTip.delay: 300
        }
        Label {
            objectName: "role-edit-error"
            Layout.fillWidth: true
            visible: editor.error !== ""
            text: editor.error
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
        }
    }

    // Roles as Dialog.*Role: the same enum, which Qt 6.4's qmltypes declare on Dialog only.
    footer: DialogButtonBox {
        FocusButton {
            text: qsTr("Close")
            flat: true
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }
}
