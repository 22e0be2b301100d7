import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Latchkey.Dashboard

// Under an owner (external id) field: whether the typed id is an owner that exists, and when it
// is not, the owners whose id contains it, each a click (or Tab, Enter) away. Walkthrough 21: a
// support engineer typed part of the customer's id ("acme" for acme_corp) and the key would have
// gone to a new owner "acme", made without a word. Nothing shows while the field is empty, while
// the search runs (unless `steady`), or when the root key may not read owners. Under the issue
// form's Owner field and the key page's Owner card (KeyTextSection).
ColumnLayout {
    id: matches

    required property Session session
    /// The text of the owner field.
    property string typed
    /// How many owners containing the text are offered.
    property int offered: 3
    /// What it says of a text that is no owner's id (%1): when the new owner is made.
    property string newOwnerText: qsTr("No owner “%1” yet: a new owner is created with the key.")
    /// Keeps its room from the first character typed: its line and a row of owners, also before
    /// the answer and when the owner exists, so what is below it (the key page's Owner card's Save)
    /// does not move as answers come. A second row of owners (long ids in a narrow card) or a
    /// line wrapping in two still grows it.
    property bool steady: false

    /// An owner was picked: the host puts @p externalId into its field.
    signal picked(string externalId)

    readonly property string query: typed.trim()
    readonly property string mayNotList: session.capabilities.missing("identity.*.read_identity", session.capabilities.revision)
    /// The search for the text has its answer.
    readonly property bool settled: query !== "" && owners.search === query && !owners.loading && !owners.failed
    /// What shows: the last answered search's, kept while the next one runs, so the form below
    /// does not move at each key typed.
    property string shownQuery
    /// The shown text is an owner's external id.
    property bool exists: false
    /// The owners the shown search found (its first page), in the server's order.
    property var found: []

    function take(): void {
        const ids = [];
        for (let i = 0; i < owners.count; ++i)
            ids.push(owners.data(owners.index(i, 0), IdentitiesModel.ExternalIdRole));
        found = ids;
        exists = ids.indexOf(query) >= 0;
        shownQuery = query;
        // More owners contain the text than the first page holds: ask for the exact id.
        if (!exists && owners.hasMore)
            owners.lookUpExisting(query);
    }
    onSettledChanged: if (settled) take()

    objectName: "owner-matches"
    spacing: 2
    Layout.fillWidth: true
    /// What `visible` is bound to, for a host that shows it in a Loader.
    readonly property bool shows: query !== "" && (shownQuery !== "" || steady) && mayNotList === ""
    visible: shows

    IdentitiesModel {
        id: owners
        client: !matches.session.capabilities.pending && matches.mayNotList === "" ? matches.session.client : null
        pageSize: 10
        onExistingLookedUp: (externalId, identityId) => {
            if (externalId === matches.shownQuery && identityId !== "")
                matches.exists = true;
        }
    }
    /// How long a pause in the typing is before the text is looked up (ms).
    property int searchDelay: 250
    // A search per pause in the typing, not per key.
    Timer {
        id: searchTimer
        interval: matches.searchDelay
        onTriggered: owners.search = matches.query
    }
    onQueryChanged: {
        if (query === "")
            shownQuery = "";
        searchTimer.restart();
    }

    Label {
        objectName: "owner-matches-status"
        Layout.fillWidth: true
        text: matches.shownQuery === "" ? "" // (steady) before the first answer: its room only
              : matches.exists ? qsTr("Existing owner.") : matches.newOwnerText.arg(matches.shownQuery)
        color: matches.exists ? Material.color(Material.Green, matches.Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                              : Material.color(Material.Orange, matches.Material.theme === Material.Dark ? Material.Shade300 : Material.Shade900)
        font.pixelSize: 12
        wrapMode: Text.Wrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    Flow {
        id: offerRow
        readonly property bool offers: !matches.exists && matches.found.length > 0
        Layout.fillWidth: true
        Layout.preferredHeight: matches.steady ? Math.max(32, implicitHeight) : implicitHeight
        spacing: 4
        visible: offers || matches.steady
        Label {
            objectName: "owner-matches-offer-label"
            visible: offerRow.offers
            height: 32
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Did you mean:")
            font.pixelSize: 12
            opacity: 0.7
        }
        Repeater {
            model: matches.exists ? [] : matches.found.slice(0, matches.offered)
            // A link: underlined in the accent colour, the pointing hand over it (walkthrough 22,
            // X17: as plain text nothing said it could be clicked until the pointer was on it).
            FocusButton {
                id: offer
                required property string modelData
                objectName: "owner-match-" + offer.modelData
                text: offer.modelData
                flat: true
                highlighted: true
                font.capitalization: Font.MixedCase // an id, as it is written
                font.underline: true
                height: 32
                topInset: 0
                bottomInset: 0
                Accessible.name: qsTr("Owner %1").arg(offer.modelData)
                onClicked: matches.picked(offer.modelData) // qmllint disable unqualified
                HoverHandler {
                    objectName: "owner-match-pointer"
                    cursorShape: Qt.PointingHandCursor
                }
            }
        }
    }
}
