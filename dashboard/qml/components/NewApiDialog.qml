import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// "New API" (the APIs page, and the issue dialog of a workspace without an API): a name of 3 to
// 256 characters, created through `apiList`. Esc and Cancel ask before discarding a typed name; a
// refused one brings the dialog back with it and the server's answer (FormDialog). What follows
// `apiList.created(apiId)` is the holder's: the APIs page opens the new API, the issue dialog
// chooses it.
FormDialog {
    id: dialog

    /// Where the API is created (its createFailed() brings the dialog back).
    property ApisModel apiList
    /// The name last sent.
    property string createdName

    objectName: "api-dialog"
    title: qsTr("New API")
    modified: nameField.text.trim() !== ""
    discardTitle: qsTr("Discard this API's name?")
    acceptName: "api-create"
    canAccept: nameField.text.trim().length >= 3
    answerField: nameField
    anchors.centerIn: Overlay.overlay
    width: Math.min(440, (Overlay.overlay ? Overlay.overlay.width : 440) - 48)
    onStarted: {
        nameField.text = "";
        nameField.forceActiveFocus();
    }
    onAccepted: {
        createdName = nameField.text.trim();
        apiList.create(createdName);
    }

    Connections {
        target: dialog.apiList
        function onCreateFailed(result: var) {
            dialog.refused(result);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        FormField {
            label: qsTr("Name")
            hint: qsTr("3 to 256 characters, e.g. “billing-service”.")
            error: dialog.serverError
            TextField {
                id: nameField
                objectName: "apiNameField"
                Layout.fillWidth: true
                selectByMouse: true
                Accessible.name: qsTr("API name")
            }
        }
    }
}
