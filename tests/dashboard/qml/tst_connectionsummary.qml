import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ConnectionSummary (the Settings page's connection): the root key's permissions in the words
// the Root keys page uses ("View keys"), each raw permission ("api.*.read_key") in its tooltip
// and accessible description (issue 4: Settings showed only the raw strings). The local server
// in this app says so, with its data folder (a walkthrough could not tell).
Item {
    id: root
    width: 900
    height: 600

    ConnectionSummary {
        id: summary
        x: 20
        y: 20
        width: 860
        session: testSession
    }

    TestCase {
        name: "ConnectionSummary"
        when: windowShown

        function permissionLabel(permission) {
            return H.find(summary, item => item.objectName === "permission-" + permission);
        }

        function test_permissionsInWords() {
            tryVerify(() => testSession.capabilities.known && testSession.capabilities.permissions.length > 0,
                      H.answerTimeout, "whoami answered");
            const permissions = testSession.capabilities.permissions;
            verify(permissions.indexOf("api.*.read_key") >= 0, JSON.stringify(permissions));
            const viewKeys = permissionLabel("api.*.read_key");
            verify(viewKeys !== null);
            compare(viewKeys.text, "View keys");
            compare(viewKeys.Accessible.description, "api.*.read_key");
            for (const permission of permissions) {
                const label = permissionLabel(permission);
                verify(label !== null, permission);
                compare(label.Accessible.description, permission);
                const parts = permission.split(".");
                if (parts.length === 3 && parts[1] === "*" && parts[2] !== "*")
                    verify(label.text.indexOf("_") < 0 && label.text !== permission, permission + ": " + label.text);
            }
            mouseMove(viewKeys, viewKeys.width / 2, viewKeys.height / 2);
            tryCompare(viewKeys.ToolTip, "visible", true);
            compare(viewKeys.ToolTip.text, "api.*.read_key");
            mouseMove(root, root.width - 5, root.height - 5);
            tryCompare(viewKeys.ToolTip, "visible", false);
        }

        function test_localServerSaysSoWithItsDataFolder() {
            const address = H.find(summary, item => item.objectName === "serverAddress");
            const folder = H.find(summary, item => item.objectName === "dataFolder");
            compare(address.text, testSession.client.address); // the fixture's server is no local one
            verify(!folder.visible);
            summary.localKeyFile = "/home/ann/.local/share/Latchkey/local-server/bootstrap-root-key.txt";
            compare(address.text, testSession.client.address + ", the local server in this app");
            verify(folder.visible);
            compare(folder.text, "/home/ann/.local/share/Latchkey/local-server");
            summary.localKeyFile = Qt.binding(() => testSession.rootKeyFile);
            verify(!folder.visible);
        }
    }
}
