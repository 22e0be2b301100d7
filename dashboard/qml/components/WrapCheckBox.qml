import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A check box whose text wraps within the width it is given (give it Layout.fillWidth) instead
// of eliding: long German and Spanish texts stay whole. A frame shows the keyboard focus
// (Material's halo alone is faint) around the box and its text, not the whole width it is given.
CheckBox {
    id: box

    contentItem: Label {
        text: box.text
        font: box.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        leftPadding: box.indicator && !box.mirrored ? box.indicator.width + box.spacing : 0
        rightPadding: box.indicator && box.mirrored ? box.indicator.width + box.spacing : 0
        color: box.enabled ? box.Material.foreground : box.Material.hintTextColor
    }

    FocusFrame {
        control: box
        width: Math.min(box.width, box.implicitWidth) - box.leftInset - box.rightInset + 6
    }
}
