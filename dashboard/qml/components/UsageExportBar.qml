import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Latchkey.Dashboard
// Qt 6.4's qmllint does not follow the script's functions: their uses are "// qmllint disable"d.
import "TimeRanges.js" as TimeRanges

// "Export usage as CSV" for one owner: a file dialog, then progress (rows written of the
// verifications counted) with cancel, then where the file went or why it failed. The period and
// the button keep their row (on the owner page, beside the owner's id); the progress and the
// outcome come in a line under them, as wide as the bar is given.
ColumnLayout {
    id: bar

    required property Session session
    required property string identityId
    required property string externalId
    property string outcome
    /// The folder of the file the last export wrote ("" when it wrote none): "Open folder".
    property string writtenFolder: ""
    /// A whole path typed as the file's name ("" when a plain name was typed).
    property string typedPath: ""

    spacing: 8

    UsageExport {
        id: exporter
        client: bar.session.client
        identityId: bar.identityId
        onFinished: (ok, cancelled) => {
            bar.writtenFolder = ok ? bar.folderOf(exporter.fileName) : "";
            bar.outcome = ok ? qsTr("%n verification(s) written to %1.", "", exporter.exported).arg(exporter.fileName)
                        : cancelled ? qsTr("Export cancelled; no file was written.")
                                    : qsTr("Export failed: %1").arg(exporter.error);
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Export usage of %1").arg(bar.externalId)
        // The bar's window, not the one found at creation: a page is built before it is shown,
        // and a non-native dialog without a window never opens.
        parentWindow: bar.Window.window
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV files (*.csv)")]
        defaultSuffix: "csv"
        acceptLabel: qsTr("Save") // Qt 6.4's non-native dialog says "Open" in every mode
        // Qt 6.4's non-native dialog takes a typed name only on Enter or when the field loses
        // focus: until then Save stays disabled. Take it as it is typed.
        onVisibleChanged: {
            nameField.field = visible ? bar.findFileNameField(bar.Overlay.overlay) : null;
            if (visible)
                bar.fitDialog(exporter.openFileDialogPopup(bar.Window.window), nameField.field);
        }
        // Qt 6.4's non-native dialog replaces an existing file without asking: we ask.
        onAccepted: {
            const file = bar.typedPath !== "" ? bar.localFile(bar.typedPath) : bar.localFile(selectedFile);
            if (exporter.fileExists(file)) {
                replaceDialog.file = file;
                replaceDialog.open();
            } else {
                bar.exportTo(file);
            }
        }
    }

    ConfirmDialog {
        id: replaceDialog
        objectName: "confirm-replace"
        property string file
        title: qsTr("Replace file?")
        text: qsTr("%1 already exists. Replace it with this export?")
              .arg(decodeURIComponent(replaceDialog.file.replace(/^file:\/\//, "")))
        confirmText: qsTr("Replace")
        destructive: true
        onConfirmed: bar.exportTo(replaceDialog.file)
    }

    /// The periods an export can cover (walk 20/18: it always took everything the server kept).
    readonly property var periods: TimeRanges.ranges(false) // qmllint disable

    /// Writes the CSV of the chosen period to @p file (a file URL), or says why it cannot.
    function exportTo(file: string): void {
        bar.outcome = "";
        bar.writtenFolder = "";
        exporter.start = TimeRanges.startOf(bar.periods[periodBox.currentIndex].ms); // qmllint disable
        if (!exporter.exportTo(file))
            bar.outcome = qsTr("Cannot write there: %1").arg(exporter.error);
    }

    Connections {
        id: nameField
        property TextField field: null
        target: field
        ignoreUnknownSignals: true
        // What Enter would do: the dialog takes the name (and enables Save when there is one).
        // Not for a path: Qt's dialog would keep only its last part and write into the folder it
        // shows (walk 20/18); the path is taken as typed on Save.
        function onTextEdited() {
            const text = nameField.field.text.trim();
            bar.typedPath = text.startsWith("/") ? text : "";
            if (bar.typedPath === "")
                nameField.field.editingFinished();
        }
        // Enter saves, as in every other dialog here (walkthrough 23b, Y5: Qt 6.4's non-native
        // dialog only took the name on Enter; Save was two Tabs away). The name was taken as typed.
        function onAccepted() {
            if (nameField.field.text.trim() !== "")
                fileDialog.accept();
        }
    }

    /// Qt 6.4's non-native save dialog as the other dialogs are: modal (the page behind dims and
    /// takes no clicks) and wide, its file-name field spanning the columns (under it are the
    /// filter and the buttons), so a whole suggested name shows; it ends where the buttons do, at
    /// the dialog's margin (Qt's field ran to the dialog's edge).
    function fitDialog(popup: var, field: var): void {
        if (!popup)
            return;
        popup.modal = true;
        const room = bar.Overlay.overlay ? bar.Overlay.overlay.width - 96 : 800;
        popup.width = Math.min(900, room);
        if (field) {
            field.Layout.columnSpan = 2;
            field.Layout.rightMargin = 20; // Qt's Material FileDialog: its buttons' right margin
        }
    }
    /// The folder of the local file @p path, as a file URL.
    function folderOf(path: string): string {
        return "file://" + path.slice(0, Math.max(1, path.lastIndexOf("/")));
    }
    /// @p url as a file URL: Qt 6.4's non-native dialog gives a typed name as a bare path.
    function localFile(url) {
        const text = url.toString();
        return text.startsWith("/") ? "file://" + text : text;
    }
    /// The non-native dialog's file-name field (objectName set by Qt's own FileDialog.qml), or null.
    function findFileNameField(item) {
        if (!item)
            return null;
        if (item.objectName === "fileNameTextField")
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findFileNameField(item.children[i]);
            if (found)
                return found;
        }
        return null;
    }

    RowLayout {
        spacing: 8
        Layout.alignment: Qt.AlignRight
        ThemedComboBox {
            id: periodBox
            objectName: "exportPeriod"
            model: bar.periods.map(period => period.label)
            currentIndex: bar.periods.length - 1
            implicitContentWidthPolicy: ComboBox.WidestText // "Gesamter Zeitraum" whole
            enabled: !exporter.running
            Accessible.name: qsTr("Period to export")
        }
        GatedButton {
            text: qsTr("Export usage as CSV…")
            ready: !exporter.running && bar.identityId !== ""
            missing: bar.session.capabilities.missing("api.*.read_analytics", bar.session.capabilities.revision)
            onClicked: {
                bar.typedPath = "";
                fileDialog.currentFolder = exporter.documentsFolder();
                fileDialog.selectedFile = exporter.suggestedFile(bar.externalId);
                fileDialog.open();
            }
        }
    }
    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        visible: exporter.running || bar.outcome !== ""
        ProgressBar {
            visible: exporter.running
            Layout.preferredWidth: 160
            indeterminate: exporter.total <= 0
            value: exporter.total > 0 ? Math.min(1, exporter.exported / exporter.total) : 0
            Accessible.name: qsTr("Export progress")
        }
        Label {
            objectName: "exportProgress"
            visible: exporter.running
            Layout.fillWidth: true // wraps rather than pushing Cancel out of a narrow page
            wrapMode: Text.Wrap
            // Never a bare number (walk 20/18: "0" beside the bar said nothing).
            text: exporter.total > 0 ? qsTr("Verifications written: %1 of about %2").arg(bar.session.format.number(exporter.exported))
                                       .arg(bar.session.format.number(exporter.total))
                                     : qsTr("Verifications written: %1").arg(bar.session.format.number(exporter.exported))
        }
        FocusButton {
            visible: exporter.running
            text: qsTr("Cancel")
            Accessible.name: qsTr("Cancel the export")
            onClicked: exporter.cancel()
        }
        // The whole path, wrapped (also within a long name without spaces): elided, the part that
        // tells where the file went was the part cut out.
        Label {
            objectName: "exportOutcome"
            Layout.fillWidth: true
            visible: !exporter.running && bar.outcome !== ""
            text: bar.outcome
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        }
        FocusButton {
            objectName: "exportOpenFolder"
            visible: !exporter.running && bar.outcome !== "" && bar.writtenFolder !== ""
            text: qsTr("Open folder")
            Accessible.name: qsTr("Open the folder of the exported file")
            onClicked: Qt.openUrlExternally(bar.writtenFolder)
        }
    }
}
