import QtQuick
import QtQuick.Controls
import QtTest
import Latchkey.Dashboard
import "helpers.js" as H

// Walkthrough G18: a key.update row of the Audit log said "Updated key …" and not what changed.
// Issue 4: a name's and an owner's old and new values, and a set override's limit.
// AuditLogRow now shows the server's `changes` underneath, one line each, in the UI's language
// ("Disabled", "Credits 1,000 → 1,500", "Rate limit “requests”: 100 → 500 per 1 min", the duration
// with a no-break space); a row
// written before changes were recorded shows as before. The last test reads real rows of the test
// server through the page.
Item {
    id: root
    width: 1060
    height: 700

    Component {
        id: rowComponent
        AuditLogRow {
            width: 1000
            index: 0
            time: 1764165900000
            event: "key.update"
            description: "Updated key key_1: enabled"
            actorType: "rootkey"
            actorId: "rk_1"
            actorName: "support"
            targetList: [{type: "key", id: "key_1"}]
            format: testSession.format
        }
    }

    Component {
        id: pageComponent
        AuditLogPage {
            anchors.fill: parent
            session: testSession
        }
    }

    TestCase {
        name: "AuditLogChanges"
        when: windowShown

        function rowWith(changes, extra) {
            const properties = Object.assign({changes: changes}, extra || {});
            const row = createTemporaryObject(rowComponent, root, properties);
            verify(row, "row created");
            return row;
        }
        function changesLabel(row) {
            return H.find(row, item => item.objectName === "changesLabel");
        }
        function lines(row) {
            return changesLabel(row).text.split("\n");
        }

        // Issue 4: at 1024 px the grey target lines ran on under the Actor column and out of the
        // window (a text of several lines is not elided). Every line of the description column
        // stays inside it, wrapped, with nothing cut.
        function test_targetLinesStayInTheirColumn() {
            const row = rowWith([{field: "enabled", old: true, new: false}], {
                width: 780,
                description: "Updated key key_1c3Ma52ltdPKu7G2: enabled",
                targetList: [{type: "key", id: "key_1c3Ma52ltdPKu7G2",
                              name: "Support test key (rerolled) for the billing team"},
                             {type: "api", id: "api_1c3KSWbTONBHhLiu", name: "payments-prod"}]
            });
            const column = H.find(row, item => item.objectName === "targetsLabel").parent;
            const actor = H.find(row, item => item.text === "support"); // its name; its id on the line below
            verify(actor, "the actor");
            tryVerify(() => column.width > 0 && column.width < 400, H.answerTimeout,
                      "the column is narrow: " + column.width);
            const actorLeft = actor.mapToItem(row, 0, 0).x;
            for (const name of ["descriptionLabel", "changesLabel", "targetsLabel"]) {
                const label = H.find(row, item => item.objectName === name);
                verify(label && label.visible, name);
                verify(label.contentWidth <= label.width + 0.5, name + " runs out of its label: "
                       + label.contentWidth + " > " + label.width);
                verify(!label.truncated, name + " is cut");
                const right = label.mapToItem(row, label.width, 0).x;
                verify(right <= actorLeft, name + " reaches into the Actor column: " + right + " > " + actorLeft);
            }
            const targets = H.find(row, item => item.objectName === "targetsLabel");
            verify(targets.lineCount > 2, "the long target wraps: " + targets.lineCount + " lines");
        }

        function test_everyChangeInEnglish() {
            const minute = 60000;
            const row = rowWith([
                {field: "name"}, {field: "externalId"}, {field: "meta"},
                {field: "expires", old: 1764165900000},
                {field: "credits.remaining", old: 1000, new: 1500},
                {field: "credits.refill", old: {interval: "daily", amount: 100},
                 new: {interval: "monthly", amount: 200, refillDay: 3}},
                {field: "enabled", old: true, new: false},
                {field: "ratelimit", name: "burst", old: {limit: 10, duration: 1000, autoApply: false}},
                {field: "ratelimit", name: "requests", old: {limit: 100, duration: minute, autoApply: true},
                 new: {limit: 500, duration: minute, autoApply: true}},
                {field: "ratelimit", name: "daily", new: {limit: 5000, duration: 86400000, autoApply: false}},
                {field: "ratelimit", name: "slow", old: {limit: 5, duration: minute, autoApply: false},
                 new: {limit: 5, duration: 3600000, autoApply: false}},
                {field: "ratelimit", name: "auto", old: {limit: 5, duration: minute, autoApply: false},
                 new: {limit: 5, duration: minute, autoApply: true}},
                {field: "permissions"}, {field: "roles"}, {field: "somethingNew"}]);
            compare(lines(row), [
                "Name changed", "Owner changed", "Meta changed",
                "Expiry removed (was " + testSession.format.dateTime(1764165900000) + ")",
                "Credits 1,000 → 1,500",
                "Refill 100 daily → 200 monthly on day 3",
                "Disabled",
                "Rate limit “burst” removed (was 10 per 1\u00a0s)",
                "Rate limit “requests”: 100 → 500 per 1\u00a0min",
                "Rate limit “daily” added: 5,000 per 1\u00a0d",
                "Rate limit “slow”: 5 per 1\u00a0min → 5 per 1\u00a0h",
                "Rate limit “auto” now applied to every verification",
                "Permissions changed", "Roles changed", "somethingNew changed"]);
            verify(changesLabel(row).visible);
            // The description stays the dashboard's words; the changes are in the accessible name too.
            compare(row.shownDescription, "Updated key key_1");
            verify(row.Accessible.name.indexOf("Updated key key_1. Name changed. Owner changed.") >= 0, row.Accessible.name);
        }

        // Issue 4: "Name changed" and "Owner changed" said nothing of what they were; the server
        // records both now (the owner by external id), and a name's own "%2" stays as it is.
        function test_namesAndOwnersOldAndNew() {
            const row = rowWith([{field: "name", old: "billing", new: "billing (old)"},
                                 {field: "name", new: "first name"},
                                 {field: "name", old: "50%2 off"},
                                 {field: "externalId", old: "acme_corp", new: "globex"},
                                 {field: "externalId", new: "initech"},
                                 {field: "externalId", old: "hooli"}]);
            compare(lines(row), ["Name: “billing” → “billing (old)”", "Name set to “first name”",
                                 "Name removed (was “50%2 off”)", "Owner: “acme_corp” → “globex”",
                                 "Owner set to “initech”", "Owner removed (was “hooli”)"]);
        }

        // Issue 4: a ratelimit.set_override row did not show the limit it set.
        function test_overrideShowsItsLimit() {
            const minute = 60000;
            const set = rowWith([{field: "override", new: {limit: 1000, duration: minute}}], {
                event: "ratelimit.set_override", description: "Set ratelimit override for rlns_1 and user_1",
                targetList: [{type: "ratelimitOverride", id: "rlor_1", name: "user_1"},
                             {type: "ratelimitNamespace", id: "rlns_1", name: "api"}]});
            compare(lines(set), ["Limit: 1,000 per 1 min"]);
            compare(set.shownDescription, "Set the override for user_1 in namespace api");
            verify(set.Accessible.name.endsWith("Set the override for user_1 in namespace api. Limit: 1,000 per 1 min"),
                   set.Accessible.name);
            compare(lines(rowWith([{field: "override", old: {limit: 1000, duration: minute}, new: {limit: 0, duration: 1000}}],
                                  {event: "ratelimit.set_override"})),
                    ["Limit: 1,000 per 1 min → 0 per 1 s"]);
            compare(lines(rowWith([{field: "override", old: {limit: 5, duration: minute}, new: {limit: 5, duration: minute}}],
                                  {event: "ratelimit.set_override"})),
                    ["Limit: 5 per 1 min"]);
        }

        function test_unlimitedAndNoneAndEnabled() {
            const row = rowWith([{field: "credits.remaining", old: 5},
                                 {field: "credits.refill", new: {interval: "daily", amount: 10}},
                                 {field: "expires", new: 1764165900000},
                                 {field: "enabled", old: false, new: true}]);
            compare(lines(row), ["Credits 5 → unlimited", "Refill none → 10 daily",
                                 "Expiry set to " + testSession.format.dateTime(1764165900000), "Enabled"]);
        }

        // Walk 21/W22: a "Key issued" row listed the rate limit but not the credits, refill or
        // expiry the key was issued with. The server records them now; the row says them as
        // what the key got, not as a change from "unlimited" or "none".
        function test_keyIssuedSaysWhatItGot() {
            const expires = 1764165900000;
            const issued = [{field: "meta"}, {field: "expires", new: expires},
                            {field: "credits.remaining", new: 110},
                            {field: "credits.refill", new: {interval: "monthly", amount: 110, refillDay: 1}},
                            {field: "enabled", new: false},
                            {field: "ratelimit", name: "requests", new: {limit: 100, duration: 60000, autoApply: true}}];
            const row = rowWith(issued, {event: "key.create", description: "Created key key_1"});
            compare(row.shownDescription, "Issued key key_1");
            compare(lines(row), ["Meta set", "Expiry set to " + testSession.format.dateTime(expires), "Credits: 110",
                                 "Refill: 110 monthly on day 1", "Disabled",
                                 "Rate limit “requests” added: 100 per 1\u00a0min"]);
            inLanguage("de", () => compare(lines(rowWith(issued.slice(0, 4), {event: "key.create"})),
                                           ["Metadaten gesetzt", "Ablauf auf " + testSession.format.dateTime(expires) + " gesetzt",
                                            "Credits: 110", "Auffüllen: 110 monatlich am 1."]));
            // An update from unlimited still says what it was.
            compare(lines(rowWith([{field: "credits.remaining", new: 110}])), ["Credits unlimited → 110"]);
        }

        // Rows written before changes were recorded (and every other event) show as they did.
        function test_rowWithoutChangesShowsAsBefore() {
            for (const changes of [[], undefined]) {
                const row = rowWith(changes);
                compare(row.changeText, "");
                verify(!changesLabel(row).visible);
                compare(row.shownDescription, "Updated key key_1");
                compare(row.Accessible.name.endsWith(": Updated key key_1"), true, row.Accessible.name);
            }
        }

        function test_germanAndSpanish() {
            const saved = testSession.settings.language;
            const changes = [{field: "enabled", old: true, new: false},
                             {field: "credits.remaining", old: 1000, new: 1500},
                             {field: "ratelimit", name: "requests", old: {limit: 100, duration: 60000, autoApply: true},
                              new: {limit: 500, duration: 60000, autoApply: true}},
                             {field: "meta"}];
            const named = [{field: "name", old: "a", new: "b"}, {field: "name", new: "c"}, {field: "name", old: "d"},
                           {field: "externalId", old: "e", new: "f"}, {field: "externalId", new: "g"},
                           {field: "externalId", old: "h"}, {field: "override", new: {limit: 7, duration: 60000}},
                           {field: "override", old: {limit: 7, duration: 60000}, new: {limit: 9, duration: 60000}}];
            try {
                testSession.settings.language = "de";
                const number = value => testSession.format.number(value); // es: "1000" or "1.000"
                const minute = () => testSession.format.duration(60000); // "1 Min."
                compare(lines(rowWith(changes)), ["Deaktiviert", "Credits 1.000 → 1.500",
                                                  "Ratenlimit „requests“: 100 → 500 pro " + minute(), "Metadaten geändert"]);
                compare(lines(rowWith(named)), ["Name: „a“ → „b“", "Name gesetzt auf „c“", "Name entfernt (war „d“)",
                                                "Inhaber: „e“ → „f“", "Inhaber gesetzt auf „g“", "Inhaber entfernt (war „h“)",
                                                "Limit: 7 pro " + minute(), "Limit: 7 pro " + minute() + " → 9 pro " + minute()]);
                testSession.settings.language = "es";
                compare(lines(rowWith(changes)), ["Desactivada", "Créditos " + number(1000) + " → " + number(1500),
                                                  "Límite de frecuencia «requests»: 100 → 500 por " + minute(),
                                                  "Metadatos modificados"]);
                compare(lines(rowWith(named)), ["Nombre: «a» → «b»", "Nombre establecido en «c»", "Nombre eliminado (era «d»)",
                                                "Propietario: «e» → «f»", "Propietario establecido en «g»",
                                                "Propietario eliminado (era «h»)", "Límite: 7 por " + minute(),
                                                "Límite: 7 por " + minute() + " → 9 por " + minute()]);
            } finally {
                testSession.settings.language = saved;
            }
        }

        function eventLabel(row) {
            return H.find(row, item => item.objectName === "eventLabel");
        }
        function inLanguage(language, check) {
            const saved = testSession.settings.language;
            try {
                testSession.settings.language = language;
                check();
            } finally {
                testSession.settings.language = saved;
            }
        }

        // Issue 4: the Event column showed the server's names ("authorization.connect_rol…", cut).
        // It says the event in words in the UI's language, whole, with the server's name in the
        // tooltip (support may quote it); an event it does not know shows its name, no error.
        function test_eventInWords_data() {
            return [{tag: "en", language: "en", words: "Role added to key", updated: "Key updated"},
                    {tag: "de", language: "de", words: "Rolle dem Schlüssel zugewiesen", updated: "Schlüssel geändert"}];
        }
        function test_eventInWords(data) {
            inLanguage(data.language, () => {
                const row = rowWith([], {event: "authorization.connect_role_and_key", width: 1000,
                                         targetList: [{type: "key", id: "key_1"}, {type: "role", id: "role_1", name: "admin"}]});
                const label = eventLabel(row);
                compare(label.text, data.words);
                compare(label.ToolTip.text, "authorization.connect_role_and_key", "the server's name in the tooltip");
                tryVerify(() => label.width > 0, H.answerTimeout);
                verify(!label.truncated && label.contentWidth <= label.width + 0.5,
                       "whole: " + label.contentWidth + " > " + label.width);
                verify(row.Accessible.name.startsWith(data.words + " "), row.Accessible.name);
                compare(eventLabel(rowWith([])).text, data.updated);

                const unknown = rowWith([], {event: "webhook.create", description: "Created webhook wh_1",
                                             targetList: [{type: "webhook", id: "wh_1"}]});
                compare(eventLabel(unknown).text, "webhook.create");
                compare(unknown.shownDescription, "Created webhook wh_1");
                compare(H.find(unknown, item => item.objectName === "targetsLabel").text, "webhook wh_1");
            });
        }

        // Issue 4: target types were the server's in German and Spanish ("rootKey", "ratelimitOverride").
        function test_targetTypesInWords_data() {
            return [{tag: "en", language: "en",
                     lines: ["root key rk_1 (ops)", "override rlor_1 (user_1)", "namespace rlns_1 (api)", "key key_1",
                             "API api_1 (payments)", "owner id_1 (acme)", "permission perm_1 (read)", "role role_1 (admin)",
                             "rate limit rl_1 (requests)", "gadget g_1"]},
                    {tag: "de", language: "de",
                     lines: ["Root-Schlüssel rk_1 (ops)", "Ausnahme rlor_1 (user_1)", "Namensraum rlns_1 (api)",
                             "Schlüssel key_1", "API api_1 (payments)", "Inhaber id_1 (acme)", "Berechtigung perm_1 (read)",
                             "Rolle role_1 (admin)", "Ratenlimit rl_1 (requests)", "gadget g_1"]}];
        }
        function test_targetTypesInWords(data) {
            inLanguage(data.language, () => {
                const row = rowWith([], {targetList: [
                    {type: "rootKey", id: "rk_1", name: "ops"}, {type: "ratelimitOverride", id: "rlor_1", name: "user_1"},
                    {type: "ratelimitNamespace", id: "rlns_1", name: "api"}, {type: "key", id: "key_1"},
                    {type: "keySpace", id: "ks_1"}, {type: "api", id: "api_1", name: "payments"},
                    {type: "identity", id: "id_1", name: "acme"}, {type: "permission", id: "perm_1", name: "read"},
                    {type: "role", id: "role_1", name: "admin"}, {type: "ratelimit", id: "rl_1", name: "requests"},
                    {type: "gadget", id: "g_1"}]});
                compare(H.find(row, item => item.objectName === "targetsLabel").text.split("\n"), data.lines);
                const keySpaceOnly = rowWith([], {targetList: [{type: "keySpace", id: "ks_1"}]});
                compare(H.find(keySpaceOnly, item => item.objectName === "targetsLabel").text,
                        data.language === "de" ? "Schlüsselbereich ks_1" : "key space ks_1");
            });
        }

        // Walk 20/16: a reroll's row listed both keys with the same name, not saying which was
        // which. They are the old key (first, as in the description) and the new key.
        function test_rerollSaysOldAndNewKey_data() {
            return [{tag: "en", language: "en", lines: ["old key key_old (key 20 for hooli)",
                                                        "new key key_new (key 20 for hooli)", "API api_1 (payments)"]},
                    {tag: "de", language: "de", lines: ["alter Schlüssel key_old (key 20 for hooli)",
                                                        "neuer Schlüssel key_new (key 20 for hooli)", "API api_1 (payments)"]}];
        }
        function test_rerollSaysOldAndNewKey(data) {
            inLanguage(data.language, () => {
                // As the server writes it: the new key first.
                const row = rowWith([], {event: "key.reroll", description: "Rerolled key (key_old) to (key_new)",
                                         targetList: [{type: "key", id: "key_new", name: "key 20 for hooli"},
                                                      {type: "key", id: "key_old", name: "key 20 for hooli"},
                                                      {type: "api", id: "api_1", name: "payments"}]});
                compare(H.find(row, item => item.objectName === "targetsLabel").text.split("\n"), data.lines);
                verify(row.shownDescription.indexOf("key_old") < row.shownDescription.indexOf("key_new"),
                       row.shownDescription);
            });
        }

        function descriptionLabel(row) {
            return H.find(row, item => item.objectName === "descriptionLabel");
        }

        // Walk 20/12: the description's tooltip was the server's English text in a German or
        // Spanish window. It is the description in the UI's language with each key's name beside
        // its id; none where that adds nothing; the server's text, said to be that, only for an
        // event the dashboard does not know.
        function test_descriptionTipInTheUiLanguage() {
            inLanguage("de", () => {
                const reroll = rowWith([], {event: "key.reroll", description: "Rerolled key (key_old) to (key_new)",
                                            targetList: [{type: "key", id: "key_new", name: "k20"},
                                                         {type: "key", id: "key_old", name: "k20"}]});
                const label = descriptionLabel(reroll);
                compare(label.text, "Schlüssel key_old durch key_new ersetzt");
                compare(label.ToolTip.text, "Schlüssel key_old (k20) durch key_new (k20) ersetzt");
                const tip = label.ToolTip.toolTip;
                mouseMove(label, 4, 4);
                tryVerify(() => tip.visible && tip.text === label.ToolTip.text, H.answerTimeout, tip.text);
                mouseMove(root, 1, root.height - 1);
                tryVerify(() => !tip.visible);

                const role = rowWith([], {event: "role.create", description: "Created role admin",
                                          targetList: [{type: "role", id: "role_1", name: "admin"}]});
                compare(descriptionLabel(role).text, "Rolle admin erstellt");
                verify(!descriptionLabel(role).ToolTip.visible);
                mouseMove(descriptionLabel(role), 4, 4);
                wait(700); // past the tooltip's delay: nothing shows
                verify(!descriptionLabel(role).ToolTip.visible, "no tooltip that adds nothing");
                mouseMove(root, 1, root.height - 1);

                const unknown = rowWith([], {event: "webhook.create", description: "Created webhook wh_1",
                                             targetList: [{type: "webhook", id: "wh_1"}]});
                compare(descriptionLabel(unknown).text, "Created webhook wh_1");
                const said = descriptionLabel(unknown).ToolTip.text;
                verify(said.indexOf("webhook.create") >= 0 && said.indexOf("Server") >= 0, said);
            });
        }

        // Issue 4: String.arg() one value after the other filled a name's own "%2" with the next
        // value ("Rate limit “x%2” added" read "Rate limit “x100 per 1 min” added: %2").
        function test_percentInNamesStays_data() {
            return [{tag: "en", language: "en", role: "Gave role x%2 the permission p%1",
                     added: "Rate limit “x%2” added: 100 per ", changed: "Rate limit “x%2”: 100 → 500 per ",
                     moved: "Rate limit “x%2”: 100 per 1 s → 100 per ", by: " by ops%3%1 at "},
                    {tag: "de", language: "de", role: "Rolle x%2 erhielt die Berechtigung p%1",
                     added: "Ratenlimit „x%2“ hinzugefügt: 100 pro ", changed: "Ratenlimit „x%2“: 100 → 500 pro ",
                     moved: "Ratenlimit „x%2“: 100 pro 1 s → 100 pro ", by: " durch ops%3%1 am "}];
        }
        function test_percentInNamesStays(data) {
            inLanguage(data.language, () => {
                const minute = testSession.format.duration(60000);
                const second = testSession.format.duration(1000);
                const limit = (value, duration) => ({limit: value, duration: duration || 60000});
                const row = rowWith([{field: "ratelimit", name: "x%2", new: limit(100)},
                                     {field: "ratelimit", name: "x%2", old: limit(100), new: limit(500)},
                                     {field: "ratelimit", name: "x%2", old: limit(100, 1000), new: limit(100)}], {
                    event: "authorization.connect_role_and_permission", actorName: "ops%3%1",
                    targetList: [{type: "role", id: "role_1", name: "x%2"}, {type: "permission", id: "perm_1", name: "p%1"}]});
                compare(row.shownDescription, data.role);
                compare(lines(row), [data.added + minute, data.changed + minute,
                                     data.moved.replace("1 s", second) + minute]);
                verify(row.Accessible.name.indexOf(data.by) > 0, row.Accessible.name);
                verify(row.Accessible.name.endsWith(": " + data.role + ". " + lines(row).join(". ")), row.Accessible.name);
            });
        }

        // Against the test server: disabling a key and raising its limit shows both on its row,
        // and an updateCredits row names the API, not the internal key space.
        function test_realRowsOnThePage() {
            let created = null;
            testSession.client.call("keys.createKey", {apiId: testSample.apiId, name: "audit changes",
                                                       credits: {remaining: 1000},
                                                       ratelimits: [{name: "requests", limit: 100, duration: 60000}]},
                                    answer => created = answer);
            tryVerify(() => created !== null, H.answerTimeout);
            verify(created.ok, created.errorDetail);
            const keyId = created.data.keyId;
            let updated = null;
            testSession.client.call("keys.updateKey", {keyId: keyId, name: "audit changes renamed", enabled: false,
                                                       ratelimits: [{name: "requests", limit: 500, duration: 60000}]},
                                    answer => updated = answer);
            tryVerify(() => updated !== null, H.answerTimeout);
            verify(updated.ok, updated.errorDetail);
            let credited = null;
            testSession.client.call("keys.updateCredits", {keyId: keyId, operation: "increment", value: 500},
                                    answer => credited = answer);
            tryVerify(() => credited !== null, H.answerTimeout);
            verify(credited.ok, credited.errorDetail);

            const page = createTemporaryObject(pageComponent, root);
            const field = H.find(page, item => item.placeholderText !== undefined
                                               && String(item.placeholderText).startsWith("Target"));
            field.text = keyId;
            const list = H.find(page, item => item.objectName === "auditList");
            const changeLabel = text => H.find(list, item => item.objectName === "changesLabel" && item.text === text);
            tryVerify(() => changeLabel("Name: “audit changes” → “audit changes renamed”\nDisabled\n"
                                        + "Rate limit “requests”: 100 → 500 per 1\u00a0min") !== null, H.answerTimeout,
                      "the updateKey row says what changed");
            const credits = changeLabel("Credits 1,000 → 1,500");
            verify(credits, "the updateCredits row");
            const targets = H.find(credits.parent, item => item.objectName === "targetsLabel");
            verify(targets, "the targets line");
            verify(targets.text.indexOf("key " + keyId) >= 0, targets.text);
            verify(targets.text.indexOf("API " + testSample.apiId + " (qml-tests)") >= 0, targets.text);
            verify(targets.text.indexOf("keySpace") < 0, targets.text);
        }

        // Issue 4, against the test server: a set override's row shows its limit, found through the
        // Target filter by its identifier (a part of a target's name).
        function test_overrideRowOnThePage() {
            const identifier = "qml_override_" + Date.now();
            for (const [action, body] of [["ratelimit.limit", {namespace: "qml-audit", identifier: "seed", limit: 5, duration: 1000}],
                                          ["ratelimit.setOverride", {namespace: "qml-audit", identifier: identifier,
                                                                     limit: 7, duration: 60000}]]) {
                let answer = null;
                testSession.client.call(action, body, result => answer = result);
                tryVerify(() => answer !== null, H.answerTimeout, action);
                verify(answer.ok, action + ": " + answer.errorDetail);
            }
            const page = createTemporaryObject(pageComponent, root);
            const field = H.find(page, item => item.placeholderText !== undefined
                                               && String(item.placeholderText).startsWith("Target"));
            const part = identifier.slice(4).toUpperCase(); // a part, in another case
            field.text = part;
            const list = H.find(page, item => item.objectName === "auditList");
            tryVerify(() => list.model.targetName === part && !list.model.loading && list.count === 1, H.answerTimeout,
                      "only the override's row: " + list.count);
            tryVerify(() => H.find(list, item => item.objectName === "changesLabel" && item.text === "Limit: 7 per 1\u00a0min") !== null,
                      H.answerTimeout, "the set_override row shows its limit");
        }

        // Walkthrough 19: adding a shared limit on the owner page (which sends every limit) wrote
        // "Rate limit updated shared" for the untouched "shared", and the owner's row said nothing
        // of what changed. Its row says it now, and no row claims "shared" changed.
        function test_ownerRowOnThePage() {
            const externalId = "qml_owner_audit_" + Date.now();
            const ratelimits = [{name: "shared", limit: 1000, duration: 60000, autoApply: true}];
            for (const [action, body] of [["identities.createIdentity", {externalId: externalId, ratelimits: ratelimits}],
                                          ["identities.updateIdentity", {identity: externalId, ratelimits: ratelimits.concat(
                                               [{name: "burst", limit: 10, duration: 60000, autoApply: true}])}]]) {
                let answer = null;
                testSession.client.call(action, body, result => answer = result);
                tryVerify(() => answer !== null, H.answerTimeout, action);
                verify(answer.ok, action + ": " + answer.errorDetail);
            }
            const page = createTemporaryObject(pageComponent, root);
            const field = H.find(page, item => item.placeholderText !== undefined
                                               && String(item.placeholderText).startsWith("Target"));
            field.text = externalId;
            const list = H.find(page, item => item.objectName === "auditList");
            const ownerRows = () => H.findAll(list, item => item.changeText !== undefined && item.targetList !== undefined
                                                           && item.targetList.some(target => target.name === externalId));
            const events = () => ownerRows().map(row => row.event).sort().join(", ");
            // identity.create, ratelimit.create of "shared"; identity.update, ratelimit.create of "burst".
            const expected = "identity.create, identity.update, ratelimit.create, ratelimit.create";
            tryVerify(() => !list.model.loading && events() === expected, H.answerTimeout, "the owner's rows: " + events());
            const rowOf = event => ownerRows().find(row => row.event === event);
            compare(rowOf("identity.update").changeText, "Rate limit “burst” added: 10 per 1\u00a0min");
            verify(rowOf("ratelimit.update") === undefined, "no row says a limit was updated");
        }
    }
}
