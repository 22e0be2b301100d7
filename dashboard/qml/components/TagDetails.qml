import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What the names chosen in a TagListEditor stand for, in words: a row per name with its
// description (a role's own words, italic) and its details (what it grants), the names' column as
// wide as the longest name up to a third of the editor's width.
GridLayout {
    id: detailRows

    /// The editor whose chosen names (`items`), `details` and `descriptions` this shows.
    required property var editor
    readonly property var described: editor.items.filter(name => editor.details[name] !== undefined
                                                                 || editor.descriptions[name] !== undefined)

    objectName: editor.objectName + "-details"
    visible: described.length > 0
    columns: 2
    columnSpacing: 12
    rowSpacing: 4

    Repeater {
        // Two cells a row; each says what it needs (the delegate sees no ids: qmllint 6.4). A name
        // cell has no objectName pattern (an "arg" on "" warns "Argument missing" on every pick).
        model: detailRows.described.reduce((cells, name) => cells.concat([
            { text: name, isName: true, description: "", name: "", widest: Math.max(60, detailRows.editor.width / 3) },
            { text: detailRows.editor.details[name] ?? "", isName: false,
              description: detailRows.editor.descriptions[name] ?? "",
              name: detailRows.editor.objectName + "-%1-" + name, widest: Number.POSITIVE_INFINITY }]), [])

        ColumnLayout {
            id: cell
            required property var modelData
            spacing: 0
            Layout.alignment: Qt.AlignTop
            // The names' column as wide as the longest name up to a third; the rest wraps the details.
            Layout.maximumWidth: modelData.widest
            Layout.fillWidth: !modelData.isName
            Layout.preferredWidth: modelData.isName ? implicitWidth : 1 // the details take the room left, never more

            // The role's own words first, told apart from what it grants.
            Label {
                objectName: cell.modelData.isName ? "" : cell.modelData.name.arg("description")
                Layout.fillWidth: true
                visible: text !== ""
                text: cell.modelData.description
                font.pixelSize: 12
                font.italic: true
                wrapMode: Text.Wrap
            }
            Label {
                objectName: cell.modelData.isName ? "" : cell.modelData.name.arg("detail")
                Layout.fillWidth: !cell.modelData.isName
                Layout.maximumWidth: cell.modelData.widest
                visible: text !== ""
                text: cell.modelData.text
                font.pixelSize: 12
                font.bold: cell.modelData.isName
                opacity: cell.modelData.isName ? 1 : 0.8
                elide: cell.modelData.isName ? Text.ElideRight : Text.ElideNone
                wrapMode: cell.modelData.isName ? Text.NoWrap : Text.Wrap
            }
        }
    }
}
