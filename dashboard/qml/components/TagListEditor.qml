import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A list of names shown as removable chips, with a field that suggests existing entries from a
// searchable list model as the user types. Shared by PermissionPicker and RolePicker; the host
// changes `items` (or saves) in response to addRequested / removeRequested.
ColumnLayout {
    id: editor

    /// The names currently chosen.
    property var items: []
    /// Those of `items` that do not exist yet (the host creates them when it saves): their chips
    /// say "new".
    property var newItems: []
    /// What each name stands for, by name (a role: the permissions it grants), where known: said
    /// under the chips (readable without a pointer), in each chip's accessible description, and
    /// under each suggestion.
    property var details: ({})
    /// A name's own description, by name (a role's), said apart from and before its `details`, in
    /// italics: "Everything" under "Grants no permissions." read as a grant (walkthrough 21).
    property var descriptions: ({})
    /// A PagedListModel with a `search` property; `suggestionRole` names the role to offer.
    property var suggestions
    /// Why nothing is suggested: the root key may not read the list (Capabilities.missing()'s
    /// sentence), said under the field; "" when the suggestions are fetched.
    property string suggestionsMissing
    property string suggestionRole: "name"
    property string placeholderText
    /// What the add button says for a name that is not in the suggestions ("Create ...").
    property string newEntryText: qsTr("Add")
    property string accessibleName
    property string emptyText
    property bool busy: false
    /// Names that are not among the suggestions go to createRequested instead (roles must exist).
    property bool offerCreate: false
    /// The add button while it creates the typed name, shown as given: its own words in capitals
    /// as on every button, a name it carries as typed (the button keeps the style's capitals off).
    property string createText: qsTr("Create and add").toLocaleUpperCase()
    /// The add button while Enter takes the highlighted suggestion (%1): it says that suggestion,
    /// not the typed text (walkthrough: "Add new" over a highlighted billing.read for "bill").
    property string takeText: qsTr("Add %1", "the highlighted suggestion that Enter adds")
    /// What is typed in the field, trimmed.
    readonly property string typedName: field.text.trim()
    /// The suggestion offered for a typed name that matches none ("Create permission “%1”").
    property string createItemText: qsTr("Create “%1” for the whole workspace")
    /// Said over that offer when Enter did not create the typed name (%1).
    property string refusedText: qsTr("“%1” does not exist yet. Enter adds only existing ones; to create it for the whole workspace, choose the entry below.")
    /// The typed name is new: neither a loaded suggestion nor already chosen.
    readonly property bool typedIsUnknown: field.text.trim() !== "" && editor.items.indexOf(field.text.trim()) < 0
                                           && !knows(field.text.trim(), suggestions ? suggestions.count : 0,
                                                     suggestions ? suggestions.loading : false)
    readonly property bool typedIsNew: offerCreate && typedIsUnknown
    /// The suggestion Enter takes instead of the typed name ("" when it takes the typed name).
    /// Open or closed (Esc): the button says the same for the same text, and Enter does that.
    readonly property string highlightedName: typedIsUnknown && suggestionPopup.currentIndex >= 0
                                              && suggestionPopup.currentIndex < suggestionPopup.count
                                              ? suggestions.rowObject(suggestionPopup.currentIndex)[suggestionRole] : ""
    /// Why the typed name cannot be one at all ("" when it can; the host checks the server's rule):
    /// said under the field instead of offering it, and Enter keeps the text to be corrected.
    property string typedProblem
    /// What the suggestions' list stays inside (a dialog: it hung past the role dialog's bottom
    /// edge over Close, walkthrough 20/20); null: the window.
    property Item bounds: null
    /// A name is typed and not added yet (closing its form would lose it).
    readonly property bool holdsTypedName: field.text.trim() !== "" && editor.items.indexOf(field.text.trim()) < 0

    signal addRequested(string name)
    signal createRequested(string name)
    signal removeRequested(string name)

    /// What @p name stands for in one text (a screen reader's description): its description, then
    /// its details.
    function about(name: string): string {
        const description = descriptions[name] ?? "";
        const detail = details[name] ?? "";
        return description !== "" && detail !== "" ? description + "\n" + detail : description + detail;
    }

    /// Whether @p name is one of the loaded suggestions. @p count and @p loading only make bindings
    /// re-run: a search's last page can leave the count as it was with other rows in it, and the
    /// typed name then stayed "unknown" (tst_roledialog, 1 run in 6: Enter refused an existing one).
    function knows(name: string, count: int, loading: bool): bool {
        for (let i = 0; i < count; ++i) {
            if (suggestions.rowObject(i)[suggestionRole] === name)
                return true;
        }
        return false;
    }

    function submit(): void {
        const name = field.text.trim();
        if (name === "" || editor.items.indexOf(name) >= 0 || typedProblem !== "")
            return;
        if (typedIsNew)
            editor.createRequested(name);
        else
            editor.addRequested(name);
        field.text = "";
        suggestionPopup.close();
    }

    /// Enter in the field. A typed name that exists is added as typed; an unknown one that the
    /// suggestions complete takes the highlighted suggestion ("invoices.r" + Enter is
    /// "invoices.read", not a misspelt new permission). A name that matches nothing is not created
    /// by Enter (walkthrough 20: a stray "100⏎" made a workspace role and gave it to the key):
    /// creating is the offer below the suggestions, or the button that says it creates.
    function acceptTyped(): void {
        if (highlightedName !== "") {
            field.text = highlightedName;
            submit();
        } else if (!suggestions || !typedIsUnknown) {
            submit();
        } else if (suggestions.loading) {
            enterPending = true; // the suggestions for what is typed are on their way
        } else {
            refusedName = typedName;
            if (typedProblem === "")
                suggestionPopup.open();
        }
    }
    /// Enter in the field: taken (acceptTyped()) while it means adding a name (one is typed: the
    /// suggestions open only then), passed on otherwise.
    function enterPressed(event: KeyEvent): void {
        event.accepted = field.text.trim() !== "";
        if (event.accepted)
            acceptTyped();
    }
    /// The button: it says what it does, creating included.
    function pressAdd(): void {
        if (highlightedName !== "")
            field.text = highlightedName;
        submit();
    }
    /// Enter was pressed while the suggestions loaded: it is decided when they are in.
    property bool enterPending: false
    /// The name Enter did not create (said in the suggestions until the text changes).
    property string refusedName
    Connections {
        target: editor.suggestions !== undefined ? editor.suggestions : null
        ignoreUnknownSignals: true
        function onLoadingChanged() {
            if (!editor.suggestions.loading && editor.enterPending) {
                editor.enterPending = false;
                editor.acceptTyped();
            }
        }
    }

    spacing: 6

    // The field first, what is chosen under it: a chip added by Enter grows the list below the
    // field, so the field (and the page above it) stays where it was (walkthrough 20/1: the field
    // was pushed below the view's edge, and the next key typed scrolled the page under the pointer).
    RowLayout {
        id: fieldRow
        Layout.fillWidth: true

        TextField {
            id: field
            objectName: editor.objectName + "-field"
            Layout.fillWidth: true
            placeholderText: editor.placeholderText
            Accessible.name: editor.accessibleName
            onTextEdited: {
                editor.enterPending = false;
                editor.refusedName = "";
                if (editor.suggestions)
                    editor.suggestions.search = text.trim();
                // Opened and closed here only (its visibility bound to its own state loops): with
                // a name typed there is always something to offer, a suggestion or "Create …";
                // a name the server would refuse gets its rule under the field, not covered.
                if (text.trim() !== "" && editor.typedProblem === "")
                    suggestionPopup.open();
                else
                    suggestionPopup.close();
            }
            // Enter is the editor's while a name is typed (it adds that name or the highlighted
            // suggestion), and no further: a form around it (FormDialog) would send itself. An
            // empty field lets it through: Enter there sends the form, as in any other field.
            Keys.onReturnPressed: event => editor.enterPressed(event)
            Keys.onEnterPressed: event => editor.enterPressed(event)
            // Esc closes the suggestions first (then it is the form's: a dialog asks or closes).
            Keys.onEscapePressed: event => {
                event.accepted = suggestionPopup.visible;
                suggestionPopup.close();
            }
            Keys.onDownPressed: {
                // visible, not opened: the popup is usable while its enter transition runs.
                if (suggestionPopup.visible)
                    suggestionPopup.enterFromField();
            }
        }
        FocusButton {
            id: addButton
            objectName: editor.objectName + "-add"
            // It says what Enter does, and does it.
            readonly property bool creates: editor.highlightedName === "" && editor.suggestions !== undefined
                                            && editor.suggestions !== null && editor.typedIsUnknown
            text: editor.highlightedName !== "" ? editor.takeText.toLocaleUpperCase().arg(editor.highlightedName)
                  : creates ? editor.createText : editor.newEntryText.toLocaleUpperCase()
            enabled: field.text.trim() !== "" && !editor.busy && editor.typedProblem === ""
            // It names a permission or role as typed: names are case-sensitive, so no capitals from
            // the style. Its own words are in capitals as on every other button (walk 20/20).
            font.capitalization: Font.MixedCase
            // A click that creates says for whom: the whole workspace.
            ToolTip.visible: hovered && creates
            ToolTip.text: editor.createItemText.arg(editor.typedName)
            onClicked: editor.pressAdd()
        }
    }

    Label {
        objectName: editor.objectName + "-problem"
        Layout.fillWidth: true
        visible: editor.typedProblem !== ""
        text: editor.typedProblem
        color: Material.color(Material.Red)
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    Label {
        objectName: editor.objectName + "-unsuggested"
        Layout.fillWidth: true
        visible: editor.suggestionsMissing !== ""
        text: qsTr("No suggestions: %1").arg(editor.suggestionsMissing)
        opacity: 0.7
        font.pixelSize: 12
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }

    Label {
        visible: editor.items.length === 0 && editor.emptyText !== ""
        text: editor.emptyText
        opacity: 0.7
    }

    Flow {
        id: chips
        Layout.fillWidth: true
        spacing: 6
        visible: editor.items.length > 0

        Repeater {
            // Each change of the list makes every chip anew, all at the Flow's top left until it
            // lays them out on the next frame, the last made on top: a click meanwhile (as the
            // server's answer to an add came in) took the ✕ of another chip, which removed the
            // wrong name (tst_roledialog, ci26). Laid out at once instead.
            onItemAdded: chips.forceLayout()
            onItemRemoved: chips.forceLayout()
            model: editor.items.map(name => ({ name: name, isNew: editor.newItems.indexOf(name) >= 0,
                                               objectName: editor.objectName + "-chip-" + name,
                                               remove: () => editor.removeRequested(name) }))

            FocusButton {
                id: chip
                required property var modelData
                // Read here, not put in the model: the chips stay (and keep the focus) as details load.
                readonly property string detail: editor.about(modelData.name) // qmllint disable unqualified
                objectName: modelData.objectName
                text: (modelData.isNew ? qsTr("%1 (new)", "a chosen permission or role not created yet").arg(modelData.name)
                                       : modelData.name) + "  ✕"
                flat: false
                font.capitalization: Font.MixedCase
                Accessible.name: qsTr("Remove %1").arg(modelData.name)
                Accessible.description: detail
                // What a click does, nothing else: what the name stands for is under the chips
                // (walkthrough 21: grants, description and "Remove" read as one text).
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove %1").arg(modelData.name)
                onClicked: modelData.remove()
            }
        }
    }

    // What the chosen names stand for, a name and its description and detail per row, in words.
    TagDetails {
        editor: editor
        Layout.fillWidth: true
    }

    TagSuggestions {
        id: suggestionPopup
        editor: editor
        fieldRow: fieldRow
        field: field
        onChosen: name => {
            field.text = name;
            editor.submit();
        }
        onCreateChosen: editor.submit()
    }
}
