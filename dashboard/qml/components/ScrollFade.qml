import QtQuick
import QtQuick.Controls.Material

// Says that a scrolled area goes on below what it shows: its content fades out over the bottom
// edge while there is more below, and the fade is gone once the end is in sight. A long form in
// a dialog looked complete at 1024 × 768 with its last fields out of sight (issue 4). Put one
// over the area, as a sibling of its Flickable (a ScrollView's contentItem):
//     property ScrollFade fade: ScrollFade { parent: form; flickable: form.contentItem as Flickable }
Rectangle {
    id: fade

    /// The scrolled area.
    required property Flickable flickable
    /// The colour the content fades into: the area's background.
    property color background: Material.dialogColor
    /// There is content below the visible part (more than a pixel: rounding).
    readonly property bool moreBelow: flickable !== null
        && flickable.contentY + flickable.height < flickable.originY + flickable.contentHeight - 1

    objectName: "scrollFade"
    x: flickable ? flickable.x : 0
    y: flickable ? flickable.y + flickable.height - height : 0
    width: flickable ? flickable.width : 0
    height: 40
    z: 1 // over the content, whatever its own z
    visible: moreBelow
    gradient: Gradient {
        GradientStop {
            position: 0
            color: Qt.rgba(fade.background.r, fade.background.g, fade.background.b, 0)
        }
        GradientStop {
            position: 1
            color: fade.background
        }
    }
}
