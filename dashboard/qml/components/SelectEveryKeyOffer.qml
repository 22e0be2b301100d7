import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The Keys page's offer to select every key, not only the loaded rows: shown in the bulk bar
// (the header's box selects the loaded rows; more keys wait on pages not loaded yet). "Select all
// N keys" loads the remaining pages and selects them, with a spinner and Cancel. It lives in the
// bar that is always there, so appearing it moves no row under the pointer.
RowLayout {
    id: offer

    required property KeysModel keysModel
    required property Formatter format
    /// The API's key count as the APIs list showed it (-1: not known).
    property int keyCount: -1
    /// False while something else needs the room (a bulk operation runs).
    property bool allowed: true

    readonly property bool shown: keysModel.selectingAll
                                  || (allowed && keysModel.hasMore && keysModel.count > 0 && keysModel.selectedCount === keysModel.count)

    objectName: "selectEveryKeyBar"
    visible: shown
    spacing: 8

    // Short, and on up to two lines within the buttons' height: the bar beside it is full of
    // buttons (in German it was cut to "Alle 50 geladenen Sc…"). The whole sentence in the tooltip.
    Label {
        objectName: "selectEveryKeyNote"
        Layout.fillWidth: true
        Layout.minimumWidth: 0
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        text: offer.keysModel.selectingAll
              ? qsTr("Selecting every key… %1 selected so far.").arg(offer.format.number(offer.keysModel.selectedCount))
              : qsTr("Only the %n loaded key(s)", "the selection: not the keys of pages not loaded", offer.keysModel.selectedCount)
        ToolTip.visible: hover.showsTip && (truncated || !offer.keysModel.selectingAll)
        ToolTip.text: offer.keysModel.selectingAll ? text
            : qsTr("All %n loaded key(s) are selected; the list has more.", "", offer.keysModel.selectedCount)
        ToolTip.delay: 300
        TipHover {
            id: hover
        }
    }
    BusyIndicator {
        running: offer.keysModel.selectingAll
        visible: running
        Layout.preferredWidth: 28
        Layout.preferredHeight: 28
    }
    FocusButton {
        objectName: "selectEveryKey"
        visible: !offer.keysModel.selectingAll
        flat: true
        text: offer.keyCount > offer.keysModel.count ? qsTr("Select all %n key(s)", "", offer.keyCount)
                                                : qsTr("Select all keys")
        onClicked: offer.keysModel.selectEveryKey()
    }
    FocusButton {
        objectName: "selectEveryKeyCancel"
        visible: offer.keysModel.selectingAll
        flat: true
        text: qsTr("Cancel")
        Accessible.name: qsTr("Stop selecting keys")
        onClicked: offer.keysModel.cancelSelectEveryKey()
    }
}
