import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Latchkey.Dashboard

// "Export usage as CSV" for one owner: a file dialog, then progress (rows written of the
// verifications counted) with cancel, then where the file went or why it failed.
RowLayout {
    id: bar

    required property Session session
    required property string identityId
    required property string externalId
    property string outcome

    spacing: 8

    UsageExport {
        id: exporter
        client: bar.session.client
        identityId: bar.identityId
        onFinished: (ok, cancelled) => {
            bar.outcome = ok ? qsTr("%n verification(s) written to %1.", "", exporter.exported).arg(exporter.fileName)
                        : cancelled ? qsTr("Export cancelled; no file was written.")
                                    : qsTr("Export failed: %1").arg(exporter.error);
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Export usage of %1").arg(bar.externalId)
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV files (*.csv)")]
        defaultSuffix: "csv"
        onAccepted: {
            bar.outcome = "";
            if (!exporter.exportTo(selectedFile))
                bar.outcome = qsTr("Cannot write there: %1").arg(exporter.error);
        }
    }

    GatedButton {
        text: qsTr("Export usage as CSV…")
        ready: !exporter.running && bar.identityId !== ""
        missing: bar.session.capabilities.missing("api.*.read_analytics")
        onClicked: {
            fileDialog.currentFolder = exporter.documentsFolder();
            fileDialog.selectedFile = exporter.suggestedFile(bar.externalId);
            fileDialog.open();
        }
    }
    ProgressBar {
        visible: exporter.running
        Layout.preferredWidth: 160
        indeterminate: exporter.total <= 0
        value: exporter.total > 0 ? Math.min(1, exporter.exported / exporter.total) : 0
        Accessible.name: qsTr("Export progress")
    }
    Label {
        visible: exporter.running
        text: exporter.total > 0 ? qsTr("%1 of about %2").arg(bar.session.format.number(exporter.exported))
                                   .arg(bar.session.format.number(exporter.total))
                                 : bar.session.format.number(exporter.exported)
    }
    Button {
        visible: exporter.running
        text: qsTr("Cancel")
        Accessible.name: qsTr("Cancel the export")
        onClicked: exporter.cancel()
    }
    Label {
        Layout.fillWidth: true
        visible: !exporter.running && bar.outcome !== ""
        text: bar.outcome
        elide: Text.ElideMiddle
    }
}
