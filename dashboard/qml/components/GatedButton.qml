import QtQuick
import QtQuick.Controls

// A button that the root key may not be allowed to use: greyed out then, with the missing
// permission in a tooltip. A disabled control gets no hover events, hence the HoverHandler on
// the wrapper.
Item {
    id: gate

    property alias text: button.text
    property alias highlighted: button.highlighted
    property alias flat: button.flat
    property alias button: button
    /// "" when allowed; else the sentence Capabilities.missing() returned.
    property string missing
    /// Other reasons to be disabled (nothing to save, busy).
    property bool ready: true
    /// Why it is not ready, when that is worth saying (a tooltip like the missing permission's).
    property string notReadyReason
    /// What the tooltip says: the missing permission first, else why it is not ready.
    readonly property string tip: missing !== "" ? missing : !ready ? notReadyReason : ""

    signal clicked()

    implicitWidth: button.implicitWidth
    implicitHeight: button.implicitHeight
    Accessible.ignored: true

    FocusButton { // its frame shows the keyboard focus; Enter presses it
        id: button
        anchors.fill: parent
        enabled: gate.ready && gate.missing === ""
        objectName: gate.objectName === "" ? "" : gate.objectName + "-button"
        Accessible.description: gate.tip
        onClicked: gate.clicked()
    }

    TipHover {
        id: hover
    }

    // Shown once its text is there (bound to `tip` too, it could open empty: KeySection).
    ToolTip.text: gate.tip
    ToolTip.visible: hover.showsTip && ToolTip.text !== ""
    ToolTip.delay: 300
}
