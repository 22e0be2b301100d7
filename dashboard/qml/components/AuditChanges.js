.pragma library

// What an audit row's `changes` (audit.listLogs; the server writes them for key.update and
// ratelimit.set_override) say, one line per change in the UI's language: "Disabled", "Credits
// 1,000 → 1,500", "Name: “old” → “new”", "Rate limit “requests”: 100 → 500 per 1 min", "Limit: 100
// per 1 min". Meta, permissions and roles are named, never their contents (the server does not
// record them), and so are a name and an owner in rows written before their values were recorded.
// A row without changes (written before they were recorded) has no lines.

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

// @p text with its %1, %2 replaced by @p values in one pass: a name's own "%2" stays as it is
// (String.arg() one value after the other would fill it with the next value).
function fill(text, values) {
    return text.replace(/%([12])/g, (placeholder, n) => values[n - 1]);
}

// A name or an owner (@p change.field "name" or "externalId"), quoted: "Name: “a” → “b”".
function textLine(change) {
    const owner = change.field === "externalId";
    if (change.old === undefined && change.new === undefined)
        return owner ? qsTr("Owner changed") : qsTr("Name changed");
    if (change.old === undefined)
        return fill(owner ? qsTr("Owner set to “%1”") : qsTr("Name set to “%1”"), [change.new]);
    if (change.new === undefined)
        return fill(owner ? qsTr("Owner removed (was “%1”)") : qsTr("Name removed (was “%1”)"), [change.old]);
    return fill(owner ? qsTr("Owner: “%1” → “%2”") : qsTr("Name: “%1” → “%2”"), [change.old, change.new]);
}

// What a rate-limit override allows: "Limit: 100 per 1 min", or what it was before.
function overrideLine(change, format) {
    const now = ratelimitText(change.new, format);
    if (change.old === undefined || (change.old.limit === change.new.limit && change.old.duration === change.new.duration))
        return qsTr("Limit: %1").arg(now);
    return qsTr("Limit: %1 → %2").arg(ratelimitText(change.old, format)).arg(now);
}

function line(change, format) {
    const credits = value => value === undefined ? qsTr("unlimited", "credits") : format.number(value);
    switch (change.field) {
    case "name":
    case "externalId": return textLine(change);
    case "override": return overrideLine(change, format);
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
