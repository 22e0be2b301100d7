import QtQuick
import QtWebEngine // qmllint disable import
import Latchkey.Dashboard

// One view of the web console (served by latchkeyd at /console/) embedded in the dashboard, so
// desktop and browser show the same charts. The root key reaches the page through a user script
// (window.latchkeyEmbed), only on the server's own origin, and never through the URL. The console
// sets document.title to "latchkey:ready" once it shows data (or its empty state), to
// "latchkey:error" on a failure.
Item {
    id: consoleView

    required property Session session
    /// The console route, e.g. "/overview", "/apis/<apiId>", "/keys/<keyId>".
    property string view: "/overview"
    property bool dark: false
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
        : origin + "/console/?embed=1&theme=" + (dark ? "dark" : "light") + "#" + view

    // The user script first, then the page: it must exist before the page's own scripts run.
    function reload(): void {
        // qmllint disable type
        web.userScripts.collection = [{
            name: "latchkeyEmbed",
            injectionPoint: WebEngineScript.DocumentCreation,
            worldId: WebEngineScript.MainWorld,
            sourceCode: "if (location.origin === " + JSON.stringify(origin) + ") {"
                        + " window.latchkeyEmbed = { rootKey: " + JSON.stringify(session.client.rootKey())
                        + ", theme: " + JSON.stringify(dark ? "dark" : "light") + " }; }"
        }];
        // qmllint enable type
        web.url = address === "" ? "about:blank" : address;
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
