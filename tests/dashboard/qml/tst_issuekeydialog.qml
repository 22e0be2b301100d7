import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard

// IssueKeyDialog (Ctrl+N): the cursor starts in the first required field still empty (the API
// when none is chosen, else the name), and without an API, Issue is disabled and says why instead
// of sending a request the server refuses in English.
Item {
    id: root
    width: 1000
    height: 900

    IssueKeyDialog {
        id: dialog
        session: testSession
    }

    TestCase {
        name: "IssueKeyDialog"
        when: windowShown

        function cleanup() {
            dialog.close();
            tryCompare(dialog, "visible", false);
        }

        function part(objectName) {
            const found = findChild(dialog.contentItem, objectName) || findChild(dialog.footer, objectName);
            verify(found, objectName);
            return found;
        }

        function test_prefilledApiFocusesTheName() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            tryVerify(() => part("issue-name").activeFocus, 5000, "the name field has the cursor");
            keyClick("x");
            compare(part("issue-name").text, "x");
        }

        function test_withoutApiTheApiBoxHasTheFocus() {
            dialog.controller.apiId = ""; // the dialog remembers the last API: as on the first opening
            dialog.openWith({});
            tryCompare(dialog, "opened", true);
            tryVerify(() => part("issue-api").activeFocus, 5000, "the API box has the cursor");
        }

        function test_issueNeedsAnApi() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            const issue = part("issue-submit-button");
            const why = part("issue-needs-api");
            tryVerify(() => issue.enabled, 10000);
            verify(!why.visible);

            dialog.controller.apiId = ""; // as on a server without APIs, or before one is chosen
            verify(!issue.enabled, "Issue is disabled without an API");
            verify(why.visible, "and says why");
            verify(why.text.indexOf("API") >= 0, why.text);
            // Neither Enter in the form nor Ctrl+Enter sends anything.
            part("issue-name").forceActiveFocus();
            keyClick(Qt.Key_Return);
            keySequence("Ctrl+Return");
            wait(500);
            verify(!dialog.controller.busy);
            verify(!dialog.controller.issued);
            compare(dialog.controller.serverError, "");
            compare(dialog.controller.errors["apiId"], undefined, "issue() did not even run");

            dialog.controller.apiId = testSample.apiId;
            verify(issue.enabled);
            verify(!why.visible);
        }
    }
}
