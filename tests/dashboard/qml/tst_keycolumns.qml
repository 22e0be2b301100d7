import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// KeyTableHeader and KeyRow share KeyColumns.js: every column starts at the same x in the header
// and in every row, whatever a row holds (a long name, many badges, no owner), and a column does
// not move when a row's data changes (the walkthrough saw columns jump as rows loaded). The
// table is narrower than all columns' widths together: nothing may shrink to make room.
Item {
    id: root
    width: 900
    height: 400

    Column {
        width: 900
        KeyTableHeader {
            id: header
            width: parent.width
        }
        KeyRow {
            id: plain
            width: parent.width
            index: 0
            keyId: "key_1"
            name: "a"
            start: "sk_1"
            externalId: ""
            badges: ["active"]
            expires: 0
            hasCreditLimit: false
            creditsRemaining: undefined
            lastUsedAt: 0
            selected: false
            format: testSession.format
        }
        KeyRow {
            id: busy
            width: parent.width
            index: 1
            keyId: "key_2"
            name: "A production key with a very long name that does not fit in its column at all"
            start: "sk_live_abcdefgh"
            externalId: "customer_with_a_rather_long_external_identifier"
            badges: ["disabled", "expired", "lowCredits", "rateLimited", "replaced"]
            expires: Date.now() + 7200000
            hasCreditLimit: true
            creditsRemaining: 123456789
            lastUsedAt: Date.now() - 60000
            selected: true
            format: testSession.format
        }
    }

    TestCase {
        name: "KeyColumns"
        when: windowShown

        /// The x (in root) of each column's item of @p line: the direct children of its RowLayout.
        function columnsOf(line) {
            // A Pane holds its RowLayout in its content item; an ItemDelegate's content item is it.
            const layout = line === header ? header.contentItem.children[0] : line.contentItem;
            const xs = [];
            for (let i = 0; i < layout.children.length; ++i) {
                const item = layout.children[i];
                if (item.visible)
                    xs.push(Math.round(item.mapToItem(root, 0, 0).x) + ":" + Math.round(item.width));
            }
            return xs;
        }

        function test_headerAndRowsLineUp() {
            waitForRendering(root);
            const columns = columnsOf(header);
            compare(columns.length, 7, JSON.stringify(columns));
            compare(JSON.stringify(columnsOf(plain)), JSON.stringify(columns));
            compare(JSON.stringify(columnsOf(busy)), JSON.stringify(columns));
        }

        function test_columnsStayWhenDataChanges() {
            const before = JSON.stringify(columnsOf(plain));
            plain.name = "Now a much longer name than before, long enough to push the other columns";
            plain.badges = ["active", "expiring", "lowCredits", "rateLimited"];
            plain.hasCreditLimit = true;
            plain.creditsRemaining = 99999999999;
            waitForRendering(root);
            compare(JSON.stringify(columnsOf(plain)), before);
            plain.name = "a";
            plain.badges = ["active"];
            plain.hasCreditLimit = false;
        }

        function test_withoutOwnerStillLinedUp() {
            header.showOwner = false;
            plain.showOwner = false;
            busy.showOwner = false;
            waitForRendering(root);
            const columns = columnsOf(header);
            compare(columns.length, 6);
            compare(JSON.stringify(columnsOf(busy)), JSON.stringify(columns));
            header.showOwner = true;
            plain.showOwner = true;
            busy.showOwner = true;
        }
    }
}
