import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The owners (identities) of the workspace, searched on the server by external id. Enter or a
// click opens the owner: meta, shared rate limits, keys and usage.
Page {
    id: page

    required property Session session
    /// "" when the root key may list what this page shows.
    readonly property string mayNotList: session.capabilities.missing("identity.*.read_identity", session.capabilities.revision)

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
    function openOwner(identityId) {
        page.session.openPage("ownerDetail", {identityId: identityId});
    }
    /// Set by Enter in the search field: open the selected (or the only) match once the list for
    /// the typed search has loaded.
    property bool openWhenLoaded: false
    function openMatch(): void {
        if (!openWhenLoaded || owners.loading)
            return;
        openWhenLoaded = false;
        if (list.currentIndex >= 0 && list.currentIndex < list.count)
            page.openOwner(owners.rowObject(list.currentIndex).id);
        else if (list.count === 1)
            page.openOwner(owners.rowObject(0).id);
        else
            page.focusList();
    }
    function focusList(): void {
        list.forceActiveFocus(Qt.TabFocusReason);
        if (list.count > 0 && list.currentIndex < 0)
            list.currentIndex = 0;
    }

    title: qsTr("Owners")

    /// The rows' "shared rate limits" column: as wide as its longest text in the UI's language
    /// (the plural; "2 gemeinsame Ratenlimits" is wider than the 160 px it had).
    readonly property real ratelimitsWidth: Math.max(160, Math.ceil(ratelimitsMetrics.advanceWidth) + 4)
    TextMetrics {
        id: ratelimitsMetrics
        font: page.font
        text: qsTr("%n shared rate limit(s)", "", 99)
    }
    /// The rows' key count column: as wide as a four-digit count in the UI's language.
    readonly property real keysWidth: Math.max(72, Math.ceil(keysMetrics.advanceWidth) + 4)
    TextMetrics {
        id: keysMetrics
        font: page.font
        text: qsTr("%n key(s)", "", 9999)
    }

    header: ListPageHeader {
        id: bar
        title: page.title
        settings: page.session.settings
        context: "OwnersPage"
        searchSource: QT_TR_NOOP("Search owners by external id")
        searchPlaceholder: qsTr(searchSource)
        onSearchAccepted: {
            // The new search reaches the model synchronously and starts its load, so this opens
            // now only when the rows already match the typed text; otherwise onLoadingChanged does.
            page.openWhenLoaded = true;
            page.openMatch();
        }
        onSearchDown: page.focusList()

        GatedButton {
            readonly property string sourceText: QT_TR_NOOP("New owner")
            text: qsTr(sourceText)
            highlighted: true
            missing: page.session.capabilities.missing("identity.*.create_identity", page.session.capabilities.revision)
            onClicked: createDialog.open()
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: owners.refresh()
        }
    }

    IdentitiesModel {
        id: owners
        // Not fetched before whoami answers, nor when the root key may not read it (the
        // placeholder says why).
        client: !page.session.capabilities.pending && page.mayNotList === "" ? page.session.client : null
        search: bar.search
        onCreated: identityId => page.openOwner(identityId)
        onCreateFailed: result => {
            createDialog.refused(result);
            if (createDialog.serverError !== "") // the id is taken: by which owner?
                owners.lookUpExisting(createDialog.sentId);
        }
        onExistingLookedUp: (externalId, identityId) => {
            if (externalId === createDialog.sentId)
                createDialog.takenBy = identityId;
        }
        onLoadingChanged: page.openMatch()
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: owners
        focus: true
        // In the Tab chain after the header's buttons; the arrows move the current row there.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Owners")

        // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
        // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string identityId
            required property string externalId
            required property int ratelimitCount
            /// Live keys (-1: a server that does not count them).
            required property int keyCount

            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            Accessible.name: keyCount >= 0 ? qsTr("Owner %1, %n key(s)", "", keyCount).arg(externalId)
                                            : qsTr("Owner %1").arg(externalId)
            onClicked: {
                ListView.view.currentIndex = index;
                page.openOwner(identityId); // qmllint disable unqualified
            }
            ListFocusRing {
                row: row
            }
            TipHover {
                id: rowTip
            }

            contentItem: RowLayout {
                spacing: 16
                Label {
                    Layout.fillWidth: true
                    text: row.externalId
                    font.bold: true
                    elide: Text.ElideRight
                }
                // Cut in the middle where the row is short of room, whole in a tooltip; never
                // under the next column (issue 4, J26: it ran into "2 gemeinsame Ratenlimits").
                Label {
                    objectName: "owner-row-id"
                    Layout.preferredWidth: implicitWidth
                    Layout.minimumWidth: Math.min(implicitWidth, 120)
                    text: row.identityId
                    font.family: "monospace"
                    opacity: 0.7
                    elide: Text.ElideMiddle
                    ToolTip.visible: truncated && rowTip.showsTip
                    ToolTip.text: row.identityId
                    ToolTip.delay: 300
                }
                // How many keys the owner has, before opening it (support's first question).
                Label {
                    objectName: "owner-row-keys"
                    Layout.preferredWidth: page.keysWidth // qmllint disable unqualified
                    Layout.minimumWidth: page.keysWidth // qmllint disable unqualified
                    horizontalAlignment: Text.AlignRight
                    visible: row.keyCount >= 0
                    text: qsTr("%n key(s)", "", row.keyCount)
                    opacity: row.keyCount === 0 ? 0.6 : 1
                }
                Label {
                    objectName: "owner-row-ratelimits"
                    Layout.preferredWidth: page.ratelimitsWidth // qmllint disable unqualified
                    Layout.minimumWidth: page.ratelimitsWidth // qmllint disable unqualified
                    horizontalAlignment: Text.AlignRight
                    text: row.ratelimitCount > 0 ? qsTr("%n shared rate limit(s)", "", row.ratelimitCount) : ""
                }
            }
        }
        Keys.onPressed: event => bar.typeIntoSearch(event) // typing searches
        Keys.onReturnPressed: {
            if (currentIndex >= 0)
                page.openOwner(owners.rowObject(currentIndex).id);
        }

        footer: ListFooter {} // follows the view's model

        ListPlaceholder {
            missing: page.mayNotList
            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 460)
            visible: list.count === 0
            loading: owners.loading || page.session.capabilities.pending
            error: owners.failed ? owners.errorDetail : ""
            onRetry: owners.refresh()
            title: owners.search !== "" ? qsTr("No owner matches “%1”.").arg(owners.search) : qsTr("No owners yet")
            hint: owners.search !== ""
                  ? qsTr("Search matches any part of the external id or the id, ignoring case.")
                  : qsTr("Owners are created when a key is issued with an external id, or with “New owner”.")
        }
    }

    // Esc and Cancel ask before discarding a typed id; a refused one brings the dialog back with it.
    // An id that is taken offers its owner ("Open owner"), and is nothing to lose: Esc closes.
    FormDialog {
        id: createDialog
        /// The external id last sent.
        property string sentId
        /// The owner whose id `sentId` is, once the server said it is taken ("" until known).
        property string takenBy
        /// The server's "already exists" stands under the id, as sent.
        readonly property bool showsTaken: serverError !== "" && externalIdField.text.trim() === sentId

        objectName: "owner-dialog"
        title: qsTr("New owner")
        modified: externalIdField.text.trim() !== "" && !showsTaken
        discardTitle: qsTr("Discard this owner's external id?")
        acceptName: "owner-create"
        canAccept: externalIdField.text.trim() !== ""
        answerField: externalIdField
        anchors.centerIn: Overlay.overlay
        width: Math.min(440, page.width - 48)
        onStarted: {
            externalIdField.text = "";
            takenBy = "";
            externalIdField.forceActiveFocus();
        }

        ColumnLayout {
            anchors.fill: parent
            FormField {
                label: qsTr("External id")
                hint: qsTr("Your system's id for this customer, e.g. “user_123” or “org_acme”.")
                error: createDialog.serverError
                TextField {
                    id: externalIdField
                    objectName: "externalIdField"
                    Layout.fillWidth: true
                    selectByMouse: true
                    Accessible.name: qsTr("External id")
                }
            }
            FocusButton {
                objectName: "owner-open-existing"
                visible: createDialog.showsTaken && createDialog.takenBy !== ""
                text: qsTr("Open owner")
                flat: true
                onClicked: {
                    const identityId = createDialog.takenBy;
                    createDialog.close();
                    page.openOwner(identityId);
                }
            }
        }
        onAccepted: {
            sentId = externalIdField.text.trim();
            takenBy = "";
            owners.create(sentId);
        }
    }
}
