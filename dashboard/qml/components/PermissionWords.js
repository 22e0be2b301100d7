.pragma library

// A root key's permission in words, the same on the Root keys page (its create dialog and its
// list) and in Settings' connection summary: "View keys" for api.*.read_key. An action the
// dashboard does not know (a newer server) reads as its name with spaces.

/// The action of @p permission ("area.scope.action") in words.
function actionLabel(permission) {
    const action = permission.split(".")[2] || permission;
    switch (action) {
    case "create_api": return qsTr("Create APIs");
    case "read_api": return qsTr("View APIs");
    case "update_api": return qsTr("Edit APIs");
    case "delete_api": return qsTr("Delete APIs");
    case "create_key": return qsTr("Issue keys");
    case "read_key": return qsTr("View keys");
    case "update_key": return qsTr("Edit keys");
    case "delete_key": return qsTr("Delete keys");
    case "verify_key": return qsTr("Verify keys");
    case "encrypt_key": return qsTr("Store keys recoverably");
    case "decrypt_key": return qsTr("Show stored keys");
    case "read_analytics": return qsTr("View analytics");
    case "limit": return qsTr("Check rate limits");
    case "create_namespace": return qsTr("Create namespaces");
    case "read_namespace": return qsTr("View namespaces");
    case "update_namespace": return qsTr("Edit namespaces");
    case "delete_namespace": return qsTr("Delete namespaces");
    case "set_override": return qsTr("Set overrides");
    case "read_override": return qsTr("View overrides");
    case "delete_override": return qsTr("Delete overrides");
    case "create_permission": return qsTr("Create permissions");
    case "read_permission": return qsTr("View permissions");
    case "update_permission": return qsTr("Edit permissions");
    case "delete_permission": return qsTr("Delete permissions");
    case "create_role": return qsTr("Create roles");
    case "read_role": return qsTr("View roles");
    case "update_role": return qsTr("Edit roles");
    case "delete_role": return qsTr("Delete roles");
    case "add_permission_to_key": return qsTr("Give keys permissions");
    case "remove_permission_from_key": return qsTr("Take permissions from keys");
    case "add_role_to_key": return qsTr("Give keys roles");
    case "remove_role_from_key": return qsTr("Take roles from keys");
    case "add_permission_to_role": return qsTr("Add permissions to roles");
    case "remove_permission_from_role": return qsTr("Remove permissions from roles");
    case "create_identity": return qsTr("Create owners");
    case "read_identity": return qsTr("View owners");
    case "update_identity": return qsTr("Edit owners");
    case "delete_identity": return qsTr("Delete owners");
    case "create_root_key": return qsTr("Create root keys");
    case "read_root_key": return qsTr("View root keys");
    case "delete_root_key": return qsTr("Delete root keys");
    case "read_audit_log": return qsTr("Read the audit log");
    }
    return action.replace(/_/g, " ");
}

/// @p permission in words, as a root key's list shows it: "View keys", one limited to a single API
/// or namespace naming it ("View keys (api_1…)"); anything else (a wildcard action) stays raw.
function words(permission) {
    const parts = permission.split(".");
    if (parts.length !== 3 || parts[2] === "*")
        return permission;
    const action = actionLabel(permission);
    return parts[1] === "*" ? action : qsTr("%1 (%2)", "a permission in words and the one API or namespace it is limited to").arg(action).arg(parts[1]);
}
