import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// ThemedComboBox (walkthrough G35): in the dark theme an open ComboBox showed its current entry in
// the accent colour on the grey highlight (indigo on grey, nearly unreadable). Every entry of the
// open list, the current one included, must read against what is behind it in both themes. Its
// entries, over an array or an item model with several roles, make no QML warning.
Item {
    id: root
    width: 600
    height: 500

    property bool dark: true
    Material.theme: dark ? Material.Dark : Material.Light
    // The dashboard's own colours (Main.qml).
    Material.primary: dark ? "#283593" : Material.Indigo
    Material.accent: dark ? "#5c6bc0" : Material.Indigo

    ThemedComboBox {
        id: objects
        x: 20
        y: 20
        width: 200
        textRole: "text"
        valueRole: "value"
        model: [{ value: "", text: "Never" }, { value: "daily", text: "Daily" }, { value: "monthly", text: "Monthly" }]
    }
    // An item model with several roles (the issue form's API box).
    ThemedComboBox {
        id: apis
        x: 20
        y: 250
        width: 200
        textRole: "name"
        valueRole: "apiId"
        model: ApisModel {
            id: apisModel
            client: testSession.client
        }
    }
    ThemedComboBox {
        id: strings
        x: 300
        y: 20
        width: 200
        model: ["All events", "api.create", "key.create"]
    }

    // A box narrower than its longest entry, near the window's right edge (the key page's grace period).
    ThemedComboBox {
        id: narrow
        x: root.width - width - 10
        y: 120
        width: 130
        model: ["1 hour", "Old key works 24 more hours", "Old key stops working now"]
    }

    // Entries whose texts change in the model the box already has: a ListModel's setProperty()
    // (its dataChanged, as a C++ model's). The list must measure them again.
    ThemedComboBox {
        id: listed
        x: root.width - width - 10
        y: 180
        width: 130
        textRole: "text"
        model: ListModel {
            id: listedModel
            ListElement { text: "1 hour" }
            ListElement { text: "Now" }
        }
    }

    TestCase {
        name: "ThemedComboBox"
        when: windowShown

        /// @p top drawn over the opaque @p bottom.
        function over(top, bottom) {
            return Qt.rgba(top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a),
                           top.b * top.a + bottom.b * (1 - top.a), 1);
        }

        function init() {
            failOnWarning(/ThemedComboBox\.qml/);
            failOnWarning(/point size and pixel size/); // a font sized twice (its message names no file)
        }

        function cleanup() {
            objects.popup.close();
            strings.popup.close();
            apis.popup.close();
            narrow.popup.close();
            listed.popup.close();
            tryVerify(() => !objects.popup.visible && !strings.popup.visible && !apis.popup.visible && !narrow.popup.visible
                            && !listed.popup.visible);
            listedModel.setProperty(1, "text", "Now");
        }

        // Each entry of an item model with several roles (no `modelData`) shows its text role; no
        // "Required property modelData was not initialized" for each entry.
        function test_itemModelEntriesShowTheirRole() {
            tryVerify(() => apisModel.count > 0 && !apisModel.loading, H.answerTimeout);
            apis.popup.open();
            tryVerify(() => apis.popup.opened, 5000);
            const view = apis.popup.contentItem;
            tryVerify(() => view.itemAtIndex(0) !== null, 5000);
            for (let i = 0; i < apisModel.count && view.itemAtIndex(i) !== null; ++i)
                compare(view.itemAtIndex(i).text, apisModel.rowObject(i).name);
        }

        // W7 J15: the keyboard focus showed only as a faint tint; a Tab focus now frames the box as
        // the buttons are framed, and a click does not.
        function test_keyboardFocusIsFramed() {
            objects.focus = false;
            strings.focus = false;
            verify(!objects.focusShown && !strings.focusShown);
            objects.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => objects.focusShown, 5000, "Tab focus shows the frame");
            const frame = H.find(objects, item => item.objectName === "focusFrame");
            verify(frame && frame.visible);
            strings.forceActiveFocus(Qt.TabFocusReason);
            tryVerify(() => strings.focusShown && !objects.focusShown, 5000, "the frame follows the focus");
            strings.focus = false;
            mouseClick(objects, 20, objects.height / 2);
            tryVerify(() => objects.popup.visible, 5000);
            objects.popup.close();
            tryVerify(() => !objects.popup.visible);
            verify(!objects.focusShown, "a click shows no keyboard frame");
        }

        // Every entry of the open list is whole, also one wider than the closed box, and the list
        // stays inside the window (walkthrough of stop 17: "Old key works 24 more ho…"). Also when
        // an entry's text grows in the same model, before the list opens or while it is open (the
        // width was measured only for a new model object).
        function test_openListShowsEveryEntryWhole_data() {
            return [{ tag: "array", combo: "narrow" },
                    { tag: "list model entry grown while closed", combo: "listed", grow: "closed" },
                    { tag: "list model entry grown while open", combo: "listed", grow: "open" }];
        }
        function test_openListShowsEveryEntryWhole(data) {
            const combo = data.combo === "narrow" ? narrow : listed;
            const longText = "Old key stops working at once";
            if (data.grow === "closed")
                listedModel.setProperty(1, "text", longText);
            combo.popup.open();
            tryVerify(() => combo.popup.opened, 5000);
            const view = combo.popup.contentItem;
            tryVerify(() => view.itemAtIndex(combo.count - 1) !== null, 5000);
            if (data.grow === "open")
                listedModel.setProperty(1, "text", longText);
            if (data.grow !== undefined)
                tryVerify(() => view.itemAtIndex(1).text === longText, 5000);
            const cut = () => {
                for (let i = 0; i < combo.count; ++i) {
                    const entry = view.itemAtIndex(i);
                    entry.font.bold = true; // as the current entry is drawn
                    const needed = entry.contentItem.implicitWidth + entry.leftPadding + entry.rightPadding;
                    if (needed > entry.width + 0.5)
                        return "\"" + entry.text + "\" needs " + needed + " px, has " + entry.width;
                }
                return "";
            };
            // (The list follows its new width in the next polish.)
            let reason = cut();
            for (let waited = 0; reason !== "" && waited < 5000; waited += 50) {
                wait(50);
                reason = cut();
            }
            compare(reason, "", "every entry whole");
            verify(combo.popup.width > combo.width, "the list is wider than the box");
            const left = view.mapToItem(root, 0, 0).x;
            verify(left >= 0 && left + view.width <= root.width,
                   "inside the window: " + left + " … " + (left + view.width) + " of " + root.width);
        }

        function test_openListReadsInBothThemes_data() {
            return [{ tag: "dark objects", dark: true, combo: "objects", texts: ["Never", "Daily", "Monthly"] },
                    { tag: "dark strings", dark: true, combo: "strings", texts: ["All events", "api.create", "key.create"] },
                    { tag: "light objects", dark: false, combo: "objects", texts: ["Never", "Daily", "Monthly"] }];
        }
        function test_openListReadsInBothThemes(data) {
            root.dark = data.dark;
            const combo = data.combo === "objects" ? objects : strings;
            combo.currentIndex = 0;
            combo.popup.open();
            tryVerify(() => combo.popup.opened, 5000);
            const view = combo.popup.contentItem;
            tryVerify(() => view.itemAtIndex(2) !== null, 5000);
            const behind = view.itemAtIndex(0).Material.dialogColor; // the popup's background in the app's theme
            for (let i = 0; i < 3; ++i) {
                const entry = view.itemAtIndex(i);
                compare(entry.text, data.texts[i]);
                compare(entry.highlighted, i === 0, "the current entry is the highlighted one when the list opens");
                compare(entry.font.bold, i === 0, "the current entry is bold");
                const ground = over(entry.background.color, behind);
                const ratio = H.contrast(entry.contentItem.color, ground);
                verify(ratio >= 4.5, data.tag + " entry " + i + ": contrast " + ratio.toFixed(2) + " text " + entry.contentItem.color
                       + " on " + entry.background.color + " over " + behind);
            }
        }
    }
}
