import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Chooses roles by name, suggesting the workspace's roles as the user types. A name that does not
// exist is offered as "Create and add" (createRequested): the host creates the role first.
TagListEditor {
    id: picker

    required property ApiClient client
    /// The connected root key's (optional): the suggestions wait for rootKeys.whoami and are not
    /// fetched when the key may not list the workspace's roles (said under the field instead).
    property Capabilities capabilities: null

    objectName: "role-picker"
    suggestionRole: "name"
    placeholderText: qsTr("Role, e.g. support")
    accessibleName: qsTr("Add a role")
    emptyText: qsTr("No roles.")
    newEntryText: qsTr("Add")
    offerCreate: true
    createItemText: qsTr("Create role ‘%1’")
    suggestionsMissing: capabilities ? capabilities.missing("rbac.*.read_role", capabilities.revision) : ""
    suggestions: RolesModel {
        client: picker.capabilities && (picker.capabilities.pending || picker.suggestionsMissing !== "") ? null : picker.client
        pageSize: 20
    }
}
