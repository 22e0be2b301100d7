.pragma library

// What an audit row's `changes` (audit.listLogs; the server writes them for key.update) say, one
// line per change in the UI's language: "Disabled", "Credits 1,000 → 1,500", "Rate limit
// “requests”: 100 → 500 per 1 min". Old and new values come only for the safe scalars; a name,
// owner, meta, permissions or roles are named, never their contents (the server does not record
// them). A row without changes (written before they were recorded) has no lines.

function ratelimitText(value, format) {
    return qsTr("%1 per %2").arg(format.number(value.limit)).arg(format.duration(value.duration));
}

function ratelimitLine(change, format) {
    const name = change.name;
    if (change.old === undefined)
        return qsTr("Rate limit “%1” added: %2").arg(name).arg(ratelimitText(change.new, format));
    if (change.new === undefined)
        return qsTr("Rate limit “%1” removed (was %2)").arg(name).arg(ratelimitText(change.old, format));
    if (change.old.limit === change.new.limit && change.old.duration === change.new.duration)
        return change.new.autoApply ? qsTr("Rate limit “%1” now applied to every verification").arg(name)
                                    : qsTr("Rate limit “%1” no longer applied to every verification").arg(name);
    if (change.old.duration === change.new.duration)
        return qsTr("Rate limit “%1”: %2 → %3 per %4").arg(name).arg(format.number(change.old.limit))
                   .arg(format.number(change.new.limit)).arg(format.duration(change.new.duration));
    return qsTr("Rate limit “%1”: %2 → %3").arg(name).arg(ratelimitText(change.old, format))
               .arg(ratelimitText(change.new, format));
}

function refillText(refill, format) {
    if (refill === undefined)
        return qsTr("none", "no credit refill");
    return refill.interval === "monthly"
        ? qsTr("%1 monthly on day %2").arg(format.number(refill.amount)).arg(refill.refillDay)
        : qsTr("%1 daily").arg(format.number(refill.amount));
}

function expiryLine(change, format) {
    if (change.old === undefined)
        return qsTr("Expiry set to %1").arg(format.dateTime(change.new));
    if (change.new === undefined)
        return qsTr("Expiry removed (was %1)").arg(format.dateTime(change.old));
    return qsTr("Expiry %1 → %2").arg(format.dateTime(change.old)).arg(format.dateTime(change.new));
}

function line(change, format) {
    const credits = value => value === undefined ? qsTr("unlimited", "credits") : format.number(value);
    switch (change.field) {
    case "name": return qsTr("Name changed");
    case "externalId": return qsTr("Owner changed");
    case "meta": return qsTr("Meta changed");
    case "permissions": return qsTr("Permissions changed");
    case "roles": return qsTr("Roles changed");
    case "enabled": return change.new ? qsTr("Enabled") : qsTr("Disabled");
    case "expires": return expiryLine(change, format);
    case "credits.remaining":
        return qsTr("Credits %1 → %2").arg(credits(change.old)).arg(credits(change.new));
    case "credits.refill":
        return qsTr("Refill %1 → %2").arg(refillText(change.old, format)).arg(refillText(change.new, format));
    case "ratelimit": return ratelimitLine(change, format);
    }
    return qsTr("%1 changed").arg(change.field);
}

/// The lines of @p changes ([{field, old?, new?, name?}], or undefined), formatted with @p format
/// (the session's Formatter).
function describe(changes, format) {
    return (changes || []).map(change => line(change, format));
}
