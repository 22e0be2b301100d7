import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The workspace's APIs with their key counts. Enter or a click opens the API's keys; "New API"
// creates one (greyed out without api.*.create_api); a row's "Delete" (or the Delete key) deletes
// an API with its keys after a question naming how many keys stop working (api.*.delete_api).
Page {
    id: page

    required property Session session
    /// "" when the root key may list what this page shows.
    readonly property string mayNotList: session.capabilities.missing("api.*.read_api", session.capabilities.revision)
    /// "" when the root key may delete APIs.
    readonly property string mayNotDelete: session.capabilities.missing("api.*.delete_api", session.capabilities.revision)

    /// Opens "New API" as the page opens (the first step offered by the Overview and the issue
    /// dialog in a workspace without an API).
    property bool startWithNewApi: false

    function focusSearch() {
        bar.focusSearch();
    }
    // Later: once the page is in the window, where the dialog can take the keyboard focus.
    Timer {
        interval: 0
        running: page.startWithNewApi
        onTriggered: createDialog.open()
    }
    /// @p keyCount: how many keys the list said the API has (-1: not known).
    function openApi(apiId, name, keyCount) {
        page.session.openPage("keys", {apiId: apiId, apiName: name, keyCount: keyCount === undefined ? -1 : keyCount});
    }
    /// Asks before deleting the API in row @p index (its keys with it).
    function askDelete(index: int): void {
        const api = apis.rowObject(index);
        confirmDelete.row = index;
        confirmDelete.apiId = api.id;
        confirmDelete.name = api.name;
        confirmDelete.keyCount = api.keyCount;
        confirmDelete.open();
    }
    function focusList(): void {
        list.forceActiveFocus(Qt.TabFocusReason);
        if (list.count > 0 && list.currentIndex < 0)
            list.currentIndex = 0;
    }

    /// Main.qml, when the page opens other than by the sidebar (a console link): the keyboard on
    /// the first API, else the filter when there is none, as on an API's key list (KeysPage); the
    /// page itself until the rows came, then again from there.
    function focusContent(): void {
        focusAwaitsRows = false;
        if (list.count > 0) {
            focusList();
        } else if (!page.session.capabilities.pending && !apis.loading) {
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
    Connections {
        target: apis
        enabled: page.focusAwaitsRows
        function onLoadingChanged() {
            rowsCame.restart();
        }
    }
    Connections {
        target: page.session.capabilities
        enabled: page.focusAwaitsRows
        function onChanged() {
            rowsCame.restart();
        }
    }

    title: qsTr("APIs")

    header: ListPageHeader {
        id: bar
        title: page.title
        settings: page.session.settings
        context: "ApisPage"
        searchSource: QT_TR_NOOP("Filter APIs by name or id")
        searchPlaceholder: qsTr(searchSource)
        onSearchDown: page.focusList()
        onSearchAccepted: page.focusList()

        GatedButton {
            readonly property string sourceText: QT_TR_NOOP("New API")
            text: qsTr(sourceText)
            highlighted: true
            missing: page.session.capabilities.missing("api.*.create_api", page.session.capabilities.revision)
            onClicked: createDialog.open()
        }
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: apis.refresh()
        }
    }

    ApisModel {
        id: apis
        // Not fetched before whoami answers, nor when the root key may not read it (the
        // placeholder says why).
        client: !page.session.capabilities.pending && page.mayNotList === "" ? page.session.client : null
        search: bar.search
        onCreated: apiId => page.openApi(apiId, createDialog.createdName, 0)
        onRemoved: {
            page.session.notice(qsTr("API “%1” deleted").arg(confirmDelete.name));
            page.session.apisChanged(); // the issue dialog's API box, Ctrl+K
            removalFocus.done();
        }
    }

    // An API made elsewhere (the issue dialog's "New API", over this page) is listed at once.
    Connections {
        target: page.session
        function onApisChanged() {
            apis.refresh();
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: apis
        focus: true
        // In the Tab chain after the header's buttons; the arrows move the current row there.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("APIs")

        // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
        // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string apiId
            required property string name
            required property int keyCount

            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            Accessible.name: qsTr("API %1, %n key(s)", "", keyCount).arg(name)
            onClicked: {
                ListView.view.currentIndex = index;
                page.openApi(apiId, name, keyCount); // qmllint disable unqualified
            }
            ListFocusRing {
                row: row
            }

            contentItem: RowLayout {
                spacing: 16
                Label {
                    Layout.fillWidth: true
                    text: row.name
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    text: row.apiId
                    font.family: "monospace"
                    opacity: 0.7
                }
                Label {
                    Layout.preferredWidth: 120
                    horizontalAlignment: Text.AlignRight
                    text: qsTr("%n key(s)", "", row.keyCount)
                }
                GatedButton {
                    objectName: "apiDelete"
                    text: qsTr("Delete")
                    flat: true
                    missing: page.mayNotDelete // qmllint disable unqualified
                    onClicked: page.askDelete(row.index) // qmllint disable unqualified
                }
            }
        }
        Keys.onPressed: event => bar.typeIntoSearch(event) // typing searches
        Keys.onDeletePressed: if (currentIndex >= 0 && page.mayNotDelete === "") page.askDelete(currentIndex)
        Keys.onReturnPressed: {
            if (currentIndex >= 0)
                page.openApi(apis.rowObject(currentIndex).id, apis.rowObject(currentIndex).name,
                             apis.rowObject(currentIndex).keyCount);
        }

        footer: ListFooter {} // follows the view's model

        ListPlaceholder {
            missing: page.mayNotList
            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 460)
            visible: list.count === 0
            loading: apis.loading || page.session.capabilities.pending
            error: apis.failed ? apis.errorDetail : ""
            onRetry: apis.refresh()
            title: apis.search !== "" ? qsTr("No API matches “%1”.").arg(apis.search) : qsTr("No APIs yet")
            hint: apis.search !== "" ? qsTr("Clear the filter to see every API.")
                                     : qsTr("An API groups the keys of one service. Create one with “New API”, then issue keys for it.")
        }
    }

    ConfirmDialog {
        id: confirmDelete
        property string apiId
        property string name
        property int keyCount
        property int row: -1
        title: qsTr("Delete API")
        text: qsTr("Delete the API “%1” and its %n key(s)? Every program using one of them is refused at once. This cannot be undone.", "", keyCount).arg(name)
        confirmText: qsTr("Delete")
        destructive: true
        onConfirmed: {
            removalFocus.removing(row);
            apis.remove(apiId);
        }
        onRejected: page.focusList() // the keyboard back on the row it asked about
    }
    // After Delete the keyboard is on the next row (the one before for the last, the search field for none).
    RemovalFocus {
        id: removalFocus
        view: list
    }

    NewApiDialog {
        id: createDialog
        apiList: apis
    }
}
