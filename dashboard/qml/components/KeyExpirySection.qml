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

    // The card's one line about its expiry (walkthrough 22 X4: "Expires in 7 days" above "Expires
    // 12/4/26 9:10 PM (in 7 days)" said it twice, and "Never expires" above a new date read as a
    // contradiction): the saved expiry, or while edited what saving will make of it. The date is
    // in the fields below, so the picker's own line is left out. Relative ("in 29 days", "3 days
    // ago"), with source strings of its own, as a language words it differently from a date
    // ("Läuft am 26.12. ab" but "Läuft in 29 Tagen ab"). Always there ("Never expires" too): the
    // card keeps its height when the expiry is removed.
    Label {
        objectName: "expiry-headline"
        Layout.fillWidth: true
        text: section.dirty ? section.draftLine(picker.expires) : section.savedLine(section.key.expires)
        font.pixelSize: 16
        wrapMode: Text.Wrap
    }
    /// The formatter's `now`: a binding that calls these functions follows the time with it.
    function now(): real {
        return section.format ? section.format.now : Date.now();
    }
    function relative(expires: real): string {
        return section.format ? section.format.relative(expires, section.format.now) : "";
    }
    function savedLine(expires: real): string {
        return expires === 0 ? qsTr("Never expires", "the expiry card's summary of a key without expiry")
             : expires < section.now() ? qsTr("Expired %1", "%1 is a relative time: '3 days ago'").arg(relative(expires))
             : qsTr("Expires %1", "%1 is a relative time: 'in 29 days'").arg(relative(expires));
    }
    function draftLine(expires: real): string {
        return expires === 0 ? qsTr("After saving: never expires", "the expiry card's summary of an unsaved change")
             : expires < section.now() ? qsTr("After saving: expired %1", "%1 is a relative time: '3 days ago'").arg(relative(expires))
             : qsTr("After saving: expires %1", "%1 is a relative time: 'in 29 days'").arg(relative(expires));
    }
    ExpiryPicker {
        id: picker
        format: section.format
        summaryShown: false
        onEdited: section.touched = true
        onAccepted: if (section.dirty) section.save()
    }
}
