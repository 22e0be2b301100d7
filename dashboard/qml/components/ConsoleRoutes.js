.pragma library

// Which dashboard page shows what a web console address shows: a link clicked in an embedded
// console view (ConsoleView) opens the dashboard's own page for that key, owner, API or namespace
// (where it can be edited), not the console's view of it inside the embed.

/// The console view of @p address ("/keys/<keyId>", "/overview", ...), or "" when @p address is
/// not a view of the console at @p origin ("http://host:port").
function viewOf(origin, address) {
    const text = String(address);
    if (origin === "" || !text.startsWith(origin + "/console/"))
        return "";
    const hash = text.indexOf("#");
    return hash < 0 ? "/overview" : text.substring(hash + 1);
}

/// The dashboard page for console view @p view: {name, properties} as session.openPage takes
/// them, or null for a view the dashboard has no page for.
function pageFor(view) {
    const match = /^\/(overview|apis|keys|identities|namespaces)(?:\/([^\/?#]+))?$/.exec(view);
    if (!match)
        return null;
    let id = "";
    try {
        id = match[2] === undefined ? "" : decodeURIComponent(match[2]);
    } catch (malformed) {
        return null;
    }
    switch (match[1]) {
    case "overview":
        return id === "" ? {name: "overview", properties: {}} : null;
    case "apis":
        return id === "" ? {name: "apis", properties: {}} : {name: "keys", properties: {apiId: id}};
    case "keys":
        return id === "" ? null : {name: "keyDetail", properties: {keyId: id}};
    case "identities":
        return id === "" ? null : {name: "ownerDetail", properties: {identityId: id}};
    case "namespaces":
        return id === "" ? null : {name: "ratelimits", properties: {namespaceName: id}};
    }
    return null;
}
