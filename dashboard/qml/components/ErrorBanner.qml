import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// The one place where failed requests are shown: every ApiClient::requestFailed lands here with
// what went wrong in the UI's language (ApiResult::message), and the server's own `detail` under
// it when that says something else. Stays until dismissed or replaced by a newer failure; counts
// repeats of the same failure (the same request and answer), a different one starts over at 1.
// A failure to reach the server goes away by itself once a later request gets an answer.
Pane {
    id: banner

    property ApiClient client
    property string title
    property string detail
    /// The server's own words, when they differ from `detail` (a translated known error).
    property string serverDetail
    property string action
    property int count: 0
    /// The shown failure got no answer from the server (resolved when a later request gets one).
    property bool unreachable: false

    function show(failedAction: string, failedTitle: string, failedDetail: string, failedServerDetail: string): void {
        const repeated = detail !== "" && action === failedAction && detail === failedDetail;
        count = repeated ? count + 1 : 1;
        unreachable = client ? client.unreachable : false;
        action = failedAction;
        title = failedTitle;
        detail = failedDetail;
        serverDetail = failedServerDetail !== failedDetail ? failedServerDetail : "";
    }

    function clear(): void {
        count = 0;
        unreachable = false;
        action = "";
        title = "";
        detail = "";
        serverDetail = "";
    }

    visible: detail !== ""
    padding: 10
    Material.elevation: 2
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title + ": " + detail

    background: Rectangle {
        color: banner.Material.theme === Material.Dark ? "#5c1f1f" : "#fde7e7"
        border.color: banner.Material.theme === Material.Dark ? "#a04040" : "#f2b8b5"
    }

    Connections {
        target: banner.client
        function onRequestFailed(failedAction: string, failedTitle: string, failedDetail: string,
                                 failedServerDetail: string) {
            banner.show(failedAction, failedTitle, failedDetail, failedServerDetail);
        }
        function onServerReachableAgain() {
            if (banner.unreachable)
                banner.clear();
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            text: "⚠"
            font.pixelSize: 20
            color: banner.Material.theme === Material.Dark ? "#ffb4ab" : "#b3261e"
            Accessible.ignored: true
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                font.bold: true
                elide: Text.ElideRight
                text: banner.count > 1 ? qsTr("%1 (%2 failed requests)").arg(banner.title).arg(banner.count)
                                       : banner.title
            }
            Label {
                objectName: "errorDetail"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: banner.detail
                textFormat: Text.PlainText
            }
            Label {
                objectName: "serverDetail"
                Layout.fillWidth: true
                visible: banner.serverDetail !== ""
                wrapMode: Text.Wrap
                text: qsTr("Server: %1").arg(banner.serverDetail)
                textFormat: Text.PlainText
                opacity: 0.7
                font.pixelSize: 12
            }
        }
        FocusButton {
            objectName: "dismissButton"
            text: qsTr("Dismiss")
            flat: true
            Accessible.name: qsTr("Dismiss the error message")
            onClicked: banner.clear()
        }
    }
}
