import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Rename namespace": a rate-limit namespace's new name (ratelimit.renameNamespace), checked as
// "New namespace" checks one (NamespaceNameField), with what renaming does to the calls that use
// the old name. `renameRequested(namespaceId, name)` on Rename, Enter in the field or Ctrl+Enter (FormDialog); a taken name comes back
// under the field (FormDialog.refused()). Esc or Cancel after typing asks before discarding.
FormDialog {
    id: dialog

    /// The namespace renamed: its id (its name when the id is not known).
    property string namespaceId
    /// Its name now.
    property string currentName
    /// The new name as typed.
    readonly property string newName: nameField.name

    signal renameRequested(string namespaceId, string name)

    function openFor(idOrName: string, name: string): void {
        namespaceId = idOrName;
        currentName = name;
        open();
    }

    title: qsTr("Rename namespace “%1”").arg(currentName)
    acceptText: qsTr("Rename")
    acceptName: "renameButton"
    canAccept: newName !== "" && newName !== currentName && nameField.problem === ""
    modified: newName !== currentName
    discardTitle: qsTr("Discard the new name?")
    answerField: nameField.input
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, (Overlay.overlay ? Overlay.overlay.width : 560) - 48)
    onStarted: {
        nameField.input.text = currentName;
        nameField.input.selectAll();
        nameField.input.forceActiveFocus();
    }
    onAccepted: dialog.renameRequested(dialog.namespaceId, dialog.newName)

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        NamespaceNameField {
            id: nameField
            fieldName: "renameField"
            label: qsTr("New name")
            serverError: dialog.serverError
        }
        Label {
            objectName: "renameConsequence"
            Layout.fillWidth: true
            text: qsTr("Its overrides, its counters and its id stay. Calls that still name “%1” no longer reach it: ratelimit.limit makes a new namespace of that name for them. Change them to the new name.").arg(dialog.currentName)
            wrapMode: Text.Wrap
            opacity: 0.75
        }
    }
}
