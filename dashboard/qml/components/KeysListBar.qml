import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
import "KeyColumns.js" as KeyColumns

// The keys page's selection bar and column titles, below the charts and pinned to the top once
// they are scrolled away: the rows scroll under it (KeysPage lays it over its list). The bulk
// buttons ask `run` (KeysBulkRun); its progress and the offer to select every key take the room
// after them. In the page's Tab chain after the charts and before the rows, joined by hand at its
// two relays (KeysPage says why): Shift+Tab from its first stop is `backward()`, Tab from its last
// (the select-all box) `forward()`.
Pane {
    id: bar
    objectName: "listBar"

    required property KeysModel keys
    required property KeysBulkRun run
    required property Capabilities may
    required property Formatter format
    /// The API's key count as the APIs list showed it (-1: not known), for "Select all N keys".
    property int keyCount: -1
    /// It stands at the page's top over the rows: its shadow shows.
    property bool pinned: false
    /// The relays before its first stop and after its last (for nextItemInFocusChain()).
    readonly property Item firstStop: barFirst
    readonly property Item lastStop: barExit
    /// The run's progress and Cancel (focusCancel(), cancel(), dismiss()).
    readonly property BulkProgress progress: bulkProgress

    signal backward()
    signal forward()
    /// Cancel's keyboard focus ends (BulkProgress): the page puts it in the rows.
    signal cancelFocusEnds()

    /// Why the bulk buttons are greyed while no key is selected.
    readonly property string selectFirst: qsTr("Select keys first: the boxes at the start of their rows.")
    readonly property BulkOperation operation: run.operation

    z: 1
    padding: 0
    Material.elevation: pinned ? 2 : 0

    ColumnLayout {
        width: parent.width
        spacing: 0

        KeysTableRelay {
            id: barFirst
            onEntered: bar.backward()
        }

        // Always there while the list has keys ("0 selected", its buttons greyed): appearing with
        // the first checked box it would push every row down under the pointer. The offer to
        // select every key and a bulk operation's progress take the room after the buttons.
        // Its buttons' own insets are its margin above and below: a key row more in sight.
        RowLayout {
            objectName: "bulkBar"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            // The room the rows and the column titles keep at their end: the list's scroll bar
            // stands over it (walk 23/Y1: the last button, "Select all N keys", was under it).
            Layout.rightMargin: KeyColumns.endPadding
            visible: bar.keys.count > 0 || bar.operation.running || bulkProgress.shown
            spacing: 8
            // With nothing selected, the greyed buttons say in their tooltips what they wait for.
            Label {
                objectName: "selectedCount"
                text: bar.keys.selectedCount > 0 ? qsTr("%n selected", "", bar.keys.selectedCount)
                                                 : qsTr("None selected", "keys in the list")
                opacity: bar.keys.selectedCount > 0 ? 1 : 0.7
            }
            GatedButton {
                objectName: "bulkDisable"
                text: qsTr("Disable")
                ready: !bar.operation.running && bar.keys.selectedEnabledCount > 0
                notReadyReason: bar.operation.running ? "" : bar.keys.selectedCount === 0 ? bar.selectFirst
                                                                                      : qsTr("The selected keys are all disabled already.")
                missing: bar.may.missing("api.*.update_key", bar.may.revision)
                onClicked: bar.run.ask("disable")
            }
            GatedButton {
                objectName: "bulkEnable"
                text: qsTr("Enable")
                ready: !bar.operation.running && bar.run.selectedDisabledCount > 0
                notReadyReason: bar.operation.running ? "" : bar.keys.selectedCount === 0 ? bar.selectFirst
                                                                                      : qsTr("The selected keys are all enabled already.")
                missing: bar.may.missing("api.*.update_key", bar.may.revision)
                onClicked: bar.run.ask("enable")
            }
            GatedButton {
                objectName: "bulkDelete"
                text: qsTr("Delete")
                ready: !bar.operation.running && bar.keys.selectedCount > 0
                notReadyReason: bar.operation.running ? "" : bar.selectFirst
                missing: bar.may.missing("api.*.delete_key", bar.may.revision)
                onClicked: bar.run.ask("delete")
            }
            FocusToolButton {
                text: qsTr("Clear selection")
                enabled: bar.keys.selectedCount > 0
                onClicked: bar.keys.clearSelection()
            }
            BulkProgress {
                id: bulkProgress
                Layout.fillWidth: true
                operation: bar.operation
                outcome: bar.run.outcome(lastSucceeded, lastFailed)
                onCancelFocusEnds: bar.cancelFocusEnds()
            }
            SelectEveryKeyOffer {
                Layout.fillWidth: true
                keysModel: bar.keys
                format: bar.format
                keyCount: bar.keyCount
                allowed: !bar.operation.running && !bulkProgress.shown
            }
        }

        KeyTableHeader {
            Layout.fillWidth: true
            allSelected: bar.keys.count > 0 && bar.keys.selectedCount === bar.keys.count
            someSelected: bar.keys.selectedCount > 0
            onSelectAll: selected => selected ? bar.keys.selectAll() : bar.keys.clearSelection()
        }

        KeysTableRelay {
            id: barExit
            onEntered: bar.forward()
        }
    }
}
