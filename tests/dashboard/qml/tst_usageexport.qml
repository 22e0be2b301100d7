import QtQuick
import QtQuick.Controls
import QtCore
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// "Export usage as CSV…" as a user does it: the button opens the real (non-native, Qt 6.4)
// FileDialog in save mode with the suggested file name, a typed name is accepted, and the CSV
// appears with its header row; while it runs a progress bar and Cancel show, and Cancel leaves no
// file. Plus UsageExport as QML calls it: exportTo() (QML cannot call a method named start(): the
// `start` property of the range hides it) refuses what is not a local file.
Item {
    id: root
    width: 1000
    height: 700

    property string identityId

    UsageExport {
        id: exporter
        client: testSession.client
    }

    UsageExportBar {
        id: bar
        width: parent.width
        session: testSession
        identityId: root.identityId
        externalId: testSample.externalId
    }

    // The longest name the walkthrough saw cut (F56), in the field's font.
    TextMetrics {
        id: longName
        text: "acme_corp_42-usage-2026-11-26.csv"
    }

    SignalSpy {
        id: finished
        target: exporter
        signalName: "finished"
    }

    TestCase {
        name: "UsageExport"
        when: windowShown

        /// The temp folder as a file URL (QtCore's StandardPaths gives URLs).
        readonly property string folder: StandardPaths.writableLocation(StandardPaths.TempLocation).toString()

        function initTestCase() {
            let id = "";
            testSession.client.call("identities.getIdentity", { identity: testSample.externalId },
                                    result => id = result.ok ? result.data.id : "-");
            tryVerify(() => id !== "", H.answerTimeout);
            verify(id !== "-", "the sample owner exists");
            root.identityId = id;
            tryVerify(() => testSession.capabilities.missing("api.*.read_analytics") === "", H.answerTimeout,
                      "capabilities loaded");
        }

        function overlayItem(test) {
            return H.find(root.Overlay.overlay, test);
        }
        function fileNameField() {
            return overlayItem(item => item.objectName === "fileNameTextField");
        }
        /// The dialog's accept button (Save; Qt 6.4's Material style may label it Open).
        function acceptButton() {
            return overlayItem(item => item instanceof Button && item.DialogButtonBox
                               && item.DialogButtonBox.buttonRole === DialogButtonBox.AcceptRole);
        }
        function barItem(test) {
            return H.find(bar, test);
        }
        function exportButton() {
            return barItem(item => item instanceof Button && item.text === "Export usage as CSV…");
        }
        /// The file's text through XMLHttpRequest ("" when it does not exist).
        function readFile(path) {
            const request = new XMLHttpRequest();
            request.open("GET", path, false);
            try {
                request.send();
            } catch (error) {
                return ""; // no such file
            }
            return request.status === 200 || request.status === 0 ? request.responseText : "";
        }
        function fileDialog() {
            return H.find(bar, item => item.fileMode !== undefined);
        }
        /// Opens the dialog from the bar's button, goes to the temp folder and types @p name over
        /// the suggestion like a user; returns the accept button.
        function openDialogAndName(name, stayInFolder) {
            tryVerify(() => exportButton() && exportButton().enabled, H.answerTimeout, "export enabled");
            mouseClick(exportButton());
            tryVerify(() => fileNameField() && H.shown(fileNameField()), 5000,
                      "the save dialog opened with a file-name field");
            const field = fileNameField();
            verify(field.text.indexOf(testSample.externalId + "-usage-") === 0 && field.text.endsWith(".csv"),
                   "the suggested name shows: " + field.text);
            if (!stayInFolder)
                fileDialog().currentFolder = folder;
            field.forceActiveFocus();
            field.selectAll();
            keyClick(Qt.Key_Delete);
            for (const c of name)
                keyClick(c);
            compare(field.text, name);
            const accept = acceptButton();
            verify(accept, "the dialog has an accept button");
            compare(accept.text, "Save");
            tryVerify(() => accept.enabled, 5000, "a typed name enables Save");
            return accept;
        }
        function outcomeLabel(part) {
            return barItem(item => item instanceof Label && item.visible && item.text.indexOf(part) >= 0);
        }

        function test_dialogAcceptWritesTheCsv() {
            const name = "head-usage-" + Date.now() + ".csv"; // new each run: an old file proves nothing
            const path = folder + "/" + name;
            const accept = openDialogAndName(name);
            mouseClick(accept);
            tryVerify(() => !fileDialog().visible, 5000, "the dialog closed");
            tryVerify(() => outcomeLabel("written to") !== null, 30000, "the bar says where the file went");
            verify(outcomeLabel(name) !== null, outcomeLabel("written to").text);
            verify(!findChild(bar, "confirm-replace").opened, "a new file is written without asking");
            // The whole path, wrapped rather than elided, and a button to its folder.
            const outcome = findChild(bar, "exportOutcome");
            verify(outcome.text.indexOf(StandardPaths.writableLocation(StandardPaths.TempLocation).toString()
                                        .replace("file://", "") + "/" + name) >= 0, outcome.text);
            compare(outcome.elide, Text.ElideNone);
            verify(outcome.wrapMode !== Text.NoWrap);
            verify(!outcome.truncated);
            const openFolder = findChild(bar, "exportOpenFolder");
            verify(H.shown(openFolder), "Open folder is offered");
            compare(bar.writtenFolder.toString(), folder);
            const csv = readFile(path);
            verify(csv.indexOf("time,requestId,keyId,") === 0, "the CSV starts with its header: " + csv.slice(0, 80));
        }

        // Enter in the name field saves (walkthrough 23b, Y5: it did nothing; Save was two Tabs away).
        function test_enterInTheNameSaves() {
            const name = "head-usage-enter-" + Date.now() + ".csv";
            openDialogAndName(name);
            keyClick(Qt.Key_Return);
            tryVerify(() => !fileDialog().visible, 5000, "Enter closed the dialog");
            tryVerify(() => outcomeLabel("written to") !== null, 30000, "the bar says where the file went");
            verify(readFile(folder + "/" + name).indexOf("time,requestId,keyId,") === 0, "written");
        }

        // A whole path typed as the name is where the file goes (walk 20/18: Qt 6.4's dialog kept
        // only its last part and wrote into the folder it showed).
        function test_typedPathIsWhereTheFileGoes() {
            const name = "head-usage-typed-" + Date.now() + ".csv";
            const path = folder + "/" + name;
            const accept = openDialogAndName(path.replace("file://", ""), true);
            mouseClick(accept);
            tryVerify(() => !fileDialog().visible, 5000, "the dialog closed");
            tryVerify(() => outcomeLabel("written to") !== null, 30000, "the bar says where the file went");
            verify(outcomeLabel(path.replace("file://", "")) !== null, outcomeLabel("written to").text);
            verify(readFile(path).indexOf("time,requestId,keyId,") === 0, "written where typed");
        }

        // The period chosen beside the button is the one exported (walk 20/18: always everything).
        function test_chosenPeriodIsExported() {
            const period = findChild(bar, "exportPeriod");
            const exporting = H.find(bar, item => item instanceof UsageExport);
            compare(period.currentText, "All time");
            period.currentIndex = period.indexOfValue("Last 7 days") >= 0 ? period.indexOfValue("Last 7 days") : 1;
            compare(period.currentText, "Last 7 days");
            const name = "head-usage-week-" + Date.now() + ".csv";
            const before = Date.now();
            mouseClick(openDialogAndName(name));
            tryVerify(() => outcomeLabel("written to") !== null, 30000, "the export ran");
            const weekAgo = before - 7 * 86400000;
            verify(Math.abs(exporting.start.getTime() - weekAgo) < 60000,
                   "from " + exporting.start + ", a week before " + new Date(before));
            verify(readFile(folder + "/" + name).indexOf("time,requestId,keyId,") === 0);
            period.currentIndex = period.count - 1;
        }

        // Qt 6.4's own dialog replaces an existing file silently (walkthrough F55): the bar asks,
        // Cancel keeps the file, Replace writes it.
        function test_existingFileAsksBeforeReplacing() {
            const name = "head-usage-existing-" + Date.now() + ".csv";
            const path = folder + "/" + name;
            finished.clear();
            exporter.identityId = root.identityId;
            verify(exporter.exportTo(path), exporter.error);
            tryCompare(finished, "count", 1, 30000);
            compare(finished.signalArguments[0][0], true, exporter.error);
            verify(exporter.fileExists(path), "the file to replace exists");
            verify(!exporter.fileExists(folder + "/head-usage-none-" + Date.now() + ".csv"));

            bar.outcome = "";
            mouseClick(openDialogAndName(name));
            tryVerify(() => !fileDialog().visible, 5000, "the file dialog closed");
            const ask = findChild(bar, "confirm-replace");
            verify(ask);
            tryCompare(ask, "opened", true, 5000);
            verify(ask.text.indexOf(name + " already exists") >= 0, ask.text);
            const progress = barItem(item => item instanceof ProgressBar);
            verify(!H.shown(progress), "nothing is written while the question is open");
            keyClick(Qt.Key_Escape);
            tryCompare(ask, "visible", false, 5000);
            wait(200);
            verify(!H.shown(progress), "cancelled: no export");
            compare(bar.outcome, "", "cancelled: nothing written, nothing to report");

            mouseClick(openDialogAndName(name));
            tryCompare(ask, "opened", true, 5000);
            mouseClick(H.find(ask, item => item.objectName === "confirmButton"));
            tryCompare(ask, "visible", false, 5000);
            tryVerify(() => outcomeLabel("written to") !== null, 30000, "replaced: the export ran");
            verify(outcomeLabel(name) !== null, outcomeLabel("written to").text);
            verify(readFile(path).indexOf("time,requestId,keyId,") === 0);
        }

        // Like every other dialog the save dialog dims the page (walkthrough F25), which then takes
        // no clicks, and its file-name field is wide enough for a whole suggested name (F56).
        function test_dialogDimsThePageAndShowsTheWholeName() {
            tryVerify(() => exportButton() && exportButton().enabled, H.answerTimeout, "export enabled");
            mouseClick(exportButton());
            tryVerify(() => fileNameField() && H.shown(fileNameField()), 5000, "the save dialog opened");
            const overlay = root.Overlay.overlay;
            const dims = [];
            for (let i = 0; i < overlay.children.length; ++i) {
                const item = overlay.children[i];
                if (item.visible && item.width >= overlay.width && item.height >= overlay.height
                        && item.color !== undefined && item.color.a >= 0.3)
                    dims.push(item);
            }
            compare(dims.length, 1, "one translucent layer over the whole window");
            const field = fileNameField();
            const room = field.width - field.leftPadding - field.rightPadding;
            longName.font = field.font;
            verify(longName.advanceWidth < room, longName.advanceWidth + " px of name in a " + room + " px field");
            verify(field.contentWidth <= room, "the suggestion " + field.text + " shows whole");
            // The field keeps the dialog's margin: it ends where the buttons under it end, not at
            // the dialog's edge.
            const fieldEnd = field.mapToItem(overlay, field.width, 0).x;
            const buttonsEnd = acceptButton().mapToItem(overlay, acceptButton().width, 0).x;
            verify(fieldEnd <= buttonsEnd + 1, "the file-name field ends at " + fieldEnd + " px, the buttons at " + buttonsEnd);

            // A click on the page (the export button under the dim layer) does not press it: the
            // dialog closes as after Cancel, and no second dialog opens.
            mouseClick(exportButton());
            tryVerify(() => !fileDialog().visible, 5000, "a click outside closes the dialog");
            wait(200);
            verify(!fileDialog().visible, "the click did not reach the button behind");
        }

        function test_progressAndCancel() {
            const name = "head-usage-cancelled-" + Date.now() + ".csv";
            const path = folder + "/" + name;
            const accept = openDialogAndName(name);
            mouseClick(accept);
            // The export has only asked the server so far: it runs until its answers arrive.
            const progress = barItem(item => item instanceof ProgressBar);
            verify(H.shown(progress), "progress shows while the export runs");
            const count = findChild(bar, "exportProgress");
            verify(H.shown(count) && count.text.indexOf("Verifications written: ") === 0, "the count says what it counts: " + count.text);
            const cancel = barItem(item => item instanceof Button && item.text === "Cancel" && item.visible);
            verify(cancel, "Cancel shows while the export runs");
            mouseClick(cancel);
            tryVerify(() => outcomeLabel("Export cancelled") !== null, H.answerTimeout, "the bar says it stopped");
            verify(!H.shown(progress));
            compare(readFile(path), "", "a cancelled export leaves no file");
            verify(!H.shown(findChild(bar, "exportOpenFolder")), "no folder to open without a file");
        }

        function test_exportToWritesTheCsv() {
            finished.clear();
            exporter.identityId = root.identityId;
            const file = folder + "/latchkey-tst-qml-export.csv"; // one name: runs overwrite it
            verify(exporter.exportTo(file), exporter.error);
            tryCompare(finished, "count", 1, 30000);
            compare(finished.signalArguments[0][0], true, exporter.error);
            compare(exporter.error, "");
            verify(exporter.fileName !== "");
        }

        function test_notAFileIsRefused() {
            finished.clear();
            verify(!exporter.exportTo("https://example.com/x.csv"));
            verify(!exporter.running);
            wait(50);
            compare(finished.count, 0);
        }
    }
}
