import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The dashboard's window: the start screen until a server is connected, then the shell — a
// sidebar of pages (PageRegistry.qml), the one ErrorBanner, and a StackView of pages.
ApplicationWindow {
    id: window

    required property Session session
    required property ConnectionController connection
    required property LocalServerController localServer
    readonly property SettingsController settings: session.settings

    /// The page on screen (self-test and screenshots use it).
    readonly property var currentPage: stack.currentItem
    /// PageRegistry.qml's entries (the self-test opens each).
    readonly property var pageEntries: registry.entries
    readonly property string currentPageName: stack.currentItem ? stack.currentItem.objectName : ""
    property string currentSidebarPage: ""
    /// The sidebar row of the page on screen, whichever way it was reached (sidebar, Ctrl+K, a
    /// link, Back): a sidebar page's own row, a detail page's section (a key: APIs), or the row of
    /// the detail page below it when it belongs there too (a key opened from an owner's page:
    /// Owners). A sidebar page below counts for nothing: a key reached with Ctrl+K from the owners
    /// list or the audit log is under APIs, as one opened from its API's key list (issue 4).
    readonly property string highlightedSidebarPage: {
        let row = currentSidebarPage;
        let belowIsDetail = false;
        const depth = stack.depth; // the bindings' dependencies: the stack and its top
        for (let i = 0; i < depth && currentPageName !== ""; ++i) {
            const page = stack.get(i, StackView.DontLoad);
            const entry = page ? registry.find(page.objectName) : null;
            if (!entry)
                continue;
            const sections = [].concat(entry.sidebar ? [entry.name] : (entry.section || []));
            if (!belowIsDetail || sections.indexOf(row) < 0)
                row = sections.length > 0 ? sections[0] : "";
            belowIsDetail = !entry.sidebar;
        }
        return row;
    }

    // The default size, within the screen's free area: on a 1024×768 screen a 1280×800 window
    // put the start page's right part, with the language picker, off the screen.
    width: Math.min(1280, Screen.desktopAvailableWidth)
    height: Math.min(800, Screen.desktopAvailableHeight)
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    // The platform adds the application's name (" — Latchkey", QGuiApplication's display name)
    // to any other title: the connection alone, or the title read "Latchkey — … — Latchkey".
    title: session.connected ? session.client.address : qsTr("Latchkey")

    Material.theme: settings.dark ? Material.Dark : Material.Light
    // Indigo in both themes; the dark theme takes darker shades so white text on them stays legible.
    Material.primary: settings.dark ? "#283593" : Material.Indigo
    Material.accent: settings.dark ? "#5c6bc0" : Material.Indigo

    PageRegistry {
        id: registry
    }

    // Qt 6.4's Material style veils the page behind a modal dialog in a light grey in the dark
    // theme (backgroundDimColor 0x99fafafa), which brightens the page instead of dimming it.
    // Each popup's veil is a Rectangle the style creates in the window's overlay (popups' own
    // items have no colour): darken each one as it appears. A moment later, once it is complete
    // (the style's colour binding is set when the veil is already in the overlay).
    function darkenVeils(): void {
        if (!settings.dark)
            return;
        const children = Overlay.overlay.children;
        for (let i = 0; i < children.length; ++i) {
            if (children[i].color !== undefined)
                children[i].color = "#99000000";
        }
    }
    Connections {
        target: window.Overlay.overlay
        function onChildrenChanged() {
            veils.restart();
        }
    }
    Timer {
        id: veils
        interval: 0
        onTriggered: window.darkenVeils()
    }

    /// Shows page @p name with @p properties. Sidebar pages replace the stack; others are pushed
    /// on top of it (Esc or the back button returns). Returns false for an unknown page.
    function openPage(name, properties) { // untyped: C++ (self-test) calls it with QVariants
        const entry = registry.find(name);
        if (!entry) {
            console.warn("unknown page", name);
            return false;
        }
        const props = Object.assign({ session: window.session, objectName: name }, properties || {});
        if (entry.sidebar) {
            leaveCurrentPage(() => {
                currentSidebarPage = name;
                savePageStates();
                stack.replace(null, Qt.resolvedUrl(entry.file), props, StackView.Immediate);
                restorePageState(stack.currentItem);
            });
        } else {
            stack.push(Qt.resolvedUrl(entry.file), props);
            restorePageState(stack.currentItem);
        }
        return stack.currentItem !== null && stack.currentItem.objectName === name;
    }

    /// Back landed on the page of a key deleted since (on another page of it): nothing to show
    /// there, so on to the page below it that is not one.
    function skipGonePages(): void {
        const top = window.currentPage; // untyped: a key page's keyGone
        if (!top || top["keyGone"] !== true)
            return;
        for (let i = stack.depth - 2; i >= 0; --i) {
            const page = stack.get(i, StackView.DontLoad);
            if (page && page["keyGone"] !== true) {
                stack.pop(page, StackView.Immediate);
                return;
            }
        }
    }
    Timer {
        id: skipGone
        interval: 0
        onTriggered: window.skipGonePages()
    }

    /// What pages left through the sidebar had set (filters, a search, the chosen namespace), by
    /// pageStateKey(): a page opened again (the sidebar, the same API's keys) takes it back once.
    /// Pages that have any define savedState() and restoreState(state).
    property var pageStates: ({})

    function pageStateKey(page: var): string {
        return page.objectName + "/" + (page["apiId"] || page["identityId"] || "");
    }
    function savePageStates(): void {
        for (let i = 0; i < stack.depth; ++i) {
            const page = stack.get(i, StackView.DontLoad); // untyped: pages may define savedState
            if (page && typeof page["savedState"] === "function")
                pageStates[pageStateKey(page)] = page["savedState"]();
        }
    }
    function restorePageState(page: var): void {
        const key = page ? pageStateKey(page) : "";
        if (key === "" || pageStates[key] === undefined || typeof page["restoreState"] !== "function")
            return;
        const state = pageStates[key];
        delete pageStates[key];
        page["restoreState"](state);
    }

    function goBack(): void {
        if (stack.depth > 1)
            leaveCurrentPage(() => stack.pop());
    }

    /// Runs @p leave (which closes the current page) now, or once the page agreed: a page with
    /// unsaved edits defines confirmLeave(leave), asks, and calls it when they may be dropped.
    function leaveCurrentPage(leave: var): void {
        const page = window.currentPage; // untyped: pages are free to define confirmLeave
        if (page && typeof page["confirmLeave"] === "function")
            page["confirmLeave"](leave);
        else
            leave();
    }

    /// Removes every page (DashboardApp::unload(), before the window goes): their console views
    /// go while the QML engine is still there, not in its teardown.
    function unloadPages(): void {
        stack.clear(StackView.Immediate);
    }

    /// Rebuilds the visible page, so formatted dates and numbers follow a new language.
    function reloadCurrentPage(): void {
        if (!session.connected || stack.depth !== 1 || currentSidebarPage === "")
            return;
        openPage(currentSidebarPage, {});
    }

    /// Whether @p item is @p outer or inside it.
    function holds(outer: Item, item: Item): bool {
        for (let node = item; node && outer; node = node.parent) {
            if (node === outer)
                return true;
        }
        return false;
    }

    /// A page opened other than by the sidebar (a list's row, Ctrl+K, a link, the new key's "Open
    /// key", Back) takes the keyboard focus: its focusContent() when it has one, else the page
    /// itself, so the next Tab lands in the page and not in the sidebar. A sidebar page chosen in
    /// the sidebar leaves the focus there; an open dialog keeps it.
    function focusCurrentPage(): void {
        const page = window.currentPage; // untyped: pages are free to define focusContent
        const focused = window.activeFocusItem;
        if (!page || !window.session.connected || holds(page, focused) || holds(Overlay.overlay, focused))
            return;
        const entry = registry.find(window.currentPageName);
        if (entry && entry.sidebar && holds(sidebar, focused))
            return;
        if (typeof page["focusContent"] === "function")
            page["focusContent"]();
        else
            page.forceActiveFocus(Qt.OtherFocusReason);
    }
    // Later: after the dialog that opened the page has handed the focus back.
    Timer {
        id: pageFocus
        interval: 0
        onTriggered: window.focusCurrentPage()
    }

    /// Ctrl+F: the page's own filter field, on pages that have one (they define focusSearch()).
    function focusPageFilter(): void {
        const page = window.currentPage;
        if (page && typeof page["focusSearch"] === "function")
            page["focusSearch"]();
    }

    Connections {
        target: window.session
        function onPageRequested(name: string, properties: var) {
            window.openPage(name, properties);
        }
        function onNotice(text: string) {
            notice.show(text);
        }
        function onConnectedChanged() {
            banner.clear();
            window.pageStates = {}; // another server's (or workspace's) pages
            if (window.session.connected)
                window.openPage("overview", {});
            else
                stack.clear();
        }
    }

    Connections {
        target: window.settings
        function onLanguageChanged() {
            window.reloadCurrentPage();
        }
    }

    // Ctrl+K is the one "Go to" on every page (a key, owner or API through the server); a list
    // page's own filter is Ctrl+F.
    Shortcut {
        sequence: "Ctrl+K"
        enabled: window.session.connected
        onActivated: globalSearch.open()
    }
    Shortcut {
        sequence: "Ctrl+F"
        enabled: window.session.connected
        onActivated: window.focusPageFilter()
    }
    Shortcut {
        sequence: "Ctrl+N"
        enabled: window.session.connected
        // The sidebar's button: the page's own pre-fill (the API of "Keys of …"), gated (a key
        // that may not create keys gets only the reason).
        onActivated: sidebar.issueKey()
    }
    /// Ctrl+Q (the desktop's Quit): the window closes, and the app with it, as by its title bar
    /// (a dialog showing a key not copied yet asks there first), once the page agreed to be left:
    /// unsaved card drafts ask first, as leaving the page does (walkthrough 23b, Y1).
    function quitApp(): void {
        leaveCurrentPage(() => window.close());
    }
    // On the start screen too. Not over a modal dialog: Esc closes that first.
    Shortcut {
        sequence: "Ctrl+Q" // StandardKey.Quit, which qmllint cannot resolve here
        onActivated: window.quitApp()
    }
    Shortcut {
        sequence: "Alt+Left"
        enabled: window.session.connected && stack.depth > 1
        onActivated: window.goBack()
    }

    StartPage {
        anchors.fill: parent
        visible: !window.session.connected
        connection: window.connection
        localServer: window.localServer
        session: window.session
    }

    RowLayout {
        anchors.fill: parent
        visible: window.session.connected
        spacing: 0

        Sidebar {
            id: sidebar
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(220, sidebar.neededWidth)
            session: window.session
            entries: registry.entries
            currentName: window.highlightedSidebarPage
            issuePrefill: window.currentPage && window.currentPage.issuePrefill ? window.currentPage.issuePrefill : ({})
            onPageChosen: name => window.openPage(name, {})
            // Like leaving the page by the sidebar: a page with unsaved drafts asks first.
            onDisconnectRequested: window.leaveCurrentPage(() => window.session.disconnectFromServer())
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StackView {
                id: stack
                Layout.fillWidth: true
                Layout.fillHeight: true
                focus: true
                // A page leaving by a push (or coming back by a pop) slides half its width to the
                // left, across the sidebar, above it: unclipped, it hid the sidebar and took its
                // clicks (a Disconnect click went into the leaving page's web view).
                clip: true
                onCurrentItemChanged: {
                    pageFocus.restart();
                    skipGone.restart(); // later: window.currentPage follows this change
                }

                StatusNotice {
                    id: notice
                    objectName: "statusNotice"
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 24
                    z: 10
                }
            }

            // Below the page, in the layout: the page gets shorter from its bottom and nothing on
            // it moves. Over the page's top it covered the header, whose buttons could not be
            // clicked while it showed (walkthrough 23b, Y16); above the page it pushed the page
            // down ~60 px, moving the field under the pointer (walkthrough 20/4). The same place
            // on every page.
            ErrorBanner {
                id: banner
                objectName: "errorBanner"
                Layout.fillWidth: true
                Layout.margins: 8
                client: window.session.client
            }
        }
    }

    IssueKeyDialog {
        session: window.session
    }

    GlobalSearch {
        id: globalSearch
        session: window.session
    }

    // Tooltips stay with the pointer: none left over a page that scrolled under it.
    ToolTipGuard {
        objectName: "toolTipGuard"
    }
}
