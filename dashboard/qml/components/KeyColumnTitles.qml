import QtQuick
import QtQuick.Controls

// The key table's column titles (KeyTableHeader shows them) and, per column, the width its title
// needs in the titles' font: its longest word, as a title wraps only between words (issue 4:
// "Propiet/ario" broke in the middle at 1024 px). KeyTableHeader and KeyRow both hand these to
// KeyColumns.widths, so a column is never narrower than its title's longest word and the rows'
// columns stay under their titles. Not shown.
Item {
    id: titles

    readonly property string name: qsTr("Name")
    readonly property string start: qsTr("Start", "the first characters of a key")
    readonly property string owner: qsTr("Owner")
    readonly property string api: qsTr("API")
    readonly property string status: qsTr("Status")
    readonly property string credits: qsTr("Credits left")
    readonly property string lastUsed: qsTr("Last used")
    /// The "Credits left" title's tooltip: what the number is and when a key shows "low credits"
    /// (walkthrough 22, X11: the rule was said nowhere; KeysModel::lowCreditsAt).
    readonly property string creditsHint: qsTr("What the key may still spend on verifications. “low credits” from 10 % of its refill amount down (at least 1), or from 10 credits down for a key without a refill.")

    /// Per column (KeyColumns.widths' names): the px its title's longest word takes.
    readonly property var minimums: {
        metrics.font; // the binding's dependency: a font change measures again
        return {
            name: longestWord(name),
            start: longestWord(start),
            owner: longestWord(owner),
            api: longestWord(api),
            status: longestWord(status),
            credits: longestWord(credits),
            lastUsed: longestWord(lastUsed)
        };
    }

    /// Per column: the px its whole title takes on one line (KeyColumns.widths gives it that
    /// before the name grows past its first share).
    readonly property var wholes: {
        metrics.font;
        return {
            name: whole(name),
            start: whole(start),
            owner: whole(owner),
            api: whole(api),
            status: whole(status),
            credits: whole(credits),
            lastUsed: whole(lastUsed)
        };
    }

    function whole(text: string): real {
        return Math.ceil(metrics.advanceWidth(text)) + 1;
    }
    function longestWord(text: string): real {
        let widest = 0;
        for (const word of text.split(/\s+/))
            widest = Math.max(widest, metrics.advanceWidth(word));
        return Math.ceil(widest) + 1; // the layout's rounding: a word exactly as wide still fits
    }

    visible: false

    // The titles' font: a bold Label's (KeyTableHeader).
    Label {
        id: probe
        font.bold: true
    }
    FontMetrics {
        id: metrics
        font: probe.font
    }
}
