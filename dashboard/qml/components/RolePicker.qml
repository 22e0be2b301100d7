import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// Chooses roles by name, suggesting the workspace's roles as the user types. A name that does not
// exist is offered as "Create and add" (createRequested): the host creates the role first.
// Each chosen role and each suggestion says what it grants (its permissions) and, apart from that,
// its description: a support person adding "reader" sees that it grants documents.read before it
// is granted.
TagListEditor {
    id: picker

    required property ApiClient client
    /// The connected root key's (optional): the suggestions wait for rootKeys.whoami and are not
    /// fetched when the key may not list the workspace's roles (said under the field instead).
    property Capabilities capabilities: null
    /// The client the role lists may use: none while whoami is pending or the key may not read roles.
    readonly property ApiClient listClient: capabilities && (capabilities.pending || suggestionsMissing !== "") ? null : client

    /// Every role of the workspace, all pages: what each chosen role grants. (The suggestions are
    /// only those matching the typed text.)
    readonly property RolesModel catalog: RolesModel {
        client: picker.listClient
        pageSize: 100
        onPageLoaded: if (picker.catalog.hasMore) picker.catalog.loadMore()
    }

    /// What the role in @p row (a permissions.listRoles item) grants.
    function grantsOf(row: var): string {
        const slugs = (row.permissions || []).map(permission => permission.slug);
        return slugs.length > 0 ? qsTr("Grants %1.", "a role: the permissions it grants").arg(slugs.join(", "))
                                : qsTr("Grants no permissions.", "a role");
    }
    /// The roles' rows, by name: the catalog's, then the suggestions' (fetched as the user types,
    /// they know a role made elsewhere since the catalog loaded; the counts re-run this as the
    /// roles arrive).
    readonly property var rolesByName: {
        const found = {};
        for (const roles of [catalog, suggestions]) {
            const count = roles.count;
            for (let i = 0; i < count; ++i) {
                const row = roles.rowObject(i);
                found[row.name] = row;
            }
        }
        return found;
    }
    /// Whether the catalog holds the role named @p name.
    function catalogHas(name: string): bool {
        for (let i = 0; i < catalog.count; ++i) {
            if (catalog.rowObject(i).name === name)
                return true;
        }
        return false;
    }
    /// A chosen role that the catalog does not hold (created since it loaded, also by the issue
    /// form when the key is issued): the catalog loads again.
    function refreshUnknown(): void {
        if (catalog.loading || catalog.hasMore || !listClient)
            return;
        for (let i = 0; i < items.length; ++i) {
            if (newItems.indexOf(items[i]) < 0 && !catalogHas(items[i])) {
                catalog.refresh();
                return;
            }
        }
    }

    objectName: "role-picker"
    suggestionRole: "name"
    placeholderText: qsTr("Role, e.g. support")
    accessibleName: qsTr("Add a role")
    emptyText: qsTr("No roles.")
    newEntryText: qsTr("Add")
    offerCreate: true
    createItemText: qsTr("Create role “%1” for the whole workspace")
    suggestionsMissing: capabilities ? capabilities.missing("rbac.*.read_role", capabilities.revision) : ""
    suggestions: RolesModel {
        client: picker.listClient
        pageSize: 20
    }
    descriptions: {
        const found = {};
        for (const name in rolesByName) {
            if (rolesByName[name].description)
                found[name] = rolesByName[name].description;
        }
        return found;
    }
    details: {
        const found = {};
        for (const name in rolesByName)
            found[name] = grantsOf(rolesByName[name]);
        // Created with the key (the issue form): none granted until the Permissions page adds some.
        for (let j = 0; j < newItems.length; ++j) {
            if (found[newItems[j]] === undefined)
                found[newItems[j]] = qsTr("New role: grants no permissions until some are added under Permissions & roles.");
        }
        return found;
    }
    onItemsChanged: refreshUnknown()
    onNewItemsChanged: refreshUnknown()
}
