// Typing on a list page searches, as in a desktop file list: a printable character pressed while
// the keyboard is in the list goes into the page's search field, which takes the focus. Space
// (a list may toggle a row with it) and shortcuts (Ctrl, Alt, Meta) stay the list's.

/// Puts @p event's character at the end of @p field and accepts it; false for other keys.
function into(field, event) {
    const shortcut = event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier);
    if (!field.visible || !field.enabled || shortcut || event.text.length !== 1 || event.text <= " "
            || event.text === "\u007f")
        return false;
    field.forceActiveFocus();
    field.deselect();
    field.insert(field.length, event.text);
    field.cursorPosition = field.length;
    event.accepted = true;
    return true;
}
