import QtQuick
import QtQuick.Controls

// A button for dialogs and cards that keyboard users can see and press: a FocusFrame while it
// has the keyboard focus, and Enter (Return or the keypad's) presses it as Space does — Qt 6.4's
// buttons take only Space, and in a dialog users press Enter on the button they tabbed to.
// Emitting clicked() reaches onClicked handlers and a DialogButtonBox's accept/reject alike.
Button {
    id: button

    /// Whether the focus frame is drawn (the button has the keyboard focus); for tests.
    readonly property bool focusShown: frame.shown

    Keys.onReturnPressed: button.clicked()
    Keys.onEnterPressed: button.clicked()

    FocusFrame {
        id: frame
        control: button
    }
}
