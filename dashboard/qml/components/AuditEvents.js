.pragma library

// The audit log's events and target types in the UI's language: "Role added to key" for the
// server's "authorization.connect_role_and_key", "Schlüssel" for a "key" target. A name the
// dashboard does not know (a newer server) is shown as the server writes it.

/// Every event the server writes (a function: qmllint 6.4 does not see a library's const from QML) (backend/: where the store and the routes write audit rows).
function allEvents() {
    return ["api.create", "api.delete", "key.create", "key.update", "key.delete", "key.reroll",
                "identity.create", "identity.update", "identity.delete", "permission.create",
                "permission.delete", "role.create", "role.delete",
                "authorization.connect_permission_and_key", "authorization.disconnect_permission_and_key",
                "authorization.connect_role_and_key", "authorization.disconnect_role_and_key",
                "authorization.connect_role_and_permission", "authorization.disconnect_role_and_permissions",
                "ratelimit.create", "ratelimit.update", "ratelimit.delete", "ratelimit.set_override",
                "ratelimit.delete_override", "ratelimitNamespace.create", "ratelimitNamespace.update",
                "ratelimitNamespace.delete", "rootKey.create", "rootKey.delete"];
}

/// @p event ("key.update") in words ("Key updated"); an unknown one as it is.
function eventName(event) {
    switch (event) {
    case "api.create": return qsTr("API created");
    case "api.delete": return qsTr("API deleted");
    case "key.create": return qsTr("Key issued");
    case "key.update": return qsTr("Key updated");
    case "key.delete": return qsTr("Key deleted");
    case "key.reroll": return qsTr("Key rerolled");
    case "identity.create": return qsTr("Owner created");
    case "identity.update": return qsTr("Owner updated");
    case "identity.delete": return qsTr("Owner deleted");
    case "permission.create": return qsTr("Permission created");
    case "permission.delete": return qsTr("Permission deleted");
    case "role.create": return qsTr("Role created");
    case "role.delete": return qsTr("Role deleted");
    case "authorization.connect_permission_and_key": return qsTr("Permission added to key");
    case "authorization.disconnect_permission_and_key": return qsTr("Permission removed from key");
    case "authorization.connect_role_and_key": return qsTr("Role added to key");
    case "authorization.disconnect_role_and_key": return qsTr("Role removed from key");
    case "authorization.connect_role_and_permission": return qsTr("Permission added to role");
    case "authorization.disconnect_role_and_permissions": return qsTr("Permission removed from role");
    case "ratelimit.create": return qsTr("Rate limit created");
    case "ratelimit.update": return qsTr("Rate limit updated");
    case "ratelimit.delete": return qsTr("Rate limit deleted");
    case "ratelimit.set_override": return qsTr("Override set");
    case "ratelimit.delete_override": return qsTr("Override deleted");
    case "ratelimitNamespace.create": return qsTr("Namespace created");
    case "ratelimitNamespace.update": return qsTr("Namespace renamed");
    case "ratelimitNamespace.delete": return qsTr("Namespace deleted");
    case "rootKey.create": return qsTr("Root key created");
    case "rootKey.delete": return qsTr("Root key revoked"); // as the Root keys page says (walkthrough 21 W28)
    }
    return event;
}

/// A target's @p type ("rootKey") in words ("root key"), lower case where the language writes it
/// so inside a line; an unknown one as it is.
function targetType(type) {
    switch (type) {
    case "api": return qsTr("API", "audit target");
    case "key": return qsTr("key", "audit target");
    case "keySpace": return qsTr("key space", "audit target");
    case "identity": return qsTr("owner", "audit target");
    case "permission": return qsTr("permission", "audit target");
    case "role": return qsTr("role", "audit target");
    case "ratelimit": return qsTr("rate limit", "audit target");
    case "ratelimitNamespace": return qsTr("namespace", "audit target");
    case "ratelimitOverride": return qsTr("override", "audit target");
    case "rootKey": return qsTr("root key", "audit target");
    }
    return type;
}

/// "type id (name)" per target of @p targets ([{type, id, name?}]) of an @p event, one a line. A
/// key space is an API's internal half: next to its API (which the server adds to rows that name
/// only the key space) it is left out, as AuditLogModel's `targets` does. A reroll's two keys
/// have the same name: they are the "old key" and the "new key", the old one first (the server
/// names the new one first).
function targetLines(targets, event) {
    const list = targets || [];
    const namesApi = list.some(target => target.type === "api");
    let shown = list.filter(target => !(namesApi && target.type === "keySpace"));
    const keys = shown.filter(target => target.type === "key");
    const reroll = event === "key.reroll" && keys.length === 2;
    if (reroll)
        shown = [keys[1], keys[0]].concat(shown.filter(target => target.type !== "key"));
    const typeOf = target => !reroll || target.type !== "key" ? targetType(target.type)
                           : target === keys[1] ? qsTr("old key", "audit target: the key a reroll replaced")
                           : qsTr("new key", "audit target: the key a reroll made");
    return shown.map(target => typeOf(target) + " " + target.id + (target.name ? " (" + target.name + ")" : ""))
                .join("\n");
}

// @p text with its %1 … %9 replaced by @p values in one pass: a name's own "%2" stays as it is
// (String.arg() one value after the other would fill it with the next value). A placeholder
// without a value stays too.
function fillIn(text, values) {
    return text.replace(/%([1-9])/g, (placeholder, n) => n <= values.length ? String(values[n - 1]) : placeholder);
}
