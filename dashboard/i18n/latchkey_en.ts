<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AuditLogPage</name>
        <message numerus="yes">
            <source>%n more key(s) with this name not shown</source>
            <translation>
                <numerusform>%n more key with this name not shown</numerusform>
                <numerusform>%n more keys with this name not shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more key(s) with this start not shown</source>
            <translation>
                <numerusform>%n more key with this start not shown</numerusform>
                <numerusform>%n more keys with this start not shown</numerusform>
            </translation>
        </message>
    </context>
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
        <name>KeysPage</name>
        <message numerus="yes">
            <source>Searching… %n key(s) checked</source>
            <translation>
                <numerusform>Searching… %n key checked</numerusform>
                <numerusform>Searching… %n keys checked</numerusform>
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
            <source>Delete %n selected key(s)? Verifications of deleted keys fail at once; this cannot be undone.</source>
            <translation>
                <numerusform>Delete the selected key? Verifications of deleted keys fail at once; this cannot be undone.</numerusform>
                <numerusform>Delete %n selected keys? Verifications of deleted keys fail at once; this cannot be undone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n selected</numerusform>
                <numerusform>%n selected</numerusform>
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
