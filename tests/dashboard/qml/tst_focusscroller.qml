import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import Latchkey.Dashboard

// FocusScroller scrolls to the focused field where the layout puts it, not where it was when the
// focus came: a form that grows above the field as the focus moves (a message appearing, a part
// shown) stopped short of the field, which the issue form worked around by scrolling again for
// five frames.
Item {
    id: root
    width: 400
    height: 300

    Flickable {
        id: page
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column
            width: page.width
            TextField {
                id: first
                objectName: "first"
            }
            // What appears above the field: laid out at the next polish.
            Rectangle {
                id: grown
                Layout.preferredHeight: 0
                Layout.fillWidth: true
            }
            // A part whose height follows the one above a frame later (nested layouts).
            Rectangle {
                id: following
                Layout.preferredHeight: 0
                Layout.fillWidth: true
            }
            TextField {
                id: field
                objectName: "field"
            }
            // A card (a FocusScope, as a key page's card) reaching below the view, its field at
            // its top in view.
            Pane {
                id: card
                Layout.preferredHeight: 600
                Layout.fillWidth: true
                TextField {
                    id: cardField
                    objectName: "cardField"
                }
            }
            Item {
                Layout.preferredHeight: 1500
            }
            // A labelled field (the issue form's): its label above the control.
            FormField {
                id: labelBlock
                label: "Label above the field"
                TextField {
                    id: labelledField
                    objectName: "labelledField"
                }
            }
            Item {
                Layout.preferredHeight: 600
            }
        }
    }
    FocusScroller {
        id: scroller
        flickable: page
    }

    TestCase {
        name: "FocusScroller"
        when: windowShown

        function init() {
            grown.Layout.preferredHeight = 0;
            following.Layout.preferredHeight = 0;
            tryVerify(() => grown.height === 0 && following.height === 0, 5000, "laid out anew");
            first.forceActiveFocus();
            page.contentY = 0;
            waitForRendering(page);
        }

        /// Whole within the visible part of the page.
        function inView(item) {
            const at = item.mapToItem(page, 0, 0);
            return at.y >= 0 && at.y + item.height <= page.height;
        }

        function test_theFieldIsShownWhereTheLayoutPutsIt() {
            verify(inView(field), "in view before anything grows");
            grown.Layout.preferredHeight = 900; // the field moves down at the next polish
            field.forceActiveFocus();
            tryVerify(() => page.contentY > 0 && inView(field), 5000, "the field scrolled into view");
            waitForRendering(page);
            verify(inView(field));
        }

        // A key page's card greys its controls while it saves: the focus falls back from the field
        // to the card, which did not fit in the view, and the page scrolled the card into view,
        // away from the field and "✓ Saved" (tst_keycardfocus, the rate-limit card).
        function test_aFocusFallingBackToTheCardScrollsNothing() {
            page.contentY = cardField.mapToItem(page.contentItem, 0, 0).y - 40;
            cardField.forceActiveFocus();
            waitForRendering(page);
            const scrolled = page.contentY;
            verify(inView(cardField) && !inView(card), "the field in view, the card's bottom below it");
            cardField.enabled = false;
            try {
                verify(card.activeFocus, "the card took the focus");
                waitForRendering(page);
                compare(page.contentY, scrolled, "the page did not scroll");
            } finally {
                cardField.enabled = true;
            }
        }

        // The key page's charts grow over many frames as they load: a scroll by the user meanwhile
        // was undone, frame after frame, back to the field that had just taken the focus.
        function test_aScrollWhileFollowingIsLeftAlone() {
            grown.Layout.preferredHeight = 900;
            field.forceActiveFocus();
            let frames = 0;
            const grow = () => { // something below the field grows in every frame
                if (++frames < 20)
                    following.Layout.preferredHeight += 1;
                root.Window.window.update();
            };
            root.Window.window.afterAnimating.connect(grow);
            try {
                tryVerify(() => page.contentY > 0 && inView(field), 5000, "the field scrolled into view");
                page.contentY = 0; // the wheel, back to the top
                tryVerify(() => frames >= 20, 5000, "frames drawn");
                waitForRendering(page);
                compare(page.contentY, 0, "the page stays where the user scrolled it");
            } finally {
                root.Window.window.afterAnimating.disconnect(grow);
            }
        }

        /// Waits until @p item has stayed in view for a few frames (the scroller is done with it).
        function waitUntilSettledInView(item) {
            tryVerify(() => inView(item), 5000, "in view");
            for (let i = 0; i < 5; ++i)
                waitForRendering(page);
            verify(inView(item));
        }

        // The key page's charts report their height seconds after the focus reached the key
        // actions below them (tst_keyboard tabScrollsFocusIntoView: "focused but out of view:
        // delete-permanent", once under load): a growth above the focused field after the page
        // had settled pushed it out of view for good.
        function test_aLateGrowthAboveTheFocusedFieldIsFollowed() {
            grown.Layout.preferredHeight = 900;
            field.forceActiveFocus();
            waitUntilSettledInView(field);
            grown.Layout.preferredHeight = 1400; // the charts' late report
            tryVerify(() => grown.height === 1400, 5000, "laid out"); // not in view before it moved
            tryVerify(() => inView(field), 5000, "the focused field is shown again");
        }

        // ... but not when the user scrolled away from it meanwhile: the page stays where they put it.
        function test_aLateGrowthAfterTheUserScrolledIsLeftAlone() {
            grown.Layout.preferredHeight = 900;
            field.forceActiveFocus();
            waitUntilSettledInView(field);
            page.contentY = 0; // the wheel, back to the top
            waitForRendering(page);
            grown.Layout.preferredHeight = 1400;
            tryVerify(() => grown.height === 1400, 5000, "laid out");
            waitForRendering(page);
            compare(page.contentY, 0, "the page stays where the user scrolled it");
        }

        // Walkthrough 23, Y10: Tab to a control whose bottom touched the view's edge left it
        // there, its focus frame cut. After a key press it is shown with the margin; a click
        // leaves a control in view where it is (under the pointer).
        function test_theKeyboardsFocusKeepsAMargin() {
            grown.Layout.preferredHeight = 900;
            tryVerify(() => grown.height === 900, 5000, "laid out");
            const bottomAt = () => field.mapToItem(page, 0, 0).y + field.height;
            page.contentY = field.mapToItem(page.contentItem, 0, 0).y + field.height - page.height + 4;
            waitForRendering(page);
            verify(inView(field) && bottomAt() > page.height - scroller.margin, "whole, at the edge");
            mouseClick(field);
            verify(field.activeFocus);
            const clicked = page.contentY;
            waitForRendering(page);
            waitForRendering(page);
            compare(page.contentY, clicked, "a click scrolls nothing");

            root.forceActiveFocus(); // out of the page: nothing scrolls
            keyClick(Qt.Key_Shift);
            field.forceActiveFocus();
            tryVerify(() => bottomAt() + scroller.margin <= page.height + 0.5, 5000,
                      "the margin under the field: its bottom at " + bottomAt() + " of " + page.height);
        }

        // Shift+Tab to a field whose label lay above the view's top: the label is shown with it.
        function test_aFieldsLabelIsShownWithIt() {
            const label = labelBlock.children[0];
            verify(label.text === "Label above the field", label.text);
            page.contentY = labelledField.mapToItem(page.contentItem, 0, 0).y - 2;
            waitForRendering(page);
            verify(label.mapToItem(page, 0, 0).y < 0, "the label above the view");
            keyClick(Qt.Key_Shift);
            labelledField.forceActiveFocus();
            tryVerify(() => label.mapToItem(page, 0, 0).y >= scroller.margin - 0.5, 5000,
                      "the label at " + label.mapToItem(page, 0, 0).y);
            verify(inView(labelledField));
        }

        function test_aLayoutThatSettlesOverFramesIsFollowed() {
            grown.Layout.preferredHeight = 300;
            field.forceActiveFocus();
            // After the first frame's polish, the part above grows again: placed a frame later
            // (a nested layout's second polish).
            let frames = 0;
            const grow = () => {
                if (++frames === 1)
                    following.Layout.preferredHeight = 800;
            };
            root.Window.window.afterAnimating.connect(grow);
            try {
                tryVerify(() => frames >= 2, 5000, "frames drawn");
                tryVerify(() => inView(field), 5000, "the field scrolled into view");
                waitForRendering(page);
                verify(inView(field));
            } finally {
                root.Window.window.afterAnimating.disconnect(grow);
            }
        }
    }
}
