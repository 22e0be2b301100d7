import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// When the key expires (keys.updateKey `expires`; "never" clears it).
KeySection {
    id: section

    required property KeyDetailController key
    property var format

    function showSaved(): void {
        picker.load(key.expires);
        touched = false;
    }
    /// The user edited since the last load; until then new saved values replace the picker's.
    property bool touched: false

    title: qsTr("Expiry")
    field: "expiry"
    controller: key
    dirty: touched && picker.expires !== key.expires
    onSave: key.saveExpiry(picker.expires)
    onRevert: showSaved()

    Connections {
        target: section.key
        function onKeyChanged() {
            if (!section.touched)
                section.showSaved();
        }
        function onSaved(field: string) {
            if (field === "expiry")
                section.showSaved();
        }
    }
    Component.onCompleted: showSaved()

    // The headline is relative ("in 29 days", "3 days ago"); its own source strings, as a language
    // words it differently from a date ("Läuft am 26.12. ab" but "Läuft in 29 Tagen ab").
    // Always there ("Never expires" too): the card keeps its height when the expiry is removed.
    Label {
        objectName: "expiry-headline"
        text: section.key.expires === 0 ? qsTr("Never expires", "the expiry card's summary of a key without expiry")
              : section.key.expires < Date.now()
                ? qsTr("Expired %1", "%1 is a relative time: '3 days ago'").arg(section.format ? section.format.relative(section.key.expires) : "")
                : qsTr("Expires %1", "%1 is a relative time: 'in 29 days'").arg(section.format ? section.format.relative(section.key.expires) : "")
        font.pixelSize: 16
    }
    ExpiryPicker {
        id: picker
        format: section.format
        onEdited: section.touched = true
        onAccepted: if (section.dirty) section.save()
    }
}
