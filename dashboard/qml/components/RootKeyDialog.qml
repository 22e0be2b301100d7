import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// "New root key": a name and the permissions, grouped by area with "all" per group. `groups` is
// RootKeysModel.permissionGroups (the server's own table); only what `may` holds can be granted.
// `createRequested(name, permissions)` on Create (Enter in the name, Ctrl+Enter: FormDialog) once a
// permission is chosen; "Read-only" ticks every View permission, and nothing else. Once the
// server made the key, showCreated() opens the dialog again on the key itself, shown once in the
// same ShowOnceKey block as a customer key's (`copyRequested(text)`: put it on the clipboard).
// Esc or Cancel after a name was typed or a permission ticked asks first (FormDialog).
// "For which APIs" limits the APIs-and-keys permissions to one API (walk 21/W25): `api.<id>.read_key` for
// that API's id instead of `api.*.read_key`; creating APIs stays a workspace-wide permission.
FormDialog {
    id: dialog

    /// RootKeysModel.permissionGroups: [{area, permissions: [{permission, action}]}].
    property var groups: []
    /// The connected key's capabilities: a root key can only grant what it holds itself.
    property Capabilities may
    /// The permissions ticked so far, as for every API (`api.*.…`; scoped() makes them the chosen API's).
    property var picked: []
    /// Where the APIs come from for "For which APIs" (the page's session's client); null: every API only.
    property ApiClient client
    /// The API the APIs-and-keys permissions are limited to; "": every API.
    property string apiScope: ""
    /// "For which APIs"' entries: every API, then each API listed ({apiId, name}).
    property var apiChoices: [{apiId: "", name: qsTr("All APIs")}]
    /// The names of the root keys listed (the page's), to warn of a second key of the same name.
    property var takenNames: []
    readonly property bool nameTaken: nameField.text.trim() !== "" && takenNames.indexOf(nameField.text.trim()) >= 0

    /// The created key while it is shown (cleared when the dialog closes).
    property string shownKey
    property string shownKeyId
    readonly property bool showing: shownKey !== ""
    readonly property bool canCreate: picked.length > 0
    /// The permissions' columns in each group, of equal width: two (a label longer than its column
    /// wraps: German's "Schlüssel wiederherstellbar speichern" at 1024 px), one where a column
    /// would be narrower than 220 px (a narrow window).
    readonly property int permissionColumns: groupColumn.width - permissionIndent >= 2 * 220 + permissionSpacing ? 2 : 1
    /// The permissions' indent under their group's box, and the room between two columns.
    readonly property real permissionIndent: 24
    readonly property real permissionSpacing: 8
    /// The permissions that only read (each action `read_…`, "View …" in words): the read-only
    /// preset. Not "Show stored keys" (decrypt_key), which reveals secrets.
    function reads(permission: string): bool {
        const parts = permission.split(".");
        return parts.length === 3 && parts[2].startsWith("read_");
    }
    /// The read-only preset: every read permission this key can grant, and nothing else.
    function pickReadOnly(): void {
        const all = [];
        for (const group of groups)
            all.push(...grantable(group.permissions).filter(p => reads(p)));
        picked = all;
    }
    /// "View keys" without "View APIs": allowed, but such a key lists no API and finds no key by
    /// name (Go to), only by its exact id; said under the permissions, not forced (issue 4).
    readonly property bool keysWithoutApis: picked.includes("api.*.read_key") && !picked.includes("api.*.read_api")

    signal createRequested(string name, var permissions)
    signal copyRequested(string text)

    /// Shows the root key the server just created, this one time.
    function showCreated(rootKeyId: string, key: string): void {
        shownKeyId = rootKeyId;
        shownKey = key;
        open();
    }

    /// Whether @p permission (as for every API) can be limited to one API: not a workspace-wide
    /// one such as creating APIs (the server refuses `api.<id>.create_api`).
    function scopable(permission) {
        return permission.startsWith("api.*.") && permission !== "api.*.create_api";
    }
    /// @p permission as the key gets it: for the chosen API only when one is chosen.
    function scoped(permission) {
        return apiScope !== "" && scopable(permission) ? "api." + apiScope + "." + permission.slice(6) : permission;
    }
    /// Whether @p permission can be ticked: the connected key holds it (as the new key would get
    /// it), and it is not workspace-wide while one API is chosen.
    function offered(permission) {
        if (apiScope !== "" && permission.startsWith("api.*.") && !scopable(permission))
            return false;
        return !dialog.may || dialog.may.may(scoped(permission), dialog.may.revision);
    }
    function grantable(members) {
        return members.map(m => m.permission).filter(p => dialog.offered(p));
    }
    function chooseApi(apiId: string): void {
        apiScope = apiId;
        picked = picked.filter(p => offered(p)); // creating APIs goes with "All APIs"
    }
    function listApis(): void {
        const choices = [{apiId: "", name: qsTr("All APIs")}];
        for (let row = 0; row < apis.count; ++row) {
            const api = apis.rowObject(row);
            choices.push({apiId: api.id, name: api.name});
        }
        apiChoices = choices;
        // A new model resets the box: keep the API chosen (or all APIs, when it is gone).
        if (!choices.some(choice => choice.apiId === apiScope))
            chooseApi("");
        apiBox.currentIndex = Math.max(0, choices.findIndex(choice => choice.apiId === apiScope));
    }
    function setPicked(permissions, on) {
        const rest = picked.filter(p => permissions.indexOf(p) < 0);
        picked = on ? rest.concat(permissions) : rest;
    }
    function areaTitle(area) {
        switch (area) {
        case "api": return qsTr("APIs and keys");
        case "ratelimit": return qsTr("Rate limits");
        case "rbac": return qsTr("Roles and permissions");
        case "identity": return qsTr("Identities");
        case "workspace": return qsTr("Workspace");
        }
        return area;
    }

    /// A permission's action in words ("Create APIs" for api.*.create_api; PermissionWords, which
    /// its `revision` follows into a new language); the raw permission stays in the box's tooltip.
    function actionLabel(permission) {
        return PermissionWords.actionLabel(permission, PermissionWords.revision);
    }

    title: showing ? qsTr("Root key created") : qsTr("New root key")
    modified: !showing && (nameField.text.trim() !== "" || picked.length > 0)
    discardTitle: qsTr("Discard this root key's details?")
    // Shown, the key not copied: Esc and Done ask before it is gone.
    shownOnce: shownBlock
    anchors.centerIn: Overlay.overlay
    width: Math.min(660, (Overlay.overlay ? Overlay.overlay.width : 660) - 48)
    // The form fills a fixed height (its list scrolls); the created key is as tall as it is.
    height: showing ? implicitHeight : Math.min(680, (Overlay.overlay ? Overlay.overlay.height : 680) - 48)
    answerField: nameField
    canAccept: !showing && canCreate
    onOpened: {
        if (showing)
            shownBlock.focusCopy(); // Enter copies the key
    }
    // A new form (not one the server refused, which comes back as it was).
    onStarted: {
        if (showing)
            return;
        clearForm();
        nameField.forceActiveFocus();
    }
    function clearForm(): void {
        nameField.text = "";
        picked = [];
        apiScope = "";
        apiBox.currentIndex = 0;
    }
    // The secret does not outlive the dialog; nor does the form of a key made (the next one
    // starts empty from its first frame, not once its opening ends).
    onClosed: {
        if (showing)
            clearForm();
        shownKey = "";
        shownKeyId = "";
    }

    // Two blocks, one shown at a time: the dialog cannot size itself to one of them on its own.
    contentHeight: showing ? shownBlock.implicitHeight : 0

    ShowOnceKey {
        id: shownBlock
        visible: dialog.showing
        width: dialog.availableWidth
        keyText: dialog.shownKey
        keyId: dialog.shownKeyId
        curlText: ""
        onCopyRequested: text => dialog.copyRequested(text)
    }

    ColumnLayout {
        anchors.fill: parent
        visible: !dialog.showing
        FormField {
            label: qsTr("Name")
            // The server takes a second key of a name (walkthrough 19/5: a second "bootstrap"),
            // after which the list, the revoke question and the sidebar no longer tell them apart.
            hint: dialog.nameTaken ? qsTr("A root key is named “%1” already: give this one a name of its own, so that the list, the audit log and the revoke question tell them apart.").arg(nameField.text.trim()) : ""
            TextField {
                id: nameField
                objectName: "rootKeyName"
                Layout.fillWidth: true
                selectByMouse: true
                placeholderText: qsTr("e.g. “billing backend”")
                Accessible.name: qsTr("Root key name")
            }
        }
        FormField {
            label: qsTr("For which APIs")
            hint: dialog.apiScope !== "" ? qsTr("The APIs and keys permissions apply to this API only; this key cannot create APIs.") : ""
            ThemedComboBox {
                id: apiBox
                objectName: "rootKeyApi"
                // As wide as the Name field above: bound to its parent's width, the box was laid
                // out 0 px wide before the form had one, and stayed so (walkthrough 22, X13).
                Layout.fillWidth: true
                model: dialog.apiChoices
                textRole: "name"
                valueRole: "apiId"
                Accessible.name: qsTr("APIs this root key may act on")
                onActivated: dialog.chooseApi(currentValue)
                FocusFrame {
                    control: apiBox
                }
            }
            // Every page of APIs, fetched while the dialog is open (a new API shows at the next opening).
            ApisModel {
                id: apis
                client: dialog.visible && !dialog.showing ? dialog.client : null
                onPageLoaded: {
                    dialog.listApis();
                    if (apis.hasMore)
                        apis.loadMore();
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Permissions (%1 chosen)").arg(dialog.picked.length)
                font.bold: true
                wrapMode: Text.Wrap
            }
            // A support desk's key in one click (walkthrough 23b, Y3): it replaces what is ticked.
            FocusButton {
                objectName: "rootKeyReadOnly"
                text: qsTr("Read-only", "a root key preset: every View permission")
                flat: true
                Accessible.description: qsTr("Ticks every permission that only reads (View …) and unticks the rest.")
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: Accessible.description
                onClicked: dialog.pickReadOnly()
            }
        }
        ScrollView {
            id: scroll
            objectName: "rootKeyPermissions"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            // A scroll bar that shows only while scrolling hides that the Identities and Workspace
            // groups are there at all (issue 4): shown whenever the groups are taller than the view,
            // in a strip of its own so it covers no check box.
            readonly property bool scrollable: contentHeight > availableHeight
            ScrollBar.vertical.policy: scrollable ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            rightPadding: scrollable ? ScrollBar.vertical.width + 4 : 0
            // A margin inside the scrolled area for the focus frames of the boxes at its edges
            // (FocusFrame lies 3 px outside its box; the view clips at its edge).
            Item {
                width: scroll.availableWidth
                implicitWidth: groupColumn.implicitWidth + 8
                implicitHeight: groupColumn.implicitHeight + 8
                ColumnLayout {
                    id: groupColumn
                    x: 4
                    y: 4
                    width: parent.width - 8
                    Repeater {
                        model: dialog.groups
                        // An id inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow it.
                        delegate: RootKeyPermissionGroup {
                            rootKeyDialog: dialog // qmllint disable unqualified
                        }
                    }
                }
            }
        }
        Label {
            objectName: "keysWithoutApisHint"
            Layout.fillWidth: true
            visible: dialog.keysWithoutApis
            text: qsTr("“%1” without “%2”: this key can open a key only by its exact id, with no list of APIs and no Go to by name.")
                  .arg(dialog.actionLabel("api.*.read_key")).arg(dialog.actionLabel("api.*.read_api"))
            wrapMode: Text.Wrap
            opacity: 0.7
        }
    }

    // Our own row rather than a DialogButtonBox: its buttons change with the stage, and a hidden
    // button keeps no room in a RowLayout.
    footer: Pane {
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            DialogError {
                Layout.fillWidth: true
                visible: !dialog.showing && text !== ""
                text: dialog.requestError
                serverDetail: dialog.requestServerDetail
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    visible: !dialog.showing && !dialog.canCreate
                    text: qsTr("Choose at least one permission.")
                    opacity: 0.7
                    wrapMode: Text.Wrap
                }
                Item {
                    Layout.fillWidth: true
                    visible: dialog.showing || dialog.canCreate
                }
                FocusButton {
                    visible: !dialog.showing
                    text: qsTr("Cancel")
                    flat: true
                    onClicked: dialog.cancel()
                }
                FocusButton {
                    objectName: "createButton"
                    visible: !dialog.showing
                    enabled: dialog.canCreate
                    text: qsTr("Create")
                    highlighted: true
                    onClicked: dialog.acceptIfValid()
                }
                // "Done", as the other shown-once dialogs (it said "I have copied it": W26), and
                // like theirs it asks first while the key would be lost.
                FocusButton {
                    objectName: "rootkey-done"
                    visible: dialog.showing
                    text: qsTr("Done")
                    highlighted: true
                    onClicked: dialog.cancel()
                }
            }
        }
    }
    onAccepted: createRequested(nameField.text.trim(), picked.map(p => scoped(p)))
}
