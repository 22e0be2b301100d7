import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// The Keys page's "Charts" toggle reads as on while the charts are shown: its text keeps the
// header's full contrast (Material's checked look drew it in a shade of the bar's indigo, as if
// disabled) and an underline under it says "on", in the light and the dark theme.
Item {
    id: root
    width: 1280
    height: 800

    ToolTipGuard {} // as Main.qml has

    Component {
        id: keysPage
        KeysPage {
            anchors.fill: parent
            session: testSession
        }
    }

    TestCase {
        name: "KeysChartsToggle"
        when: windowShown

        // Issue 4 (J17): a click before the tooltip came (it waits 600 ms for a still pointer)
        // had it come with the text of before the click ("Show charts" over shown charts), until
        // the pointer left. Whenever it shows after a click, it says what the next click does.
        function test_tooltipFollowsAClick() {
            testSession.settings.listCharts = false;
            try {
                const page = createTemporaryObject(keysPage, root, { apiId: testSample.apiId });
                verify(page);
                const toggle = findChild(page, "chartsToggle");
                verify(toggle);
                waitForRendering(page);
                const tip = toggle.ToolTip.toolTip;
                const tipOnToggle = () => tip.visible && tip.parent === toggle;
                // Clicked while the tooltip waits for its delay.
                mouseMove(toggle, toggle.width / 2, toggle.height / 2);
                mouseClick(toggle);
                verify(page.chartsShown);
                tryVerify(tipOnToggle, H.answerTimeout, "the tooltip comes");
                compare(tip.text, "Hide charts");
                // Clicked while it shows.
                mouseClick(toggle);
                verify(!page.chartsShown);
                tryVerify(() => !tipOnToggle() || tip.text === "Show charts", H.answerTimeout, tip.text);
                tryVerify(tipOnToggle, H.answerTimeout, "the tooltip stays or comes back");
                compare(tip.text, "Show charts");
            } finally {
                testSession.settings.listCharts = true;
                mouseMove(root, 1, root.height - 1);
            }
        }

        function test_onReadsOn_data() {
            return [ { tag: "light", theme: Material.Light }, { tag: "dark", theme: Material.Dark } ];
        }
        function test_onReadsOn(data) {
            root.Material.theme = data.theme; // as Main.qml sets it from the settings
            testSession.settings.listCharts = false; // the page follows the remembered choice
            try {
                const page = createTemporaryObject(keysPage, root, { apiId: testSample.apiId });
                verify(page);
                const toggle = findChild(page, "chartsToggle");
                verify(toggle);
                const refresh = findChild(page, "refreshKeys");
                verify(refresh);
                verify(!toggle.checked);
                compare(String(toggle.contentItem.color), String(refresh.contentItem.color));

                toggle.toggle();
                toggle.toggled();
                verify(page.chartsShown);
                verify(toggle.checked);
                compare(String(toggle.contentItem.color), String(refresh.contentItem.color),
                        "checked, the text keeps the header's colour");
                const underline = findChild(toggle, "chartsToggle-on");
                verify(underline, "an underline");
                verify(underline.visible, "the underline says that the charts are on");
                verify(underline.width >= toggle.contentItem.implicitWidth - 1 && underline.height >= 2);
                // Under the text, inside the button.
                const text = toggle.contentItem.mapToItem(toggle, 0, 0);
                verify(underline.y >= text.y + toggle.contentItem.height / 2 && underline.y + underline.height <= toggle.height,
                       underline.y + " in " + toggle.height);

                toggle.toggle();
                toggle.toggled();
                verify(!page.chartsShown);
                verify(!underline.visible, "no underline while the charts are hidden");
            } finally {
                root.Material.theme = Material.Light;
                testSession.settings.listCharts = true;
            }
        }
    }
}
