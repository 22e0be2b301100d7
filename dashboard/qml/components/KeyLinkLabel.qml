import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A sentence that names another key, the name a link to that key's page (the reroll notes: the
// old key's page names its replacement and the new key's page the key it replaces). Put the
// name in the text with link(); a click on it, or Enter or Space while the sentence has the
// keyboard focus (it is a Tab stop while it holds a link), emits opened().
Label {
    id: label

    /// The key the link opens ("": no link, not a Tab stop).
    property string keyId

    signal opened(keyId: string)

    /// @p text as a link to `keyId`, to put into the sentence (the label's text is StyledText).
    function link(text: string): string {
        const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        return keyId === "" ? escaped : "<a href=\"key:" + keyId + "\">" + escaped + "</a>";
    }

    function open(): void {
        if (keyId !== "")
            opened(keyId);
    }

    textFormat: Text.StyledText
    wrapMode: Text.Wrap
    linkColor: Material.accent
    activeFocusOnTab: keyId !== ""
    Accessible.role: keyId !== "" ? Accessible.Link : Accessible.StaticText
    Accessible.name: text.replace(/<[^>]*>/g, "")
    Accessible.onPressAction: open()
    onLinkActivated: open()
    Keys.onReturnPressed: open()
    Keys.onEnterPressed: open()
    Keys.onSpacePressed: open()

    HoverHandler {
        cursorShape: label.hoveredLink !== "" ? Qt.PointingHandCursor : Qt.ArrowCursor
    }

    // The keyboard focus framed, as on buttons (FocusFrame).
    Rectangle {
        objectName: "focusFrame"
        anchors.fill: parent
        anchors.margins: -3
        color: "transparent"
        border.width: 2
        border.color: label.Material.foreground
        radius: 4
        visible: label.activeFocus
    }
}
