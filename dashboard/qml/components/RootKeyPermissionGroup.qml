import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One area's permissions in the "New root key" dialog: a check box for all of them (ticked, partly
// ticked or not, as the dialog's `picked` holds them) and one per permission, in words, the
// permission itself in its tooltip; those the dialog does not offer are greyed, saying why. The
// keyboard focus is framed as everywhere (FocusFrame; Material's halo alone was barely visible,
// walkthrough 23, Y6). The permissions lie in the dialog's `permissionColumns` columns of equal
// width, each label wrapping in its column rather than running past the view's edge (German at
// 1024 px: "Schlüssel wiederherstellbar speicher…", cut by the view).
ColumnLayout {
    id: group

    /// The dialog's permissionGroups entry: {area, permissions: [{permission, action}]}.
    required property var modelData
    /// The RootKeyDialog: what is picked and offered, the words for it and the number of columns.
    required property var rootKeyDialog
    readonly property var allowed: rootKeyDialog.grantable(modelData.permissions)
    readonly property int chosen: allowed.filter(p => rootKeyDialog.picked.indexOf(p) >= 0).length

    Layout.fillWidth: true

    CheckBox {
        id: groupBox
        objectName: "group-" + group.modelData.area
        text: group.rootKeyDialog.areaTitle(group.modelData.area)
        font.bold: true
        tristate: true
        enabled: group.allowed.length > 0
        checkState: group.chosen === 0 ? Qt.Unchecked
                    : group.chosen === group.allowed.length ? Qt.Checked : Qt.PartiallyChecked
        checkable: false // the state follows `picked`; a click only changes `picked`
        onClicked: group.rootKeyDialog.setPicked(group.allowed, group.chosen !== group.allowed.length)
        Accessible.name: qsTr("All of %1").arg(text)
        FocusFrame {
            control: groupBox
        }
    }
    GridLayout {
        id: grid
        Layout.leftMargin: group.rootKeyDialog.permissionIndent
        Layout.fillWidth: true
        columns: group.rootKeyDialog.permissionColumns
        columnSpacing: group.rootKeyDialog.permissionSpacing
        readonly property real cellWidth: (width - (columns - 1) * columnSpacing) / columns
        Repeater {
            model: group.modelData.permissions
            // `group` inside this delegate: fine at run time, but Qt 6.4's qmllint cannot follow ids
            // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
            delegate: WrapCheckBox {
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredWidth: grid.cellWidth // qmllint disable unqualified
                Layout.alignment: Qt.AlignTop
                objectName: modelData.permission
                text: group.rootKeyDialog.actionLabel(modelData.permission) // qmllint disable unqualified
                enabled: group.rootKeyDialog.offered(modelData.permission) // qmllint disable unqualified
                checkable: false // `checked` stays bound to `picked`
                checked: group.rootKeyDialog.picked.indexOf(modelData.permission) >= 0 // qmllint disable unqualified
                onClicked: group.rootKeyDialog.setPicked([modelData.permission], group.rootKeyDialog.picked.indexOf(modelData.permission) < 0) // qmllint disable unqualified
                Accessible.description: modelData.permission
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: enabled ? group.rootKeyDialog.scoped(modelData.permission) // qmllint disable unqualified
                                      : group.rootKeyDialog.apiScope !== "" && modelData.permission === "api.*.create_api" // qmllint disable unqualified
                                        ? qsTr("Only a key for all APIs can create APIs.")
                                        : qsTr("A root key can only grant what it holds itself.")
            }
        }
    }
}
