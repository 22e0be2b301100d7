import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard
import "KeyColumns.js" as KeyColumns

// One row of a key table (KeysPage, OwnerDetailPage): selection box, name, start, owner or API,
// status badges, credits left and last use, in the columns of KeyTableHeader. A click opens the key;
// the list handles Space (select) and Enter (open) for the current row.
ItemDelegate {
    id: row
    objectName: "keyRow"

    required property int index
    required property string keyId
    required property string name
    required property string start
    required property string externalId
    required property string apiId
    required property var badges
    required property double expires
    required property bool hasCreditLimit
    required property var creditsRemaining
    required property double lowCreditsAt
    required property double refillAmount
    required property double lastUsedAt
    required property bool selected

    required property Formatter format
    property bool selectable: true
    property bool showOwner: true
    /// The "API" column: the key's API by @p apiName, by its id until that is known.
    property bool showApi: false
    property string apiName
    /// The name is cut (its tooltip has the row's hover to itself).
    property bool nameCut: false
    /// The name wraps on two lines: they hold it (under twice its column, a little room lost where a
    /// line breaks between words); a longer one is cut in the middle on one line.
    readonly property bool nameOnTwoLines: nameMetrics.advanceWidth <= 1.8 * columns.name

    /// The columns' widths (KeyColumns.js), from this row's width only: as KeyTableHeader's.
    readonly property var columns: KeyColumns.widths(availableWidth, mono.averageCharacterWidth, showOwner, selectable, showApi,
                                                     titles.minimums, titles.wholes)

    signal toggled(int index, bool selected)
    signal opened(string keyId)

    width: ListView.view ? ListView.view.width : implicitWidth
    rightPadding: KeyColumns.endPadding // clear of the list's scroll bar over the rows' end (W20)
    highlighted: ListView.isCurrentItem
    Accessible.name: qsTr("Key %1, %2").arg(name !== "" ? name : start).arg(badges.join(", "))
    onClicked: opened(keyId)
    // The list gives its current row the focus: Space selects here (a plain delegate would open).
    Keys.onSpacePressed: event => {
        if (row.selectable)
            row.toggled(row.index, !row.selected);
        else
            event.accepted = false;
    }

    ListFocusRing {
        row: row
    }
    // The row's hover for its cells' tooltips (a cell stops fitting as the list changes).
    TipHover {
        id: rowTip
    }
    // The "Start" column's font (the row's, monospace), for the column widths; not shown.
    Label {
        id: monoProbe
        visible: false
        font.family: "monospace"
    }
    FontMetrics {
        id: mono
        font: monoProbe.font
    }
    // The name's width on one line (nameOnTwoLines).
    TextMetrics {
        id: nameMetrics
        font: row.font
        text: row.name
    }
    // The titles' widths: the header's columns are at least that wide, so these are too.
    KeyColumnTitles {
        id: titles
    }

    contentItem: RowLayout {
        spacing: KeyColumns.spacing
        // The box without Material's 48 px touch frame around it: rows one line high, so that six
        // or more are in sight under an API's charts at 1024 × 768 (issue 4: they were 64 px).
        CheckBox {
            visible: row.selectable
            padding: 0
            verticalPadding: 0
            checked: row.selected
            focusPolicy: Qt.NoFocus
            Layout.preferredWidth: row.columns.check
            Layout.minimumWidth: row.columns.check
            Layout.maximumWidth: row.columns.check
            Accessible.name: qsTr("Select key %1").arg(row.name !== "" ? row.name : row.start)
            onToggled: row.toggled(row.index, checked)
        }
        // On two lines where one is too narrow (1024 px: walkthrough 23, Y8 "key 10 …initech"), so
        // the name support reads out is whole; a name longer than two lines is cut in the middle
        // on one: what tells one owner's keys apart is often its end ("Kunde acme_corp_42
        // Schlüssel 55"). A cut name shows whole in a tooltip over its row (as the audit log's
        // rows; no ids in the deferred contentItem).
        Label {
            objectName: "key-row-name"
            Layout.preferredWidth: row.columns.name
            Layout.minimumWidth: row.columns.name
            Layout.maximumWidth: row.columns.name
            text: row.name !== "" ? row.name : qsTr("(unnamed)")
            opacity: row.name !== "" ? 1 : 0.6
            wrapMode: row.nameOnTwoLines ? Text.Wrap : Text.NoWrap
            maximumLineCount: row.nameOnTwoLines ? 2 : 1
            elide: row.nameOnTwoLines ? Text.ElideRight : Text.ElideMiddle
            ToolTip.visible: truncated && rowTip.showsTip
            ToolTip.text: row.name
            onTruncatedChanged: row.nameCut = truncated
            ToolTip.delay: 300
        }
        // The other cells likewise stay inside their column: elided, whole in a tooltip over the
        // row unless the name is cut too (as the API's).
        Label {
            Layout.preferredWidth: row.columns.start
            Layout.minimumWidth: row.columns.start
            Layout.maximumWidth: row.columns.start
            text: row.start + "…"
            font.family: "monospace"
            elide: Text.ElideRight
            ToolTip.visible: truncated && rowTip.showsTip && !row.nameCut
            ToolTip.text: text
            ToolTip.delay: 300
        }
        Label {
            visible: row.showOwner
            Layout.preferredWidth: row.columns.owner
            Layout.minimumWidth: row.columns.owner
            Layout.maximumWidth: row.columns.owner
            text: row.externalId !== "" ? row.externalId : "—"
            elide: Text.ElideRight
            ToolTip.visible: truncated && rowTip.showsTip && !row.nameCut
            ToolTip.text: text
            ToolTip.delay: 300
        }
        Label {
            objectName: "key-row-api"
            visible: row.showApi
            Layout.preferredWidth: row.columns.api
            Layout.minimumWidth: row.columns.api
            Layout.maximumWidth: row.columns.api
            text: row.apiName !== "" ? row.apiName : row.apiId
            font.family: row.apiName !== "" ? row.font.family : "monospace"
            elide: Text.ElideRight
            // Whole in a tooltip over its row where it is cut, unless the name is cut too (the
            // name's tooltip then; the rows' one tooltip shows one text).
            ToolTip.visible: truncated && rowTip.showsTip && !row.nameCut
            ToolTip.text: text
            ToolTip.delay: 300
        }
        KeyStatusBadges {
            objectName: "key-row-badges"
            Layout.preferredWidth: row.columns.status
            Layout.minimumWidth: row.columns.status
            Layout.maximumWidth: row.columns.status
            clip: true
            maxWidth: row.columns.status
            badges: row.badges
            expires: row.expires
            format: row.format
            lowCreditsAt: row.lowCreditsAt
            refillAmount: row.refillAmount
        }
        Label {
            Layout.preferredWidth: row.columns.credits
            Layout.minimumWidth: row.columns.credits
            Layout.maximumWidth: row.columns.credits
            horizontalAlignment: Text.AlignRight
            text: row.hasCreditLimit ? row.format.number(row.creditsRemaining) : qsTr("unlimited")
            elide: Text.ElideRight
            ToolTip.visible: truncated && rowTip.showsTip && !row.nameCut
            ToolTip.text: text
            ToolTip.delay: 300
        }
        Label {
            Layout.preferredWidth: row.columns.lastUsed
            Layout.minimumWidth: row.columns.lastUsed
            Layout.maximumWidth: row.columns.lastUsed
            horizontalAlignment: Text.AlignRight
            text: row.lastUsedAt > 0 ? row.format.relative(row.lastUsedAt, row.format.now) : qsTr("never")
            opacity: row.lastUsedAt > 0 ? 1 : 0.6
            elide: Text.ElideRight
            ToolTip.visible: truncated && rowTip.showsTip && !row.nameCut
            ToolTip.text: text
            ToolTip.delay: 300
        }
    }
}
