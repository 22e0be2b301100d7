import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ListFooter and ListPlaceholder, alone and under a real paged list (ApisModel against the
// in-process server, one row per page): "Load more" fetches the next page for keyboard users,
// a spinner shows while a page loads, nothing shows at the end or after a failure; the
// placeholder spins while the first page loads and otherwise says what to do.
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

    SignalSpy {
        id: loadMore
        target: footer
        signalName: "loadMore"
    }

    TestCase {
        name: "ListFooter"
        when: windowShown

        function initTestCase() {
            let answers = 0;
            for (const name of ["footer-one", "footer-two", "footer-three"])
                testSession.client.call("apis.createApi", { name: name }, () => ++answers);
            tryVerify(() => answers === 3, 15000);
            apis.refresh(); // its first page may predate them
        }

        function init() {
            footer.loading = false;
            footer.hasMore = false;
            footer.failed = false;
            footer.count = 0;
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
            tryVerify(() => !viewApis.loading && viewApis.count > 0, 15000);
            compare(view.footerItem.count, viewApis.count);
            compare(view.footerItem.hasMore, viewApis.hasMore);
        }

        function test_pagesFetchThroughTheButton() {
            tryVerify(() => apis.count === 1 && !apis.loading, 15000);
            verify(apis.hasMore, "at least 4 APIs, one per page");
            const button = H.byText(pagedFooter, "Load more");
            verify(pagedFooter.visible && button.visible);
            mouseClick(button);
            tryCompare(apis, "count", 2, 15000);
            // To the last page: then the footer goes away.
            for (let page = 0; page < 100 && apis.hasMore; ++page) {
                const before = apis.count;
                tryVerify(() => button.visible, 15000);
                mouseClick(button);
                tryVerify(() => apis.count > before || !apis.hasMore, 15000);
            }
            verify(!apis.hasMore);
            verify(apis.count >= 4);
            tryVerify(() => !pagedFooter.visible, 15000);
        }
    }
}
