import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The issue form's first fields, what every key has: the API it belongs to (the workspace's,
// listed once whoami says the root key may read them), its name and prefix, and its owner; each
// written straight into the IssueKeyController, with the controller's message for it.
ColumnLayout {
    id: basics

    required property Session session
    required property IssueKeyController controller
    property alias apiBox: apiBox
    property alias nameField: nameField
    property alias prefixField: prefixField
    property alias ownerField: ownerField
    /// The workspace's APIs the box offers (the dialog's "New API" creates one through it).
    readonly property alias apiList: apis
    /// "" when the root key may list the APIs (apis.listApis); they are not fetched otherwise, nor
    /// before rootKeys.whoami answered.
    readonly property string mayNotListApis: session.capabilities.missing("api.*.read_api", session.capabilities.revision)
    readonly property bool apisFetched: !session.capabilities.pending && mayNotListApis === ""
    /// The workspace has no API yet, and a key cannot exist without one (the dialog offers "New API").
    readonly property bool noApi: apisFetched && !apis.loading && !apis.failed && apis.count === 0
    /// The API list answered at least once (before that, "no API chosen" only means "not yet").
    property bool apisArrived: false
    /// The API asked for by apis.getApi (one not on the pages read), and what the server said:
    /// "asking", "exists" or "missing".
    property var apiLookup: ({apiId: "", state: ""})
    /// The server has no API of the chosen id (deleted since the page that pre-filled it opened).
    readonly property bool chosenApiMissing: controller.apiId !== "" && apiBox.currentIndex < 0
                                             && apiLookup.apiId === controller.apiId && apiLookup.state === "missing"
    /// The chosen API is not among the APIs listed, with every page read (or a page failed, or the
    /// root key may not list them), or it does not exist: the box names its id rather than showing
    /// another API.
    readonly property bool chosenApiUnlisted: controller.apiId !== "" && apiBox.currentIndex < 0
                                              && (mayNotListApis !== "" || chosenApiMissing
                                                  || (apisArrived && !apis.loading && (!apis.hasMore || apis.failed)))

    function error(field: string): string {
        return controller.errors[field] !== undefined ? controller.errors[field] : "";
    }
    /// Shows the controller's (reset) values in the fields.
    function load(): void {
        prefixField.text = controller.prefix;
        nameField.text = controller.name;
        ownerField.text = controller.externalId;
        showChosenApi();
    }
    /// Shows the controller's API in the box. One not on the pages read so far (an API past the
    /// first 50: pre-filled by Ctrl+N on its key's page, or just created) is asked for first
    /// (apis.getApi): one that does not exist (any more) is said at once, without reading every
    /// page of APIs (walk 22); one that exists is looked for in the next pages, the box meanwhile
    /// naming none: it never shows one API while the key would go into another.
    function showChosenApi(): void {
        apiBox.currentIndex = apiBox.indexOfValue(controller.apiId);
        if (apiBox.currentIndex >= 0 || controller.apiId === "" || apis.client === null)
            return; // asked once the list may be read (its first page calls this again)
        if (apiLookup.apiId !== controller.apiId) {
            apiLookup = {apiId: controller.apiId, state: "asking"};
            apis.lookUp(controller.apiId); // its answer goes on here
        } else if (apiLookup.state === "exists") {
            apis.loadMore(); // does nothing at the end of the list, or while a page is on its way
        }
    }

    spacing: 14 // the form's, between its fields

    // A pre-fill or a new API after the list arrived.
    Connections {
        target: basics.controller
        function onFormChanged() {
            if (basics.apisArrived && apiBox.currentValue !== basics.controller.apiId)
                basics.showChosenApi();
        }
    }

    FormField {
        label: qsTr("API")
        error: basics.error("apiId")
        ThemedComboBox {
            id: apiBox
            objectName: "issue-api"
            Layout.fillWidth: true
            model: ApisModel {
                id: apis
                client: basics.apisFetched ? basics.session.client : null
                onPageLoaded: {
                    if (basics.controller.apiId === "" && apis.count > 0)
                        basics.controller.apiId = apis.rowObject(0).id;
                    basics.showChosenApi();
                    basics.apisArrived = true;
                }
                onLookedUp: (apiId, missing) => {
                    if (apiId !== basics.apiLookup.apiId)
                        return; // an answer about an API chosen before
                    basics.apiLookup = {apiId: apiId, state: missing ? "missing" : "exists"};
                    basics.showChosenApi();
                }
            }
            textRole: "name"
            valueRole: "apiId"
            displayText: currentIndex >= 0 ? currentText
                         : basics.controller.apiId === "" ? qsTr("Choose an API")
                         : basics.chosenApiUnlisted ? basics.controller.apiId : qsTr("Looking for the API…")
            Accessible.name: qsTr("API the key belongs to")
            onActivated: basics.controller.apiId = currentValue
            // Material's own focus tint on a combo box is hard to see.
            FocusFrame {
                control: apiBox
            }
        }
        Label {
            objectName: "issue-api-unlisted"
            Layout.fillWidth: true
            visible: basics.chosenApiUnlisted && (apis.count > 0 || basics.chosenApiMissing) // else the label below says why
            wrapMode: Text.Wrap
            text: basics.chosenApiMissing
                  ? qsTr("There is no API %1 (deleted?): choose the API the key goes into.").arg(basics.controller.apiId)
                  : qsTr("The API %1 is not among the APIs listed. The key is issued into it unless you choose another one.").arg(basics.controller.apiId)
        }
        // A fresh server has no API, and a key cannot exist without one: say so here.
        Label {
            objectName: "issue-no-api"
            Layout.fillWidth: true
            visible: basics.noApi
            wrapMode: Text.Wrap
            font.bold: true
            text: qsTr("There is no API yet. Every key belongs to an API: create one first with “New API” below.")
        }
        // Not "no API yet" when the APIs are not listed (a root key without api.*.read_api,
        // which whoami said) or could not be: say why.
        Label {
            objectName: "issue-apis-unlisted"
            Layout.fillWidth: true
            visible: basics.mayNotListApis !== "" || (!apis.loading && apis.failed && apis.count === 0)
            wrapMode: Text.Wrap
            text: qsTr("The APIs could not be listed: %1").arg(basics.mayNotListApis !== "" ? basics.mayNotListApis : apis.errorDetail)
        }
    }

    // Within the form's width: the prefix keeps 200 px (its hint wraps in them), the name the
    // rest.
    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        FormField {
            Layout.alignment: Qt.AlignTop // the labels on one line, whatever the hints below
            label: qsTr("Name")
            error: basics.error("name")
            TextField {
                id: nameField
                objectName: "issue-name"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Production server")
                font.italic: text === ""
                Accessible.name: qsTr("Key name")
                onTextEdited: basics.controller.name = text
            }
        }
        FormField {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: false
            Layout.preferredWidth: 200
            label: qsTr("Prefix")
            hint: qsTr("Optional; the key starts with it")
            error: basics.error("prefix")
            TextField {
                id: prefixField
                objectName: "issue-prefix"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. sk_live")
                font.italic: text === ""
                maximumLength: 16
                Accessible.name: qsTr("Key prefix")
                onTextEdited: basics.controller.prefix = text
            }
        }
    }

    FormField {
        label: qsTr("Owner")
        hint: qsTr("The customer's id in your system (external id). A new owner is created if needed.")
        error: basics.error("externalId")
        TextField {
            id: ownerField
            objectName: "issue-owner"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. customer_42")
            font.italic: text === ""
            Accessible.name: qsTr("Owner (external id)")
            onTextEdited: basics.controller.externalId = text
        }
        OwnerMatches {
            session: basics.session
            typed: ownerField.text
            onPicked: externalId => {
                ownerField.text = externalId;
                basics.controller.externalId = externalId;
                ownerField.forceActiveFocus(Qt.TabFocusReason);
            }
        }
    }
}
