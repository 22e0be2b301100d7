import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
// Qt 6.4's qmllint does not follow a page's import of a components/ script: its uses are
// "// qmllint disable"d line by line.
import "../components/AuditEvents.js" as AuditEvents

// The workspace's audit trail, newest first, filtered on the server by event, actor, target and
// time range.
Page {
    id: page

    required property Session session
    readonly property Capabilities may: session.capabilities
    /// "" when the root key may read the audit log.
    readonly property string mayNotList: may.missing("workspace.*.read_audit_log", may.revision)
    /// What the Target filter says when the text may be an owner's external id that the root key may not look up.
    readonly property string targetUnreadable: qsTr("Owners cannot be looked up with this root key: “%1” is matched against target names, which finds an owner's own rows but not its keys'; the owner's id (id_…) finds both.").arg(resolver.text)

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

    readonly property var ranges: [
        {label: qsTr("Last hour"), ms: 3600000},
        {label: qsTr("Last 24 hours"), ms: 86400000},
        {label: qsTr("Last 7 days"), ms: 7 * 86400000},
        {label: qsTr("Last 30 days"), ms: 30 * 86400000},
        {label: qsTr("All time"), ms: 0}
    ]

    function focusSearch() {
        targetField.forceActiveFocus();
    }
    // What the window keeps of this page while another one is shown (Main.qml): the filters.
    function savedState(): var {
        return { event: eventBox.currentIndex, actor: actorField.text, target: targetField.text,
                 range: rangeBox.currentIndex };
    }
    function restoreState(state: var): void {
        eventBox.currentIndex = state.event;
        actorField.text = state.actor;
        targetField.text = state.target;
        rangeBox.currentIndex = state.range;
        debounce.stop();
        page.applyFilters();
    }
    function applyFilters() {
        const range = page.ranges[rangeBox.currentIndex].ms;
        log.start = range > 0 ? new Date(Date.now() - range) : new Date(NaN);
        log.events = eventBox.currentIndex > 0 ? [eventBox.currentValue] : [];
        actorResolver.text = actorField.text; // log.actorId follows once it is resolved
        resolver.text = targetField.text; // log's target follows once it is resolved
    }
    /// What the Target filter matched, in words ("" while nothing is typed or it is an id).
    function targetSummary(): string {
        switch (resolver.match) {
        case AuditTargetResolver.Owner:
            return AuditEvents.fillIn(qsTr("Target: owner “%1” (%2)"), [resolver.label, resolver.targetId]); // qmllint disable
        case AuditTargetResolver.KeyStart:
            return AuditEvents.fillIn(qsTr("Target: key starting “%1” (%2)"), [resolver.label, resolver.targetId]) // qmllint disable
                   + (resolver.otherMatches > 0 ? " · " + qsTr("%n more key(s) with this start not shown", "", resolver.otherMatches) : "");
        case AuditTargetResolver.Name:
            return qsTr("Target: names containing “%1” (of keys, deleted ones too, owners, APIs, permissions, roles)").arg(resolver.label);
        case AuditTargetResolver.Unreadable:
            return page.targetUnreadable;
        default:
            return "";
        }
    }

    /// The other root keys whose names contain the Actor filter's text: "a, b, …".
    function otherActorNames(): string {
        const names = Array.from(actorResolver.otherNames); // a JS array (qmllint knows no join on a QStringList)
        return actorResolver.otherMatches > names.length ? names.join(", ") + ", …" : names.join(", ");
    }

    /// What the Actor filter matched, in words ("" while nothing is typed or it is an id).
    function actorSummary(): string {
        switch (actorResolver.match) {
        case AuditActorResolver.Name:
            return AuditEvents.fillIn(qsTr("Actor: root key “%1” (%2)"), [actorResolver.label, actorResolver.actorId]) // qmllint disable
                   + (actorResolver.otherMatches > 0 ? " · " + qsTr("%n more root key(s) with this name not shown", "", actorResolver.otherMatches) : "");
        case AuditActorResolver.PartOfName:
            return AuditEvents.fillIn(qsTr("Actor: root key “%1” (%2), whose name contains “%3”"),
                                      [actorResolver.label, actorResolver.actorId, actorResolver.text]) // qmllint disable
                   + (actorResolver.otherMatches > 0
                      ? " · " + AuditEvents.fillIn(qsTr("%n other root key(s) contain it, not shown: %1. Type more of the name for another.",
                                                        "", actorResolver.otherMatches),
                                                   [page.otherActorNames()]) : "");
        case AuditActorResolver.NotFound:
            return qsTr("No root key's name contains “%1”; the Actor filter takes a root key's name, a part of it, or its id (rk_…).").arg(actorResolver.text);
        case AuditActorResolver.Unreadable:
            return qsTr("Root key names cannot be looked up with this root key; the Actor filter takes a root key's id (rk_…).");
        default:
            return "";
        }
    }

    title: qsTr("Audit log")

    header: ListPageHeader {
        title: page.title
        FocusToolButton {
            text: qsTr("Refresh")
            onClicked: log.refresh()
        }
    }

    AuditLogModel {
        id: log
        // Not fetched before whoami answers, nor when the root key may not read it.
        client: !page.may.pending && page.mayNotList === "" ? page.session.client : null
    }
    // Their lookups only where the log itself is read, and only of what the root key may read
    // (not before whoami answered): a name it may not look up is taken as an id, without a 403.
    AuditTargetResolver {
        id: resolver
        client: log.client
        findsOwners: !page.may.pending && page.may.missingEverywhere("identity.*.read_identity", page.may.revision) === ""
        findsKeys: !page.may.pending && page.may.missing("api.*.read_api", page.may.revision) === ""
                   && page.may.missingEverywhere("api.*.read_key", page.may.revision) === ""
        onResolved: log.setTarget(resolver.targetId, resolver.targetName)
    }
    AuditActorResolver {
        id: actorResolver
        client: log.client
        findsRootKeys: !page.may.pending && page.may.missing("workspace.*.read_root_key", page.may.revision) === ""
        onResolved: log.actorId = actorResolver.actorId
    }
    Timer {
        id: debounce
        interval: 300
        onTriggered: page.applyFilters()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The hints say what each text filter takes (the two take different things): each field is
        // as wide as its hint, and where one row has no room for all four filters (1024 px) the
        // text filters take a row of their own under the event and the time range (walkthrough
        // 20/14: the Spanish target hint was cut even at 1600 px).
        GridLayout {
            id: filterRow
            Layout.fillWidth: true
            Layout.margins: 12
            columnSpacing: 8
            rowSpacing: 8
            columns: width >= eventBox.Layout.preferredWidth + rangeBox.Layout.preferredWidth
                              + actorHintWidth + targetHintWidth + 3 * columnSpacing ? 4 : 2

            // A text filter's width for its whole hint, padding included.
            readonly property real actorHintWidth: Math.ceil(actorHint.advanceWidth) + actorField.leftPadding
                                                   + actorField.rightPadding + 2
            readonly property real targetHintWidth: Math.ceil(targetHint.advanceWidth) + targetField.leftPadding
                                                    + targetField.rightPadding + 2
            TextMetrics {
                id: actorHint
                font: actorField.font
                text: actorField.placeholderText
            }
            TextMetrics {
                id: targetHint
                font: targetField.font
                text: targetField.placeholderText
            }

            ThemedComboBox {
                id: eventBox
                objectName: "eventFilter"
                Layout.preferredWidth: 230
                // Every event the server writes, in words (AuditEvents.js); the filter sends its name.
                model: [{text: qsTr("All events"), value: ""}].concat(
                           AuditEvents.allEvents().map(event => ({text: AuditEvents.eventName(event), value: event}))) // qmllint disable
                textRole: "text"
                valueRole: "value"
                // The box keeps its width in the filter row; its list shows whole words (ThemedComboBox).
                Accessible.name: qsTr("Event")
                onActivated: page.applyFilters()
            }
            ThemedComboBox {
                id: rangeBox
                objectName: "rangeFilter"
                Layout.preferredWidth: 210
                model: page.ranges.map(range => range.label)
                currentIndex: page.ranges.length - 1
                Accessible.name: qsTr("Time range")
                onActivated: page.applyFilters()
            }
            TextField {
                id: actorField
                objectName: "actorFilter"
                Layout.fillWidth: true
                Layout.preferredWidth: filterRow.actorHintWidth
                Layout.maximumWidth: filterRow.actorHintWidth // the room left goes to the longer hint
                placeholderText: qsTr("Actor: root key name or id")
                ToolTip.text: qsTr("A root key's name or a part of it, as the Actor column shows it, or its id (rk_…)")
                // Not while the user types (issue 4, J14: it covered the field being typed in).
                ToolTip.visible: actorTip.showsTip && !activeFocus
                ToolTip.delay: 800
                TipHover {
                    id: actorTip
                }
                selectByMouse: true
                Accessible.name: qsTr("Actor")
                onTextChanged: debounce.restart()
            }
            TextField {
                id: targetField
                objectName: "targetFilter"
                Layout.fillWidth: true
                Layout.preferredWidth: filterRow.targetHintWidth
                placeholderText: qsTr("Target: id, owner, key start or part of a name")
                ToolTip.text: qsTr("An id (key_…, api_…, id_…), an owner's external id, a key's start, or a part of a name: of a key (deleted keys too), an owner, an API")
                // Not while the user types (issue 4, J14: it covered the field being typed in).
                ToolTip.visible: targetTip.showsTip && !activeFocus
                ToolTip.delay: 800
                TipHover {
                    id: targetTip
                }
                selectByMouse: true
                Accessible.name: qsTr("Target")
                onTextChanged: debounce.restart()
            }
        }

        Label {
            objectName: "actorSummary"
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 8
            visible: text !== ""
            text: actorResolver.resolving ? qsTr("Looking up “%1”…").arg(actorResolver.text) : page.actorSummary()
            opacity: 0.8
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        }
        Label {
            objectName: "targetSummary"
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 8 // not flush on the column titles below
            visible: text !== ""
            text: resolver.resolving ? qsTr("Looking up “%1”…").arg(resolver.text) : page.targetSummary()
            opacity: 0.8
            elide: Text.ElideRight
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
                    model: [{title: qsTr("Time"), width: page.timeWidth}, {title: qsTr("Event"), width: page.eventWidth},
                            {title: qsTr("Description"), width: -1}, {title: qsTr("Actor"), width: page.actorWidth}]
                    Label {
                        required property var modelData
                        Layout.preferredWidth: modelData.width
                        Layout.minimumWidth: Math.max(0, modelData.width)
                        Layout.fillWidth: modelData.width < 0
                        horizontalAlignment: modelData.width === page.actorWidth ? Text.AlignRight : Text.AlignLeft
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
                loading: log.loading || resolver.resolving || actorResolver.resolving || page.may.pending
                error: log.failed ? log.errorDetail : ""
                onRetry: log.refresh()
                title: resolver.match === AuditTargetResolver.Name || resolver.match === AuditTargetResolver.Unreadable
                       ? qsTr("Nothing matches the target “%1”").arg(resolver.text) : qsTr("No entries")
                hint: resolver.match === AuditTargetResolver.Name
                      ? qsTr("The target filter takes an id (key_…, api_…, id_…), an owner's external id, a key's start, or a part of a name: of a key (deleted keys too), an owner, an API.")
                      : resolver.match === AuditTargetResolver.Unreadable ? page.targetUnreadable
                      : qsTr("Every change made through the API is recorded here. Widen the time range or clear the filters.")
            }
        }
    }
}
