import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Set (create or replace) a rate-limit override: identifier (wildcards allowed), limit and window
// with units. `saved(identifier, limit, durationMs)` on OK.
Dialog {
    id: dialog

    signal saved(string identifier, int limit, double durationMs)

    function openFor(identifier, limit, durationMs) {
        identifierField.text = identifier;
        limitField.value = limit;
        const units = [86400000, 3600000, 60000, 1000];
        let unit = 3;
        for (let i = 0; i < units.length; ++i) {
            if (durationMs % units[i] === 0) {
                unit = i;
                break;
            }
        }
        unitBox.currentIndex = unit;
        amountField.value = Math.max(1, durationMs / units[unit]);
        open();
    }

    title: qsTr("Set override")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(500, (Overlay.overlay ? Overlay.overlay.width : 500) - 48)
    onOpened: identifierField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        FormField {
            label: qsTr("Identifier")
            hint: qsTr("An exact identifier, or a pattern with * — “admin_*”, “*_test”, “*premium*”.")
            TextField {
                id: identifierField
                Layout.fillWidth: true
                selectByMouse: true
                Accessible.name: qsTr("Identifier or pattern")
            }
        }
        FormField {
            label: qsTr("Limit")
            hint: qsTr("Requests allowed per window; 0 blocks every matching identifier.")
            SpinBox {
                id: limitField
                from: 0
                to: 1000000
                editable: true
                Accessible.name: qsTr("Limit")
            }
        }
        FormField {
            label: qsTr("Window")
            RowLayout {
                SpinBox {
                    id: amountField
                    from: 1
                    to: 100000
                    value: 1
                    editable: true
                    Accessible.name: qsTr("Window length")
                }
                ComboBox {
                    id: unitBox
                    model: [qsTr("days"), qsTr("hours"), qsTr("minutes"), qsTr("seconds")]
                    currentIndex: 2
                    Accessible.name: qsTr("Window unit")
                }
            }
        }
    }
    // Roles as Dialog.*Role: the same enum, which Qt 6.4's qmltypes declare on Dialog only.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
        Button {
            text: qsTr("Save")
            highlighted: true
            enabled: identifierField.text.trim() !== ""
            DialogButtonBox.buttonRole: Dialog.AcceptRole
        }
    }
    onAccepted: {
        const units = [86400000, 3600000, 60000, 1000];
        saved(identifierField.text.trim(), limitField.value, amountField.value * units[unitBox.currentIndex]);
    }
}
