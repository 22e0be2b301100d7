import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Latchkey.Dashboard

// Ctrl+K on a page without a search field of its own: jump to a key (by key id) or an owner (by
// external id or identity id).
Dialog {
    id: search

    required property Session session
    property string message: ""

    objectName: "globalSearch"
    title: qsTr("Go to")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 480
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    // Cleared before it shows, so keys typed right after Ctrl+K never join the previous search.
    onAboutToShow: {
        message = "";
        field.text = "";
    }
    onOpened: field.forceActiveFocus()

    function openEntry(pageName: string, property: string, value: string): bool {
        const entry = registry.find(pageName);
        if (!entry || entry.properties.indexOf(property) < 0)
            return false;
        const props = {};
        props[property] = value;
        session.openPage(pageName, props);
        close();
        return true;
    }

    function go(): void {
        const text = field.text.trim();
        if (text === "")
            return;
        message = qsTr("Searching…");
        if (text.startsWith("key_")) {
            session.client.call("keys.getKey", { keyId: text }, result => {
                if (!result.ok || !search.openEntry("keyDetail", "keyId", text))
                    search.message = qsTr("No key with the id “%1”.").arg(text);
            });
            return;
        }
        // identities.getIdentity takes an external id or an identity id.
        session.client.call("identities.getIdentity", { identity: text }, result => {
            if (!result.ok) {
                search.message = qsTr("No owner with the external id “%1”.").arg(text);
                return;
            }
            const identity = result.data;
            if (!search.openEntry("ownerDetail", "identityId", identity.id)
                    && !search.openEntry("ownerDetail", "externalId", identity.externalId))
                search.message = qsTr("Found owner %1, but there is no owner page yet.").arg(identity.externalId);
        });
    }

    PageRegistry {
        id: registry
    }

    ColumnLayout {
        width: search.availableWidth
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("A key id (key_…) or an owner's external id:")
        }
        TextField {
            id: field
            Layout.fillWidth: true
            placeholderText: qsTr("key_… or external id")
            Accessible.name: qsTr("Key id or external id")
            onAccepted: search.go()
        }
        Label {
            Layout.fillWidth: true
            visible: search.message !== ""
            wrapMode: Text.Wrap
            text: search.message
        }
    }

    footer: Pane {
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Item {
                Layout.fillWidth: true
            }
            FocusButton {
                text: qsTr("Cancel")
                flat: true
                onClicked: search.close()
            }
            FocusButton {
                text: qsTr("Go")
                highlighted: true
                onClicked: search.go()
            }
        }
    }
}
