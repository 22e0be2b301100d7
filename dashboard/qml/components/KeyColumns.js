.pragma library

// Column widths shared by KeyTableHeader and KeyRow, so the header and the rows line up. The
// widths depend only on the table's width and the monospace font (never on a row's data): a long
// name, a row with more badges or a scroll bar appearing never moves a column.
//
// Every column has a minimum and a width it is happy with. The name comes first, up to
// `nameFirst`; then what makes the other columns readable (walkthrough 21, W29: at 1024 px
// "Credits left" took two lines and owners were cut, "cyberd…", while the name kept 200 px): the
// owner up to `ownerReadable` (the usual external ids whole: "stark.industries") and every title
// on one line (@p titleWholes); then the name up to `nameWanted` (issue 4: at 1024 px "key 13 for
// stark.industries" was cut in the middle while Status had room to spare). "Start" next: it takes
// up to a quarter of what is left, enough for the longest key start (a 16-character prefix, "_"
// and four characters) from about 1280 px on; before it Status takes up to `statusWanted` (two
// pills whole in Spanish, "activa" and "reemplazada", from 1280 px on). Of the rest, the other
// columns take up to a quarter (each in proportion to what it still wants), the name the
// remainder: on a wide window "sk_live_EwHn…" is not elided while the name has room to spare, and
// the name gets the most, as names of one owner's keys often differ only at their end ("…
// Schlüssel 55"; W7 J25). Status wants only what its usual pills take ("aktiv" and "gedrosselt"
// side by side); more pills shorten and go on further lines inside it (KeyStatusBadges).

var spacing = 8;
/// The selection box's column: its 18 px box and the room its ripple takes beside it.
var checkWidth = 24;
/// The name's width before the other columns are made readable: about 20 characters.
var nameFirst = 110;
/// The name's width before Status and Start get more than their minimums: about 27 characters.
var nameWanted = 200;
/// The owner's width once the name has `nameFirst`: an external id of 16 characters whole.
var ownerReadable = 112;
/// The room at the end of a row (KeyRow) and of the titles (KeyTableHeader): their margin and the
/// list's scroll bar, which stands over the rows' end (W20: "12 minutes ago" ran under it).
var endPadding = 24;
/// Status' width right after the name's: the usual two pills whole in every language.
var statusWanted = 160;

/// The widths of the columns of a table whose row layout is @p available px wide. @p monoChar:
/// the width of one character of the monospace font of the "Start" column. @p showApi: the
/// "API" column (an owner's keys belong to several APIs; an API's own list has no use for it).
/// @p titleMinimums, @p titleWholes (optional): per column name, the px its title's longest word
/// and its whole title take (KeyColumnTitles); no column is narrower than the first, as a title
/// wraps only between words, and each gets the second before the name grows past `nameFirst`.
function widths(available, monoChar, showOwner, selectable, showApi, titleMinimums, titleWholes) {
    const titleMin = name => Math.ceil((titleMinimums || {})[name] || 0);
    const titleWhole = name => Math.ceil((titleWholes || {})[name] || 0);
    // "sk_live_EwHn…" (13 characters) at least; the longest start (21 and "…") when there is room.
    const startMin = Math.max(Math.ceil(13 * monoChar) + 6, titleMin("start"));
    const startWanted = Math.max(Math.ceil(22 * monoChar) + 6, startMin);
    // "Last used" holds "23 minutes ago" / "hace 23 minutos" at its minimum, and "Credits left"
    // "unlimited" / "unbegrenzt" (issue 4: at 90 px the time ran into the credits, "4016 minutes
    // ago"). What still does not fit is elided with a tooltip (KeyRow); a title wraps to a second
    // line (KeyTableHeader).
    const columns = {
        owner: [65, 200],
        api: [120, 200], // "Abrechnung 309" whole: an owner's keys told apart by their API
        status: [120, 170],
        credits: [85, 110],
        lastUsed: [118, 150]
    };
    if (!showOwner)
        delete columns.owner;
    if (!showApi)
        delete columns.api;
    for (const name in columns) {
        columns[name][0] = Math.max(columns[name][0], titleMin(name));
        columns[name][1] = Math.max(columns[name][1], columns[name][0], titleWhole(name));
    }
    const nameMin = Math.max(100, titleMin("name"));
    let fixed = (selectable ? checkWidth + spacing : 0) + nameMin + startMin + spacing;
    for (const name in columns)
        fixed += columns[name][0] + spacing;
    let spare = Math.max(0, available - fixed);
    const nameA = Math.max(0, Math.min(nameFirst - nameMin, spare));
    spare -= nameA;
    spare -= growToReadable(columns, spare, titleWhole);
    const nameB = Math.max(0, Math.min(nameWanted - nameMin - nameA, spare));
    spare -= nameB;
    const statusFirst = Math.max(0, Math.min(statusWanted - columns.status[0], spare));
    columns.status[0] += statusFirst;
    const spareAll = spare - statusFirst;
    const startExtra = Math.floor(Math.min(startWanted - startMin, spareAll / 4));
    const rest = spareAll - startExtra;
    let headroom = 0;
    for (const name in columns)
        headroom += columns[name][1] - columns[name][0];
    const share = headroom > 0 ? Math.min(1, rest / 4 / headroom) : 0;
    const result = {check: checkWidth, owner: 0, api: 0, start: startMin + startExtra};
    let used = 0;
    for (const name in columns) {
        const width = Math.floor(columns[name][0] + share * (columns[name][1] - columns[name][0]));
        result[name] = width;
        used += width - columns[name][0];
    }
    result.name = nameMin + nameA + nameB + Math.max(0, Math.floor(rest - used));
    return result;
}

/// Widens each of @p columns ([width, wanted] by name) towards what makes it readable, its whole
/// title on one line and an owner's usual id whole, out of @p spare px (in proportion to what
/// each lacks when there is not enough); returns the px it used.
function growToReadable(columns, spare, titleWhole) {
    const lacks = {};
    let lacking = 0;
    for (const name in columns) {
        const readable = Math.max(titleWhole(name), name === "owner" ? ownerReadable : 0);
        lacks[name] = Math.max(0, Math.min(readable, columns[name][1]) - columns[name][0]);
        lacking += lacks[name];
    }
    const part = lacking > 0 ? Math.min(1, spare / lacking) : 0;
    let used = 0;
    for (const name in columns) {
        const extra = Math.floor(lacks[name] * part);
        columns[name][0] += extra;
        used += extra;
    }
    return used;
}
