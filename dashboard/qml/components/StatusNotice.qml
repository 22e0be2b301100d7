import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The window's one line of confirmation after an action that left the page it was done on (a
// key deleted: its page is gone, so the page the user lands on says it). Errors are not shown
// here but in the ErrorBanner. Goes by itself after a while, or on a click.
Pane {
    id: notice

    property string text
    /// How long a notice stays, in ms: long enough to read a key's name.
    property int showFor: 6000

    function show(message: string): void {
        text = message;
        hideTimer.restart();
    }

    visible: text !== ""
    padding: 12
    Material.elevation: 6
    Material.background: Material.theme === Material.Dark ? "#37474f" : "#323232"
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Label {
        objectName: "statusNoticeText"
        text: notice.text
        color: "white"
        width: Math.min(implicitWidth, notice.parent ? notice.parent.width - 64 : implicitWidth)
        wrapMode: Text.Wrap
    }

    TapHandler {
        onTapped: notice.text = ""
    }

    Timer {
        id: hideTimer
        interval: notice.showFor
        onTriggered: notice.text = ""
    }
}
