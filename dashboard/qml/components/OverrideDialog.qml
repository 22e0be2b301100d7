import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Set (create or replace) a rate-limit override: identifier (wildcards allowed), limit and window
// with units. `saved(identifier, limit, durationMs)` on OK. openForNamespace() asks for a new
// namespace's name too (`namespaceName`); its first override is optional then (identifier "").
Dialog {
    id: dialog

    /// True while the dialog creates a namespace (set by openForNamespace()).
    property bool newNamespace: false
    /// The new namespace's name (trimmed), when newNamespace.
    readonly property string namespaceName: namespaceField.text.trim()

    signal saved(string identifier, int limit, double durationMs)

    /// A new namespace, with an optional first override (default: every identifier, "*").
    function openForNamespace() {
        newNamespace = true;
        namespaceField.text = "";
        setFields("*", 10, 60000);
        open();
    }

    function openFor(identifier, limit, durationMs) {
        newNamespace = false;
        setFields(identifier, limit, durationMs);
        open();
    }

    function setFields(identifier, limit, durationMs) {
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
    }

    title: newNamespace ? qsTr("New namespace") : qsTr("Set override")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(500, (Overlay.overlay ? Overlay.overlay.width : 500) - 48)
    onOpened: (newNamespace ? namespaceField : identifierField).forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        FormField {
            visible: dialog.newNamespace
            label: qsTr("Namespace")
            hint: qsTr("The name your ratelimit.limit calls use, e.g. “email” or “uploads”.")
            TextField {
                id: namespaceField
                objectName: "namespaceField"
                Layout.fillWidth: true
                selectByMouse: true
                Accessible.name: qsTr("Namespace name")
            }
        }
        FormField {
            label: qsTr("Identifier")
            hint: dialog.newNamespace
                  ? qsTr("Optional first override: * matches every identifier; leave empty for none.")
                  : qsTr("An exact identifier, or a pattern with * — “admin_*”, “*_test”, “*premium*”.")
            TextField {
                id: identifierField
                objectName: "identifierField"
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
            objectName: "saveButton"
            enabled: dialog.newNamespace ? dialog.namespaceName !== "" : identifierField.text.trim() !== ""
            DialogButtonBox.buttonRole: Dialog.AcceptRole
        }
    }
    onAccepted: {
        const units = [86400000, 3600000, 60000, 1000];
        saved(identifierField.text.trim(), limitField.value, amountField.value * units[unitBox.currentIndex]);
    }
}
