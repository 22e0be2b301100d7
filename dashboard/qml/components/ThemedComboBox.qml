import QtQuick
import QtQuick.Controls

// A ComboBox whose open list reads in both themes. Material colours the current entry in the
// accent colour, on the highlight of the entry under the cursor; in the dark theme that is indigo
// on grey ("Nie" in the refill choice, "Deutsch" in the language picker: walkthrough G35). Here
// every entry keeps the theme's text colour and the current one is bold. Every ComboBox of the
// dashboard is one of these.
ComboBox {
    id: control

    delegate: MenuItem {
        required property int index
        required property var model
        required property var modelData

        width: ListView.view.width
        text: control.textRole ? (Array.isArray(control.model) ? modelData[control.textRole] : model[control.textRole])
                               : modelData
        font.bold: control.currentIndex === index
        highlighted: control.highlightedIndex === index
        hoverEnabled: control.hoverEnabled
    }
}
