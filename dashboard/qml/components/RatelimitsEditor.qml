import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// Edits a key's named rate limits: name, limit, window (a number and a unit: ms, s, min, h, d)
// and whether verifications apply it automatically. Holds a draft; value() returns the list as
// KeyDetailController / IssueKeyController take it: [{name, limit, duration (ms), autoApply}].
ColumnLayout {
    id: editor

    /// The user changed something.
    signal edited()
    signal accepted()

    /// Milliseconds per unit of the window's unit box (ms, s, min, h, d).
    readonly property var units: [1, 1000, 60000, 3600000, 86400000]
    /// The draft rows: {name, limit, amount, unit, autoApply}, edited in place through setField()
    /// (so typing does not recreate the delegates); adding or removing a row replaces the array.
    property var rows: []
    readonly property int count: rows.length
    /// What is shown when there are no rows.
    property string emptyText: qsTr("No rate limits: this key can be verified as often as the server allows.")

    /// Shows @p ratelimits ([{name, limit, duration, autoApply}]), each window in its largest
    /// whole unit. Rows already showing just that stay (their fields, and the keyboard focus in
    /// one, are not recreated by the reload after a save). A limit shown already keeps its place
    /// (inShownOrder).
    function load(ratelimits: var): void {
        const loaded = [];
        for (const limit of inShownOrder(ratelimits)) {
            let unit = units.length - 1;
            while (unit > 0 && limit.duration % units[unit] !== 0)
                --unit;
            loaded.push({ name: limit.name, limit: String(limit.limit),
                          amount: String(limit.duration / units[unit]), unit: unit,
                          autoApply: limit.autoApply });
        }
        if (JSON.stringify(loaded) !== JSON.stringify(rows))
            rows = loaded;
    }

    /// @p ratelimits with the limits the rows show (by name) in the rows' order, the others after
    /// them as given. The server answers in name order: a limit added as the last row moved up
    /// after Save, and the keyboard focus stayed in the row it had left, so the next keys typed
    /// changed another limit (walkthrough 19).
    function inShownOrder(ratelimits: var): var {
        const shown = rows.map(row => row.name.trim());
        const place = limit => shown.indexOf(limit.name);
        return ratelimits.filter(limit => place(limit) >= 0).sort((a, b) => place(a) - place(b))
            .concat(ratelimits.filter(limit => place(limit) < 0));
    }

    /// Whether the draft is @p ratelimits ([{name, limit, duration, autoApply}]) in any order:
    /// the rows keep their order while the server's list is in name order.
    function holds(ratelimits: var): bool {
        const byName = list => JSON.stringify(list.map(limit => ({ name: limit.name, limit: limit.limit,
                                                                   duration: limit.duration,
                                                                   autoApply: limit.autoApply }))
                                                  .sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return byName(value()) === byName(ratelimits);
    }

    function value(): var {
        return rows.map(row => ({ name: row.name.trim(), limit: Number(row.limit),
                                  duration: Number(row.amount) * units[row.unit],
                                  autoApply: row.autoApply }));
    }

    /// Adds a row with defaults and puts the keyboard in its name field (typing names it).
    function addLimit(): void {
        rows = rows.concat([{ name: "", limit: "100", amount: "1", unit: 2, autoApply: true }]);
        edited();
        const added = lines.itemAt(rows.length - 1);
        if (added)
            added.focusName();
    }

    /// Sets @p field of row @p index in place (the array is not replaced, so no row is recreated).
    function setField(index: int, field: string, value: var): void {
        rows[index][field] = value;
        edited();
    }

    function removeAt(index: int): void {
        rows = rows.filter((row, i) => i !== index);
        edited();
    }

    spacing: 4

    Label {
        visible: editor.rows.length === 0
        text: editor.emptyText
        opacity: 0.7
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Repeater {
        id: lines
        // Each item carries what its row may do, so the delegate needs nothing from outside.
        // modelData is a copy of the item: edits go back through set().
        // Nothing translated in here: a language switch must not recreate the rows.
        model: editor.rows.map((row, i) => ({ row: row, index: i,
                                              set: (field, value) => editor.setField(i, field, value),
                                              accept: () => editor.accepted(),
                                              remove: () => editor.removeAt(i) }))

        // Two groups that wrap: on a narrow card Auto-apply and × go below the limit's fields.
        // The fields take the row's width (the name what the others leave), on one line or two
        // (on the narrowest, the name above the numbers).
        // Narrow numbers, box and ×: in the issue dialog at 1024 px the row is one line in German
        // and Spanish, "Automatisch anwenden" beside the fields (issue 4: it went below them).
        Flow {
            id: line

            required property var modelData

            Layout.fillWidth: true
            spacing: 8
            objectName: "ratelimit-row-" + modelData.index

            function focusName(): void {
                nameField.forceActiveFocus(Qt.OtherFocusReason);
            }

            readonly property bool oneLine: width >= fields.implicitWidth + spacing + extras.implicitWidth
            /// Too narrow for the name beside the numbers (a card of the key page's two columns at
            /// 1024 px): the name has a line of its own, the numbers go below it.
            readonly property bool nameAlone: width < 120 + 4 * fields.columnSpacing + limitField.Layout.preferredWidth
                                              + perLabel.implicitWidth + amountField.Layout.preferredWidth
                                              + unitBox.Layout.preferredWidth

            // Between two limits whose fields take more than one line (a card of the key page's
            // two columns at 1024 px): a line, or the rows run together (walk 23/Y12), as one line
            // each they stand apart by themselves. A full-width item: the Flow gives it a line.
            Item {
                objectName: "ratelimit-divider-" + line.modelData.index
                visible: line.modelData.index > 0 && !line.oneLine
                width: line.width
                height: 5
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: line.Material.dividerColor
                }
            }
            GridLayout {
                id: fields
                width: line.oneLine ? line.width - line.spacing - extras.implicitWidth : line.width
                columns: line.nameAlone ? 4 : 5
                columnSpacing: 8
                rowSpacing: 8
                TextField {
                    id: nameField
                    objectName: "ratelimit-name-" + line.modelData.index
                    Layout.fillWidth: true
                    Layout.columnSpan: line.nameAlone ? 4 : 1
                    Layout.minimumWidth: 120
                    // Room for the whole example ("Name, e.g. requests"), never elided.
                    Layout.preferredWidth: Math.max(140, Math.ceil(nameHint.advanceWidth) + leftPadding + rightPadding + 4)
                    TextMetrics {
                        id: nameHint
                        font: nameField.font
                        text: nameField.placeholderText
                    }
                    text: line.modelData.row.name
                    placeholderText: qsTr("Name, e.g. requests")
                    Accessible.name: qsTr("Rate limit name")
                    onTextEdited: line.modelData.set("name", text)
                    onAccepted: line.modelData.accept()
                }
                TextField {
                    id: limitField
                    objectName: "ratelimit-limit-" + line.modelData.index
                    Layout.preferredWidth: 72
                    Layout.fillWidth: line.nameAlone // the numbers' row as wide as the name
                    text: line.modelData.row.limit
                    validator: RegularExpressionValidator { regularExpression: /[0-9]{0,15}/ }
                    inputMethodHints: Qt.ImhDigitsOnly
                    Accessible.name: qsTr("Requests allowed per window")
                    onTextEdited: line.modelData.set("limit", text)
                    onAccepted: line.modelData.accept()
                }
                Label {
                    id: perLabel
                    text: qsTr("per")
                }
                TextField {
                    id: amountField
                    objectName: "ratelimit-amount-" + line.modelData.index
                    Layout.preferredWidth: 48
                    text: line.modelData.row.amount
                    validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
                    inputMethodHints: Qt.ImhDigitsOnly
                    Accessible.name: qsTr("Window length")
                    onTextEdited: line.modelData.set("amount", text)
                    onAccepted: line.modelData.accept()
                }
                ThemedComboBox {
                    id: unitBox
                    FocusFrame { control: unitBox } // the keyboard focus, visible
                    objectName: "ratelimit-unit-" + line.modelData.index
                    Layout.preferredWidth: 84
                    model: [qsTr("ms", "milliseconds"), qsTr("s", "seconds"), qsTr("min", "minutes"),
                            qsTr("h", "hours"), qsTr("d", "days")]
                    currentIndex: line.modelData.row.unit
                    // A language switch replaces the (translated) model, which resets the index.
                    onModelChanged: currentIndex = line.modelData.row.unit
                    Accessible.name: qsTr("Window unit")
                    onActivated: index => line.modelData.set("unit", index)
                }
            }
            RowLayout {
                id: extras
                spacing: 8
                CheckBox {
                    id: autoApplyBox
                    FocusFrame { control: autoApplyBox } // the keyboard focus, visible
                    objectName: "ratelimit-auto-" + line.modelData.index
                    text: qsTr("Auto-apply")
                    rightPadding: 0 // the × beside it has its own margin
                    checked: line.modelData.row.autoApply
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Checked on every verification, without naming it in the request")
                    onToggled: line.modelData.set("autoApply", checked)
                }
                FocusToolButton {
                    id: removeButton
                    implicitWidth: 36
                    text: "✕"
                    Accessible.name: qsTr("Remove rate limit %1").arg(line.modelData.row.name)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove")
                    onClicked: line.modelData.remove()
                }
            }
        }
    }

    FocusButton {
        id: addButton
        objectName: "ratelimit-add"
        text: qsTr("Add rate limit")
        flat: true
        icon.name: "list-add"
        onClicked: editor.addLimit()
    }
}
