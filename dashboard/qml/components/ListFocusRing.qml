import QtQuick
import QtQuick.Controls.Material
import Latchkey.Dashboard

// The keyboard focus on a list row: a frame in the accent colour around the current row while
// its list has the active focus. The Material highlight alone looks the same with and without
// focus, so a keyboard user could not tell whether the arrows move this list or something else.
// Put one inside a delegate: ListFocusRing { row: theDelegate }.
Rectangle {
    id: ring

    /// The delegate it frames (its ListView.isCurrentItem and activeFocus decide `shown`).
    required property Item row
    /// Whether the frame is drawn: the row is current and has the keyboard focus (which its list
    /// gives its current row). Not while the focus is elsewhere inside the list: in its header
    /// (the keys page's charts) the list has the active focus too, and two focus marks showed.
    /// Only while the last press was a key (LastInput), as FocusFrame: a row clicked, or the row a
    /// page gives the focus to after a click (the next row after a clicked Revoke, an owner's
    /// first key after the owner was clicked), showed the keyboard's frame to a mouse user
    /// (walkthrough 22, X16/X20). The first key pressed shows it.
    readonly property bool shown: row.ListView.isCurrentItem && row.activeFocus && keyboardUsed
    readonly property bool keyboardUsed: LastInput.keyboard

    objectName: "listFocusRing"
    anchors.fill: parent
    color: "transparent"
    border.width: 2
    border.color: Material.theme === Material.Dark ? "#9fa8da" : "#3949ab"
    radius: 2
    visible: shown
}
