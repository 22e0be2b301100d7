import QtQuick
import QtQuick.Controls

// FocusButton's keyboard behaviour on a ToolButton (the compact flat button of tool bars and of
// list rows): a FocusFrame while it has the keyboard focus, and Enter (Return or the keypad's)
// presses it as Space does (a checkable one toggles, as with Space).
ToolButton {
    id: button

    /// Whether the focus frame is drawn (the button has the keyboard focus); for tests.
    readonly property bool focusShown: frame.shown

    function press(): void {
        if (checkable) {
            toggle();
            toggled();
        }
        clicked();
    }

    Keys.onReturnPressed: button.press()
    Keys.onEnterPressed: button.press()

    FocusFrame {
        id: frame
        control: button
    }
}
