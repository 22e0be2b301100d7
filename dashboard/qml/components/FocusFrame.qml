import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Latchkey.Dashboard

// A visible keyboard focus on a button: a frame in the text colour around its background while
// it has the keyboard focus (visualFocus). Material's own focus tint is too faint on filled
// buttons and on the indigo header. Put one inside the control: FocusFrame { control: theButton }.
// The focus a closing popup gives back (Esc on a dialog) is no visualFocus: it is framed too when
// the last press was a key (LastInput), so a keyboard user sees where the focus went back to.
Rectangle {
    id: frame

    /// The control it frames.
    required property T.Control control
    /// Whether the frame is drawn: the control has the focus from the keyboard.
    readonly property bool shown: control.visualFocus
        || (keyboardUsed && control.activeFocus && control.focusReason === Qt.PopupFocusReason)
    // Read as each frame is made, not first when a focus comes back: that makes the singleton,
    // which sees only the presses after it.
    readonly property bool keyboardUsed: LastInput.keyboard

    objectName: "focusFrame"
    // Around the background, not the control: Material buttons have insets above and below.
    x: control.leftInset - 3
    y: control.topInset - 3
    width: control.width - control.leftInset - control.rightInset + 6
    height: control.height - control.topInset - control.bottomInset + 6
    color: "transparent"
    border.width: 2
    border.color: control.Material.foreground
    radius: 4
    visible: shown
}
