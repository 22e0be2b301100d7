import QtQuick

// Where the keyboard goes after a row of `view` was removed (Revoke, Delete): to the row that took
// its place (the next one), to the one before when it was the last, to `fallback` (the list's
// search field) when the list is empty. The row went with its button, and the focus with it: Tab
// started again from the window's top. The list reloads after a removal; the focus moves once the
// reloaded rows are there.
QtObject {
    id: mover

    required property ListView view
    /// Where the focus goes when no row is left; null: the view itself.
    property Item fallback: null
    /// The removed row's index, from removing() until the reloaded list has moved the focus.
    property int pendingIndex: -1
    property bool removed: false

    /// The row at @p index is to be removed (its confirmation said yes).
    function removing(index: int): void {
        pendingIndex = index;
        removed = false;
    }
    /// The server removed it (the model's removed() signal): the list is reloading.
    function done(): void {
        if (pendingIndex < 0)
            return;
        removed = true;
        settle();
    }
    function settle(): void {
        if (!removed || view.model.loading)
            return;
        const index = Math.min(pendingIndex, view.count - 1);
        pendingIndex = -1;
        removed = false;
        if (index < 0) {
            (fallback ? fallback : view).forceActiveFocus(Qt.TabFocusReason);
            return;
        }
        view.currentIndex = index;
        view.positionViewAtIndex(index, ListView.Contain);
        view.forceActiveFocus(Qt.TabFocusReason);
    }

    property Connections watcher: Connections {
        target: mover.view.model
        ignoreUnknownSignals: true
        function onLoadingChanged() {
            mover.settle();
        }
    }
}
