import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Chooses direct permissions by slug, suggesting the workspace's permissions as the user types.
// A slug that does not exist yet is created by the server when it is granted.
TagListEditor {
    id: picker

    required property ApiClient client

    objectName: "permission-picker"
    suggestionRole: "slug"
    placeholderText: qsTr("Permission, e.g. documents.read")
    accessibleName: qsTr("Add a permission")
    emptyText: qsTr("No direct permissions.")
    newEntryText: qsTr("Grant")
    createItemText: qsTr("Create permission ‘%1’")
    suggestions: PermissionsModel {
        client: picker.client
        pageSize: 20
    }
}
