import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// One day of ExpiryCalendar's month grid: a button with the day's number, named by its full date
// in the UI's language. The chosen day is a disc in the accent colour (its number in black or
// white, whichever reads better on that accent), today a ring in the text colour (the dark
// theme's accent is too faint on the dark popup for a ring), the keyboard's day a FocusFrame;
// days of the neighbouring months are faint. Only the keyboard's day is a Tab stop. Its `locale`
// (the calendar's) names the day.
AbstractButton {
    id: cell

    // The month grid's roles (month counts from 0).
    required property int day
    required property int month
    required property int year
    required property bool today

    /// Width and height.
    property int size: 36
    /// The month the grid shows (from 0): other months' days are faint.
    property int shownMonth: month
    /// The day the keyboard is on and the chosen day (Dates, or null).
    property var cursor: null
    property var chosen: null

    readonly property bool isCursor: isDay(cursor)
    readonly property bool isChosen: isDay(chosen)
    readonly property bool inShownMonth: month === shownMonth
    /// Whether the focus frame is drawn (the day has the keyboard focus); for tests.
    readonly property bool focusShown: frame.shown
    /// Today's ring, in the text colour; for tests too.
    readonly property bool ringShown: today
    readonly property color ringColor: Material.foreground
    /// The chosen day's disc and the number's colour; for tests too.
    readonly property color fillColor: Material.accent
    readonly property color textColor: !isChosen ? Material.foreground : luminance(fillColor) > 0.18 ? "black" : "white"

    function isDay(date: var): bool {
        return date instanceof Date && date.getFullYear() === year && date.getMonth() === month && date.getDate() === day;
    }
    function luminance(c: color): real {
        const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    }

    implicitWidth: size
    implicitHeight: size
    // Still a focus stop while it has the focus: Qt refuses to drop it from the Tab chain before.
    focusPolicy: isCursor || activeFocus ? Qt.StrongFocus : Qt.NoFocus
    hoverEnabled: true
    z: activeFocus ? 1 : 0
    opacity: inShownMonth ? 1 : 0.45

    Accessible.name: new Date(year, month, day).toLocaleDateString(locale, Locale.LongFormat) // qmllint disable type
    Accessible.description: isChosen ? qsTr("Chosen day") : today ? qsTr("Today", "the calendar's day that is today") : ""

    // No ids inside these deferred properties (qmllint): what tests read is on the cell.
    background: Item {
        Rectangle {
            anchors.fill: parent
            radius: width / 2
            color: cell.hovered && !cell.isChosen
                   ? Qt.rgba(cell.ringColor.r, cell.ringColor.g, cell.ringColor.b, 0.1) : "transparent"
            border.width: cell.ringShown ? 2 : 0
            border.color: cell.ringColor
            visible: cell.ringShown || cell.hovered
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: cell.ringShown ? 4 : 1
            radius: width / 2
            color: cell.fillColor
            visible: cell.isChosen
        }
    }

    contentItem: Label {
        text: cell.day
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        font.bold: cell.today || cell.isChosen
        color: cell.textColor
    }

    FocusFrame {
        id: frame
        control: cell
    }
}
