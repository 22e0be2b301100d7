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
        id: table
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
            apiId: "api_1"
            badges: ["active"]
            expires: 0
            hasCreditLimit: false
            creditsRemaining: undefined
            lowCreditsAt: 0
            refillAmount: 0
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
            apiId: "api_2"
            apiName: "An API with a name far too long for its column in the table"
            badges: ["disabled", "expired", "lowCredits", "rateLimited", "replaced"]
            expires: Date.now() + 7200000
            hasCreditLimit: true
            creditsRemaining: 123456789
            lowCreditsAt: 10
            refillAmount: 0
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

        // Lined up in every frame too: nothing in a row (the status badges) takes its new width
        // before the layouts give the new widths to the titles and the cells (a Status cell stood
        // 163 px wide under a 160 px title until the layouts caught up).
        function test_withoutOwnerStillLinedUp() {
            // Lined up first: the test before (by name) resizes the table as it ends, and the
            // lines' layouts take a new width each in its own frame; compared before they had, the
            // check below saw the last test's half-done layout (163 vs 166 px, under load in CI).
            const lines = () => [header, plain, busy].map(line => JSON.stringify(columnsOf(line)));
            tryVerify(() => {
                const all = lines();
                return all[1] === all[0] && all[2] === all[0];
            }, 5000, "lined up before: " + lines().join(" / "));
            header.showOwner = false;
            plain.showOwner = false;
            busy.showOwner = false;
            compare(JSON.stringify(columnsOf(busy)), JSON.stringify(columnsOf(header)), "before the layouts ran");
            waitForRendering(root);
            const columns = columnsOf(header);
            compare(columns.length, 6);
            compare(JSON.stringify(columnsOf(busy)), JSON.stringify(columns));
            header.showOwner = true;
            plain.showOwner = true;
            busy.showOwner = true;
        }

        // The owner page's table: an "API" column where the owner's is (issue 4, J12), lined up,
        // the API's name cut with its tooltip, its id while the name is not known.
        function test_apiColumnLinedUp() {
            for (const line of [header, plain, busy]) {
                line.showOwner = false;
                line.showApi = true;
                line.selectable = false;
            }
            // The layouts take the shown column in a later frame, each in its own.
            const lines = () => [header, plain, busy].map(line => JSON.stringify(columnsOf(line)));
            try {
                tryVerify(() => {
                    const all = lines();
                    return columnsOf(header).length === 6 && all[1] === all[0] && all[2] === all[0]
                           && H.find(header, item => item.text === "API").x > 0;
                }, 5000, "lined up: " + lines().join(" / "));
                compare(H.find(plain, item => item.objectName === "key-row-api").text, "api_1");
                const cut = H.find(busy, item => item.objectName === "key-row-api");
                tryVerify(() => cut.truncated, 5000, "the long API name is cut at " + cut.width + " px");
                compare(cut.ToolTip.text, busy.apiName);
            } finally {
                for (const line of [header, plain, busy]) {
                    line.showOwner = true;
                    line.showApi = false;
                    line.selectable = true;
                }
                // Settled back for the next test, which compares with where the columns stand.
                tryVerify(() => {
                    const all = lines();
                    return columnsOf(header).length === 7 && all[1] === all[0] && all[2] === all[0]
                           && columnsOf(header)[1].startsWith(String(Math.round(header.columns.check + 8 + 16))); // KeyColumns.spacing
                }, 5000, "back: " + lines().join(" / "));
            }
        }

        // W7 J25: a long name keeps its distinguishing end (cut in the middle), and hovering its
        // row shows it whole.
        function test_longNameCutInTheMiddleWithTooltip() {
            waitForRendering(root);
            const label = H.find(busy, item => item.objectName === "key-row-name");
            verify(label);
            tryVerify(() => label.truncated, 5000, "the long name is cut at " + label.width + " px");
            compare(label.elide, Text.ElideMiddle);
            verify(!label.ToolTip.visible);
            mouseMove(label, 10, label.height / 2);
            tryVerify(() => label.ToolTip.visible, 5000, "hovering the row of a cut name shows the tooltip");
            compare(label.ToolTip.text, busy.name);
            mouseMove(root, 5, root.height - 5);
            tryVerify(() => !label.ToolTip.visible, 5000);
            // A name that fits gets no tooltip.
            const fitting = H.find(plain, item => item.objectName === "key-row-name");
            mouseMove(fitting, 2, fitting.height / 2);
            wait(100);
            verify(!fitting.ToolTip.visible);
        }

        // The walkthrough saw "sk_live_EwHn…" elided while the name had 450 px to spare. At the
        // table widths of a 1024, 1280 and 1600 px window (the sidebar takes the rest): the
        // typical start is whole, the name is the widest column (from 1280 px on), nothing leaves
        // the table.
        function test_widthsShareSensibly_data() {
            return [{tag: "1024", width: 780}, {tag: "1280", width: 1036}, {tag: "1600", width: 1356}];
        }
        function test_widthsShareSensibly(data) {
            table.width = data.width;
            plain.start = "sk_live_EwHn";
            // The layout takes the new widths in the frame after the one that resized it: the name's
            // too (the start's may be the same at two widths).
            tryVerify(() => Math.round(H.find(plain, item => item.text === "sk_live_EwHn…").width) === plain.columns.start
                      && Math.round(H.find(plain, item => item.objectName === "key-row-name").width) === plain.columns.name
                      && Math.round(H.find(header, item => item.text === "Start").width) === header.columns.start, 5000);
            const startLabel = H.find(plain, item => item.text === "sk_live_EwHn…");
            verify(startLabel);
            verify(!startLabel.truncated, "the start is elided at " + data.width + " px: " + startLabel.width);
            const widths = columnsOf(plain).map(column => Number(column.split(":")[1]));
            const name = widths[1];
            verify(name >= 100, JSON.stringify(widths));
            for (let i = 2; i < widths.length && data.width > 1000; ++i)
                verify(name >= widths[i], "name " + name + " narrower than column " + i + ": " + JSON.stringify(widths));
            // W7 J25: names were cut while the Status column had room to spare.
            if (data.width > 1000)
                verify(plain.columns.name >= 1.5 * plain.columns.status,
                       "the name does not get the spare room: " + JSON.stringify(plain.columns));
            const layout = plain.contentItem;
            const last = layout.children[layout.children.length - 1];
            verify(last.x + last.width <= layout.width + 0.5, "the last column ends at " + (last.x + last.width)
                   + " in " + layout.width);
            compare(JSON.stringify(columnsOf(plain)), JSON.stringify(columnsOf(header)));
            // The longest start (a 16-character prefix) is whole once the window is wide.
            if (data.width >= 1300) {
                plain.start = "abcdefghijklmnop_EwHn";
                waitForRendering(root);
                tryVerify(() => H.find(plain, item => item.text === "abcdefghijklmnop_EwHn…") !== null, 5000);
                verify(!H.find(plain, item => item.text === "abcdefghijklmnop_EwHn…").truncated);
            }
            table.width = 900;
            plain.start = "sk_1";
        }
    }
}
