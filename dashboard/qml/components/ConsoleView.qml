import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtWebEngine // qmllint disable import
import Latchkey.Dashboard
import "ConsoleRoutes.js" as ConsoleRoutes

// One view of the web console (served by latchkeyd at /console/) embedded in the dashboard, so
// desktop and browser show the same charts. The root key reaches the page through a user script
// (window.latchkeyEmbed), only on the server's own origin, and never through the URL; so does the
// local server's root key file (Session.rootKeyFile, "" for another server), which the console's
// curl hints read with `$(cat '<file>')` as the show-once dialog's command does. The console
// sets document.title to "latchkey:ready" once it shows data (or its empty state), to
// "latchkey:error" on a failure. The dashboard's theme and language go along (in the address and
// in window.latchkeyEmbed), so a switch in Settings reloads the view in the new look and language;
// so do the dashboard's own colours (`colours`), so the charts sit on the same greys as the cards
// around them. The wheel over a view that cannot scroll (further) scrolls the page around it.
// A link in the console to a key, owner, API or namespace opens the dashboard's page for it
// (ConsoleRoutes.js); the view itself never leaves its own console view. The page reports its
// height (documentHeight), and the view's implicit height follows it: a page that scrolls gives
// the view `implicitHeight`, so the charts scroll with the page, never inside a box of their own.
// Tab goes through the page's own controls (range, outcome filter, log filters, Pause, links):
// it enters at the first (Shift+Tab at the last) and leaves at the other end to the dashboard's
// next (previous) control, which the page asks for (embed.js); the focused control is scrolled
// into view. A view still loading, or without the permission, is passed over.
Item {
    id: consoleView

    required property Session session
    /// The console route, e.g. "/overview", "/apis/<apiId>", "/keys/<keyId>".
    property string view: "/overview"
    property bool dark: false
    /// The console's compact summary of the view (its figures and the verifications by outcome,
    /// no live chart, latency, top lists or log) instead of every chart.
    property bool compact: false
    /// The local server's root key file, which the console's curl hints read ("" for another server).
    property string rootKeyFile: session.rootKeyFile
    /// The console's language: the dashboard's ("en", "de", "es").
    readonly property string lang: session.settings.effectiveLanguage
    /// The console rendered its first data or empty state.
    readonly property bool ready: web.title === "latchkey:ready" || missing !== ""
    readonly property bool failed: web.title === "latchkey:error"

    readonly property url serverUrl: session.client.baseUrl
    readonly property string origin: {
        const text = serverUrl.toString();
        const match = /^(https?:\/\/[^\/]+)/.exec(text);
        return match ? match[1] : "";
    }

    /// What the root key needs to see this view's charts; without it the view loads nothing and
    /// says so in the dashboard's language (not the console's raw "Missing permission" box).
    property string permission: view.startsWith("/namespaces/") ? "ratelimit.*.read_analytics"
        : view.startsWith("/apis/") ? "api." + view.substring(6) + ".read_analytics"
        : "api.*.read_analytics"
    readonly property string missing: session.capabilities.missing(permission, session.capabilities.revision)

    // Nothing is loaded before whoami answers: the key may turn out not to read the charts.
    readonly property string address: origin === "" || missing !== "" || session.capabilities.pending ? ""
        : origin + "/console/?embed=1&theme=" + (dark ? "dark" : "light") + "&lang=" + lang
          + (compact ? "&compact=1" : "") + "#" + view

    /// The height of the view until the page reported its own: the totals and the first chart.
    /// The compact summary fills it (its chart takes what the tiles and legend leave), so it is as
    /// tall loading as loaded and what lies under it never moves (walk 19: the keys under an API's
    /// charts moved ~18 px under the pointer when the data came). Measured, all but the chart takes
    /// ~196 px in every language down to a 1024 px window (its tiles' labels and hints are one line
    /// each, tiles.js; they took two in German and Spanish, leaving the plot ~48 px): its chart gets
    /// ~120 px of this. Where the summary cannot fit (a narrower window), it grows past it.
    readonly property int standardHeight: compact ? 316 : 420
    /// Room (px) the compact summary leaves free at the end of its chart's legend row, for a
    /// control the host lays over it (UsageCharts' "All charts"); taken when the page loads.
    property int legendEndInset: 0
    /// The height the console page's content needs (0 until the page reported it).
    property real documentHeight: 0
    /// A page far taller than any console view is not followed beyond this (a runaway page).
    readonly property int maximumHeight: 20000
    // Loading, the page is shorter than it will be: the standard height until it shows its data.
    implicitHeight: ready && documentHeight > 0 ? Math.min(documentHeight, maximumHeight) : standardHeight

    /// The dashboard's colours as the console takes them (window.latchkeyEmbed.palette, opaque
    /// "#rrggbb"): the page's background, cards a shade lighter in the dark theme (white in the
    /// light one), Material's divider, text and secondary text, and the accent. In the dark theme
    /// the accent is the light indigo (200) Material uses on dark surfaces: links and the chosen
    /// range stay legible on the greys.
    readonly property var colours: {
        const background = Material.background;
        const surface = dark ? Qt.tint(background, "#0dffffff") : Qt.color("#ffffff");
        const accent = dark ? Material.color(Material.Indigo, Material.Shade200) : Material.color(Material.Indigo);
        const hex = colour => Qt.tint(surface, colour).toString();
        return {
            background: background.toString(),
            surface: surface.toString(),
            border: hex(Material.dividerColor),
            text: hex(Material.foreground),
            muted: hex(Material.secondaryTextColor),
            accent: hex(accent),
            accentSoft: hex(Qt.rgba(accent.r, accent.g, accent.b, 0.16))
        };
    }

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
                        + ", lang: " + JSON.stringify(lang)
                        + ", rootKeyFile: " + JSON.stringify(rootKeyFile)
                        + ", palette: " + JSON.stringify(colours)
                        + (compact ? ", summaryHeight: " + standardHeight : "") + " };"
                        + (legendEndInset > 0
                           // A constructed style sheet: the console's CSP refuses inline styles.
                           ? " const inset = new CSSStyleSheet();"
                             + " inset.replaceSync('.view-compact .legend { padding-right: " + legendEndInset + "px; }');"
                             + " document.adoptedStyleSheets = [...document.adoptedStyleSheets, inset];"
                           : "")
                        + " }"
        }];
        // qmllint enable type
        console.debug(consoleLog, "view", view, "loading; visible", web.visible, "size", web.width, web.height,
                      "theme", dark ? "dark" : "light", "background", colours.background);
        // The same address again (only the colours changed): reload, so the new script runs.
        const target = address === "" ? "about:blank" : address;
        if (web.url.toString() === target)
            web.reload();
        else
            web.url = target;
        watchdog.restart();
    }

    // Why views stayed blank (about one in 16 under Xvfb, no request reaching the server): all
    // views shared the default profile, so one Chromium network context, which opens at most 6
    // HTTP/1.1 connections per host. Every console view keeps one of them for its live stream
    // (POST /v2/analytics.stream), so with 6 streams open (views of pages kept below the current
    // one, or not yet torn down) the next view's fetches queued forever behind them: the page
    // itself loaded (succeeded, title "Latchkey console", progress 100) but its data never came.
    // Each view has its own off-the-record profile now (ownProfile), so its own connections.
    // Kept as a safety net: a load that fails (server not answering yet) is retried at once, and
    // a view neither ready nor failed after 20 s is loaded again; one retry in all.
    property int retries: 0
    /// How long a view may take to report ready or failed before its one retry, in ms.
    property int retryAfter: 20000
    function retry(why: string): void {
        if (ready || failed || retries >= 1)
            return;
        console.info(consoleLog, "view", view, why, "(title", JSON.stringify(web.title), "loading",
                     web.loading, "progress", web.loadProgress, "); loading it again");
        ++retries;
        reload();
    }
    Timer {
        id: watchdog
        interval: consoleView.retryAfter
        onTriggered: consoleView.retry("did not load in " + consoleView.retryAfter / 1000 + " s")
    }

    /// Whether @p address is a console view other than this one (a navigation to it must not
    /// happen in here). The view's own address, reloaded or changed with `view`, is this one.
    function leadsElsewhere(address: string): bool {
        const target = ConsoleRoutes.pageFor(ConsoleRoutes.viewOf(origin, address));
        const own = ConsoleRoutes.pageFor(view);
        return target !== null && (own === null || target.name !== own.name
                                   || JSON.stringify(target.properties) !== JSON.stringify(own.properties));
    }
    /// Opens the dashboard's page for console address @p address; a link to this view itself
    /// (a key's log row naming the key) or to a view the dashboard has no page for does nothing.
    function openDashboardPage(address: string): void {
        if (!leadsElsewhere(address))
            return;
        const target = ConsoleRoutes.pageFor(ConsoleRoutes.viewOf(origin, address));
        console.debug(consoleLog, "view", view, "link to", address, "opens page", target.name);
        session.openPage(target.name, target.properties);
    }

    /// Tells the page that what it shows was renamed (the key page's name): the console looks
    /// the name up anew for its heading (embed.js, RENAMED_EVENT).
    function renamed(): void {
        if (address !== "")
            web.runJavaScript("window.dispatchEvent(new Event('latchkey:renamed'))");
    }

    /// The result of evaluate() (tests read what the page shows through it).
    signal evaluated(var result)
    /// Runs @p script in the page; its result arrives with evaluated().
    function evaluate(script: string): void {
        web.runJavaScript(script, result => consoleView.evaluated(result));
    }

    // Only once the view is complete: before that it has no profile to hold user scripts.
    property bool viewComplete: false
    // A theme switch changes both (in either order): one reload for the two.
    onAddressChanged: if (viewComplete) reloadSoon.restart()
    onColoursChanged: if (viewComplete) reloadSoon.restart()
    Timer {
        id: reloadSoon
        interval: 0
        onTriggered: consoleView.reload()
    }

    /// The console page's height and how far it is scrolled (the wheel test reads them).
    readonly property real contentHeight: web.contentsSize.height
    readonly property real scrolledTo: web.scrollPosition.y

    /// Whether the console page itself can scroll by a wheel turn of @p delta (> 0: up).
    function webCanScroll(delta: real): bool {
        if (delta > 0)
            return web.scrollPosition.y > 0.5;
        return web.scrollPosition.y + web.height < web.contentsSize.height - 0.5;
    }

    /// Scrolls the nearest Flickable around the view that can move by @p delta (> 0: up).
    function scrollPage(delta: real): void {
        for (let item = consoleView.parent; item; item = item.parent) {
            if (item.contentY === undefined || item.contentHeight === undefined || item.originY === undefined)
                continue;
            const top = item.originY;
            const bottom = Math.max(top, item.originY + item.contentHeight - item.height);
            const next = Math.max(top, Math.min(bottom, item.contentY - delta));
            if (next !== item.contentY) {
                item.contentY = next;
                return;
            }
        }
    }

    /// Tab enters the page (its controls, embed.js); before it runs, Tab passes over the view.
    readonly property bool tabbable: ready && missing === "" && web.visible
    /// The focused control of the page in the view's coordinates (the page reports it), or an
    /// empty rect: the page scrolls around the view to show it (and tests follow it).
    property rect pageFocus: Qt.rect(0, 0, 0, 0)

    // Where Tab (Shift+Tab) enters the view: the first (last) item of the view in the focus chain
    // takes the focus and hands it to the page's first (last) control at once.
    Item {
        id: entryFirst
        objectName: "consoleEntryFirst"
        activeFocusOnTab: consoleView.tabbable
        Accessible.role: Accessible.Chart
        Accessible.name: consoleView.Accessible.name
        onActiveFocusChanged: if (activeFocus) consoleView.enter(true)
    }

    /// Gives the keyboard to the page's first (@p forward) or last control; a page without one
    /// passes it on.
    function enter(forward: bool): void {
        pageFocus = Qt.rect(0, 0, 0, 0);
        web.forceActiveFocus(Qt.OtherFocusReason); // no Tab reason: Chromium's own initial focus stays out of it
        web.runJavaScript("window.latchkeyFocusEdge ? window.latchkeyFocusEdge(" + JSON.stringify(forward ? "first" : "last") + ") : false",
                          entered => {
                              if (!entered && web.activeFocus)
                                  consoleView.leave(forward);
                          });
    }
    /// Moves the keyboard to the dashboard's control after (@p forward) or before the view.
    function leave(forward: bool): void {
        const next = forward ? entryLast.nextItemInFocusChain(true) : entryFirst.nextItemInFocusChain(false);
        if (next && next !== entryFirst && next !== entryLast)
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
    }
    /// Scrolls the nearest Flickable around the view until the page's control at @p top to
    /// @p bottom (the view's coordinates) shows, with a small margin.
    function reveal(top: real, bottom: real): void {
        const margin = 16;
        for (let item = consoleView.parent; item; item = item.parent) {
            if (item.contentY === undefined || item.contentItem === undefined || item.originY === undefined)
                continue;
            const r = consoleView.mapToItem(item.contentItem, 0, top, 1, bottom - top);
            const lowest = Math.max(item.originY, item.originY + item.contentHeight - item.height);
            if (r.y < item.contentY)
                item.contentY = Math.max(item.originY, r.y - margin);
            else if (r.y + r.height > item.contentY + item.height)
                item.contentY = Math.min(lowest, Math.min(r.y - margin, r.y + r.height - item.height + margin));
            return;
        }
    }

    objectName: "consoleView" // the screenshot test waits for every one of them
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Usage charts")

    // Diagnostics of the blank view: every load's status and a render process that went away.
    LoggingCategory {
        id: consoleLog
        name: "latchkey.dashboard.console"
        defaultLogLevel: LoggingCategory.Info
    }

    Label {
        objectName: "consoleMissingPermission"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: consoleView.missing !== ""
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        opacity: 0.8
        // In words first (PermissionWords, as every "lacks the permission" sentence), the name kept
        // for the admin who grants it.
        text: qsTr("Your root key lacks the permission “%1” (%2) to see these charts.")
              .arg(PermissionWords.actionLabel(consoleView.permission, PermissionWords.revision)).arg(consoleView.permission)
    }

    WebEngineView {
        id: web
        anchors.fill: parent
        visible: consoleView.missing === ""
        profile: ownProfile
        // The view's child, not its sibling declared before it (destroyed first): the view and
        // its page go before their profile, never released by a profile going under them (the
        // crash on exit that DashboardApp::unload() prevents had a profile's teardown on its stack).
        WebEngineProfile {
            id: ownProfile
            offTheRecord: true
        }
        backgroundColor: consoleView.colours.background
        // Tab reaches the page through entryFirst and entryLast only: Chromium keeps Tab inside a
        // page it has focus in, so the view itself in the chain was a keyboard trap. The item
        // that takes the keys is the view's child (made per render process), which is in the
        // chain by itself.
        activeFocusOnTab: false
        onChildrenChanged: {
            for (let i = 0; i < children.length; ++i)
                children[i].activeFocusOnTab = false;
        }
        // The first load waits a moment: a page's theme (and so `dark` and the colours) reaches
        // the view only once the page is in its StackView, and a load begun before that was
        // replaced by a second one mid-way, which left the view blank now and then.
        Component.onCompleted: {
            consoleView.viewComplete = true;
            reloadSoon.restart();
        }
        // Links away from the server open in the desktop's browser, never in here with the key.
        // Another console view opens the dashboard's page for it instead of replacing this one.
        onNavigationRequested: request => {
            const target = request.url.toString();
            if (consoleView.origin !== "" && !target.startsWith(consoleView.origin + "/")
                    && !target.startsWith("about:")) {
                request.action = WebEngineNavigationRequest.IgnoreRequest;
                Qt.openUrlExternally(request.url);
            } else if (consoleView.leadsElsewhere(target)) {
                request.action = WebEngineNavigationRequest.IgnoreRequest;
                consoleView.openDashboardPage(target);
            }
        }
        // The console's links to a key, owner, API or namespace ask for a new window (embed.js).
        onNewWindowRequested: request => {
            const target = request.requestedUrl.toString();
            if (ConsoleRoutes.viewOf(consoleView.origin, target) !== "")
                consoleView.openDashboardPage(target);
            else if (consoleView.origin !== "" && !target.startsWith(consoleView.origin + "/"))
                Qt.openUrlExternally(request.requestedUrl);
        }
        // The page's height (embed.js) and its warnings; nothing else the console logs.
        onJavaScriptConsoleMessage: (level, message, lineNumber, sourceId) => {
            const height = /^latchkey:height (\d+)$/.exec(message);
            const focus = /^latchkey:focus (-?\d+) (-?\d+) (-?\d+) (-?\d+)$/.exec(message);
            const leave = /^latchkey:leave (next|previous)$/.exec(message);
            if (height) {
                consoleView.documentHeight = Number(height[1]);
            } else if (focus) {
                const [left, top, right, bottom] = focus.slice(1).map(Number);
                consoleView.pageFocus = Qt.rect(left, top, right - left, bottom - top);
                if (web.activeFocus)
                    consoleView.reveal(top, bottom);
            } else if (leave) {
                if (web.activeFocus) // not when the focus went elsewhere since
                    consoleView.leave(leave[1] === "next");
            } else if (level !== WebEngineView.InfoMessageLevel)
                console.warn(consoleLog, "view", consoleView.view, "page:", message, "(" + sourceId + ":" + lineNumber + ")");
        }
        onLoadingChanged: request => {
            // qmllint disable type
            console.debug(consoleLog, "view", consoleView.view, "load status", request.status,
                          "error", request.errorCode, request.errorDomain, request.errorString);
            if (request.status === WebEngineView.LoadFailedStatus)
                consoleView.retry("failed to load: " + request.errorString);
            // qmllint enable type
        }
        onRenderProcessTerminated: (status, exitCode) => {
            console.info(consoleLog, "view", consoleView.view, "render process terminated, status",
                         status, "exit code", exitCode);
        }
    }

    // A page that does not run (yet) keeps Tab to itself once a click put the keyboard in it:
    // then Tab and Shift+Tab leave the view to the dashboard's next/previous control at once.
    Shortcut {
        sequences: ["Tab"]
        enabled: web.activeFocus && !consoleView.tabbable
        onActivated: consoleView.leave(true)
    }
    Shortcut {
        sequences: ["Shift+Tab", "Shift+Backtab", "Backtab"]
        enabled: web.activeFocus && !consoleView.tabbable
        onActivated: consoleView.leave(false)
    }

    // Chromium keeps every wheel event it gets, also where the console cannot scroll (a view as
    // tall as its content, or one scrolled to its end), so the page around the view would not
    // move under the pointer. The wheel reaches the web view only while the console can scroll
    // that way (a rejected event goes on to the view below); otherwise it scrolls the page.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.NoButton
        onWheel: wheel => {
            const lines = Qt.styleHints.wheelScrollLines > 0 ? Qt.styleHints.wheelScrollLines : 3;
            const delta = wheel.pixelDelta.y !== 0 ? wheel.pixelDelta.y : wheel.angleDelta.y / 120 * lines * 20;
            if (delta === 0 || consoleView.webCanScroll(delta))
                wheel.accepted = false;
            else
                consoleView.scrollPage(delta);
        }
    }

    // Where Shift+Tab from the control after the view enters it (the last in its focus chain).
    Item {
        id: entryLast
        objectName: "consoleEntryLast"
        activeFocusOnTab: consoleView.tabbable
        Accessible.role: Accessible.Chart
        Accessible.name: consoleView.Accessible.name
        onActiveFocusChanged: if (activeFocus) consoleView.enter(false)
    }
}
