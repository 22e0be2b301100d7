import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The window's one line of confirmation of what a page did (Session::notice): a key deleted (its
// page is gone, so it is said over the page the user lands on), a root key revoked, an override
// saved: one place for every page (walkthrough 22, W23). A key card's "✓ Saved" stays in its card.
// Errors are not shown here but in the ErrorBanner. Goes by itself after a while, or on a click.
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
