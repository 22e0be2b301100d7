import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The Permissions & roles page follows permissions made elsewhere, without its Refresh: a key
// page granting a slug the server creates (Session.rbacChanged), and a role created on the page
// with permissions that did not exist; its roles follow a permission deleted on it.
Item {
    id: root
    width: 1280
    height: 900

    IssueKeyController {
        id: issue
        client: testSession.client
    }

    PermissionsPage {
        id: permissionsPage
        width: 600
        height: parent.height
        session: testSession
    }

    Component {
        id: keyPageComponent
        KeyDetailPage {}
    }

    SignalSpy {
        id: permissionsLoaded
        signalName: "pageLoaded"
    }

    TestCase {
        name: "PermissionsRefresh"
        when: windowShown

        function slugs(model) {
            const found = [];
            for (let i = 0; i < model.count; ++i)
                found.push(model.rowObject(i).slug);
            return found;
        }

        function initTestCase() {
            // At least one row each, so the two panels can be told apart by their rows.
            let answers = 0;
            testSession.client.call("permissions.createPermission", { name: "refresh.seed", slug: "refresh.seed" },
                                    () => ++answers);
            tryVerify(() => answers === 1, H.answerTimeout);
            const permissions = H.find(permissionsPage, item => item.listModel !== undefined && item.heading === "Permissions");
            verify(permissions);
            permissions.listModel.refresh();
            tryVerify(() => !permissions.listModel.loading && permissions.listModel.count > 0, H.answerTimeout);
        }

        function permissionsModel() {
            const panel = H.find(permissionsPage, item => item.listModel !== undefined && item.heading === "Permissions");
            verify(panel);
            return panel.listModel;
        }

        function test_grantOnAKeyPageRefreshesTheList() {
            const model = permissionsModel();
            tryVerify(() => !model.loading, H.answerTimeout);
            verify(slugs(model).indexOf("granted.onthefly") < 0);
            permissionsLoaded.target = model;
            permissionsLoaded.clear();

            issue.clear();
            issue.apiId = testSample.apiId;
            issue.name = "refresh test";
            verify(issue.issue());
            tryVerify(() => issue.issued, H.answerTimeout);
            const keyPage = keyPageComponent.createObject(root, { session: testSession, keyId: issue.newKeyId,
                                                                  x: 640, width: 640, height: 900 });
            issue.clear();
            tryVerify(() => keyPage.controller.loaded, H.answerTimeout);
            verify(keyPage.controller.addPermission("granted.onthefly"));
            tryVerify(() => keyPage.controller.permissions.indexOf("granted.onthefly") >= 0, H.answerTimeout);

            tryVerify(() => permissionsLoaded.count > 0, H.answerTimeout, "the list reloaded by itself");
            tryVerify(() => !model.loading, H.answerTimeout);
            if (!model.hasMore)
                verify(slugs(model).indexOf("granted.onthefly") >= 0, slugs(model).join(","));
            keyPage.destroy();
        }

        function test_roleWithNewPermissionsRefreshesTheList() {
            const model = permissionsModel();
            tryVerify(() => !model.loading, H.answerTimeout);
            const roles = H.find(permissionsPage, item => item.listModel !== undefined && item.heading === "Roles");
            verify(roles);
            permissionsLoaded.target = model;
            permissionsLoaded.clear();
            roles.listModel.create("refresh-role", "", ["made.byrole"]);
            tryVerify(() => permissionsLoaded.count > 0, H.answerTimeout, "the permissions reloaded after the role");
            tryVerify(() => !model.loading, H.answerTimeout);
            if (!model.hasMore)
                verify(slugs(model).indexOf("made.byrole") >= 0, slugs(model).join(","));
        }

        // Walk 23b/Y11: a role still listed a permission just deleted on the page, until the page
        // was opened again. Deleting a permission reloads the roles.
        function test_aDeletedPermissionLeavesTheRoles() {
            const slug = "gone.soon" + Date.now();
            const name = "holds-" + slug;
            let made = null;
            testSession.client.call("permissions.createRole", { name: name, permissions: [slug] }, answer => made = answer);
            tryVerify(() => made !== null, H.answerTimeout);
            verify(made.ok, made.errorDetail);
            const roles = H.find(permissionsPage, item => item.listModel !== undefined && item.heading === "Roles").listModel;
            const granted = () => roles.count === 1 && !roles.loading
                                  ? roles.rowObject(0).permissions.map(permission => permission.slug) : null;
            roles.search = name;
            try {
                tryVerify(() => granted() !== null && granted().indexOf(slug) >= 0, H.answerTimeout, "the role lists " + slug);
                const model = permissionsModel();
                model.remove(slug);
                tryVerify(() => granted() !== null && granted().indexOf(slug) < 0, H.answerTimeout,
                          "the role still lists " + slug + ": " + granted());
            } finally {
                roles.search = "";
            }
        }

        // Walk 20/11: "Delete the role? Keys that hold it lose its permissions." under a bare
        // "Delete", with the role on ~25 keys. No endpoint counts them (nor is a count made by
        // reading every key); the question names what is deleted and says how far it reaches.
        function test_deletingARoleSaysHowFarItReaches() {
            const roles = H.find(permissionsPage, item => item.listModel !== undefined && item.heading === "Roles");
            let made = null; // one role at least, also when this file runs alone
            testSession.client.call("permissions.createRole", { name: "delete-question-" + Date.now() }, answer => made = answer);
            tryVerify(() => made !== null, H.answerTimeout);
            roles.listModel.refresh();
            tryVerify(() => !roles.listModel.loading && roles.listModel.count > 0, H.answerTimeout);
            roles.requestDelete(0, roles.listModel.rowObject(0));
            const question = H.find(permissionsPage, item => item.objectName === "confirmDelete");
            verify(question);
            tryVerify(() => question.opened, H.answerTimeout);
            compare(question.title, "Delete role");
            verify(question.text.indexOf("Every key that holds it, in every API, loses the permissions it grants at once") > 0,
                   question.text);
            question.close();
            tryVerify(() => !question.visible);
        }
    }
}
