import QtQuick
import QtCore
import QtTest
import Latchkey.Dashboard

// UsageExport as UsageExportBar calls it from QML: exportTo() writes the owner's CSV. (QML cannot
// call a method named start(): the `start` property of the range hides it.)
Item {
    id: root

    UsageExport {
        id: exporter
        client: testSession.client
    }

    SignalSpy {
        id: finished
        target: exporter
        signalName: "finished"
    }

    TestCase {
        name: "UsageExport"
        when: windowShown

        function test_exportToWritesTheCsv() {
            let identityId = "";
            testSession.client.call("identities.getIdentity", { identity: testSample.externalId },
                                    result => identityId = result.ok ? result.data.id : "-");
            tryVerify(() => identityId !== "", 15000);
            verify(identityId !== "-", "the sample owner exists");
            exporter.identityId = identityId;
            const folder = StandardPaths.writableLocation(StandardPaths.TempLocation);
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
