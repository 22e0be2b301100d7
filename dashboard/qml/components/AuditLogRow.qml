import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard
import "AuditChanges.js" as AuditChanges
import "AuditEvents.js" as AuditEvents

// One row of the audit log, in the columns AuditLogHeader labels: time, event, description (with
// what a key update changed and the targets underneath, all wrapped inside the column) and
// actor. The event is in words, wrapped inside its column, with the server's name in its tooltip
// (support may quote it); the description's tooltip, in the UI's language too, names the keys it
// gives by id; the actor is elided to its column, whole in a tooltip.
ItemDelegate {
    id: entry

    required property int index
    required property double time
    required property string event
    required property string description
    required property string actorType
    required property string actorId
    required property string actorName
    /// [{type, id, name}]: what describe() names.
    required property var targetList
    /// What a key.update changed, or a key.create was issued with ([{field, old?, new?, name?}];
    /// empty for other events and older rows).
    required property var changes

    required property Formatter format
    property int timeWidth: 150
    property int eventWidth: 220
    property int actorWidth: 170

    /// The event in the UI's language, from its type and targets; the server's (English)
    /// `description` for an event type not listed here.
    readonly property string shownDescription: describe(false)
    /// The description's tooltip, in the UI's language too (walk 20/12: it was the server's English
    /// text): the description with each key's name beside its id, where that adds a name; for an
    /// event the dashboard does not know, that the description is the server's own, untranslated.
    readonly property string descriptionTip: {
        if (shownDescription === description && !AuditEvents.allEvents().includes(event))
            return qsTr("The server's own description of “%1”, not translated.").arg(event);
        const named = describe(true);
        return named !== shownDescription ? named : "";
    }
    /// The event in words ("Key updated"; AuditEvents.js); the server's name for one it does not know.
    readonly property string eventText: AuditEvents.eventName(event)
    /// Whether the actor's name and its id (its two lines) are elided: its tooltip shows it whole.
    property var actorLinesCut: [false, false]
    /// Whether the pointer is over the event (its tooltip, not the description's, shows).
    property bool overEvent: false
    /// Whether the pointer is over the actor (its tooltip, when it is elided, not the description's).
    property bool overActor: false
    /// The row's hover for the description's tooltip (the tooltips' texts change as the log loads).
    TipHover {
        id: rowTip
    }
    /// "type id (name)" per target, the type in the UI's language.
    readonly property string targetText: AuditEvents.targetLines(targetList, event)
    /// One line per change, in the UI's language (AuditChanges.js).
    readonly property string changeText: AuditChanges.describe(changes, format, event).join("\n")

    /// The event in words; @p withNames: a key's id with its name ("key_… (checkout)").
    function describe(withNames: bool): string {
        const targetsOf = type => (targetList || []).filter(target => target.type === type);
        const named = type => {
            const target = targetsOf(type)[0];
            return target ? (target.name || target.id) : "";
        };
        const id = (type, n) => {
            const target = targetsOf(type)[n || 0];
            return !target ? "" : withNames && target.name ? target.id + " (" + target.name + ")" : target.id;
        };
        switch (event) {
        case "api.create": return qsTr("Created API %1").arg(named("api"));
        case "api.delete": return qsTr("Deleted API %1").arg(named("api"));
        case "key.create": return qsTr("Issued key %1").arg(id("key"));
        case "key.delete": return qsTr("Deleted key %1").arg(id("key"));
        case "key.update":
            return actorType === "system" ? qsTr("Refilled key %1").arg(named("key"))
                                          : qsTr("Updated key %1").arg(id("key"));
        case "key.reroll": return AuditEvents.fillIn(qsTr("Rerolled key %1 to %2"), [id("key", 1), id("key")]);
        case "identity.create": return qsTr("Created owner %1").arg(named("identity"));
        case "identity.update": return qsTr("Updated owner %1").arg(named("identity"));
        case "identity.delete": return qsTr("Deleted owner %1").arg(named("identity"));
        case "permission.create": return qsTr("Created permission %1").arg(named("permission"));
        case "permission.delete": return qsTr("Deleted permission %1").arg(named("permission"));
        case "role.create": return qsTr("Created role %1").arg(named("role"));
        case "role.delete": return qsTr("Deleted role %1").arg(named("role"));
        case "authorization.connect_role_and_key":
            return AuditEvents.fillIn(qsTr("Gave key %1 the role %2"), [id("key"), named("role")]);
        case "authorization.disconnect_role_and_key":
            return AuditEvents.fillIn(qsTr("Took the role %2 from key %1"), [id("key"), named("role")]);
        case "authorization.connect_permission_and_key":
            return AuditEvents.fillIn(qsTr("Gave key %1 the permission %2"), [id("key"), named("permission")]);
        case "authorization.disconnect_permission_and_key":
            return AuditEvents.fillIn(qsTr("Took the permission %2 from key %1"),
                                     [id("key"), named("permission")]);
        case "authorization.connect_role_and_permission":
            return AuditEvents.fillIn(qsTr("Gave role %1 the permission %2"),
                                     [named("role"), named("permission")]);
        case "authorization.disconnect_role_and_permissions":
            return AuditEvents.fillIn(qsTr("Took the permission %2 from role %1"),
                                     [named("role"), named("permission")]);
        case "ratelimitNamespace.create": return qsTr("Created namespace %1").arg(named("ratelimitNamespace"));
        // The new name; the old one is in the row's changes ("Name: “a” → “b”").
        case "ratelimitNamespace.update": return qsTr("Renamed namespace %1").arg(named("ratelimitNamespace"));
        case "ratelimitNamespace.delete": return qsTr("Deleted namespace %1").arg(named("ratelimitNamespace"));
        case "ratelimit.set_override":
            return AuditEvents.fillIn(qsTr("Set the override for %1 in namespace %2"),
                                     [named("ratelimitOverride"), named("ratelimitNamespace")]);
        case "ratelimit.delete_override":
            return AuditEvents.fillIn(qsTr("Deleted the override for %1 in namespace %2"),
                                     [named("ratelimitOverride"), named("ratelimitNamespace")]);
        case "ratelimit.create": return qsTr("Created rate limit %1").arg(named("ratelimit"));
        case "ratelimit.update": return qsTr("Updated rate limit %1").arg(named("ratelimit"));
        case "ratelimit.delete": return qsTr("Deleted rate limit %1").arg(named("ratelimit"));
        case "rootKey.create": return qsTr("Created root key %1").arg(named("rootKey"));
        case "rootKey.delete": return qsTr("Revoked root key %1").arg(named("rootKey"));
        }
        return description;
    }

    readonly property string actorText: actorType === "system" ? qsTr("system")
                                        : (actorName !== "" ? actorName + "\n" + actorId : actorId)

    leftPadding: 16
    rightPadding: 16
    Accessible.name: AuditEvents.fillIn(qsTr("%1 by %2 at %3: %4"), [
        eventText, actorName !== "" ? actorName : actorId, format.dateTime(time),
        changeText === "" ? shownDescription : shownDescription + ". " + changeText.replace(/\n/g, ". ")])

    /// Narrow (the page's choice, e.g. at 1024 px): the time, the event and the actor one under
    /// the other in the first column, so the description and what changed get the width, and the
    /// targets folded on one line (each whole once the row is the current one: a click or the
    /// arrows unfold it). Walkthrough 22/X24: at 1024 px the description had ~230 px, an event took
    /// 5 to 8 lines and three showed on a screen.
    property bool stacked: false
    /// The first column's width when `stacked`.
    property int stackWidth: 220
    /// Whether the targets are on one line (elided; every target whole in the row's tooltip).
    readonly property bool targetsFolded: stacked && !highlighted
    /// Whether the folded targets line is elided.
    property bool targetsCut: false
    /// The description's tooltip, with every target when their folded line is cut.
    readonly property string rowTipText: !targetsCut ? descriptionTip
                                         : (descriptionTip !== "" ? descriptionTip : shownDescription) + "\n" + targetText
    /// Each target on a line of its own, or all of them on one.
    readonly property string shownTargets: targetsFolded ? targetText.split("\n").join(" · ") : targetText

    // The cells on a grid: one row of four columns, or (`stacked`) two columns, the first holding
    // time, event and actor, the description spanning them, a filler below taking what it needs more.
    contentItem: GridLayout {
        columnSpacing: 16
        rowSpacing: entry.stacked ? 2 : 0
        Label {
            Layout.row: 0
            Layout.column: 0
            Layout.preferredWidth: entry.stacked ? entry.stackWidth : entry.timeWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.minimumWidth: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            text: entry.format.dateTime(entry.time)
            elide: Text.ElideRight
        }
        Label {
            objectName: "eventLabel"
            Layout.row: entry.stacked ? 1 : 0
            Layout.column: entry.stacked ? 0 : 1
            Layout.preferredWidth: entry.stacked ? entry.stackWidth : entry.eventWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.minimumWidth: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            text: entry.eventText
            wrapMode: Text.Wrap
            ToolTip.text: entry.event
            ToolTip.visible: entry.overEvent && entry.eventText !== entry.event
            ToolTip.delay: 500
            Accessible.description: entry.event
            TipHover { // no id: contentItem is deferred
                onShowsTipChanged: entry.overEvent = showsTip
            }
        }
        ColumnLayout {
            Layout.row: 0
            Layout.column: entry.stacked ? 1 : 2
            Layout.rowSpan: entry.stacked ? 4 : 1
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Label {
                objectName: "descriptionLabel"
                Layout.fillWidth: true
                text: entry.shownDescription
                wrapMode: Text.Wrap
                ToolTip.text: entry.rowTipText
                // Not over the event or the actor, which have tooltips of their own (one at a time).
                ToolTip.visible: rowTip.showsTip && !entry.overEvent && !entry.overActor && entry.rowTipText !== ""
                ToolTip.delay: 500
            }
            Label {
                objectName: "changesLabel"
                Layout.fillWidth: true
                visible: text !== ""
                text: entry.changeText
                wrapMode: Text.Wrap
            }
            // One target a line ("key key_… (its name)"), wrapped inside the column: Text does not
            // elide text of several lines, so an elided one ran on under the Actor column and out of
            // the window at 1024 px (issue 4). Anywhere, not only at spaces: an id has none. Folded:
            // all on one line, elided.
            Label {
                objectName: "targetsLabel"
                Layout.fillWidth: true
                text: entry.shownTargets
                opacity: 0.7
                font.family: "monospace"
                wrapMode: entry.targetsFolded ? Text.NoWrap : Text.WrapAtWordBoundaryOrAnywhere
                elide: entry.targetsFolded ? Text.ElideRight : Text.ElideNone
                onTruncatedChanged: entry.targetsCut = truncated
            }
        }
        // The actor's name and id, a line each: Text elides no text of several lines, so one label
        // with both ran past the window in a narrow actor column (German at 1024 px). Stacked: its
        // name only (its id when it has none), the id in its tooltip.
        ColumnLayout {
            Layout.row: entry.stacked ? 2 : 0
            Layout.column: entry.stacked ? 0 : 3
            Layout.preferredWidth: entry.stacked ? entry.stackWidth : entry.actorWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.minimumWidth: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            spacing: 0
            ToolTip.text: entry.actorText
            // Over the actor only: the row's other tooltips share the one ToolTip instance.
            ToolTip.visible: (entry.actorLinesCut[0] || entry.actorLinesCut[1] || (entry.stacked && entry.actorText.includes("\n")))
                             && entry.overActor
            ToolTip.delay: 500
            TipHover {
                onShowsTipChanged: entry.overActor = showsTip
            }
            // No ids: contentItem is deferred.
            Label {
                objectName: "actorLabel"
                Layout.fillWidth: true
                horizontalAlignment: entry.stacked ? Text.AlignLeft : Text.AlignRight
                text: entry.actorText.split("\n")[0]
                opacity: entry.stacked ? 0.8 : 1
                elide: Text.ElideRight
                onTruncatedChanged: entry.actorLinesCut = [truncated, entry.actorLinesCut[1]]
            }
            Label {
                Layout.fillWidth: true
                visible: text !== "" && !entry.stacked
                horizontalAlignment: Text.AlignRight
                text: entry.actorText.split("\n")[1] || ""
                elide: Text.ElideRight
                onTruncatedChanged: entry.actorLinesCut = [entry.actorLinesCut[0], truncated]
            }
        }
        Item { // stacked: the height the description needs beyond the first column's lines
            Layout.row: 3
            Layout.column: 0
            Layout.fillHeight: true
            visible: entry.stacked
        }
    }
}
