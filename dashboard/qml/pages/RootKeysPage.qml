import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The workspace's root keys: create one with chosen permissions (its secret is shown once),
// revoke one (it stops working at once). The key in use cannot revoke itself.
Page {
    id: page

    required property Session session

    /// The names of the root keys listed.
    function listedNames(): var {
        const names = [];
        for (let i = 0; i < rootKeys.count; ++i)
            names.push(rootKeys.rowObject(i).name ?? "");
        return names;
    }
    /// "" when the root key may list what this page shows.
    readonly property string mayNotList: session.capabilities.missing("workspace.*.read_root_key", session.capabilities.revision)

    readonly property Capabilities may: session.capabilities

    /// A root key's permissions in the words of the create dialog ("Create APIs, View keys"); one
    /// limited to a single API names it by its name ("View keys (payments-prod)", as the audit log
    /// does; walkthrough 22/X14: by its id), by its id only when the API is gone or not listed, and
    /// one limited to a namespace by its id; anything else stays raw (PermissionWords, as
    /// Settings' connection summary; its `revision` follows a new language).
    function permissionWords(permissions, names): string {
        return permissions.map(permission => PermissionWords.wordsNaming(permission, names[permission.split(".")[1]] ?? "",
                                                                         PermissionWords.revision)).join(", ");
    }
    /// The ids of the APIs that the listed root keys' one-API permissions name ("api.<id>.read_key").
    function namedApiIds(): var {
        const ids = [];
        for (let i = 0; i < rootKeys.count; ++i) {
            for (const permission of rootKeys.rowObject(i).permissions ?? []) {
                const parts = String(permission).split(".");
                if (parts.length > 2 && parts[0] === "api" && parts[1] !== "*" && !ids.includes(parts[1]))
                    ids.push(parts[1]);
            }
        }
        return ids;
    }
    /// The names of those APIs by id, for permissionWords().
    readonly property var apiNames: namedApis.names
    // Only the APIs the root keys name, one apis.getApi each, where the root key may read APIs
    // (else the ids stay): not every page of apis.listApis for the few a root key is limited to.
    ApiNames {
        id: namedApis
        client: !page.may.pending && page.may.missing("api.*.read_api", page.may.revision) === "" ? page.session.client : null
        onClientChanged: namedApis.ask(page.namedApiIds())
    }

    title: qsTr("Root keys")

    header: ListPageHeader {
        id: bar
        title: page.title
        settings: page.session.settings
        context: "RootKeysPage"
        GatedButton {
            readonly property string sourceText: QT_TR_NOOP("New root key")
            text: qsTr(sourceText)
            highlighted: true
            missing: page.may.missing("workspace.*.create_root_key", page.may.revision)
            onClicked: {
                createDialog.takenNames = page.listedNames();
                createDialog.open();
            }
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: {
                rootKeys.refresh();
                namedApis.refresh(); // an API renamed or deleted since
            }
        }
    }

    RootKeysModel {
        id: rootKeys
        // Not fetched before whoami answers, nor when the root key may not read it (the
        // placeholder says why).
        client: !page.session.capabilities.pending && page.mayNotList === "" ? page.session.client : null
        onPageLoaded: namedApis.ask(page.namedApiIds())
        onCreated: (rootKeyId, key) => createDialog.showCreated(rootKeyId, key)
        onCreateFailed: result => createDialog.refused(result)
        onRevoked: rootKeyId => {
            // Said where every page says what it did (the window's notice, as a key's deletion).
            page.session.notice(qsTr("Root key “%1” revoked").arg(confirmRevoke.name !== "" ? confirmRevoke.name : confirmRevoke.start + "…"));
            removalFocus.done();
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: rootKeys
        focus: true
        // In the Tab chain after the header's buttons; the arrows move the current row there.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Root keys")

        // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
        // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string rootKeyId
            required property string name
            required property string start
            required property var permissions
            required property double createdAt
            required property double expires

            readonly property bool current: rootKeyId === page.may.rootKeyId // qmllint disable unqualified

            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            Accessible.name: qsTr("Root key %1").arg(name !== "" ? name : start)
            onClicked: ListView.view.currentIndex = index
            ListFocusRing {
                row: row
            }

            contentItem: RowLayout {
                spacing: 16
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: (row.name !== "" ? row.name : qsTr("(unnamed)")) + (row.current ? "  " + qsTr("(this connection)") : "")
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    // The id, selectable: the audit log's Actor filter takes it.
                    TextEdit {
                        objectName: "rootKeyIdText"
                        text: row.rootKeyId
                        readOnly: true
                        selectByMouse: true
                        font.family: "monospace"
                        // Material's dark theme leaves palette.text dark: the id was unreadable.
                        color: row.Material.foreground
                        selectionColor: row.palette.highlight
                        selectedTextColor: row.palette.highlightedText
                        opacity: 0.8
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Root key id %1").arg(row.rootKeyId)
                    }
                    // Two lines at most; a longer list shows whole, in the same words, over these
                    // lines while the pointer is on them (it was the raw ids, over the next row).
                    PermissionsLabel {
                        Layout.fillWidth: true
                        text: page.permissionWords(row.permissions, page.apiNames) // qmllint disable unqualified
                    }
                }
                Label {
                    text: row.start + "…"
                    font.family: "monospace"
                }
                Label {
                    Layout.preferredWidth: 160
                    horizontalAlignment: Text.AlignRight
                    text: row.expires > 0 ? qsTr("expires %1").arg(page.session.format.dateTime(row.expires)) // qmllint disable unqualified
                                          : qsTr("created %1").arg(page.session.format.date(row.createdAt)) // qmllint disable unqualified
                }
                GatedButton {
                    objectName: "rootKeyRevoke"
                    text: qsTr("Revoke")
                    flat: true
                    ready: !row.current
                    notReadyReason: qsTr("This is the key this dashboard is connected with: it cannot revoke itself.")
                    missing: page.may.missing("workspace.*.delete_root_key", page.may.revision) // qmllint disable unqualified
                    onClicked: {
                        confirmRevoke.row = row.index; // qmllint disable unqualified
                        confirmRevoke.rootKeyId = row.rootKeyId; // qmllint disable unqualified
                        confirmRevoke.name = row.name; // qmllint disable unqualified
                        confirmRevoke.start = row.start; // qmllint disable unqualified
                        confirmRevoke.open(); // qmllint disable unqualified
                    }
                }
            }
        }
        footer: ListFooter {} // follows the view's model
        ListPlaceholder {
            missing: page.mayNotList
            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 460)
            visible: list.count === 0
            loading: rootKeys.loading || page.session.capabilities.pending
            error: rootKeys.failed ? rootKeys.errorDetail : ""
            onRetry: rootKeys.refresh()
            // A root key that may not read them is told by `missing`, in the shared words.
            title: qsTr("No root keys listed")
        }
    }

    ConfirmDialog {
        id: confirmRevoke
        property string rootKeyId
        property string name
        property string start
        property int row: -1
        title: qsTr("Revoke root key")
        // Its start too: two keys may share a name.
        text: name !== "" ? qsTr("Revoke “%1” (%2…)? Every program using it loses access at once.").arg(name).arg(start)
                          : qsTr("Revoke the root key %1…? Every program using it loses access at once.").arg(start)
        confirmText: qsTr("Revoke")
        destructive: true
        onConfirmed: {
            removalFocus.removing(row);
            rootKeys.revoke(rootKeyId);
        }
    }
    // After Revoke the keyboard is on the next row (the key in use is never revoked: one is left).
    RemovalFocus {
        id: removalFocus
        view: list
    }

    RootKeyDialog {
        id: createDialog
        groups: rootKeys.permissionGroups
        may: page.may
        // "For which APIs" lists the APIs only where the key may list them (else: all APIs only).
        client: !page.may.pending && page.may.missing("api.*.read_api", page.may.revision) === "" ? page.session.client : null
        onCreateRequested: (name, permissions) => rootKeys.create(name, permissions)
        onCopyRequested: text => rootKeys.copyToClipboard(text)
    }

    // Its own component: the hover's id cannot live in the delegate's contentItem, a deferred
    // property that qmllint cannot follow ids into.
    component PermissionsLabel: Label {
        id: permissionsLabel
        objectName: "rootKeyPermissions"
        opacity: 0.7
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        // On these lines only: on the row it opened over Revoke's own reason
        // (walkthrough 20/7), two tooltips on top of each other.
        TipHover {
            id: permissionsHover
        }
        ToolTip {
            objectName: "rootKeyPermissionsTip"
            x: -permissionsLabel.leftPadding
            y: -permissionsLabel.topPadding
            width: permissionsLabel.width + permissionsLabel.leftPadding + permissionsLabel.rightPadding
            visible: permissionsHover.showsTip && permissionsLabel.truncated
            delay: 300
            text: permissionsLabel.text
        }
    }
}
