import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtQuick.Templates as T
import Latchkey.Dashboard

// Rate-limit namespaces (left) and the overrides of the chosen one (right), its charts from the
// console below them; overrides (wildcards allowed) are set and deleted here, and a namespace is
// renamed (its pane's Rename, F2 on its row) or deleted (its pane's Delete, the Delete key on its
// row) after a question naming its overrides and the 410 its callers get from then on.
Page {
    id: page

    required property Session session
    /// The namespace shown first (navigation or the self-test may preset it).
    property string namespaceName
    // Another namespace's charts start at the top, wherever the last one's list was scrolled.
    onNamespaceNameChanged: {
        overrideList.positionViewAtBeginning();
    }
    /// The last chosen namespace whose overrides answered: it is there.
    property string foundNamespace
    /// The namespace the charts show: the chosen one once it is known to be there (at once when
    /// the root key may not read overrides: nothing says otherwise). For a namespace that is not
    /// there the console would ask the server for it again, so there are no charts for it.
    readonly property string chartsNamespace: mayNotListOverrides !== "" ? namespaceName : foundNamespace
    readonly property bool showsCharts: namespaceName !== "" && chartsNamespace !== "" && !overrides.notFound

    readonly property Capabilities may: session.capabilities
    /// "" when the key may create namespaces (ratelimit.createNamespace).
    readonly property string mayNotCreate: may.missing("ratelimit.*.create_namespace", may.revision)
    /// "" when the key may list namespaces: all of them, or those it holds read_namespace on.
    readonly property string mayNotList: may.missingEverywhere("ratelimit.*.read_namespace", may.revision)
    /// "" when the key may read overrides of some namespace (on the others the server refuses).
    readonly property string mayNotListOverrides: may.missingEverywhere("ratelimit.*.read_override", may.revision)
    /// The first override asked for with a new namespace, set once the namespace exists.
    property var pendingOverride: null
    /// The override just saved: the current row once the reloaded list has it (not the first row).
    property string savedOverride

    /// Makes the saved override the current row, with the keyboard on it, once a page has it.
    function showSavedOverride(): void {
        if (savedOverride === "")
            return;
        for (let i = 0; i < overrides.count; ++i) {
            if (overrides.rowObject(i).identifier !== savedOverride)
                continue;
            savedOverride = "";
            overrideList.currentIndex = i;
            // Followed until the list is moved by hand: the reloaded list's header (its "No
            // overrides" place, gone again) and charts change height in the next frames, which
            // left a row placed once ~300 px above the top (walkthrough 20/3).
            overrideList.followingCurrent = true;
            overrideList.showCurrentRow();
            overrideList.forceActiveFocus();
            return;
        }
        if (!overrides.hasMore)
            savedOverride = "";
    }

    // What the window keeps of this page while another one is shown (Main.qml): the chosen
    // namespace and the filter.
    function savedState(): var {
        return { namespaceName: page.namespaceName, search: bar.searchText };
    }
    function restoreState(state: var): void {
        bar.setSearch(state.search);
        if (state.namespaceName !== "")
            page.namespaceName = state.namespaceName;
    }
    function focusSearch() {
        bar.focusSearch();
    }
    /// Main.qml, when the page opens other than by the sidebar (a link, Ctrl+K): the not-found
    /// state's Back for a namespace that is not there, else the namespace list (the page's focus).
    function focusContent(): void {
        if (notFoundBack.visible)
            notFoundBack.forceActiveFocus(Qt.OtherFocusReason);
        else
            page.forceActiveFocus(Qt.OtherFocusReason);
    }

    title: qsTr("Rate limits")

    header: ListPageHeader {
        id: bar
        title: page.title
        settings: page.session.settings
        context: "RatelimitPage"
        searchSource: QT_TR_NOOP("Filter namespaces")
        searchPlaceholder: qsTr(searchSource)
        onSearchDown: namespaceList.forceActiveFocus(Qt.TabFocusReason)
        onSearchAccepted: namespaceList.forceActiveFocus(Qt.TabFocusReason)

        GatedButton {
            readonly property string sourceText: QT_TR_NOOP("New namespace")
            text: qsTr(sourceText)
            flat: true
            missing: page.mayNotCreate
            onClicked: overrideDialog.openForNamespace()
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: {
                namespaces.refresh();
                overrides.refresh();
            }
        }
    }

    // Neither list is fetched before whoami answers, nor when the root key may not read it.
    RatelimitNamespacesModel {
        id: namespaces
        client: !page.may.pending && page.mayNotList === "" ? page.session.client : null
        search: bar.search
        onCreated: name => {
            page.namespaceName = name;
            const first = page.pendingOverride;
            page.pendingOverride = null;
            if (first)
                overrides.set(first.identifier, first.limit, first.durationMs);
        }
        // A refused name: the dialog that sent it comes back with what was typed and the server's answer.
        onCreateFailed: result => {
            if (namespaceActions.takeRefusal(result))
                return;
            page.pendingOverride = null;
            overrideDialog.refused(result);
        }
        // The workspace's one namespace is shown at once: there is nothing to choose between.
        onPageLoaded: {
            if (page.namespaceName === "" && namespaces.search === "" && namespaces.count === 1 && !namespaces.hasMore)
                page.namespaceName = namespaces.rowObject(0).name;
        }
    }
    RatelimitOverridesModel {
        id: overrides
        client: !page.may.pending && page.mayNotListOverrides === "" ? page.session.client : null
        namespaceName: page.namespaceName
        onSaved: identifier => {
            namespaces.refresh();
            page.session.notice(qsTr("Override for “%1” saved").arg(identifier)); // the window's notice, as every page
            page.savedOverride = identifier;
        }
        onRemoved: identifier => {
            namespaces.refresh();
            overrideFocus.done();
        }
        // A refused override (also a new namespace's first one: the namespace is made, the
        // dialog comes back to set the override in it).
        onCreateFailed: result => {
            overrideDialog.newNamespace = false;
            overrideDialog.refused(result);
        }
        onExistingLookedUp: (identifier, found, limit, durationMs) => {
            overrideDialog.existingFor = identifier;
            overrideDialog.existingRate = found ? qsTr("%1 per %2").arg(page.session.format.number(limit))
                                                                 .arg(page.session.format.duration(durationMs)) : "";
        }
        onPageLoaded: {
            page.foundNamespace = overrides.namespaceName;
            page.showSavedOverride();
        }
    }

    OverrideDialog {
        id: overrideDialog
        inNamespace: page.namespaceName
        onLookUpExisting: identifier => overrides.lookUpExisting(identifier)
        onSaved: (identifier, limit, durationMs) => {
            if (!overrideDialog.newNamespace) {
                overrides.set(identifier, limit, durationMs);
                return;
            }
            page.pendingOverride = identifier === "" ? null : { identifier, limit, durationMs };
            namespaces.create(overrideDialog.namespaceName);
        }
    }
    // Rename and Delete of a namespace: their dialogs, notices and where the keyboard goes.
    NamespaceActions {
        id: namespaceActions
        session: page.session
        namespaceModel: namespaces
        namespaceView: namespaceList
        chosenName: page.namespaceName
        chosenOverrideCount: overrides.count
        onChosenRenamed: name => page.namespaceName = name
        onChosenDeleted: page.namespaceName = ""
    }
    ConfirmDialog {
        id: confirmDelete
        property string identifier
        property int row: -1
        title: qsTr("Delete override")
        // Not "fall back to the request's limit": a broader wildcard catches them first (walk 20/2).
        text: qsTr("Delete the override for “%1”? The identifiers it covers then follow another override that matches them (a wildcard), or else the limit given in each request.").arg(identifier)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            overrideFocus.removing(row);
            overrides.remove(identifier);
        }
    }
    // After Delete the keyboard is on the next override (the list itself once none is left).
    RemovalFocus {
        id: overrideFocus
        view: overrideList
    }

    SplitView {
        anchors.fill: parent
        // A full-height divider between the panes, accented while hovered or dragged. The style's
        // handle is a short mark in the middle of the border that read as a stray glyph ("ı").
        handle: Item {
            id: divider
            objectName: "paneDivider"
            implicitWidth: 7
            readonly property bool active: divider.T.SplitHandle.hovered || divider.T.SplitHandle.pressed
            Rectangle {
                objectName: "paneDividerLine"
                x: (parent.width - width) / 2
                width: divider.active ? 3 : 1
                height: parent.height
                color: divider.active ? divider.Material.accent : divider.Material.dividerColor
            }
        }

        ListView {
            id: namespaceList
            objectName: "namespaceList"
            // Wide enough for the missing permission (one word, not broken) when the key may not
            // read namespaces.
            SplitView.preferredWidth: Math.max(280, namespacesPlaceholder.missingWidth + 32)
            SplitView.minimumWidth: Math.max(200, namespacesPlaceholder.missingWidth + 32)
            clip: true
            model: namespaces
            focus: true
            // In the Tab chain; the arrows move the current row there.
            activeFocusOnTab: true
            keyNavigationEnabled: true
            onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Namespaces")

            // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
            // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string name
                required property int overrideCount

                width: ListView.view.width
                highlighted: row.name === page.namespaceName // qmllint disable unqualified
                text: row.name
                Accessible.name: qsTr("Namespace %1, %n override(s)", "", overrideCount).arg(name)
                onClicked: {
                    ListView.view.currentIndex = index;
                    page.namespaceName = row.name; // qmllint disable unqualified
                }
                ListFocusRing {
                    row: row
                }
                contentItem: RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        elide: Text.ElideRight
                    }
                    Label {
                        text: qsTr("%n override(s)", "", row.overrideCount)
                        opacity: 0.7
                    }
                }
            }
            // F2 renames the current namespace, as a file manager renames; typing searches the namespaces.
            Keys.onPressed: event => {
                if (event.key === Qt.Key_F2 && event.modifiers === Qt.NoModifier) {
                    event.accepted = true;
                    if (currentIndex >= 0)
                        namespaceActions.askRename(currentIndex);
                    return;
                }
                bar.typeIntoSearch(event);
            }
            Keys.onDeletePressed: if (currentIndex >= 0) namespaceActions.askDelete(currentIndex)
            Keys.onReturnPressed: {
                if (currentIndex >= 0)
                    page.namespaceName = namespaces.rowObject(currentIndex).name;
            }
            footer: ListFooter {} // follows the view's model
            ColumnLayout {
                anchors.centerIn: parent
                width: parent.width - 32
                visible: namespaceList.count === 0
                spacing: 12
                ListPlaceholder {
                    id: namespacesPlaceholder
                    Layout.fillWidth: true
                    missing: page.mayNotList
                    loading: namespaces.loading || page.may.pending
                    error: namespaces.failed ? namespaces.errorDetail : ""
                    onRetry: namespaces.refresh()
                    title: namespaces.search !== "" ? qsTr("No namespace matches “%1”.").arg(namespaces.search)
                                                    : qsTr("No namespaces yet")
                    hint: namespaces.search !== "" ? qsTr("Clear the filter to see every namespace.")
                                                   : qsTr("Create one here, or let your service's first ratelimit.limit call create it.")
                }
                GatedButton {
                    Layout.alignment: Qt.AlignHCenter
                    visible: !namespaces.loading && !namespaces.failed && !page.may.pending && page.mayNotList === ""
                    text: qsTr("New namespace")
                    highlighted: true
                    missing: page.mayNotCreate
                    onClicked: overrideDialog.openForNamespace()
                }
            }
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0

            // No namespace chosen: the invitation to choose one; with none listed, that there is
            // none yet and what makes one (or that the filter hides them all); for a root key that
            // may not list them (the list on the left names the permission), that there is none to
            // choose. Nothing while the first page loads (the list shows its spinner).
            ListPlaceholder {
                id: namespacePane
                objectName: "namespacePane"
                /// The namespaces have loaded (to the end, for a filter) and none is listed.
                readonly property bool noneListed: page.mayNotList === "" && !page.may.pending && namespaces.count === 0
                                                   && !namespaces.loading && !namespaces.failed
                readonly property bool filtered: namespaces.search !== ""
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 24
                visible: page.namespaceName === "" && !(namespaces.count === 0 && (namespaces.loading || page.may.pending))
                title: page.mayNotList !== "" ? qsTr("No namespace to choose")
                       : !namespacePane.noneListed ? qsTr("Choose a namespace")
                       : namespacePane.filtered ? qsTr("No namespace matches “%1”.").arg(namespaces.search) : qsTr("No namespaces yet")
                hint: page.mayNotList !== "" ? qsTr("This root key may not read rate-limit namespaces, so there are no overrides or charts to show here.")
                      : !namespacePane.noneListed ? qsTr("Its overrides and charts appear here.")
                      : namespacePane.filtered ? qsTr("Clear the filter to see every namespace.")
                      : qsTr("A namespace is made with “New namespace”, or by the first ratelimit.limit call that names it. Its overrides and charts then appear here.")
            }
            // A namespace that is not there (any more: a link in the audit log, or deleted by
            // someone else since) is said here, not in the window's banner too; asking again would
            // only fail again, so the way out is Back to the namespaces, not Retry.
            ColumnLayout {
                objectName: "namespace-not-found"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: page.namespaceName !== "" && overrides.notFound
                spacing: 12
                Item {
                    Layout.fillHeight: true
                }
                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: 24
                    Layout.rightMargin: 24
                    text: qsTr("The namespace “%1” does not exist (any more).").arg(page.namespaceName)
                    font.pixelSize: 18
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                }
                FocusButton {
                    id: notFoundBack
                    objectName: "namespace-not-found-back"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Back")
                    Accessible.name: qsTr("Back to the namespaces")
                    highlighted: true
                    onClicked: {
                        page.namespaceName = "";
                        namespaceList.forceActiveFocus(Qt.OtherFocusReason);
                    }
                    // Opened by a link (the page has the keyboard) or chosen in the list: Enter goes back.
                    onVisibleChanged: {
                        const focused = page.Window.activeFocusItem;
                        if (visible && (focused === page || focused === namespaceList))
                            forceActiveFocus(Qt.OtherFocusReason);
                    }
                }
                Item {
                    Layout.fillHeight: true
                }
            }
            // The namespace's title and what can be done to it and in it, above the overrides: it
            // stays where it is while they scroll (walkthrough 23b, Y10).
            NamespacePaneHeader {
                objectName: "namespacePaneHeader"
                Layout.fillWidth: true
                Layout.margins: 12
                visible: page.namespaceName !== "" && !overrides.notFound
                namespaceName: page.namespaceName
                mayNotRename: namespaceActions.mayNotRenameChosen
                mayNotDelete: namespaceActions.mayNotDeleteChosen
                mayNotSetOverride: page.may.missing("ratelimit.*.set_override", page.may.revision)
                onRenameClicked: namespaceActions.askRename(namespaceActions.chosenRow)
                onDeleteClicked: namespaceActions.askDelete(namespaceActions.chosenRow)
                onSetOverrideClicked: overrideDialog.openFor("", 10, 60000)
            }
            // The overrides first, what support staff come here to change: their rows at the top of
            // the pane, under its title (walkthrough H9: below the charts they were ~25 wheel steps
            // down at 1280 × 800). The namespace's charts follow them at the height they need, as a
            // key's and an owner's usage follow their own data: one scroll bar for all, no box of
            // charts that scrolls by itself.
            PageListView {
                id: overrideList
                objectName: "overrideList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: page.namespaceName !== "" && !overrides.notFound
                model: overrides
                header: ColumnLayout {
                    width: overrideList.width // qmllint disable unqualified
                    spacing: 0
                    ListPlaceholder {
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(parent.width - 48, 460)
                        Layout.topMargin: 24
                        visible: overrideList.count === 0 // qmllint disable unqualified
                        missing: page.mayNotListOverrides // qmllint disable unqualified
                        loading: overrides.loading || page.may.pending // qmllint disable unqualified
                        error: overrides.failed ? overrides.errorDetail : "" // qmllint disable unqualified
                        onRetry: overrides.refresh() // qmllint disable unqualified
                        title: qsTr("No overrides")
                        hint: qsTr("Every identifier gets the limit its request asks for. “Set override” gives chosen identifiers (or patterns) another limit.")
                    }
                }
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Overrides")

                delegate: ItemDelegate {
                    id: overrideRow
                    required property int index
                    required property string identifier
                    required property double limit
                    required property double duration
                    required property bool wildcard

                    objectName: "overrideRow"
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    Accessible.name: qsTr("Override %1: %2 per %3").arg(identifier).arg(limit)
                                     .arg(page.session.format.duration(duration)) // qmllint disable unqualified
                    onClicked: {
                        ListView.view.currentIndex = index;
                        if (page.may.may("ratelimit.*.set_override", page.may.revision)) // qmllint disable unqualified
                            overrideDialog.openFor(identifier, limit, duration); // qmllint disable unqualified
                    }
                    ListFocusRing {
                        row: overrideRow
                    }
                    contentItem: RowLayout {
                        spacing: 12
                        Label {
                            Layout.fillWidth: true
                            text: overrideRow.identifier
                            font.family: "monospace"
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: overrideRow.wildcard
                            text: qsTr("pattern")
                            opacity: 0.7
                        }
                        Label {
                            Layout.preferredWidth: 200
                            horizontalAlignment: Text.AlignRight
                            text: overrideRow.limit === 0 ? qsTr("blocked")
                                  : qsTr("%1 per %2").arg(page.session.format.number(overrideRow.limit)) // qmllint disable unqualified
                                        .arg(page.session.format.duration(overrideRow.duration)) // qmllint disable unqualified
                        }
                        GatedButton {
                            text: qsTr("Delete")
                            flat: true
                            missing: page.may.missing("ratelimit.*.delete_override", page.may.revision) // qmllint disable unqualified
                            onClicked: {
                                confirmDelete.row = overrideRow.index; // qmllint disable unqualified
                                confirmDelete.identifier = overrideRow.identifier; // qmllint disable unqualified
                                confirmDelete.open(); // qmllint disable unqualified
                            }
                        }
                    }
                }
                // Keyboard: Enter edits the current override, Delete asks to delete it.
                Keys.onReturnPressed: {
                    if (currentIndex >= 0 && page.may.may("ratelimit.*.set_override", page.may.revision)) {
                        const row = overrides.rowObject(currentIndex);
                        overrideDialog.openFor(row.identifier, row.limit, row.duration);
                    }
                }
                Keys.onDeletePressed: {
                    if (currentIndex >= 0 && page.may.may("ratelimit.*.delete_override", page.may.revision)) {
                        confirmDelete.row = currentIndex;
                        confirmDelete.identifier = overrides.rowObject(currentIndex).identifier;
                        confirmDelete.open();
                    }
                }
                footer: Column {
                    width: overrideList.width // qmllint disable unqualified
                    topPadding: 12
                    ListFooter {
                        width: parent.width
                        pagedModel: overrides // qmllint disable unqualified
                    }
                    Loader {
                        width: parent.width
                        height: implicitHeight // its console view's: the content's height
                        active: page.showsCharts // qmllint disable unqualified
                        sourceComponent: ConsoleView {
                            session: page.session // qmllint disable unqualified
                            view: "/namespaces/" + page.chartsNamespace // qmllint disable unqualified
                            dark: page.Material.theme === Material.Dark // qmllint disable unqualified
                        }
                    }
                }
            }
        }
    }
}
