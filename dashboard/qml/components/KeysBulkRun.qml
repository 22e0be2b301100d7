import QtQuick
import Latchkey.Dashboard

// The keys page's bulk disable / enable / delete of the selected keys: the run (a BulkOperation),
// the question before it and the words of its outcome. Disable and Enable send only the keys they
// change: a key already in that state would get an update that changes nothing (an empty "Updated
// key" row in the audit log). The question says so, and the outcome line what was done.
Item {
    id: run

    required property KeysModel keys
    property alias client: bulkOperation.client
    readonly property BulkOperation operation: bulkOperation
    /// The bulk action running or last run: "disable", "enable" or "delete".
    property string action
    readonly property int selectedDisabledCount: keys.selectedCount - keys.selectedEnabledCount

    /// Asks before @p what ("disable", "enable" or "delete") runs on the selected keys.
    function ask(what: string): void {
        if (what === "delete")
            confirmDelete.open();
        else if (what === "disable")
            confirmDisable.open();
        else
            confirmEnable.open();
    }
    function outcome(succeeded: int, failed: int): string {
        const done = action === "disable" ? qsTr("%n key(s) disabled.", "", succeeded)
                   : action === "enable" ? qsTr("%n key(s) enabled.", "", succeeded)
                   : qsTr("%n key(s) deleted.", "", succeeded);
        return failed > 0 ? done + " " + qsTr("%n failed.", "", failed) : done;
    }

    BulkOperation {
        id: bulkOperation
    }

    ConfirmDialog {
        id: confirmDelete
        objectName: "confirmBulkDelete"
        title: qsTr("Delete keys")
        text: qsTr("Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.", "",
                   run.keys.selectedCount)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            run.action = "delete";
            bulkOperation.deleteKeys(run.keys.selectedKeyIds());
        }
    }

    ConfirmDialog {
        id: confirmDisable
        objectName: "confirmBulkDisable"
        title: qsTr("Disable keys")
        text: run.selectedDisabledCount === 0
              ? qsTr("Disable %n selected key(s)? Their verifications fail until they are enabled again.", "",
                     run.keys.selectedEnabledCount)
              : qsTr("Disable %n key(s)? Their verifications fail until they are enabled again.", "",
                     run.keys.selectedEnabledCount) + " "
                + qsTr("%n of the selected keys is already disabled and stays so.", "", run.selectedDisabledCount)
        confirmText: qsTr("Disable")
        destructive: true
        onConfirmed: {
            run.action = "disable";
            bulkOperation.disableKeys(run.keys.selectedKeyIdsWithEnabled(true));
        }
    }

    ConfirmDialog {
        id: confirmEnable
        objectName: "confirmBulkEnable"
        title: qsTr("Enable keys")
        text: run.keys.selectedEnabledCount === 0
              ? qsTr("Enable %n selected key(s)? They verify again, unless they are expired or out of credits.", "",
                     run.selectedDisabledCount)
              : qsTr("Enable %n key(s)? They verify again, unless they are expired or out of credits.", "",
                     run.selectedDisabledCount) + " "
                + qsTr("%n of the selected keys is already enabled and stays so.", "", run.keys.selectedEnabledCount)
        confirmText: qsTr("Enable")
        onConfirmed: {
            run.action = "enable";
            bulkOperation.enableKeys(run.keys.selectedKeyIdsWithEnabled(false));
        }
    }
}
