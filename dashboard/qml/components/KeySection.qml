import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// A card of the key detail page holding one editable field (or a group saved together): its
// editor, and Save / Discard with the field's saving and error state from KeyDetailController.
// The editor is the card's content; the card only knows whether the draft differs (`dirty`).
//
// One saving model for the whole page, said on every card: a card with Save keeps its edits as
// a draft ("Unsaved changes"; the page asks before it is left with drafts); a card without Save
// (toggles, chips) applies each change at once, says so, and confirms it with "Saved".
Pane {
    id: section

    property string title
    /// KeyDetailController field name ("name", "credits", ...): its saving flag and error.
    property string field
    property var controller
    /// The editor's draft differs from the saved value.
    property bool dirty: false
    /// The draft can be saved (false keeps Save disabled; the editor says what is missing).
    property bool valid: true
    /// Why the draft cannot be saved (the editor's message), for Save's tooltip while `valid` is
    /// false: the editor may not show it yet (Remaining left empty by unticking "Unlimited").
    property string problem
    /// Shows `problem` under Save and Discard, for an editor that leaves it to the card (the meta
    /// card's JSON error): above them it pushed them down as it came and up as it went, away from
    /// the pointer on its way to Save (walk 19). Its line is kept while there is none, so the card
    /// does not grow with it either (the taller card of a row moved what lay below).
    property bool problemBelow: false
    /// Why Save and Discard are greyed while the draft is the saved value.
    readonly property string nothingChanged: qsTr("Nothing changed yet")
    /// "" when the root key may change this field; else the missing permission (Capabilities.missing),
    /// shown as the tooltip of each greyed control of the card and of its title.
    property string missing
    /// The missing permission that greys @p control, a control of the card ("" when it is greyed
    /// for another reason): the card's, or the control's own `missingPermission` where a card
    /// greys its controls one by one (the key actions).
    function missingFor(control: var): string {
        const own = control["missingPermission"];
        return own !== undefined ? own : missing;
    }
    readonly property bool editable: missing === ""
    /// Shows Save / Discard (fields saved by their own buttons, like chips, hide them).
    property bool showButtons: true
    /// Under a card without Save: that its changes apply at once ("" hides it).
    property string instantHint: showButtons ? "" : qsTr("Changes here apply at once.")
    /// The controller fields whose successful save this card confirms (default: its own).
    property var savedFields: [field]
    /// A save of this card succeeded a moment ago ("Saved" shows for a few seconds).
    property bool justSaved: false
    readonly property bool saving: controller && controller.saving[field] === true
    readonly property string error: controller && controller.errors[field] !== undefined
                                    ? controller.errors[field] : ""
    default property alias content: body.data

    signal save()
    signal revert()

    /// Discard (or Esc): the editor shows the saved value again, and the error about the draft goes.
    function discard(): void {
        if (controller)
            controller.clearError(field);
        revert();
    }
    // Esc in any of the card's fields throws its draft away, as Discard does (the name and owner
    // fields did, the meta and rate-limit cards did not: issue 4). Without a draft Esc goes on
    // (a dialog, the page).
    Keys.onEscapePressed: event => {
        event.accepted = section.showButtons && section.dirty && !section.saving;
        if (event.accepted)
            section.discard();
    }
    // Ctrl+S in any of the card's controls saves it as its Save button does (walkthrough 23b, Y6:
    // the meta card, where Enter is a new line, could be saved by the pointer only). The app has
    // no other Ctrl+S; a card without Save lets it go on.
    Keys.onPressed: event => {
        if (!event.matches(StandardKey.Save) || !section.showButtons)
            return;
        event.accepted = true;
        if (section.editable && section.dirty && section.valid && !section.saving)
            section.save();
    }
    // The controller's refusal of a draft for its `problem` (Enter saves even while Save is
    // greyed) goes as soon as the draft is rid of that problem: "Two rate limits are named
    // “shared”" stayed after the rename until the next Save (walkthrough 19).
    property string previousProblem
    onProblemChanged: {
        if (controller && error !== "" && error === previousProblem)
            controller.clearError(field);
        previousProblem = problem;
    }

    Material.elevation: 1
    padding: 16
    objectName: "section-" + field
    Accessible.role: Accessible.Grouping
    Accessible.name: title
    /// The key page's keys between cards (CardJumps).
    readonly property string jumpHint: qsTr("Ctrl+Down: next card · Ctrl+Up: previous card")
    Accessible.description: jumpHint

    Connections {
        target: section.controller
        ignoreUnknownSignals: true
        function onSaved(field: string) {
            if (section.savedFields.indexOf(field) >= 0) {
                section.justSaved = true;
                savedTimer.restart();
                section.revealSaved(field);
            }
        }
    }

    /// What a save of a field changed, by field (one of `savedFields`), shown with "✓ Saved"
    /// after it: the access card's picker that a chip went into. The title row alone otherwise.
    property var changedParts: ({})
    /// The page follows a save's result into view (revealSaved()).
    readonly property bool revealing: savedReveal.running
    /// After a save the page scrolls just enough to show "✓ Saved" and the part that changed
    /// (walkthrough 22 X3/X18: the chips granted with Enter stayed below the window's edge, and
    /// "✓ Saved" of a card whose top was under the page's header was never seen). Followed for a
    /// few frames, as the reload lays the card out anew; left as soon as someone else scrolls.
    function revealSaved(field: string): void {
        const part = changedParts[field];
        savedReveal.part = part ? part : null;
        savedReveal.steps = 0;
        savedReveal.restart();
    }
    /// The Flickable the card scrolls in (the key page's), or null.
    function scrolledIn(): Flickable {
        for (let item = section.parent; item; item = item.parent) {
            const flick = item as Flickable;
            if (flick)
                return flick;
        }
        return null;
    }
    /// One step of revealSaved(); false once it is done.
    function revealStep(): bool {
        const flick = scrolledIn();
        if (!flick || (savedReveal.steps > 0 && flick.contentY !== savedReveal.setY))
            return false;
        const margin = 8;
        const title = titleRow.mapToItem(flick.contentItem, 0, 0, titleRow.width, titleRow.height);
        const shown = savedReveal.part ? savedReveal.part : titleRow;
        const part = shown.mapToItem(flick.contentItem, 0, 0, shown.width, shown.height);
        let top = Math.min(title.y, part.y) - margin;
        let bottom = Math.max(title.y + title.height, part.y + part.height) + margin;
        if (bottom - top > flick.height) { // both do not fit: the part, from its top
            top = part.y - margin;
            bottom = Math.min(part.y + part.height + margin, top + flick.height);
        }
        let target = flick.contentY;
        if (top < target)
            target = top;
        else if (bottom > target + flick.height)
            target = bottom - flick.height;
        const lowest = Math.max(flick.originY, flick.originY + flick.contentHeight - flick.height);
        flick.contentY = Math.max(flick.originY, Math.min(lowest, target));
        savedReveal.setY = flick.contentY;
        return ++savedReveal.steps < 20;
    }
    Timer {
        id: savedReveal
        property Item part: null
        property int steps: 0
        property real setY: 0
        interval: 16
        repeat: true
        onTriggered: if (!section.revealStep()) stop()
    }
    Timer {
        id: savedTimer
        interval: 4000
        onTriggered: section.justSaved = false
    }
    onDirtyChanged: if (dirty) justSaved = false

    // Enter in a field saves the card, and the card's controls are disabled while it saves, which
    // takes the keyboard focus away; the reload after it may also replace the focused control (a
    // rate limit's row). Once the save ended the focus goes back: to that control, else to the one
    // that replaced it (the same objectName), else to the card's first control. Save and Discard
    // grey once the draft is saved or dropped: the focus goes back to the card's field last edited
    // (else its first control), so it stays in the card the user is looking at. It went on in the
    // Tab chain once, into the next card or the usage charts: the page scrolled away from
    // "✓ Saved", and a Space typed next ticked the Credits card's "Unlimited" unseen (walkthrough
    // 18). A button greyed only while its own request runs (Show key) gets the focus back when it
    // comes back. Not when the user put the focus elsewhere meanwhile (another control, a dialog).
    readonly property Item focusedItem: Window.activeFocusItem
    property Item lastFocused: null
    property string lastFocusedName
    /// The control of the card last focused that is not one of its Save / Discard buttons.
    property Item lastField: null
    property string lastFieldName
    /// A request of the page's controller runs (any card's: Show key greys while its own runs).
    readonly property bool controllerBusy: controller ? Object.values(controller.saving).some(value => value === true) : false
    property bool focusInside: false
    /// A save (or what it reloaded) took the focus out of the card to no control.
    property bool focusTakenBySave: false
    onFocusedItemChanged: {
        // The card itself takes the focus of a control greyed under it: no control has it then.
        const inside = focusedItem !== null && focusedItem !== section && holds(section, focusedItem);
        if (inside) {
            lastFocused = focusedItem;
            lastFocusedName = focusedItem.objectName;
            if (!isCardButton(focusedItem)) {
                lastField = focusedItem;
                lastFieldName = focusedItem.objectName;
            }
            // Qt gives the focus back by itself to a control that had it when the card is enabled
            // again (the Enabled switch after Space), as Qt.OtherFocusReason: no frame showed
            // where the keyboard still was (walkthrough 21). Framed as returnFocus() frames it.
            if (focusTakenBySave && LastInput.keyboard)
                section.frameFocus(focusedItem);
            focusTakenBySave = false;
        } else if (focusInside && (saving || focusReturn.running)) {
            focusTakenBySave = true;
        } else if (focusInside && focusedItem === section && !usable(lastFocused)) {
            focusTakenBySave = true; // Discard greyed under the focus
            focusReturn.restart();
        } else if (focusedItem !== null && focusedItem.activeFocusOnTab) {
            focusTakenBySave = false;
        }
        focusInside = inside;
    }
    onSavingChanged: if (!saving) focusReturn.restart()
    onControllerBusyChanged: if (!controllerBusy && focusTakenBySave) focusReturn.restart()
    Timer {
        id: focusReturn
        interval: 0
        onTriggered: section.returnFocus()
    }
    function returnFocus(): void {
        if (!focusTakenBySave)
            return;
        const greyed = !usable(lastFocused) && lastFocused !== null && holds(section, lastFocused);
        if (greyed && !isCardButton(lastFocused) && controllerBusy)
            return; // greyed while a request runs (Show key): back to it when the request ended
        focusTakenBySave = false;
        const target = usable(lastFocused) ? lastFocused
                     : greyed && isCardButton(lastFocused) ? lastEdited()
                     : lastFocusedName !== "" ? findControl(section, item => item.objectName === section.lastFocusedName)
                     : null;
        const chosen = target ? target : findControl(section, item => item.activeFocusOnTab);
        // The focus frame shows where the focus went back to when the save was a key's work (Space
        // on the switch, Enter on Save), not after a click (walkthrough 21: the frame went after a
        // Space, and came on "Unlimited" after a click on Save).
        if (!chosen)
            return;
        chosen.forceActiveFocus(LastInput.keyboard ? Qt.TabFocusReason : Qt.OtherFocusReason);
        if (LastInput.keyboard)
            frameFocus(chosen);
    }
    /// Marks the focus on @p item as the keyboard's, so its frame shows: on the item, or on the
    /// control whose text input it is (a spin box's field has no focus reason of its own; the
    /// spin box kept the one it lost the focus with, and after a keyboard save its frame was gone,
    /// walkthrough 22, X2).
    // Untyped: a Control's focusReason, which a plain Item (a spin box's field) lacks.
    function frameFocus(item: var): void {
        const owner = item.parent;
        const control = item["focusReason"] !== undefined ? item
                      : owner && owner["contentItem"] === item && owner["focusReason"] !== undefined ? owner
                      : null;
        if (!control)
            return;
        control["focusReason"] = Qt.TabFocusReason;
        // The spin box takes the reason of the focus event its field gets after this (Qt's own
        // giving back, "other"): set again once that is delivered.
        if (control !== item)
            Qt.callLater(() => {
                if (control["activeFocus"])
                    control["focusReason"] = Qt.TabFocusReason;
            });
    }
    /// Whether @p item is the card's Save or Discard button.
    function isCardButton(item: Item): bool {
        return item.objectName === section.objectName + "-save-button"
            || item.objectName === section.objectName + "-discard-button";
    }
    /// The field of the card last edited, or the one that replaced it (the same objectName).
    function lastEdited(): Item {
        if (usable(lastField))
            return lastField;
        return lastFieldName === "" ? null : findControl(section, item => item.objectName === section.lastFieldName);
    }
    function usable(item: Item): bool {
        return item !== null && item.visible && item.enabled && holds(section, item);
    }
    /// The first visible, enabled item below @p item that @p accepts, in the order of the children.
    function findControl(item: Item, accepts: var): Item {
        if (!item.visible || !item.enabled)
            return null;
        if (item !== section && accepts(item))
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findControl(item.children[i], accepts);
            if (found)
                return found;
        }
        return null;
    }
    /// Whether @p item is @p outer or inside it.
    function holds(outer: Item, item: Item): bool {
        for (let node = item; node && outer; node = node.parent) {
            if (node === outer)
                return true;
        }
        return false;
    }
    /// The greyed control at @p position (in `fields`), or null: the outermost control (an item
    /// in the Tab chain) there that is disabled.
    function greyedControlAt(position: point): Item {
        let item = body;
        let at = fields.mapToItem(body, position.x, position.y);
        for (let child = item.childAt(at.x, at.y); child; child = item.childAt(at.x, at.y)) {
            at = item.mapToItem(child, at.x, at.y);
            item = child;
            if (item.activeFocusOnTab)
                return item.enabled ? null : item;
        }
        return null;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            id: titleRow
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: section.title
                font.pixelSize: 16
                font.bold: true
                Accessible.role: Accessible.Heading
                // On a greyed card, its missing permission (as on each greyed control) rather
                // than the keys' hint. The card has no tooltip of its own: over its empty area it
                // stood far from what it was about, and it took the shared tooltip from the
                // controls' (walkthrough J8).
                ToolTip.visible: titleHover.showsTip
                ToolTip.text: section.editable ? section.jumpHint : section.missing
                ToolTip.delay: section.editable ? 600 : 300
                TipHover {
                    id: titleHover
                }
            }
            // The place of "✓ Saved" and of the busy indicator is kept while they are hidden, so
            // neither widens the card (and shifts its neighbours) when it appears.
            Item {
                Layout.preferredWidth: Math.max(savedLabel.implicitWidth, 24)
                Layout.preferredHeight: Math.max(savedLabel.implicitHeight, 24)
                Label {
                    id: savedLabel
                    objectName: section.objectName + "-saved"
                    anchors.centerIn: parent
                    visible: section.justSaved && !section.saving && !section.dirty
                    text: qsTr("✓ Saved")
                    color: Material.color(Material.Green, section.Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Saved")
                }
                BusyIndicator {
                    anchors.centerIn: parent
                    width: 24
                    height: 24
                    running: section.saving
                    visible: running
                    Accessible.name: qsTr("Saving")
                }
            }
        }

        // The card's controls. A greyed (disabled) control gets no hover events, so this enabled
        // wrapper's HoverHandler finds the one under the pointer and `greyedTip` lies on it with
        // the missing permission: each greyed control has a tooltip of its own, the shared
        // ToolTip that ToolTipGuard hides when the page scrolls under the still pointer.
        Item {
            id: fields
            Layout.fillWidth: true
            implicitWidth: body.implicitWidth
            implicitHeight: body.implicitHeight

            /// The greyed control under the pointer.
            readonly property Item greyed: fieldsHover.showsTip ? section.greyedControlAt(fieldsHover.point.position) : null
            // Each control's tooltip anew (hidden, then shown after its delay), not the last one's
            // moved along.
            onGreyedChanged: {
                greyedTip.control = null;
                greyedTip.control = greyed;
            }

            ColumnLayout {
                id: body
                width: parent.width
                spacing: 8
                enabled: section.editable && !section.saving
            }
            TipHover {
                id: fieldsHover
            }
            // Where the greyed control lies, with its missing permission as tooltip.
            Item {
                id: greyedTip
                property Item control: null
                readonly property string missing: control ? section.missingFor(control) : ""
                readonly property point at: control ? control.mapToItem(fields, 0, 0) : Qt.point(0, 0)
                x: at.x
                y: at.y
                width: control ? control.width : 0
                height: control ? control.height : 0
                // Shown once its text is there: bound to `missing` as well, `visible` could be
                // set first and the tooltip open empty (the text of the moment it was shown).
                ToolTip.text: missing
                ToolTip.visible: ToolTip.text !== ""
                ToolTip.delay: 300
            }
        }

        Label {
            objectName: section.objectName + "-instant"
            Layout.fillWidth: true
            visible: section.instantHint !== ""
            text: section.instantHint
            opacity: 0.7
            font.pixelSize: 12
            font.italic: true
            wrapMode: Text.Wrap
        }

        Label {
            Layout.fillWidth: true
            visible: section.error !== ""
            text: section.error
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
            objectName: section.objectName + "-error"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            visible: section.showButtons
            Label {
                Layout.fillWidth: true
                objectName: section.objectName + "-unsaved"
                text: section.dirty && !section.saving ? qsTr("Unsaved changes") : ""
                color: Material.accent
                font.italic: true
                elide: Text.ElideRight
            }
            // Greyed, each says why: the missing permission, or nothing to discard or save yet,
            // or (Save) what keeps the draft from being saved. Nothing while it saves (the busy
            // indicator says so).
            GatedButton {
                objectName: section.objectName + "-discard"
                text: qsTr("Discard", "throw away the unsaved changes of a card")
                flat: true
                ready: section.dirty && !section.saving
                missing: section.missing
                notReadyReason: section.saving || section.justSaved ? "" : section.nothingChanged
                button.Accessible.name: qsTr("Discard the changes to %1").arg(section.title)
                onClicked: section.discard()
            }
            GatedButton {
                objectName: section.objectName + "-save"
                text: qsTr("Save")
                highlighted: true
                ready: section.dirty && section.valid && !section.saving
                missing: section.missing
                // Not "Nothing changed yet" beside "✓ Saved": it read as a save that did not happen.
                notReadyReason: section.saving || section.justSaved ? "" : !section.dirty ? section.nothingChanged : section.problem
                button.Accessible.name: qsTr("Save %1").arg(section.title)
                onClicked: section.save()
            }
        }
        // Empty, it is as tall as one line of it: an error of one line moves nothing.
        Label {
            objectName: section.objectName + "-problem"
            Layout.fillWidth: true
            visible: section.problemBelow && section.showButtons
            text: section.problem
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
            font.pixelSize: 12
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            Accessible.ignored: text === ""
        }
    }
}
