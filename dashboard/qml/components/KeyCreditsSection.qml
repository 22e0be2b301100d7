import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key's credits: the whole configuration as a draft saved with Save (keys.updateKey), plus
// quick "add credits" through keys.updateCredits, which applies at once and says so. Traffic
// spends the credits while the page is open: the card refetches the key every `refreshInterval`
// and shows the new balance, and Save sends Remaining only when the user typed it, so changing
// the refill does not give spent credits back.
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
    /// How often the shown balance is refetched while the card is visible (ms).
    property int refreshInterval: 15000

    title: qsTr("Credits")
    field: "credits"
    controller: key
    dirty: touched && (editor.unlimited !== key.creditsUnlimited
           || (!editor.unlimited && ((editor.remainingEdited && editor.remaining !== key.creditsRemaining)
                                     || editor.interval !== key.refillInterval
                                     || (editor.interval !== "" && editor.amount !== key.refillAmount)
                                     || (editor.interval === "monthly" && editor.refillDay !== key.refillDay))))
    valid: editor.valid
    problem: editor.validationError
    onSave: key.saveCredits(editor.unlimited, editor.remaining, editor.interval, editor.amount, editor.refillDay,
                            editor.remainingEdited)
    onRevert: showSaved()

    Connections {
        target: section.key
        // Every keyChanged brings a usageChanged too.
        function onUsageChanged() {
            if (!section.touched)
                section.showSaved();
            else if (!section.key.creditsUnlimited)
                editor.showRemaining(section.key.creditsRemaining);
        }
        function onSaved(field: string) {
            if (field === "credits")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()
    Timer {
        interval: section.refreshInterval
        repeat: true
        running: section.visible && section.key.loaded && !section.key.deleted
        onTriggered: section.key.refresh()
    }

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
        onAccepted: {
            if (section.dirty && editor.valid)
                section.save();
            else
                editor.showError(); // Enter wants it saved: say what is missing
        }
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
        FocusButton {
            id: addButton
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
