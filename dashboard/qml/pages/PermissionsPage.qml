import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The workspace's permissions and roles side by side: search, create, delete (with confirmation);
// a role opens in RoleDialog to change its permissions.
Page {
    id: page

    required property Session session

    readonly property Capabilities may: session.capabilities
    /// "" when the root key may list permissions, and roles.
    readonly property string mayNotListPermissions: may.missing("rbac.*.read_permission", may.revision)
    readonly property string mayNotListRoles: may.missing("rbac.*.read_role", may.revision)
    property var pendingDelete: null

    function focusSearch() {
        permissionsPanel.focusSearch();
    }
    /// The characters of @p slug that a permission slug may not hold, each named once in the
    /// order typed ("spaces, “!”"); "" when there is none.
    function refusedInSlug(slug: string): string {
        const refused = [];
        for (const character of slug) {
            if (!/[a-zA-Z0-9_:\-.*]/.test(character) && !refused.includes(character))
                refused.push(character);
        }
        return refused.map(character => character === " " ? qsTr("spaces", "not allowed in a permission slug")
                                                           : qsTr("“%1”", "a character not allowed in a permission slug, quoted")
                                                             .arg(character)).join(", ");
    }

    title: qsTr("Permissions & roles")

    header: ListPageHeader {
        title: page.title
        settings: page.session.settings
        context: "PermissionsPage"
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: {
                permissions.refresh();
                roles.refresh();
            }
        }
    }

    // Not fetched before whoami answers, nor when the root key may not read them: the
    // placeholders say why.
    PermissionsModel {
        id: permissions
        client: !page.may.pending && page.mayNotListPermissions === "" ? page.session.client : null
        // A refused slug: the dialog comes back with what was typed and the server's answer.
        onCreateFailed: result => permissionDialog.refused(result)
        // The roles that granted it no longer do (walk 23b/Y11: they listed it until a reload).
        onRemoved: roles.refresh()
    }
    RolesModel {
        id: roles
        client: !page.may.pending && page.mayNotListRoles === "" ? page.session.client : null
        // A role's missing permissions are created with it.
        onCreated: permissions.refresh()
        onCreateFailed: result => roleDialog.refused(result)
    }
    Connections {
        target: page.session
        function onRbacChanged() {
            permissions.refresh();
            roles.refresh();
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 24

        // Two halves (walk 22/X21, X27): sized by their contents, the roles list (a description and
        // what it grants under each name) got a third of the width and cut its lines, beside
        // permissions with room to spare.
        NamedItemList {
            id: permissionsPanel
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true
            listModel: permissions
            heading: qsTr("Permissions")
            searchPlaceholder: qsTr("Search permissions")
            createText: qsTr("New permission")
            createMissing: page.may.missing("rbac.*.create_permission", page.may.revision)
            readMissing: page.mayNotListPermissions
            waiting: page.may.pending
            deleteMissing: page.may.missing("rbac.*.delete_permission", page.may.revision)
            emptyTitle: qsTr("No permissions yet")
            emptyHint: qsTr("A permission is a slug like “documents.read” that keys or roles grant; verifications can demand it.")
            primary: row => row.slug
            secondary: row => row.description !== "" ? row.description : (row.name !== row.slug ? row.name : "")
            onCreateRequested: permissionDialog.open()
            onDeleteRequested: row => {
                page.pendingDelete = {kind: "permission", id: row.permissionId, label: row.slug};
                confirmDelete.open();
            }
        }
        NamedItemList {
            objectName: "roles-list"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true
            secondaryLines: 2
            listModel: roles
            heading: qsTr("Roles")
            searchPlaceholder: qsTr("Search roles")
            createText: qsTr("New role")
            createMissing: page.may.missing("rbac.*.create_role", page.may.revision)
            readMissing: page.mayNotListRoles
            waiting: page.may.pending
            deleteMissing: page.may.missing("rbac.*.delete_role", page.may.revision)
            emptyTitle: qsTr("No roles yet")
            emptyHint: qsTr("A role bundles permissions, e.g. “support” with “tickets.read” and “tickets.write”.")
            primary: row => row.name
            secondary: row => (row.description !== "" ? row.description + " · " : "")
                              + (row.permissions.length > 0 ? row.permissions.join(", ") : qsTr("no permissions"))
            onCreateRequested: roleDialog.open()
            onActivated: row => {
                roleEditDialog.roleId = row.roleId;
                roleEditDialog.open();
            }
            onDeleteRequested: row => {
                page.pendingDelete = {kind: "role", id: row.roleId, label: row.name};
                confirmDelete.open();
            }
        }
    }

    RoleDialog {
        id: roleEditDialog
        session: page.session
        onChanged: {
            roles.refresh();
            permissions.refresh(); // a permission typed in the dialog may have been created
        }
    }

    ConfirmDialog {
        id: confirmDelete
        objectName: "confirmDelete"
        title: page.pendingDelete !== null && page.pendingDelete.kind === "role" ? qsTr("Delete role")
                                                                                  : qsTr("Delete permission")
        // No count of the keys that hold a role (walk 20/11): no endpoint counts them, and counting
        // here would read every key of every API. The question says how far it reaches instead.
        text: page.pendingDelete === null ? ""
              : page.pendingDelete.kind === "permission"
                ? qsTr("Delete the permission “%1”? Keys and roles that grant it lose it.").arg(page.pendingDelete.label)
                : qsTr("Delete the role “%1”? Every key that holds it, in every API, loses the permissions it grants at once. This cannot be undone.").arg(page.pendingDelete.label)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            if (page.pendingDelete.kind === "permission")
                permissions.remove(page.pendingDelete.id);
            else
                roles.remove(page.pendingDelete.id);
        }
    }

    // Enter in a field and Ctrl+Enter create (FormDialog); Esc and Cancel ask before discarding what was typed.
    FormDialog {
        id: permissionDialog
        objectName: "permission-dialog"
        title: qsTr("New permission")
        /// What the slug typed holds that a slug may not ("spaces, “!”"); "" when nothing.
        readonly property string notAllowed: page.refusedInSlug(slugField.text)
        /// The signs a slug may hold besides letters and digits, kept on one line (no-break
        /// spaces): the hint and the error broke them apart, "… and _" over ": - . *" (walk 23b, Y13).
        readonly property string slugSigns: "_\u00a0:\u00a0-\u00a0.\u00a0*"

        modified: slugField.text.trim() !== "" || descriptionField.text.trim() !== ""
        discardTitle: qsTr("Discard this permission's details?")
        acceptName: "permission-create"
        canAccept: slugField.text !== "" && notAllowed === ""
        answerField: slugField
        anchors.centerIn: Overlay.overlay
        width: Math.min(480, page.width - 48)
        onStarted: {
            slugField.text = "";
            descriptionField.text = "";
            slugField.forceActiveFocus();
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 14 // the issue form's between its fields: a hint stays with its own field
            FormField {
                label: qsTr("Slug")
                hint: qsTr("Letters, digits and %1, e.g. “documents.read”.").arg(permissionDialog.slugSigns)
                // What was typed stays as typed, and the message names what is refused (walk 22/X28:
                // a validator dropped "bad name!" to "badname" without a word).
                error: permissionDialog.notAllowed === "" ? permissionDialog.serverError
                       : qsTr("Not allowed in a slug: %1. Only letters, digits and %2 are.")
                         .arg(permissionDialog.notAllowed).arg(permissionDialog.slugSigns)
                TextField {
                    id: slugField
                    objectName: "permission-slug"
                    Layout.fillWidth: true
                    selectByMouse: true
                    maximumLength: 128
                    Accessible.name: qsTr("Permission slug")
                }
            }
            FormField {
                label: qsTr("Description (optional)")
                TextField {
                    id: descriptionField
                    Layout.fillWidth: true
                    selectByMouse: true
                    Accessible.name: qsTr("Permission description")
                }
            }
        }
        onAccepted: permissions.create(slugField.text, slugField.text, descriptionField.text.trim())
    }

    FormDialog {
        id: roleDialog
        objectName: "role-dialog"
        title: qsTr("New role")
        /// The permissions chosen in the picker so far.
        property var picked: []
        /// Those of `picked` the workspace does not have yet (created with the role; marked "new").
        property var pickedNew: []
        modified: roleNameField.text.trim() !== "" || roleDescriptionField.text.trim() !== "" || picked.length > 0
                  || rolePermissionPicker.holdsTypedName
        discardTitle: qsTr("Discard this role's details?")
        acceptName: "role-create"
        canAccept: roleNameField.text.trim() !== ""
        answerField: roleNameField
        anchors.centerIn: Overlay.overlay
        width: Math.min(480, page.width - 48)
        onStarted: {
            roleNameField.text = "";
            roleDescriptionField.text = "";
            picked = [];
            pickedNew = [];
            roleNameField.forceActiveFocus();
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 14 // the issue form's between its fields: a hint stays with its own field
            FormField {
                label: qsTr("Name")
                error: roleDialog.serverError
                TextField {
                    id: roleNameField
                    Layout.fillWidth: true
                    selectByMouse: true
                    Accessible.name: qsTr("Role name")
                }
            }
            FormField {
                label: qsTr("Description (optional)")
                TextField {
                    id: roleDescriptionField
                    Layout.fillWidth: true
                    selectByMouse: true
                    Accessible.name: qsTr("Role description")
                }
            }
            FormField {
                label: qsTr("Permissions (optional)")
                hint: qsTr("Missing ones are created with the role.")
                // The same picker as the role's own dialog and the issue dialog.
                PermissionPicker {
                    id: rolePermissionPicker
                    objectName: "new-role-permission-picker"
                    Layout.fillWidth: true
                    // Suggestions are fetched when the dialog opens, not with the page (before
                    // whoami answered, for a key that may not even read permissions).
                    client: roleDialog.visible ? page.session.client : null
                    capabilities: page.session.capabilities
                    items: roleDialog.picked
                    emptyText: qsTr("This role grants no permissions.")
                    // A slug that does not exist yet is created with the role: its chip says "new",
                    // as in the issue-key dialog, and nothing is created before "Create".
                    offerCreate: true
                    createText: qsTr("Add new", "a permission created when the role is created").toLocaleUpperCase()
                    newItems: roleDialog.pickedNew
                    onAddRequested: name => roleDialog.picked = roleDialog.picked.concat([name])
                    onCreateRequested: name => {
                        roleDialog.pickedNew = roleDialog.pickedNew.concat([name]);
                        roleDialog.picked = roleDialog.picked.concat([name]);
                    }
                    onRemoveRequested: name => {
                        roleDialog.pickedNew = roleDialog.pickedNew.filter(p => p !== name);
                        roleDialog.picked = roleDialog.picked.filter(p => p !== name);
                    }
                }
            }
        }
        onAccepted: {
            roles.create(roleNameField.text.trim(), roleDescriptionField.text.trim(), picked);
        }
    }
}
