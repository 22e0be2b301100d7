import QtQuick
import QtTest
import Latchkey.Dashboard

// The embedded console: the root key reaches the page through the user script (never the URL),
// and the console reports "latchkey:ready" once it shows its data or empty state.
Item {
    id: root
    width: 1000
    height: 700

    ConsoleView {
        id: consoleView
        anchors.fill: parent
        session: testSession
        view: "/overview"
    }

    Component {
        id: keyViewComponent
        ConsoleView {
            anchors.fill: parent
            session: testSession
        }
    }

    TestCase {
        name: "ConsoleView"
        when: windowShown

        function test_rootKeyNeverInTheUrl() {
            verify(consoleView.address.indexOf("/console/?embed=1") > 0, consoleView.address);
            verify(consoleView.address.indexOf(testSession.client.rootKey()) < 0);
            verify(consoleView.address.endsWith("#" + consoleView.view));
        }

        function test_consoleRendersWithTheInjectedKey() {
            // Without the key the console could not load any data and would report an error.
            tryVerify(() => consoleView.ready || consoleView.failed, 60000, "the console never reported");
            verify(consoleView.ready, "the console reported an error");
        }

        // A key's page embeds the key view: it must load that key's data with the injected root
        // key and report ready (its chart and log rendered, or their empty state).
        function test_keyViewRendersItsChart() {
            const keyView = keyViewComponent.createObject(root, {view: "/keys/" + testSample.keyId});
            verify(keyView !== null);
            tryVerify(() => keyView.ready || keyView.failed, 60000, "the key view never reported");
            verify(keyView.ready, "the key view reported an error");
            verify(keyView.address.indexOf(testSession.client.rootKey()) < 0);
            keyView.destroy();
        }

        // Each view holds a live stream open. Views sharing one profile (one Chromium network
        // context: at most 6 connections per host) left the 7th and later ones blank for good,
        // their data requests queued behind the streams. Eight at once must all report ready.
        function test_manyViewsAtOnceAllRender() {
            const views = [];
            for (let i = 0; i < 8; ++i) {
                views.push(keyViewComponent.createObject(root, {
                    view: i % 2 ? "/overview" : "/keys/" + testSample.keyId, "anchors.fill": undefined,
                    x: (i % 4) * 250, y: Math.floor(i / 4) * 350, width: 250, height: 350}));
                verify(views[i] !== null);
            }
            tryVerify(() => views.every(v => v.ready || v.failed), 60000,
                      "not every view reported (a request starved behind the others' streams?)");
            for (const v of views) {
                verify(v.ready, "view " + v.view + " reported an error");
                compare(v.retries, 0, "view " + v.view + " needed its retry");
            }
            for (const v of views)
                v.destroy();
        }

        function test_otherViewsByHash() {
            consoleView.view = "/apis/" + testSample.apiId;
            verify(consoleView.address.endsWith("#/apis/" + testSample.apiId));
        }
    }
}
