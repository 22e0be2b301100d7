import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The keys of one API as a table with status badges, the API's usage charts from the console,
// and bulk disable / enable / delete of the selected keys with progress and cancel.
Page {
    id: page

    required property Session session
    required property string apiId
    property string apiName
    /// The API's key count as the APIs list showed it (-1: not known), for "Select all N keys".
    property int keyCount: -1

    readonly property Capabilities may: session.capabilities
    /// "" when the root key may list this API's keys (apis.listKeys wants read_key and read_api).
    readonly property string mayNotList: may.missing("api." + apiId + ".read_key", may.revision)
                                         || may.missing("api." + apiId + ".read_api", may.revision)
    /// The charts above the keys (the header's "Charts"; remembered in the settings).
    property bool chartsShown: session.settings.listCharts

    function focusSearch() {
        bar.focusSearch();
    }
    // What the window keeps of this page while another one is shown (Main.qml): the search.
    function savedState(): var {
        return { search: bar.searchText };
    }
    function restoreState(state: var): void {
        bar.setSearch(state.search);
    }
    function focusList(): void {
        if (list.count > 0 && list.currentIndex < 0)
            list.currentIndex = 0;
        // The current row itself: the list would give the focus back to whatever inside it had it
        // last, the charts in its header among them.
        if (list.currentItem)
            list.currentItem.forceActiveFocus(Qt.TabFocusReason);
        else
            list.forceActiveFocus(Qt.TabFocusReason);
        list.showCurrentRow();
    }
    /// Main.qml, when the page opens other than by the sidebar (Ctrl+K, an API's row, a link): the
    /// keyboard on the first key (framed after a key press, ListFocusRing), so Down and Enter open
    /// a key and the next Tab stays in the page (walkthrough 23, Y3: twelve Tabs to the filter);
    /// the filter when the API has no keys; the page itself until the first rows came, then
    /// again from there (unless the user moved the focus meanwhile).
    function focusContent(): void {
        focusAwaitsRows = false;
        if (list.count > 0) {
            focusList();
        } else if (!page.may.pending && !keys.loading) {
            bar.focusSearch();
        } else {
            page.forceActiveFocus(Qt.OtherFocusReason);
            focusAwaitsRows = true;
            focusWhileWaiting = page.Window.activeFocusItem;
        }
    }
    property bool focusAwaitsRows: false
    /// Where page.forceActiveFocus() put the focus: still there, the user has not moved it.
    property Item focusWhileWaiting: null
    function focusWhenRowsCame(): void {
        if (focusAwaitsRows && page.Window.activeFocusItem === focusWhileWaiting)
            focusContent();
        else
            focusAwaitsRows = false;
    }
    // Once the event loop comes back (as Qt.callLater, which qmllint refuses in a Connections'
    // handler): both signals of one change make one call.
    Timer {
        id: rowsCame
        interval: 0
        onTriggered: page.focusWhenRowsCame()
    }
    // Later: the list's client follows whoami, and its rows their answer.
    Connections {
        target: keys
        enabled: page.focusAwaitsRows
        function onLoadingChanged() {
            rowsCame.restart();
        }
    }
    Connections {
        target: page.may
        enabled: page.focusAwaitsRows
        function onChanged() {
            rowsCame.restart();
        }
    }
    /// The Tab order is the order on screen (W17: the rows came before the bulk bar and the
    /// select-all box above them, and Shift+Tab from a row went into the charts): the header, the
    /// charts, the bulk bar, the select-all box, the rows, "Load more". The bar is pinned over the
    /// list (declared after it) and the charts are in the list's header, so the chain is joined by
    /// hand at relay items, each reached from one side only: `barEntry` (after the charts: on to
    /// the bar), the bar's `firstStop` (Shift+Tab from the bar: back to the charts) and `lastStop`
    /// (Tab from the bar: the rows), `afterRows` (Tab from "Load more": out of the page) and `pageExit`
    /// (Shift+Tab from after the page: "Load more" or the rows).
    property Item barEntry: null

    /// Tab (@p forward) or Shift+Tab from the rows: on to the footer's "Load more" where it shows,
    /// else out of the page; back to the select-all box (the bar's last stop). Inside the list Qt's
    /// own order follows the order in which the view happened to make its header, footer and rows.
    function leaveRows(forward: bool): void {
        const more = loadMore();
        if (!forward)
            focusOn(listBar.lastStop.nextItemInFocusChain(false), Qt.BacktabFocusReason);
        else if (more)
            more.forceActiveFocus(Qt.TabFocusReason);
        else
            leavePage();
    }
    /// The footer's "Load more" while it can be pressed, else null.
    function loadMore(): Item {
        const more = list.footerItem ? (list.footerItem as ListFooter).loadMoreButton : null;
        return more && more.visible && more.enabled ? more : null;
    }
    /// Tab past the page's last stop: what follows the page.
    function leavePage(): void {
        focusOn(pageExit.nextItemInFocusChain(true), Qt.TabFocusReason);
    }
    /// Shift+Tab from after the page: the page's last stop ("Load more", the rows, else the bar's).
    function enterFromBelow(): void {
        const more = loadMore();
        if (more)
            more.forceActiveFocus(Qt.BacktabFocusReason);
        else if (list.count > 0)
            focusList();
        else
            focusOn(listBar.lastStop.nextItemInFocusChain(false), Qt.BacktabFocusReason);
    }
    function focusOn(item: Item, reason: int): void {
        if (item)
            item.forceActiveFocus(reason);
    }
    /// Whether row @p index stands whole between the pinned bar and the list's bottom.
    function rowInSight(index: int): bool {
        if (index < 0)
            return false;
        const row = list.itemAtIndex(index);
        if (row === null)
            return false;
        const top = row.y - list.contentY;
        return top >= listBar.y + listBar.height - 1 && top + row.height <= list.height + 1;
    }
    /// The keyboard into the rows where the user is: the current row when it is in sight, else
    /// the first one in sight, so the list does not scroll away (W21); the filter when no row is
    /// left. After a bulk action and when its Cancel greys (W19: the focus was left nowhere).
    function focusRowInSight(): void {
        if (list.count === 0) {
            bar.focusSearch();
            return;
        }
        if (!rowInSight(list.currentIndex)) {
            const first = list.indexAt(1, list.contentY + listBar.y + listBar.height + 1);
            list.currentIndex = first < 0 ? 0 : rowInSight(first) || first + 1 >= list.count ? first : first + 1;
        }
        focusList();
    }
    // Esc cancels a running bulk action, and only that (a focused search field keeps its own Esc).
    Keys.onEscapePressed: event => {
        if (bulk.operation.running && !bulk.operation.cancelled)
            listBar.progress.cancel();
        else
            event.accepted = false;
    }
    /// What Ctrl+N pre-fills in the issue-key dialog on this page: this API, as "Issue key" does.
    readonly property var issuePrefill: ({apiId: page.apiId})
    /// The key's page is told this API: keys.getKey does not say it, and a root key that may act on
    /// one API only (api.<id>.update_key) gets the page's controls by it.
    function openKey(keyId: string): void {
        page.session.openPage("keyDetail", {keyId: keyId, apiId: page.apiId});
    }
    /// A row's key opened by a click: that row becomes the current one, so Back returns the
    /// keyboard focus to it (walk 19: it came back to the first row).
    function openRow(row: int, keyId: string): void {
        list.currentIndex = row;
        openKey(keyId);
    }
    /// Reloads the list (called by a key detail page that deleted its key before it closed).
    function refresh(): void {
        keys.refresh();
    }

    title: apiName !== "" ? qsTr("Keys of %1").arg(apiName) : qsTr("Keys")

    header: KeysPageHeader {
        id: bar
        title: page.title
        session: page.session
        chartsShown: page.chartsShown
        onSearchDown: page.focusList()
        onSearchAccepted: page.focusList()
        onRefresh: keys.refresh()
    }

    KeysModel {
        id: keys
        objectName: "keysModel"
        // Not fetched before whoami answers, nor when the root key may not read it.
        client: !page.may.pending && page.mayNotList === "" ? page.session.client : null
        apiId: page.apiId
        search: bar.search
        rateLimitBadges: page.may.may("api.*.read_analytics", page.may.revision)
        replacedBadges: page.may.may("workspace.*.read_audit_log", page.may.revision)
    }

    // A key issued anywhere (toolbar, Ctrl+N, sidebar) appears here at once.
    Connections {
        target: page.session
        function onKeysChanged() {
            keys.refresh();
        }
        // A key changed or shown on its page: its row here shows it as it is now.
        function onKeyUpdated(keyId: string) {
            keys.reloadKey(keyId);
        }
    }

    /// How often the rows on screen follow the server: the pace of the charts above the list.
    property int liveRowsInterval: 15000
    // While the list is the page on screen in the active window, its rows follow the server
    // (credits left, last used, badges) in place: no reset, scroll, selection and current row kept.
    // Keys added or deleted elsewhere wait for Refresh (KeysModel.updateLoadedRows).
    Timer {
        objectName: "liveRowsTimer"
        interval: page.liveRowsInterval
        repeat: true
        running: page.visible && page.Window.active && !keys.loading && !bulk.operation.running
                 && (page.StackView.view === null || page.StackView.status === StackView.Active)
        onTriggered: keys.updateLoadedRows()
    }
    // Back on screen (Back from a key's page): the rows are brought up to date at once, not at the
    // timer's next tick up to 15 s later (walk 19: a key renamed and disabled meanwhile still
    // showed its old name and "active"), and the row that was opened is in sight.
    StackView.onActivated: {
        if (!keys.loading && !bulk.operation.running)
            keys.updateLoadedRows();
        list.showCurrentRow();
    }

    KeysBulkRun {
        id: bulk
        anchors.fill: parent
        keys: keys
        client: page.session.client
    }
    // Stopped before the end (Cancel, or no answer): the keys it did not reach stay selected, so
    // one click finishes the job (walkthrough 20/5); that is no new selection of the user's. The
    // rows change in place, the list stays where it was (W21: a reload took it to its top, away
    // from the keys left selected). The run takes the keyboard to its Cancel, framed for a
    // keyboard user (W19: the pressed button greyed under the focus, and nothing had it).
    Connections {
        target: bulk.operation
        function onFinished() {
            const inRows = list.currentItem !== null && list.currentItem.activeFocus;
            keys.applyBulkOutcome(bulk.action, bulk.operation.succeededKeyIds(), bulk.operation.notStartedKeyIds());
            if (inRows)
                page.focusRowInSight(); // the focused row may have been deleted
        }
        function onRunningChanged() {
            if (bulk.operation.running)
                listBar.progress.focusCancel(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
        }
    }
    // A new selection is the next task: the last run's outcome gives way (to the offer to select
    // every key, among others). Only the user adds to a selection; a run's outcome only narrows it.
    property int selectedBefore: 0
    Connections {
        target: keys
        function onSelectionChanged() {
            if (keys.selectedCount > page.selectedBefore && !bulk.operation.running)
                listBar.progress.dismiss();
            page.selectedBefore = keys.selectedCount;
        }
    }

    // The API's charts at the height they need, then the keys: one list that scrolls as a page.
    PageListView {
        id: list
        objectName: "keyList"
        anchors.fill: parent
        model: keys
        focus: true
        // Tab reaches the rows after the bulk bar (its lastStop), not the list before the charts in its
        // header; the arrows move the current row, Space ticks its box, Enter opens it.
        activeFocusOnTab: false
        Keys.onTabPressed: page.leaveRows(true)
        Keys.onBacktabPressed: page.leaveRows(false)
        ScrollBar.vertical: scrollBar
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Keys")
        // The arrows keep the current row below the selection bar and the column titles where
        // they are pinned over the rows.
        coveredTop: listBar.height

        header: Column {
            width: list.width // qmllint disable unqualified
            // Their compact summary unless "All charts": the first key rows stay in sight.
            UsageCharts {
                width: parent.width
                height: implicitHeight // its content's height: it scrolls with the keys
                visible: page.chartsShown // qmllint disable unqualified
                session: page.session // qmllint disable unqualified
                view: "/apis/" + page.apiId // qmllint disable unqualified
                dark: page.Material.theme === Material.Dark // qmllint disable unqualified
            }
            // Where the selection bar and the column titles stand while the list is at its top.
            Item {
                width: parent.width
                height: listBar.height // qmllint disable unqualified
            }
            Item {
                width: parent.width
                height: 24
                visible: list.count === 0 // qmllint disable unqualified
            }
            ListPlaceholder {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width - 48, 460)
                visible: list.count === 0 // qmllint disable unqualified
                missing: page.mayNotList // qmllint disable unqualified
                loading: keys.loading || page.may.pending // qmllint disable unqualified
                error: keys.failed ? keys.errorDetail : "" // qmllint disable unqualified
                onRetry: keys.refresh() // qmllint disable unqualified
                progress: keys.searching ? qsTr("Searching… %n key(s) checked", "", keys.scanned) : "" // qmllint disable unqualified
                title: keys.search !== "" ? qsTr("No key matches “%1”.").arg(keys.search) : qsTr("This API has no keys yet") // qmllint disable unqualified
                hint: keys.search !== "" ? qsTr("Clear the filter to see every key.") // qmllint disable unqualified
                                         : qsTr("Issue the first one with “Issue key” (Ctrl+N).")
            }
            // After the charts in the Tab chain: Tab goes on to the bulk bar pinned over the list.
            KeysTableRelay {
                id: barEntryItem
                objectName: "barEntry"
                Component.onCompleted: page.barEntry = barEntryItem // qmllint disable unqualified
                onEntered: page.focusOn(listBar.firstStop.nextItemInFocusChain(true), Qt.TabFocusReason) // qmllint disable unqualified
            }
        }

        // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
        // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
        delegate: KeyRow {
            id: keyRow
            format: page.session.format // qmllint disable unqualified
            onToggled: (row, selected) => keys.setSelected(row, selected)
            onOpened: keyId => page.openRow(keyRow.index, keyId) // qmllint disable unqualified
        }
        Keys.onPressed: event => bar.typeIntoSearch(event) // typing searches
        Keys.onReturnPressed: {
            if (currentIndex >= 0)
                page.openKey(keys.rowObject(currentIndex).keyId);
        }
        Keys.onSpacePressed: keys.toggleSelected(currentIndex)

        footer: ListFooter {} // follows the view's model
    }

    // Tab from "Load more": out of the page (the bulk bar after it in the chain is above the rows).
    KeysTableRelay {
        id: afterRows
        onEntered: page.leavePage()
    }

    // The selection bar and the column titles below the charts, pinned to the top once the
    // charts are scrolled away: the rows scroll under them. Declared after the list (drawn over
    // it); in the Tab chain after the charts and before the rows, through the relays.
    KeysListBar {
        id: listBar
        // The header's first item is the charts.
        readonly property real chartsBottom: list.headerItem
            ? list.headerItem.y - list.contentY + (page.chartsShown ? list.headerItem.children[0].height : 0) : 0
        y: Math.max(0, chartsBottom)
        width: list.width // the rows' width: the column titles stand over their columns
        pinned: y <= 0 && list.contentY > list.originY // the charts scrolled (partly) out of view
        keys: keys
        run: bulk
        may: page.may
        format: page.session.format
        keyCount: page.keyCount
        // Shift+Tab from the bar's first stop: back to the charts (or the header).
        onBackward: page.focusOn(page.barEntry.nextItemInFocusChain(false), Qt.BacktabFocusReason)
        // Tab from the bar's last stop (the select-all box): the rows.
        onForward: {
            if (list.count > 0)
                page.focusList();
            else
                page.leavePage();
        }
        onCancelFocusEnds: page.focusRowInSight()
    }

    // The list's scroll bar over the pinned bar, not under it.
    ScrollBar {
        id: scrollBar
        objectName: "keyListScrollBar"
        anchors.top: list.top
        anchors.right: list.right
        anchors.bottom: list.bottom
        z: 2
    }

    // Shift+Tab from what follows the page: its last stop.
    KeysTableRelay {
        id: pageExit
        onEntered: page.enterFromBelow()
    }
}
