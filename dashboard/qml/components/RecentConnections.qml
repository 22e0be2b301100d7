import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// Servers connected to before, newest first: connect again (with the stored root key, or asking
// for it) or forget one (its stored key too).
Pane {
    id: recent

    required property ConnectionController connection
    required property Formatter format

    signal chosen(string url)

    readonly property var entries: {
        const list = [];
        const recentConnections = connection.recentConnections;
        for (let i = 0; i < recentConnections.length; ++i) {
            const entry = recentConnections[i];
            list.push({
                url: entry.url,
                details: (entry.keyStored ? qsTr("root key in the keychain") : qsTr("root key not stored"))
                         + " · " + qsTr("last used %1").arg(format.relative(entry.lastUsed, format.now)),
                connect: () => recent.chosen(entry.url),
                forget: () => recent.connection.forget(entry.url)
            });
        }
        return list;
    }

    Material.elevation: 2
    padding: 20

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: qsTr("Recent connections")
            font.pixelSize: 18
            font.bold: true
        }

        Repeater {
            // Texts and actions are made here, so the delegate needs nothing from outside it.
            model: recent.entries
            delegate: RowLayout {
                id: row
                required property var modelData
                Layout.fillWidth: true
                spacing: 8

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: row.modelData.url
                        elide: Text.ElideMiddle
                    }
                    Label {
                        objectName: "recent-details"
                        Layout.fillWidth: true
                        font.pixelSize: 12
                        opacity: 0.65
                        // Wraps before Connect ("Root-Schlüssel nicht gespeichert · zuletzt
                        // verwendet vor 24 Minuten" ran under it at 1280 px).
                        wrapMode: Text.Wrap
                        text: row.modelData.details
                    }
                }
                FocusButton {
                    text: qsTr("Connect")
                    flat: true
                    Accessible.name: qsTr("Connect to %1").arg(row.modelData.url)
                    onClicked: row.modelData.connect()
                }
                FocusButton {
                    text: qsTr("Forget")
                    flat: true
                    Accessible.name: qsTr("Forget %1").arg(row.modelData.url)
                    onClicked: row.modelData.forget()
                }
            }
        }
    }
}
