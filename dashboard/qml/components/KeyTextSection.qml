import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A key detail card editing one line of text (name, owner): Enter or Save stores it through
// `saveFunction`, Esc or Discard goes back to the saved value.
KeySection {
    id: section

    /// The saved value (from KeyDetailController).
    property string value
    property string placeholderText
    property string hint
    /// Save was asked for with the (untrimmed) draft.
    signal saveRequested(string text)

    dirty: input.text.trim() !== value
    // Save greys on a draft the controller would refuse, the reason in its tooltip (Enter still
    // shows it under the field).
    problem: controller ? controller.draftProblem(field, input.text) : ""
    valid: problem === ""
    onSave: saveRequested(input.text)
    onRevert: input.text = value
    // A saved value arriving (load, refresh, save) replaces the draft unless the user is typing.
    onValueChanged: if (!input.activeFocus || !dirty) input.text = value
    Component.onCompleted: input.text = value

    TextField {
        id: input
        objectName: section.objectName + "-field"
        Layout.fillWidth: true
        placeholderText: section.placeholderText
        Accessible.name: section.title
        onAccepted: if (section.dirty) section.save()
        Keys.onEscapePressed: event => {
            if (section.dirty) {
                section.discard();
                event.accepted = true;
            } else {
                event.accepted = false;
            }
        }
    }
    Label {
        visible: section.hint !== ""
        text: section.hint
        opacity: 0.7
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
