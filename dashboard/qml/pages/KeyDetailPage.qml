import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// One key, every field editable in place. Each card saves its own field with one API call and
// shows its saving state and the server's answer (KeySection: drafts with Save/Discard, or
// "applies at once"; leaving with drafts asks first); the usage charts and recent verifications
// come from the web console (ConsoleView, "#/keys/<keyId>"), last. After a delete the page
// closes; after a reroll it makes way for the new key's page.
Page {
    id: page

    required property Session session
    required property string keyId
    /// Optional: the key's API (exact permission names, and "Issue another key" pre-fill).
    property string apiId
    readonly property KeyDetailController controller: detail
    /// Ctrl+N on a key's page: another key in its API for its owner (support issues a customer a
    /// second key from the first), both shown in the form to change.
    readonly property var issuePrefill: ({apiId: page.apiId, externalId: detail.deleted ? "" : detail.externalId})

    /// The lists' badges beyond what the status pill says (no credits, low credits, expiring).
    function headerBadges(deleted: bool, badges: var): var {
        return deleted ? [] : badges.filter(badge => !["active", "disabled", "expired"].includes(badge));
    }
    readonly property string missingUpdate: session.capabilities.missing(detail.permissionFor("update_key"), session.capabilities.revision)
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

    /// The reroll's new key replaces this page (the list below refreshes to show both keys).
    function showNewKey(newKeyId: string, oldExpires: real, oldWasEnabled: bool): void {
        const view = page.StackView.view;
        if (!view)
            return;
        page.refreshPage(view.depth > 1 ? view.get(view.depth - 2, StackView.DontLoad) : null);
        // Last: this page is gone after it.
        view.replace(page, Qt.resolvedUrl("KeyDetailPage.qml"),
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

    // The key's name, start, status and badges on one row; "Created … · last used …" beside them
    // where it fits, else on one line below the title (walkthrough H16: beside the badges it
    // wrapped into five lines at 1024 px in German and Spanish).
    header: ToolBar {
        id: headerBar

        /// The dates stand on a line of their own under the title: beside the badges they would
        /// make the title elide, or not fit at all.
        readonly property bool datesBelow: {
            const shown = [back, titleLabel, startLabel, statusPill, badgesRow].filter(item => item.visible);
            const used = shown.reduce((sum, item) => sum + (item === titleLabel ? Math.min(item.implicitWidth, 420)
                                                                                 : item.implicitWidth), 0)
                         + titleRow.spacing * shown.length;
            return dates.implicitWidth > titleRow.width - used;
        }

        ColumnLayout {
            id: datesColumn
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            spacing: 0

            RowLayout {
                id: titleRow
                Layout.fillWidth: true
                spacing: 12

                // Only the title gives way (it elides) when the row is short of room.
                FocusToolButton {
                    id: back
                    Layout.minimumWidth: implicitWidth
                    text: "←"
                    font.pixelSize: 18
                    Accessible.name: qsTr("Back")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Back (Alt+Left)")
                    onClicked: page.confirmLeave(() => page.StackView.view ? page.StackView.view.pop() : undefined)
                }
                Label {
                    id: titleLabel
                    Layout.maximumWidth: 420
                    text: page.title
                    font.pixelSize: 20
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    id: startLabel
                    Layout.minimumWidth: implicitWidth
                    text: detail.start !== "" ? detail.start + "…" : ""
                    font.family: "monospace"
                    opacity: 0.7
                }
                Label {
                    id: statusPill
                    objectName: "key-status"
                    Layout.minimumWidth: implicitWidth
                    text: detail.deleted ? qsTr("Deleted")
                          : !detail.enabled ? qsTr("Disabled")
                          : (detail.expires > 0 && detail.expires < Date.now()) ? qsTr("Expired")
                          : qsTr("Active")
                    visible: detail.loaded || detail.deleted
                    color: "white"
                    padding: 4
                    leftPadding: 10
                    rightPadding: 10
                    background: Rectangle {
                        radius: height / 2
                        color: detail.deleted || !detail.enabled ? Material.color(Material.Grey)
                               : (detail.expires > 0 && detail.expires < Date.now()) ? Material.color(Material.Red)
                               : Material.color(Material.Green, Material.Shade700)
                    }
                }
                KeyStatusBadges {
                    // What the lists add to the status above (no credits, low credits, expiring), so a key
                    // whose every verification answers USAGE_EXCEEDED does not read as plainly "Active".
                    id: badgesRow
                    objectName: "key-badges"
                    Layout.minimumWidth: implicitWidth
                    badges: page.headerBadges(detail.deleted, detail.badges)
                    expires: detail.expires
                    format: page.session ? page.session.format : null
                    visible: badges.length > 0
                }
            }
            // "Created … · last used …" in the title's row or below it (moved between the two),
            // one line, elided where it lacks room, the whole text then in its tooltip.
            Label {
                id: dates
                objectName: "key-created"
                parent: headerBar.datesBelow ? datesColumn : titleRow
                Layout.fillWidth: true
                Layout.leftMargin: headerBar.datesBelow ? back.width + titleRow.spacing : 0
                Layout.bottomMargin: headerBar.datesBelow ? 6 : 0
                horizontalAlignment: headerBar.datesBelow ? Text.AlignLeft : Text.AlignRight
                text: detail.loaded ? qsTr("Created %1 · last used %2")
                                      .arg(page.session.format.dateTime(detail.createdAt))
                                      .arg(detail.lastUsedAt > 0 ? page.session.format.relative(detail.lastUsedAt)
                                                                 : qsTr("never"))
                                    : ""
                elide: Text.ElideRight
                opacity: 0.7
                HoverHandler {
                    id: datesHover
                }
                ToolTip.visible: datesHover.hovered && dates.truncated
                ToolTip.text: dates.text
            }
        }
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
        }
    }

    /// After the delete: back to the page the key was opened from (a list, an owner), past every
    /// page of a deleted key (Back must never land on one), and the notice says it there.
    function leaveDeleted(): void {
        const view = page.StackView.view;
        const name = detail.name !== "" ? detail.name : detail.start !== "" ? detail.start + "…" : page.keyId;
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
        page.session.notice(qsTr("Key “%1” deleted").arg(name));
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

    // A key that is not there (any more: a deleted key's link in a top list) is said here, and
    // not in the window's banner too; trying again would only fail again, so the way out is Back.
    // Other failures (the server unreachable, an error) offer Try again.
    ColumnLayout {
        objectName: "key-load-failed"
        anchors.centerIn: parent
        visible: !detail.loaded && !detail.loading && detail.client !== null
        spacing: 12
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: detail.deleted ? qsTr("This key was deleted.") : detail.loadError
            font.pixelSize: 18
        }
        FocusButton {
            objectName: "key-load-retry"
            Layout.alignment: Qt.AlignHCenter
            visible: !detail.deleted && !detail.notFound
            text: qsTr("Try again")
            onClicked: detail.reload()
        }
        FocusButton {
            id: notFoundBack
            objectName: "key-not-found-back"
            Layout.alignment: Qt.AlignHCenter
            visible: detail.notFound && page.StackView.view !== null && page.StackView.index > 0
            text: qsTr("Back")
            highlighted: true
            onClicked: page.StackView.view.pop()
            onVisibleChanged: if (visible && page.Window.activeFocusItem === page) page.focusContent()
        }
    }

    // Ctrl+Down / Ctrl+Up: the next / previous card, instead of many Tabs.
    CardJumps {
        id: cardJumps
        cards: sectionsGrid
        active: page.StackView.status === StackView.Active && detail.loaded
    }

    /// Main.qml, when the page opens: the keyboard focus on the name, the first field (the key
    /// actions above it are Shift+Tab away), not in the sidebar nor on Back (Alt+Left); the page
    /// itself until the key has loaded, and the not-found state's Back button.
    function focusContent(): void {
        const first = scroll.visible ? cardJumps.firstControl(nameCard) : null;
        if (first)
            first.forceActiveFocus(Qt.OtherFocusReason);
        else if (notFoundBack.visible)
            notFoundBack.forceActiveFocus(Qt.OtherFocusReason);
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

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: detail.loaded && !detail.deleted
        contentWidth: availableWidth
        // The cards' margins above and below them: without, the page ended 16 px above the
        // charts' bottom.
        contentHeight: sectionsGrid.implicitHeight + 32
        clip: true

        GridLayout {
            id: sectionsGrid
            width: scroll.availableWidth - 32
            x: 16
            y: 16
            columns: width > 900 ? 2 : 1
            columnSpacing: 16
            rowSpacing: 16
            /// The width of a card in one column: both columns equally wide, whatever the cards'
            /// contents (and a "✓ Saved" appearing) would ask for; the cards wrap their rows to it.
            readonly property real cellWidth: columns > 1 ? (width - columnSpacing * (columns - 1)) / columns : width

            // First, not below the charts: the mouse wheel over the embedded web view scrolls the
            // view, not the page, so anything under it looked like the end of the page.
            Pane {
                objectName: "replaced-note"
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                visible: page.replacedStart !== ""
                Material.background: Material.color(Material.Green, page.Material.theme === Material.Dark ? Material.Shade900 : Material.Shade50)
                KeyLinkLabel {
                    id: replacedNote
                    objectName: "replaced-note-text"
                    width: parent.width
                    keyId: page.replacedKeyId
                    onOpened: linkedKeyId => page.openLinkedKey(linkedKeyId)
                    text: {
                        const now = Date.now();
                        const oldKey = replacedNote.link(page.replacedStart);
                        const old = !(page.replacedExpires > now)
                                    ? qsTr("This is the new key. It replaces %1…, which no longer works.").arg(oldKey)
                                    : !page.replacedWasEnabled
                                      ? qsTr("This is the new key. It replaces %1…, which stays disabled and expires %2 (%3).")
                                        .arg(oldKey).arg(page.session.format.dateTime(page.replacedExpires))
                                        .arg(page.session.format.relative(page.replacedExpires))
                                      : qsTr("This is the new key. It replaces %1…, which keeps working until %2 (%3).")
                                        .arg(oldKey).arg(page.session.format.dateTime(page.replacedExpires))
                                        .arg(page.session.format.relative(page.replacedExpires));
                        // The reroll copied the old key's state: say when that keeps the new key from working,
                        // while it still does (not a state the user gave the new key since).
                        const disabled = !page.replacedWasEnabled && !detail.enabled;
                        const expired = detail.expires > 0 && detail.expires <= now && detail.expires === page.copiedExpires;
                        const fresh = disabled && expired
                                      ? qsTr("Like the old key, it is disabled and expired: enable it and set a new expiry to use it.")
                                      : disabled ? qsTr("Like the old key, it is disabled: enable it under Status to use it.")
                                      : expired ? qsTr("It took over the old key's expiry, which has passed: set a new expiry to use it.")
                                      : "";
                        return fresh === "" ? old : old + " " + fresh;
                    }
                }
            }

            // A rerolled key: which key replaced it (from the audit log, or the reroll just made).
            Pane {
                id: replacedByPane
                objectName: "replaced-by-note"
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                visible: detail.replacedById !== ""
                // A reroll made here, the page scrolled down to Key actions: the note appears above
                // the view, where the user never saw it after Done (walkthrough 18). Shown.
                onVisibleChanged: if (visible) page.focusScroller.show(replacedByPane)
                Material.background: Material.color(Material.Amber, page.Material.theme === Material.Dark ? Material.Shade900 : Material.Shade50)
                KeyLinkLabel {
                    id: replacedByNote
                    objectName: "replaced-by-note-text"
                    width: parent.width
                    // A replacement deleted since has no page to open.
                    keyId: detail.replacedByDeleted ? "" : detail.replacedById
                    onOpened: linkedKeyId => page.openLinkedKey(linkedKeyId)
                    text: {
                        const replacement = replacedByNote.link(page.replacedBy);
                        return !detail.enabled
                               ? qsTr("Replaced by %1 — this key is disabled.").arg(replacement)
                               : detail.expires > 0 && detail.expires > Date.now()
                                 ? qsTr("Replaced by %1 — expires %2 (%3).").arg(replacement)
                                   .arg(page.session.format.relative(detail.expires))
                                   .arg(page.session.format.dateTime(detail.expires))
                                 : qsTr("Replaced by %1 — this key no longer works.").arg(replacement);
                    }
                }
            }

            KeyActionsSection {
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                key: detail
                session: page.session
                replacedStart: page.replacedWasEnabled ? page.replacedStart : ""
                replacedWorksUntil: page.replacedExpires
                onNewKeyOpened: (keyId, oldExpires, oldWasEnabled) => page.showNewKey(keyId, oldExpires, oldWasEnabled)
            }

            KeyTextSection {
                id: nameCard
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
                missing: page.missingUpdate
                onSaveRequested: text => detail.saveOwner(text)
            }

            KeySection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                title: qsTr("Status")
                field: "enabled"
                controller: detail
                showButtons: false
                missing: page.missingUpdate
                Switch {
                    id: enabledSwitch
                    objectName: "key-enabled"
                    FocusFrame { control: enabledSwitch } // the keyboard focus, visible
                    text: detail.enabled ? qsTr("Enabled: verifications can succeed")
                                         : qsTr("Disabled: every verification is rejected")
                    Accessible.name: qsTr("Key enabled")
                    onToggled: detail.saveEnabled(checked)
                    // Enter switches it as Space does: Enter presses every other focused control.
                    Keys.onReturnPressed: enabledSwitch.switchByKey()
                    Keys.onEnterPressed: enabledSwitch.switchByKey()
                    function switchByKey(): void {
                        toggle();
                        toggled();
                    }
                    // The toggle follows the controller (which restores it when the save fails).
                    Binding on checked {
                        value: detail.enabled
                        restoreMode: Binding.RestoreNone
                    }
                }
            }
            KeyExpirySection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                format: page.session.format
                missing: page.missingUpdate
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
            KeyRatelimitsSection {
                objectName: "section-ratelimits"
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                source: detail
                missing: page.missingUpdate
            }

            KeyAccessSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                key: detail
                session: page.session
            }
            KeyMetaSection {
                Layout.fillWidth: true
                Layout.preferredWidth: sectionsGrid.cellWidth
                Layout.alignment: Qt.AlignTop
                source: detail
                missing: page.missingUpdate
            }

            Pane {
                Layout.fillWidth: true
                Layout.columnSpan: parent.columns
                // The charts and the log at the height they need: they scroll with the page.
                Layout.preferredHeight: keyCharts.implicitHeight
                Material.elevation: 1
                padding: 0
                // Only for a key that loaded: for one that is not there the console would ask the
                // server for it once more. (The loader's implicit height is its view's.)
                Loader {
                    id: keyCharts
                    anchors.fill: parent
                    active: detail.loaded
                    sourceComponent: ConsoleView {
                        // The charts' heading names the key ("Usage of “…”"): it follows a
                        // rename as the page's own title does.
                        readonly property string keyName: detail.name // qmllint disable unqualified
                        onKeyNameChanged: renamed()
                        session: page.session // qmllint disable unqualified
                        view: "/keys/" + page.keyId // qmllint disable unqualified
                        dark: page.Material.theme === Material.Dark // qmllint disable unqualified
                    }
                }
            }

        }
    }
}
