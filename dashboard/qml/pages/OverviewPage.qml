import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The landing page after connecting: the console's overview charts (verifications by outcome,
// top keys and owners), embedded so desktop and browser show the same. In a workspace without an
// API (the first start) it first says what to do: every key belongs to an API, so create one.
Page {
    id: page

    required property Session session
    /// "" when the root key may list the APIs (without that, the first step is not known).
    readonly property string mayNotListApis: session.capabilities.missing("api.*.read_api", session.capabilities.revision)
    /// The workspace has no API yet: the first step is to create one.
    readonly property bool noApi: apis.client !== null && !apis.loading && !apis.failed && apis.count === 0

    title: qsTr("Overview")

    ApisModel {
        id: apis
        client: !page.session.capabilities.pending && page.mayNotListApis === "" ? page.session.client : null
        pageSize: 1
    }
    // The first API made in the issue dialog (over this page): the first step is done.
    Connections {
        target: page.session
        function onApisChanged() {
            apis.refresh();
        }
    }

    header: Pane {
        objectName: "overview-first-step"
        visible: page.noApi
        padding: 16
        RowLayout {
            anchors.fill: parent
            spacing: 16
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Create an API first")
                    font.bold: true
                    font.pixelSize: 18
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Every key belongs to an API, one per service you protect. Create one, then issue keys for it.")
                    wrapMode: Text.Wrap
                }
            }
            GatedButton {
                objectName: "overview-new-api"
                text: qsTr("New API")
                highlighted: true
                missing: page.session.capabilities.missing("api.*.create_api", page.session.capabilities.revision)
                onClicked: page.session.openPage("apis", {startWithNewApi: true})
            }
        }
    }

    ConsoleView {
        anchors.fill: parent
        session: page.session
        view: "/overview"
        dark: page.Material.theme === Material.Dark
    }
}
