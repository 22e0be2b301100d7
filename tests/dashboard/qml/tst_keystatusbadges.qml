import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// KeyStatusBadges: one pill per badge KeysModel computed, with a word a support agent reads and
// a tooltip that says what it means; unknown badges still show (by their name), none shows nothing.
Item {
    id: root
    width: 800
    height: 200

    KeyStatusBadges {
        id: badges
        x: 20
        y: 20
        badges: []
    }

    TestCase {
        name: "KeyStatusBadges"
        when: windowShown

        /// The pill (the delegate) showing @p label.
        function pill(label) {
            return H.find(badges, item => item.objectName === "keyStatusPill" && H.byText(item, label) !== null);
        }
        function pills() {
            return H.findAll(badges, item => item.objectName === "keyStatusPill");
        }

        function test_labels_data() {
            return [
                { tag: "active", badge: "active", label: "active" },
                { tag: "disabled", badge: "disabled", label: "disabled" },
                { tag: "expired", badge: "expired", label: "expired" },
                { tag: "expiring", badge: "expiring", label: "expiring" },
                { tag: "replaced", badge: "replaced", label: "replaced" },
                { tag: "replacedByDeleted", badge: "replacedByDeleted", label: "replaced by a deleted key" },
                { tag: "lowCredits", badge: "lowCredits", label: "low credits" },
                { tag: "noCredits", badge: "noCredits", label: "no credits" },
                { tag: "rateLimited", badge: "rateLimited", label: "rate limited" },
                { tag: "unknown", badge: "quarantined", label: "quarantined" }
            ];
        }
        function test_labels(data) {
            badges.badges = [data.badge];
            compare(pills().length, 1);
            const shown = pill(data.label);
            verify(shown, "a pill reading " + data.label);
            compare(shown.Accessible.name, data.label);
        }

        function test_onePillPerBadge() {
            badges.badges = ["disabled", "expired", "lowCredits"];
            compare(pills().length, 3);
            verify(pill("disabled") && pill("expired") && pill("low credits"));
            verify(!pill("active"));
            badges.badges = [];
            compare(pills().length, 0);
        }

        function test_hoverExplains() {
            badges.badges = ["active", "expiring"];
            const expiring = pill("expiring");
            mouseMove(expiring, expiring.width / 2, expiring.height / 2);
            tryCompare(expiring.ToolTip, "visible", true);
            compare(expiring.ToolTip.text, "The key expires within 24 hours.");
            mouseMove(root, root.width - 5, root.height - 5);
            tryCompare(expiring.ToolTip, "visible", false);
        }

        // Stop 26's found-not-fixed: "expires in 2 hours" stayed as first shown for as long as the
        // page was open. The pill follows the formatter's time (`format.now`).
        function test_expiresInFollowsTheTime() {
            const expires = Date.UTC(2026, 10, 28, 12, 0);
            testClock.pin(expires - 2 * 3600000);
            try {
                badges.format = testSession.format;
                badges.expires = expires;
                badges.badges = ["active", "expiring"];
                verify(pill("expires in 2 hours"), "two hours before: " + pills().map(p => p.modelData.label).join(", "));
                testClock.pin(expires - 3600000);
                verify(pill("expires in 1 hour"), "an hour later");
                testClock.pin(expires - 20 * 60000);
                verify(pill("expires in 20 minutes"), "40 minutes later");
            } finally {
                testClock.unpin();
                badges.badges = [];
                badges.expires = 0;
                badges.format = null;
            }
        }

        // A rerolled key's pill says that it was replaced and when it stops working.
        function test_replacedSaysWhen() {
            badges.format = { relative: ms => ms === 7200000 ? "in 2 hours" : "?" };
            badges.expires = 7200000;
            badges.badges = ["active", "replaced"];
            verify(pill("replaced, expires in 2 hours"), "the replaced pill names the expiry");
            badges.badges = ["active", "expiring"];
            verify(pill("expires in 2 hours"));
            badges.expires = 0;
            verify(pill("expiring"));
            badges.format = undefined;
        }

        // A rerolled key whose grace ends within 24 h: its own "expires" pill (which a narrow
        // list keeps, as "expiring"), and "replaced" does not say the time twice (issue 4).
        function test_replacedAndExpiringSayTheTimeOnce() {
            badges.format = { relative: ms => ms === 3600000 ? "in 1 hour" : "?" };
            badges.expires = 3600000;
            try {
                badges.badges = ["active", "expiring", "replaced"];
                compare(pills().length, 3);
                verify(pill("expires in 1 hour"), "the expiring pill says when");
                verify(pill("replaced"), "the replaced pill says only that");
                verify(!pill("replaced, expires in 1 hour"));
                badges.badges = ["active", "expiring", "replacedByDeleted"];
                verify(pill("expires in 1 hour") && pill("replaced by a deleted key"));
            } finally {
                badges.expires = 0;
                badges.format = undefined;
            }
        }

        // A rerolled key whose new key was deleted since: the pill says so, as the key page's
        // "Replaced by a key deleted since", and when the old key stops working; the tooltip too.
        function test_replacedByADeletedKeySaysSo() {
            badges.format = { relative: ms => ms === 7200000 ? "in 2 hours" : "?" };
            badges.expires = 7200000;
            try {
                badges.badges = ["active", "replacedByDeleted"];
                const shown = pill("replaced by a deleted key, expires in 2 hours");
                verify(shown, "the pill names the deleted replacement and the expiry");
                verify(!pill("replaced, expires in 2 hours"));
                mouseMove(shown, shown.width / 2, shown.height / 2);
                tryCompare(shown.ToolTip, "visible", true);
                verify(shown.ToolTip.text.indexOf("deleted since") >= 0, shown.ToolTip.text);
                mouseMove(root, root.width - 5, root.height - 5);
                tryCompare(shown.ToolTip, "visible", false);
            } finally {
                badges.expires = 0;
                badges.format = undefined;
            }
        }

        /// The shown pills' right edges, relative to the badges' left.
        function rightEdges() {
            return pills().filter(item => item.visible).map(item => item.x + item.width);
        }
        /// The label item inside a pill.
        function textOf(item) {
            return H.find(item, child => child.elide !== undefined);
        }

        /// Whether @p item's text shows whole: not elided and not clipped by its pill.
        function readsWhole(item) {
            const text = textOf(item);
            return !text.truncated && text.contentWidth <= text.width + 0.5 && text.contentHeight <= text.height + 0.5;
        }

        // Given the room of a list's Status column, the pills stay inside it: the "when" goes
        // first (into the tooltip, after the full label), then pills go on a second line. Every
        // pill drawn reads whole (walk 19: "ersetzt du…", "erse…", "gedr…" in German), and
        // unlimited (the key page's header) they stand on one line.
        function test_fitsItsRoom() {
            badges.format = { relative: ms => "in 23 hours" };
            badges.expires = 82800000;
            badges.badges = ["active", "replaced"];
            try {
                verify(pill("replaced, expires in 23 hours"), "unlimited: whole");
                tryVerify(() => badges.width > 100 && badges.height > 0, 5000, "laid out");
                const whole = badges.width;
                const oneLine = badges.height;

                badges.maxWidth = whole - 10;
                waitForRendering(badges);
                verify(pill("active") && pill("replaced"), "the time gave way");
                for (const right of rightEdges())
                    verify(right <= badges.maxWidth + 0.5, right + " > " + badges.maxWidth);
                const replaced = pill("replaced");
                compare(replaced.Accessible.name, "replaced, expires in 23 hours");
                verify(replaced.ToolTip.text.indexOf("replaced, expires in 23 hours\n") === 0, replaced.ToolTip.text);
                verify(readsWhole(replaced));
                compare(pill("active").ToolTip.text, "The key is enabled and not expired.");

                // Five pills in 150 px: each inside and whole, on more lines, all within the
                // badges' height (a list row grows to show them).
                badges.badges = ["disabled", "expired", "lowCredits", "rateLimited", "replaced"];
                badges.maxWidth = 150;
                waitForRendering(badges);
                const shown = pills().filter(item => item.visible);
                compare(shown.length, 5);
                for (const item of shown) {
                    verify(item.x >= 0 && item.x + item.width <= 150.5, item.Accessible.name + " at " + item.x);
                    verify(item.y + item.height <= badges.height + 0.5, item.Accessible.name + " below the badges");
                    verify(readsWhole(item), item.Accessible.name + " cut");
                }
                verify(badges.height > oneLine * 1.5, "on more lines: " + badges.height);

                badges.maxWidth = Infinity;
                verify(pill("replaced, expires in 23 hours") && pill("rate limited"), "whole again");
                tryCompare(badges, "height", oneLine, 1000, "one line again");
            } finally {
                badges.maxWidth = Infinity;
                badges.expires = 0;
                badges.format = undefined;
            }
        }

        // A reroll's old key in a narrow Status column: every pill is drawn, "active" too, each
        // whole, and each tooltip explains its own pill only (walk 19: the tooltip explained an
        // "aktiv" that was not drawn). A pill wider than the column wraps its words.
        function test_narrowColumnDrawsEveryPillWhole() {
            badges.badges = ["expiring", "replaced"];
            tryVerify(() => badges.width > 50, 5000, "laid out");
            const two = badges.width;
            try {
                badges.badges = ["active", "expiring", "replaced"];
                badges.maxWidth = two + 2;
                waitForRendering(badges);
                compare(pills().length, 3);
                for (const item of pills()) {
                    verify(readsWhole(item), item.Accessible.name);
                    verify(item.x + item.width <= two + 2.5, item.Accessible.name);
                }
                verify(pill("active"));
                compare(pill("expiring").ToolTip.text, "The key expires within 24 hours.");

                badges.badges = ["replacedByDeleted"];
                badges.maxWidth = 80;
                waitForRendering(badges);
                const wide = pill("replaced by a deleted key");
                verify(wide.width <= 80.5, wide.width);
                verify(readsWhole(wide), "wrapped, not cut");
                verify(textOf(wide).lineCount > 1);
            } finally {
                badges.maxWidth = Infinity;
            }
        }

        // Unlimited (the key page's header, where the layout gives the badges their implicit
        // width), each pill's label stands on one line in every language: the header's German
        // "gedrosselt" (rate limited) wrapped as "gedrossel" over "t", the badges' width measured
        // a pixel short of what the pill's label takes.
        function test_unlimitedPillsOnOneLine_data() {
            return ["en", "de", "es"].map(language => ({ tag: language, language: language }));
        }
        function test_unlimitedPillsOnOneLine(data) {
            const all = ["active", "disabled", "expired", "expiring", "replaced", "replacedByDeleted",
                         "lowCredits", "noCredits", "rateLimited"];
            const saved = testSession.settings.language;
            try {
                testSession.settings.language = data.language;
                for (const names of all.map(name => [name]).concat([["lowCredits", "rateLimited"], all])) {
                    badges.badges = names;
                    waitForRendering(badges);
                    const shown = pills();
                    compare(shown.length, names.length);
                    for (const item of shown) {
                        const label = textOf(item);
                        compare(label.lineCount, 1, "\"" + label.text + "\" (" + names + ") in " + item.width + " px");
                        verify(readsWhole(item), label.text);
                    }
                    if (names.length < all.length)
                        verify(shown.every(item => item.y === 0), names + ": on one line");
                }
            } finally {
                testSession.settings.language = saved;
                badges.badges = [];
            }
        }

        function test_statesHaveDistinctColours() {
            badges.badges = ["active", "disabled", "expired", "replaced"];
            const colours = pills().map(item => String(item.border.color));
            compare(new Set(colours).size, 4, JSON.stringify(colours));
        }
    }
}
