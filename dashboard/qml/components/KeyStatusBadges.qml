import QtQuick
import QtQuick.Controls

// The status badges of a key as KeysModel computes them (active, disabled, expired, expiring,
// replaced, replacedByDeleted, lowCredits, noCredits, rateLimited), each a small coloured pill with
// a translated label and a tooltip. With `expires` and `format` set, "expiring" says when, and
// "replaced" too when no "expiring" pill does (a grace period longer than 24 h). Given a
// `maxWidth` (a list's Status column), pills that do not fit on one line drop the "when" (their
// tooltip then starts with the full label), then go on a second line, and a pill wider than the
// column wraps its words: every pill drawn is read whole (walk 19: "ersetzt du…", "läuft…", "erse…"
// in German), and each tooltip explains its own pill.
// In a layout (a list's Status column) the layout alone sets the badges' width: it changes with
// the column's, in the same frame as the column titles' (a width of their own, bound to `maxWidth`,
// ran ahead of the layout by a frame: tst_keycolumns saw a Status cell 163 px under a 160 px title).
Item {
    id: root

    /// The badge names, e.g. ["active", "lowCredits"].
    required property var badges
    /// The key's expiry (unix ms, 0 = none) and the session's Formatter, for "expires in 2 hours".
    property real expires: 0
    property var format
    readonly property string expiresIn: expires > 0 && format ? format.relative(expires, format.now) : ""
    /// When "replaced" says the expiry: not next to an "expiring" pill that says it already.
    readonly property string replacedExpiresIn: badges.includes("expiring") ? "" : expiresIn

    /// The key's own numbers for "low credits" (KeysModel's `lowCreditsAt`, 0 unknown, and its
    /// refill amount, 0 none): its tooltip says where "low" starts for this key.
    property real lowCreditsAt: 0
    property real refillAmount: 0

    /// The room for all pills (more go on further lines); unlimited by default.
    property real maxWidth: Infinity

    /// The room between pills, beside each other and between lines.
    readonly property real spacing: 4
    // The room given, else one line of pills: the width wherever no layout sets one. A pixel more
    // per pill than the advance: a label's laid-out width can exceed it by a fraction (German
    // "deaktiviert": 60.33 px, advance at most 60), and the pill's words wrapped ("gedrossel" over
    // "t" in the key page's header, tst_keystatusbadges test_unlimitedPillsOnOneLine).
    implicitWidth: Number.isFinite(maxWidth) ? maxWidth
                                             : Math.max(0, pills.model.reduce((sum, pill) => sum + textWidth(pill.shown) + 1 + 12 + spacing, -spacing))
    implicitHeight: flow.implicitHeight

    /// The pills' font, for `metrics`.
    Label {
        id: probe
        visible: false
        font.pointSize: 8
    }
    // FontMetrics rather than TextMetrics: measuring sets no property (a binding loop in `model`).
    FontMetrics {
        id: metrics
        font: probe.font
    }
    function textWidth(text: string): real {
        return Math.ceil(metrics.advanceWidth(text));
    }

    /// Without the time ("replaced" for "replaced, expires in 2 hours"); the label itself otherwise.
    function shortLabel(badge) {
        switch (badge) {
        case "expiring": return qsTr("expiring", "key status: expires within 24 hours")
        case "replaced": return qsTr("replaced", "key status of a rerolled key")
        case "replacedByDeleted": return qsTr("replaced by a deleted key", "key status of a rerolled key whose new key was deleted since")
        }
        return label(badge)
    }
    /// What each pill shows: {label (whole), shown (without the "when" if the whole labels do not
    /// fit on one line of `room`), colour, explanation}.
    function fitted(names: var, room: real): var {
        const pills = names.map(badge => ({ label: label(badge), shown: label(badge), colour: colour(badge),
                                            explanation: explanation(badge) }));
        const frame = 12;
        const textRoom = room - frame * pills.length - spacing * Math.max(0, pills.length - 1);
        if (pills.reduce((sum, pill) => sum + textWidth(pill.shown), 0) <= textRoom)
            return pills;
        names.forEach((badge, i) => pills[i].shown = shortLabel(badge));
        for (const pill of pills) {
            if (pill.shown !== pill.label)
                pill.explanation = pill.label + "\n" + pill.explanation;
        }
        return pills;
    }

    function label(badge) {
        switch (badge) {
        case "active": return qsTr("active", "key status")
        case "disabled": return qsTr("disabled", "key status")
        case "expired": return qsTr("expired", "key status")
        case "expiring": return expiresIn !== "" ? qsTr("expires %1", "key status, e.g. expires in 2 hours").arg(expiresIn)
                                                 : qsTr("expiring", "key status: expires within 24 hours")
        case "replaced": return replacedExpiresIn !== "" ? qsTr("replaced, expires %1", "key status of a rerolled key, e.g. replaced, expires in 2 hours").arg(replacedExpiresIn)
                                                         : qsTr("replaced", "key status of a rerolled key")
        case "replacedByDeleted": return replacedExpiresIn !== ""
                                         ? qsTr("replaced by a deleted key, expires %1", "key status of a rerolled key whose new key was deleted since, e.g. replaced by a deleted key, expires in 2 hours").arg(replacedExpiresIn)
                                         : qsTr("replaced by a deleted key", "key status of a rerolled key whose new key was deleted since")
        case "lowCredits": return qsTr("low credits", "key status")
        case "noCredits": return qsTr("no credits", "key status: no credits left")
        case "rateLimited": return qsTr("rate limited", "key status: rate limited in the last hour")
        }
        return badge
    }
    function explanation(badge) {
        switch (badge) {
        case "active": return qsTr("The key is enabled and not expired.")
        case "disabled": return qsTr("The key is disabled; verifications answer DISABLED.")
        case "expired": return qsTr("The key has expired; verifications answer EXPIRED.")
        case "expiring": return qsTr("The key expires within 24 hours.")
        case "replaced": return qsTr("A reroll replaced this key with a new one of the same name; this old key stops working when its grace period ends.")
        case "replacedByDeleted": return qsTr("A reroll replaced this key with a new one, which has been deleted since; this old key stops working when its grace period ends.")
        case "lowCredits": return lowCreditsExplained()
        case "noCredits": return qsTr("No credits left; verifications answer USAGE_EXCEEDED until a refill or top-up.")
        case "rateLimited": return qsTr("Rate limited at least once in the last hour.")
        }
        return ""
    }
    /// Where "low credits" starts for this key when its numbers are known, else the rule.
    function lowCreditsExplained(): string {
        const number = n => format ? format.number(n) : String(n);
        if (lowCreditsAt > 0 && refillAmount > 0)
            return qsTr("Low on credits: %1 or fewer left, 10 % of this key's refill of %2 (at least 1).")
                .arg(number(lowCreditsAt)).arg(number(refillAmount));
        if (lowCreditsAt > 0)
            return qsTr("Low on credits: %1 or fewer left (a key without a refill).").arg(number(lowCreditsAt));
        // The rule of KeysModel::lowCreditsAt (the key page's header knows no numbers).
        return qsTr("Low on credits: at most 10 % of the key's refill amount left (at least 1), or 10 credits for a key without a refill.");
    }
    function colour(badge) {
        switch (badge) {
        case "active": return "#2e9d5b"
        case "disabled": return "#7a7a7a"
        case "expired": return "#c0392b"
        case "expiring": return "#d68910"
        case "replaced": return "#d35400"
        case "replacedByDeleted": return "#d35400"
        case "lowCredits": return "#b7950b"
        case "noCredits": return "#c0392b"
        case "rateLimited": return "#8e44ad"
        }
        return "#7a7a7a"
    }

    Flow {
        id: flow
        width: root.width
        spacing: root.spacing

        Repeater {
            id: pills
            // Each item carries what its pill shows, so the delegate needs nothing from outside.
            model: root.fitted(root.badges, root.maxWidth)

            delegate: Rectangle {
                id: pill
                objectName: "keyStatusPill"

                required property var modelData

                // As wide as its text, at most the whole width (its words wrap then).
                width: Math.min(text.implicitWidth + 12, flow.width) // qmllint disable unqualified
                height: text.implicitHeight + 4
                radius: Math.min(height / 2, 10) // a capsule; two lines a rounded box
                color: "transparent"
                border.color: modelData.colour
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.label

                Rectangle {
                    anchors.fill: parent
                    radius: parent.radius
                    color: pill.modelData.colour
                    opacity: 0.18
                }
                Label {
                    id: text
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    anchors.rightMargin: 6
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    text: pill.modelData.shown
                    font.pointSize: 8
                    wrapMode: Text.Wrap
                }
                TipHover { id: hover }
                ToolTip.visible: hover.showsTip
                ToolTip.text: pill.modelData.explanation
            }
        }
    }
}
