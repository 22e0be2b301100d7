import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Ctrl+K on every page: "Go to" a key (its id, start or a prefix of it, or its name, across the
// APIs), an owner (part of the external id or identity id, as the Owners page searches; exact
// matches first) or an API (id or name), through the server (GoToSearch). The matches are listed
// as the text is typed (a moment after the last key; GoToSearch keeps one search out at a time
// and drops stale answers); arrows move and Enter opens the highlighted one. Enter before the
// answer came opens the one match when it comes, also when that is before the dialog's opening
// animation ended (a fast typist, a pasted id); several are listed to choose from. "Nothing found"
// is said here, in the dialog, and goes away as the text changes; lookups that miss never reach
// the window's error banner. Closing the dialog drops a search in flight.
Dialog {
    id: search

    required property Session session
    readonly property Capabilities may: session.capabilities
    /// "" when the root key may read owners (of some kind) / list the APIs: else what is not
    /// searched is said under the field (and not asked for).
    readonly property string mayNotFindOwners: may.missingEverywhere("identity.*.read_identity", may.revision)
    /// "" when it may list every owner (identities.listIdentities: owners found by part of their
    /// external id); with only some owners readable, owners are found by the exact id alone.
    readonly property string mayNotListOwners: may.missing("identity.*.read_identity", may.revision)
    readonly property string mayNotFindApis: may.missing("api.*.read_api", may.revision)
    /// Owners are found by their exact external id or id only (the key may read some owners).
    readonly property bool findsOwnersByExactId: mayNotFindOwners === "" && mayNotListOwners !== ""
    /// What the dialog says under the field ("" for nothing): searching, or nothing found.
    readonly property string message: finder.searching ? qsTr("Searching…")
                                      : nothingMatched ? nothingFound() : ""
    /// The text in the field was looked up and nothing matched: there is nothing to open.
    readonly property bool nothingMatched: !finder.searching && finder.searched !== ""
                                           && finder.searched === field.text.trim() && finder.matches.length === 0
    /// "Nothing found", naming only what the search looked for: a root key that may not read
    /// owners or the APIs had them left out (the line under the field says why).
    function nothingFound(): string {
        const text = finder.searched;
        // A key that may read only some owners finds them by the exact id alone: "no owner
        // matches" would claim that no owner's id contains the text.
        if (finder.ownersSearched && finder.ownersByExactId) {
            return finder.apisSearched
                ? qsTr("Nothing found for “%1”: no key id, key start or name, or API matches, and no owner has exactly this external id or id.").arg(text)
                : qsTr("Nothing found for “%1”: no key id matches, and no owner has exactly this external id or id.").arg(text);
        }
        if (finder.ownersSearched && finder.apisSearched)
            return qsTr("Nothing found for “%1”: no key id, key start or name, owner or API matches.").arg(text);
        if (finder.apisSearched)
            return qsTr("Nothing found for “%1”: no key id, key start or name, or API matches.").arg(text);
        if (finder.ownersSearched)
            return qsTr("Nothing found for “%1”: no key id or owner matches.").arg(text);
        return finder.keyIdSearched ? qsTr("Nothing found for “%1”: no key has this id.").arg(text)
                                    : qsTr("Nothing found for “%1”: it is not a key id (key_…), and only key ids were searched.").arg(text);
    }
    /// What is not searched, or only partly, and why: a line each, under the field.
    function unsearched(): string {
        const owners = mayNotFindOwners !== "" ? qsTr("Owners are not searched: %1").arg(mayNotFindOwners)
                     : findsOwnersByExactId ? qsTr("Owners are found by their exact external id or id only: %1").arg(mayNotListOwners)
                     : "";
        const apis = mayNotFindApis !== "" ? qsTr("APIs, and keys by name or start, are not searched: %1").arg(mayNotFindApis) : "";
        return owners !== "" && apis !== "" ? owners + "\n" + apis : owners + apis;
    }
    /// The matches on screen (the last search's, while the text is still what was searched).
    readonly property var matches: finder.searched !== "" && finder.searched === field.text.trim() ? finder.matches : []

    objectName: "globalSearch"
    title: qsTr("Go to")
    modal: true
    // A fixed top, centred across: the dialog grows and shrinks downwards as matches come and go
    // (walk 19: centred, its top jumped between 99 and 223 px under the pointer).
    parent: Overlay.overlay
    // (The overlay is null until the dialog's item is in a window.)
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round(Math.min(parent.height * 0.12, 96)) : 0
    width: 560
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    // Cleared before it shows, so keys typed right after Ctrl+K never join the previous search.
    onAboutToShow: {
        finder.clear();
        field.text = "";
        openOnAnswer = false;
    }
    onOpened: field.forceActiveFocus()
    // An answer arriving after Esc opens nothing.
    onAboutToHide: {
        typing.stop();
        finder.clear();
        asked = "";
    }

    /// Enter was pressed for the text in the field before its answer came: the one match opens.
    property bool openOnAnswer: false
    /// The text last handed to the finder (its answer may still be out).
    property string asked

    function ask(text: string): void {
        asked = text;
        if (text === "")
            finder.clear();
        else
            finder.search(text);
    }

    // Ctrl+K again while the dialog plays its closing animation (Material's, 220 ms, right after
    // Enter opened a match: a keyboard user hopping on) opens it again. The window's Ctrl+K cannot:
    // Qt Quick blocks the window's shortcuts while a modal popup is visible, on its way out too,
    // and the text typed after it went into the opened page's filter (tst_keyboard
    // ctrlKRightAfterGoToOpenedAMatch). Only while visible: two enabled Ctrl+K are ambiguous, and
    // neither would fire.
    Shortcut {
        sequence: "Ctrl+K"
        enabled: search.visible
        onActivated: search.open()
    }

    // Live results: the text is looked up once typing pauses, not on every key.
    Timer {
        id: typing
        objectName: "globalSearchTyping"
        interval: 200
        onTriggered: {
            const text = field.text.trim();
            if (text !== search.asked)
                search.ask(text);
        }
    }

    GoToSearch {
        id: finder
        client: search.session.client
        // Not before whoami answered: the key may turn out not to read them.
        findsOwners: !search.may.pending && search.mayNotFindOwners === ""
        findsApis: !search.may.pending && search.mayNotFindApis === ""
        listsOwners: !search.may.pending && search.mayNotListOwners === ""
        onFinished: {
            results.currentIndex = 0;
            if (finder.searched === "" || finder.searched !== field.text.trim())
                return;
            const enterPressed = search.openOnAnswer;
            search.openOnAnswer = false;
            // Enter asked for it, and there is one match: no list to choose from. (finder's own
            // list: the bindings on it may not have caught up yet in this handler.) `visible`, not
            // `opened`: that is false until the opening animation ends, and an answer from a near
            // server often comes sooner.
            if (enterPressed && search.visible && finder.matches.length === 1)
                search.openMatch(finder.matches[0]);
        }
    }

    function openMatch(match: var): void {
        if (!match)
            return;
        close();
        session.openPage(match.page, match.properties);
    }

    function go(): void {
        const text = field.text.trim();
        if (text === "" || nothingMatched)
            return;
        // Enter on a listed result of this very text opens it; otherwise its answer opens the
        // one match (asked now if typing had not paused long enough yet).
        if (matches.length > 0 && results.currentIndex >= 0) {
            openMatch(matches[results.currentIndex]);
            return;
        }
        typing.stop();
        openOnAnswer = true;
        if (text !== asked || !finder.searching) // not twice while its answer is out
            ask(text);
    }

    /// A key's state when it is not plainly active, first in its line: a rerolled key and its
    /// replacement have the same name, the old one expiring (walkthrough 14b).
    function keyState(match: var): string {
        if (match.kind !== "key")
            return "";
        const now = Date.now();
        const expiry = match.expires > now ? qsTr("expires %1", "Ctrl+K: a key's state, e.g. expires in 1 hour").arg(session.format.relative(match.expires))
                     : match.expires > 0 ? qsTr("expired", "Ctrl+K: a key's state") : "";
        const off = match.enabled === false ? qsTr("disabled", "Ctrl+K: a key's state") : "";
        return [off, expiry].filter(part => part !== "").join(", ");
    }

    function detailLine(match: var): string {
        const state = keyState(match);
        return state !== "" ? state + " · " + match.detail : match.detail;
    }

    /// The match's first line: "Key: checkout (sk_3Zx…)". A key's start beside its name, as the
    /// keys list shows it: a rerolled key and its successor have the same name (walk 20/16).
    function titleLine(match: var): string {
        const title = kindName(match.kind) + ": " + match.title;
        return match.start ? title + " (" + match.start + "…)" : title;
    }

    function kindName(kind: string): string {
        return kind === "key" ? qsTr("Key") : kind === "owner" ? qsTr("Owner") : qsTr("API");
    }

    ColumnLayout {
        width: search.availableWidth
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: search.findsOwnersByExactId
                  ? qsTr("A key id, a key's start or name, an owner's exact external id, or an API's name:")
                  : qsTr("A key id, a key's start or name, an owner's external id, or an API's name:")
        }
        TextField {
            id: field
            objectName: "globalSearchField"
            Layout.fillWidth: true
            // The dialog's focus item from the moment it opens: keys typed during its opening
            // animation land here too (onOpened comes only after it).
            focus: true
            placeholderText: qsTr("e.g. key_…, sk_3Zx, Checkout service, customer-4711")
            Accessible.name: qsTr("Key, owner or API to go to")
            onAccepted: search.go()
            // A changed text is a new question: the old answer (and "nothing found") goes at
            // once (`matches` and `message` hold only this text's), the new one a moment later.
            onTextEdited: {
                search.openOnAnswer = false;
                typing.restart();
            }
            Keys.onDownPressed: if (results.count > 0) results.currentIndex = Math.min(results.count - 1, results.currentIndex + 1)
            Keys.onUpPressed: if (results.count > 0) results.currentIndex = Math.max(0, results.currentIndex - 1)
        }
        Label {
            objectName: "globalSearchUnsearched"
            Layout.fillWidth: true
            visible: text !== ""
            // A missing permission ("identity.*.read_identity") is one word to the user: wrapped
            // between words only, never inside one.
            wrapMode: Text.WordWrap
            opacity: 0.7
            font.pixelSize: 12
            text: search.unsearched()
        }
        Label {
            objectName: "globalSearchMessage"
            Layout.fillWidth: true
            visible: search.message !== ""
            wrapMode: Text.Wrap
            text: search.message
        }
        ListView {
            id: results
            objectName: "globalSearchResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 320)
            visible: count > 0
            clip: true
            model: search.matches
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matches")
            delegate: ItemDelegate {
                id: row
                required property var modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: search.titleLine(row.modelData) // qmllint disable unqualified
                Accessible.name: row.text + ", " + search.detailLine(row.modelData) // qmllint disable unqualified
                contentItem: ColumnLayout {
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        objectName: "globalSearchTitle"
                        text: row.text
                        elide: Text.ElideMiddle // a long name loses its middle, not the key's start
                        font.bold: row.highlighted
                    }
                    Label {
                        Layout.fillWidth: true
                        objectName: "globalSearchDetail"
                        text: search.detailLine(row.modelData) // qmllint disable unqualified
                        elide: Text.ElideMiddle
                        opacity: 0.7
                        font.pixelSize: 12
                    }
                }
                onClicked: search.openMatch(row.modelData) // qmllint disable unqualified
            }
        }
        Label {
            Layout.fillWidth: true
            visible: search.matches.length > 0 && finder.moreMatches > 0
            wrapMode: Text.Wrap
            opacity: 0.7
            text: qsTr("%n more match(es) not shown: type more of the name.", "", finder.moreMatches)
        }
    }

    footer: Pane {
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Item {
                Layout.fillWidth: true
            }
            FocusButton {
                text: qsTr("Cancel")
                flat: true
                onClicked: search.close()
            }
            FocusButton {
                objectName: "globalSearchGo"
                text: search.matches.length > 0 ? qsTr("Open") : qsTr("Go")
                // Nothing typed, or nothing found for it: nothing to go to (walk 19: "Go" did nothing).
                enabled: field.text.trim() !== "" && !search.nothingMatched
                highlighted: true
                onClicked: search.go()
            }
        }
    }
}
