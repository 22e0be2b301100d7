import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ListFooter and ListPlaceholder, alone and under a real paged list (ApisModel against the
// in-process server, one row per page): "Load more" fetches the next page for keyboard users,
// a spinner shows while a page loads, at the end only "Oldest first" under a list in creation
// order (not under the audit log), nothing after a failure; the placeholder spins while the
// first page loads and otherwise says what to do.
Item {
    id: root
    width: 800
    height: 600

    ListFooter {
        id: footer
        width: 400
        loading: false
        hasMore: false
        failed: false
        count: 0
    }

    ListPlaceholder {
        id: placeholder
        y: 100
        width: 400
        title: "No APIs yet"
        hint: "Create one with “New API”."
    }

    ApisModel {
        id: apis
        client: testSession.client
        pageSize: 1
    }

    // No view: nothing but the button asks for the next page (a ListView fetches by itself).
    ListFooter {
        id: pagedFooter
        y: 250
        width: 400
        pagedModel: apis
    }

    // As a view's footer it follows the view's model without being told.
    ListView {
        id: view
        x: 420
        width: 300
        height: 100
        model: ApisModel {
            id: viewApis
            client: testSession.client
        }
        delegate: Label {
            required property string name
            text: name
        }
        footer: ListFooter {}
    }

    // The audit log is newest first: its footer says nothing about the order.
    ListFooter {
        id: auditFooter
        y: 350
        width: 400
        pagedModel: AuditLogModel {
            id: audit
            client: testSession.client
        }
    }

    SignalSpy {
        id: loadMore
        target: footer
        signalName: "loadMore"
    }

    TestCase {
        name: "ListFooter"
        when: windowShown

        function initTestCase() {
            // One after the other (each on the previous one's answer): their order of creation.
            const names = ["footer-one", "footer-two", "footer-three"];
            let answers = 0;
            const createNext = () => {
                if (answers < names.length)
                    testSession.client.call("apis.createApi", { name: names[answers] }, () => { ++answers; createNext(); });
            };
            createNext();
            tryVerify(() => answers === 3, H.answerTimeout);
            apis.refresh(); // its first page may predate them
        }

        function init() {
            footer.loading = false;
            footer.hasMore = false;
            footer.failed = false;
            footer.count = 0;
            footer.orderHint = "";
            loadMore.clear();
        }

        function busy(item) {
            return H.find(item, node => node.running !== undefined && node.visible);
        }

        function test_hiddenAtTheEndAndWhenEmpty() {
            verify(!footer.visible);
            compare(footer.implicitHeight, 0);
            footer.hasMore = true;
            verify(!footer.visible, "an empty list shows its placeholder, not a footer");
            footer.count = 3;
            verify(footer.visible);
            footer.failed = true;
            verify(!footer.visible, "no endless retries after a failure");
        }

        function test_saysTheOrderUnderTwoOrMoreRows() {
            footer.orderHint = "Oldest first";
            const hint = H.byText(footer, "Oldest first");
            verify(hint);
            footer.count = 1;
            verify(!footer.visible, "one row has no order to speak of");
            footer.count = 2;
            verify(footer.visible && hint.visible);
            verify(footer.implicitHeight >= hint.implicitHeight);
            verify(!H.byText(footer, "Load more").visible, "the end of the list: no button");
            footer.hasMore = true;
            verify(H.byText(footer, "Load more").visible && hint.visible, "the button and the order");
            verify(hint.y >= 48, "under the button");
            footer.failed = true;
            verify(!footer.visible, "a failed list says why elsewhere");
        }

        function test_auditLogSaysNoOrder() {
            compare(audit.creationOrder, false);
            compare(auditFooter.orderHint, "");
            audit.refresh(); // its first page may predate the APIs of initTestCase()
            tryVerify(() => !audit.loading && audit.count >= 3, H.answerTimeout);
            verify(!auditFooter.showsOrder);
            verify(!H.find(auditFooter, node => node.objectName === "list-order").visible);
            compare(auditFooter.visible, audit.hasMore, "only a Load more button (a shared server may have many rows)");
        }

        function test_loadMoreButton() {
            footer.count = 5;
            footer.hasMore = true;
            const button = H.byText(footer, "Load more");
            verify(button && button.visible);
            mouseClick(button);
            compare(loadMore.count, 1);
        }

        function test_spinnerWhileLoading() {
            footer.count = 5;
            footer.hasMore = true;
            footer.loading = true;
            verify(footer.visible);
            verify(busy(footer), "a spinner");
            verify(!H.byText(footer, "Load more").visible, "no second request while one runs");
        }

        function test_placeholder() {
            placeholder.loading = true;
            verify(busy(placeholder));
            verify(!H.byText(placeholder, "No APIs yet").visible);
            placeholder.loading = false;
            verify(!busy(placeholder));
            verify(H.byText(placeholder, "No APIs yet").visible);
            verify(H.byText(placeholder, "Create one with “New API”.").visible);
            placeholder.hint = "";
            verify(!H.find(placeholder, node => node.text === "" && node.visible && node.wrapMode !== undefined),
                   "no empty hint line");
        }

        function test_followsItsViewsModel() {
            tryVerify(() => view.footerItem !== null, 5000);
            compare(view.footerItem.pagedModel, viewApis);
            tryVerify(() => !viewApis.loading && viewApis.count > 0, H.answerTimeout);
            compare(view.footerItem.count, viewApis.count);
            compare(view.footerItem.hasMore, viewApis.hasMore);
        }

        function test_pagesFetchThroughTheButton() {
            tryVerify(() => apis.count === 1 && !apis.loading, H.answerTimeout);
            verify(apis.hasMore, "at least 4 APIs, one per page");
            const button = H.byText(pagedFooter, "Load more");
            verify(pagedFooter.visible && button.visible);
            mouseClick(button);
            tryCompare(apis, "count", 2, H.answerTimeout);
            // To the last page: then the footer goes away.
            for (let page = 0; page < 100 && apis.hasMore; ++page) {
                const before = apis.count;
                tryVerify(() => button.visible, H.answerTimeout);
                mouseClick(button);
                tryVerify(() => apis.count > before || !apis.hasMore, H.answerTimeout);
            }
            verify(!apis.hasMore);
            verify(apis.count >= 4);
            // At the end the button goes; the order stays, and it is the order of creation.
            tryVerify(() => !H.byText(pagedFooter, "Load more").visible, H.answerTimeout);
            compare(apis.creationOrder, true);
            verify(pagedFooter.visible);
            verify(H.byText(pagedFooter, "Oldest first").visible);
            const names = [];
            for (let row = 0; row < apis.count; ++row)
                names.push(apis.rowObject(row).name);
            const created = names.filter(name => name.startsWith("footer-"));
            compare(created, ["footer-one", "footer-two", "footer-three"]);
        }
    }
}
