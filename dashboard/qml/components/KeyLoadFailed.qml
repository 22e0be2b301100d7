import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The key page when its key did not load. A key that is not there (any more: a deleted key's link
// in a top list) is said here, and not in the window's banner too; trying again would only fail
// again, so the way out is Back. Other failures (the server unreachable, an error) offer Try again.
ColumnLayout {
    id: failed

    required property KeyDetailController key
    /// Whether there is a page to go back to.
    property bool canGoBack: false
    readonly property alias backButton: notFoundBack
    signal backClicked()

    objectName: "key-load-failed"
    visible: !key.loaded && !key.loading && key.client !== null
    spacing: 12
    Label {
        Layout.alignment: Qt.AlignHCenter
        text: failed.key.deleted ? qsTr("This key was deleted.") : failed.key.loadError
        font.pixelSize: 18
    }
    FocusButton {
        objectName: "key-load-retry"
        Layout.alignment: Qt.AlignHCenter
        visible: !failed.key.deleted && !failed.key.notFound
        text: qsTr("Try again")
        onClicked: failed.key.reload()
    }
    FocusButton {
        id: notFoundBack
        objectName: "key-not-found-back"
        Layout.alignment: Qt.AlignHCenter
        visible: failed.key.notFound && failed.canGoBack
        text: qsTr("Back")
        highlighted: true
        onClicked: failed.backClicked()
    }
}
