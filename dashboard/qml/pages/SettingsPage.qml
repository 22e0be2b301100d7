import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// Language, theme and the server connection.
Page {
    id: page

    required property Session session

    title: qsTr("Settings")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            Label {
                Layout.fillWidth: true
                text: page.title
                font.pixelSize: 20
                font.bold: true
            }
        }
    }

    /// Tab to a control below the visible part scrolls it into view with a margin (walkthrough
    /// 23, Y10), as on the key page.
    property FocusScroller focusScroller: FocusScroller {
        flickable: scroll.contentItem as Flickable
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 48, 720)
            x: 24
            spacing: 16

            Item { Layout.preferredHeight: 8 }

            SettingsSection {
                Layout.fillWidth: true
                title: qsTr("Language")
                LanguagePicker {
                    Layout.preferredWidth: 240
                    settings: page.session.settings
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    opacity: 0.7
                    text: qsTr("Dates, numbers and durations follow the language, for example: %1 · %2 · %3")
                          .arg(page.session.format.dateTime(Date.now()))
                          .arg(page.session.format.number(1234567))
                          .arg(page.session.format.duration(5400000))
                }
            }

            SettingsSection {
                Layout.fillWidth: true
                title: qsTr("Theme")
                ThemePicker {
                    settings: page.session.settings
                }
            }

            SettingsSection {
                Layout.fillWidth: true
                title: qsTr("Server connection")
                ConnectionSummary {
                    Layout.fillWidth: true
                    session: page.session
                }
            }

            Item { Layout.preferredHeight: 16 }
        }
    }
}
