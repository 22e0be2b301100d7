import QtQuick
import QtQuick.Controls

// The status badges of a key as KeysModel computes them (active, disabled, expired, expiring,
// replaced, lowCredits, noCredits, rateLimited), each a small coloured pill with a translated label and a
// tooltip. With `expires` and `format` set, "expiring" and "replaced" say when.
Row {
    id: root

    /// The badge names, e.g. ["active", "lowCredits"].
    required property var badges
    /// The key's expiry (unix ms, 0 = none) and the session's Formatter, for "expires in 2 hours".
    property real expires: 0
    property var format
    readonly property string expiresIn: expires > 0 && format ? format.relative(expires) : ""

    spacing: 4

    function label(badge) {
        switch (badge) {
        case "active": return qsTr("active", "key status")
        case "disabled": return qsTr("disabled", "key status")
        case "expired": return qsTr("expired", "key status")
        case "expiring": return expiresIn !== "" ? qsTr("expires %1", "key status, e.g. expires in 2 hours").arg(expiresIn)
                                                 : qsTr("expiring", "key status: expires within 24 hours")
        case "replaced": return expiresIn !== "" ? qsTr("replaced, expires %1", "key status of a rerolled key, e.g. replaced, expires in 2 hours").arg(expiresIn)
                                                 : qsTr("replaced", "key status of a rerolled key")
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
        case "lowCredits": return qsTr("At most 10% of the refill amount (or 10 credits) left.")
        case "noCredits": return qsTr("No credits left; verifications answer USAGE_EXCEEDED until a refill or top-up.")
        case "rateLimited": return qsTr("Rate limited at least once in the last hour.")
        }
        return ""
    }
    function colour(badge) {
        switch (badge) {
        case "active": return "#2e9d5b"
        case "disabled": return "#7a7a7a"
        case "expired": return "#c0392b"
        case "expiring": return "#d68910"
        case "replaced": return "#d35400"
        case "lowCredits": return "#b7950b"
        case "noCredits": return "#c0392b"
        case "rateLimited": return "#8e44ad"
        }
        return "#7a7a7a"
    }

    Repeater {
        // Each item carries what its pill shows, so the delegate needs nothing from outside.
        model: root.badges.map(badge => ({ label: root.label(badge), colour: root.colour(badge),
                                           explanation: root.explanation(badge) }))

        delegate: Rectangle {
            id: pill

            required property var modelData

            width: text.implicitWidth + 12
            height: text.implicitHeight + 4
            radius: height / 2
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
                anchors.centerIn: parent
                text: pill.modelData.label
                font.pointSize: 8
            }
            HoverHandler { id: hover }
            ToolTip.visible: hover.hovered
            ToolTip.text: pill.modelData.explanation
        }
    }
}
