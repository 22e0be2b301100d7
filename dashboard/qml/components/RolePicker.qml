import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Chooses roles by name, suggesting the workspace's roles as the user types. A name that does not
// exist is offered as "Create and add" (createRequested): the host creates the role first.
TagListEditor {
    id: picker

    required property ApiClient client

    objectName: "role-picker"
    suggestionRole: "name"
    placeholderText: qsTr("Role, e.g. support")
    accessibleName: qsTr("Add a role")
    emptyText: qsTr("No roles.")
    newEntryText: qsTr("Add")
    offerCreate: true
    createItemText: qsTr("Create role ‘%1’")
    suggestions: RolesModel {
        client: picker.client
        pageSize: 20
    }
}
