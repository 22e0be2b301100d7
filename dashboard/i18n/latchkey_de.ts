<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApiResult</name>
    <message>
        <source>Bad Request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Request Header Fields Too Large</source>
        <translation>Anfrage-Header zu groß</translation>
    </message>
    <message>
        <source>Request Entity Too Large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>Request Timeout</source>
        <translation>Zeitüberschreitung der Anfrage</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Insufficient Permissions</source>
        <translation>Unzureichende Berechtigungen</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Method Not Allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Conflicting Resource</source>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>Resource Gone</source>
        <translation>Nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>Resource is protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <source>Precondition Failed</source>
        <translation>Vorbedingung nicht erfüllt</translation>
    </message>
    <message>
        <source>Unprocessable Entity</source>
        <translation>Nicht verarbeitbar</translation>
    </message>
    <message>
        <source>Too Many Requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>Internal Server Error</source>
        <translation>Interner Serverfehler</translation>
    </message>
    <message>
        <source>Service Unavailable</source>
        <translation>Dienst nicht verfügbar</translation>
    </message>
    <message>
        <source>The root key is not valid (any more).</source>
        <translation>Der Root-Schlüssel ist nicht (mehr) gültig.</translation>
    </message>
    <message>
        <source>The request carried no root key.</source>
        <translation>Die Anfrage enthielt keinen Root-Schlüssel.</translation>
    </message>
    <message>
        <source>The root key is malformed.</source>
        <translation>Der Root-Schlüssel ist fehlerhaft.</translation>
    </message>
    <message>
        <source>This root key lacks the permission for this.</source>
        <translation>Diesem Root-Schlüssel fehlt die Berechtigung dafür.</translation>
    </message>
    <message>
        <source>This root key may not do this.</source>
        <translation>Dieser Root-Schlüssel darf das nicht.</translation>
    </message>
    <message>
        <source>This key does not exist (any more).</source>
        <translation>Diesen Schlüssel gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This API does not exist (any more).</source>
        <translation>Diese API gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This owner does not exist (any more).</source>
        <translation>Diesen Inhaber gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This permission does not exist (any more).</source>
        <translation>Diese Berechtigung gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This role does not exist (any more).</source>
        <translation>Diese Rolle gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This namespace does not exist (any more).</source>
        <translation>Diesen Namensraum gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This override does not exist (any more).</source>
        <translation>Diese Ausnahme gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>An owner with this external id already exists.</source>
        <translation>Ein Inhaber mit dieser externen ID existiert bereits.</translation>
    </message>
    <message>
        <source>A permission with this name already exists.</source>
        <translation>Eine Berechtigung mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>A role with this name already exists.</source>
        <translation>Eine Rolle mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>A namespace with this name already exists.</source>
        <translation>Ein Namensraum mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>This namespace was deleted.</source>
        <translation>Dieser Namensraum wurde gelöscht.</translation>
    </message>
    <message>
        <source>This is protected and cannot be changed.</source>
        <translation>Das ist geschützt und kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>The request is too large for the server.</source>
        <translation>Die Anfrage ist dem Server zu groß.</translation>
    </message>
    <message>
        <source>Too many requests; try again in a moment.</source>
        <translation>Zu viele Anfragen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server ran into an internal error.</source>
        <translation>Auf dem Server ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>The server is not available right now.</source>
        <translation>Der Server ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without details.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne Details.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>Der Server antwortete mit HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>ApisPage</name>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Filter APIs by name or id</source>
        <translation>APIs nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>API %1, %n key(s)</source>
        <translation>
            <numerusform>API %1, %n Schlüssel</numerusform>
            <numerusform>API %1, %n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>No API matches “%1”.</source>
        <translation>Keine API passt zu „%1“.</translation>
    </message>
    <message>
        <source>No APIs yet</source>
        <translation>Noch keine APIs</translation>
    </message>
    <message>
        <source>Clear the filter to see every API.</source>
        <translation>Leeren Sie den Filter, um alle APIs zu sehen.</translation>
    </message>
    <message>
        <source>An API groups the keys of one service. Create one with “New API”, then issue keys for it.</source>
        <translation>Eine API fasst die Schlüssel eines Dienstes zusammen. Legen Sie eine mit „Neue API“ an und stellen Sie dann Schlüssel dafür aus.</translation>
    </message>
    <message>
        <source>API “%1” deleted</source>
        <translation>API „%1“ gelöscht</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete API</source>
        <translation>API löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the API “%1” and its %n key(s)? Every program using one of them is refused at once. This cannot be undone.</source>
        <translation>
            <numerusform>API „%1“ und ihren %n Schlüssel löschen? Jedes Programm, das ihn nutzt, wird sofort abgewiesen. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>API „%1“ und ihre %n Schlüssel löschen? Jedes Programm, das einen davon nutzt, wird sofort abgewiesen. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditChanges</name>
    <message>
        <source>%1 per %2</source>
        <translation>%1 pro %2</translation>
    </message>
    <message>
        <source>Rate limit “%1” added: %2</source>
        <translation>Ratenlimit „%1“ hinzugefügt: %2</translation>
    </message>
    <message>
        <source>Rate limit “%1” removed (was %2)</source>
        <translation>Ratenlimit „%1“ entfernt (war %2)</translation>
    </message>
    <message>
        <source>Rate limit “%1” now applied to every verification</source>
        <translation>Ratenlimit „%1“ jetzt bei jeder Verifizierung angewendet</translation>
    </message>
    <message>
        <source>Rate limit “%1” no longer applied to every verification</source>
        <translation>Ratenlimit „%1“ nicht mehr bei jeder Verifizierung angewendet</translation>
    </message>
    <message>
        <source>Rate limit “%1”: %2 → %3 per %4</source>
        <translation>Ratenlimit „%1“: %2 → %3 pro %4</translation>
    </message>
    <message>
        <source>Rate limit “%1”: %2 → %3</source>
        <translation>Ratenlimit „%1“: %2 → %3</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no credit refill</comment>
        <translation>keines</translation>
    </message>
    <message>
        <source>%1 monthly on day %2</source>
        <translation>%1 monatlich am %2.</translation>
    </message>
    <message>
        <source>%1 daily</source>
        <translation>%1 täglich</translation>
    </message>
    <message>
        <source>Expiry set to %1</source>
        <translation>Ablauf auf %1 gesetzt</translation>
    </message>
    <message>
        <source>Expiry removed (was %1)</source>
        <translation>Ablauf entfernt (war %1)</translation>
    </message>
    <message>
        <source>Expiry %1 → %2</source>
        <translation>Ablauf %1 → %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <comment>credits</comment>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Name changed</source>
        <translation>Name geändert</translation>
    </message>
    <message>
        <source>Owner changed</source>
        <translation>Inhaber geändert</translation>
    </message>
    <message>
        <source>Meta changed</source>
        <translation>Metadaten geändert</translation>
    </message>
    <message>
        <source>Permissions changed</source>
        <translation>Berechtigungen geändert</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation>Rollen geändert</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Credits %1 → %2</source>
        <translation>Credits %1 → %2</translation>
    </message>
    <message>
        <source>Refill %1 → %2</source>
        <translation>Auffüllen %1 → %2</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>Owner set to “%1”</source>
        <translation>Inhaber gesetzt auf „%1“</translation>
    </message>
    <message>
        <source>Name set to “%1”</source>
        <translation>Name gesetzt auf „%1“</translation>
    </message>
    <message>
        <source>Owner removed (was “%1”)</source>
        <translation>Inhaber entfernt (war „%1“)</translation>
    </message>
    <message>
        <source>Name removed (was “%1”)</source>
        <translation>Name entfernt (war „%1“)</translation>
    </message>
    <message>
        <source>Owner: “%1” → “%2”</source>
        <translation>Inhaber: „%1“ → „%2“</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>Name: „%1“ → „%2“</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Limit: %1</translation>
    </message>
    <message>
        <source>Limit: %1 → %2</source>
        <translation>Limit: %1 → %2</translation>
    </message>
    <message>
        <source>Meta set</source>
        <translation>Metadaten gesetzt</translation>
    </message>
    <message>
        <source>Credits: %1</source>
        <translation>Credits: %1</translation>
    </message>
    <message>
        <source>Refill: %1</source>
        <translation>Auffüllen: %1</translation>
    </message>
</context>
<context>
    <name>AuditEvents</name>
    <message>
        <source>API created</source>
        <translation>API erstellt</translation>
    </message>
    <message>
        <source>API deleted</source>
        <translation>API gelöscht</translation>
    </message>
    <message>
        <source>Key issued</source>
        <translation>Schlüssel ausgestellt</translation>
    </message>
    <message>
        <source>Key updated</source>
        <translation>Schlüssel geändert</translation>
    </message>
    <message>
        <source>Key deleted</source>
        <translation>Schlüssel gelöscht</translation>
    </message>
    <message>
        <source>Key rerolled</source>
        <translation>Schlüssel neu erzeugt</translation>
    </message>
    <message>
        <source>Owner created</source>
        <translation>Inhaber angelegt</translation>
    </message>
    <message>
        <source>Owner updated</source>
        <translation>Inhaber geändert</translation>
    </message>
    <message>
        <source>Owner deleted</source>
        <translation>Inhaber gelöscht</translation>
    </message>
    <message>
        <source>Permission created</source>
        <translation>Berechtigung erstellt</translation>
    </message>
    <message>
        <source>Permission deleted</source>
        <translation>Berechtigung gelöscht</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>Rolle erstellt</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>Rolle gelöscht</translation>
    </message>
    <message>
        <source>Permission added to key</source>
        <translation>Berechtigung dem Schlüssel zugewiesen</translation>
    </message>
    <message>
        <source>Permission removed from key</source>
        <translation>Berechtigung dem Schlüssel entzogen</translation>
    </message>
    <message>
        <source>Role added to key</source>
        <translation>Rolle dem Schlüssel zugewiesen</translation>
    </message>
    <message>
        <source>Role removed from key</source>
        <translation>Rolle dem Schlüssel entzogen</translation>
    </message>
    <message>
        <source>Permission added to role</source>
        <translation>Berechtigung der Rolle zugewiesen</translation>
    </message>
    <message>
        <source>Permission removed from role</source>
        <translation>Berechtigung der Rolle entzogen</translation>
    </message>
    <message>
        <source>Rate limit created</source>
        <translation>Ratenlimit erstellt</translation>
    </message>
    <message>
        <source>Rate limit updated</source>
        <translation>Ratenlimit geändert</translation>
    </message>
    <message>
        <source>Rate limit deleted</source>
        <translation>Ratenlimit gelöscht</translation>
    </message>
    <message>
        <source>Override set</source>
        <translation>Ausnahme festgelegt</translation>
    </message>
    <message>
        <source>Override deleted</source>
        <translation>Ausnahme gelöscht</translation>
    </message>
    <message>
        <source>Namespace created</source>
        <translation>Namensraum erstellt</translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation>Root-Schlüssel erstellt</translation>
    </message>
    <message>
        <source>API</source>
        <comment>audit target</comment>
        <translation>API</translation>
    </message>
    <message>
        <source>key</source>
        <comment>audit target</comment>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>key space</source>
        <comment>audit target</comment>
        <translation>Schlüsselbereich</translation>
    </message>
    <message>
        <source>owner</source>
        <comment>audit target</comment>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>permission</source>
        <comment>audit target</comment>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>role</source>
        <comment>audit target</comment>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>rate limit</source>
        <comment>audit target</comment>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>namespace</source>
        <comment>audit target</comment>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>override</source>
        <comment>audit target</comment>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>root key</source>
        <comment>audit target</comment>
        <translation>Root-Schlüssel</translation>
    </message>
    <message>
        <source>old key</source>
        <comment>audit target: the key a reroll replaced</comment>
        <translation>alter Schlüssel</translation>
    </message>
    <message>
        <source>new key</source>
        <comment>audit target: the key a reroll made</comment>
        <translation>neuer Schlüssel</translation>
    </message>
    <message>
        <source>Root key revoked</source>
        <translation>Root-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Namespace renamed</source>
        <translation>Namensraum umbenannt</translation>
    </message>
    <message>
        <source>Namespace deleted</source>
        <translation>Namensraum gelöscht</translation>
    </message>
</context>
<context>
    <name>AuditLogFilters</name>
    <message>
        <source>Owners cannot be looked up with this root key: “%1” is matched against target names, which finds an owner&apos;s own rows but not its keys&apos;; the owner&apos;s id (id_…) finds both.</source>
        <translation>Mit diesem Root-Schlüssel lassen sich keine Inhaber nachschlagen: „%1“ wird mit den Namen der Ziele verglichen; das findet die Einträge des Inhabers selbst, nicht die seiner Schlüssel. Die ID des Inhabers (id_…) findet beide.</translation>
    </message>
    <message>
        <source>Target: owner “%1” (%2)</source>
        <translation>Ziel: Inhaber „%1“ (%2)</translation>
    </message>
    <message>
        <source>Target: key starting “%1” (%2)</source>
        <translation>Ziel: Schlüssel, der mit „%1“ beginnt (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more key(s) with this start not shown</source>
        <translation>
            <numerusform>%n weiterer Schlüssel mit diesem Anfang nicht gezeigt</numerusform>
            <numerusform>%n weitere Schlüssel mit diesem Anfang nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: names containing “%1” (of keys, deleted ones too, owners, APIs, permissions, roles)</source>
        <translation>Ziel: Namen, die „%1“ enthalten (von Schlüsseln, auch gelöschten, Inhabern, APIs, Berechtigungen, Rollen)</translation>
    </message>
    <message>
        <source>Actor: root key “%1” (%2)</source>
        <translation>Akteur: Root-Schlüssel „%1“ (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more root key(s) with this name not shown</source>
        <translation>
            <numerusform>%n weiterer Root-Schlüssel mit diesem Namen nicht gezeigt</numerusform>
            <numerusform>%n weitere Root-Schlüssel mit diesem Namen nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Actor: root key “%1” (%2), whose name contains “%3”</source>
        <translation>Akteur: Root-Schlüssel „%1“ (%2), dessen Name „%3“ enthält</translation>
    </message>
    <message numerus="yes">
        <source>%n other root key(s) contain it, not shown: %1. Type more of the name for another.</source>
        <translation>
            <numerusform>%n weiterer Root-Schlüssel enthält es, nicht gezeigt: %1. Für einen anderen mehr vom Namen eingeben.</numerusform>
            <numerusform>%n weitere Root-Schlüssel enthalten es, nicht gezeigt: %1. Für einen anderen mehr vom Namen eingeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>No root key&apos;s name contains “%1”; the Actor filter takes a root key&apos;s name, a part of it, or its id (rk_…).</source>
        <translation>Kein Root-Schlüssel-Name enthält „%1“; der Akteur-Filter nimmt den Namen eines Root-Schlüssels, einen Teil davon oder seine ID (rk_…).</translation>
    </message>
    <message>
        <source>Root key names cannot be looked up with this root key; the Actor filter takes a root key&apos;s id (rk_…).</source>
        <translation>Mit diesem Root-Schlüssel lassen sich keine Root-Schlüssel-Namen nachschlagen; der Akteur-Filter nimmt die ID (rk_…) eines Root-Schlüssels.</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Actor: root key name or id</source>
        <translation>Akteur: Root-Schlüssel (Name oder ID)</translation>
    </message>
    <message>
        <source>A root key&apos;s name or a part of it, as the Actor column shows it, or its id (rk_…)</source>
        <translation>Der Name eines Root-Schlüssels oder ein Teil davon, wie ihn die Spalte Akteur zeigt, oder seine ID (rk_…)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Target: id, owner, key start or part of a name</source>
        <translation>Ziel: ID, Inhaber, Schlüsselanfang oder Namensteil</translation>
    </message>
    <message>
        <source>An id (key_…, api_…, id_…), an owner&apos;s external id, a key&apos;s start, or a part of a name: of a key (deleted keys too), an owner, an API</source>
        <translation>Eine ID (key_…, api_…, id_…), die externe ID eines Inhabers, der Anfang eines Schlüssels oder ein Teil eines Namens: eines Schlüssels (auch gelöschter), eines Inhabers, einer API</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Looking up “%1”…</source>
        <translation>Suche „%1“…</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Audit-Logs</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>Every change made through the API is recorded here. Widen the time range or clear the filters.</source>
        <translation>Jede Änderung über die API wird hier festgehalten. Erweitern Sie den Zeitraum oder leeren Sie die Filter.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Nothing matches the target “%1”</source>
        <translation>Nichts passt zum Ziel „%1“</translation>
    </message>
    <message>
        <source>The target filter takes an id (key_…, api_…, id_…), an owner&apos;s external id, a key&apos;s start, or a part of a name: of a key (deleted keys too), an owner, an API.</source>
        <translation>Der Zielfilter nimmt eine ID (key_…, api_…, id_…), die externe ID eines Inhabers, den Anfang eines Schlüssels oder einen Teil eines Namens: eines Schlüssels (auch gelöschter), eines Inhabers, einer API.</translation>
    </message>
</context>
<context>
    <name>AuditLogRow</name>
    <message>
        <source>Created API %1</source>
        <translation>API %1 erstellt</translation>
    </message>
    <message>
        <source>Deleted API %1</source>
        <translation>API %1 gelöscht</translation>
    </message>
    <message>
        <source>Issued key %1</source>
        <translation>Schlüssel %1 ausgestellt</translation>
    </message>
    <message>
        <source>Deleted key %1</source>
        <translation>Schlüssel %1 gelöscht</translation>
    </message>
    <message>
        <source>Refilled key %1</source>
        <translation>Schlüssel %1 aufgefüllt</translation>
    </message>
    <message>
        <source>Updated key %1</source>
        <translation>Schlüssel %1 geändert</translation>
    </message>
    <message>
        <source>Rerolled key %1 to %2</source>
        <translation>Schlüssel %1 durch %2 ersetzt</translation>
    </message>
    <message>
        <source>Created owner %1</source>
        <translation>Inhaber %1 angelegt</translation>
    </message>
    <message>
        <source>Updated owner %1</source>
        <translation>Inhaber %1 geändert</translation>
    </message>
    <message>
        <source>Deleted owner %1</source>
        <translation>Inhaber %1 gelöscht</translation>
    </message>
    <message>
        <source>Created permission %1</source>
        <translation>Berechtigung %1 erstellt</translation>
    </message>
    <message>
        <source>Deleted permission %1</source>
        <translation>Berechtigung %1 gelöscht</translation>
    </message>
    <message>
        <source>Created role %1</source>
        <translation>Rolle %1 erstellt</translation>
    </message>
    <message>
        <source>Deleted role %1</source>
        <translation>Rolle %1 gelöscht</translation>
    </message>
    <message>
        <source>Gave key %1 the role %2</source>
        <translation>Schlüssel %1 erhielt die Rolle %2</translation>
    </message>
    <message>
        <source>Took the role %2 from key %1</source>
        <translation>Schlüssel %1 wurde die Rolle %2 entzogen</translation>
    </message>
    <message>
        <source>Gave key %1 the permission %2</source>
        <translation>Schlüssel %1 erhielt die Berechtigung %2</translation>
    </message>
    <message>
        <source>Took the permission %2 from key %1</source>
        <translation>Schlüssel %1 wurde die Berechtigung %2 entzogen</translation>
    </message>
    <message>
        <source>Gave role %1 the permission %2</source>
        <translation>Rolle %1 erhielt die Berechtigung %2</translation>
    </message>
    <message>
        <source>Took the permission %2 from role %1</source>
        <translation>Rolle %1 wurde die Berechtigung %2 entzogen</translation>
    </message>
    <message>
        <source>Created namespace %1</source>
        <translation>Namensraum %1 erstellt</translation>
    </message>
    <message>
        <source>Set the override for %1 in namespace %2</source>
        <translation>Ausnahme für %1 im Namensraum %2 festgelegt</translation>
    </message>
    <message>
        <source>Deleted the override for %1 in namespace %2</source>
        <translation>Ausnahme für %1 im Namensraum %2 gelöscht</translation>
    </message>
    <message>
        <source>Created rate limit %1</source>
        <translation>Ratenlimit %1 erstellt</translation>
    </message>
    <message>
        <source>Updated rate limit %1</source>
        <translation>Ratenlimit %1 geändert</translation>
    </message>
    <message>
        <source>Deleted rate limit %1</source>
        <translation>Ratenlimit %1 gelöscht</translation>
    </message>
    <message>
        <source>Created root key %1</source>
        <translation>Root-Schlüssel %1 erstellt</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4</source>
        <translation>%1 durch %2 am %3: %4</translation>
    </message>
    <message>
        <source>The server&apos;s own description of “%1”, not translated.</source>
        <translation>Die eigene Beschreibung des Servers für „%1“, nicht übersetzt.</translation>
    </message>
    <message>
        <source>Revoked root key %1</source>
        <translation>Root-Schlüssel %1 widerrufen</translation>
    </message>
    <message>
        <source>Renamed namespace %1</source>
        <translation>Namensraum in %1 umbenannt</translation>
    </message>
    <message>
        <source>Deleted namespace %1</source>
        <translation>Namensraum %1 gelöscht</translation>
    </message>
</context>
<context>
    <name>BulkProgress</name>
    <message>
        <source>Stopped: server unreachable — %1 of %2 done.</source>
        <translation>Angehalten: Server nicht erreichbar — %1 von %2 erledigt.</translation>
    </message>
    <message>
        <source>Cancelled: %1 done, %2 failed, %3 not started.</source>
        <translation>Abgebrochen: %1 erledigt, %2 fehlgeschlagen, %3 nicht begonnen.</translation>
    </message>
    <message>
        <source>%1 done, %2 failed.</source>
        <translation>%1 erledigt, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Progress of the bulk operation</source>
        <translation>Fortschritt der Sammelaktion</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the bulk operation</source>
        <translation>Sammelaktion abbrechen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Stopping… %1 of %2 done; no more are started.</source>
        <translation>Wird beendet… %1 von %2 erledigt; keine weiteren werden begonnen.</translation>
    </message>
</context>
<context>
    <name>CalendarDay</name>
    <message>
        <source>Chosen day</source>
        <translation>Gewählter Tag</translation>
    </message>
    <message>
        <source>Today</source>
        <comment>the calendar&apos;s day that is today</comment>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionSummary</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Root key</source>
        <translation>Root-Schlüssel</translation>
    </message>
    <message>
        <source>unknown (the server does not say)</source>
        <translation>unbekannt (der Server gibt es nicht an)</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message numerus="yes">
        <source>%n permission(s)</source>
        <translation>
            <numerusform>%n Berechtigung</numerusform>
            <numerusform>%n Berechtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Disconnect from the server</source>
        <translation>Verbindung zum Server trennen</translation>
    </message>
    <message>
        <source>%1, the local server in this app</source>
        <translation>%1, der lokale Server in dieser App</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>Usage charts</source>
        <translation>Nutzungsdiagramme</translation>
    </message>
    <message>
        <source>Your root key lacks the permission “%1” (%2) to see these charts.</source>
        <translation>Ihrem Root-Schlüssel fehlt die Berechtigung „%1“ (%2), um diese Diagramme zu sehen.</translation>
    </message>
</context>
<context>
    <name>CreditsEditor</name>
    <message>
        <source>Enter how many credits remain</source>
        <translation>Geben Sie an, wie viele Credits verbleiben</translation>
    </message>
    <message>
        <source>Unlimited (no credits are counted)</source>
        <translation>Unbegrenzt (keine Credits werden gezählt)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Remaining credits</source>
        <translation>Verbleibende Credits</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Auffüllen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Refill interval</source>
        <translation>Auffüll-Intervall</translation>
    </message>
    <message>
        <source>Refill amount</source>
        <translation>Auffüllmenge</translation>
    </message>
    <message>
        <source>Credits added by each refill</source>
        <translation>Credits pro Auffüllung</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>Day of the month of the refill</source>
        <translation>Tag des Monats für die Auffüllung</translation>
    </message>
    <message>
        <source>In shorter months the refill happens on the last day.</source>
        <translation>In kürzeren Monaten wird am letzten Tag aufgefüllt.</translation>
    </message>
    <message>
        <source>e.g. 1000</source>
        <translation>z. B. 1000</translation>
    </message>
    <message>
        <source>The refill amount must be at least 1.</source>
        <translation>Die Auffüllmenge muss mindestens 1 sein.</translation>
    </message>
</context>
<context>
    <name>DialogError</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>%1 (%2 failed requests)</source>
        <translation>%1 (%2 fehlgeschlagene Anfragen)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the error message</source>
        <translation>Fehlermeldung ausblenden</translation>
    </message>
</context>
<context>
    <name>ExpiryCalendar</name>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
</context>
<context>
    <name>ExpiryPicker</name>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>Expiry date (as %1)</source>
        <translation>Ablaufdatum (im Format %1)</translation>
    </message>
    <message>
        <source>Choose the date in a calendar</source>
        <translation>Datum im Kalender wählen</translation>
    </message>
    <message>
        <source>Expiry time (hours:minutes)</source>
        <translation>Ablaufzeit (Stunden:Minuten)</translation>
    </message>
    <message>
        <source>In 1 day</source>
        <translation>In 1 Tag</translation>
    </message>
    <message>
        <source>In 7 days</source>
        <translation>In 7 Tagen</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 1 year</source>
        <translation>In 1 Jahr</translation>
    </message>
    <message>
        <source>Expires %1 (%2)</source>
        <translation>Läuft ab am %1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>the expiry picker&apos;s choice: the key does not expire</comment>
        <translation>Nie</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard what you entered?</source>
        <translation>Eingaben verwerfen?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>What you entered here has not been saved. Discarding it cannot be undone.</source>
        <translation>Ihre Eingaben hier sind nicht gespeichert. Verwerfen lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>throw away what was entered in a dialog</comment>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Owners are not searched: %1</source>
        <translation>Inhaber werden nicht durchsucht: %1</translation>
    </message>
    <message>
        <source>APIs, and keys by name or start, are not searched: %1</source>
        <translation>APIs sowie Schlüssel nach Name oder Anfang werden nicht durchsucht: %1</translation>
    </message>
    <message>
        <source>Owners are found by their exact external id or id only: %1</source>
        <translation>Inhaber werden nur über ihre genaue externe ID oder ID gefunden: %1</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, or API matches, and no owner has exactly this external id or id.</source>
        <translation>Nichts gefunden für „%1“: Keine Schlüssel-ID, kein Schlüsselanfang oder -name und keine API passt, und kein Inhaber hat genau diese externe ID oder ID.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id matches, and no owner has exactly this external id or id.</source>
        <translation>Nichts gefunden für „%1“: Keine Schlüssel-ID passt, und kein Inhaber hat genau diese externe ID oder ID.</translation>
    </message>
    <message>
        <source>A key id, a key&apos;s start or name, an owner&apos;s exact external id, or an API&apos;s name:</source>
        <translation>Eine Schlüssel-ID, der Anfang oder Name eines Schlüssels, die genaue externe ID eines Inhabers oder der Name einer API:</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, owner or API matches.</source>
        <translation>Nichts gefunden für „%1“: Keine Schlüssel-ID, kein Schlüsselanfang oder -name, kein Inhaber und keine API passt.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id, key start or name, or API matches.</source>
        <translation>Nichts gefunden für „%1“: Keine Schlüssel-ID, kein Schlüsselanfang oder -name und keine API passt.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key id or owner matches.</source>
        <translation>Nichts gefunden für „%1“: Keine Schlüssel-ID und kein Inhaber passt.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: no key has this id.</source>
        <translation>Nichts gefunden für „%1“: Kein Schlüssel hat diese ID.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”: it is not a key id (key_…), and only key ids were searched.</source>
        <translation>Nichts gefunden für „%1“: Das ist keine Schlüssel-ID (key_…), und gesucht wurde nur nach Schlüssel-IDs.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>A key id, a key&apos;s start or name, an owner&apos;s external id, or an API&apos;s name:</source>
        <translation>Eine Schlüssel-ID, der Anfang oder Name eines Schlüssels, die externe ID eines Inhabers oder der Name einer API:</translation>
    </message>
    <message>
        <source>e.g. key_…, sk_3Zx, Checkout service, customer-4711</source>
        <translation>z. B. key_…, sk_3Zx, Checkout service, customer-4711</translation>
    </message>
    <message>
        <source>Key, owner or API to go to</source>
        <translation>Schlüssel, Inhaber oder API, zu der gewechselt wird</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n more match(es) not shown: type more of the name.</source>
        <translation>
            <numerusform>%n weiterer Treffer nicht angezeigt: Geben Sie mehr vom Namen ein.</numerusform>
            <numerusform>%n weitere Treffer nicht angezeigt: Geben Sie mehr vom Namen ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>expires %1</source>
        <comment>Ctrl+K: a key&apos;s state, e.g. expires in 1 hour</comment>
        <translation>läuft %1 ab</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>Ctrl+K: a key&apos;s state</comment>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>disabled</source>
        <comment>Ctrl+K: a key&apos;s state</comment>
        <translation>deaktiviert</translation>
    </message>
</context>
<context>
    <name>IssueKeyAccessFields</name>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <comment>a permission or role created when the key is issued</comment>
        <translation>„%1“ anlegen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>a permission or role added to the key to be issued</comment>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>IssueKeyBasicFields</name>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Choose an API</source>
        <translation>API wählen</translation>
    </message>
    <message>
        <source>API the key belongs to</source>
        <translation>API, zu der der Schlüssel gehört</translation>
    </message>
    <message>
        <source>The APIs could not be listed: %1</source>
        <translation>Die APIs konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. Production server</source>
        <translation>z. B. Produktionsserver</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Optional; the key starts with it</source>
        <translation>Optional; der Schlüssel beginnt damit</translation>
    </message>
    <message>
        <source>e.g. sk_live</source>
        <translation>z. B. sk_live</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Schlüsselpräfix</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>The customer&apos;s id in your system (external id). A new owner is created if needed.</source>
        <translation>Die ID des Kunden in Ihrem System (externe ID). Bei Bedarf wird ein neuer Inhaber angelegt.</translation>
    </message>
    <message>
        <source>e.g. customer_42</source>
        <translation>z. B. customer_42</translation>
    </message>
    <message>
        <source>Owner (external id)</source>
        <translation>Inhaber (externe ID)</translation>
    </message>
    <message>
        <source>There is no API yet. Every key belongs to an API: create one first with “New API” below.</source>
        <translation>Es gibt noch keine API. Jeder Schlüssel gehört zu einer API: Legen Sie zuerst unten mit „Neue API“ eine an.</translation>
    </message>
    <message>
        <source>Looking for the API…</source>
        <translation>API wird gesucht…</translation>
    </message>
    <message>
        <source>The API %1 is not among the APIs listed. The key is issued into it unless you choose another one.</source>
        <translation>Die API %1 ist nicht unter den aufgeführten APIs. Der Schlüssel wird in ihr ausgestellt, sofern Sie keine andere wählen.</translation>
    </message>
    <message>
        <source>There is no API %1 (deleted?): choose the API the key goes into.</source>
        <translation>Es gibt keine API %1 (gelöscht?): Wählen Sie die API, in die der Schlüssel kommt.</translation>
    </message>
</context>
<context>
    <name>IssueKeyDialog</name>
    <message>
        <source>Key issued</source>
        <translation>Schlüssel ausgestellt</translation>
    </message>
    <message>
        <source>Issue a key</source>
        <translation>Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Issue key</source>
        <translation>Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>Open key</source>
        <translation>Schlüssel öffnen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Choose the API the key belongs to first.</source>
        <translation>Wählen Sie zuerst die API, zu der der Schlüssel gehört.</translation>
    </message>
    <message>
        <source>Discard this key&apos;s details?</source>
        <translation>Angaben zu diesem Schlüssel verwerfen?</translation>
    </message>
    <message>
        <source>Create an API first.</source>
        <translation>Legen Sie zuerst eine API an.</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
</context>
<context>
    <name>IssueKeyForm</name>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Any JSON object; returned with every verification.</source>
        <translation>Beliebiges JSON-Objekt; wird bei jeder Verifizierung zurückgegeben.</translation>
    </message>
    <message>
        <source>Recoverable (the key is stored encrypted and can be shown again later)</source>
        <translation>Wiederherstellbar (der Schlüssel wird verschlüsselt gespeichert und kann später erneut angezeigt werden)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
</context>
<context>
    <name>KeyAccessSection</name>
    <message>
        <source>Permissions and roles</source>
        <translation>Berechtigungen und Rollen</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
</context>
<context>
    <name>KeyActionsSection</name>
    <message>
        <source>The old key no longer works.</source>
        <translation>Der alte Schlüssel funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>The old key stays disabled and expires %1.</source>
        <translation>Der alte Schlüssel bleibt deaktiviert und läuft am %1 ab.</translation>
    </message>
    <message>
        <source>The old key had expired; its expiry is now the end of the grace period, so it works again until %1.</source>
        <translation>Der alte Schlüssel war abgelaufen; sein Ablauf ist jetzt das Ende der Übergangszeit, er funktioniert also wieder bis %1.</translation>
    </message>
    <message>
        <source>The old key keeps working until %1.</source>
        <translation>Der alte Schlüssel funktioniert weiter bis %1.</translation>
    </message>
    <message>
        <source>The new key is disabled and expired like the old one: enable it and give it a new expiry before use.</source>
        <translation>Der neue Schlüssel ist wie der alte deaktiviert und abgelaufen: vor der Nutzung aktivieren und ein neues Ablaufdatum setzen.</translation>
    </message>
    <message>
        <source>The new key is disabled too, like the old one: enable it before use.</source>
        <translation>Der neue Schlüssel ist wie der alte ebenfalls deaktiviert: vor der Nutzung aktivieren.</translation>
    </message>
    <message>
        <source>The new key has the old key&apos;s expiry, which has passed: it does not work until you give it a new expiry.</source>
        <translation>Der neue Schlüssel hat das Ablaufdatum des alten, und das ist vorbei: Er funktioniert erst mit einem neuen Ablaufdatum.</translation>
    </message>
    <message>
        <source>The new key keeps the old key&apos;s expiry: %1.</source>
        <translation>Der neue Schlüssel behält das Ablaufdatum des alten: %1.</translation>
    </message>
    <message>
        <source>This key is not recoverable: its value was never stored, so it cannot be shown. Only keys issued as recoverable can be shown again.</source>
        <translation>Dieser Schlüssel ist nicht wiederherstellbar: Sein Wert wurde nie gespeichert und kann daher nicht angezeigt werden. Nur als wiederherstellbar ausgestellte Schlüssel lassen sich erneut anzeigen.</translation>
    </message>
    <message>
        <source>Reroll this key?</source>
        <translation>Diesen Schlüssel neu erzeugen?</translation>
    </message>
    <message>
        <source>A new key with the same settings replaces “%1”.</source>
        <translation>Ein neuer Schlüssel mit denselben Einstellungen ersetzt „%1“.</translation>
    </message>
    <message>
        <source>The old key stops working at once.</source>
        <translation>Der alte Schlüssel funktioniert sofort nicht mehr.</translation>
    </message>
    <message>
        <source>The old key stays disabled.</source>
        <translation>Der alte Schlüssel bleibt deaktiviert.</translation>
    </message>
    <message>
        <source>The old key has expired; its expiry becomes the end of the grace period, so it works again until then.</source>
        <translation>Der alte Schlüssel ist abgelaufen; sein Ablauf wird auf das Ende der Übergangsfrist gesetzt, bis dahin funktioniert er wieder.</translation>
    </message>
    <message>
        <source>Reroll</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Key actions</source>
        <translation>Schlüsselaktionen</translation>
    </message>
    <message>
        <source>Revoke the old key at once</source>
        <translation>Alten Schlüssel sofort widerrufen</translation>
    </message>
    <message>
        <source>Old key works 1 more hour</source>
        <translation>Alter Schlüssel gilt noch 1 Stunde</translation>
    </message>
    <message>
        <source>Old key works 24 more hours</source>
        <translation>Alter Schlüssel gilt noch 24 Stunden</translation>
    </message>
    <message>
        <source>Old key works 7 more days</source>
        <translation>Alter Schlüssel gilt noch 7 Tage</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <source>The key</source>
        <translation>Der Schlüssel</translation>
    </message>
    <message>
        <source>Grace period for the old key</source>
        <translation>Übergangsfrist für den alten Schlüssel</translation>
    </message>
    <message>
        <source>Reroll key</source>
        <translation>Schlüssel neu erzeugen</translation>
    </message>
    <message>
        <source>Rerolling issues a new key with the same settings; the old one stops working after the grace period.</source>
        <translation>Neu erzeugen stellt einen neuen Schlüssel mit denselben Einstellungen aus; der alte funktioniert nach der Übergangsfrist nicht mehr.</translation>
    </message>
    <message>
        <source>Permanently (cannot be recovered)</source>
        <translation>Endgültig (nicht wiederherstellbar)</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>The key %1 stops working at once and is removed for good, with its rate limits and permissions.</source>
        <translation>Der Schlüssel %1 funktioniert sofort nicht mehr und wird mit seinen Ratenlimits und Berechtigungen endgültig entfernt.</translation>
    </message>
    <message>
        <source>The key %1 stops working at once. It is kept in the database but cannot be used or shown here again.</source>
        <translation>Der Schlüssel %1 funktioniert sofort nicht mehr. Er bleibt in der Datenbank, kann aber weder verwendet noch hier wieder angezeigt werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Open new key</source>
        <translation>Neuen Schlüssel öffnen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Key copied</source>
        <translation>Schlüssel kopiert</translation>
    </message>
    <message>
        <source>Delete “%1” (%2)?</source>
        <translation>„%1“ (%2) löschen?</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Already replaced by %1: reroll that key instead.</source>
        <translation>Bereits durch %1 ersetzt: erzeugen Sie stattdessen den neuen Schlüssel neu.</translation>
    </message>
    <message>
        <source>The key it replaced, %1…, keeps working until %2: deleting this one does not stop it.</source>
        <translation>Der ersetzte Schlüssel %1… funktioniert noch bis %2: Das Löschen dieses Schlüssels sperrt ihn nicht.</translation>
    </message>
</context>
<context>
    <name>KeyColumnTitles</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>the first characters of a key</comment>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Credits left</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>What the key may still spend on verifications. “low credits” from 10 % of its refill amount down (at least 1), or from 10 credits down for a key without a refill.</source>
        <translation>Was der Schlüssel noch für Verifizierungen ausgeben kann. „wenig Credits“ ab 10 % seiner Aufladung abwärts (mindestens 1), ohne Aufladung ab 10 Credits abwärts.</translation>
    </message>
</context>
<context>
    <name>KeyCreditsSection</name>
    <message>
        <source>Adding credits applies at once, without Save.</source>
        <translation>Credits hinzufügen gilt sofort, ohne Speichern.</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>%1 credits left</source>
        <translation>%1 Credits übrig</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Credits to add</source>
        <translation>Hinzuzufügende Credits</translation>
    </message>
    <message>
        <source>Add credits</source>
        <translation>Credits hinzufügen</translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation>z. B. 100</translation>
    </message>
</context>
<context>
    <name>KeyDetailPage</name>
    <message>
        <source>a key deleted since (%1)</source>
        <translation>einen inzwischen gelöschten Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>Kein Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Kein Inhaber</translation>
    </message>
    <message>
        <source>The customer&apos;s external id; a new owner is created if needed.</source>
        <translation>Die externe ID des Kunden; bei Bedarf wird ein neuer Inhaber angelegt.</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: %1. Leaving the page discards them.</source>
        <translation>Diese Karten haben ungespeicherte Änderungen: %1. Wer die Seite verlässt, verwirft sie.</translation>
    </message>
    <message>
        <source>Discard and leave</source>
        <translation>Verwerfen und verlassen</translation>
    </message>
    <message>
        <source>Key “%1” deleted</source>
        <translation>Schlüssel „%1“ gelöscht</translation>
    </message>
    <message>
        <source>Key “%1” (%2…) deleted</source>
        <translation>Schlüssel „%1“ (%2…) gelöscht</translation>
    </message>
</context>
<context>
    <name>KeyExpirySection</name>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <comment>%1 is a relative time: &apos;3 days ago&apos;</comment>
        <translation>Abgelaufen %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <comment>%1 is a relative time: &apos;in 29 days&apos;</comment>
        <translation>Läuft %1 ab</translation>
    </message>
    <message>
        <source>Never expires</source>
        <comment>the expiry card&apos;s summary of a key without expiry</comment>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>After saving: never expires</source>
        <comment>the expiry card&apos;s summary of an unsaved change</comment>
        <translation>Nach dem Speichern: läuft nie ab</translation>
    </message>
    <message>
        <source>After saving: expired %1</source>
        <comment>%1 is a relative time: &apos;3 days ago&apos;</comment>
        <translation>Nach dem Speichern: abgelaufen %1</translation>
    </message>
    <message>
        <source>After saving: expires %1</source>
        <comment>%1 is a relative time: &apos;in 29 days&apos;</comment>
        <translation>Nach dem Speichern: läuft %1 ab</translation>
    </message>
</context>
<context>
    <name>KeyLoadFailed</name>
    <message>
        <source>This key was deleted.</source>
        <translation>Dieser Schlüssel wurde gelöscht.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>KeyPageHeader</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Created %1 · last used %2</source>
        <translation>Erstellt %1 · zuletzt verwendet %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>KeyRerollNotes</name>
    <message>
        <source>This is the new key. It replaces %1…, which no longer works.</source>
        <translation>Dies ist der neue Schlüssel. Er ersetzt %1…, der nicht mehr funktioniert.</translation>
    </message>
    <message>
        <source>This is the new key. It replaces %1…, which stays disabled and expires %2 (%3).</source>
        <translation>Dies ist der neue Schlüssel. Er ersetzt %1…, der deaktiviert bleibt und am %2 abläuft (%3).</translation>
    </message>
    <message>
        <source>This is the new key. It replaces %1…, which keeps working until %2 (%3).</source>
        <translation>Dies ist der neue Schlüssel. Er ersetzt %1…, der bis %2 (%3) weiter funktioniert.</translation>
    </message>
    <message>
        <source>Like the old key, it is disabled and expired: enable it and set a new expiry to use it.</source>
        <translation>Wie der alte ist er deaktiviert und abgelaufen: Zum Nutzen aktivieren und ein neues Ablaufdatum setzen.</translation>
    </message>
    <message>
        <source>Like the old key, it is disabled: enable it under Status to use it.</source>
        <translation>Wie der alte ist er deaktiviert: Zum Nutzen unter Status aktivieren.</translation>
    </message>
    <message>
        <source>It took over the old key&apos;s expiry, which has passed: set a new expiry to use it.</source>
        <translation>Er hat das Ablaufdatum des alten übernommen, und das ist vorbei: Zum Nutzen ein neues Ablaufdatum setzen.</translation>
    </message>
    <message>
        <source>Replaced by %1 — this key is disabled.</source>
        <translation>Ersetzt durch %1 — dieser Schlüssel ist deaktiviert.</translation>
    </message>
    <message>
        <source>Replaced by %1 — expires %2 (%3).</source>
        <translation>Ersetzt durch %1 — läuft ab %2 (%3).</translation>
    </message>
    <message>
        <source>Replaced by %1 — this key no longer works.</source>
        <translation>Ersetzt durch %1 — dieser Schlüssel funktioniert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>KeyRow</name>
    <message>
        <source>Key %1, %2</source>
        <translation>Schlüssel %1, %2</translation>
    </message>
    <message>
        <source>Select key %1</source>
        <translation>Schlüssel %1 auswählen</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>KeySection</name>
    <message>
        <source>Ctrl+Down: next card · Ctrl+Up: previous card</source>
        <translation>Strg+Unten: nächste Karte · Strg+Oben: vorherige Karte</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Nothing changed yet</source>
        <translation>Noch nichts geändert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Changes here apply at once.</source>
        <translation>Änderungen hier gelten sofort.</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>throw away the unsaved changes of a card</comment>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard the changes to %1</source>
        <translation>Änderungen an %1 verwerfen</translation>
    </message>
</context>
<context>
    <name>KeyStatusBadges</name>
    <message>
        <source>active</source>
        <comment>key status</comment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <comment>key status</comment>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>key status</comment>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>expiring</source>
        <comment>key status: expires within 24 hours</comment>
        <translation>läuft bald ab</translation>
    </message>
    <message>
        <source>low credits</source>
        <comment>key status</comment>
        <translation>wenig Credits</translation>
    </message>
    <message>
        <source>rate limited</source>
        <comment>key status: rate limited in the last hour</comment>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>The key is enabled and not expired.</source>
        <translation>Der Schlüssel ist aktiviert und nicht abgelaufen.</translation>
    </message>
    <message>
        <source>The key is disabled; verifications answer DISABLED.</source>
        <translation>Der Schlüssel ist deaktiviert; Verifizierungen antworten DISABLED.</translation>
    </message>
    <message>
        <source>The key has expired; verifications answer EXPIRED.</source>
        <translation>Der Schlüssel ist abgelaufen; Verifizierungen antworten EXPIRED.</translation>
    </message>
    <message>
        <source>The key expires within 24 hours.</source>
        <translation>Der Schlüssel läuft innerhalb von 24 Stunden ab.</translation>
    </message>
    <message>
        <source>Rate limited at least once in the last hour.</source>
        <translation>In der letzten Stunde mindestens einmal gedrosselt.</translation>
    </message>
    <message>
        <source>expires %1</source>
        <comment>key status, e.g. expires in 2 hours</comment>
        <translation>läuft %1 ab</translation>
    </message>
    <message>
        <source>replaced, expires %1</source>
        <comment>key status of a rerolled key, e.g. replaced, expires in 2 hours</comment>
        <translation>ersetzt, läuft %1 ab</translation>
    </message>
    <message>
        <source>replaced</source>
        <comment>key status of a rerolled key</comment>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>A reroll replaced this key with a new one of the same name; this old key stops working when its grace period ends.</source>
        <translation>Beim Neu-Erzeugen wurde dieser Schlüssel durch einen neuen mit demselben Namen ersetzt; dieser alte Schlüssel funktioniert nur bis zum Ende seiner Übergangsfrist.</translation>
    </message>
    <message>
        <source>no credits</source>
        <comment>key status: no credits left</comment>
        <translation>keine Credits</translation>
    </message>
    <message>
        <source>No credits left; verifications answer USAGE_EXCEEDED until a refill or top-up.</source>
        <translation>Keine Credits mehr; Verifizierungen antworten USAGE_EXCEEDED bis zur nächsten Auffüllung oder bis Credits hinzugefügt werden.</translation>
    </message>
    <message>
        <source>replaced by a deleted key</source>
        <comment>key status of a rerolled key whose new key was deleted since</comment>
        <translation>ersetzt durch gelöschten Schlüssel</translation>
    </message>
    <message>
        <source>replaced by a deleted key, expires %1</source>
        <comment>key status of a rerolled key whose new key was deleted since, e.g. replaced by a deleted key, expires in 2 hours</comment>
        <translation>ersetzt durch gelöschten Schlüssel, läuft %1 ab</translation>
    </message>
    <message>
        <source>A reroll replaced this key with a new one, which has been deleted since; this old key stops working when its grace period ends.</source>
        <translation>Beim Neu-Erzeugen wurde dieser Schlüssel durch einen neuen ersetzt, der inzwischen gelöscht wurde; dieser alte Schlüssel funktioniert nur bis zum Ende seiner Übergangsfrist.</translation>
    </message>
    <message>
        <source>Low on credits: %1 or fewer left, 10 % of this key&apos;s refill of %2 (at least 1).</source>
        <translation>Wenig Credits: %1 oder weniger übrig, 10 % der Aufladung dieses Schlüssels von %2 (mindestens 1).</translation>
    </message>
    <message>
        <source>Low on credits: %1 or fewer left (a key without a refill).</source>
        <translation>Wenig Credits: %1 oder weniger übrig (ein Schlüssel ohne Aufladung).</translation>
    </message>
    <message>
        <source>Low on credits: at most 10 % of the key&apos;s refill amount left (at least 1), or 10 credits for a key without a refill.</source>
        <translation>Wenig Credits: höchstens 10 % der Aufladung des Schlüssels übrig (mindestens 1), ohne Aufladung höchstens 10 Credits.</translation>
    </message>
</context>
<context>
    <name>KeyStatusSection</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enabled: verifications can succeed</source>
        <translation>Aktiviert: Verifizierungen können gelingen</translation>
    </message>
    <message>
        <source>Disabled: every verification is rejected</source>
        <translation>Deaktiviert: jede Verifizierung wird abgelehnt</translation>
    </message>
    <message>
        <source>Key enabled</source>
        <translation>Schlüssel aktiviert</translation>
    </message>
</context>
<context>
    <name>KeyTableHeader</name>
    <message>
        <source>Select all loaded keys</source>
        <translation>Alle geladenen Schlüssel auswählen</translation>
    </message>
</context>
<context>
    <name>KeyTextSection</name>
    <message>
        <source>No owner “%1” yet: a new owner is created when you save.</source>
        <translation>Noch kein Inhaber „%1“: Beim Speichern wird ein neuer Inhaber angelegt.</translation>
    </message>
</context>
<context>
    <name>KeyValidation</name>
    <message>
        <source>expected a property name in double quotes or the closing }</source>
        <comment>JSON syntax error</comment>
        <translation>hier wird ein Eigenschaftsname in doppelten Anführungszeichen oder die schließende } erwartet</translation>
    </message>
    <message>
        <source>the text ends too early: a closing &quot; or } is missing</source>
        <comment>JSON syntax error</comment>
        <translation>der Text endet zu früh: ein schließendes &quot; oder } fehlt</translation>
    </message>
    <message>
        <source>a colon is missing after a property name</source>
        <comment>JSON syntax error</comment>
        <translation>nach einem Eigenschaftsnamen fehlt ein Doppelpunkt</translation>
    </message>
    <message>
        <source>expected a comma or the closing ] of a list</source>
        <comment>JSON syntax error</comment>
        <translation>hier wird ein Komma oder die schließende ] einer Liste erwartet</translation>
    </message>
    <message>
        <source>expected a comma or the closing } after a value</source>
        <comment>JSON syntax error</comment>
        <translation>nach einem Wert wird ein Komma oder die schließende } erwartet</translation>
    </message>
    <message>
        <source>not a valid value (text needs double quotes)</source>
        <comment>JSON syntax error</comment>
        <translation>kein gültiger Wert (Text gehört in doppelte Anführungszeichen)</translation>
    </message>
    <message>
        <source>the text ends in a number</source>
        <comment>JSON syntax error</comment>
        <translation>der Text endet mitten in einer Zahl</translation>
    </message>
    <message>
        <source>not a valid number</source>
        <comment>JSON syntax error</comment>
        <translation>keine gültige Zahl</translation>
    </message>
    <message>
        <source>not a valid escape sequence after \</source>
        <comment>JSON syntax error</comment>
        <translation>keine gültige Escape-Sequenz nach \</translation>
    </message>
    <message>
        <source>a character that is not valid here</source>
        <comment>JSON syntax error</comment>
        <translation>ein hier ungültiges Zeichen</translation>
    </message>
    <message>
        <source>an object is expected here</source>
        <comment>JSON syntax error</comment>
        <translation>hier wird ein Objekt erwartet</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <comment>JSON syntax error</comment>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the text is too long</source>
        <comment>JSON syntax error</comment>
        <translation>der Text ist zu lang</translation>
    </message>
    <message>
        <source>more text after the closing }</source>
        <comment>JSON syntax error</comment>
        <translation>weiterer Text nach der schließenden }</translation>
    </message>
    <message>
        <source>A rate limit name has 3 to 128 characters.</source>
        <translation>Der Name eines Ratenlimits hat 3 bis 128 Zeichen.</translation>
    </message>
    <message>
        <source>The limit of &quot;%1&quot; must be at least 1.</source>
        <translation>Das Limit von „%1“ muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The window of &quot;%1&quot; must be at least one second.</source>
        <translation>Das Zeitfenster von „%1“ muss mindestens eine Sekunde lang sein.</translation>
    </message>
    <message>
        <source>Choose an API.</source>
        <translation>Wählen Sie eine API.</translation>
    </message>
    <message>
        <source>This is not a valid API id.</source>
        <translation>Das ist keine gültige API-ID.</translation>
    </message>
    <message>
        <source>The prefix has at most 16 characters.</source>
        <translation>Das Präfix hat höchstens 16 Zeichen.</translation>
    </message>
    <message>
        <source>The prefix may contain only letters, digits and underscores.</source>
        <translation>Das Präfix darf nur Buchstaben, Ziffern und Unterstriche enthalten.</translation>
    </message>
    <message>
        <source>The name has at most 255 characters.</source>
        <translation>Der Name hat höchstens 255 Zeichen.</translation>
    </message>
    <message>
        <source>The owner id has at most 255 characters.</source>
        <translation>Die Inhaber-ID hat höchstens 255 Zeichen.</translation>
    </message>
    <message>
        <source>The owner id may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Die Inhaber-ID darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>Meta must be a JSON object, like {&quot;plan&quot;: &quot;pro&quot;}.</source>
        <translation>Metadaten müssen ein JSON-Objekt sein, etwa {&quot;plan&quot;: &quot;pro&quot;}.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation>Kein gültiges JSON in Zeile %1, Spalte %2: %3.</translation>
    </message>
    <message>
        <source>Meta has at most %1 top-level properties.</source>
        <translation>Metadaten haben höchstens %1 Eigenschaften auf oberster Ebene.</translation>
    </message>
    <message>
        <source>The expiry lies in the past.</source>
        <translation>Das Ablaufdatum liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>The expiry must be before the year 2100.</source>
        <translation>Das Ablaufdatum muss vor dem Jahr 2100 liegen.</translation>
    </message>
    <message>
        <source>A refill needs a limited number of credits.</source>
        <translation>Auffüllen setzt eine begrenzte Zahl von Credits voraus.</translation>
    </message>
    <message>
        <source>Remaining credits must be 0 or more.</source>
        <translation>Verbleibende Credits müssen 0 oder mehr sein.</translation>
    </message>
    <message>
        <source>The refill is daily or monthly.</source>
        <translation>Aufgefüllt wird täglich oder monatlich.</translation>
    </message>
    <message>
        <source>The refill amount must be at least 1.</source>
        <translation>Die Auffüllmenge muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>A monthly refill needs a day of the month between 1 and 31.</source>
        <translation>Monatliches Auffüllen braucht einen Tag zwischen 1 und 31.</translation>
    </message>
    <message>
        <source>A key has at most %1 rate limits.</source>
        <translation>Ein Schlüssel hat höchstens %1 Ratenlimits.</translation>
    </message>
    <message>
        <source>Two rate limits are named &quot;%1&quot;.</source>
        <translation>Zwei Ratenlimits heißen „%1“.</translation>
    </message>
    <message>
        <source>A permission has 1 to 128 characters.</source>
        <translation>Eine Berechtigung hat 1 bis 128 Zeichen.</translation>
    </message>
    <message>
        <source>A role name has 1 to 128 characters.</source>
        <translation>Ein Rollenname hat 1 bis 128 Zeichen.</translation>
    </message>
    <message>
        <source>A key has at most %1 direct permissions.</source>
        <translation>Ein Schlüssel hat höchstens %1 direkte Berechtigungen.</translation>
    </message>
    <message>
        <source>A key has at most %1 roles.</source>
        <translation>Ein Schlüssel hat höchstens %1 Rollen.</translation>
    </message>
    <message>
        <source>A permission may contain only letters, digits and %1</source>
        <translation>Eine Berechtigung darf nur Buchstaben, Ziffern und %1 enthalten</translation>
    </message>
</context>
<context>
    <name>KeysBulkRun</name>
    <message numerus="yes">
        <source>%n key(s) disabled.</source>
        <translation>
            <numerusform>%n Schlüssel deaktiviert.</numerusform>
            <numerusform>%n Schlüssel deaktiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) enabled.</source>
        <translation>
            <numerusform>%n Schlüssel aktiviert.</numerusform>
            <numerusform>%n Schlüssel aktiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) deleted.</source>
        <translation>
            <numerusform>%n Schlüssel gelöscht.</numerusform>
            <numerusform>%n Schlüssel gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n fehlgeschlagen.</numerusform>
            <numerusform>%n fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.</source>
        <translation>
            <numerusform>Den ausgewählten Schlüssel löschen? Verifizierungen gelöschter Schlüssel schlagen sofort fehl; das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n ausgewählte Schlüssel löschen? Verifizierungen gelöschter Schlüssel schlagen sofort fehl; das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Disable keys</source>
        <translation>Schlüssel deaktivieren</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n selected key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>Den ausgewählten Schlüssel deaktivieren? Seine Verifizierungen schlagen fehl, bis er wieder aktiviert wird.</numerusform>
            <numerusform>%n ausgewählte Schlüssel deaktivieren? Ihre Verifizierungen schlagen fehl, bis sie wieder aktiviert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>%n Schlüssel deaktivieren? Seine Verifizierungen schlagen fehl, bis er wieder aktiviert wird.</numerusform>
            <numerusform>%n Schlüssel deaktivieren? Ihre Verifizierungen schlagen fehl, bis sie wieder aktiviert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already disabled and stays so.</source>
        <translation>
            <numerusform>%n der ausgewählten Schlüssel ist schon deaktiviert und bleibt es.</numerusform>
            <numerusform>%n der ausgewählten Schlüssel sind schon deaktiviert und bleiben es.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable keys</source>
        <translation>Schlüssel aktivieren</translation>
    </message>
    <message numerus="yes">
        <source>Enable %n selected key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>Den ausgewählten Schlüssel aktivieren? Er wird wieder verifiziert, sofern er nicht abgelaufen ist oder keine Credits mehr hat.</numerusform>
            <numerusform>%n ausgewählte Schlüssel aktivieren? Sie werden wieder verifiziert, sofern sie nicht abgelaufen sind oder keine Credits mehr haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>%n Schlüssel aktivieren? Er wird wieder verifiziert, außer er ist abgelaufen oder hat keine Credits mehr.</numerusform>
            <numerusform>%n Schlüssel aktivieren? Sie werden wieder verifiziert, außer sie sind abgelaufen oder haben keine Credits mehr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already enabled and stays so.</source>
        <translation>
            <numerusform>%n der ausgewählten Schlüssel ist schon aktiviert und bleibt es.</numerusform>
            <numerusform>%n der ausgewählten Schlüssel sind schon aktiviert und bleiben es.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
</context>
<context>
    <name>KeysListBar</name>
    <message>
        <source>Select keys first: the boxes at the start of their rows.</source>
        <translation>Wählen Sie zuerst Schlüssel aus: die Kästchen am Anfang ihrer Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>None selected</source>
        <comment>keys in the list</comment>
        <translation>Keiner ausgewählt</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>The selected keys are all disabled already.</source>
        <translation>Die ausgewählten Schlüssel sind alle schon deaktiviert.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>The selected keys are all enabled already.</source>
        <translation>Die ausgewählten Schlüssel sind alle schon aktiviert.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message numerus="yes">
        <source>Searching… %n key(s) checked</source>
        <translation>
            <numerusform>Suche… %n Schlüssel geprüft</numerusform>
            <numerusform>Suche… %n Schlüssel geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys of %1</source>
        <translation>Schlüssel von %1</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>No key matches “%1”.</source>
        <translation>Kein Schlüssel passt zu „%1“.</translation>
    </message>
    <message>
        <source>This API has no keys yet</source>
        <translation>Diese API hat noch keine Schlüssel</translation>
    </message>
    <message>
        <source>Clear the filter to see every key.</source>
        <translation>Leeren Sie den Filter, um alle Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>Issue the first one with “Issue key” (Ctrl+N).</source>
        <translation>Stellen Sie den ersten mit „Schlüssel ausstellen“ (Strg+N) aus.</translation>
    </message>
</context>
<context>
    <name>KeysPageHeader</name>
    <message>
        <source>Filter by name, start or owner</source>
        <translation>Name, Anfang, Inhaber</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Hide charts</source>
        <translation>Diagramme ausblenden</translation>
    </message>
    <message>
        <source>Show charts</source>
        <translation>Diagramme anzeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the list (keys added elsewhere too)</source>
        <translation>Liste aktualisieren (auch anderswo hinzugefügte Schlüssel)</translation>
    </message>
</context>
<context>
    <name>KeysTableRelay</name>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::ApiClient</name>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was rejected: %1</source>
        <translation>Das Zertifikat des Servers wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Mit keinem Server verbunden.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The server did not answer in time; the change may still have been made. Reload before trying again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; die Änderung wurde möglicherweise trotzdem vorgenommen. Laden Sie neu, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::ConnectionController</name>
    <message>
        <source>Enter the server&apos;s address, e.g. https://keys.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://keys.example.com.</translation>
    </message>
    <message>
        <source>“%1” is not an http:// or https:// server address.</source>
        <translation>„%1“ ist keine http://- oder https://-Serveradresse.</translation>
    </message>
    <message>
        <source>Enter a root key.</source>
        <translation>Geben Sie einen Root-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Plain http:// to another machine sends the root key unencrypted; confirm it first.</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner sendet den Root-Schlüssel im Klartext; bestätigen Sie das zuerst.</translation>
    </message>
    <message>
        <source>The server at %1 does not accept this root key: %2</source>
        <translation>Der Server unter %1 akzeptiert diesen Root-Schlüssel nicht: %2</translation>
    </message>
    <message>
        <source>“%1” is not http or https: write http:// or https:// in front of the host.</source>
        <translation>„%1“ ist weder http noch https: Schreiben Sie http:// oder https:// vor den Host.</translation>
    </message>
    <message>
        <source>“%1” is missing part of “://”: write %2://host.</source>
        <translation>Bei „%1“ fehlt ein Teil von „://“: Schreiben Sie %2://host.</translation>
    </message>
    <message>
        <source>“%1” has no http:// or https:// in front: write which one the server uses, e.g. https://%1.</source>
        <translation>Vor „%1“ steht weder http:// noch https://: Schreiben Sie, was der Server verwendet, z. B. https://%1.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::Formatter</name>
    <message>
        <source>%1 d</source>
        <comment>duration in days</comment>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>duration in hours</comment>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration in minutes</comment>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>duration in milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln Tag</numerusform>
            <numerusform>in %Ln Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>vor %Ln Tag</numerusform>
            <numerusform>vor %Ln Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln hour(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln Stunde</numerusform>
            <numerusform>in %Ln Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>vor %Ln Stunde</numerusform>
            <numerusform>vor %Ln Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln minute(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln Minute</numerusform>
            <numerusform>in %Ln Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>vor %Ln Minute</numerusform>
            <numerusform>vor %Ln Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::IssueKeyController</name>
    <message>
        <source>The role ‘%1’ could not be created: %2</source>
        <translation>Die Rolle ‘%1’ konnte nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::KeyDetailController</name>
    <message>
        <source>Unknown credit operation.</source>
        <translation>Unbekannte Credit-Operation.</translation>
    </message>
    <message>
        <source>Enter a number of credits of 0 or more.</source>
        <translation>Geben Sie eine Zahl von Credits ab 0 ein.</translation>
    </message>
    <message>
        <source>This key is not recoverable: its value was never stored.</source>
        <translation>Dieser Schlüssel ist nicht wiederherstellbar: sein Wert wurde nie gespeichert.</translation>
    </message>
    <message>
        <source>The grace period cannot be negative.</source>
        <translation>Die Übergangsfrist kann nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::LocalServerController</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::RootKeyVault</name>
    <message>
        <source>No keychain on this computer: the root key is not stored and will be asked again.</source>
        <translation>Kein Schlüsselbund auf diesem Computer: Der Root-Schlüssel wird nicht gespeichert und erneut abgefragt.</translation>
    </message>
    <message>
        <source>The keychain is locked: the root key is not stored and will be asked again. Unlock the keychain to have keys remembered.</source>
        <translation>Der Schlüsselbund ist gesperrt: Der Root-Schlüssel wird nicht gespeichert und erneut abgefragt. Entsperren Sie den Schlüsselbund, damit Schlüssel gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::UsageExport</name>
    <message>
        <source>an export is already running</source>
        <translation>es läuft bereits ein Export</translation>
    </message>
    <message>
        <source>not connected to a server</source>
        <translation>keine Verbindung zu einem Server</translation>
    </message>
    <message>
        <source>no owner is selected</source>
        <translation>kein Inhaber ausgewählt</translation>
    </message>
    <message>
        <source>not a file on this computer</source>
        <translation>keine Datei auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>LeaveQuestion</name>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: %1. Leaving the page discards them.</source>
        <translation>Diese Karten haben ungespeicherte Änderungen: %1. Wer die Seite verlässt, verwirft sie.</translation>
    </message>
    <message>
        <source>Discard and leave</source>
        <translation>Verwerfen und verlassen</translation>
    </message>
</context>
<context>
    <name>ListFooter</name>
    <message>
        <source>Loading more</source>
        <translation>Weitere werden geladen</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <comment>order of a list&apos;s rows</comment>
        <translation>Älteste zuerst</translation>
    </message>
</context>
<context>
    <name>ListPageHeader</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+F)</source>
        <translation>%1 (Strg+F)</translation>
    </message>
</context>
<context>
    <name>ListPlaceholder</name>
    <message>
        <source>Could not load: %1</source>
        <translation>Konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Load the list again</source>
        <translation>Die Liste erneut laden</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
</context>
<context>
    <name>LocalServerCard</name>
    <message>
        <source>Start a local server</source>
        <translation>Lokalen Server starten</translation>
    </message>
    <message>
        <source>Runs a Latchkey server inside this app, with its data on this computer. Nothing to install or configure.</source>
        <translation>Startet einen Latchkey-Server in dieser App, mit seinen Daten auf diesem Computer. Nichts zu installieren oder einzurichten.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Datenordner: %1</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>Läuft unter %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the local server</source>
        <translation>Den lokalen Server öffnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop the local server</source>
        <translation>Den lokalen Server beenden</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
</context>
<context>
    <name>MetaEditor</name>
    <message>
        <source>Meta (JSON)</source>
        <translation>Metadaten (JSON)</translation>
    </message>
    <message>
        <source>e.g. {&quot;plan&quot;: &quot;pro&quot;}</source>
        <translation>z. B. {&quot;plan&quot;: &quot;pro&quot;}</translation>
    </message>
</context>
<context>
    <name>MetaSection</name>
    <message>
        <source>Meta</source>
        <translation>Metadaten</translation>
    </message>
</context>
<context>
    <name>NamedItemList</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>NamespaceActions</name>
    <message>
        <source>Namespace “%1” renamed to “%2”</source>
        <translation>Namensraum „%1“ in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>Namespace “%1” deleted</source>
        <translation>Namensraum „%1“ gelöscht</translation>
    </message>
    <message>
        <source>Delete namespace</source>
        <translation>Namensraum löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the namespace “%1” and its %n override(s)? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.</source>
        <translation>
            <numerusform>Namensraum „%1“ und seine %n Ausnahme löschen? Danach scheitert jeder ratelimit.limit-Aufruf, der ihn nennt, mit 410 (Gone), und sein Name kann für keinen neuen Namensraum mehr verwendet werden.</numerusform>
            <numerusform>Namensraum „%1“ und seine %n Ausnahmen löschen? Danach scheitert jeder ratelimit.limit-Aufruf, der ihn nennt, mit 410 (Gone), und sein Name kann für keinen neuen Namensraum mehr verwendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>NamespaceNameField</name>
    <message>
        <source>Not allowed in a namespace name: %1. Only a–z, A–Z, 0–9 and _ - . are.</source>
        <translation>Im Namen eines Namensraums nicht erlaubt: %1. Erlaubt sind nur a–z, A–Z, 0–9 und _ - .</translation>
    </message>
    <message>
        <source>At most 512 characters.</source>
        <translation>Höchstens 512 Zeichen.</translation>
    </message>
    <message>
        <source>spaces</source>
        <comment>not allowed in a namespace name</comment>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Namespace name</source>
        <translation>Name des Namensraums</translation>
    </message>
    <message>
        <source>The name your ratelimit.limit calls use: letters, digits and %1, e.g. “email.send” or “uploads”.</source>
        <translation>Der Name, den Ihre ratelimit.limit-Aufrufe verwenden: Buchstaben, Ziffern und %1, z. B. „email.send“ oder „uploads“.</translation>
    </message>
</context>
<context>
    <name>NamespacePaneHeader</name>
    <message>
        <source>Overrides of %1</source>
        <translation>Ausnahmen von %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Set override</source>
        <translation>Ausnahme festlegen</translation>
    </message>
</context>
<context>
    <name>NewApiDialog</name>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>Discard this API&apos;s name?</source>
        <translation>Den Namen dieser API verwerfen?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>3 to 256 characters, e.g. “billing-service”.</source>
        <translation>3 bis 256 Zeichen, z. B. „billing-service“.</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>API-Name</translation>
    </message>
</context>
<context>
    <name>NumberSpinBox</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Geben Sie eine ganze Zahl von %1 bis %2 ein.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Set override</source>
        <translation>Ausnahme festlegen</translation>
    </message>
    <message>
        <source>Identifier or pattern</source>
        <translation>Kennung oder Muster</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Requests allowed per window; 0 blocks every matching identifier.</source>
        <translation>Erlaubte Anfragen pro Zeitfenster; 0 sperrt jede passende Kennung.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Länge des Zeitfensters</translation>
    </message>
    <message>
        <source>Window unit</source>
        <translation>Einheit des Zeitfensters</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>New namespace</source>
        <translation>Neuer Namensraum</translation>
    </message>
    <message>
        <source>At most 512 characters.</source>
        <translation>Höchstens 512 Zeichen.</translation>
    </message>
    <message>
        <source>“**” matches the same as a single “*”: write one * for any run of characters.</source>
        <translation>„**“ passt auf dasselbe wie ein einzelnes „*“: Schreiben Sie ein * für beliebig viele Zeichen.</translation>
    </message>
    <message>
        <source>Identifiers cannot contain tabs, line breaks or other control characters.</source>
        <translation>Kennungen dürfen keine Tabulatoren, Zeilenumbrüche oder anderen Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Exactly the identifier “%1”.</source>
        <translation>Genau die Kennung „%1“.</translation>
    </message>
    <message>
        <source>Every identifier of the namespace.</source>
        <translation>Jede Kennung des Namensraums.</translation>
    </message>
    <message>
        <source>Every identifier that contains “%1”.</source>
        <translation>Jede Kennung, die „%1“ enthält.</translation>
    </message>
    <message>
        <source>Every identifier that starts with “%1”.</source>
        <translation>Jede Kennung, die mit „%1“ beginnt.</translation>
    </message>
    <message>
        <source>Every identifier that ends with “%1”.</source>
        <translation>Jede Kennung, die auf „%1“ endet.</translation>
    </message>
    <message>
        <source>Every identifier of the form “%1”, each * standing for any characters.</source>
        <translation>Jede Kennung der Form „%1“, wobei jedes * für beliebige Zeichen steht.</translation>
    </message>
    <message>
        <source>First override (optional)</source>
        <translation>Erste Ausnahme (optional)</translation>
    </message>
    <message>
        <source>Leave empty for no override.</source>
        <translation>Leer lassen für keine Ausnahme.</translation>
    </message>
    <message>
        <source>* stands for any run of characters, also none: “admin_*” matches admin_1 and admin_, “*_test” matches user_test, “*” matches every identifier. Everything else must match exactly (case matters). An exact identifier wins over patterns; among patterns the longest wins.</source>
        <translation>* steht für beliebig viele Zeichen, auch keine: „admin_*“ passt auf admin_1 und admin_, „*_test“ auf user_test, „*“ auf jede Kennung. Alles andere muss genau übereinstimmen (Groß- und Kleinschreibung zählt). Eine genaue Kennung hat Vorrang vor Mustern; unter Mustern gewinnt das längste.</translation>
    </message>
    <message>
        <source>Discard this namespace&apos;s details?</source>
        <translation>Angaben zu diesem Namensraum verwerfen?</translation>
    </message>
    <message>
        <source>Discard this override&apos;s details?</source>
        <translation>Angaben zu dieser Ausnahme verwerfen?</translation>
    </message>
    <message>
        <source>Set override in “%1”</source>
        <translation>Ausnahme in „%1“ festlegen</translation>
    </message>
    <message>
        <source>d</source>
        <comment>days</comment>
        <translation>Tage</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours</comment>
        <translation>Std.</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes</comment>
        <translation>Min.</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>“%1” has an override already: %2. Saving replaces it.</source>
        <translation>„%1“ hat bereits eine Ausnahme: %2. Speichern ersetzt sie.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Create an API first</source>
        <translation>Legen Sie zuerst eine API an</translation>
    </message>
    <message>
        <source>Every key belongs to an API, one per service you protect. Create one, then issue keys for it.</source>
        <translation>Jeder Schlüssel gehört zu einer API, eine für jeden geschützten Dienst. Legen Sie eine an und stellen Sie dann Schlüssel für sie aus.</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
</context>
<context>
    <name>OwnerDetailPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issue key for this owner</source>
        <translation>Schlüssel für diesen Inhaber ausstellen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>This owner does not exist (any more).</source>
        <translation>Diesen Inhaber gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Shared rate limits</source>
        <translation>Gemeinsame Ratenlimits</translation>
    </message>
    <message>
        <source>Keys (%1)</source>
        <translation>Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Keys of the owner</source>
        <translation>Schlüssel des Inhabers</translation>
    </message>
    <message>
        <source>No keys</source>
        <translation>Keine Schlüssel</translation>
    </message>
    <message>
        <source>Issue this owner a key with “Issue key for this owner”.</source>
        <translation>Stellen Sie diesem Inhaber mit „Schlüssel für diesen Inhaber ausstellen“ einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>Shared by all the owner&apos;s keys.</source>
        <translation>Gelten gemeinsam für alle Schlüssel des Inhabers.</translation>
    </message>
    <message>
        <source>No shared rate limits: the owner&apos;s keys are limited only by their own rate limits.</source>
        <translation>Keine gemeinsamen Ratenlimits: Die Schlüssel des Inhabers sind nur durch ihre eigenen Ratenlimits begrenzt.</translation>
    </message>
</context>
<context>
    <name>OwnerMatches</name>
    <message>
        <source>Existing owner.</source>
        <translation>Vorhandener Inhaber.</translation>
    </message>
    <message>
        <source>No owner “%1” yet: a new owner is created with the key.</source>
        <translation>Noch kein Inhaber „%1“: Mit dem Schlüssel wird ein neuer Inhaber angelegt.</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Meinten Sie:</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>Inhaber %1</translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message>
        <source>Owners</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Search owners by external id</source>
        <translation>Inhaber nach externer ID suchen</translation>
    </message>
    <message>
        <source>New owner</source>
        <translation>Neuer Inhaber</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>Inhaber %1</translation>
    </message>
    <message numerus="yes">
        <source>%n shared rate limit(s)</source>
        <translation>
            <numerusform>%n gemeinsames Ratenlimit</numerusform>
            <numerusform>%n gemeinsame Ratenlimits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner %1, %n key(s)</source>
        <translation>
            <numerusform>Inhaber %1, %n Schlüssel</numerusform>
            <numerusform>Inhaber %1, %n Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>No owner matches “%1”.</source>
        <translation>Kein Inhaber passt zu „%1“.</translation>
    </message>
    <message>
        <source>No owners yet</source>
        <translation>Noch keine Inhaber</translation>
    </message>
    <message>
        <source>Search matches any part of the external id or the id, ignoring case.</source>
        <translation>Die Suche findet jeden Teil der externen ID oder der ID, ohne Groß- und Kleinschreibung zu beachten.</translation>
    </message>
    <message>
        <source>Owners are created when a key is issued with an external id, or with “New owner”.</source>
        <translation>Inhaber entstehen, wenn ein Schlüssel mit externer ID ausgestellt wird, oder über „Neuer Inhaber“.</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Your system&apos;s id for this customer, e.g. “user_123” or “org_acme”.</source>
        <translation>Die ID dieses Kunden in Ihrem System, z. B. „user_123“ oder „org_acme“.</translation>
    </message>
    <message>
        <source>Discard this owner&apos;s external id?</source>
        <translation>Die externe ID dieses Inhabers verwerfen?</translation>
    </message>
    <message>
        <source>Open owner</source>
        <translation>Inhaber öffnen</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Permissions &amp; roles</source>
        <translation>Berechtigungen &amp; Rollen</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>Root keys</source>
        <translation>Root-Schlüssel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>PermissionPicker</name>
    <message>
        <source>Permission, e.g. documents.read</source>
        <translation>Berechtigung, z. B. documents.read</translation>
    </message>
    <message>
        <source>Add a permission</source>
        <translation>Berechtigung hinzufügen</translation>
    </message>
    <message>
        <source>No direct permissions.</source>
        <translation>Keine direkten Berechtigungen.</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Erteilen</translation>
    </message>
    <message>
        <source>Grant %1</source>
        <comment>the highlighted permission that Enter grants</comment>
        <translation>%1 erteilen</translation>
    </message>
    <message>
        <source>At most 128 characters.</source>
        <translation>Höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>Create and grant</source>
        <translation>Anlegen und erteilen</translation>
    </message>
    <message>
        <source>Create permission “%1” for the whole workspace</source>
        <translation>Berechtigung „%1“ für den ganzen Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>Only letters, digits and %1 are allowed.</source>
        <translation>Nur Buchstaben, Ziffern und %1 sind erlaubt.</translation>
    </message>
</context>
<context>
    <name>PermissionWords</name>
    <message>
        <source>Create APIs</source>
        <translation>APIs erstellen</translation>
    </message>
    <message>
        <source>View APIs</source>
        <translation>APIs ansehen</translation>
    </message>
    <message>
        <source>Edit APIs</source>
        <translation>APIs bearbeiten</translation>
    </message>
    <message>
        <source>Delete APIs</source>
        <translation>APIs löschen</translation>
    </message>
    <message>
        <source>Issue keys</source>
        <translation>Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>View keys</source>
        <translation>Schlüssel ansehen</translation>
    </message>
    <message>
        <source>Edit keys</source>
        <translation>Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Verify keys</source>
        <translation>Schlüssel verifizieren</translation>
    </message>
    <message>
        <source>Store keys recoverably</source>
        <translation>Schlüssel wiederherstellbar speichern</translation>
    </message>
    <message>
        <source>Show stored keys</source>
        <translation>Gespeicherte Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>View analytics</source>
        <translation>Analysen ansehen</translation>
    </message>
    <message>
        <source>Check rate limits</source>
        <translation>Ratenlimits prüfen</translation>
    </message>
    <message>
        <source>Create namespaces</source>
        <translation>Namensräume erstellen</translation>
    </message>
    <message>
        <source>View namespaces</source>
        <translation>Namensräume ansehen</translation>
    </message>
    <message>
        <source>Edit namespaces</source>
        <translation>Namensräume bearbeiten</translation>
    </message>
    <message>
        <source>Delete namespaces</source>
        <translation>Namensräume löschen</translation>
    </message>
    <message>
        <source>Set overrides</source>
        <translation>Ausnahmen festlegen</translation>
    </message>
    <message>
        <source>View overrides</source>
        <translation>Ausnahmen ansehen</translation>
    </message>
    <message>
        <source>Delete overrides</source>
        <translation>Ausnahmen löschen</translation>
    </message>
    <message>
        <source>Create permissions</source>
        <translation>Berechtigungen erstellen</translation>
    </message>
    <message>
        <source>View permissions</source>
        <translation>Berechtigungen ansehen</translation>
    </message>
    <message>
        <source>Edit permissions</source>
        <translation>Berechtigungen bearbeiten</translation>
    </message>
    <message>
        <source>Delete permissions</source>
        <translation>Berechtigungen löschen</translation>
    </message>
    <message>
        <source>Create roles</source>
        <translation>Rollen erstellen</translation>
    </message>
    <message>
        <source>View roles</source>
        <translation>Rollen ansehen</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Rollen bearbeiten</translation>
    </message>
    <message>
        <source>Delete roles</source>
        <translation>Rollen löschen</translation>
    </message>
    <message>
        <source>Give keys permissions</source>
        <translation>Schlüsseln Berechtigungen geben</translation>
    </message>
    <message>
        <source>Take permissions from keys</source>
        <translation>Schlüsseln Berechtigungen entziehen</translation>
    </message>
    <message>
        <source>Give keys roles</source>
        <translation>Schlüsseln Rollen geben</translation>
    </message>
    <message>
        <source>Take roles from keys</source>
        <translation>Schlüsseln Rollen entziehen</translation>
    </message>
    <message>
        <source>Add permissions to roles</source>
        <translation>Rollen Berechtigungen geben</translation>
    </message>
    <message>
        <source>Remove permissions from roles</source>
        <translation>Rollen Berechtigungen entziehen</translation>
    </message>
    <message>
        <source>Create owners</source>
        <translation>Inhaber anlegen</translation>
    </message>
    <message>
        <source>View owners</source>
        <translation>Inhaber ansehen</translation>
    </message>
    <message>
        <source>Edit owners</source>
        <translation>Inhaber bearbeiten</translation>
    </message>
    <message>
        <source>Delete owners</source>
        <translation>Inhaber löschen</translation>
    </message>
    <message>
        <source>Create root keys</source>
        <translation>Root-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>View root keys</source>
        <translation>Root-Schlüssel ansehen</translation>
    </message>
    <message>
        <source>Delete root keys</source>
        <translation>Root-Schlüssel löschen</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Audit-Log lesen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a permission in words and the one API or namespace it is limited to</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Your root key lacks the permission “%1” (%2).</source>
        <comment>%1: the permission in words (“Edit keys”), %2: its name</comment>
        <translation>Ihrem Root-Schlüssel fehlt die Berechtigung „%1“ (%2).</translation>
    </message>
    <message>
        <source>View verification analytics</source>
        <translation>Verifizierungsanalysen ansehen</translation>
    </message>
    <message>
        <source>View rate-limit analytics</source>
        <translation>Ratenlimit-Analysen ansehen</translation>
    </message>
</context>
<context>
    <name>PermissionsPage</name>
    <message>
        <source>Add new</source>
        <comment>a permission created when the role is created</comment>
        <translation>Neu hinzufügen</translation>
    </message>
    <message>
        <source>Permissions &amp; roles</source>
        <translation>Berechtigungen &amp; Rollen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Search permissions</source>
        <translation>Berechtigungen suchen</translation>
    </message>
    <message>
        <source>New permission</source>
        <translation>Neue Berechtigung</translation>
    </message>
    <message>
        <source>No permissions yet</source>
        <translation>Noch keine Berechtigungen</translation>
    </message>
    <message>
        <source>A permission is a slug like “documents.read” that keys or roles grant; verifications can demand it.</source>
        <translation>Eine Berechtigung ist ein Kürzel wie „documents.read“, das Schlüssel oder Rollen gewähren; Verifizierungen können es verlangen.</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Search roles</source>
        <translation>Rollen suchen</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>No roles yet</source>
        <translation>Noch keine Rollen</translation>
    </message>
    <message>
        <source>A role bundles permissions, e.g. “support” with “tickets.read” and “tickets.write”.</source>
        <translation>Eine Rolle bündelt Berechtigungen, z. B. „support“ mit „tickets.read“ und „tickets.write“.</translation>
    </message>
    <message>
        <source>no permissions</source>
        <translation>keine Berechtigungen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the permission “%1”? Keys and roles that grant it lose it.</source>
        <translation>Die Berechtigung „%1“ löschen? Schlüssel und Rollen, die sie gewähren, verlieren sie.</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Permission slug</source>
        <translation>Kürzel der Berechtigung</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>Beschreibung (optional)</translation>
    </message>
    <message>
        <source>Permission description</source>
        <translation>Beschreibung der Berechtigung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role name</source>
        <translation>Rollenname</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Beschreibung der Rolle</translation>
    </message>
    <message>
        <source>Permissions (optional)</source>
        <translation>Berechtigungen (optional)</translation>
    </message>
    <message>
        <source>Missing ones are created with the role.</source>
        <translation>Fehlende werden mit der Rolle angelegt.</translation>
    </message>
    <message>
        <source>This role grants no permissions.</source>
        <translation>Diese Rolle gewährt keine Berechtigungen.</translation>
    </message>
    <message>
        <source>Discard this permission&apos;s details?</source>
        <translation>Angaben zu dieser Berechtigung verwerfen?</translation>
    </message>
    <message>
        <source>Discard this role&apos;s details?</source>
        <translation>Angaben zu dieser Rolle verwerfen?</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Delete permission</source>
        <translation>Berechtigung löschen</translation>
    </message>
    <message>
        <source>Delete the role “%1”? Every key that holds it, in every API, loses the permissions it grants at once. This cannot be undone.</source>
        <translation>Die Rolle „%1“ löschen? Jeder Schlüssel, der sie hat, in jeder API, verliert sofort die Berechtigungen, die sie gewährt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>spaces</source>
        <comment>not allowed in a permission slug</comment>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Letters, digits and %1, e.g. “documents.read”.</source>
        <translation>Buchstaben, Ziffern und %1, z. B. „documents.read“.</translation>
    </message>
    <message>
        <source>Not allowed in a slug: %1. Only letters, digits and %2 are.</source>
        <translation>Nicht erlaubt: %1. Ein Kürzel besteht nur aus Buchstaben, Ziffern und %2.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a character not allowed in a permission slug, quoted</comment>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>RatelimitPage</name>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Filter namespaces</source>
        <translation>Namensräume filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Delete override</source>
        <translation>Ausnahme löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namensräume</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1, %n override(s)</source>
        <translation>
            <numerusform>Namensraum %1, %n Ausnahme</numerusform>
            <numerusform>Namensraum %1, %n Ausnahmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n override(s)</source>
        <translation>
            <numerusform>%n Ausnahme</numerusform>
            <numerusform>%n Ausnahmen</numerusform>
        </translation>
    </message>
    <message>
        <source>No namespaces yet</source>
        <translation>Noch keine Namensräume</translation>
    </message>
    <message>
        <source>Create one here, or let your service&apos;s first ratelimit.limit call create it.</source>
        <translation>Legen Sie hier einen an, oder der erste ratelimit.limit-Aufruf Ihres Dienstes legt ihn an.</translation>
    </message>
    <message>
        <source>No namespace matches “%1”.</source>
        <translation>Kein Namensraum passt zu „%1“.</translation>
    </message>
    <message>
        <source>Clear the filter to see every namespace.</source>
        <translation>Leeren Sie den Filter, um alle Namensräume zu sehen.</translation>
    </message>
    <message>
        <source>A namespace is made with “New namespace”, or by the first ratelimit.limit call that names it. Its overrides and charts then appear here.</source>
        <translation>Ein Namensraum entsteht mit „Neuer Namensraum“ oder beim ersten ratelimit.limit-Aufruf, der ihn nennt. Seine Ausnahmen und Diagramme erscheinen dann hier.</translation>
    </message>
    <message>
        <source>Choose a namespace</source>
        <translation>Namensraum wählen</translation>
    </message>
    <message>
        <source>Its overrides and charts appear here.</source>
        <translation>Seine Ausnahmen und Diagramme erscheinen hier.</translation>
    </message>
    <message>
        <source>No namespace to choose</source>
        <translation>Kein Namensraum zur Auswahl</translation>
    </message>
    <message>
        <source>This root key may not read rate-limit namespaces, so there are no overrides or charts to show here.</source>
        <translation>Dieser Root-Schlüssel darf keine Rate-Limit-Namensräume lesen, daher gibt es hier keine Ausnahmen und Diagramme.</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Override %1: %2 per %3</source>
        <translation>Ausnahme %1: %2 pro %3</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 pro %2</translation>
    </message>
    <message>
        <source>No overrides</source>
        <translation>Keine Ausnahmen</translation>
    </message>
    <message>
        <source>Every identifier gets the limit its request asks for. “Set override” gives chosen identifiers (or patterns) another limit.</source>
        <translation>Jede Kennung erhält das Limit, das ihre Anfrage verlangt. „Ausnahme festlegen“ gibt ausgewählten Kennungen (oder Mustern) ein anderes Limit.</translation>
    </message>
    <message>
        <source>New namespace</source>
        <translation>Neuer Namensraum</translation>
    </message>
    <message>
        <source>The namespace “%1” does not exist (any more).</source>
        <translation>Den Namensraum „%1“ gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the namespaces</source>
        <translation>Zurück zu den Namensräumen</translation>
    </message>
    <message>
        <source>Override for “%1” saved</source>
        <translation>Ausnahme für „%1“ gespeichert</translation>
    </message>
    <message>
        <source>Delete the override for “%1”? The identifiers it covers then follow another override that matches them (a wildcard), or else the limit given in each request.</source>
        <translation>Die Ausnahme für „%1“ löschen? Die Kennungen, für die sie gilt, folgen dann einer anderen passenden Ausnahme (einem Platzhalter) oder sonst dem Limit aus der jeweiligen Anfrage.</translation>
    </message>
</context>
<context>
    <name>RatelimitsEditor</name>
    <message>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes</comment>
        <translation>Min.</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours</comment>
        <translation>Std.</translation>
    </message>
    <message>
        <source>d</source>
        <comment>days</comment>
        <translation>Tage</translation>
    </message>
    <message>
        <source>No rate limits: this key can be verified as often as the server allows.</source>
        <translation>Keine Ratenlimits: Dieser Schlüssel kann so oft verifiziert werden, wie der Server erlaubt.</translation>
    </message>
    <message>
        <source>Name, e.g. requests</source>
        <translation>Name, z. B. requests</translation>
    </message>
    <message>
        <source>Rate limit name</source>
        <translation>Name des Ratenlimits</translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation>Erlaubte Anfragen pro Zeitfenster</translation>
    </message>
    <message>
        <source>per</source>
        <translation>pro</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Länge des Zeitfensters</translation>
    </message>
    <message>
        <source>Window unit</source>
        <translation>Einheit des Zeitfensters</translation>
    </message>
    <message>
        <source>Auto-apply</source>
        <translation>Automatisch anwenden</translation>
    </message>
    <message>
        <source>Checked on every verification, without naming it in the request</source>
        <translation>Bei jeder Verifizierung geprüft, ohne es in der Anfrage zu nennen</translation>
    </message>
    <message>
        <source>Remove rate limit %1</source>
        <translation>Ratenlimit %1 entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add rate limit</source>
        <translation>Ratenlimit hinzufügen</translation>
    </message>
</context>
<context>
    <name>RatelimitsSection</name>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
</context>
<context>
    <name>RecentConnections</name>
    <message>
        <source>root key in the keychain</source>
        <translation>Root-Schlüssel im Schlüsselbund</translation>
    </message>
    <message>
        <source>root key not stored</source>
        <translation>Root-Schlüssel nicht gespeichert</translation>
    </message>
    <message>
        <source>last used %1</source>
        <translation>zuletzt verwendet %1</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Forget %1</source>
        <translation>%1 vergessen</translation>
    </message>
</context>
<context>
    <name>RenameNamespaceDialog</name>
    <message>
        <source>Rename namespace “%1”</source>
        <translation>Namensraum „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Discard the new name?</source>
        <translation>Neuen Namen verwerfen?</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <source>Its overrides, its counters and its id stay. Calls that still name “%1” no longer reach it: ratelimit.limit makes a new namespace of that name for them. Change them to the new name.</source>
        <translation>Seine Ausnahmen, Zähler und ID bleiben. Aufrufe, die noch „%1“ nennen, erreichen ihn nicht mehr: ratelimit.limit legt für sie einen neuen Namensraum dieses Namens an. Stellen Sie sie auf den neuen Namen um.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role “%1”</source>
        <translation>Rolle „%1“</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>This role grants no permissions.</source>
        <translation>Diese Rolle gewährt keine Berechtigungen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <source>Role, e.g. support</source>
        <translation>Rolle, z. B. support</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>No roles.</source>
        <translation>Keine Rollen.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Grants %1.</source>
        <comment>a role: the permissions it grants</comment>
        <translation>Gewährt %1.</translation>
    </message>
    <message>
        <source>Grants no permissions.</source>
        <comment>a role</comment>
        <translation>Gewährt keine Berechtigungen.</translation>
    </message>
    <message>
        <source>New role: grants no permissions until some are added under Permissions &amp; roles.</source>
        <translation>Neue Rolle: gewährt keine Berechtigungen, bis unter „Berechtigungen &amp; Rollen“ welche hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Create role “%1” for the whole workspace</source>
        <translation>Rolle „%1“ für den ganzen Arbeitsbereich anlegen</translation>
    </message>
</context>
<context>
    <name>RootKeyDialog</name>
    <message>
        <source>New root key</source>
        <translation>Neuer Root-Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. “billing backend”</source>
        <translation>z. B. „Abrechnungs-Backend“</translation>
    </message>
    <message>
        <source>Root key name</source>
        <translation>Name des Root-Schlüssels</translation>
    </message>
    <message>
        <source>Permissions (%1 chosen)</source>
        <translation>Berechtigungen (%1 gewählt)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>APIs and keys</source>
        <translation>APIs und Schlüssel</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>Rollen und Berechtigungen</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation>Root-Schlüssel angelegt</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Wählen Sie mindestens eine Berechtigung.</translation>
    </message>
    <message>
        <source>Discard this root key&apos;s details?</source>
        <translation>Angaben zu diesem Root-Schlüssel verwerfen?</translation>
    </message>
    <message>
        <source>“%1” without “%2”: this key can open a key only by its exact id, with no list of APIs and no Go to by name.</source>
        <translation>„%1“ ohne „%2“: Dieser Schlüssel öffnet einen Schlüssel nur über seine genaue ID, ohne Liste der APIs und ohne „Gehe zu“ nach Namen.</translation>
    </message>
    <message>
        <source>A root key is named “%1” already: give this one a name of its own, so that the list, the audit log and the revoke question tell them apart.</source>
        <translation>Ein Root-Schlüssel heißt bereits „%1“: Geben Sie diesem einen eigenen Namen, damit die Liste, das Audit-Protokoll und die Widerrufsfrage beide unterscheiden.</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>For which APIs</source>
        <translation>Für welche APIs</translation>
    </message>
    <message>
        <source>The APIs and keys permissions apply to this API only; this key cannot create APIs.</source>
        <translation>Die Berechtigungen für APIs und Schlüssel gelten nur für diese API; dieser Schlüssel kann keine APIs anlegen.</translation>
    </message>
    <message>
        <source>APIs this root key may act on</source>
        <translation>APIs, auf die dieser Root-Schlüssel zugreifen darf</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Read-only</source>
        <comment>a root key preset: every View permission</comment>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Ticks every permission that only reads (View …) and unticks the rest.</source>
        <translation>Setzt jede Berechtigung, die nur liest (… ansehen), und entfernt alle anderen.</translation>
    </message>
</context>
<context>
    <name>RootKeyPermissionGroup</name>
    <message>
        <source>All of %1</source>
        <translation>Alle aus %1</translation>
    </message>
    <message>
        <source>Only a key for all APIs can create APIs.</source>
        <translation>Nur ein Schlüssel für alle APIs kann APIs anlegen.</translation>
    </message>
    <message>
        <source>A root key can only grant what it holds itself.</source>
        <translation>Ein Root-Schlüssel kann nur gewähren, was er selbst hat.</translation>
    </message>
</context>
<context>
    <name>RootKeysPage</name>
    <message>
        <source>Root keys</source>
        <translation>Root-Schlüssel</translation>
    </message>
    <message>
        <source>New root key</source>
        <translation>Neuer Root-Schlüssel</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Root key %1</source>
        <translation>Root-Schlüssel %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>(this connection)</source>
        <translation>(diese Verbindung)</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab am %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt am %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>No root keys listed</source>
        <translation>Keine Root-Schlüssel aufgeführt</translation>
    </message>
    <message>
        <source>Revoke root key</source>
        <translation>Root-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Root key id %1</source>
        <translation>Root-Schlüssel-ID %1</translation>
    </message>
    <message>
        <source>This is the key this dashboard is connected with: it cannot revoke itself.</source>
        <translation>Mit diesem Schlüssel ist das Dashboard verbunden: Er kann sich nicht selbst widerrufen.</translation>
    </message>
    <message>
        <source>Root key “%1” revoked</source>
        <translation>Root-Schlüssel „%1“ widerrufen</translation>
    </message>
    <message>
        <source>Revoke “%1” (%2…)? Every program using it loses access at once.</source>
        <translation>„%1“ (%2…) widerrufen? Jedes Programm, das ihn nutzt, verliert sofort den Zugriff.</translation>
    </message>
    <message>
        <source>Revoke the root key %1…? Every program using it loses access at once.</source>
        <translation>Den Root-Schlüssel %1… widerrufen? Jedes Programm, das ihn nutzt, verliert sofort den Zugriff.</translation>
    </message>
</context>
<context>
    <name>SelectEveryKeyOffer</name>
    <message>
        <source>Selecting every key… %1 selected so far.</source>
        <translation>Alle Schlüssel werden ausgewählt… bisher %1 ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n loaded key(s)</source>
        <comment>the selection: not the keys of pages not loaded</comment>
        <translation>
            <numerusform>Nur der %n geladene</numerusform>
            <numerusform>Nur die %n geladenen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n loaded key(s) are selected; the list has more.</source>
        <translation>
            <numerusform>Der %n geladene Schlüssel ist ausgewählt; die Liste hat weitere.</numerusform>
            <numerusform>Alle %n geladenen Schlüssel sind ausgewählt; die Liste hat weitere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel auswählen</numerusform>
            <numerusform>Alle %n Schlüssel auswählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all keys</source>
        <translation>Alle Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop selecting keys</source>
        <translation>Auswahl der Schlüssel abbrechen</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Dates, numbers and durations follow the language, for example: %1 · %2 · %3</source>
        <translation>Datumsangaben, Zahlen und Dauern folgen der Sprache, zum Beispiel: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Serververbindung</translation>
    </message>
</context>
<context>
    <name>ShowOnceKey</name>
    <message>
        <source>Copy this key now. It is not stored in readable form and cannot be shown again.</source>
        <translation>Kopieren Sie diesen Schlüssel jetzt. Er wird nicht lesbar gespeichert und kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <source>Copy this key now. It is stored encrypted: a root key with the decrypt permission can show it again on the key page.</source>
        <translation>Kopieren Sie diesen Schlüssel jetzt. Er wird verschlüsselt gespeichert: Ein Root-Schlüssel mit der Berechtigung zum Entschlüsseln kann ihn auf der Schlüsselseite erneut anzeigen.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>Der neue Schlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Key copied</source>
        <translation>Schlüssel kopiert</translation>
    </message>
    <message>
        <source>Verify it (set ROOT_KEY to a root key with verify permission first)</source>
        <translation>Verifizieren (vorher ROOT_KEY auf einen Root-Schlüssel mit Verifizierungsrecht setzen)</translation>
    </message>
    <message>
        <source>Command to verify the key</source>
        <translation>Befehl zum Verifizieren des Schlüssels</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Command copied</source>
        <translation>Befehl kopiert</translation>
    </message>
    <message>
        <source>Verify it (the first line reads the local server&apos;s root key from %1)</source>
        <translation>Verifizieren (die erste Zeile liest den Root-Schlüssel des lokalen Servers aus %1)</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <source>Close without copying the key?</source>
        <translation>Schließen, ohne den Schlüssel zu kopieren?</translation>
    </message>
    <message>
        <source>The key has not been copied, and it cannot be shown again: once this dialog is closed, it is gone for good.</source>
        <translation>Der Schlüssel wurde nicht kopiert und kann nicht noch einmal angezeigt werden: Ist dieser Dialog geschlossen, ist er endgültig verloren.</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>close the dialog and lose the key shown once</comment>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Back to the key</source>
        <translation>Zurück zum Schlüssel</translation>
    </message>
    <message>
        <source>The key has not been copied, and it cannot be shown again: once the window is closed, it is gone for good.</source>
        <translation>Der Schlüssel wurde nicht kopiert und kann nicht noch einmal angezeigt werden: Ist das Fenster geschlossen, ist er endgültig verloren.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
    <message>
        <source>Issue key</source>
        <translation>Schlüssel ausstellen</translation>
    </message>
    <message>
        <source>Issue a new key (Ctrl+N)</source>
        <translation>Neuen Schlüssel ausstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Root key: %1</source>
        <translation>Root-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Disconnect from the server</source>
        <translation>Verbindung zum Server trennen</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No root key is stored for this server. Enter it to connect.</source>
        <translation>Für diesen Server ist kein Root-Schlüssel gespeichert. Geben Sie ihn ein, um sich zu verbinden.</translation>
    </message>
    <message>
        <source>Latchkey</source>
        <translation>Latchkey</translation>
    </message>
    <message>
        <source>Issue and manage API keys, rate limits, credits and permissions.</source>
        <translation>API-Schlüssel, Ratenlimits, Credits und Berechtigungen ausstellen und verwalten.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Server address, e.g. https://keys.example.com</source>
        <translation>Serveradresse, z. B. https://keys.example.com</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Root key</source>
        <translation>Root-Schlüssel</translation>
    </message>
    <message>
        <source>Remember this server and keep the root key in the system keychain</source>
        <translation>Diesen Server merken und den Root-Schlüssel im Schlüsselbund des Systems ablegen</translation>
    </message>
    <message>
        <source>Remember this server</source>
        <translation>Diesen Server merken</translation>
    </message>
    <message>
        <source>Remember this server (the root key cannot be stored: no keychain)</source>
        <translation>Diesen Server merken (der Root-Schlüssel kann nicht gespeichert werden: kein Schlüsselbund)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to the server</source>
        <translation>Mit dem Server verbinden</translation>
    </message>
    <message>
        <source>Send the root key unencrypted?</source>
        <translation>Root-Schlüssel unverschlüsselt senden?</translation>
    </message>
    <message>
        <source>%1 uses plain http:// to another machine. Anyone on the network path can read the root key and act with its permissions. Use https:// unless this network is fully trusted.</source>
        <translation>%1 verwendet unverschlüsseltes http:// zu einem anderen Rechner. Jeder auf dem Netzwerkweg kann den Root-Schlüssel mitlesen und mit seinen Berechtigungen handeln. Verwenden Sie https://, sofern Sie diesem Netzwerk nicht voll vertrauen.</translation>
    </message>
    <message>
        <source>Connect anyway</source>
        <translation>Trotzdem verbinden</translation>
    </message>
    <message>
        <source>The server is not answering… It accepted the connection but has not replied yet.</source>
        <translation>Der Server antwortet nicht… Er hat die Verbindung angenommen, aber noch nicht geantwortet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel connecting</source>
        <translation>Verbindungsaufbau abbrechen</translation>
    </message>
</context>
<context>
    <name>TagListEditor</name>
    <message>
        <source>No suggestions: %1</source>
        <translation>Keine Vorschläge: %1</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <comment>a chosen permission or role not created yet</comment>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Create and add</source>
        <translation>Anlegen und hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>the highlighted suggestion that Enter adds</comment>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Create “%1” for the whole workspace</source>
        <translation>„%1“ für den ganzen Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>“%1” does not exist yet. Enter adds only existing ones; to create it for the whole workspace, choose the entry below.</source>
        <translation>„%1“ gibt es noch nicht. Die Eingabetaste fügt nur vorhandene hinzu; um es für den ganzen Arbeitsbereich anzulegen, wählen Sie den Eintrag darunter.</translation>
    </message>
</context>
<context>
    <name>ThemePicker</name>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Theme: like the system</source>
        <translation>Erscheinungsbild: wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Theme: light</source>
        <translation>Erscheinungsbild: hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme: dark</source>
        <translation>Erscheinungsbild: dunkel</translation>
    </message>
</context>
<context>
    <name>TimeRanges</name>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
</context>
<context>
    <name>UsageCharts</name>
    <message>
        <source>Fewer charts</source>
        <translation>Weniger Diagramme</translation>
    </message>
    <message>
        <source>All charts</source>
        <translation>Alle Diagramme</translation>
    </message>
</context>
<context>
    <name>UsageExportBar</name>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with this export?</source>
        <translation>%1 existiert bereits. Durch diesen Export ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message numerus="yes">
        <source>%n verification(s) written to %1.</source>
        <translation>
            <numerusform>%n Verifizierung nach %1 geschrieben.</numerusform>
            <numerusform>%n Verifizierungen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export usage of %1</source>
        <translation>Nutzung von %1 exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write there: %1</source>
        <translation>Dort kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Export usage as CSV…</source>
        <translation>Nutzung als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open the folder of the exported file</source>
        <translation>Den Ordner der exportierten Datei öffnen</translation>
    </message>
    <message>
        <source>Period to export</source>
        <translation>Zu exportierender Zeitraum</translation>
    </message>
    <message>
        <source>Verifications written: %1 of about %2</source>
        <translation>Geschriebene Verifizierungen: %1 von etwa %2</translation>
    </message>
    <message>
        <source>Verifications written: %1</source>
        <translation>Geschriebene Verifizierungen: %1</translation>
    </message>
</context>
</TS>
