import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// "Issue a key" (Ctrl+N anywhere, or a page's button through session.requestIssueKey): the form,
// then the new key shown once with copy buttons and a curl line. Closing the dialog (Esc, Done,
// Cancel) makes the controller forget the key. Esc or Cancel on a form with entries asks before
// discarding them (FormDialog); once the key is issued, Esc and Done ask only while the key would
// be lost (not copied, not recoverable).
FormDialog {
    id: dialog

    required property Session session
    readonly property IssueKeyController controller: issuer
    /// The root key may create keys in the chosen API ("" when it may).
    readonly property string missingCreate: session.capabilities.missing(
        "api." + (issuer.apiId === "" ? "*" : issuer.apiId) + ".create_key", session.capabilities.revision)
    /// Said in the footer: the key may not create keys in the chosen API, or (none chosen) in any.
    readonly property string mayNotIssue: issuer.apiId !== "" ? missingCreate
        : session.capabilities.missingEverywhere("api.*.create_key", session.capabilities.revision)

    /// The workspace has no API yet: the footer says to create one first, with "New API".
    readonly property bool noApi: formLoader.item !== null && (formLoader.item as IssueKeyForm).noApi
    /// Why Issue is greyed out for want of an API ("" once one is chosen).
    readonly property string needsApi: issuer.apiId !== "" ? ""
                                       : noApi ? qsTr("Create an API first.") : qsTr("Choose the API the key belongs to first.")

    /// Issues the key (Issue, Enter, Ctrl+Enter); when a field keeps it from that, the field
    /// gets the keyboard focus and is scrolled into view, its message under it.
    function issue(): void {
        const form = formLoader.item as IssueKeyForm;
        if (form && !form.valid) {
            form.focusFirstProblem();
            return;
        }
        if (!issuer.issue() && form && Object.keys(issuer.errors).length > 0)
            form.focusFirstProblem();
    }

    /// Opens the form, pre-filled with @p prefill ({apiId, externalId, prefix}).
    function openWith(prefill: var): void {
        issuer.clear();
        if (prefill && prefill.apiId)
            issuer.apiId = prefill.apiId;
        if (prefill && prefill.externalId)
            issuer.externalId = prefill.externalId;
        if (prefill && prefill.prefix)
            issuer.prefix = prefill.prefix;
        issuer.markUnmodified(); // the pre-fill is not the user's entry
        open();
    }

    objectName: "issueKeyDialog"
    title: issuer.issued ? qsTr("Key issued") : qsTr("Issue a key")
    modified: !issuer.issued && (issuer.modified || (formLoader.item !== null && (formLoader.item as IssueKeyForm).typing))
    discardTitle: qsTr("Discard this key's details?")
    // Issued, the key not copied and not recoverable: Esc and Done ask before it is gone.
    shownOnce: shownKey
    // Ctrl+Enter (FormDialog) issues while Issue is enabled; Enter is the form's (IssueKeyForm:
    // also on its API box and check boxes, not while a picker takes it).
    canAccept: !issuer.issued && !issuer.busy && issuer.apiId !== "" && mayNotIssue === ""
    submitsItself: true
    onSubmitRequested: issue()
    anchors.centerIn: Overlay.overlay
    width: Math.min(760, Overlay.overlay ? Overlay.overlay.width - 48 : 760)
    readonly property real maxHeight: Math.min(820, Overlay.overlay ? Overlay.overlay.height - 48 : 820)
    // The form takes the room it may need; the issued key only what it shows (no empty area
    // below it), scrolling only in a window too small for it.
    height: issuer.issued
            ? Math.min(maxHeight, shownKey.implicitHeight + implicitHeaderHeight + implicitFooterHeight
                                  + topPadding + bottomPadding + 2 * spacing)
            : maxHeight

    onAboutToShow: formLoader.setSource(Qt.resolvedUrl("IssueKeyForm.qml"),
                                        { session: dialog.session, controller: issuer })
    // The form was made before the dialog opened, when focus could not enter it yet.
    onOpened: if (formLoader.item)
        (formLoader.item as IssueKeyForm).focusFirstField()
    onClosed: {
        formLoader.source = "";
        issuer.clear();
    }

    IssueKeyController {
        id: issuer
        client: dialog.session.client
        // Open key lists (an API's, an owner's) show the new key at once.
        onKeyIssued: {
            dialog.session.keysChanged();
            // The Issue button that had the keyboard is gone: Enter copies the new key.
            shownKey.focusCopy();
        }
        // Roles it created, permissions the server created with the key: the Permissions & roles
        // page lists them.
        onRbacChanged: dialog.session.rbacChanged()
    }

    Connections {
        target: dialog.session
        function onIssueKeyRequested(prefill: var) {
            dialog.openWith(prefill);
        }
    }

    // The form's API list creates it; the form chooses it and goes on at the key's name (the
    // "New API" button that had the focus is gone).
    NewApiDialog {
        id: newApiDialog
        apiList: formLoader.item ? (formLoader.item as IssueKeyForm).apiList : null
    }
    Connections {
        target: newApiDialog.apiList
        function onCreated(apiId: string) {
            dialog.session.apisChanged(); // the page behind the dialog lists it
            issuer.apiId = apiId;
            const form = formLoader.item as IssueKeyForm;
            form.firstField = null;
            form.focusFirstField();
        }
    }

    // A child rather than `contentItem:` (a deferred property, where the Loader's id would not work).
    StackLayout {
        anchors.fill: parent
        currentIndex: issuer.issued ? 1 : 0

        // Created on each opening: a fresh form, and its lists are fetched only while connected.
        Loader {
            id: formLoader
            onLoaded: (item as IssueKeyForm).accepted.connect(dialog.issue)
        }

        ScrollView {
            contentWidth: availableWidth
            ShowOnceKey {
                id: shownKey
                width: parent.width
                keyText: issuer.newKey
                keyId: issuer.newKeyId
                curlText: issuer.curlCommand
                recoverable: issuer.recoverable
                rootKeyFile: dialog.session.rootKeyFile
                onCopyRequested: text => issuer.copyToClipboard(text)
            }
        }
    }

    footer: Pane {
        padding: 12
        RowLayout {
            anchors.fill: parent
            spacing: 8

            // As the other dialogs say a failure: the server's own words under it (which
            // permission is missing) when they say more.
            DialogError {
                Layout.fillWidth: true
                objectName: "issue-server-error"
                text: issuer.serverError
                serverDetail: issuer.serverDetail
            }
            // Why Issue is greyed out while no API is chosen, or the root key may not issue keys
            // (instead of the server's refusal).
            Label {
                Layout.fillWidth: true
                objectName: "issue-needs-api"
                visible: issuer.serverError === "" && !issuer.issued && (issuer.apiId === "" || dialog.mayNotIssue !== "")
                text: dialog.mayNotIssue !== "" ? dialog.mayNotIssue : dialog.needsApi
                wrapMode: Text.Wrap
            }
            // Nothing to choose: the first step, "New API" over this form, which stays as typed
            // (it was closed and thrown away unasked, for the APIs page).
            GatedButton {
                objectName: "issue-new-api"
                visible: dialog.noApi && !issuer.issued
                text: qsTr("New API")
                missing: dialog.session.capabilities.missing("api.*.create_api", dialog.session.capabilities.revision)
                onClicked: newApiDialog.open()
            }
            Item {
                Layout.fillWidth: true
                visible: issuer.serverError === "" && (issuer.issued || (issuer.apiId !== "" && dialog.mayNotIssue === ""))
            }
            BusyIndicator {
                running: issuer.busy
                visible: running
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
            }
            FocusButton {
                text: qsTr("Cancel")
                flat: true
                visible: !issuer.issued
                onClicked: dialog.cancel()
            }
            GatedButton {
                objectName: "issue-submit"
                visible: !issuer.issued
                text: qsTr("Issue key")
                highlighted: true
                // Enabled with a field to fix: Issue then shows that field (dialog.issue()).
                ready: !issuer.busy && issuer.apiId !== ""
                // As the footer says: no API chosen names api.*.create_key only when the key may
                // create keys in no API; one that may in some is told to choose the API.
                missing: dialog.mayNotIssue
                notReadyReason: dialog.needsApi
                onClicked: dialog.issue()
            }
            FocusButton {
                objectName: "issue-open"
                visible: issuer.issued
                text: qsTr("Open key")
                flat: true
                // The key leaves the screen as with Done: asks first while it would be lost.
                onClicked: {
                    const keyId = issuer.newKeyId;
                    const apiId = issuer.apiId;
                    dialog.closeThen(() => dialog.session.openPage("keyDetail", { keyId: keyId, apiId: apiId }));
                }
            }
            FocusButton {
                objectName: "issue-done"
                visible: issuer.issued
                text: qsTr("Done")
                highlighted: true
                onClicked: dialog.cancel() // asks while the key would be lost
            }
        }
    }
}
