import QtQuick
import QtQuick.Controls.Material

// Says that a scrolled area goes on below what it shows: a line at its bottom edge with a short
// shadow above it, the edge of a sheet that the content slides under, while there is more below;
// gone once the end is in sight. A long form in a dialog looked complete at 1024 × 768 with its
// last fields out of sight (issue 4). Only the last few pixels: a fade over the last 40 px greyed
// the control there, which looked disabled (walkthrough 20/20). Put one over the area, as a
// sibling of its Flickable (a ScrollView's contentItem):
//     property ScrollShadow shadow: ScrollShadow { parent: form; flickable: form.contentItem as Flickable }
Item {
    id: shadow

    /// The scrolled area.
    required property Flickable flickable
    /// There is content below the visible part (more than a pixel: rounding).
    readonly property bool moreBelow: flickable !== null
        && flickable.contentY + flickable.height < flickable.originY + flickable.contentHeight - 1

    objectName: "scrollShadow"
    x: flickable ? flickable.x : 0
    y: flickable ? flickable.y + flickable.height - height : 0
    width: flickable ? flickable.width : 0
    height: 7
    z: 1 // over the content, whatever its own z
    visible: moreBelow

    Rectangle {
        width: parent.width
        height: parent.height - 1
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 1
                color: Qt.rgba(0, 0, 0, shadow.Material.theme === Material.Dark ? 0.5 : 0.16)
            }
        }
    }
    Rectangle {
        y: parent.height - 1
        width: parent.width
        height: 1
        color: shadow.Material.dividerColor
    }
}
