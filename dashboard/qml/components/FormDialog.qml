import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A dialog with a form to fill in, which does not throw away what the user entered without
// asking: while `modified`, Esc and Cancel (cancel()) ask "Discard …?" first, with Discard and
// Keep editing. Keep editing (the default, so Enter and Esc on the question pick it) goes back to
// the field that had the focus, every entry as it was; an untouched form closes at once.
// With entries, Esc is a key press the dialog's content and footer pass on to cancel(), not its
// closePolicy, which would close it unasked, nor a Shortcut, which Qt 6.4 hands to nobody while a
// list popup of the form is open (such lists close on Esc themselves first).
// The default footer is Cancel and one button for `acceptText` (objectName `acceptName`), enabled
// by `canAccept`; dialogs with other buttons set their own footer and call cancel() for Cancel.
// The keyboard accepts every form the same way (walkthrough 23: New root key and New role did
// not): Ctrl+Enter from anywhere in the dialog (a button, a check box, a list), and Enter in a
// single-line field (a spin box's too), both only while `canAccept`. A control for which Enter
// means something else takes it first: a multi-line editor (a new line), a picker's field with a
// name typed or its suggestions open (it adds the name), a button (it presses it). The fields do
// not call accept() themselves (a second accept would send the form twice).
// A Shortcut for Ctrl+Enter: the Keys of a focused button would press that button first; Qt hands
// it to the topmost dialog only (the discard question or a dialog over this one blocks it).
// A request the server refuses, or that gets no answer, brings the dialog back as it was sent:
// refused() with the failure, said in the dialog (the error banner is behind it): a taken name
// (409) in `serverError`, for the FormField of `answerField` to show (typing there clears it),
// any other failure in `requestError` above the buttons (the default footer's DialogError; a
// dialog with its own footer shows one too). The focus goes back to `answerField`. Dialogs that
// come back fill in a new form in `started` (as the dialog starts to show, before its opening
// animation), not in `opened`, which comes back too.
Dialog {
    id: dialog

    /// The form holds something the user entered that closing the dialog would lose.
    property bool modified: false
    /// The question's title, naming what would be discarded ("Discard this key's details?").
    property string discardTitle: qsTr("Discard what you entered?")
    /// The key this dialog shows once (its ShowOnceKey block), if any. While closing would lose it
    /// (not copied, not stored to show again), Esc, cancel(), closeThen() ("Open key") and the
    /// window's own close ask first, in the block's words (walkthrough 20/8: one Esc and a root
    /// key was gone for good).
    property ShowOnceKey shownOnce: null
    readonly property bool keyWouldBeLost: shownOnce !== null && shownOnce.wouldBeLost
    /// Closing now loses something: Esc and cancel() ask first.
    readonly property bool asksFirst: modified || keyWouldBeLost
    /// The default footer's accept button.
    property string acceptText: qsTr("Create")
    property string acceptName
    /// The form may be sent: the default footer's accept button is enabled, Enter and Ctrl+Enter
    /// accept. False in a dialog that shows only what was made (a key shown once).
    property bool canAccept: true
    /// Accepting is more than accept() (the issue dialog checks its fields and stays open on the
    /// new key): Enter and Ctrl+Enter emit submitRequested() instead.
    property bool submitsItself: false
    /// The question asked before discarding; for tests.
    readonly property alias discardQuestion: question
    /// The server's answer about `answerField`'s value (a taken name), for its FormField.
    property string serverError
    /// Why the request failed otherwise (a refused value, a missing permission, no answer), and
    /// the server's own words when they say more: said above the buttons (DialogError).
    property string requestError
    property string requestServerDetail
    /// The field the server's answer is about (a name field): focused when the dialog comes back.
    property Item answerField // Item: Qt 6.4's qmllint takes a page's TextField for another type
    /// True from refused() until the dialog is open again with every entry as it was sent.
    property bool comingBack: false
    /// What the confirmed question was asked for, done once the dialog has closed (and its host
    /// forgot the key): the window's close, or a button's next step ("Open key"). Null otherwise.
    property var afterClose: null

    /// The dialog opened for a new form (not by reopen()): its fields start empty here.
    signal started()
    /// Enter or Ctrl+Enter asked to send the form, of a dialog that `submitsItself`.
    signal submitRequested()

    /// Opens the dialog again as it was sent, saying why @p result (an apiResult: a model's
    /// createFailed()) failed: nothing typed is lost.
    function refused(result: var): void {
        const taken = result.httpStatus === 409 && answerField !== null;
        serverError = taken ? result.message : "";
        requestError = taken ? "" : result.message;
        requestServerDetail = !taken && result.errorDetail !== result.message ? result.errorDetail : "";
        comingBack = true;
        open();
    }

    /// Esc and Cancel: closes the dialog (rejected) at once when nothing would be lost, else asks.
    function cancel(): void {
        if (!asksFirst) {
            reject();
            return;
        }
        ask(null, false);
    }
    /// A button that leaves the dialog for somewhere else ("Open key"): closes it and, once it
    /// has closed (its host forgot the key), calls @p then; asks first as cancel() does (the key
    /// leaves the screen all the same).
    function closeThen(then: var): void {
        if (asksFirst) {
            ask(then, false);
            return;
        }
        afterClose = then;
        close();
    }
    /// Opens the question; confirmed, it closes the dialog and then calls @p then (if any).
    /// @p closesWindow: asked as the window closes, the question says the window.
    function ask(then: var, closesWindow: bool): void {
        question.whenConfirmed = then;
        question.closesWindow = closesWindow;
        if (question.visible)
            return; // asked already: the focus to go back to is the one it saved
        // contentItem is in the window, where the focus is (the dialog itself is no Item). Controls
        // and text fields know how they got the focus; other items count as clicked.
        question.returnFocus = dialog.contentItem.Window.activeFocusItem;
        const reason = question.returnFocus ? question.returnFocus["focusReason"] : undefined;
        question.returnReason = reason !== undefined ? reason : Qt.OtherFocusReason;
        question.open();
    }
    /// Accepts when the form may be sent (Enter in a field, Ctrl+Enter).
    function acceptIfValid(): void {
        if (!canAccept)
            return;
        if (submitsItself)
            submitRequested();
        else
            accept();
    }
    /// Whether @p item is a single-line text field: a TextField, a TextInput (a spin box's), or an
    /// editable control around one. Not a multi-line editor, whose Enter is a new line.
    function singleLine(item: var): bool {
        if (!item)
            return false;
        if (item["acceptableInput"] !== undefined)
            return true;
        const inner = item["contentItem"];
        return item["editable"] === true && inner !== undefined && inner !== null
            && inner["acceptableInput"] !== undefined;
    }
    /// Whether @p item hands Enter on to the form (a closed ThemedComboBox).
    function passesEnter(item: var): bool {
        return item !== null && item["passesEnter"] === true;
    }
    // Enter that the focused control let through (a TextField passes it on after `accepted`, a
    // closed ThemedComboBox hands it on: `passesEnter`). Ctrl+Enter gets here only while the
    // Shortcut is off (canAccept false).
    function enterPressed(event: KeyEvent): void {
        const focused = dialog.contentItem.Window.activeFocusItem;
        event.accepted = singleLine(focused) || passesEnter(focused);
        if (event.accepted)
            acceptIfValid();
    }

    function escapePressed(event: KeyEvent): void {
        event.accepted = true;
        cancel();
    }

    modal: true
    // Untouched, Esc closes it wherever the focus is, as any dialog.
    closePolicy: asksFirst ? Popup.NoAutoClose : Popup.CloseOnEscape
    // A new form starts as the dialog starts to show, not when its opening animation has ended:
    // what was typed (or accepted) meanwhile went into the last opening's field, and was wiped,
    // or sent with the last opening's entries.
    onAboutToShow: {
        if (comingBack)
            return;
        serverError = "";
        requestError = "";
        requestServerDetail = "";
        started();
    }
    // Where the focus is: the form's fields, or the footer's buttons (a dialog's own footer too).
    onOpened: {
        if (!comingBack)
            return;
        comingBack = false;
        if (answerField)
            answerField.forceActiveFocus();
    }
    Connections {
        target: dialog.answerField
        ignoreUnknownSignals: true
        function onTextEdited() {
            dialog.serverError = "";
        }
    }
    // Closing the window (its title bar, Alt+F4) with the key on screen would lose it as well:
    // the window stays and the same question is asked; "Close" then closes the window too.
    Connections {
        target: dialog.visible && dialog.keyWouldBeLost ? dialog.contentItem.Window.window : null
        function onClosing(close) {
            close.accepted = false;
            // Kept now: once the dialog has closed, it is in no window.
            const window = dialog.contentItem.Window.window;
            dialog.ask(() => window.close(), true);
        }
    }
    onClosed: {
        const then = afterClose;
        afterClose = null;
        if (then)
            then();
    }
    Component.onCompleted: {
        contentItem.Keys.escapePressed.connect(escapePressed);
        contentItem.Keys.returnPressed.connect(enterPressed);
        contentItem.Keys.enterPressed.connect(enterPressed);
        if (footer)
            footer.Keys.escapePressed.connect(escapePressed);
    }

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: dialog.opened && dialog.canAccept
        onActivated: dialog.acceptIfValid()
    }

    ConfirmDialog {
        id: question
        objectName: "discard-question"
        /// Where the focus was when the question opened, and how it got there (Tab shows a frame).
        property var returnFocus: null
        property int returnReason: Qt.OtherFocusReason
        /// Done once the dialog has closed, when confirmed (ask()'s @p then).
        property var whenConfirmed: null
        /// Asked as the window closed: confirmed, the window closes as well.
        property bool closesWindow: false
        readonly property bool aboutTheKey: dialog.keyWouldBeLost
        title: aboutTheKey ? dialog.shownOnce.closeTitle : dialog.discardTitle
        text: !aboutTheKey ? qsTr("What you entered here has not been saved. Discarding it cannot be undone.")
              : closesWindow ? dialog.shownOnce.closeWindowText : dialog.shownOnce.closeText
        confirmText: aboutTheKey ? dialog.shownOnce.closeConfirmText
                                 : qsTr("Discard", "throw away what was entered in a dialog")
        cancelText: aboutTheKey ? dialog.shownOnce.closeCancelText : qsTr("Keep editing")
        destructive: true
        onConfirmed: {
            returnFocus = null;
            dialog.afterClose = whenConfirmed;
            whenConfirmed = null;
            dialog.reject();
        }
        // After Qt gave the focus back to the dialog as a whole: the very field, and its frame.
        onClosed: {
            const item = returnFocus;
            returnFocus = null;
            if (item && dialog.visible)
                item.forceActiveFocus(returnReason);
        }
    }

    footer: Pane {
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            DialogError {
                Layout.fillWidth: true
                text: dialog.requestError
                serverDetail: dialog.requestServerDetail
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Item {
                    Layout.fillWidth: true
                }
                FocusButton {
                    objectName: "cancelButton"
                    text: qsTr("Cancel")
                    flat: true
                    onClicked: dialog.cancel()
                }
                FocusButton {
                    objectName: dialog.acceptName
                    text: dialog.acceptText
                    highlighted: true
                    enabled: dialog.canAccept
                    onClicked: dialog.acceptIfValid()
                }
            }
        }
    }
}
