import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The key page's header: Back, the key's name, start, status and badges on one row; "Created … ·
// last used …" beside them where it fits, else on one line below the title (walkthrough H16:
// beside the badges it wrapped into five lines at 1024 px in German and Spanish).
ToolBar {
    id: headerBar

    required property KeyDetailController key
    required property Session session
    required property string title
    /// The key's name in the title row: where the page shows the keyboard focus it opens with
    /// (KeyDetailPage's `pageTop` frames it).
    readonly property alias titleItem: titleLabel
    /// Back was clicked (the page asks first when cards hold drafts).
    signal backClicked()

    /// The lists' badges beyond what the status pill says (no credits, low credits, expiring,
    /// replaced). "Replaced" only where no "expiring" pill says when the key stops already: the
    /// note under the header says it is replaced, and two pills made the header four lines tall
    /// in German (tst_keypagelayout headerLineShowsWhole).
    function headerBadges(deleted: bool, badges: var): var {
        return deleted ? [] : badges.filter(badge => !["active", "disabled", "expired"].includes(badge)
                                             && !(badge.startsWith("replaced") && badges.includes("expiring")));
    }

    /// The dates stand on a line of their own under the title where the title row could not hold
    /// them beside the longest title (420 px), the longest start, the widest status and two
    /// badges. Decided by the width and the language alone, never by the key shown: measured on
    /// what was shown, the header took one line while the key loaded and two once it had, and one
    /// or two for two keys of names as long (walk 23/Y4). A key with more badges than that on one
    /// line has its dates elided there, whole in their tooltip.
    /// The column's width, not the title row's: without the dates (which fill it) the row is only as
    /// wide as its parts, and the dates, once below, stayed below at any width.
    readonly property bool datesBelow: datesColumn.width < back.implicitWidth + 420 + roomFor.start + roomFor.status
                                                        + roomFor.badges + roomFor.dates + 5 * titleRow.spacing
    /// The widest each part of the title row is for any key, in the language shown.
    readonly property var roomFor: {
        const statuses = [qsTr("Deleted"), qsTr("Disabled"), qsTr("Expired"), qsTr("Active")];
        const pill = badge => badgesRow.textWidth(badgesRow.shortLabel(badge)) + 12;
        return {
            // The longest start: a 16-character prefix, "_", four characters and "…".
            start: Math.ceil(monoMetrics.advanceWidth("x".repeat(21) + "…")),
            status: Math.max(...statuses.map(text => Math.ceil(pillMetrics.advanceWidth(text)))) + 20,
            badges: pill("lowCredits") + badgesRow.spacing + pill("rateLimited"),
            // A date of two-digit day, month, hour and minute, used within the hour.
            dates: Math.ceil(datesMetrics.advanceWidth(qsTr("Created %1 · last used %2")
                                                       .arg(headerBar.session.format.dateTime(Date.UTC(2026, 11, 28, 22, 58)))
                                                       .arg(headerBar.session.format.relative(Date.now() - 59 * 60000))))
        };
    }
    FontMetrics {
        id: monoMetrics
        font: startLabel.font
    }
    FontMetrics {
        id: pillMetrics
        font: statusPill.font
    }
    FontMetrics {
        id: datesMetrics
        font: dates.font
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
                onClicked: headerBar.backClicked()
            }
            Label {
                id: titleLabel
                Layout.maximumWidth: 420
                text: headerBar.title
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                id: startLabel
                Layout.minimumWidth: implicitWidth
                text: headerBar.key.start !== "" ? headerBar.key.start + "…" : ""
                font.family: "monospace"
                opacity: 0.7
            }
            Label {
                id: statusPill
                objectName: "key-status"
                Layout.minimumWidth: implicitWidth
                // `expired` follows the time: the pill turns "Expired" on a page left open.
                text: headerBar.key.deleted ? qsTr("Deleted")
                      : !headerBar.key.enabled ? qsTr("Disabled")
                      : headerBar.key.expired ? qsTr("Expired")
                      : qsTr("Active")
                visible: headerBar.key.loaded || headerBar.key.deleted
                color: "white"
                padding: 4
                leftPadding: 10
                rightPadding: 10
                background: Rectangle {
                    radius: height / 2
                    color: headerBar.key.deleted || !headerBar.key.enabled ? Material.color(Material.Grey)
                           : headerBar.key.expired ? Material.color(Material.Red)
                           : Material.color(Material.Green, Material.Shade700)
                }
            }
            KeyStatusBadges {
                // What the lists add to the status above (no credits, low credits, expiring), so a key
                // whose every verification answers USAGE_EXCEEDED does not read as plainly "Active".
                id: badgesRow
                objectName: "key-badges"
                Layout.minimumWidth: implicitWidth
                badges: headerBar.headerBadges(headerBar.key.deleted, headerBar.key.badges)
                expires: headerBar.key.expires
                format: headerBar.session ? headerBar.session.format : null
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
            text: headerBar.key.loaded ? qsTr("Created %1 · last used %2")
                                  .arg(headerBar.session.format.dateTime(headerBar.key.createdAt))
                                  .arg(headerBar.key.lastUsedAt > 0 ? headerBar.session.format.relative(headerBar.key.lastUsedAt, headerBar.session.format.now)
                                                             : qsTr("never"))
                                : ""
            elide: Text.ElideRight
            opacity: 0.7
            TipHover {
                id: datesHover
            }
            ToolTip.visible: datesHover.showsTip && dates.truncated
            ToolTip.text: dates.text
        }
    }
}
