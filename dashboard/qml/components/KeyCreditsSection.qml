import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key's credits: the whole configuration as a draft saved with Save (keys.updateKey), plus
// quick "add credits" through keys.updateCredits, which applies at once and says so.
KeySection {
    id: section

    required property KeyDetailController key
    property var format

    /// The editor shows the saved configuration again.
    function showSaved(): void {
        editor.load(key.creditsUnlimited, key.creditsRemaining, key.refillInterval, key.refillAmount,
                    key.refillDay);
        touched = false;
    }
    /// The user edited since the last load; until then new saved values replace the editor's.
    property bool touched: false

    title: qsTr("Credits")
    field: "credits"
    controller: key
    dirty: touched && (editor.unlimited !== key.creditsUnlimited
           || (!editor.unlimited && (editor.remaining !== key.creditsRemaining
                                     || editor.interval !== key.refillInterval
                                     || (editor.interval !== "" && editor.amount !== key.refillAmount)
                                     || (editor.interval === "monthly" && editor.refillDay !== key.refillDay))))
    valid: editor.valid
    onSave: key.saveCredits(editor.unlimited, editor.remaining, editor.interval, editor.amount, editor.refillDay)
    onRevert: showSaved()

    Connections {
        target: section.key
        function onKeyChanged() {
            if (!section.touched)
                section.showSaved();
        }
        function onSaved(field: string) {
            if (field === "credits")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()

    Label {
        objectName: "credits-summary"
        text: section.key.creditsUnlimited
              ? qsTr("Unlimited")
              : qsTr("%1 credits left").arg(section.format ? section.format.number(section.key.creditsRemaining)
                                                              : section.key.creditsRemaining)
        font.pixelSize: 20
    }

    CreditsEditor {
        id: editor
        Layout.fillWidth: true
        onEdited: section.touched = true
        onAccepted: if (section.dirty && editor.valid) section.save()
    }

    // Wraps on a narrow card: the button goes below the field rather than out of the card.
    Flow {
        Layout.fillWidth: true
        visible: !section.key.creditsUnlimited
        spacing: 8
        Label {
            text: qsTr("Add")
            height: delta.height
            verticalAlignment: Text.AlignVCenter
        }
        TextField {
            id: delta
            objectName: "credits-delta"
            width: 120
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,15}/ }
            placeholderText: qsTr("e.g. 100")
            font.italic: text === ""
            Accessible.name: qsTr("Credits to add")
            onAccepted: addButton.clicked()
        }
        Button {
            id: addButton
            FocusFrame { control: addButton } // the keyboard focus, visible
            text: qsTr("Add credits")
            flat: true
            enabled: delta.text !== "" && !section.saving
            onClicked: {
                if (section.key.adjustCredits("increment", Number(delta.text)))
                    delta.text = "";
            }
        }
    }
    Label {
        objectName: "credits-add-instant"
        visible: !section.key.creditsUnlimited
        Layout.fillWidth: true
        text: qsTr("Adding credits applies at once, without Save.")
        wrapMode: Text.Wrap
        opacity: 0.7
        font.pixelSize: 12
        font.italic: true
    }
}
