import QtQuick
import QtQuick.Controls

// The footer of a paged list: a spinner while a page loads, a "Load more" button when the server
// has more (views also fetch on scrolling; the button is for keyboard users), and under a list of
// two or more rows in creation order a quiet "Oldest first" (ids are time-ordered, so lists paged
// by id are oldest first; the audit log is not). Nothing for an empty or failed list.
// As a ListView's footer it follows that view's model (a PagedListModel) by itself, so the footer
// names no id outside it (Qt 6.4's qmllint cannot follow ids into a footer or delegate).
Item {
    id: footer

    /// The PagedListModel (loading, hasMore, failed, count, creationOrder, loadMore()): by default
    /// the model of the ListView this is the footer of.
    property var pagedModel: ListView.view ? ListView.view.model : null
    property bool loading: pagedModel ? pagedModel.loading && pagedModel.count > 0 : false
    property bool hasMore: pagedModel ? pagedModel.hasMore : false
    property bool failed: pagedModel ? pagedModel.failed : false
    property int count: pagedModel ? pagedModel.count : 0
    /// What order the rows are in ("" to say nothing).
    property string orderHint: pagedModel && pagedModel.creationOrder
                               ? qsTr("Oldest first", "order of a list's rows") : ""

    /// The "Load more" button (a list that orders its Tab stops itself passes the focus to it).
    readonly property alias loadMoreButton: loadMore
    /// "Load more" was pressed (the pagedModel, if any, is already asked for the next page).
    signal loadMore()

    readonly property bool fetching: loading || (hasMore && !failed && count > 0)
    readonly property bool showsOrder: orderHint !== "" && count > 1 && !failed

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: (fetching ? 48 : 0) + (showsOrder ? orderLabel.implicitHeight + 12 : 0)
    visible: fetching || showsOrder

    Item {
        id: fetchRow
        width: parent.width
        height: footer.fetching ? 48 : 0

        BusyIndicator {
            anchors.centerIn: parent
            running: footer.loading
            visible: footer.loading
            height: 36
            Accessible.name: qsTr("Loading more")
        }
        FocusButton {
            id: loadMore
            anchors.centerIn: parent
            visible: footer.fetching && !footer.loading && footer.hasMore
            text: qsTr("Load more")
            flat: true
            onClicked: {
                if (footer.pagedModel)
                    footer.pagedModel.loadMore();
                footer.loadMore();
            }
        }
    }
    Label {
        id: orderLabel
        objectName: "list-order"
        y: fetchRow.height + 6
        width: parent.width
        visible: footer.showsOrder
        text: footer.orderHint
        opacity: 0.6
        font.pointSize: 9
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
    }
}
