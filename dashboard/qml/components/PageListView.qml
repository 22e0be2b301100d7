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
    }
}
