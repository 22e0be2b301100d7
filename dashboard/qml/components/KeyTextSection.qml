import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// A key detail card editing one line of text (name, owner): Enter or Save stores it through
// `saveFunction`, Esc or Discard goes back to the saved value.
KeySection {
    id: section

    /// The saved value (from KeyDetailController).
    property string value
    property string placeholderText
    property string hint
    /// The Owner card's: the session whose owners a draft is looked up among. Under the field
    /// it then says whether the typed id is an owner or a new one is made on Save, offering the
    /// owners containing the text (walkthrough 21: "acme" saved for acme_corp made an owner
    /// "acme" without a word). That takes the hint's place from the first character typed, and
    /// keeps its room until the draft is saved or dropped: the card grows by a row of owners
    /// then, not again as the answer comes (Save stays where the pointer goes for it).
    property Session ownerSession: null
    /// Whether that shows (its Loader's item, which qmllint 6.4 knows only as a QObject).
    property bool ownerMatchesShown: false
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
    Loader {
        id: ownerMatches
        Layout.fillWidth: true
        active: section.ownerSession !== null
        visible: section.ownerMatchesShown
        sourceComponent: OwnerMatches {
            session: section.ownerSession // qmllint disable unqualified
            typed: section.dirty ? input.text : "" // qmllint disable unqualified
            steady: true
            newOwnerText: qsTr("No owner “%1” yet: a new owner is created when you save.")
            onShowsChanged: section.ownerMatchesShown = shows // qmllint disable unqualified
            onPicked: externalId => {
                input.text = externalId; // qmllint disable unqualified
                input.forceActiveFocus(Qt.TabFocusReason); // qmllint disable unqualified
            }
        }
    }
    Label {
        visible: section.hint !== "" && !ownerMatches.visible
        text: section.hint
        opacity: 0.7
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
