import QtQuick
import QtQuick.Controls

// The footer of a paged list: a spinner while a page loads, a "Load more" button when the server
// has more (views also fetch on scrolling; the button is for keyboard users), nothing otherwise.
// As a ListView's footer it follows that view's model (a PagedListModel) by itself, so the footer
// names no id outside it (Qt 6.4's qmllint cannot follow ids into a footer or delegate).
Item {
    id: footer

    /// The PagedListModel (loading, hasMore, failed, count, loadMore()): by default the model of
    /// the ListView this is the footer of.
    property var pagedModel: ListView.view ? ListView.view.model : null
    property bool loading: pagedModel ? pagedModel.loading && pagedModel.count > 0 : false
    property bool hasMore: pagedModel ? pagedModel.hasMore : false
    property bool failed: pagedModel ? pagedModel.failed : false
    property int count: pagedModel ? pagedModel.count : 0

    /// "Load more" was pressed (the pagedModel, if any, is already asked for the next page).
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
        onClicked: {
            if (footer.pagedModel)
                footer.pagedModel.loadMore();
            footer.loadMore();
        }
    }
}
