import QtQuick
import QtQuick.Controls
import Latchkey.Dashboard

// A ComboBox whose open list reads in both themes. Material colours the current entry in the
// accent colour, on the highlight of the entry under the cursor; in the dark theme that is indigo
// on grey ("Nie" in the refill choice, "Deutsch" in the language picker: walkthrough G35). Here
// every entry keeps the theme's text colour and the current one is bold. Every ComboBox of the
// dashboard is one of these. The keyboard focus shows as the buttons' FocusFrame (Material's own
// is a faint tint: W7 J15).
ComboBox {
    id: control

    /// Whether the focus frame is drawn (the box has the keyboard focus); for tests.
    readonly property bool focusShown: frame.shown
    /// Enter goes on to the form around the box, as from a text field: its list is closed, and
    /// the box has nothing to do with it (FormDialog sends the form). Open, Enter takes the entry.
    readonly property bool passesEnter: !popup.visible && !editable

    // Qt's ComboBox takes Enter even closed, and does nothing with it: Enter on the override
    // dialog's window unit did not save, where Enter in each of its fields does.
    Keys.onReturnPressed: event => event.accepted = passesEnter && KeyRelay.toAncestors(control, event.key, event.modifiers)
    Keys.onEnterPressed: event => event.accepted = passesEnter && KeyRelay.toAncestors(control, event.key, event.modifiers)

    FocusFrame {
        id: frame
        control: control
    }

    /// The widest entry's text in the open list's (bold) font: the list is at least that wide, so
    /// no entry is cut in a box sized for the closed text ("Old key works 24 more ho…": the reroll's
    /// grace period, walkthrough of stop 17). Measured again for a new model, a changed count,
    /// whenever the texts may have changed (entriesRevision).
    readonly property real widestEntry: {
        void control.model;
        void control.entriesRevision;
        let widest = 0;
        for (let i = 0; i < control.count; ++i)
            widest = Math.max(widest, entryFont.advanceWidth(control.textAt(i)));
        return Math.ceil(widest);
    }
    /// Counts the changes of the entries' texts that keep the model and its count: an item model's
    /// (a ListModel's setProperty(), a C++ model's dataChanged), and each opening of the list,
    /// which also catches a text retranslated without any signal (a language switch).
    property int entriesRevision: 0
    /// The model when it is an item model (a ListModel, a C++ model), whose signals say what changed.
    readonly property QtObject itemModel: control.model instanceof QtObject ? control.model : null
    Connections {
        target: control.itemModel
        ignoreUnknownSignals: true
        function onDataChanged() {
            ++control.entriesRevision;
        }
        function onModelReset() {
            ++control.entriesRevision;
        }
        function onLayoutChanged() {
            ++control.entriesRevision;
        }
    }
    Connections {
        target: control.popup
        function onAboutToShow() {
            ++control.entriesRevision;
        }
    }
    // The box's font in bold, sized as the box's is: in pixels or in points, never both (Qt warns
    // "Both point size and pixel size set", which fails the self-test).
    FontMetrics {
        id: entryFont
        font: Qt.font(control.font.pixelSize > 0
                      ? {family: control.font.family, pixelSize: control.font.pixelSize, bold: true}
                      : {family: control.font.family, pointSize: control.font.pointSize, bold: true})
    }
    // The entries' padding (Material MenuItem: 16 each side), and the window's edges kept clear:
    // a list wider than its box is pushed back inside the window rather than cut by it.
    popup.width: Math.min(Math.max(control.width, control.widestEntry + 2 * 16 + 2),
                          control.Window.width > 0 ? control.Window.width - 2 * 12 : Infinity)
    popup.leftMargin: 12
    popup.rightMargin: 12

    // `control` inside the delegate: fine at run time, but Qt 6.4's qmllint cannot follow it into a
    // Component (pragma ComponentBehavior: Bound is 6.5+), hence the per-line disables.
    // No `required property var modelData`: an item model with several roles (the issue form's
    // ApisModel) has none, and each entry would warn that it was not initialized; `model.modelData`
    // is the entry of an array model (a string or an object).
    delegate: MenuItem {
        required property int index
        required property var model

        width: ListView.view.width
        text: control.textRole ? (Array.isArray(control.model) ? model.modelData[control.textRole] : model[control.textRole]) // qmllint disable unqualified
                               : model.modelData
        font.bold: control.currentIndex === index // qmllint disable unqualified
        highlighted: control.highlightedIndex === index // qmllint disable unqualified
        hoverEnabled: control.hoverEnabled // qmllint disable unqualified
    }
}
