<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApisPage</name>
    <message numerus="yes">
        <source>API %1, %n key(s)</source>
        <translation>
            <numerusform>API %1, %n key</numerusform>
            <numerusform>API %1, %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the API “%1” and its %n key(s)? Every program using one of them is refused at once. This cannot be undone.</source>
        <translation>
            <numerusform>Delete the API “%1” and its %n key? Every program using it is refused at once. This cannot be undone.</numerusform>
            <numerusform>Delete the API “%1” and its %n keys? Every program using one of them is refused at once. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogFilters</name>
    <message numerus="yes">
        <source>%n more key(s) with this start not shown</source>
        <translation>
            <numerusform>%n more key with this start not shown</numerusform>
            <numerusform>%n more keys with this start not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more root key(s) with this name not shown</source>
        <translation>
            <numerusform>%n more root key with this name not shown</numerusform>
            <numerusform>%n more root keys with this name not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other root key(s) contain it, not shown: %1. Type more of the name for another.</source>
        <translation>
            <numerusform>%n other root key contains it, not shown: %1. Type more of the name for another.</numerusform>
            <numerusform>%n other root keys contain it, not shown: %1. Type more of the name for another.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionSummary</name>
    <message numerus="yes">
        <source>%n permission(s)</source>
        <translation>
            <numerusform>%n permission</numerusform>
            <numerusform>%n permissions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message numerus="yes">
        <source>%n more match(es) not shown: type more of the name.</source>
        <translation>
            <numerusform>%n more match not shown: type more of the name.</numerusform>
            <numerusform>%n more matches not shown: type more of the name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysBulkRun</name>
    <message numerus="yes">
        <source>%n key(s) disabled.</source>
        <translation>
            <numerusform>%n key disabled.</numerusform>
            <numerusform>%n keys disabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) enabled.</source>
        <translation>
            <numerusform>%n key enabled.</numerusform>
            <numerusform>%n keys enabled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) deleted.</source>
        <translation>
            <numerusform>%n key deleted.</numerusform>
            <numerusform>%n keys deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n failed.</numerusform>
            <numerusform>%n failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.</source>
        <translation>
            <numerusform>Delete the selected key? Verifications of deleted keys fail at once; this cannot be undone.</numerusform>
            <numerusform>Delete %n selected keys? Verifications of deleted keys fail at once; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n selected key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>Disable the selected key? Its verifications fail until it is enabled again.</numerusform>
            <numerusform>Disable %n selected keys? Their verifications fail until they are enabled again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n key(s)? Their verifications fail until they are enabled again.</source>
        <translation>
            <numerusform>Disable %n key? Its verifications fail until it is enabled again.</numerusform>
            <numerusform>Disable %n keys? Their verifications fail until they are enabled again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already disabled and stays so.</source>
        <translation>
            <numerusform>%n of the selected keys is already disabled and stays so.</numerusform>
            <numerusform>%n of the selected keys are already disabled and stay so.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n selected key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>Enable the selected key? It verifies again, unless it is expired or out of credits.</numerusform>
            <numerusform>Enable %n selected keys? They verify again, unless they are expired or out of credits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n key(s)? They verify again, unless they are expired or out of credits.</source>
        <translation>
            <numerusform>Enable %n key? It verifies again, unless it is expired or out of credits.</numerusform>
            <numerusform>Enable %n keys? They verify again, unless they are expired or out of credits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected keys is already enabled and stays so.</source>
        <translation>
            <numerusform>%n of the selected keys is already enabled and stays so.</numerusform>
            <numerusform>%n of the selected keys are already enabled and stay so.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysListBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message numerus="yes">
        <source>Searching… %n key(s) checked</source>
        <translation>
            <numerusform>Searching… %n key checked</numerusform>
            <numerusform>Searching… %n keys checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Latchkey::Dashboard::Formatter</name>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln day</numerusform>
            <numerusform>in %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln hour(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln hour</numerusform>
            <numerusform>in %Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>%Ln hour ago</numerusform>
            <numerusform>%Ln hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln minute(s)</source>
        <comment>relative time in the future</comment>
        <translation>
            <numerusform>in %Ln minute</numerusform>
            <numerusform>in %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s) ago</source>
        <comment>relative time in the past</comment>
        <translation>
            <numerusform>%Ln minute ago</numerusform>
            <numerusform>%Ln minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NamespaceActions</name>
    <message numerus="yes">
        <source>Delete the namespace “%1” and its %n override(s)? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.</source>
        <translation>
            <numerusform>Delete the namespace “%1” and its %n override? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.</numerusform>
            <numerusform>Delete the namespace “%1” and its %n overrides? From then on every ratelimit.limit call naming it fails with 410 (Gone), and its name cannot be used for a new namespace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message numerus="yes">
        <source>%n shared rate limit(s)</source>
        <translation>
            <numerusform>%n shared rate limit</numerusform>
            <numerusform>%n shared rate limits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owner %1, %n key(s)</source>
        <translation>
            <numerusform>Owner %1, %n key</numerusform>
            <numerusform>Owner %1, %n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RatelimitPage</name>
    <message numerus="yes">
        <source>Namespace %1, %n override(s)</source>
        <translation>
            <numerusform>Namespace %1, %n override</numerusform>
            <numerusform>Namespace %1, %n overrides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n override(s)</source>
        <translation>
            <numerusform>%n override</numerusform>
            <numerusform>%n overrides</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectEveryKeyOffer</name>
    <message numerus="yes">
        <source>Only the %n loaded key(s)</source>
        <comment>the selection: not the keys of pages not loaded</comment>
        <translation>
            <numerusform>Only the %n loaded key</numerusform>
            <numerusform>Only the %n loaded keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n loaded key(s) are selected; the list has more.</source>
        <translation>
            <numerusform>The %n loaded key is selected; the list has more.</numerusform>
            <numerusform>All %n loaded keys are selected; the list has more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %n key(s)</source>
        <translation>
            <numerusform>Select the %n key</numerusform>
            <numerusform>Select all %n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageExportBar</name>
    <message numerus="yes">
        <source>%n verification(s) written to %1.</source>
        <translation>
            <numerusform>%n verification written to %1.</numerusform>
            <numerusform>%n verifications written to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
