import QtQuick
import QtQuick.Layouts
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// NamedItemList's empty state, as the Permissions & roles page shows two of them side by side:
// their titles on one line although one hint wraps into more lines than the other.
Item {
    id: root
    width: 1000
    height: 700

    // An empty list as a PagedListModel looks to the panel: no rows, nothing loading, no search.
    component EmptyModel: ListModel {
        property bool loading: false
        property bool failed: false
        property bool hasMore: false
        property bool creationOrder: true
        property string errorDetail
        property string search
        function refresh() {}
    }

    RowLayout {
        anchors.fill: parent
        NamedItemList {
            id: longHint
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true
            listModel: EmptyModel {}
            heading: "Permissions"
            searchPlaceholder: "Search permissions"
            createText: "New permission"
            createMissing: ""
            deleteMissing: ""
            emptyTitle: "No permissions yet"
            emptyHint: "A permission is a slug like “documents.read” that keys or roles grant; verifications can demand it. "
                       + "This hint is made long enough to wrap into several lines in any font."
            primary: row => ""
            secondary: row => ""
        }
        NamedItemList {
            id: shortHint
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true
            listModel: EmptyModel {}
            heading: "Roles"
            searchPlaceholder: "Search roles"
            createText: "New role"
            createMissing: ""
            deleteMissing: ""
            emptyTitle: "No roles yet"
            emptyHint: "A role bundles permissions."
            primary: row => ""
            secondary: row => ""
        }
    }

    TestCase {
        name: "NamedItemList"
        when: windowShown

        function title(panel) {
            const found = H.find(panel, item => item.objectName === "placeholder-title" && item.visible);
            verify(found, "no empty-state title in " + panel.heading);
            return found;
        }

        function test_emptyTitlesSideBySideShareTheirLine() {
            const left = title(longHint);
            const right = title(shortHint);
            tryVerify(() => left.height > 0 && right.height > 0);
            const hintOf = panel => H.find(panel, item => item.text === panel.emptyHint && item.visible);
            verify(hintOf(longHint).lineCount > hintOf(shortHint).lineCount,
                   "the test needs hints of different line counts");
            compare(left.mapToItem(root, 0, 0).y, right.mapToItem(root, 0, 0).y);
        }
    }
}
