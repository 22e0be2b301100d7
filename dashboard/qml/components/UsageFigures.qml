import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// An owner's usage numbers for one period ({verifications, valid, rejections, spentCredits},
// as OwnerDetail computes them), formatted for the chosen locale.
ColumnLayout {
    id: figures

    required property string period
    required property var usage
    required property Formatter format

    spacing: 4

    function value(name) {
        return figures.usage && figures.usage[name] !== undefined ? figures.format.number(figures.usage[name]) : "–";
    }

    Label {
        text: figures.period
        font.bold: true
    }
    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 2
        Label { text: qsTr("Verifications") }
        Label { text: figures.value("verifications"); Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("Valid") }
        Label { text: figures.value("valid"); Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("Rejected") }
        Label { text: figures.value("rejections"); Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("Credits spent") }
        Label { text: figures.value("spentCredits"); Layout.alignment: Qt.AlignRight }
    }
}
