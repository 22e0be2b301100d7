import QtQuick
import Latchkey.Dashboard
import "AuditEvents.js" as AuditEvents

// What the Rate limits page does to a namespace itself (walkthrough 23b, Y14: one made by mistake
// could be neither renamed nor deleted): Rename (RenameNamespaceDialog, ratelimit.renameNamespace)
// and Delete (a question naming its overrides and the 410 its callers get from then on,
// ratelimit.deleteNamespace), each allowed by the namespace's own permission or the wildcard; the
// window's notice says what was done, and after a deletion the keyboard goes to the namespace that
// took its place (RemovalFocus), after Cancel back where it was.
Item {
    id: actions

    required property Session session
    required property RatelimitNamespacesModel namespaceModel
    /// The namespace list (where the keyboard goes after a deletion).
    required property ListView namespaceView
    /// The page's chosen namespace (its name), and its override count when it is not listed.
    property string chosenName
    property int chosenOverrideCount
    /// The chosen namespace's row in the list; -1 when it is not listed (filtered out, not loaded
    /// yet). Asked again whenever the rows change (a reload passes through none).
    readonly property int chosenRow: namespaceModel.count >= 0 ? rowOf(chosenName) : -1
    /// "" when the key may rename / delete the chosen namespace, else the sentence naming the
    /// missing permission.
    readonly property string mayNotRenameChosen: mayNotOn("update_namespace", chosenRow, session.capabilities.revision)
    readonly property string mayNotDeleteChosen: mayNotOn("delete_namespace", chosenRow, session.capabilities.revision)
    /// A rename was sent and not answered: a refusal (the model's createFailed) is its dialog's.
    property bool renaming: false

    /// The chosen namespace is called @p name now.
    signal chosenRenamed(string name)
    /// The chosen namespace is deleted.
    signal chosenDeleted()

    function rowOf(name: string): int {
        for (let i = 0; i < namespaceModel.count; ++i) {
            if (namespaceModel.rowObject(i).name === name)
                return i;
        }
        return -1;
    }
    /// "" when the key may do @p action to the namespace in @p row: its own id's permission
    /// (`ratelimit.<id>.<action>`) or the wildcard; for one not listed (-1), whose id is not known,
    /// the wildcard only. Else the sentence naming `ratelimit.*.<action>`.
    function mayNotOn(action: string, row: int, revision: int): string {
        const caps = session.capabilities;
        const nsId = row >= 0 ? namespaceModel.rowObject(row).namespaceId : "";
        if (nsId !== "" && caps.may("ratelimit." + nsId + "." + action, revision))
            return "";
        return caps.missing("ratelimit.*." + action, revision);
    }
    /// The namespace in @p row, or the chosen one when it is not listed (@p row -1).
    function namespaceAt(row: int): var {
        const listed = row >= 0 ? namespaceModel.rowObject(row) : null;
        return listed ? { id: listed.namespaceId, name: listed.name, overrideCount: listed.overrideCount }
                      : { id: chosenName, name: chosenName, overrideCount: chosenOverrideCount };
    }
    /// Asks before deleting the namespace in @p row (see namespaceAt()), when the key may.
    function askDelete(row: int): void {
        if (mayNotOn("delete_namespace", row, session.capabilities.revision) !== "")
            return;
        const ns = namespaceAt(row);
        confirmDelete.row = row;
        confirmDelete.namespaceId = ns.id;
        confirmDelete.name = ns.name;
        confirmDelete.overrideCount = ns.overrideCount;
        // The list itself when the keyboard was in it: its row's delegate may be made anew
        // meanwhile (a reload of the rows), and a focus given back to the gone one went nowhere.
        confirmDelete.returnTo = namespaceView.activeFocus ? namespaceView : namespaceView.Window.activeFocusItem;
        confirmDelete.open();
    }
    /// Opens "Rename namespace" for the namespace in @p row, when the key may.
    function askRename(row: int): void {
        if (mayNotOn("update_namespace", row, session.capabilities.revision) !== "")
            return;
        const ns = namespaceAt(row);
        renameDialog.openFor(ns.id, ns.name);
    }
    /// The model's createFailed(@p result): true when it answered the rename, whose dialog comes
    /// back with the name as typed and the answer (a taken name under the field).
    function takeRefusal(result: var): bool {
        if (!renaming)
            return false;
        renaming = false;
        renameDialog.refused(result);
        return true;
    }

    Connections {
        target: actions.namespaceModel
        function onRenamed(namespaceId: string, name: string) {
            actions.renaming = false;
            const before = renameDialog.currentName;
            actions.session.notice(AuditEvents.fillIn(qsTr("Namespace “%1” renamed to “%2”"), [before, name])); // qmllint disable
            if (actions.chosenName === before)
                actions.chosenRenamed(name);
        }
        function onRemoved(namespaceId: string) {
            const name = confirmDelete.name;
            actions.session.notice(qsTr("Namespace “%1” deleted").arg(name));
            if (actions.chosenName === name)
                actions.chosenDeleted();
            removalFocus.done();
        }
    }

    RenameNamespaceDialog {
        id: renameDialog
        onRenameRequested: (namespaceId, name) => {
            actions.renaming = true;
            actions.namespaceModel.rename(namespaceId, name);
        }
    }
    ConfirmDialog {
        id: confirmDelete
        objectName: "confirmDeleteNamespace"
        property string namespaceId
        property string name
        property int overrideCount
        property int row: -1
        /// Where the keyboard was when it asked: back there on Cancel.
        property Item returnTo: null
        title: qsTr("Delete namespace")
        // The 410 is what Unkey answers for a deleted namespace (reference §3.4).
        text: qsTr("Delete the namespace “%1” and its %n override(s)? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.", "", overrideCount).arg(name)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            if (row >= 0)
                removalFocus.removing(row);
            actions.namespaceModel.remove(namespaceId);
        }
        onRejected: {
            if (returnTo)
                returnTo.forceActiveFocus(Qt.OtherFocusReason);
        }
    }
    // After Delete the keyboard is on the next namespace (the one before for the last, the list
    // itself once none is left).
    RemovalFocus {
        id: removalFocus
        view: actions.namespaceView
    }
}
