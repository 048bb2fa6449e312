<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/export_dialog.py" line="+100"/>
        <source>%n tunnel(s) to export into a folder, with copies of their private keys (readable only by you); the report then says what to copy where.</source>
        <translation>
            <numerusform>%n tunnel to export into a folder, with a copy of its private key (readable only by you); the report then says what to copy where.</numerusform>
            <numerusform>%n tunnels to export into a folder, with copies of their private keys (readable only by you); the report then says what to copy where.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n tunnel(s) to export. Private keys are not copied; the export refers to their files.</source>
        <translation>
            <numerusform>%n tunnel to export. Its private key is not copied; the export refers to its file.</numerusform>
            <numerusform>%n tunnels to export. Private keys are not copied; the export refers to their files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Exported %n tunnel(s) to {p}</source>
        <translation>
            <numerusform>Exported %n tunnel to {p}</numerusform>
            <numerusform>Exported %n tunnels to {p}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/import_dialog.py" line="+207"/>
        <source>%n tunnel(s) to add, {s} skipped</source>
        <translation>
            <numerusform>%n tunnel to add, {s} skipped</numerusform>
            <numerusform>%n tunnels to add, {s} skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n error(s): nothing is imported unless you confirm below</source>
        <translation>
            <numerusform>; %n error: nothing is imported unless you confirm below</numerusform>
            <numerusform>; %n errors: nothing is imported unless you confirm below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Imported %n tunnel(s)</source>
        <translation>
            <numerusform>Imported %n tunnel</numerusform>
            <numerusform>Imported %n tunnels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/main_window.py" line="+191"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/preferences.py" line="+193"/>
        <source>%n key file(s) saved to {0}</source>
        <translation>
            <numerusform>%n key file saved to {0}</numerusform>
            <numerusform>%n key files saved to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/quit_guard.py" line="+45"/>
        <source>%n tunnel(s) are running.</source>
        <translation>
            <numerusform>%n tunnel is running.</numerusform>
            <numerusform>%n tunnels are running.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouterPanel</name>
    <message numerus="yes">
        <location filename="../../i2ptunnel_gui/ui/router_panel.py" line="+121"/>
        <source>Restarted %n time(s)</source>
        <translation>
            <numerusform>Restarted once</numerusform>
            <numerusform>Restarted %n times</numerusform>
        </translation>
    </message>
</context>
</TS>
