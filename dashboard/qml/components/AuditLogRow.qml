import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// One row of the audit log, in the columns AuditLogHeader labels: time, event, description (with
// its targets underneath) and actor. Event and actor are elided to their column, with the whole
// text in a tooltip, so a long event name never runs into the description.
ItemDelegate {
    id: entry

    required property int index
    required property double time
    required property string event
    required property string description
    required property string actorType
    required property string actorId
    required property string actorName
    required property string targets

    required property Formatter format
    property int timeWidth: 150
    property int eventWidth: 220
    property int actorWidth: 170

    readonly property string actorText: actorType === "system" ? qsTr("system")
                                        : (actorName !== "" ? actorName + "\n" + actorId : actorId)

    leftPadding: 16
    rightPadding: 16
    Accessible.name: qsTr("%1 by %2 at %3: %4").arg(event).arg(actorName !== "" ? actorName : actorId)
                     .arg(format.dateTime(time)).arg(description)

    contentItem: RowLayout {
        spacing: 16
        Label {
            Layout.preferredWidth: entry.timeWidth
            Layout.maximumWidth: entry.timeWidth
            Layout.alignment: Qt.AlignTop
            text: entry.format.dateTime(entry.time)
            elide: Text.ElideRight
        }
        Label {
            objectName: "eventLabel"
            Layout.preferredWidth: entry.eventWidth
            Layout.maximumWidth: entry.eventWidth
            Layout.alignment: Qt.AlignTop
            text: entry.event
            font.family: "monospace"
            elide: Text.ElideRight
            ToolTip.text: entry.event
            ToolTip.visible: truncated && entry.hovered
            ToolTip.delay: 500
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            spacing: 2
            Label {
                objectName: "descriptionLabel"
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
                ToolTip.text: entry.targets
                ToolTip.visible: truncated && entry.hovered
                ToolTip.delay: 500
            }
        }
        Label {
            Layout.preferredWidth: entry.actorWidth
            Layout.maximumWidth: entry.actorWidth
            Layout.alignment: Qt.AlignTop
            horizontalAlignment: Text.AlignRight
            text: entry.actorText
            elide: Text.ElideRight
            ToolTip.text: entry.actorText
            ToolTip.visible: truncated && entry.hovered
            ToolTip.delay: 500
        }
    }
}
