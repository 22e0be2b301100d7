// Shared by the tst_*.qml component tests: finds items that have no objectName (the components
// name only the controls the app itself looks up), by what the user sees.
.pragma library

/// How long a wait for what a server answer brings (an in-process round trip, then the rendering
/// after it) may take, in ms: generous, as a loaded CI machine can be 5-10 times slower.
var answerTimeout = 30000;

// The children to search under @p node: an Item's children and other objects declared in it
// (`data`, which holds its Popups); a Popup's (not an Item) content, header and footer.
function childrenOf(node) {
    if (node.data !== undefined && node.children !== undefined)
        return node.data;
    const parts = [];
    for (const part of [node.contentItem, node.header, node.footer]) {
        if (part)
            parts.push(part);
    }
    return parts;
}

/// The first item under @p root (depth first, @p root included) for which @p test holds, or null.
function find(root, test) {
    if (!root)
        return null;
    if (test(root))
        return root;
    const kids = childrenOf(root);
    for (let i = 0; i < kids.length; ++i) {
        const found = find(kids[i], test);
        if (found)
            return found;
    }
    return null;
}

/// Every item under @p root for which @p test holds.
function findAll(root, test) {
    const found = [];
    const visit = node => {
        if (!node)
            return;
        if (test(node))
            found.push(node);
        const kids = childrenOf(node);
        for (let i = 0; i < kids.length; ++i)
            visit(kids[i]);
    };
    visit(root);
    return found;
}

/// The first item showing exactly @p text (a Label, Button, ...), or null.
function byText(root, text) {
    return find(root, item => item.text !== undefined && String(item.text) === text);
}

/// The text @p item shows: a StyledText or RichText label's without its markup (a link's tags).
function shownText(item) {
    const text = String(item.text);
    if (item.textFormat !== 1 && item.textFormat !== 4) // Text.RichText, Text.StyledText
        return text;
    return text.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/// The first item whose text (as shown) contains @p part, or null.
function containingText(root, part) {
    return find(root, item => item.text !== undefined && shownText(item).indexOf(part) >= 0);
}

/// Whether @p item and every ancestor up to (excluding) null are visible: what the user sees.
/// Nothing found (null) is not shown: `tryVerify(() => H.shown(H.find(...)))` must not pass on it.
function shown(item) {
    if (!item)
        return false;
    for (let node = item; node; node = node.parent) {
        if (node.visible === false)
            return false;
    }
    return true;
}

/// The buttons under @p root the user sees, left to right, as "Open key (flat) · Done (filled)":
/// the shown-once dialogs' footers say their buttons in one order and style.
function buttonsInOrder(root) {
    const buttons = findAll(root, item => item.checkable !== undefined && item.highlighted !== undefined
                                          && item.text !== undefined && shown(item));
    buttons.sort((a, b) => a.mapToItem(null, 0, 0).x - b.mapToItem(null, 0, 0).x);
    return buttons.map(button => String(button.text) + (button.highlighted ? " (filled)" : button.flat ? " (flat)" : " (raised)"))
                  .join(" · ");
}

/// The text of the first message under a FormField of @p root that the user sees, or "".
function fieldError(root) {
    const label = find(root, item => item.objectName === "fieldError" && shown(item));
    return label ? String(label.text) : "";
}

/// The WCAG contrast ratio of the colours @p a and @p b (1 to 21; text wants at least 4.5).
function contrast(a, b) {
    const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
