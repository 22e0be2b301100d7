import QtQml

// Every page of the dashboard, in sidebar order. Helpers add their page with ONE line here.
//
// An entry: { name, text, file, sidebar, section, properties }, and `title` made from `text`
//   name        what session.openPage(name, {...}) and the self-test use
//   text        the sidebar label in English (QT_TR_NOOP); `title` is it in the UI's language
//               (follows the language switch), the sidebar measures it in every language
//   file        relative to this folder, e.g. "pages/KeysPage.qml"
//   sidebar     listed in the sidebar (false: reached by navigation only, e.g. a detail page)
//   section     for a page not in the sidebar: the sidebar row highlighted while it is open; a list
//               of rows for a page that belongs to several: the row of the detail page it was opened
//               from when that is one of them (a key opened from its owner's page: Owners), else the
//               first (a key reached from any sidebar page, e.g. with Ctrl+K: APIs)
//   properties  the page's required properties besides `session`; the self-test fills them from
//               its sample data, which has: apiId, keyId, identityId, externalId, namespaceName
//
// The page contract: the root item (usually a Page) declares `required property Session session`
// plus the properties listed in its entry; it may define `function focusSearch()` (Ctrl+F puts the
// cursor in its filter field; Ctrl+K is the global "Go to" on every page) and
// `function focusContent()` (where the keyboard focus goes when the page opens; else the page itself),
// and `function savedState(): var` with `function restoreState(state)` (what the window keeps of it
// while another sidebar page is shown: filters, a search; Main.qml). Everything it does goes through session.client (errors reach the
// one ErrorBanner by themselves) and is formatted with session.format.
QtObject {
    readonly property var pages: [
        { name: "overview", text: QT_TR_NOOP("Overview"), file: "pages/OverviewPage.qml", sidebar: true, properties: [] },
        { name: "owners", text: QT_TR_NOOP("Owners"), file: "pages/OwnersPage.qml", sidebar: true, properties: [] },
        { name: "ownerDetail", text: QT_TR_NOOP("Owner"), file: "pages/OwnerDetailPage.qml", sidebar: false, section: "owners", properties: ["identityId"] },
        { name: "apis", text: QT_TR_NOOP("APIs"), file: "pages/ApisPage.qml", sidebar: true, properties: [] },
        { name: "keys", text: QT_TR_NOOP("Keys"), file: "pages/KeysPage.qml", sidebar: false, section: "apis", properties: ["apiId"] },
        { name: "keyDetail", text: QT_TR_NOOP("Key"), file: "pages/KeyDetailPage.qml", sidebar: false, section: ["apis", "owners"], properties: ["keyId"] },
        { name: "permissions", text: QT_TR_NOOP("Permissions & roles"), file: "pages/PermissionsPage.qml", sidebar: true, properties: [] },
        { name: "ratelimits", text: QT_TR_NOOP("Rate limits"), file: "pages/RatelimitPage.qml", sidebar: true, properties: [] },
        { name: "audit", text: QT_TR_NOOP("Audit log"), file: "pages/AuditLogPage.qml", sidebar: true, properties: [] },
        { name: "rootKeys", text: QT_TR_NOOP("Root keys"), file: "pages/RootKeysPage.qml", sidebar: true, properties: [] },
        { name: "settings", text: QT_TR_NOOP("Settings"), file: "pages/SettingsPage.qml", sidebar: true, properties: [] }
    ]
    readonly property var entries: pages.map(page => Object.assign({ title: qsTr(page.text) }, page))

    function find(name: string): var {
        for (let i = 0; i < entries.length; ++i)
            if (entries[i].name === name)
                return entries[i];
        return null;
    }
}
