.pragma library
.import "AuditEvents.js" as AuditEvents

// What an audit row's `changes` (audit.listLogs; the server writes them for key.create (what the
// key was issued with: meta, expiry, credits, refill, disabled, rate limits), key.update,
// identity.update and ratelimit.set_override) say, one line per change in the UI's language:
// "Disabled", "Credits 1,000 → 1,500", "Name: “old” → “new”", "Rate limit “requests”: 100 → 500
// per 1 min", "Limit: 100 per 1 min"; a new key's "Credits: 110", "Refill: 110 monthly on day 1".
// Meta, permissions and roles are named, never their contents (the server does not record them),
// and so are a name and an owner in rows written before their values were recorded. A row
// without changes (written before they were recorded) has no lines.

function ratelimitText(value, format) {
    return AuditEvents.fillIn(qsTr("%1 per %2"), [format.number(value.limit), format.duration(value.duration)]);
}

function ratelimitLine(change, format) {
    const name = change.name;
    if (change.old === undefined)
        return AuditEvents.fillIn(qsTr("Rate limit “%1” added: %2"), [name, ratelimitText(change.new, format)]);
    if (change.new === undefined)
        return AuditEvents.fillIn(qsTr("Rate limit “%1” removed (was %2)"), [name, ratelimitText(change.old, format)]);
    if (change.old.limit === change.new.limit && change.old.duration === change.new.duration)
        return change.new.autoApply ? qsTr("Rate limit “%1” now applied to every verification").arg(name)
                                    : qsTr("Rate limit “%1” no longer applied to every verification").arg(name);
    if (change.old.duration === change.new.duration)
        return AuditEvents.fillIn(qsTr("Rate limit “%1”: %2 → %3 per %4"), [name, format.number(change.old.limit),
                   format.number(change.new.limit), format.duration(change.new.duration)]);
    return AuditEvents.fillIn(qsTr("Rate limit “%1”: %2 → %3"), [name, ratelimitText(change.old, format),
                                                 ratelimitText(change.new, format)]);
}

function refillText(refill, format) {
    if (refill === undefined)
        return qsTr("none", "no credit refill");
    return refill.interval === "monthly"
        ? AuditEvents.fillIn(qsTr("%1 monthly on day %2"), [format.number(refill.amount), refill.refillDay])
        : qsTr("%1 daily").arg(format.number(refill.amount));
}

function expiryLine(change, format) {
    if (change.old === undefined)
        return qsTr("Expiry set to %1").arg(format.dateTime(change.new));
    if (change.new === undefined)
        return qsTr("Expiry removed (was %1)").arg(format.dateTime(change.old));
    return AuditEvents.fillIn(qsTr("Expiry %1 → %2"), [format.dateTime(change.old), format.dateTime(change.new)]);
}


// A name or an owner (@p change.field "name" or "externalId"), quoted: "Name: “a” → “b”".
function textLine(change) {
    const owner = change.field === "externalId";
    if (change.old === undefined && change.new === undefined)
        return owner ? qsTr("Owner changed") : qsTr("Name changed");
    if (change.old === undefined)
        return AuditEvents.fillIn(owner ? qsTr("Owner set to “%1”") : qsTr("Name set to “%1”"), [change.new]);
    if (change.new === undefined)
        return AuditEvents.fillIn(owner ? qsTr("Owner removed (was “%1”)") : qsTr("Name removed (was “%1”)"), [change.old]);
    return AuditEvents.fillIn(owner ? qsTr("Owner: “%1” → “%2”") : qsTr("Name: “%1” → “%2”"), [change.old, change.new]);
}

// What a rate-limit override allows: "Limit: 100 per 1 min", or what it was before.
function overrideLine(change, format) {
    const now = ratelimitText(change.new, format);
    if (change.old === undefined || (change.old.limit === change.new.limit && change.old.duration === change.new.duration))
        return qsTr("Limit: %1").arg(now);
    return AuditEvents.fillIn(qsTr("Limit: %1 → %2"), [ratelimitText(change.old, format), now]);
}

// What a key was issued with (a key.create row: every change has `new` only), or undefined for a
// field whose line reads the same as an update's ("Expiry set to …", "Disabled", "Rate limit … added").
function issuedLine(change, format) {
    switch (change.field) {
    case "meta": return qsTr("Meta set");
    case "credits.remaining": return qsTr("Credits: %1").arg(format.number(change.new));
    case "credits.refill": return qsTr("Refill: %1").arg(refillText(change.new, format));
    }
    return undefined;
}

function line(change, format, event) {
    const issued = event === "key.create" ? issuedLine(change, format) : undefined;
    if (issued !== undefined)
        return issued;
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
        return AuditEvents.fillIn(qsTr("Credits %1 → %2"), [credits(change.old), credits(change.new)]);
    case "credits.refill":
        return AuditEvents.fillIn(qsTr("Refill %1 → %2"), [refillText(change.old, format), refillText(change.new, format)]);
    case "ratelimit": return ratelimitLine(change, format);
    }
    return qsTr("%1 changed").arg(change.field);
}

/// The lines of @p changes ([{field, old?, new?, name?}], or undefined) of an @p event row,
/// formatted with @p format (the session's Formatter).
function describe(changes, format, event) {
    return (changes || []).map(change => line(change, format, event));
}
