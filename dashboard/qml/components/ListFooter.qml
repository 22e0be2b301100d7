import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The footer of a paged list: a spinner while a page loads, a "Load more" button when the server
// has more (views also fetch on scrolling; the button is for keyboard users), nothing otherwise.
Item {
    id: footer

    required property bool loading
    required property bool hasMore
    required property bool failed
    property int count: 0

    signal loadMore()

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: visible ? 48 : 0
    visible: loading || (hasMore && !failed && count > 0)

    BusyIndicator {
        anchors.centerIn: parent
        running: footer.loading
        visible: footer.loading
        height: 36
        Accessible.name: qsTr("Loading more")
    }
    Button {
        anchors.centerIn: parent
        visible: !footer.loading && footer.hasMore
        text: qsTr("Load more")
        flat: true
        onClicked: footer.loadMore()
    }
}
