import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// IssueKeyDialog (Ctrl+N): the cursor starts in the first required field still empty (the API
// when none is chosen, else the name), and without an API, Issue is disabled and says why instead
// of sending a request the server refuses in English. A role typed into the form is created when
// the key is issued (Cancel leaves none behind), and the Permissions & roles page hears of it.
Item {
    id: root
    width: 1000
    height: 900

    IssueKeyDialog {
        id: dialog
        session: testSession
    }

    SignalSpy {
        id: rbacChanged
        target: testSession
        signalName: "rbacChanged"
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
            const apiBox = part("issue-api");
            tryVerify(() => apiBox.activeFocus, 5000, "the API box has the cursor");
            verify(apiBox.visualFocus, "and shows it");
            tryVerify(() => apiBox.count > 0 && dialog.controller.apiId !== "", 10000);
            // Typing picks an API by its first letters.
            const initial = apiBox.textAt(apiBox.count - 1).charAt(0);
            keyClick(initial);
            verify(apiBox.currentText.charAt(0).toLowerCase() === initial.toLowerCase(), apiBox.currentText);
            compare(dialog.controller.apiId, apiBox.currentValue);
        }

        /// The server's HTTP status for @p action with @p body.
        function status(action, body) {
            let answer = -1;
            testSession.client.call(action, body, result => answer = result.httpStatus);
            tryVerify(() => answer !== -1, 15000, action);
            return answer;
        }

        function addNewRole(name) {
            const field = part("role-picker-field");
            field.forceActiveFocus();
            for (const c of name)
                keyClick(c);
            const add = part("role-picker-add");
            tryVerify(() => add.text === "Add new", 10000, add.text);
            keyClick(Qt.Key_Return);
            tryCompare(dialog.controller, "newRoles", [name]);
        }

        function test_cancelCreatesNoRole() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            addNewRole("f1-cancelled-role");
            mouseClick(H.byText(dialog.footer, "Cancel"));
            tryCompare(dialog, "visible", false);
            wait(200);
            compare(status("permissions.getRole", { role: "f1-cancelled-role" }), 404);
        }

        function test_issueCreatesTheNewRoleFirst() {
            dialog.openWith({ apiId: testSample.apiId });
            tryCompare(dialog, "opened", true);
            addNewRole("f1-issued-role");
            rbacChanged.clear();
            const issue = part("issue-submit-button");
            tryVerify(() => issue.enabled, 10000);
            mouseClick(issue);
            tryVerify(() => dialog.controller.issued, 20000, dialog.controller.serverError);
            compare(status("permissions.getRole", { role: "f1-issued-role" }), 200);
            verify(rbacChanged.count >= 1, "the Permissions & roles page refreshes");
            let roles = null;
            testSession.client.call("keys.getKey", { keyId: dialog.controller.newKeyId },
                                    result => roles = result.data.roles);
            tryVerify(() => roles !== null, 15000);
            compare(roles, ["f1-issued-role"]);
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
