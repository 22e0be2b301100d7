import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
// Qt 6.4's qmllint does not follow a page's import of a components/ script: its uses are
// "// qmllint disable"d line by line.
import "../components/AuditEvents.js" as AuditEvents

// The workspace's audit trail, newest first, filtered on the server by event, actor, target and
// time range (AuditLogFilters), in columns as wide as their contents need in the UI's language.
Page {
    id: page

    required property Session session
    readonly property Capabilities may: session.capabilities
    /// "" when the root key may read the audit log.
    readonly property string mayNotList: may.missing("workspace.*.read_audit_log", may.revision)

    // Column widths shared by the column titles and AuditLogRow. The time is as wide as the
    // locale's widest date and time (late December, two-digit hours). The event column fits every
    // event's words in the UI's language up to a third more than its default width; a longer one
    // wraps inside it (issue 4: the server's names were cut), and a long description takes no room
    // from the other columns (J14). But the description keeps descriptionMinimum: where the page is
    // too narrow for it (German at 1024 px: 120 px, its title cut, the actor run out of the
    // window), the event column gives up room first (its words wrap), then the actor's (elided,
    // whole in its tooltip).
    readonly property int timeWidth: Math.ceil(eventProbe.advanceWidth(session.format.dateTime(
        new Date(2026, 11, 28, 22, 58, 58).getTime()))) + 8
    readonly property int descriptionMinimum: 240
    // What the event and actor columns may take: the list less its padding, the gaps, the time and the description.
    readonly property real sharedRoom: list.width - 2 * 16 - 3 * 16 - timeWidth - descriptionMinimum
    readonly property int eventWanted: Math.min(290, Math.max(220, Math.ceil(page.widestEvent(eventProbe.font)) + 4))
    readonly property int eventWidth: Math.max(150, Math.min(eventWanted, Math.floor(sharedRoom - 170)))
    FontMetrics {
        id: eventProbe // AuditLogRow's event font: a label's
        font: eventProbeLabel.font
    }
    Label { // not shown
        id: eventProbeLabel
        visible: false
    }
    /// The widest event's words in @p font (eventProbe's; an argument so that the width follows it).
    function widestEvent(font): real {
        return Math.max(...AuditEvents.allEvents().map(event => eventProbe.advanceWidth(AuditEvents.eventName(event)))); // qmllint disable
    }
    readonly property int actorWidth: Math.max(120, Math.min(170, Math.floor(sharedRoom - eventWidth)))
    // Where four columns would leave the description less than 360 px (1024 px, a third of the
    // list; walkthrough 22/X24: ~230 px, an event took 5 to 8 lines), the rows stack the time, the
    // event and the actor in one column (AuditLogRow.stacked), as wide as the widest event (up to
    // 240 px: a longer one wraps) and the column's title, and the description takes the rest.
    readonly property bool stacked: list.width - 2 * 16 - 3 * 16 - timeWidth - eventWanted - 170 < 360
    readonly property string stackTitle: qsTr("Time") + " · " + qsTr("Event") + " · " + qsTr("Actor")
    readonly property int stackWidth: Math.max(timeWidth, Math.min(eventWanted, 240), Math.ceil(titleProbe.advanceWidth(stackTitle)) + 4)
    FontMetrics {
        id: titleProbe // the column titles' font
        font: titleProbeLabel.font
    }
    Label { // not shown
        id: titleProbeLabel
        visible: false
        font.bold: true
    }

    function focusSearch() {
        filters.focusSearch();
    }
    // What the window keeps of this page while another one is shown (Main.qml): the filters.
    function savedState(): var {
        return filters.savedState();
    }
    function restoreState(state: var): void {
        filters.restoreState(state);
    }

    title: qsTr("Audit log")

    header: ListPageHeader {
        title: page.title
        settings: page.session.settings
        context: "AuditLogPage"
        FocusToolButton {
            readonly property string sourceText: QT_TR_NOOP("Refresh")
            text: qsTr(sourceText)
            onClicked: log.refresh()
        }
    }

    AuditLogModel {
        id: log
        // Not fetched before whoami answers, nor when the root key may not read it.
        client: !page.may.pending && page.mayNotList === "" ? page.session.client : null
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        AuditLogFilters {
            id: filters
            Layout.fillWidth: true
            session: page.session
            logModel: log
        }
        // Column titles, padded and sized as AuditLogRow's columns.
        Control {
            objectName: "auditColumnTitles"
            Layout.fillWidth: true
            leftPadding: 16
            rightPadding: 16
            topPadding: 4
            bottomPadding: 4
            contentItem: RowLayout {
                spacing: 16
                Repeater {
                    model: page.stacked
                           ? [{title: page.stackTitle, width: page.stackWidth}, {title: qsTr("Description"), width: -1}]
                           : [{title: qsTr("Time"), width: page.timeWidth}, {title: qsTr("Event"), width: page.eventWidth},
                              {title: qsTr("Description"), width: -1}, {title: qsTr("Actor"), width: page.actorWidth, right: true}]
                    Label {
                        required property var modelData
                        Layout.preferredWidth: modelData.width
                        Layout.minimumWidth: Math.max(0, modelData.width)
                        Layout.fillWidth: modelData.width < 0
                        horizontalAlignment: modelData.right ? Text.AlignRight : Text.AlignLeft
                        text: modelData.title
                        font.bold: true
                        opacity: 0.7
                        elide: Text.ElideRight
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: log
            focus: true
            // In the Tab chain; the arrows move the current row there.
            activeFocusOnTab: true
            keyNavigationEnabled: true
            onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Audit log entries")

            // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
            // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
            delegate: AuditLogRow {
                id: row
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                format: page.session.format // qmllint disable unqualified
                timeWidth: page.timeWidth // qmllint disable unqualified
                eventWidth: page.eventWidth // qmllint disable unqualified
                actorWidth: page.actorWidth // qmllint disable unqualified
                stacked: page.stacked // qmllint disable unqualified
                stackWidth: page.stackWidth // qmllint disable unqualified
                onClicked: ListView.view.currentIndex = row.index
                ListFocusRing {
                    row: row
                }
            }
            footer: ListFooter {} // follows the view's model
            ListPlaceholder {
                objectName: "auditPlaceholder"
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 460)
                visible: list.count === 0
                missing: page.mayNotList
                loading: log.loading || filters.targetLookup.resolving || filters.actorLookup.resolving || page.may.pending
                error: log.failed ? log.errorDetail : ""
                onRetry: log.refresh()
                title: filters.targetLookup.match === AuditTargetResolver.Name || filters.targetLookup.match === AuditTargetResolver.Unreadable
                       ? qsTr("Nothing matches the target “%1”").arg(filters.targetLookup.text) : qsTr("No entries")
                hint: filters.targetLookup.match === AuditTargetResolver.Name
                      ? qsTr("The target filter takes an id (key_…, api_…, id_…), an owner's external id, a key's start, or a part of a name: of a key (deleted keys too), an owner, an API.")
                      : filters.targetLookup.match === AuditTargetResolver.Unreadable ? filters.targetUnreadable
                      : qsTr("Every change made through the API is recorded here. Widen the time range or clear the filters.")
            }
        }
    }
}
