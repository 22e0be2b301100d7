import QtQuick
import QtQuick.Controls

// A list that is the page: what stands above the rows (the charts, at the height they need) is
// its header and scrolls away with them, one scroll bar for all, never a box of charts that
// scrolls by itself. It is in the Tab chain, and the arrows move the current row there.
ListView {
    id: view

    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    // No current row until the keyboard comes in: the list would scroll a current row into view
    // when it loads, past the charts above it.
    currentIndex: -1
    activeFocusOnTab: true
    keyNavigationEnabled: true
    onActiveFocusChanged: if (activeFocus && count > 0 && currentIndex < 0) currentIndex = 0
    // A ListView keeps its first row in place when the header above it grows (the charts reached
    // their height), which scrolled the charts out of view: this one keeps its distance from the
    // top instead, as a page does.
    property real fromTop: 0
    property bool keepingPlace: false
    onContentYChanged: if (!keepingPlace) fromTop = contentY - originY
    onOriginYChanged: {
        keepingPlace = true;
        contentY = originY + fromTop;
        keepingPlace = false;
        if (followingCurrent)
            showCurrentRow();
    }

    /// How far down something pinned over the rows covers them (the keys page's selection bar and
    /// column titles): Up and Down keep the current row whole below it.
    property real coveredTop: 0
    // The arrows scroll the current row into the free part of the list themselves: the view's own
    // following of its current item stops at any assignment to contentY (the one above, whenever
    // the origin moves as rows are made), which left the row below the bottom; and it knows
    // nothing of what is pinned over the rows, so going up it left the row under the bar.
    Keys.onUpPressed: {
        decrementCurrentIndex();
        followingCurrent = true;
        showCurrentRow();
    }
    Keys.onDownPressed: {
        incrementCurrentIndex();
        followingCurrent = true;
        showCurrentRow();
    }
    /// From an arrow until the list is moved by hand: the rows made and laid out as it scrolls
    /// move the origin and the current row's place (a row ended up cut by the bottom edge), so
    /// the row is brought into sight again whenever either moves.
    property bool followingCurrent: false
    onMovementStarted: followingCurrent = false
    Connections {
        target: view.followingCurrent ? view.currentItem : null
        function onYChanged() {
            view.showCurrentRow();
        }
    }
    property bool showingCurrent: false
    /// Scrolls (as little as it takes) so that the current row stands whole between
    /// `coveredTop` and the list's bottom.
    function showCurrentRow(): void {
        if (showingCurrent)
            return;
        showingCurrent = true;
        // Scrolling makes rows, which may move the origin and the row again: until it holds.
        for (let pass = 0; pass < 3 && currentItem; ++pass) {
            const top = currentItem.y - contentY;
            let next = contentY;
            if (top < coveredTop)
                next = currentItem.y - coveredTop;
            else if (top + currentItem.height > height)
                next = currentItem.y + currentItem.height - height;
            next = Math.max(originY, Math.min(next, originY + contentHeight - height));
            if (Math.abs(next - contentY) < 0.5)
                break;
            contentY = next;
        }
        showingCurrent = false;
    }
}
