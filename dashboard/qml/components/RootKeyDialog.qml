import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// "New root key": a name and the permissions, grouped by area with "all" per group. `groups` is
// RootKeysModel.permissionGroups (the server's own table); only what `may` holds can be granted.
// `createRequested(name, permissions)` on OK.
Dialog {
    id: dialog

    /// RootKeysModel.permissionGroups: [{area, permissions: [{permission, action}]}].
    property var groups: []
    /// The connected key's capabilities: a root key can only grant what it holds itself.
    property Capabilities may
    /// The permissions ticked so far.
    property var picked: []

    signal createRequested(string name, var permissions)

    function grantable(members) {
        return members.map(m => m.permission).filter(p => !dialog.may || dialog.may.may(p));
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

    title: qsTr("New root key")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(660, (Overlay.overlay ? Overlay.overlay.width : 660) - 48)
    height: Math.min(680, (Overlay.overlay ? Overlay.overlay.height : 680) - 48)
    onOpened: {
        nameField.text = "";
        picked = [];
        nameField.forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        FormField {
            label: qsTr("Name")
            TextField {
                id: nameField
                Layout.fillWidth: true
                selectByMouse: true
                placeholderText: qsTr("e.g. “billing backend”")
                Accessible.name: qsTr("Root key name")
            }
        }
        Label {
            text: qsTr("Permissions (%1 chosen)").arg(dialog.picked.length)
            font.bold: true
        }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            ColumnLayout {
                width: scroll.availableWidth
                Repeater {
                    model: dialog.groups
                    delegate: PermissionGroup {}
                }
            }
        }
    }

    // The dialog's id inside this component: fine at run time, but Qt 6.4's qmllint cannot follow it
    // (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
    component PermissionGroup: ColumnLayout {
        id: group
        required property var modelData
        readonly property var allowed: dialog.grantable(modelData.permissions) // qmllint disable unqualified
        readonly property int chosen: allowed.filter(p => dialog.picked.indexOf(p) >= 0).length
        Layout.fillWidth: true
        CheckBox {
            objectName: "group-" + group.modelData.area
            text: dialog.areaTitle(group.modelData.area) // qmllint disable unqualified
            font.bold: true
            tristate: true
            enabled: group.allowed.length > 0
            checkState: group.chosen === 0 ? Qt.Unchecked
                        : group.chosen === group.allowed.length ? Qt.Checked : Qt.PartiallyChecked
            checkable: false // the state follows `picked`; a click only changes `picked`
            onClicked: dialog.setPicked(group.allowed, group.chosen !== group.allowed.length) // qmllint disable unqualified
            Accessible.name: qsTr("All of %1").arg(text)
        }
        GridLayout {
            Layout.leftMargin: 24
            columns: 2
            Repeater {
                model: group.modelData.permissions
                delegate: CheckBox {
                    required property var modelData
                    objectName: modelData.permission
                    text: modelData.action
                    enabled: !dialog.may || dialog.may.may(modelData.permission) // qmllint disable unqualified
                    checkable: false // `checked` stays bound to `picked`
                    checked: dialog.picked.indexOf(modelData.permission) >= 0 // qmllint disable unqualified
                    onClicked: dialog.setPicked([modelData.permission], dialog.picked.indexOf(modelData.permission) < 0) // qmllint disable unqualified
                    Accessible.description: modelData.permission
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: enabled ? modelData.permission
                                          : qsTr("A root key can only grant what it holds itself.")
                }
            }
        }
    }

    // Roles as Dialog.*Role: the same enum, which Qt 6.4's qmltypes declare on Dialog only.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
        Button {
            text: qsTr("Create")
            highlighted: true
            DialogButtonBox.buttonRole: Dialog.AcceptRole
        }
    }
    onAccepted: createRequested(nameField.text.trim(), picked.slice())
}
