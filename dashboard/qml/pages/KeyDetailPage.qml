import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
// Qt 6.4's qmllint does not follow a page's import of a components/ script: its uses are
// "// qmllint disable"d line by line.
import "../components/AuditEvents.js" as AuditEvents

// One key, every field editable in place. Each card saves its own field with one API call and
// shows its saving state and the server's answer (KeySection: drafts with Save/Discard, or
// "applies at once"; leaving with drafts asks first), in the order of use; the usage charts and
// recent verifications come from the web console (KeyUsageCard), and the key actions (reroll,
// delete) last. After a delete the page closes; after a reroll the new key's page opens over it.
Page {
    id: page

    required property Session session
    required property string keyId
    /// The key's API when the opener knows it (its keys.getKey answer names it otherwise:
    /// KeyDetailController.apiId); exact permission names, and "Issue another key" pre-fill.
    property string apiId
    readonly property KeyDetailController controller: detail
    /// Ctrl+N on a key's page: another key in its API for its owner, with its prefix (support
    /// issues a customer a second key like the first: walk 22/X7), all shown in the form to change.
    readonly property var issuePrefill: ({apiId: detail.apiId, externalId: detail.deleted ? "" : detail.externalId,
                                          prefix: page.prefixOf(detail.start)})
    /// The prefix of a key whose start is @p start: what comes before its last "_" ("sk_live" of
    /// "sk_live_3xYz"; the generated part never holds one), "" for a key without a prefix.
    function prefixOf(start: string): string {
        const end = start.lastIndexOf("_");
        return end > 0 ? start.slice(0, end) : "";
    }

    readonly property string missingUpdate: session.capabilities.missing(detail.permissionFor("update_key", detail.apiId), session.capabilities.revision)
    /// Set on the page of a new key that a reroll just made: the old key's start and expiry.
    property string replacedStart
    /// The id of the key a reroll just replaced with this one (its note links to it).
    property string replacedKeyId
    property real replacedExpires: 0
    /// Whether the replaced key was enabled (a reroll copies `enabled`: the new key is disabled too).
    property bool replacedWasEnabled: true
    /// The expiry the reroll copied from the replaced key (the new key's first load; -1 before).
    property real copiedExpires: -1
    /// The cards whose drafts are not saved (KeySection.dirty).
    readonly property var unsavedSections: {
        const found = [];
        for (let i = 0; i < sectionsGrid.children.length; ++i) {
            const item = sectionsGrid.children[i];
            if (item["dirty"] === true)
                found.push(item);
        }
        return found;
    }

    /// Main.qml calls this before the page goes away (back, Alt+Left, the sidebar): runs @p leave
    /// at once, or after the user agreed to drop the unsaved drafts.
    function confirmLeave(leave: var): void {
        if (unsavedSections.length === 0) {
            leave();
            return;
        }
        confirmDiscard.leave = leave;
        confirmDiscard.open();
    }

    /// The reroll's new key opens over this page (the list below refreshes to show both keys):
    /// Back, or deleting the new key, returns to the old key's page the user came from (walk 21/W16).
    function showNewKey(newKeyId: string, oldExpires: real, oldWasEnabled: bool): void {
        const view = page.StackView.view;
        if (!view)
            return;
        page.refreshPage(view.depth > 1 ? view.get(view.depth - 2, StackView.DontLoad) : null);
        view.push(Qt.resolvedUrl("KeyDetailPage.qml"),
                     { session: page.session, objectName: page.objectName, keyId: newKeyId, apiId: detail.apiId,
                       replacedStart: detail.start, replacedKeyId: page.keyId, replacedExpires: oldExpires,
                       replacedWasEnabled: oldWasEnabled },
                     StackView.Immediate);
    }

    /// The key that replaced this one: its start, or its id until the start is known.
    /// The key that replaced this one, as the note names it: its start and "…" (the start is
    /// its beginning), else its whole id; a successor deleted since is said so.
    readonly property string replacedBy: detail.replacedByDeleted
                                         ? qsTr("a key deleted since (%1)").arg(detail.replacedById)
                                         : detail.replacedByStart !== "" ? detail.replacedByStart + "…" : detail.replacedById

    /// A key the reroll notes name (its replacement, the key it replaced), over this page: Back
    /// returns here.
    function openLinkedKey(linkedKeyId: string): void {
        page.session.openPage("keyDetail", { keyId: linkedKeyId, apiId: detail.apiId });
    }

    title: detail.name !== "" ? detail.name : qsTr("Key %1").arg(detail.start !== "" ? detail.start : keyId)

    KeyDetailController {
        id: detail
        // Nothing is fetched before whoami answers: what the key loads next (the audit log's
        // reroll) depends on what the root key may read.
        client: page.session.capabilities.pending ? null : page.session.client
        keyId: page.keyId
        apiId: page.apiId
        // "rate limited" as the key lists say it, where the root key may read analytics.
        rateLimitBadges: page.session.capabilities.may("api.*.read_analytics", page.session.capabilities.revision)
        // keys.getKey does not say whether a reroll replaced the key; the audit log does (asked
        // once, when the key first loads).
        onKeyChanged: {
            if (detail.loaded && page.replacedStart !== "" && page.copiedExpires < 0)
                page.copiedExpires = detail.expires;
            if (!detail.loaded || page.replacementAsked)
                return;
            page.replacementAsked = true;
            if (page.session.capabilities.may("workspace.*.read_audit_log", page.session.capabilities.revision))
                detail.findReplacement();
        }
    }
    property bool replacementAsked: false

    header: KeyPageHeader {
        id: keyHeader
        key: detail
        session: page.session
        title: page.title
        onBackClicked: page.confirmLeave(() => page.StackView.view ? page.StackView.view.pop() : undefined)
    }

    // Key lists (an API's keys, an owner's keys) follow what this page changes, however it was
    // opened. A deleted key has nothing left to show: back to where the user came from, and a list
    // there reloads so the key is gone from it.
    Connections {
        target: detail
        function onSaved(field: string) {
            if (field !== "delete") {
                page.session.keyUpdated(page.keyId);
                return;
            }
            page.session.keyDeleted(page.keyId);
            page.leaveDeleted();
        }
        // Lists show a reroll's new key, and the old one as replaced.
        function onRerolled() {
            page.session.keysChanged();
        }
    }
    // The key may have been used while its page was open (last used, credits left). Not when
    // Disconnect removes it: the lists below go too, and a fetch then asked a server let go of.
    StackView.onRemoved: if (!detail.deleted && page.session.connected) page.session.keyUpdated(page.keyId)

    /// Set when this key was deleted on another page of it: Back skips this page (Main.qml).
    property bool keyGone: false
    Connections {
        target: page.session
        function onKeyDeleted(deletedId: string) {
            if (deletedId === page.keyId)
                page.keyGone = true;
            else
                detail.keyDeleted(deletedId); // its replacement: "replaced by a key deleted since"
        }
    }

    /// After the delete: back to the page the key was opened from (a list, an owner), past every
    /// page of a deleted key (Back must never land on one), and the notice says it there.
    function leaveDeleted(): void {
        const view = page.StackView.view;
        // Two keys may share a name (a reroll's new key has the old one's): the start tells which.
        const named = detail.name !== "" && detail.start !== "";
        if (view) {
            let below = null;
            for (let i = page.StackView.index - 1; i >= 0 && below === null; --i) {
                const item = view.get(i, StackView.DontLoad);
                if (!(item && item["keyGone"] === true))
                    below = item;
            }
            if (below)
                view.pop(below);
            else
                view.pop();
            page.refreshPage(view.currentItem);
        }
        if (named)
            page.session.notice(AuditEvents.fillIn(qsTr("Key “%1” (%2…) deleted"), [detail.name, detail.start])); // qmllint disable
        else
            page.session.notice(qsTr("Key “%1” deleted").arg(detail.name !== "" ? detail.name
                                                              : detail.start !== "" ? detail.start + "…" : page.keyId));
    }

    // Untyped: any page may define refresh() (KeysPage, OwnerDetailPage).
    function refreshPage(below: var): void {
        if (below && typeof below["refresh"] === "function")
            below["refresh"]();
    }

    ConfirmDialog {
        id: confirmDiscard
        objectName: "confirm-discard"
        /// What leaving does once the user agreed.
        property var leave: null
        title: qsTr("Discard unsaved changes?")
        text: qsTr("These cards have changes that are not saved: %1. Leaving the page discards them.")
              .arg(page.unsavedSections.map(item => item["title"]).join(", "))
        confirmText: qsTr("Discard and leave")
        destructive: true
        onConfirmed: {
            const leave = confirmDiscard.leave;
            confirmDiscard.leave = null;
            if (leave)
                leave();
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: (detail.loading || page.session.capabilities.pending) && !detail.loaded
        visible: running
    }

    KeyLoadFailed {
        id: loadFailed
        anchors.centerIn: parent
        key: detail
        canGoBack: page.StackView.view !== null && page.StackView.index > 0
        onBackClicked: page.StackView.view.pop()
    }
    Connections {
        target: loadFailed.backButton
        function onVisibleChanged() {
            if (loadFailed.backButton.visible && page.Window.activeFocusItem === page)
                page.focusContent();
        }
    }

    // Ctrl+Down / Ctrl+Up: the next / previous card, instead of many Tabs.
    CardJumps {
        id: cardJumps
        cards: sectionsGrid
        active: page.StackView.status === StackView.Active && detail.loaded
    }

    /// Main.qml, when the page opens: the keyboard focus at the top of the cards (`pageTop`), in
    /// no field, so what is typed next changes nothing (issue 4: the caret in Name renamed the key
    /// with the first keys typed); Tab goes on into the first card, Ctrl+Down card by card. Not in
    /// the sidebar nor on Back (Alt+Left). The page itself until the key has loaded, and the
    /// not-found state's Back button.
    function focusContent(): void {
        if (scroll.visible)
            pageTop.forceActiveFocus(Qt.OtherFocusReason);
        else if (loadFailed.backButton.visible)
            loadFailed.backButton.forceActiveFocus(Qt.OtherFocusReason);
        else
            page.forceActiveFocus(Qt.OtherFocusReason);
    }
    Connections {
        target: scroll
        function onVisibleChanged() {
            if (scroll.visible && page.Window.activeFocusItem === page)
                page.focusContent();
        }
    }

    /// Tab below the visible part (the Credits card) scrolls the card into view.
    property FocusScroller focusScroller: FocusScroller {
        flickable: scroll.contentItem as Flickable
    }

    // Where the keyboard focus is when the page opens, and after a click on a blank part of it:
    // before the cards in the Tab chain (Tab enters the first card), and outside the scrolled
    // content, so that FocusScroller does not scroll the page to it on a click. Over the key's name
    // in the header, framed there when the page was opened from the keyboard (Enter on a list's
    // row, Back after a deletion: walkthrough 22, X5/X9: no control showed the focus, and the first
    // Tab went to Name unannounced); not after a click, as every focus frame.
    Item {
        id: pageTop
        objectName: "key-page-top"
        parent: keyHeader.titleItem
        anchors.fill: parent
        Accessible.role: Accessible.Pane
        Accessible.name: page.title
        // Into the first card (or the reroll note above them): the focus chain's own next item
        // from here was the header's Back button.
        Keys.onTabPressed: cardJumps.focusCard(1)

        Rectangle {
            objectName: "focusFrame"
            anchors.fill: parent
            anchors.margins: -4
            color: "transparent"
            border.width: 2
            border.color: keyHeader.titleItem.color
            radius: 4
            visible: pageTop.activeFocus && LastInput.keyboard
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: detail.loaded && !detail.deleted
        contentWidth: availableWidth
        // The cards' margins above and below them: without, the page ended 16 px above the
        // charts' bottom.
        contentHeight: sectionsGrid.implicitHeight + 32
        clip: true

        // In the order support staff use them (issue 4): what the key is, then credits and rate
        // limits (what support changes most, in the first screen also at 1024×700: walkthrough
        // 22 X25 found them two screens down), status and expiry, permissions, meta; the usage
        // below; what cannot be undone (reroll, delete) last. Two columns from a 1024 px window
        // on: in one, a one-line Name card was 795 px wide.
        GridLayout {
            id: sectionsGrid
            width: scroll.availableWidth - 32
            x: 16
            y: 16
            columns: width > 700 ? 2 : 1
            columnSpacing: 16
            rowSpacing: 16
            /// The width of a card in one column: both columns equally wide, whatever the cards'
            /// contents (and a "✓ Saved" appearing) would ask for; the cards wrap their rows to it.
            readonly property real cellWidth: columns > 1 ? (width - columnSpacing * (columns - 1)) / columns : width

            KeyRerollNotes {
                id: rerollNotes
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                key: detail
                format: page.session.format
                replacedStart: page.replacedStart
                replacedKeyId: page.replacedKeyId
                replacedExpires: page.replacedExpires
                replacedWasEnabled: page.replacedWasEnabled
                copiedExpires: page.copiedExpires
                replacedBy: page.replacedBy
                onOpened: linkedKeyId => page.openLinkedKey(linkedKeyId)
                onShown: note => page.focusScroller.show(note)
            }

            KeyTextSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                title: qsTr("Name")
                field: "name"
                controller: detail
                value: detail.name
                placeholderText: qsTr("No name")
                missing: page.missingUpdate
                onSaveRequested: text => detail.saveName(text)
            }
            KeyTextSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                title: qsTr("Owner")
                field: "owner"
                controller: detail
                value: detail.externalId
                placeholderText: qsTr("No owner")
                hint: qsTr("The customer's external id; a new owner is created if needed.")
                ownerSession: page.session
                missing: page.missingUpdate
                onSaveRequested: text => detail.saveOwner(text)
            }

            KeyCreditsSection {
                objectName: "section-credits"
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                format: page.session.format
                missing: page.missingUpdate
            }
            RatelimitsSection {
                objectName: "section-ratelimits"
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                source: detail
                missing: page.missingUpdate
            }

            KeyStatusSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                missing: page.missingUpdate
            }
            KeyExpirySection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                format: page.session.format
                missing: page.missingUpdate
            }

            KeyAccessSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                session: page.session
            }
            MetaSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                source: detail
                missing: page.missingUpdate
            }

            KeyUsageCard {
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                key: detail
                session: page.session
            }

            // Last: nothing here is needed day to day, and nothing of it can be undone.
            KeyActionsSection {
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                key: detail
                session: page.session
                replacedStart: page.replacedWasEnabled ? page.replacedStart : ""
                replacedWorksUntil: page.replacedExpires
                onNewKeyOpened: (keyId, oldExpires, oldWasEnabled) => page.showNewKey(keyId, oldExpires, oldWasEnabled)
                onNewKeyClosed: rerollNotes.focusReplacedBy()
            }
        }
    }

    // Over the page: a click on a blank part takes the focus out of a text field (issue 4).
    BlankClickFocus {
        anchors.fill: scroll
        visible: scroll.visible
        content: scroll
        focusTarget: pageTop
    }
}
