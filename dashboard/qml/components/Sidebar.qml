import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The shell's navigation: the sidebar entries of PageRegistry.qml, the connection, and the
// "Issue key" action (Ctrl+N).
Pane {
    id: sidebar

    required property Session session
    required property var entries
    property string currentName: ""

    /// As wide as the widest entry needs in bold (the open page's row) and the "Issue key" button,
    /// each in the longest of the dashboard's languages, so no title elides ("Berechtigungen &
    /// Rollen") and the sidebar, with the page's left edge, stays put through a language switch
    /// (walk 20/20); the window gives the sidebar at least this.
    readonly property real neededWidth: widest

    property real widest: 0

    readonly property string issueText: QT_TR_NOOP("Issue key")

    function measure(): void {
        let width = 0;
        for (let i = 0; i < probes.count; ++i) {
            const probe = probes.itemAt(i);
            if (probe)
                width = Math.max(width, probe.implicitWidth);
        }
        for (let i = 0; i < buttonProbes.count; ++i) {
            const probe = buttonProbes.itemAt(i);
            if (probe)
                width = Math.max(width, probe.implicitWidth + issueGate.Layout.leftMargin + issueGate.Layout.rightMargin);
        }
        widest = Math.ceil(width);
    }

    /// What the open page pre-fills the issue form with ({apiId, externalId}: the API of "Keys of
    /// …", the owner of an owner's page, both of a key's page); {} for none.
    property var issuePrefill: ({})

    /// "Issue key", by the button or Ctrl+N alike (walkthrough 21: the button opened an empty
    /// form on a key's page where Ctrl+N pre-filled its API and owner): the form with the page's
    /// pre-fill, or, when the root key may not create keys (the button is greyed), nothing but
    /// the missing permission beside the button.
    function issueKey(): void {
        if (issueGate.missing === "")
            session.requestIssueKey(issuePrefill);
        else
            issueRefusal.open();
    }

    signal pageChosen(string name)
    /// "Disconnect" was pressed; the window asks the open page first.
    signal disconnectRequested()

    objectName: "sidebar"
    padding: 0
    Material.elevation: 1

    background: Rectangle {
        color: sidebar.Material.theme === Material.Dark ? "#1e1f24" : "#f3f4f9"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Invisible twins of the rows, bold like the open page's, in every language, only to
        // measure them (a layout leaves invisible items out).
        Repeater {
            id: probes
            model: list.items.reduce((texts, item) => texts.concat(
                sidebar.session.settings.inEveryLanguage("PageRegistry", item.text)), [])
            delegate: ItemDelegate {
                required property string modelData
                visible: false
                text: modelData.replace(/&/g, "&&")
                font.bold: true
                onImplicitWidthChanged: sidebar.measure() // qmllint disable unqualified
            }
            onItemAdded: sidebar.measure()
            onItemRemoved: sidebar.measure()
        }
        // The same for "Issue key".
        Repeater {
            id: buttonProbes
            model: sidebar.session.settings.inEveryLanguage("Sidebar", sidebar.issueText)
            delegate: FocusButton {
                required property string modelData
                visible: false
                text: modelData
                highlighted: true
                onImplicitWidthChanged: sidebar.measure() // qmllint disable unqualified
            }
            onItemAdded: sidebar.measure()
            onItemRemoved: sidebar.measure()
        }

        Label {
            Layout.fillWidth: true
            Layout.margins: 16
            text: qsTr("Latchkey")
            font.pixelSize: 22
            font.bold: true
        }

        // Greyed out when the root key may not create keys, with the missing permission in a
        // tooltip; a disabled button gets no hover of its own, hence the wrapper's HoverHandler.
        Item {
            id: issueGate
            readonly property string missing: sidebar.session.capabilities.missing(
                "api.*.create_key", sidebar.session.capabilities.revision)
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            implicitHeight: issueButton.implicitHeight
            ToolTip.visible: issueHover.showsTip && issueGate.missing !== ""
            ToolTip.text: issueGate.missing
            ToolTip.delay: 300

            FocusButton {
                id: issueButton
                objectName: "sidebar-issue-key"
                anchors.fill: parent
                text: qsTr(sidebar.issueText)
                highlighted: true
                enabled: issueGate.missing === ""
                Accessible.name: qsTr("Issue a new key (Ctrl+N)")
                Accessible.description: issueGate.missing
                onClicked: sidebar.issueKey()
            }
            TipHover {
                id: issueHover
            }
            // What Ctrl+N says instead of opening the form the button would not open.
            ToolTip {
                id: issueRefusal
                objectName: "sidebar-issue-refusal"
                text: issueGate.missing
                timeout: 6000
            }
        }

        ListView {
            id: list
            // Each item carries its own action, so the delegate needs nothing from outside it
            // (qmllint 6.4 cannot check a delegate's access to outer ids).
            readonly property var items: sidebar.entries.filter(entry => entry.sidebar).map(entry => ({
                name: entry.name,
                text: entry.text,
                title: entry.title.replace(/&/g, "&&"), // a single & would be a mnemonic
                open: () => sidebar.pageChosen(entry.name)
            }))
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: items
            /// The open page's row. The arrow keys set currentIndex (ending its binding), so it is
            /// set again whenever the page changes and when the list loses the focus.
            readonly property int pageIndex: items.findIndex(item => item.name === sidebar.currentName)
            currentIndex: pageIndex
            onPageIndexChanged: currentIndex = pageIndex
            // A language change makes new items (their titles): a new model puts the view on row
            // 0, but the open page is still the same.
            onModelChanged: currentIndex = pageIndex
            onActiveFocusChanged: if (!activeFocus) currentIndex = pageIndex
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Pages")
            delegate: ItemDelegate {
                id: pageRow
                objectName: "sidebar-" + modelData.name
                required property var modelData
                width: ListView.view.width
                text: modelData.title
                highlighted: ListView.isCurrentItem
                font.bold: highlighted
                Accessible.name: modelData.title
                onClicked: modelData.open()
                Keys.onReturnPressed: modelData.open()
                Keys.onEnterPressed: modelData.open()
                ListFocusRing {
                    row: pageRow
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: sidebar.session.client.address
                elide: Text.ElideMiddle
                opacity: 0.7
                font.pixelSize: 12
            }
            Label {
                Layout.fillWidth: true
                visible: sidebar.session.capabilities.rootKeyName !== ""
                text: qsTr("Root key: %1").arg(sidebar.session.capabilities.rootKeyName)
                elide: Text.ElideRight
                opacity: 0.7
                font.pixelSize: 12
            }
            FocusButton {
                id: disconnectButton
                objectName: "sidebar-disconnect"
                Layout.fillWidth: true
                flat: true
                text: qsTr("Disconnect")
                Accessible.name: qsTr("Disconnect from the server")
                // The window disconnects once the page agreed (unsaved drafts are asked about).
                onClicked: sidebar.disconnectRequested()
            }
        }
    }
}
