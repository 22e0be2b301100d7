import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Progress and cancel of a running BulkOperation; shows the outcome once it is over (also when
// it was cancelled, or stopped because the server stopped answering).
RowLayout {
    id: root

    required property BulkOperation operation
    property string summary
    /// The last run's counts, for the host's `outcome`.
    property int lastSucceeded: 0
    property int lastFailed: 0
    /// The outcome of a run that was not stopped in the host's words ("2 keys disabled.", bound
    /// to lastSucceeded and lastFailed); "" says "%1 done, %2 failed.".
    property string outcome
    /// Whether there is anything to show. Hosts bind their own visibility to this, not to
    /// `visible` (which is false while the host is hidden: a loop that kept the summary hidden).
    readonly property bool shown: operation.running || summary.length > 0
    /// The run as its Cancel and Dismiss show it: it follows `operation.running` only once the
    /// host was told that Cancel's focus ends (cancelFocusEnds), so the keyboard focus is never left
    /// on a button that is hidden or greyed under it (W19).
    property bool runShown: false

    /// Cancel has the keyboard focus and is about to grey (cancelled) or go (the run is over): the
    /// host puts the focus somewhere the user can go on from.
    signal cancelFocusEnds()

    spacing: 8
    visible: shown

    /// Hides the outcome of the last run (Dismiss; a host when the user moves on).
    function dismiss(): void {
        summary = "";
    }
    /// Gives Cancel the keyboard focus (a host, as the run starts); @p reason as forceActiveFocus'.
    function focusCancel(reason: int): void {
        runShown = operation.running; // shown first: a hidden button takes no active focus
        cancelButton.forceActiveFocus(reason);
    }
    /// Cancel's action (its click, the host's Esc): the focus first leaves the button it greys.
    function cancel(): void {
        if (!operation.running || operation.cancelled)
            return;
        if (cancelButton.activeFocus)
            cancelFocusEnds();
        operation.cancel();
    }

    Connections {
        target: root.operation
        function onFinished(succeeded, failed, cancelled) {
            root.lastSucceeded = succeeded;
            root.lastFailed = failed;
            root.summary = root.operation.unreachable
                    ? qsTr("Stopped: server unreachable — %1 of %2 done.").arg(succeeded).arg(root.operation.total)
                    : cancelled
                    ? qsTr("Cancelled: %1 done, %2 failed, %3 not started.").arg(succeeded).arg(failed)
                          .arg(root.operation.total - succeeded - failed)
                    : root.outcome !== "" ? root.outcome
                    : qsTr("%1 done, %2 failed.").arg(succeeded).arg(failed)
        }
        function onRunningChanged() {
            if (root.operation.running)
                root.summary = "";
            else if (cancelButton.activeFocus)
                root.cancelFocusEnds();
            root.runShown = root.operation.running;
        }
    }

    ProgressBar {
        Layout.fillWidth: true
        visible: root.operation.running
        value: root.operation.progress
        Accessible.name: qsTr("Progress of the bulk operation")
    }
    Label {
        objectName: "bulk-summary"
        Layout.fillWidth: !root.operation.running
        // A long outcome ("Cancelled: 9 done, 0 failed, 111 not started") wraps before Dismiss
        // instead of running under it.
        wrapMode: Text.Wrap
        // Cancelled, it waits for the answers in flight: it says so (walkthrough 20/5: a bare
        // "0 of 20" beside a greyed Cancel).
        text: !root.operation.running ? root.summary
              : root.operation.cancelled ? qsTr("Stopping… %1 of %2 done; no more are started.")
                                           .arg(root.operation.processed).arg(root.operation.total)
              : qsTr("%1 of %2").arg(root.operation.processed).arg(root.operation.total)
    }
    FocusButton {
        id: cancelButton
        objectName: "bulkCancel"
        visible: root.runShown
        enabled: !root.operation.cancelled
        text: qsTr("Cancel")
        Accessible.name: qsTr("Cancel the bulk operation")
        onClicked: root.cancel()
    }
    FocusToolButton {
        visible: !root.runShown
        text: qsTr("Dismiss")
        onClicked: root.dismiss()
    }
}
