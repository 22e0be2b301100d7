import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Edits a key's named rate limits: name, limit, window (a number and a unit: ms, s, min, h, d)
// and whether verifications apply it automatically. Holds a draft; value() returns the list as
// KeyDetailController / IssueKeyController take it: [{name, limit, duration (ms), autoApply}].
ColumnLayout {
    id: editor

    /// The user changed something.
    signal edited()
    signal accepted()

    readonly property var units: [
        { factor: 1, text: qsTr("ms", "milliseconds") },
        { factor: 1000, text: qsTr("s", "seconds") },
        { factor: 60000, text: qsTr("min", "minutes") },
        { factor: 3600000, text: qsTr("h", "hours") },
        { factor: 86400000, text: qsTr("d", "days") }
    ]
    readonly property int count: rows.count

    /// Shows @p ratelimits ([{name, limit, duration, autoApply}]), each window in its largest
    /// whole unit.
    function load(ratelimits: var): void {
        rows.clear();
        for (const limit of ratelimits) {
            let unit = units.length - 1;
            while (unit > 0 && limit.duration % units[unit].factor !== 0)
                --unit;
            rows.append({ name: limit.name, limit: String(limit.limit),
                          amount: String(limit.duration / units[unit].factor), unit: unit,
                          autoApply: limit.autoApply });
        }
    }

    function value(): var {
        const list = [];
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.get(i);
            list.push({ name: row.name.trim(), limit: Number(row.limit),
                        duration: Number(row.amount) * units[row.unit].factor, autoApply: row.autoApply });
        }
        return list;
    }

    function addLimit(): void {
        rows.append({ name: "", limit: "100", amount: "1", unit: 2, autoApply: true });
        edited();
    }

    spacing: 4

    ListModel {
        id: rows
    }

    Label {
        visible: rows.count === 0
        text: qsTr("No rate limits: this key can be verified as often as the server allows.")
        opacity: 0.7
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Repeater {
        model: rows

        RowLayout {
            id: row

            required property int index
            required property string name
            required property string limit
            required property string amount
            required property int unit
            required property bool autoApply

            spacing: 8
            objectName: "ratelimit-row-" + index

            TextField {
                objectName: "ratelimit-name-" + row.index
                Layout.preferredWidth: 170
                text: row.name
                placeholderText: qsTr("Name, e.g. requests")
                Accessible.name: qsTr("Rate limit name")
                onTextEdited: {
                    rows.setProperty(row.index, "name", text);
                    editor.edited();
                }
                onAccepted: editor.accepted()
            }
            TextField {
                objectName: "ratelimit-limit-" + row.index
                Layout.preferredWidth: 90
                text: row.limit
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,15}/ }
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Requests allowed per window")
                onTextEdited: {
                    rows.setProperty(row.index, "limit", text);
                    editor.edited();
                }
                onAccepted: editor.accepted()
            }
            Label {
                text: qsTr("per")
            }
            TextField {
                objectName: "ratelimit-amount-" + row.index
                Layout.preferredWidth: 70
                text: row.amount
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Window length")
                onTextEdited: {
                    rows.setProperty(row.index, "amount", text);
                    editor.edited();
                }
                onAccepted: editor.accepted()
            }
            ComboBox {
                objectName: "ratelimit-unit-" + row.index
                Layout.preferredWidth: 90
                model: editor.units
                textRole: "text"
                currentIndex: row.unit
                Accessible.name: qsTr("Window unit")
                onActivated: index => {
                    rows.setProperty(row.index, "unit", index);
                    editor.edited();
                }
            }
            CheckBox {
                objectName: "ratelimit-auto-" + row.index
                text: qsTr("Auto-apply")
                checked: row.autoApply
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Checked on every verification, without naming it in the request")
                onToggled: {
                    rows.setProperty(row.index, "autoApply", checked);
                    editor.edited();
                }
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Remove rate limit %1").arg(row.name)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove")
                onClicked: {
                    rows.remove(row.index);
                    editor.edited();
                }
            }
        }
    }

    Button {
        objectName: "ratelimit-add"
        text: qsTr("Add rate limit")
        flat: true
        icon.name: "list-add"
        onClicked: editor.addLimit()
    }
}
