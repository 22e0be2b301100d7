import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a list shows instead of rows: a spinner while the first page loads, otherwise a title and
// a hint that says what to do next (empty states tell the user how to get data in). When the
// list could not be loaded (`error` set), it says so with Retry instead: an unreachable server
// must never look like an empty list.
ColumnLayout {
    id: root

    property bool loading: false
    property string title
    property string hint
    /// Why the list could not be loaded; "" for the empty state.
    property string error
    /// Under the spinner while loading, e.g. how far a search got ("" for none).
    property string progress
    /// The root key may not read this list (Capabilities.missing()'s sentence): said instead of
    /// the list, without Retry (the host does not fetch it; it would fail the same way).
    property string missing

    /// The widest word of the missing-permission sentence (the permission), as the title shows
    /// it: a host in a narrow column makes room for it, as the title does not break it.
    /// (`titleMetrics.font` read: the binding follows the title's font, which advanceWidth() hides.)
    readonly property real missingWidth: missing === "" || !titleMetrics.font ? 0
        : Math.max(...missing.split(/\s+/).map(word => Math.ceil(titleMetrics.advanceWidth(word))))

    /// Retry pressed (the host refreshes its model).
    signal retry()

    FontMetrics {
        id: titleMetrics
        font: titleLabel.font
    }

    spacing: 8

    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: root.loading
        visible: root.loading
        Accessible.name: qsTr("Loading")
    }
    Label {
        objectName: "placeholder-progress"
        Layout.fillWidth: true
        visible: root.loading && root.progress !== ""
        text: root.progress
        opacity: 0.75
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }
    Label {
        id: titleLabel
        objectName: "placeholder-title"
        Layout.fillWidth: true
        visible: !root.loading
        text: root.missing !== "" ? root.missing
              : root.error !== "" ? qsTr("Could not load: %1").arg(root.error) : root.title
        font.bold: true
        font.pointSize: 13
        horizontalAlignment: Text.AlignHCenter
        // A missing permission ("ratelimit.*.read_namespace") is one word to the user: wrapped
        // between words only, never inside one.
        wrapMode: root.missing !== "" ? Text.WordWrap : Text.WrapAtWordBoundaryOrAnywhere
    }
    Label {
        Layout.fillWidth: true
        visible: !root.loading && root.missing === "" && root.error === "" && root.hint.length > 0
        text: root.hint
        opacity: 0.75
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }
    FocusButton {
        objectName: "placeholder-retry"
        Layout.alignment: Qt.AlignHCenter
        visible: !root.loading && root.missing === "" && root.error !== ""
        text: qsTr("Retry")
        Accessible.name: qsTr("Load the list again")
        onClicked: root.retry()
    }
}
