import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard
// Qt 6.4's qmllint does not follow the script's functions: their uses are "// qmllint disable"d
// line by line.
import "AuditEvents.js" as AuditEvents
import "TimeRanges.js" as TimeRanges

// The audit log's filters: event, time range, actor and target, with what the text filters
// matched said under them. The Actor and Target texts are looked up (a root key's name, an owner's
// external id, a key's start, a part of a name) and set on `logModel` once resolved; the other
// filters at once; the texts 300 ms after the last keystroke. AuditLogPage shows the log.
ColumnLayout {
    id: filters

    required property Session session
    required property AuditLogModel logModel
    readonly property Capabilities may: session.capabilities
    /// The lookups of the Target and the Actor filter (what they matched; the page's empty list says it).
    readonly property AuditTargetResolver targetLookup: resolver
    readonly property AuditActorResolver actorLookup: actorResolver
    /// What the Target filter says when the text may be an owner's external id that the root key may not look up.
    readonly property string targetUnreadable: qsTr("Owners cannot be looked up with this root key: “%1” is matched against target names, which finds an owner's own rows but not its keys'; the owner's id (id_…) finds both.").arg(resolver.text)

    readonly property var ranges: TimeRanges.ranges(true) // qmllint disable

    /// The Target filter takes the keyboard (the page's Ctrl+F).
    function focusSearch() {
        targetField.forceActiveFocus();
    }
    /// What the page keeps while another one is shown (its savedState(), Main.qml).
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
        filters.applyFilters();
    }
    function applyFilters() {
        filters.logModel.start = TimeRanges.startOf(filters.ranges[rangeBox.currentIndex].ms); // qmllint disable
        filters.logModel.events = eventBox.currentIndex > 0 ? [eventBox.currentValue] : [];
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
            return filters.targetUnreadable;
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
                                                   [filters.otherActorNames()]) : "");
        case AuditActorResolver.NotFound:
            return qsTr("No root key's name contains “%1”; the Actor filter takes a root key's name, a part of it, or its id (rk_…).").arg(actorResolver.text);
        case AuditActorResolver.Unreadable:
            return qsTr("Root key names cannot be looked up with this root key; the Actor filter takes a root key's id (rk_…).");
        default:
            return "";
        }
    }

    spacing: 0

    // Their lookups only where the log itself is read, and only of what the root key may read
    // (not before whoami answered): a name it may not look up is taken as an id, without a 403.
    AuditTargetResolver {
        id: resolver
        client: filters.logModel.client
        findsOwners: !filters.may.pending && filters.may.missingEverywhere("identity.*.read_identity", filters.may.revision) === ""
        findsKeys: !filters.may.pending && filters.may.missing("api.*.read_api", filters.may.revision) === ""
                   && filters.may.missingEverywhere("api.*.read_key", filters.may.revision) === ""
        onResolved: filters.logModel.setTarget(resolver.targetId, resolver.targetName)
    }
    AuditActorResolver {
        id: actorResolver
        client: filters.logModel.client
        findsRootKeys: !filters.may.pending && filters.may.missing("workspace.*.read_root_key", filters.may.revision) === ""
        onResolved: filters.logModel.actorId = actorResolver.actorId
    }
    Timer {
        id: debounce
        interval: 300
        onTriggered: filters.applyFilters()
    }

    // The hints say what each text filter takes (the two take different things): each field is
    // as wide as its hint, and where one row has no room for all four filters (1024 px) the
    // text filters take a row of their own under the event and the time range (walkthrough
    // 20/14: the Spanish target hint was cut even at 1600 px). The widths are those of the longest
    // translation of each hint, so a language switch moves no filter (walkthrough 22/X22: in
    // German the time range sat 90 px further right, after the Actor field's longer hint); only
    // where the two longest hints do not fit side by side (1024 px: German Actor, Spanish Target)
    // the fields shrink, down to their hints in the language shown, and the boxes follow.
    GridLayout {
        id: filterRow
        Layout.fillWidth: true
        Layout.margins: 12
        columnSpacing: 8
        rowSpacing: 8
        columns: width >= eventBox.Layout.preferredWidth + rangeBox.Layout.preferredWidth
                          + actorHintWidth + targetHintWidth + 3 * columnSpacing ? 4 : 2

        readonly property string actorHintSource: QT_TR_NOOP("Actor: root key name or id")
        readonly property string targetHintSource: QT_TR_NOOP("Target: id, owner, key start or part of a name")
        // A text filter's width for its whole hint in every language, padding included.
        readonly property real actorHintWidth: widestHint(actorHintSource, actorField.font) + actorField.leftPadding
                                               + actorField.rightPadding + 2
        readonly property real targetHintWidth: widestHint(targetHintSource, targetField.font) + targetField.leftPadding
                                                + targetField.rightPadding + 2
        // The width of each hint in the language shown: what a field keeps where the longest ones
        // do not fit side by side.
        readonly property real actorOwnWidth: Math.ceil(actorHint.advanceWidth) + actorField.leftPadding + actorField.rightPadding + 2
        readonly property real targetOwnWidth: Math.ceil(targetHint.advanceWidth) + targetField.leftPadding + targetField.rightPadding + 2
        /// The width of @p source's longest translation in @p font (an argument: the width follows it).
        function widestHint(source: string, font: var): real {
            hintMetrics.font = font; // set here: a binding of its own could follow the field's font too late
            let widest = 0;
            for (const text of filters.session.settings.inEveryLanguage("AuditLogFilters", source))
                widest = Math.max(widest, hintMetrics.advanceWidth(text));
            return Math.ceil(widest);
        }
        FontMetrics {
            id: hintMetrics
        }
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
            model: [{text: qsTr("All events"), value: ""}].concat( // qmllint disable
                       AuditEvents.allEvents().map(event => ({text: AuditEvents.eventName(event), value: event}))) // qmllint disable
            textRole: "text"
            valueRole: "value"
            // The box keeps its width in the filter row; its list shows whole words (ThemedComboBox).
            Accessible.name: qsTr("Event")
            onActivated: filters.applyFilters()
        }
        ThemedComboBox {
            id: rangeBox
            objectName: "rangeFilter"
            Layout.preferredWidth: 210
            model: filters.ranges.map(range => range.label)
            currentIndex: filters.ranges.length - 1
            Accessible.name: qsTr("Time range")
            onActivated: filters.applyFilters()
        }
        TextField {
            id: actorField
            objectName: "actorFilter"
            Layout.fillWidth: true
            Layout.preferredWidth: filterRow.actorHintWidth
            Layout.maximumWidth: filterRow.actorHintWidth // the room left goes to the longer hint
            Layout.minimumWidth: filterRow.actorOwnWidth
            placeholderText: qsTr(filterRow.actorHintSource)
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
            Layout.minimumWidth: filterRow.targetOwnWidth
            placeholderText: qsTr(filterRow.targetHintSource)
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
        text: actorResolver.resolving ? qsTr("Looking up “%1”…").arg(actorResolver.text) : filters.actorSummary()
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
        text: resolver.resolving ? qsTr("Looking up “%1”…").arg(resolver.text) : filters.targetSummary()
        opacity: 0.8
        elide: Text.ElideRight
    }
}
