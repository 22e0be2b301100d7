import QtQuick
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The one error sink: a failed request's detail appears in the banner; repeats are counted;
// Dismiss hides it; successful calls never show it; a failure to reach the server goes away
// when the server answers again.
Item {
    id: root
    width: 800
    height: 200

    ErrorBanner {
        id: banner
        width: root.width
        client: testSession.client
    }

    TestCase {
        name: "ErrorBanner"
        when: windowShown

        function init() {
            banner.clear();
        }

        function detailLabel() {
            return findChild(banner, "errorDetail");
        }

        function test_hiddenWithoutFailures() {
            let answered = false;
            testSession.client.call("apis.listApis", {}, result => { answered = result.ok; });
            tryVerify(() => answered, H.answerTimeout);
            verify(!banner.visible);
        }

        function test_showsTheServersDetail() {
            testSession.client.call("keys.getKey", { keyId: "key_doesnotexist99" });
            tryVerify(() => banner.visible, H.answerTimeout);
            verify(detailLabel().text.length > 0);
            compare(detailLabel().text, banner.detail);
            verify(banner.detail.indexOf("key_doesnotexist99") >= 0 || banner.detail.length > 10,
                   "the server's own detail, not a generic message: " + banner.detail);
            compare(banner.count, 1);
        }

        function test_serverWordsUnderATranslatedMessage() {
            // A known error in the UI's language (ApiResult::message) keeps the server's own words.
            banner.show("keys.getKey", "Not Found", "Diesen Schlüssel gibt es nicht (mehr).", "The key was not found.");
            compare(detailLabel().text, "Diesen Schlüssel gibt es nicht (mehr).");
            const server = findChild(banner, "serverDetail");
            verify(server.visible);
            compare(server.text, "Server: The key was not found.");
            // The same words twice are said once.
            banner.show("keys.getKey", "Not Found", "The key was not found.", "The key was not found.");
            verify(!server.visible);
        }

        function test_networkFailureResolvesWhenTheServerAnswersAgain() {
            banner.show("apis.listApis", "Network error", "Cannot reach http://127.0.0.1:1", "Cannot reach http://127.0.0.1:1");
            banner.unreachable = true; // as if client.unreachable was true when it failed
            verify(banner.visible);
            testSession.client.serverReachableAgain();
            verify(!banner.visible, "the banner does not stay after the server answers again");
            compare(banner.count, 0);
            // a failure the server itself reported is not resolved by the next answer
            testSession.client.call("keys.getKey", { keyId: "key_doesnotexist98" });
            tryVerify(() => banner.visible, H.answerTimeout);
            verify(!banner.unreachable);
            testSession.client.serverReachableAgain();
            verify(banner.visible);
        }

        // Walkthrough (issue 4): "Conflicting Resource (3 failed requests)" counted a taken name
        // together with failures of other requests before it.
        function test_countsOnlyRepeatsOfTheSameFailure() {
            banner.show("keys.getKey", "Not Found", "The key was not found.", "");
            banner.show("keys.getKey", "Not Found", "The key was not found.", "");
            compare(banner.count, 2);
            banner.show("identities.createIdentity", "Conflicting Resource", "An owner with this external id already exists.", "");
            compare(banner.count, 1, "another failure is not a repeat");
            verify(findChild(banner, "errorDetail").text.indexOf("already exists") >= 0);
        }

        function test_countsRepeatsAndDismisses() {
            testSession.client.call("apis.createApi", {});
            testSession.client.call("apis.createApi", {});
            tryCompare(banner, "count", 2, H.answerTimeout);
            verify(banner.title.indexOf("2") >= 0 || banner.count === 2);
            mouseClick(findChild(banner, "dismissButton"));
            verify(!banner.visible);
            compare(banner.count, 0);
        }
    }
}
