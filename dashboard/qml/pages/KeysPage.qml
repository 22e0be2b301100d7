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
    /// The Tab order is the order on screen (W17: the rows came before the bulk bar and the
    /// select-all box above them, and Shift+Tab from a row went into the charts): the header, the
    /// charts, the bulk bar, the select-all box, the rows, "Load more". The bar is pinned over the
    /// list (declared after it) and the charts are in the list's header, so the chain is joined by
    /// hand at relay items, each reached from one side only: `barEntry` (after the charts: on to
    /// the bar), `barFirst` (Shift+Tab from the bar: back to the charts), `barExit` (Tab from the
    /// bar: the rows), `afterRows` (Tab from "Load more": out of the page) and `pageExit`
    /// (Shift+Tab from after the page: "Load more" or the rows).
    property Item barEntry: null
    /// A relay of the Tab chain: it passes the focus on at once (entered()); named as the table
    /// whose parts it joins.
    component FocusRelay: Item {
        signal entered()
        activeFocusOnTab: true
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Keys")
        onActiveFocusChanged: if (activeFocus) entered()
    }

    /// Tab (@p forward) or Shift+Tab from the rows: on to the footer's "Load more" where it shows,
    /// else out of the page; back to the select-all box (the bar's last stop). Inside the list Qt's
    /// own order follows the order in which the view happened to make its header, footer and rows.
    function leaveRows(forward: bool): void {
        const more = loadMore();
        if (!forward)
            focusOn(barExit.nextItemInFocusChain(false), Qt.BacktabFocusReason);
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
            focusOn(barExit.nextItemInFocusChain(false), Qt.BacktabFocusReason);
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
        if (bulk.running && !bulk.cancelled)
            bulkProgress.cancel();
        else
            event.accepted = false;
    }
    /// What Ctrl+N pre-fills in the issue-key dialog on this page: this API, as "Issue key" does.
    readonly property var issuePrefill: ({apiId: page.apiId})
    /// Why the bulk buttons are greyed while no key is selected.
    readonly property string selectFirst: qsTr("Select keys first: the boxes at the start of their rows.")
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

    header: ListPageHeader {
        id: bar
        title: page.title
        settings: page.session.settings
        context: "KeysPage"
        searchSource: QT_TR_NOOP("Filter by name, start or owner")
        searchPlaceholder: qsTr(searchSource)
        onSearchDown: page.focusList()
        onSearchAccepted: page.focusList()

        GatedButton {
            readonly property string sourceText: QT_TR_NOOP("Issue key")
            text: qsTr(sourceText)
            highlighted: true
            missing: page.may.missing("api.*.create_key", page.may.revision)
            onClicked: page.session.requestIssueKey({apiId: page.apiId})
        }
        // One short word that stays (it was "Hide charts" / "Show charts", which put the German
        // header's buttons on a second row at 1280 px); an underline shows that it is on.
        FocusToolButton {
            id: chartsToggle
            objectName: "chartsToggle"
            // Checked, Material draws the text in the accent colour, a shade of the bar's indigo
            // (it looked disabled while on): the text keeps the bar's full contrast instead.
            Material.accent: Material.foreground
            readonly property string sourceText: QT_TR_NOOP("Charts")
            text: qsTr(sourceText)
            checkable: true
            checked: page.chartsShown
            // The tooltip follows a click also while it waits out its delay: ToolTipGuard.
            onToggled: page.session.settings.listCharts = checked
            Accessible.name: page.chartsShown ? qsTr("Hide charts") : qsTr("Show charts")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: Accessible.name
            Rectangle {
                objectName: "chartsToggle-on"
                visible: chartsToggle.checked
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: 8
                width: chartsToggle.contentItem.implicitWidth
                height: 2
                radius: 1
                color: chartsToggle.Material.foreground
            }
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: keys.refresh()
        }
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
        running: page.visible && page.Window.active && !keys.loading && !bulk.running
                 && (page.StackView.view === null || page.StackView.status === StackView.Active)
        onTriggered: keys.updateLoadedRows()
    }
    // Back on screen (Back from a key's page): the rows are brought up to date at once, not at the
    // timer's next tick up to 15 s later (walk 19: a key renamed and disabled meanwhile still
    // showed its old name and "active"), and the row that was opened is in sight.
    StackView.onActivated: {
        if (!keys.loading && !bulk.running)
            keys.updateLoadedRows();
        list.showCurrentRow();
    }

    BulkOperation {
        id: bulk
        client: page.session.client
        // Stopped before the end (Cancel, or no answer): the keys it did not reach stay selected,
        // so one click finishes the job (walkthrough 20/5); that is no new selection of the user's.
        // The rows change in place, the list stays where it was (W21: a reload took it to its top,
        // away from the keys left selected).
        onFinished: {
            const inRows = list.currentItem !== null && list.currentItem.activeFocus;
            keys.applyBulkOutcome(page.bulkAction, bulk.succeededKeyIds(), bulk.notStartedKeyIds());
            if (inRows)
                page.focusRowInSight(); // the focused row may have been deleted
        }
    }
    // A new selection is the next task: the last run's outcome gives way (to the offer to select
    // every key, among others). Only the user adds to a selection; a run's outcome only narrows it.
    property int selectedBefore: 0
    // The run takes the keyboard to its Cancel, framed for a keyboard user (W19: the pressed
    // button greyed under the focus, and nothing had it).
    Connections {
        target: bulk
        function onRunningChanged() {
            if (bulk.running)
                bulkProgress.focusCancel(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
        }
    }
    Connections {
        target: keys
        function onSelectionChanged() {
            if (keys.selectedCount > page.selectedBefore && !bulk.running)
                bulkProgress.dismiss();
            page.selectedBefore = keys.selectedCount;
        }
    }

    // Disable and Enable send only the keys they change: a key already in that state would get an
    // update that changes nothing (an empty "Updated key" row in the audit log). The question says
    // so, and the outcome line what was done.
    /// The bulk action running or last run: "disable", "enable" or "delete".
    property string bulkAction
    readonly property int selectedDisabledCount: keys.selectedCount - keys.selectedEnabledCount
    function bulkOutcome(succeeded: int, failed: int): string {
        const done = bulkAction === "disable" ? qsTr("%n key(s) disabled.", "", succeeded)
                   : bulkAction === "enable" ? qsTr("%n key(s) enabled.", "", succeeded)
                   : qsTr("%n key(s) deleted.", "", succeeded);
        return failed > 0 ? done + " " + qsTr("%n failed.", "", failed) : done;
    }

    ConfirmDialog {
        id: confirmDelete
        objectName: "confirmBulkDelete"
        title: qsTr("Delete keys")
        text: qsTr("Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.", "",
                   keys.selectedCount)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            page.bulkAction = "delete";
            bulk.deleteKeys(keys.selectedKeyIds());
        }
    }

    ConfirmDialog {
        id: confirmDisable
        objectName: "confirmBulkDisable"
        title: qsTr("Disable keys")
        text: page.selectedDisabledCount === 0
              ? qsTr("Disable %n selected key(s)? Their verifications fail until they are enabled again.", "",
                     keys.selectedEnabledCount)
              : qsTr("Disable %n key(s)? Their verifications fail until they are enabled again.", "",
                     keys.selectedEnabledCount) + " "
                + qsTr("%n of the selected keys is already disabled and stays so.", "", page.selectedDisabledCount)
        confirmText: qsTr("Disable")
        destructive: true
        onConfirmed: {
            page.bulkAction = "disable";
            bulk.disableKeys(keys.selectedKeyIdsWithEnabled(true));
        }
    }

    ConfirmDialog {
        id: confirmEnable
        objectName: "confirmBulkEnable"
        title: qsTr("Enable keys")
        text: keys.selectedEnabledCount === 0
              ? qsTr("Enable %n selected key(s)? They verify again, unless they are expired or out of credits.", "",
                     page.selectedDisabledCount)
              : qsTr("Enable %n key(s)? They verify again, unless they are expired or out of credits.", "",
                     page.selectedDisabledCount) + " "
                + qsTr("%n of the selected keys is already enabled and stays so.", "", keys.selectedEnabledCount)
        confirmText: qsTr("Enable")
        onConfirmed: {
            page.bulkAction = "enable";
            bulk.enableKeys(keys.selectedKeyIdsWithEnabled(false));
        }
    }

    // The API's charts at the height they need, then the keys: one list that scrolls as a page.
    PageListView {
        id: list
        objectName: "keyList"
        anchors.fill: parent
        model: keys
        focus: true
        // Tab reaches the rows after the bulk bar (barExit), not the list before the charts in its
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
            FocusRelay {
                id: barEntryItem
                objectName: "barEntry"
                Component.onCompleted: page.barEntry = barEntryItem // qmllint disable unqualified
                onEntered: page.focusOn(barFirst.nextItemInFocusChain(true), Qt.TabFocusReason) // qmllint disable unqualified
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
    FocusRelay {
        id: afterRows
        onEntered: page.leavePage()
    }

    // The selection bar and the column titles below the charts, pinned to the top once the
    // charts are scrolled away: the rows scroll under them. Declared after the list (drawn over
    // it); in the Tab chain after the charts and before the rows, through the relays above.
    Pane {
        id: listBar
        objectName: "listBar"
        /// The charts are scrolled (partly) out of view, the bar stands at the top.
        readonly property bool pinned: y <= 0 && list.contentY > list.originY
        // The header's first item is the charts.
        readonly property real chartsBottom: list.headerItem
            ? list.headerItem.y - list.contentY + (page.chartsShown ? list.headerItem.children[0].height : 0) : 0
        y: Math.max(0, chartsBottom)
        width: list.width // the rows' width: the column titles stand over their columns
        z: 1
        padding: 0
        Material.elevation: pinned ? 2 : 0
        ColumnLayout {
            width: parent.width
            spacing: 0

            // Shift+Tab from the bar's first stop: back to the charts (or the header).
            FocusRelay {
                id: barFirst
                onEntered: page.focusOn(page.barEntry.nextItemInFocusChain(false), Qt.BacktabFocusReason)
            }

            // Always there while the list has keys ("0 selected", its buttons greyed): appearing with
            // the first checked box it would push every row down under the pointer. The offer to
            // select every key and a bulk operation's progress take the room after the buttons.
            // Its buttons' own insets are its margin above and below: a key row more in sight.
            RowLayout {
                objectName: "bulkBar"
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8
                visible: keys.count > 0 || bulk.running || bulkProgress.shown
                spacing: 8
                // With nothing selected, the greyed buttons say in their tooltips what they wait for.
                Label {
                    objectName: "selectedCount"
                    text: keys.selectedCount > 0 ? qsTr("%n selected", "", keys.selectedCount)
                                                 : qsTr("None selected", "keys in the list")
                    opacity: keys.selectedCount > 0 ? 1 : 0.7
                }
                GatedButton {
                    objectName: "bulkDisable"
                    text: qsTr("Disable")
                    ready: !bulk.running && keys.selectedEnabledCount > 0
                    notReadyReason: bulk.running ? "" : keys.selectedCount === 0 ? page.selectFirst
                                                                                 : qsTr("The selected keys are all disabled already.")
                    missing: page.may.missing("api.*.update_key", page.may.revision)
                    onClicked: confirmDisable.open()
                }
                GatedButton {
                    objectName: "bulkEnable"
                    text: qsTr("Enable")
                    ready: !bulk.running && page.selectedDisabledCount > 0
                    notReadyReason: bulk.running ? "" : keys.selectedCount === 0 ? page.selectFirst
                                                                                 : qsTr("The selected keys are all enabled already.")
                    missing: page.may.missing("api.*.update_key", page.may.revision)
                    onClicked: confirmEnable.open()
                }
                GatedButton {
                    objectName: "bulkDelete"
                    text: qsTr("Delete")
                    ready: !bulk.running && keys.selectedCount > 0
                    notReadyReason: bulk.running ? "" : page.selectFirst
                    missing: page.may.missing("api.*.delete_key", page.may.revision)
                    onClicked: confirmDelete.open()
                }
                FocusToolButton {
                    text: qsTr("Clear selection")
                    enabled: keys.selectedCount > 0
                    onClicked: keys.clearSelection()
                }
                BulkProgress {
                    id: bulkProgress
                    Layout.fillWidth: true
                    operation: bulk
                    outcome: page.bulkOutcome(lastSucceeded, lastFailed)
                    onCancelFocusEnds: page.focusRowInSight()
                }
                SelectEveryKeyOffer {
                    Layout.fillWidth: true
                    keysModel: keys
                    format: page.session.format
                    keyCount: page.keyCount
                    allowed: !bulk.running && !bulkProgress.shown
                }
            }

            KeyTableHeader {
                Layout.fillWidth: true
                allSelected: keys.count > 0 && keys.selectedCount === keys.count
                onSelectAll: selected => selected ? keys.selectAll() : keys.clearSelection()
            }

            // Tab from the bar's last stop (the select-all box): the rows.
            FocusRelay {
                id: barExit
                onEntered: {
                    if (list.count > 0)
                        page.focusList();
                    else
                        page.leavePage();
                }
            }
        }
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
    FocusRelay {
        id: pageExit
        onEntered: page.enterFromBelow()
    }
}
