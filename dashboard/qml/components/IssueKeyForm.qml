import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// The fields of the issue-key dialog, written straight into its IssueKeyController; each shows
// the controller's validation message for it. Enter anywhere issues the key (also on the API box
// or a check box), except in the permission and role pickers, where Enter adds the typed entry.
// Example values are placeholders in italics starting "e.g.", never mistaken for filled-in ones.
ScrollView {
    id: form
    objectName: "issue-form"

    required property Session session
    required property IssueKeyController controller
    /// The workspace has no API yet, and a key cannot exist without one (the dialog offers "New API").
    readonly property bool noApi: basics.noApi
    /// The APIs the form offers: "New API" creates one through it, and the form chooses it.
    readonly property ApisModel apiList: basics.apiList
    /// Tab below the visible part (after "Add rate limit") scrolls the focused field into view.
    property FocusScroller focusScroller: FocusScroller {
        flickable: form.contentItem as Flickable
        margin: form.scrollShadow.height + 8 // a focused field clear of the shadow, not under it
    }
    /// Below the fold (Permissions … Enabled at 1024 × 768) nothing showed that the form goes on:
    /// a shadow line at the bottom edge until the end is in sight, and the scroll bar stays while
    /// the form is taller than the dialog.
    property ScrollShadow scrollShadow: ScrollShadow {
        parent: form
        flickable: form.contentItem as Flickable
    }
    readonly property bool overflowing: contentHeight > availableHeight
    ScrollBar.vertical.policy: overflowing ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded

    /// Enter outside the pickers.
    signal accepted()
    /// Every editor holds something that can be issued (Issue stays disabled otherwise).
    /// An API is chosen too (a key cannot exist without one).
    readonly property bool valid: controller.apiId !== "" && credits.valid && meta.valid
    /// A permission or role is typed but not added yet: an entry the controller does not hold.
    readonly property bool typing: access.typing

    function within(item: var, ancestor: var): bool {
        for (let node = item; node; node = node.parent) {
            if (node === ancestor)
                return true;
        }
        return false;
    }
    function submitByKey(event: var): void {
        const focused = form.Window.activeFocusItem;
        if (within(focused, access)) {
            event.accepted = false;
            return;
        }
        event.accepted = true;
        if (form.valid) {
            form.accepted();
        } else {
            credits.showError();
            focusFirstProblem();
        }
    }

    /// The fields in the order shown, each with the controller's name for it.
    function fieldsInOrder(): var {
        return [["apiId", basics.apiBox], ["name", basics.nameField], ["prefix", basics.prefixField],
                ["externalId", basics.ownerField],
                ["expires", expiry], ["credits", credits], ["ratelimits", ratelimits],
                ["permissions", access.permissionPicker], ["roles", access.rolePicker], ["meta", meta]];
    }
    /// Gives the keyboard focus to the first field that keeps the key from being issued (this
    /// form's checks or the controller's messages) and scrolls it into view with its message:
    /// an Issue refused for a field out of sight shows it. False when no field has a problem.
    function focusFirstProblem(): bool {
        const own = {apiId: controller.apiId === "", credits: !credits.valid, meta: !meta.valid};
        for (const [field, item] of fieldsInOrder()) {
            if (!own[field] && error(field) === "")
                continue;
            const message = field === "credits" ? credits.focusFirstError() : null;
            if (!message) {
                const target = firstFocusable(item);
                if (target)
                    target.forceActiveFocus(Qt.TabFocusReason);
            }
            // The field with its message (the FormField's) in view, once the layout placed the
            // message that has just appeared.
            focusScroller.show(message ? message : formFieldOf(item));
            return true;
        }
        return false;
    }
    /// The FormField holding @p item (its label, the field and the message under it).
    function formFieldOf(item: Item): Item {
        for (let node = item; node; node = node.parent) {
            if (node.label !== undefined && node.error !== undefined && node.hint !== undefined)
                return node;
        }
        return item;
    }
    /// @p item when it takes the focus by Tab, else its first such visible, enabled child.
    function firstFocusable(item: Item): Item {
        if (!item.visible || !item.enabled)
            return null;
        if (item.activeFocusOnTab)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = firstFocusable(item.children[i]);
            if (found)
                return found;
        }
        return null;
    }
    // Single-line fields let Enter through after their `accepted`: it arrives here once.
    Keys.onReturnPressed: event => submitByKey(event)
    Keys.onEnterPressed: event => submitByKey(event)

    /// Shows the controller's (reset) values in the editors that keep their own draft.
    function reset(): void {
        basics.load();
        meta.text = controller.metaText;
        expiry.load(controller.expires);
        credits.load(controller.creditsUnlimited, controller.creditsRemaining, controller.refillInterval,
                     controller.refillAmount, controller.refillDay);
        ratelimits.load(controller.ratelimits);
        recoverableBox.checked = controller.recoverable;
        enabledBox.checked = controller.enabled;
        firstField = null;
        focusFirstField();
    }

    /// The first field to fill in when the form was reset: the name, unless the API list has
    /// arrived without any API to choose. While the list is still loading the name takes the
    /// cursor too: the list then pre-selects an API, and typing goes into the name rather than
    /// into the API box's type-ahead (which would switch the API unseen).
    property Item firstField: null
    function focusFirstField(): void {
        if (!firstField)
            firstField = controller.apiId === "" && basics.apisArrived ? basics.apiBox : basics.nameField;
        // As from the keyboard, so that the field shows its focus frame.
        firstField.forceActiveFocus(Qt.TabFocusReason);
    }

    function error(field: string): string {
        return controller.errors[field] !== undefined ? controller.errors[field] : "";
    }

    contentWidth: availableWidth
    // The scroll bar gets its own strip instead of covering the buttons at the right edge.
    rightPadding: ScrollBar.vertical.width + 8
    clip: true
    Component.onCompleted: reset()

    ColumnLayout {
        width: form.availableWidth
        spacing: 14

        IssueKeyBasicFields {
            id: basics
            Layout.fillWidth: true
            session: form.session
            controller: form.controller
        }

        FormField {
            label: qsTr("Expiry")
            error: form.error("expires")
            ExpiryPicker {
                id: expiry
                format: form.session.format
                onEdited: form.controller.expires = expires
            }
        }

        FormField {
            label: qsTr("Credits")
            error: form.error("credits")
            CreditsEditor {
                id: credits
                onEdited: {
                    form.controller.creditsUnlimited = unlimited;
                    form.controller.creditsRemaining = remaining;
                    form.controller.refillInterval = interval;
                    form.controller.refillAmount = amount;
                    form.controller.refillDay = refillDay;
                }
            }
        }

        FormField {
            label: qsTr("Rate limits")
            error: form.error("ratelimits")
            RatelimitsEditor {
                id: ratelimits
                Layout.fillWidth: true
                onEdited: form.controller.ratelimits = value()
            }
        }

        IssueKeyAccessFields {
            id: access
            Layout.fillWidth: true
            session: form.session
            controller: form.controller
        }

        FormField {
            label: qsTr("Meta")
            hint: qsTr("Any JSON object; returned with every verification.")
            error: form.error("meta")
            MetaEditor {
                id: meta
                Layout.fillWidth: true
                onTextChanged: form.controller.metaText = text
            }
        }

        WrapCheckBox {
            id: recoverableBox
            objectName: "issue-recoverable"
            Layout.fillWidth: true
            text: qsTr("Recoverable (the key is stored encrypted and can be shown again later)")
            enabled: form.session.capabilities.may("api.*.encrypt_key", form.session.capabilities.revision)
            onToggled: form.controller.recoverable = checked
        }
        CheckBox {
            id: enabledBox
            objectName: "issue-enabled"
            text: qsTr("Enabled")
            checked: true
            onToggled: form.controller.enabled = checked
            FocusFrame { control: enabledBox } // the keyboard focus, visible
        }
    }
}
