import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// One owner: meta, shared rate limits and every key they hold across APIs, then their usage
// (figures for a chosen range and charts) from the console; issue a key for them or export their
// usage as CSV. The figures are the console's tiles only: a second, static set beside them
// disagreed.
Page {
    id: page

    required property Session session
    required property string identityId
    readonly property Capabilities may: page.session.capabilities
    /// "" when the root key may read this owner (identities.getIdentity); not fetched otherwise,
    /// and nothing is fetched before rootKeys.whoami answered.
    readonly property string mayNotRead: may.missing("identity." + identityId + ".read_identity", may.revision)
    /// "" when the root key may change this owner's meta and shared rate limits.
    readonly property string mayNotUpdate: may.missing("identity." + identityId + ".update_identity", may.revision)
    /// "" when the root key may read keys of some API (keys.listKeys lists those it may).
    readonly property string mayNotListKeys: may.missingEverywhere("api.*.read_key", may.revision)
    /// Ctrl+N here issues a key for this owner, as the page's "Issue key for this owner" does.
    readonly property var issuePrefill: ({externalId: owner.externalId})

    title: owner.externalId !== "" ? owner.externalId : qsTr("Owner")

    /// Main.qml, when the page opens (Ctrl+K, an owner's row, a link): the keyboard on the owner's
    /// first key, framed and in view, so Down and Enter open their keys and the next Tab stays in
    /// the page (walkthrough J24: it went to the sidebar); "Issue key for this owner" when they
    /// hold none; the page itself until the keys have loaded (then again from there).
    function focusContent(): void {
        if (owner.notFound && notFoundBack.visible) {
            notFoundBack.forceActiveFocus(Qt.OtherFocusReason);
        } else if (keyList.count > 0) {
            if (keyList.currentIndex < 0)
                keyList.currentIndex = 0;
            keyList.forceActiveFocus(Qt.TabFocusReason);
        } else if (!keys.loading && issueButton.button.enabled) {
            // Framed for a keyboard user only (LastInput, as ListFocusRing): not after a click
            // on the owner's row.
            issueButton.button.forceActiveFocus(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
        } else {
            page.forceActiveFocus(Qt.OtherFocusReason);
        }
    }
    Connections {
        target: keys
        function onLoadingChanged() {
            if (!keys.loading && page.Window.activeFocusItem === page)
                page.focusContent();
        }
    }
    Connections {
        target: owner
        function onLoaded() {
            if (owner.notFound && page.Window.activeFocusItem === page)
                page.focusContent();
        }
    }
    /// Keeps the focused key row in view: the list is part of the scrolled page.
    property FocusScroller focusScroller: FocusScroller {
        flickable: scroll.contentItem as Flickable
    }

    /// Main.qml calls this before the page goes away (Back, Alt+Left, the sidebar): runs @p leave
    /// at once, or after the user agreed to drop the unsaved meta and shared-limit drafts (they
    /// went without a word: walkthrough 19).
    function confirmLeave(leave: var): void {
        leaveQuestion.confirmLeave(leave);
    }
    LeaveQuestion {
        id: leaveQuestion
        objectName: "confirm-discard"
        cards: ownerCards
    }

    /// Opens a key's page with its API: keys.getKey does not say it, and a root key that may act on
    /// one API only (api.<id>.update_key) gets the page's controls by it.
    function openKey(keyId: string, apiId: string): void {
        page.session.openPage("keyDetail", {keyId: keyId, apiId: apiId});
    }

    /// Reloads the owner and their keys (called by a key detail page that deleted its key).
    function refresh(): void {
        owner.refresh();
        keys.refresh();
    }

    header: ListPageHeader {
        title: page.title
        settings: page.session.settings
        context: "OwnerDetailPage"
        backVisible: true
        onBackClicked: page.confirmLeave(() => page.StackView.view ? page.StackView.view.pop() : undefined)

        GatedButton {
            id: issueButton
            objectName: "owner-issue"
            readonly property string sourceText: QT_TR_NOOP("Issue key for this owner")
            text: qsTr(sourceText)
            highlighted: true
            ready: owner.found
            missing: page.session.capabilities.missing("api.*.create_key", page.session.capabilities.revision)
            onClicked: page.session.requestIssueKey({externalId: owner.externalId})
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: page.refresh()
        }
    }

    OwnerDetail {
        id: owner
        client: !page.may.pending && page.mayNotRead === "" ? page.session.client : null
        identity: page.identityId
    }

    KeysModel {
        id: keys
        objectName: "keysModel"
        // After the owner (when it may be read): an owner that is not there has no keys to ask for.
        client: !page.may.pending && page.mayNotListKeys === "" && (owner.found || page.mayNotRead !== "")
                ? page.session.client : null
        identityId: page.identityId
        rateLimitBadges: page.may.may("api.*.read_analytics", page.may.revision)
        replacedBadges: page.may.may("workspace.*.read_audit_log", page.may.revision)
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
        running: page.visible && page.Window.active && !keys.loading
                 && (page.StackView.view === null || page.StackView.status === StackView.Active)
        onTriggered: keys.updateLoadedRows()
    }
    // Back on screen (Back from a key's page): the rows are brought up to date at once, as an
    // API's key list does, not at the timer's next tick up to 15 s later.
    StackView.onActivated: {
        if (!keys.loading)
            keys.updateLoadedRows();
    }

    /// The keys' API names by id, for their "API" column (an owner's keys belong to several
    /// APIs): every API of the workspace, listed once while the page is open (the key rows carry
    /// only the id). Not fetched when the root key may not read APIs: the rows show the ids.
    property var apiNames: ({})
    readonly property bool mayReadApis: page.may.missing("api.*.read_api", page.may.revision) === ""
    ApisModel {
        id: apis
        client: !page.may.pending && page.mayReadApis && keys.count > 0 ? page.session.client : null
        onPageLoaded: {
            if (apis.hasMore) {
                apis.loadMore();
                return;
            }
            const names = {};
            for (let row = 0; row < apis.count; ++row) {
                const api = apis.rowObject(row);
                names[api.id] = api.name;
            }
            page.apiNames = names;
        }
    }

    // A key issued anywhere (here, Ctrl+N, the sidebar) appears in "Keys" at once.
    Connections {
        target: page.session
        function onKeysChanged() {
            keys.refresh();
            apis.refresh(); // the key may be of an API created since
        }
        // A key changed or shown on its page: its row here shows it as it is now.
        function onKeyUpdated(keyId: string) {
            keys.reloadKey(keyId);
        }
    }

    // An owner that is not there (any more: a deleted owner's link) is said here, not in the
    // window's banner too, with the way back; the page shows nothing else of it.
    ColumnLayout {
        objectName: "owner-not-found"
        anchors.centerIn: parent
        visible: owner.notFound
        spacing: 12
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("This owner does not exist (any more).")
            font.pixelSize: 18
        }
        FocusButton {
            id: notFoundBack
            objectName: "owner-not-found-back"
            Layout.alignment: Qt.AlignHCenter
            visible: page.StackView.view !== null && page.StackView.index > 0
            text: qsTr("Back")
            highlighted: true
            onClicked: page.StackView.view.pop()
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        visible: !owner.notFound

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 16

            // Not "does not exist" when the root key may not read owners: say which permission.
            Label {
                objectName: "owner-missing"
                Layout.margins: 16
                Layout.fillWidth: true
                visible: page.mayNotRead !== ""
                text: page.mayNotRead
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            }

            // The owner's id, and the export of their usage beside it (walkthrough 23, Y11: under
            // it, a row of its own kept the keys off the first screen at 1024 × 768); the export's
            // progress and outcome come under its buttons.
            RowLayout {
                objectName: "owner-identity-row"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 12
                spacing: 24
                ColumnLayout {
                    Layout.alignment: Qt.AlignTop
                    spacing: 2
                    Label {
                        text: qsTr("Identity")
                        font.bold: true
                    }
                    Label {
                        text: page.identityId
                        font.family: "monospace"
                    }
                }
                UsageExportBar {
                    objectName: "owner-usage-export"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    session: page.session
                    identityId: owner.identityId
                    externalId: owner.externalId
                }
            }

            // Its meta and shared rate limits, edited in place as on a key's page (the same cards).
            GridLayout {
                id: ownerCards
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                visible: page.mayNotRead === "" // its meta and rate limits are the owner's, not read
                enabled: owner.found
                columns: width >= 760 ? 2 : 1
                columnSpacing: 16
                rowSpacing: 16
                // Side by side, halves where a half holds a shared limit's name beside its numbers;
                // below that (a 1024 px window) the limits' card takes the 440 px this needs, the
                // meta the rest (walkthrough 23, Y11: in half of the width each limit took three
                // lines, its name, its numbers and "Apply automatically", and two limits pushed
                // the keys off the first screen).
                readonly property real cellWidth: (width - (columns - 1) * columnSpacing) / columns
                readonly property real limitsWidth: columns === 2 ? Math.max(cellWidth, Math.min(440, width - columnSpacing - 280)) : width
                readonly property real metaWidth: columns === 2 ? width - columnSpacing - limitsWidth : width

                MetaSection {
                    Layout.fillWidth: true
                    Layout.preferredWidth: ownerCards.metaWidth
                    Layout.alignment: Qt.AlignTop
                    source: owner
                    missing: page.mayNotUpdate
                }
                RatelimitsSection {
                    objectName: "section-ratelimits"
                    Layout.fillWidth: true
                    Layout.preferredWidth: ownerCards.limitsWidth
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Shared rate limits")
                    emptyText: qsTr("No shared rate limits: the owner's keys are limited only by their own rate limits.")
                    source: owner
                    missing: page.mayNotUpdate
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Shared by all the owner's keys.")
                        opacity: 0.7
                        font.pixelSize: 12
                        wrapMode: Text.Wrap
                    }
                }
            }

            Label {
                Layout.leftMargin: 16
                text: qsTr("Keys (%1)").arg(keys.count)
                font.bold: true
                font.pixelSize: 16
            }
            KeyTableHeader {
                Layout.fillWidth: true
                selectable: false
                showOwner: false
                showApi: true
            }
            ListView {
                id: keyList
                objectName: "ownerKeyList"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(120, contentHeight)
                interactive: false
                model: keys
                keyNavigationEnabled: true
                activeFocusOnTab: true // a stop in the Tab chain, as an API's key list
                Accessible.role: Accessible.Table
                Accessible.name: qsTr("Keys of the owner")
                // The rows move with the page, not in the list: Down past the fold scrolls the page,
                // to where the layout puts the row (the charts above may change height meanwhile).
                onCurrentItemChanged: if (activeFocus && currentItem)
                    page.focusScroller.show(currentItem)

                // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
                // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
                delegate: KeyRow {
                    format: page.session.format // qmllint disable unqualified
                    selectable: false
                    showOwner: false
                    showApi: true
                    apiName: page.apiNames[apiId] ?? "" // qmllint disable unqualified
                    onOpened: keyId => page.openKey(keyId, apiId) // qmllint disable unqualified
                }
                Keys.onReturnPressed: {
                    if (currentIndex < 0)
                        return;
                    const row = keys.rowObject(currentIndex);
                    page.openKey(row.keyId, row.apiId ?? "");
                }
                footer: ListFooter {} // follows the view's model
                ListPlaceholder {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 460)
                    visible: keyList.count === 0
                    loading: keys.loading
                    error: keys.failed ? keys.errorDetail : ""
                    missing: page.mayNotListKeys
                    onRetry: keys.refresh()
                    title: qsTr("No keys")
                    hint: qsTr("Issue this owner a key with “Issue key for this owner”.")
                }
            }

            // The usage last, as on a key's page: the owner's keys come first. Their compact
            // summary unless "All charts", as above an API's keys. Only for an owner who is there
            // (or whom the root key may not read: nothing says otherwise): for one who is not, the
            // console would ask the server for them once more. (The loader's implicit height is
            // its charts'.)
            Loader {
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight // its content's height: it scrolls with the page
                active: owner.found || page.mayNotRead !== ""
                sourceComponent: UsageCharts {
                    session: page.session // qmllint disable unqualified
                    view: "/identities/" + page.identityId // qmllint disable unqualified
                    dark: page.Material.theme === Material.Dark // qmllint disable unqualified
                }
            }
        }
    }
}
