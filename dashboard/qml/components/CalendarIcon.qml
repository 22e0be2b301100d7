import QtQuick

// A calendar drawn in one colour (a page with a binding strip and two rows of days): a button's
// icon that needs no font. The emoji "📅" it replaces was a missing-glyph box without a colour
// emoji font.
Item {
    id: icon

    property color color: "black"

    implicitWidth: 18
    implicitHeight: 18

    Rectangle {
        anchors.centerIn: parent
        width: 16
        height: 15
        radius: 2
        color: "transparent"
        border.width: 1.5
        border.color: icon.color

        Rectangle {
            width: parent.width
            height: 4
            radius: 2
            color: icon.color
        }
        Grid {
            x: 3
            y: 6
            columns: 3
            spacing: 2
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
            Rectangle {
                width: 2
                height: 2
                color: icon.color
            }
        }
    }
}
