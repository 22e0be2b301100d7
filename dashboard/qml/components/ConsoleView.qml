import QtQuick
import QtWebEngine // qmllint disable import
import Latchkey.Dashboard

// One view of the web console (served by latchkeyd at /console/) embedded in the dashboard, so
// desktop and browser show the same charts. The root key reaches the page through a user script
// (window.latchkeyEmbed), only on the server's own origin, and never through the URL. The console
// sets document.title to "latchkey:ready" once it shows data (or its empty state), to
// "latchkey:error" on a failure. The dashboard's theme and language go along (in the address and
// in window.latchkeyEmbed), so a switch in Settings reloads the view in the new look and language.
Item {
    id: consoleView

    required property Session session
    /// The console route, e.g. "/overview", "/apis/<apiId>", "/keys/<keyId>".
    property string view: "/overview"
    property bool dark: false
    /// The console's language: the dashboard's ("en", "de", "es").
    readonly property string lang: session.settings.effectiveLanguage
    /// The console rendered its first data or empty state.
    readonly property bool ready: web.title === "latchkey:ready"
    readonly property bool failed: web.title === "latchkey:error"

    readonly property url serverUrl: session.client.baseUrl
    readonly property string origin: {
        const text = serverUrl.toString();
        const match = /^(https?:\/\/[^\/]+)/.exec(text);
        return match ? match[1] : "";
    }

    readonly property string address: origin === "" ? ""
        : origin + "/console/?embed=1&theme=" + (dark ? "dark" : "light") + "&lang=" + lang + "#" + view

    // The user script first, then the page: it must exist before the page's own scripts run.
    function reload(): void {
        // qmllint disable type
        web.userScripts.collection = [{
            name: "latchkeyEmbed",
            injectionPoint: WebEngineScript.DocumentCreation,
            worldId: WebEngineScript.MainWorld,
            sourceCode: "if (location.origin === " + JSON.stringify(origin) + ") {"
                        + " window.latchkeyEmbed = { rootKey: " + JSON.stringify(session.client.rootKey())
                        + ", theme: " + JSON.stringify(dark ? "dark" : "light")
                        + ", lang: " + JSON.stringify(lang) + " }; }"
        }];
        // qmllint enable type
        web.url = address === "" ? "about:blank" : address;
        watchdog.restart();
    }

    // Under Xvfb a view was seen to stay blank without ever loading (no request reached the
    // server); one more load brought it. Not ready and not failed after 20 s: load it again, once.
    property int retries: 0
    Timer {
        id: watchdog
        interval: 20000
        onTriggered: {
            if (consoleView.ready || consoleView.failed || consoleView.retries >= 1)
                return;
            console.info("console view", consoleView.view, "did not load in 20 s; loading it again");
            ++consoleView.retries;
            consoleView.reload();
        }
    }

    /// The result of evaluate() (tests read what the page shows through it).
    signal evaluated(var result)
    /// Runs @p script in the page; its result arrives with evaluated().
    function evaluate(script: string): void {
        web.runJavaScript(script, result => consoleView.evaluated(result));
    }

    // Only once the view is complete: before that it has no profile to hold user scripts.
    property bool viewComplete: false
    onAddressChanged: if (viewComplete) reload()

    objectName: "consoleView" // the screenshot test waits for every one of them
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Usage charts")

    WebEngineView {
        id: web
        anchors.fill: parent
        backgroundColor: consoleView.dark ? "#1c1b1f" : "#ffffff"
        Component.onCompleted: {
            consoleView.viewComplete = true;
            consoleView.reload();
        }
        // Links away from the server open in the desktop's browser, never in here with the key.
        onNavigationRequested: request => {
            const target = request.url.toString();
            if (consoleView.origin !== "" && !target.startsWith(consoleView.origin + "/")
                    && !target.startsWith("about:")) {
                request.action = WebEngineNavigationRequest.IgnoreRequest;
                Qt.openUrlExternally(request.url);
            }
        }
        onNewWindowRequested: request => Qt.openUrlExternally(request.requestedUrl)
    }
}
