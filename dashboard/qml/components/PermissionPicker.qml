import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Chooses direct permissions by slug, suggesting the workspace's permissions as the user types.
// A slug that does not exist yet is created by the server when it is granted; one the server
// would refuse (its rule for slugs: 1 to 128 of a-z A-Z 0-9 _ : - . *) is not offered, and the
// rule is said under the field.
TagListEditor {
    id: picker

    required property ApiClient client
    /// The connected root key's (optional): the suggestions wait for rootKeys.whoami and are not
    /// fetched when the key may not list the workspace's permissions (said under the field instead).
    property Capabilities capabilities: null

    objectName: "permission-picker"
    suggestionRole: "slug"
    placeholderText: qsTr("Permission, e.g. documents.read")
    accessibleName: qsTr("Add a permission")
    emptyText: qsTr("No direct permissions.")
    newEntryText: qsTr("Grant")
    createText: qsTr("Create and grant").toLocaleUpperCase()
    takeText: qsTr("Grant %1", "the highlighted permission that Enter grants")
    createItemText: qsTr("Create permission “%1” for the whole workspace")
    typedProblem: typedName === "" ? ""
                  : typedName.length > 128 ? qsTr("At most 128 characters.")
                  : /^[a-zA-Z0-9_:\-\.\*]+$/.test(typedName) ? ""
                  // The signs on one line (no-break spaces), as the New permission dialog's (walk 23b, Y13).
                  : qsTr("Only letters, digits and %1 are allowed.").arg("_\u00a0:\u00a0-\u00a0.\u00a0*")
    suggestionsMissing: capabilities ? capabilities.missing("rbac.*.read_permission", capabilities.revision) : ""
    suggestions: PermissionsModel {
        client: picker.capabilities && (picker.capabilities.pending || picker.suggestionsMissing !== "") ? null : picker.client
        pageSize: 20
    }
}
