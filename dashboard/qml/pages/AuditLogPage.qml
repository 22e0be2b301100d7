import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The workspace's audit trail, newest first, filtered on the server by event, actor, target and
// time range.
Page {
    id: page

    required property Session session

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
    function applyFilters() {
        const range = page.ranges[rangeBox.currentIndex].ms;
        log.start = range > 0 ? new Date(Date.now() - range) : new Date(NaN);
        log.events = eventBox.currentIndex > 0 ? [eventBox.currentText] : [];
        log.actorId = actorField.text.trim();
        log.targetId = targetField.text.trim();
    }

    title: qsTr("Audit log")

    header: ListPageHeader {
        title: page.title
        ToolButton {
            text: qsTr("Refresh")
            onClicked: page.applyFilters()
        }
    }

    AuditLogModel {
        id: log
        client: page.session.client
    }
    Timer {
        id: debounce
        interval: 300
        onTriggered: page.applyFilters()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8
            ComboBox {
                id: eventBox
                Layout.preferredWidth: 230
                model: [qsTr("All events"), "api.create", "api.delete", "key.create", "key.update", "key.delete",
                        "key.reroll", "identity.create", "identity.update", "identity.delete", "permission.create",
                        "permission.delete", "role.create", "role.delete", "ratelimit.set_override",
                        "ratelimit.delete_override", "ratelimitNamespace.create", "rootKey.create", "rootKey.delete"]
                Accessible.name: qsTr("Event")
                onActivated: page.applyFilters()
            }
            TextField {
                id: actorField
                Layout.fillWidth: true
                placeholderText: qsTr("Actor (root key id)")
                selectByMouse: true
                Accessible.name: qsTr("Actor")
                onTextChanged: debounce.restart()
            }
            TextField {
                id: targetField
                Layout.fillWidth: true
                placeholderText: qsTr("Target (key, API, owner … id)")
                selectByMouse: true
                Accessible.name: qsTr("Target")
                onTextChanged: debounce.restart()
            }
            ComboBox {
                id: rangeBox
                Layout.preferredWidth: 170
                model: page.ranges.map(range => range.label)
                currentIndex: page.ranges.length - 1
                Accessible.name: qsTr("Time range")
                onActivated: page.applyFilters()
            }
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: log
            focus: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Audit log entries")

            // The page's ids inside a delegate: fine at run time, but Qt 6.4's qmllint cannot follow them
            // into a Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
            delegate: ItemDelegate {
                id: entry
                required property int index
                required property double time
                required property string event
                required property string description
                required property string actorType
                required property string actorId
                required property string actorName
                required property string targets

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: qsTr("%1 by %2 at %3").arg(event).arg(actorName !== "" ? actorName : actorId)
                                 .arg(page.session.format.dateTime(time)) // qmllint disable unqualified
                onClicked: ListView.view.currentIndex = index

                contentItem: RowLayout {
                    spacing: 16
                    Label {
                        Layout.preferredWidth: 150
                        Layout.alignment: Qt.AlignTop
                        text: page.session.format.dateTime(entry.time) // qmllint disable unqualified
                    }
                    Label {
                        Layout.preferredWidth: 190
                        Layout.alignment: Qt.AlignTop
                        text: entry.event
                        font.family: "monospace"
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: entry.description
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: entry.targets
                            opacity: 0.7
                            font.family: "monospace"
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        Layout.preferredWidth: 190
                        Layout.alignment: Qt.AlignTop
                        horizontalAlignment: Text.AlignRight
                        text: entry.actorType === "system" ? qsTr("system")
                              : (entry.actorName !== "" ? entry.actorName + "\n" + entry.actorId : entry.actorId)
                        elide: Text.ElideRight
                    }
                }
            }
            footer: ListFooter {} // follows the view's model
            ListPlaceholder {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 460)
                visible: list.count === 0
                loading: log.loading
                title: qsTr("No entries")
                hint: qsTr("Every change made through the API is recorded here. Widen the time range or clear the filters.")
            }
        }
    }
}
