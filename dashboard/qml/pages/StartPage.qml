import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The start screen: start a local server (the zero-configuration default), connect to a server
// with a root key, or pick a recent connection.
Page {
    id: page

    required property Session session
    required property ConnectionController connection
    required property LocalServerController localServer

    readonly property bool busy: connection.connecting || localServer.starting
    /// Recent connections beside the forms rather than under them: there are some, and room.
    readonly property bool twoColumns: connection.recentConnections.length > 0 && width >= 960

    function connectTyped(): void {
        // A mistyped address ("http//host", "htp://") is refused with its reason (connection.error)
        // before anyone is asked to send the key unencrypted to a "host" the typo made up.
        if (connection.validateUrl(urlField.text) === "" && connection.needsInsecureConfirmation(urlField.text))
            insecureDialog.open();
        else
            connection.connectToServer(urlField.text, keyField.text, rememberBox.checked, false);
    }

    Connections {
        target: page.connection
        function onRootKeyNeeded(url: string) {
            urlField.text = url;
            keyField.text = "";
            page.keyHint = qsTr("No root key is stored for this server. Enter it to connect.");
            keyField.forceActiveFocus();
        }
        function onConnected() {
            keyField.text = "";
            page.keyHint = "";
        }
    }
    property string keyHint: ""

    background: Rectangle {
        color: page.Material.theme === Material.Dark ? "#16171b" : "#eef0f6"
    }

    LanguagePicker {
        id: languagePicker
        // Above the page-filling ScrollView declared after it, which would take its clicks;
        // declared first, it stays first in the Tab chain.
        z: 1
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 16
        settings: page.session.settings
        // As wide as its longest entry ("System language" was clipped to "System l"); Qt 6.4's
        // ComboBox has no implicitContentWidthPolicy yet.
        width: {
            let widest = 0;
            const choices = model;
            for (let i = 0; i < choices.length; ++i)
                widest = Math.max(widest, languageMetrics.advanceWidth(choices[i].name));
            return Math.max(implicitWidth, Math.ceil(widest) + leftPadding + rightPadding + 8);
        }
        FontMetrics {
            id: languageMetrics
            font: languagePicker.font
        }
    }

    /// Tab to a control below the visible part (a recent server's Connect in a short window)
    /// scrolls it into view with a margin (walkthrough 23, Y10).
    property FocusScroller focusScroller: FocusScroller {
        flickable: scroll.contentItem as Flickable
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 48, page.twoColumns ? 1040 : 640)
            x: (parent.width - width) / 2
            spacing: 20

            Item { Layout.preferredHeight: 32 }

            ColumnLayout {
                spacing: 4
                Label {
                    text: qsTr("Latchkey")
                    font.pixelSize: 34
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    text: qsTr("Issue and manage API keys, rate limits, credits and permissions.")
                }
            }

            // The recent connections beside the two ways in where the window is wide enough
            // (at 1024×768 below them they were out of sight: walkthrough 23b, Y17), else under.
            GridLayout {
                id: ways
                Layout.fillWidth: true
                columns: page.twoColumns ? 2 : 1
                columnSpacing: 20
                rowSpacing: 20

                ColumnLayout {
                    id: forms
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: page.twoColumns ? Math.round((ways.width - ways.columnSpacing) * 0.58) : ways.width
                    Layout.maximumWidth: Layout.preferredWidth
                    spacing: 20

                    LocalServerCard {
                        Layout.fillWidth: true
                        localServer: page.localServer
                        enabled: !page.busy
                    }

                    Pane {
                        Layout.fillWidth: true
                        Material.elevation: 2
                        padding: 20

                        ColumnLayout {
                            anchors.fill: parent
                            spacing: 10
                            Label {
                                text: qsTr("Connect to a server")
                                font.pixelSize: 18
                                font.bold: true
                            }
                            TextField {
                                id: urlField
                                Layout.fillWidth: true
                                placeholderText: qsTr("Server address, e.g. https://keys.example.com")
                                Accessible.name: qsTr("Server address")
                                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                                onAccepted: keyField.forceActiveFocus()
                                // An old failure is not this address's (walkthrough 23b, Y2).
                                onTextEdited: page.connection.clearError()
                            }
                            TextField {
                                id: keyField
                                Layout.fillWidth: true
                                placeholderText: qsTr("Root key")
                                echoMode: TextInput.Password
                                Accessible.name: qsTr("Root key")
                                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                onAccepted: page.connectTyped()
                                onTextEdited: page.connection.clearError()
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: page.keyHint !== ""
                                wrapMode: Text.Wrap
                                text: page.keyHint
                            }
                            CheckBox {
                                id: rememberBox
                                // Wraps within the card: the long German text on one line made the whole
                                // form (fields, Connect) wider than the card.
                                Layout.fillWidth: true
                                Layout.preferredWidth: 0
                                checked: true
                                contentItem: Label {
                                    text: rememberBox.text
                                    font: rememberBox.font
                                    wrapMode: Text.Wrap
                                    verticalAlignment: Text.AlignVCenter
                                    leftPadding: rememberBox.indicator.width + rememberBox.spacing
                                }
                                // Without a keychain the line below says why the key is not kept: the
                                // box does not say it a second time.
                                text: page.connection.keychainAvailable
                                      ? qsTr("Remember this server and keep the root key in the system keychain")
                                      : page.connection.keychainStatus !== ""
                                      ? qsTr("Remember this server")
                                      : qsTr("Remember this server (the root key cannot be stored: no keychain)")
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: page.connection.keychainStatus !== ""
                                wrapMode: Text.Wrap
                                font.pixelSize: 12
                                opacity: 0.75
                                text: page.connection.keychainStatus
                                // The secret service's own error only on hover: it is for whoever debugs.
                                ToolTip.visible: keychainHover.showsTip && page.connection.keychainDetail !== ""
                                ToolTip.text: page.connection.keychainDetail
                                TipHover {
                                    id: keychainHover
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                BusyIndicator {
                                    running: page.connection.connecting
                                    visible: running
                                    Layout.preferredHeight: 36
                                    Layout.preferredWidth: 36
                                }
                                Item { Layout.fillWidth: true }
                                FocusButton {
                                    text: qsTr("Connect")
                                    highlighted: true
                                    enabled: !page.busy && urlField.text.trim() !== "" && keyField.text !== ""
                                    Accessible.name: qsTr("Connect to the server")
                                    onClicked: page.connectTyped()
                                }
                            }
                            RowLayout {
                                objectName: "connectionSlow"
                                Layout.fillWidth: true
                                visible: page.connection.slow
                                spacing: 8
                                Label {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: qsTr("The server is not answering… It accepted the connection but has not replied yet.")
                                }
                                FocusButton {
                                    objectName: "connectionCancel"
                                    text: qsTr("Cancel")
                                    Accessible.name: qsTr("Cancel connecting")
                                    onClicked: page.connection.cancel()
                                }
                            }
                            Label {
                                objectName: "connectionError"
                                Layout.fillWidth: true
                                visible: page.connection.error !== ""
                                wrapMode: Text.Wrap
                                color: page.Material.theme === Material.Dark ? "#ffb4ab" : "#b3261e"
                                text: page.connection.error
                            }
                        }
                    }

                }

                RecentConnections {
                    Layout.fillWidth: true
                    Layout.preferredWidth: page.twoColumns ? ways.width - forms.Layout.preferredWidth - ways.columnSpacing : ways.width
                    Layout.alignment: Qt.AlignTop
                    visible: page.connection.recentConnections.length > 0
                    connection: page.connection
                    format: page.session.format
                    enabled: !page.busy
                    onChosen: url => {
                        urlField.text = url;
                        page.keyHint = "";
                        page.connection.connectRecent(url);
                    }
                }

            }

            Item { Layout.preferredHeight: 24 }
        }
    }

    ConfirmDialog {
        id: insecureDialog
        title: qsTr("Send the root key unencrypted?")
        text: qsTr("%1 uses plain http:// to another machine. Anyone on the network path can read the root key and act with its permissions. Use https:// unless this network is fully trusted.").arg(urlField.text.trim())
        confirmText: qsTr("Connect anyway")
        destructive: true
        onConfirmed: page.connection.connectToServer(urlField.text, keyField.text, rememberBox.checked, true)
    }
}
