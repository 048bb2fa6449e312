<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/accessibility.py" line="+90"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen port</source>
        <translation>Lauschport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target host</source>
        <translation>Zielhost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the tunnel&apos;s connections go</source>
        <translation>Wohin die Verbindungen des Tunnels gehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The I2P address or addresses this client tunnel connects to</source>
        <translation>Die I2P-Adresse oder -Adressen, mit denen sich dieser Client-Tunnel verbindet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inbound hops</source>
        <translation>Eingehende Hops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hops</source>
        <translation>Ausgehende Hops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound tunnels</source>
        <translation>Eingehende Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound tunnels</source>
        <translation>Ausgehende Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound hop variance</source>
        <translation>Eingehende Hop-Varianz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbound hop variance</source>
        <translation>Ausgehende Hop-Varianz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbound backup tunnels</source>
        <translation>Eingehende Reserve-Tunnel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outbound backup tunnels</source>
        <translation>Ausgehende Reserve-Tunnel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“default” leaves it to the router</source>
        <translation>„Standard“ überlässt es dem Router</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2CP options</source>
        <translation>I2CP-Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One key=value per line</source>
        <translation>Ein Schlüssel=Wert pro Zeile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced I2P settings</source>
        <translation>Erweiterte I2P-Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the tunnel shape, signature type, SAM address and I2CP options</source>
        <translation>Zeigt Tunnelform, Signaturtyp, SAM-Adresse und I2CP-Optionen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tunnels</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per tunnel: state, addresses, connections and traffic</source>
        <translation>Eine Zeile pro Tunnel: Zustand, Adressen, Verbindungen und Datenverkehr</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected tunnel&apos;s open and recently closed connections</source>
        <translation>Die offenen und kürzlich geschlossenen Verbindungen des gewählten Tunnels</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I2P address</source>
        <translation>I2P-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel&apos;s .b32.i2p address, known once it has started</source>
        <translation>Die .b32.i2p-Adresse des Tunnels, bekannt, sobald er gestartet ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QR code of the I2P address</source>
        <translation>QR-Code der I2P-Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tunnel log</source>
        <translation>Tunnelprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State changes and errors of this tunnel</source>
        <translation>Zustandswechsel und Fehler dieses Tunnels</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/app.py" line="+205"/>
        <source>Some saved tunnels could not be loaded: {problems}</source>
        <translation>Einige gespeicherte Tunnel konnten nicht geladen werden: {problems}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved tunnels</source>
        <translation>Gespeicherte Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some saved tunnels could not be loaded and are not shown. They stay in the settings file.</source>
        <translation>Einige gespeicherte Tunnel konnten nicht geladen werden und werden nicht angezeigt. Sie bleiben in der Einstellungsdatei erhalten.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Still running in the tray. Use Quit in the tray menu to exit.</source>
        <translation>Läuft im Infobereich weiter. Zum Beenden „Beenden“ im Menü des Infobereichs wählen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import is not available in this build</source>
        <translation>Import ist in dieser Version nicht verfügbar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export is not available in this build</source>
        <translation>Export ist in dieser Version nicht verfügbar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>BandwidthGraph</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/bandwidth_graph.py" line="+98"/>
        <source>Router bandwidth</source>
        <translation>Router-Bandbreite</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In {0}, out {1}</source>
        <translation>Ein {0}, aus {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No traffic measured yet.</source>
        <translation>Noch kein Datenverkehr gemessen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last 5 minutes. In: now {0}, peak {1}. Out: now {2}, peak {3}.</source>
        <translation>Letzte 5 Minuten. Eingehend: jetzt {0}, Spitze {1}. Ausgehend: jetzt {2}, Spitze {3}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>max {0}</source>
        <translation>max. {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— out</source>
        <translation>— aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— in</source>
        <translation>— ein</translation>
    </message>
</context>
<context>
    <name>CardIntake</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/card_intake.py" line="+66"/>
        <source>Open share card…</source>
        <translation>Freigabekarte öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the client tunnel a share card describes</source>
        <translation>Den Client-Tunnel anlegen, den eine Freigabekarte beschreibt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The clipboard holds no share card link</source>
        <translation>Die Zwischenablage enthält keinen Link zu einer Freigabekarte</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open a share card</source>
        <translation>Eine Freigabekarte öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share cards (*{suffix})</source>
        <translation>Freigabekarten (*{suffix})</translation>
    </message>
</context>
<context>
    <name>ClientKindFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_client_kinds.py" line="+25"/>
        <source>Set {0} as your browser&apos;s HTTP and HTTPS proxy (or curl -x http://{0}), then open http://….i2p addresses. Other sites are refused unless an outproxy is set.</source>
        <translation>Tragen Sie {0} als HTTP- und HTTPS-Proxy Ihres Browsers ein (oder curl -x http://{0}) und öffnen Sie dann http://….i2p-Adressen. Andere Seiten werden abgewiesen, solange kein Outproxy eingestellt ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Point the program at SOCKS5 (or 4a) proxy {0} with remote DNS, e.g. curl --socks5-hostname {0}; in Firefox tick “Proxy DNS when using SOCKS v5”. Only .i2p names are reachable.</source>
        <translation>Richten Sie das Programm auf den SOCKS5-Proxy (oder 4a) {0} mit entferntem DNS ein, z. B. curl --socks5-hostname {0}; in Firefox „DNS über SOCKS v5 auflösen“ ankreuzen. Nur .i2p-Namen sind erreichbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect your IRC program to {0} (no TLS). Lines that would identify you (CTCP, DCC, your host and real name) are filtered out.</source>
        <translation>Verbinden Sie Ihr IRC-Programm mit {0} (ohne TLS). Zeilen, die Sie identifizieren würden (CTCP, DCC, Ihr Rechnername und echter Name), werden herausgefiltert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+62"/>
        <source>none: only .i2p sites (e.g. exit.example.i2p)</source>
        <translation>keiner: nur .i2p-Seiten (z. B. exit.example.i2p)</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Send the browser&apos;s own User-Agent (it identifies your browser)</source>
        <translation>Den eigenen User-Agent des Browsers senden (er identifiziert Ihren Browser)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: no authentication</source>
        <translation>keine: ohne Anmeldung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the I2P session on the first connection (Standby until then)</source>
        <translation>Die I2P-Sitzung bei der ersten Verbindung öffnen (bis dahin Bereitschaft)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer tunnels while idle (the router&apos;s reduce-on-idle)</source>
        <translation>Weniger Tunnel im Leerlauf (reduce-on-idle des Routers)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outproxy</source>
        <translation>Outproxy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SOCKS login</source>
        <translation>SOCKS-Anmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On demand</source>
        <translation>Bei Bedarf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close when idle</source>
        <translation>Im Leerlauf schließen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>none: only .i2p names (or a SOCKS server on I2P for other names)</source>
        <translation>keiner: nur .i2p-Namen (oder ein SOCKS-Server im I2P für andere Namen)</translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/connection_model.py" line="+61"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-closed</source>
        <translation>halb geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+279"/>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/core_catalogue.py" line="+14"/>
        <source>host is empty</source>
        <translation>der Host ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host must not contain spaces</source>
        <translation>der Host darf keine Leerzeichen enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} is not a valid host name or IP address</source>
        <translation>{host} ist kein gültiger Hostname und keine gültige IP-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port must be a whole number from {low} to 65535</source>
        <translation>der Port muss eine ganze Zahl von {low} bis 65535 sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address is empty; expected HOST:PORT</source>
        <translation>die Adresse ist leer; erwartet: HOST:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: expected [IPv6]:PORT</source>
        <translation>{text}: erwartet: [IPv6]:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: write IPv6 addresses as [ADDR]:PORT</source>
        <translation>{text}: IPv6-Adressen bitte als [ADRESSE]:PORT schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: expected HOST:PORT</source>
        <translation>{text}: erwartet: HOST:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: host is missing</source>
        <translation>{text}: der Host fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: port {port} is not a number (digits 0-9 only)</source>
        <translation>{text}: Port {port} ist keine Zahl (nur Ziffern 0-9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}: {why}</source>
        <translation>{text}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination is empty</source>
        <translation>das Ziel ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination must not contain spaces</source>
        <translation>das Ziel darf keine Leerzeichen enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a .b32.i2p address has 52 (or 56+) letters a-z and digits 2-7 before .b32.i2p</source>
        <translation>eine .b32.i2p-Adresse hat vor .b32.i2p 52 (oder 56+) Buchstaben a-z und Ziffern 2-7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dest} is not a valid .i2p host name</source>
        <translation>{dest} ist kein gültiger .i2p-Hostname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base64 destination is too short ({n} characters, at least 516 expected)</source>
        <translation>das Base64-Ziel ist zu kurz ({n} Zeichen, mindestens 516 erwartet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a .b32.i2p address, an .i2p name or a base64 destination</source>
        <translation>erwartet: eine .b32.i2p-Adresse, ein .i2p-Name oder ein Base64-Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give at least one IRC server destination</source>
        <translation>mindestens ein IRC-Server-Ziel angeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outproxy: {why}</source>
        <translation>Outproxy: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most 255 bytes of printable text</source>
        <translation>höchstens 255 Bytes druckbarer Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give a user name and a password, or neither</source>
        <translation>Benutzername und Passwort angeben, oder keins von beiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close-when-idle must be more than 0 minutes</source>
        <translation>Schließen im Leerlauf muss mehr als 0 Minuten sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>destination is not a valid base64 destination: {why}</source>
        <translation>das Ziel ist keine gültige Base64-Adresse: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no I2P session within {seconds:g} s: the router is slow or unavailable</source>
        <translation>keine I2P-Sitzung innerhalb von {seconds:g} s: der Router ist langsam oder nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} connections in a row to {destination} failed or got no answer (last: {why})</source>
        <translation>{n} Verbindungen nacheinander zu {destination} scheiterten oder bekamen keine Antwort (zuletzt: {why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a connection got an answer from I2P</source>
        <translation>eine Verbindung bekam eine Antwort aus I2P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer within {seconds:g} s</source>
        <translation>keine Antwort innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection from {peer}: no answer from I2P within {seconds:g} s</source>
        <translation>Verbindung von {peer}: keine Antwort aus I2P innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the stream closed before the echo came back</source>
        <translation>der Stream wurde geschlossen, bevor das Echo zurückkam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no echo within {seconds:g} s</source>
        <translation>kein Echo innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stream failed: {why}</source>
        <translation>der Stream ist gescheitert: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>something else answered at this address (wrong echo)</source>
        <translation>unter dieser Adresse antwortete etwas anderes (falsches Echo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking whether it is reachable now</source>
        <translation>prüft, ob er jetzt erreichbar ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: the router did not resolve its names in time</source>
        <translation>Zugriffsliste: der Router hat ihre Namen nicht rechtzeitig aufgelöst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {name} not resolved ({why}); it lets nobody in</source>
        <translation>Zugriffsliste: {name} nicht aufgelöst ({why}); dieser Eintrag lässt niemanden herein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {n} destinations allowed</source>
        <translation>Zugriffsliste: erlaubte Ziele: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {n} destinations denied</source>
        <translation>Zugriffsliste: gesperrte Ziele: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: the tunnel has no I2P session now</source>
        <translation>Erreichbarkeit nicht geprüft: der Tunnel hat gerade keine I2P-Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: router unavailable for a probe session: {why}</source>
        <translation>Erreichbarkeit nicht geprüft: Router für eine Prüfsitzung nicht erreichbar: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachability not checked: router refused a probe session: {why}</source>
        <translation>Erreichbarkeit nicht geprüft: der Router lehnte eine Prüfsitzung ab: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reachable from I2P: {why}</source>
        <translation>aus I2P nicht erreichbar: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachable from I2P (round trip {ms:.0f} ms)</source>
        <translation>aus I2P erreichbar (Umlaufzeit {ms:.0f} ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no I2P session: the router is unavailable (reconnecting)</source>
        <translation>keine I2P-Sitzung: der Router ist nicht erreichbar (neue Verbindung läuft)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for a connection to get through</source>
        <translation>wartet, bis eine Verbindung durchkommt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}; re-creating the I2P session in {delay:g} s</source>
        <translation>{reason}; die I2P-Sitzung wird in {delay:g} s neu erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}; re-creating the I2P session</source>
        <translation>{reason}; die I2P-Sitzung wird neu erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why}; {running}</source>
        <translation>{why}; {running}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router unavailable (attempt {attempt}), retrying in {delay:g} s: {why}</source>
        <translation>Router nicht erreichbar (Versuch {attempt}), nächster Versuch in {delay:g} s: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P session re-created ({why}); {next}</source>
        <translation>I2P-Sitzung neu erstellt ({why}); {next}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session closed</source>
        <translation>Sitzung geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router connection lost: {why}</source>
        <translation>Verbindung zum Router verloren: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the router answers again at {address}: reconnecting now</source>
        <translation>der Router antwortet wieder unter {address}: verbinde jetzt neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no I2P session</source>
        <translation>keine I2P-Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address {b32} via {address} (SAM {version})</source>
        <translation>I2P-Adresse {b32} über {address} (SAM {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address {b32} (SAM {version})</source>
        <translation>I2P-Adresse {b32} (SAM {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting to the router&apos;s SAM bridge at {address}</source>
        <translation>verbinde mit der SAM-Brücke des Routers unter {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for the router to build tunnels</source>
        <translation>wartet, bis der Router Tunnel aufgebaut hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new I2P key {b32} saved to {path}</source>
        <translation>neuer I2P-Schlüssel {b32} gespeichert in {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>using I2P key {b32} from {path}</source>
        <translation>verwende I2P-Schlüssel {b32} aus {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creating I2P session at {address}</source>
        <translation>erstelle I2P-Sitzung bei {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>creating I2P session… {seconds:.0f} s ({phase})</source>
        <translation>erstelle I2P-Sitzung… {seconds:.0f} s ({phase})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why} — {progress}</source>
        <translation>{why} — {progress}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on {address}; the I2P session opens on the first connection</source>
        <translation>lauscht auf {address}; die I2P-Sitzung öffnet bei der ersten Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a connection came: opening the I2P session</source>
        <translation>eine Verbindung kam: öffne die I2P-Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the I2P session could not be opened: {why}</source>
        <translation>die I2P-Sitzung ließ sich nicht öffnen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection for {minutes:g} min: I2P session closed</source>
        <translation>seit {minutes:g} min keine Verbindung: I2P-Sitzung geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no keys folder yet ({path}): nothing to back up</source>
        <translation>es gibt noch keinen Schlüsselordner ({path}): nichts zu sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {path}: {why}</source>
        <translation>{path} lässt sich nicht lesen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} holds no key files: nothing to back up</source>
        <translation>{path} enthält keine Schlüsseldateien: nichts zu sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the backup outside the keys folder</source>
        <translation>die Sicherung außerhalb des Schlüsselordners ablegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot open key file {path}: {why}</source>
        <translation>Schlüsseldatei {path} lässt sich nicht öffnen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is not a regular file</source>
        <translation>Schlüsseldatei {path} ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is readable by other users (mode {mode}); run: chmod 600 &apos;{path}&apos;</source>
        <translation>Schlüsseldatei {path} ist für andere Benutzer lesbar (Modus {mode}); ausführen: chmod 600 &apos;{path}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} belongs to another user (uid {uid})</source>
        <translation>Schlüsseldatei {path} gehört einem anderen Benutzer (UID {uid})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is {size} bytes: not a private key</source>
        <translation>Schlüsseldatei {path} hat {size} Bytes: kein privater Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file {path} is not an I2P private key: {why}</source>
        <translation>Schlüsseldatei {path} ist kein privater I2P-Schlüssel: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to save an invalid private key to {path}: {why}</source>
        <translation>ein ungültiger privater Schlüssel wird nicht nach {path} gespeichert: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create key directory {path}: {why}</source>
        <translation>Schlüsselordner {path} lässt sich nicht anlegen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write key file {path}: {why}</source>
        <translation>Schlüsseldatei {path} lässt sich nicht schreiben: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot delete key file {path}: {why}</source>
        <translation>Schlüsseldatei {path} lässt sich nicht löschen: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot listen on {where}: unknown host ({why})</source>
        <translation>kann nicht auf {where} lauschen: unbekannter Host ({why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address already in use (another program listens on this port)</source>
        <translation>Adresse schon belegt (ein anderes Programm lauscht auf diesem Port)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation>keine Berechtigung (Ports unter 1024 brauchen Rechte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot listen on {where}: {why}</source>
        <translation>kann nicht auf {where} lauschen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening on {address}</source>
        <translation>lauscht auf {address}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the allow list is empty: it would refuse every client; add at least one destination or switch the access list off</source>
        <translation>die Erlaubt-Liste ist leer: sie würde jeden Client abweisen; mindestens ein Ziel eintragen oder die Zugriffsliste ausschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is an encrypted-LeaseSet (b33) address; callers are known by their plain destination, list that one instead</source>
        <translation>{entry} ist eine Adresse mit verschlüsseltem LeaseSet (b33); Anrufer sind an ihrem einfachen Ziel zu erkennen, bitte das eintragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a b32 address (52 letters a-z and digits 2-7)</source>
        <translation>{entry} ist keine b32-Adresse (52 Buchstaben a-z und Ziffern 2-7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a valid .i2p host name</source>
        <translation>{entry} ist kein gültiger .i2p-Hostname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entry} is not a destination (b32 address, base64 destination, destination hash or .i2p name): {why}</source>
        <translation>{entry} ist kein Ziel (b32-Adresse, Base64-Ziel, Ziel-Hash oder .i2p-Name): {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {line}: {why}</source>
        <translation>Zeile {line}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list: {problems}</source>
        <translation>Zugriffsliste: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deny list: cannot resolve {names}; refusing to start without it</source>
        <translation>Sperrliste: {names} nicht auflösbar; ohne sie startet der Tunnel nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connections per client per minute</source>
        <translation>Verbindungen je Client pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections per client per hour</source>
        <translation>Verbindungen je Client pro Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections per client per day</source>
        <translation>Verbindungen je Client pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per minute</source>
        <translation>Verbindungen insgesamt pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per hour</source>
        <translation>Verbindungen insgesamt pro Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections in total per day</source>
        <translation>Verbindungen insgesamt pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{limit} must be 0 (no limit) or more</source>
        <translation>{limit}: muss 0 (keine Grenze) oder mehr sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST limits must be 0 (no limit) or more</source>
        <translation>POST-Grenzen müssen 0 (keine Grenze) oder mehr sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the POST counting period must be at least 1 second</source>
        <translation>der Zählzeitraum für POST muss mindestens 1 Sekunde sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST ban times must be 0 seconds or more</source>
        <translation>POST-Sperrzeiten müssen 0 Sekunden oder mehr sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host override: {why}</source>
        <translation>Host-Ersatz: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only server tunnels have an access list</source>
        <translation>nur Server-Tunnel haben eine Zugriffsliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only server tunnels have connection-rate limits</source>
        <translation>nur Server-Tunnel haben Verbindungsgrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only HTTP server tunnels have POST limits</source>
        <translation>nur HTTP-Server-Tunnel haben POST-Grenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only HTTP server tunnels rewrite the Host header</source>
        <translation>nur HTTP-Server-Tunnel schreiben den Host-Header um</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only I2P server and client tunnels have an I2P port</source>
        <translation>nur I2P-Server- und Client-Tunnel haben einen I2P-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P {why} (0 = any)</source>
        <translation>I2P: {why} (0 = beliebig)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM port</source>
        <translation>SAM-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl port</source>
        <translation>I2PControl-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web console port</source>
        <translation>Port der Web-Konsole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} {port} is not between 1 and 65535</source>
        <translation>{what} {port} liegt nicht zwischen 1 und 65535</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bandwidth {kbps} KB/s is negative</source>
        <translation>Bandbreite {kbps} KB/s ist negativ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share {percent} % is not between 0 and 100</source>
        <translation>Anteil {percent} % liegt nicht zwischen 0 und 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: expected &apos;key = value&apos; or &apos;[section]&apos;: {line}</source>
        <translation>{where}: erwartet &apos;key = value&apos; oder &apos;[section]&apos;: {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: &apos;{key}&apos; is set by the app for the managed router and cannot be changed here</source>
        <translation>{where}: &apos;{key}&apos; setzt die App für den privaten Router, es lässt sich hier nicht ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: &apos;{key}&apos; is set twice</source>
        <translation>{where}: &apos;{key}&apos; ist doppelt gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the managed router needs its SAM bridge: remove &apos;sam.enabled = {value}&apos; from the router conf lines</source>
        <translation>der private Router braucht seine SAM-Brücke: &apos;sam.enabled = {value}&apos; aus den Router-Konfigurationszeilen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{section}.port = {value}&apos; is not a port (1-65535)</source>
        <translation>&apos;{section}.port = {value}&apos; ist kein Port (1-65535)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{section}.address = {host}&apos; would let other machines control the router: the managed router&apos;s control services stay on a loopback address</source>
        <translation>&apos;{section}.address = {host}&apos; würde anderen Rechnern die Steuerung des Routers erlauben: die Steuerdienste des privaten Routers bleiben auf einer Loopback-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>router data dir {path} belongs to another user</source>
        <translation>der Router-Datenordner {path} gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot prepare router data dir {path}: {why}</source>
        <translation>Router-Datenordner {path} lässt sich nicht vorbereiten: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open {path}: {why}</source>
        <translation>{path} lässt sich nicht öffnen: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another i2ptunnel-gui (pid {pid}) already runs the managed router in {path}</source>
        <translation>ein anderes i2ptunnel-gui (PID {pid}) betreibt den privaten Router in {path} schon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no free loopback port for the managed router</source>
        <translation>kein freier Loopback-Port für den privaten Router</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM address</source>
        <translation>SAM-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl address</source>
        <translation>I2PControl-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a SAM password needs a SAM user</source>
        <translation>ein SAM-Passwort braucht einen SAM-Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SAM user cannot contain spaces, quotes or &apos;=&apos;</source>
        <translation>der SAM-Benutzer darf keine Leerzeichen, Anführungszeichen oder &apos;=&apos; enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SAM password cannot contain spaces, quotes or &apos;=&apos;</source>
        <translation>das SAM-Passwort darf keine Leerzeichen, Anführungszeichen oder &apos;=&apos; enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: {why}</source>
        <translation>{what}: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install it (Debian/Ubuntu: sudo apt install i2pd, or ./scripts/setup.sh run), set its path in Preferences, or use the External router mode with a router you run</source>
        <translation>installieren (Debian/Ubuntu: sudo apt install i2pd, oder ./scripts/setup.sh run), den Pfad in den Einstellungen angeben oder „Meinen Router verwenden“ mit einem laufenden Router wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd not found at {path} (not an executable file): {hint}</source>
        <translation>i2pd nicht gefunden unter {path} (keine ausführbare Datei): {hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd not found on PATH: {hint}</source>
        <translation>i2pd nicht im PATH gefunden: {hint}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>router supervision failed: {error}</source>
        <translation>Überwachung des Routers gescheitert: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why}; restarting in {seconds:g} s</source>
        <translation>{why}; Neustart in {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd was killed by {signal}</source>
        <translation>i2pd wurde durch {signal} beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd exited with status {code}: {log}</source>
        <translation>i2pd endete mit Status {code}: {log}</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>cannot write {path}: {why}</source>
        <translation>{path} lässt sich nicht schreiben: {why}</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>waiting for SAM at {address}</source>
        <translation>warte auf SAM unter {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd exited with status {code} before its SAM bridge answered: {log}</source>
        <translation>i2pd endete mit Status {code}, bevor seine SAM-Brücke antwortete: {log}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd&apos;s SAM bridge at {address} did not answer within {seconds:g} s ({why}): {log}</source>
        <translation>die SAM-Brücke von i2pd unter {address} antwortete nicht innerhalb von {seconds:g} s ({why}): {log}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>internal error: {error}</source>
        <translation>interner Fehler: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection from {peer} failed: {why}</source>
        <translation>Verbindung von {peer} gescheitert: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target did not answer within {seconds:g} s</source>
        <translation>das Ziel antwortete nicht innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session {nickname}</source>
        <translation>Sitzung {nickname}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM bridge {where} closed the connection ({context})</source>
        <translation>SAM-Brücke {where} hat die Verbindung geschlossen ({context})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no answer to {context} within {seconds:g} s</source>
        <translation>SAM-Brücke {where}: keine Antwort auf {context} innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: {context} failed: {why}</source>
        <translation>SAM-Brücke {where}: {context} gescheitert: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no connection within {seconds:g} s</source>
        <translation>SAM-Brücke {where}: keine Verbindung innerhalb von {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where} unreachable: {why}</source>
        <translation>SAM-Brücke {where} nicht erreichbar: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM bridge {where}: no answer to {context} on {label}</source>
        <translation>SAM-Brücke {where}: keine Antwort auf {context} in {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is closed</source>
        <translation>{label} ist geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} closed</source>
        <translation>{label} geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send buffer full</source>
        <translation>Sendepuffer voll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: {label}: {why}</source>
        <translation>SAM-Brücke {where}: {label}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where} closed {label}</source>
        <translation>SAM-Brücke {where} hat {label} geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM bridge {where}: no PONG on {label}</source>
        <translation>SAM-Brücke {where}: kein PONG in {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no common SAM version</source>
        <translation>keine gemeinsame SAM-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router error</source>
        <translation>Router-Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer unreachable</source>
        <translation>Gegenstelle nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination already in use</source>
        <translation>Ziel schon in Gebrauch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session nickname already in use</source>
        <translation>Sitzungsname schon in Gebrauch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid key or destination</source>
        <translation>ungültiger Schlüssel oder ungültiges Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such session</source>
        <translation>keine solche Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name not found</source>
        <translation>Name nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer not found</source>
        <translation>Gegenstelle nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router timed out</source>
        <translation>Zeitüberschreitung beim Router</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination not published</source>
        <translation>Ziel nicht veröffentlicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected RESULT={result}</source>
        <translation>unerwartetes RESULT={result}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{context}: {what}</source>
        <translation>{context}: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} ({message})</source>
        <translation>{text} ({message})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is empty</source>
        <translation>{what} ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is {n} characters long, the limit is {limit}</source>
        <translation>{what} ist {n} Zeichen lang, erlaubt sind {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must not contain spaces, quotes, backslashes or control characters</source>
        <translation>{what} darf keine Leerzeichen, Anführungszeichen, Backslashes oder Steuerzeichen enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option name {name} must be 1-{limit} letters, digits and _ . : -</source>
        <translation>der Optionsname {name} muss aus 1-{limit} Buchstaben, Ziffern und _ . : - bestehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {key} is a SAM parameter the client sets itself</source>
        <translation>die Option {key} ist ein SAM-Parameter, den der Client selbst setzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {key} value</source>
        <translation>der Wert der Option {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad SAM address: {why}</source>
        <translation>ungültige SAM-Adresse: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer from {address} in {seconds:g} s</source>
        <translation>keine Antwort von {address} in {seconds:g} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address}: {why}</source>
        <translation>{address}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address} closed the connection</source>
        <translation>{address} hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address} does not speak SAM ({why})</source>
        <translation>{address} spricht kein SAM ({why})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field}: {why}</source>
        <translation>{field}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a server tunnel: only servers are shared</source>
        <translation>{name} ist kein Server-Tunnel: nur Server werden geteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card is empty</source>
        <translation>die Karte ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card is {n} characters long, at most {limit} expected</source>
        <translation>die Karte ist {n} Zeichen lang, höchstens {limit} erwartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a share card: it must start with {scheme}:</source>
        <translation>keine Freigabekarte: sie muss mit {scheme}: beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected &apos;#&apos; in the card (was something appended?)</source>
        <translation>unerwartetes &apos;#&apos; in der Karte (wurde etwas angehängt?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown card type {found}, expected {expected}</source>
        <translation>unbekannter Kartentyp {found}, erwartet {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card version {version} is not understood by this app (it reads version {reads}); update the app</source>
        <translation>Kartenversion {version} versteht diese App nicht (sie liest Version {reads}); bitte die App aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field in a version 1 card</source>
        <translation>unbekanntes Feld in einer Karte der Version 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{link}: only local files can be opened</source>
        <translation>{link}: nur lokale Dateien lassen sich öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {why}</source>
        <translation>{path}: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: larger than {limit} bytes: not a card file</source>
        <translation>{path}: größer als {limit} Bytes: keine Kartendatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not a text file (not UTF-8)</source>
        <translation>{path}: keine Textdatei (nicht UTF-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why} (in {path})</source>
        <translation>{why} (in {path})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a field is not valid UTF-8 after percent-decoding</source>
        <translation>ein Feld ist nach der Prozent-Dekodierung kein gültiges UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed card fields: {why}</source>
        <translation>fehlerhafte Kartenfelder: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given twice</source>
        <translation>doppelt angegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing (the card version)</source>
        <translation>fehlt (die Kartenversion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} is not a version number</source>
        <translation>{text} ist keine Versionsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{char} is not a base32 character (a-z and 2-7 only)</source>
        <translation>{char} ist kein Base32-Zeichen (nur a-z und 2-7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters: a b33 address (encrypted lease set) cannot be shared on a card; share a plain b32 address</source>
        <translation>{n} Zeichen: eine b33-Adresse (verschlüsseltes LeaseSet) lässt sich nicht per Karte teilen; eine einfache b32-Adresse teilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters, a b32 address has {length}</source>
        <translation>{n} Zeichen, eine b32-Adresse hat {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address is mistyped (its last character cannot end one)</source>
        <translation>die Adresse ist vertippt (mit ihrem letzten Zeichen kann keine enden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown service kind {kind} (known: {known})</source>
        <translation>unbekannte Dienstart {kind} (bekannt: {known})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text} is not a port number (digits 0-9 only)</source>
        <translation>{text} ist keine Portnummer (nur Ziffern 0-9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{port} is out of range: a port is 1 to 65535</source>
        <translation>{port} liegt außerhalb: ein Port ist 1 bis 65535</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} characters long, at most {limit}</source>
        <translation>{n} Zeichen lang, höchstens {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains the control character U+{code:04X}</source>
        <translation>enthält das Steuerzeichen U+{code:04X}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts or ends with spaces</source>
        <translation>beginnt oder endet mit Leerzeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name must be one line</source>
        <translation>der Name muss einzeilig sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name is longer than 100 characters</source>
        <translation>der Name ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} is not a loopback address: anyone who can reach it can use this tunnel; allow non-loopback listening explicitly</source>
        <translation>{host} ist keine Loopback-Adresse: wer sie erreicht, kann diesen Tunnel benutzen; Lauschen außerhalb von Loopback ausdrücklich erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum connections must be -1 (unlimited) or at least 1</source>
        <translation>die Höchstzahl an Verbindungen muss -1 (unbegrenzt) oder mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifetime must be more than 0 seconds (or unlimited)</source>
        <translation>die Lebensdauer muss mehr als 0 Sekunden sein (oder unbegrenzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle timeout must be more than 0 seconds (or never)</source>
        <translation>das Leerlauf-Zeitlimit muss mehr als 0 Sekunden sein (oder nie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-close timeout must be more than 0 seconds (or never)</source>
        <translation>das Halbschluss-Zeitlimit muss mehr als 0 Sekunden sein (oder nie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect timeout must be more than 0 seconds</source>
        <translation>das Verbindungs-Zeitlimit muss mehr als 0 Sekunden sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM address {why}</source>
        <translation>SAM-Adresse {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown signature type {code}</source>
        <translation>unbekannter Signaturtyp {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} must be a whole number from -7 to 16 (got {value})</source>
        <translation>{key} muss eine ganze Zahl von -7 bis 16 sein (ist {value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/details.py" line="+48"/>
        <source>Private: whoever holds this file can run a tunnel at this address. Do not share it; back it up to keep the address.</source>
        <translation>Privat: Wer diese Datei besitzt, kann einen Tunnel unter dieser Adresse betreiben. Nicht weitergeben; sichern, um die Adresse zu behalten.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>known once the tunnel has started</source>
        <translation>bekannt, sobald der Tunnel gestartet ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+195"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Copy the address to the clipboard</source>
        <translation>Die Adresse in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a tunnel to see its details.</source>
        <translation>Wählen Sie einen Tunnel, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listens on</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+87"/>
        <source>I2P address</source>
        <translation>I2P-Adresse</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dial this tunnel&apos;s I2P address from a separate short-lived session (takes as long as the router needs for a new session)</source>
        <translation>Die I2P-Adresse dieses Tunnels aus einer getrennten, kurzlebigen Sitzung anwählen (dauert so lange, wie der Router für eine neue Sitzung braucht)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC servers</source>
        <translation>IRC-Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to use</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none: a new address is created on every start</source>
        <translation>keine: bei jedem Start wird eine neue Adresse erzeugt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}.dat in the app&apos;s key folder</source>
        <translation>{0}.dat im Schlüsselordner der App</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{message} (next try in {wait} s)</source>
        <translation>{message} (nächster Versuch in {wait} s)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>checking… (a new I2P session first: ~20 s on i2pd)</source>
        <translation>prüfe… (zuerst eine neue I2P-Sitzung: ~20 s bei i2pd)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked while the tunnel runs</source>
        <translation>wird geprüft, während der Tunnel läuft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{result} — checked {time}</source>
        <translation>{result} — geprüft {time}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>QR code of {0}</source>
        <translation>QR-Code von {0}</translation>
    </message>
</context>
<context>
    <name>EditorFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_fields.py" line="+206"/>
        <source>{key} must be a whole number from {lo} to {hi} (got {value})</source>
        <translation>{key} muss eine ganze Zahl von {lo} bis {hi} sein, nicht {value}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>line {number}: {key} goes in the tunnel fields above (it moves there when you leave this box)</source>
        <translation>Zeile {number}: {key} gehört in die Tunnelfelder oben (es wandert dorthin, wenn Sie dieses Feld verlassen)</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+26"/>
        <source>TCP forward (local port → host:port, no router)</source>
        <translation>TCP-Weiterleitung (lokaler Port → Host:Port, ohne Router)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P server (publish a local service on I2P)</source>
        <translation>I2P-Server (einen lokalen Dienst im I2P veröffentlichen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P client (local port → I2P destination)</source>
        <translation>I2P-Client (lokaler Port → I2P-Ziel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P web site (HTTP server: the site learns each caller&apos;s b32)</source>
        <translation>I2P-Website (HTTP-Server: die Seite erfährt die b32 jedes Aufrufers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP proxy (a browser&apos;s proxy onto I2P, port 4444)</source>
        <translation>HTTP-Proxy (Browser-Proxy ins I2P, Port 4444)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOCKS proxy (SOCKS5/4a onto .i2p names, port 4447)</source>
        <translation>SOCKS-Proxy (SOCKS5/4a zu .i2p-Namen, Port 4447)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IRC client (filtered IRC to I2P servers, port 6668)</source>
        <translation>IRC-Client (gefiltertes IRC zu I2P-Servern, Port 6668)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Database on the other PC</source>
        <translation>z. B. Datenbank auf dem anderen PC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. My SSH server</source>
        <translation>z. B. Mein SSH-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. My web site</source>
        <translation>z. B. Meine Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Friend&apos;s web site</source>
        <translation>z. B. Website eines Freundes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Browse I2P sites</source>
        <translation>z. B. I2P-Seiten besuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. SOCKS for my chat app</source>
        <translation>z. B. SOCKS für meine Chat-App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Irc2P chat</source>
        <translation>z. B. Irc2P-Chat</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_form.py" line="+104"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Allow listening on a non-loopback address</source>
        <translation>Lauschen auf einer Nicht-Loopback-Adresse erlauben</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+44"/>
        <source>xxxx….b32.i2p, name.i2p or base64</source>
        <translation>xxxx….b32.i2p, name.i2p oder base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+2"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once one side has ended its stream (sent its FIN), close the connection when it stays idle this long; the other side would otherwise hold it until the idle timeout.</source>
        <translation>Hat eine Seite ihren Datenstrom beendet (ihr FIN gesendet), die Verbindung schließen, wenn sie so lange ohne Verkehr bleibt; sonst hält die andere Seite sie bis zum Leerlauf-Zeitlimit offen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start when the app starts</source>
        <translation>Beim Start der App starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Persistent — same .b32 address after restarts</source>
        <translation>Dauerhaft — dieselbe .b32-Adresse nach Neustarts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transient — a new address on every start</source>
        <translation>Flüchtig — bei jedem Start eine neue Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New identity — replace the key (the address changes)…</source>
        <translation>Neue Identität — den Schlüssel ersetzen (die Adresse ändert sich)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advanced I2P settings</source>
        <translation>Erweiterte I2P-Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (recommended)</source>
        <translation> (empfohlen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (weak, legacy)</source>
        <translation> (schwach, veraltet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>app setting (default {0})</source>
        <translation>App-Einstellung (Standard {0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>one key=value per line, e.g.
i2cp.leaseSetType=3</source>
        <translation>ein Schlüssel=Wert pro Zeile, z. B.
i2cp.leaseSetType=3</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listen on</source>
        <translation>Lauschen auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="+10"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="-14"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max. connections</source>
        <translation>Max. Verbindungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection lifetime</source>
        <translation>Verbindungsdauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle timeout</source>
        <translation>Leerlauf-Zeitlimit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half-close timeout</source>
        <translation>Halbschluss-Zeitlimit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect timeout</source>
        <translation>Verbindungs-Zeitlimit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I2P identity</source>
        <translation>I2P-Identität</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tunnel shape</source>
        <translation>Tunnelform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature type</source>
        <translation>Signaturtyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAM address</source>
        <translation>SAM-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2CP options</source>
        <translation>I2CP-Optionen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown ({0})</source>
        <translation>unbekannt ({0})</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_kinds.py" line="-1"/>
        <source>IRC servers</source>
        <translation>IRC-Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>irc.postman.i2p, irc.echelon.i2p (tried in order)</source>
        <translation>irc.postman.i2p, irc.echelon.i2p (der Reihe nach versucht)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local service</source>
        <translation>Lokaler Dienst</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/export_dialog.py" line="+38"/>
        <source>Java I2P: one i2ptunnel.config file</source>
        <translation>Java I2P: eine Datei i2ptunnel.config</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Java I2P: i2ptunnel.config.d folder (one file per tunnel)</source>
        <translation>Java I2P: Ordner i2ptunnel.config.d (eine Datei pro Tunnel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Java I2P: a folder with i2ptunnel.config.d and copies of the keys</source>
        <translation>Java I2P: ein Ordner mit i2ptunnel.config.d und Kopien der Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>i2pd: tunnels.conf</source>
        <translation>i2pd: tunnels.conf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>i2pd: a folder with tunnels.conf and copies of the keys</source>
        <translation>i2pd: ein Ordner mit tunnels.conf und Kopien der Schlüssel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export tunnels</source>
        <translation>Tunnel exportieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n tunnel(s) to export into a folder, with copies of their private keys (readable only by you); the report then says what to copy where.</source>
        <translation>
            <numerusform>%n Tunnel wird in einen Ordner exportiert, mit Kopien seines privaten Schlüssels (nur für Sie lesbar); der Bericht sagt dann, was wohin zu kopieren ist.</numerusform>
            <numerusform>%n Tunnel werden in einen Ordner exportiert, mit Kopien ihrer privaten Schlüssel (nur für Sie lesbar); der Bericht sagt dann, was wohin zu kopieren ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n tunnel(s) to export. Private keys are not copied; the export refers to their files.</source>
        <translation>
            <numerusform>%n Tunnel wird exportiert. Private Schlüssel werden nicht kopiert; der Export verweist auf ihre Dateien.</numerusform>
            <numerusform>%n Tunnel werden exportiert. Private Schlüssel werden nicht kopiert; der Export verweist auf ihre Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not exported: {e}</source>
        <translation>Nicht exportiert: {e}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n tunnel(s) to {p}</source>
        <translation>
            <numerusform>%n Tunnel nach {p} exportiert</numerusform>
            <numerusform>%n Tunnel nach {p} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next steps:</source>
        <translation>Nächste Schritte:</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/first_run.py" line="+63"/>
        <source>Start a private router</source>
        <translation>Privaten Router starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use my router</source>
        <translation>Meinen Router verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New I2P server…</source>
        <translation>Neuer I2P-Server…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New I2P client…</source>
        <translation>Neuer I2P-Client…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Java I2P&lt;/b&gt;: open the router console, &lt;i&gt;Configure → Clients&lt;/i&gt; (&lt;tt&gt;/configclients&lt;/tt&gt;), enable &lt;b&gt;SAM application bridge&lt;/b&gt;, tick &lt;i&gt;Run at startup&lt;/i&gt; and start it.&lt;br&gt;&lt;b&gt;i2pd&lt;/b&gt;: SAM is on by default; otherwise set &lt;tt&gt;enabled = true&lt;/tt&gt; under &lt;tt&gt;[sam]&lt;/tt&gt; in &lt;tt&gt;i2pd.conf&lt;/tt&gt; and restart i2pd.&lt;br&gt;Then test the address the bridge listens on (127.0.0.1:7656 by default):</source>
        <translation>&lt;b&gt;Java I2P&lt;/b&gt;: die Router-Konsole öffnen, &lt;i&gt;Konfiguration → Clients&lt;/i&gt; (&lt;tt&gt;/configclients&lt;/tt&gt;), &lt;b&gt;SAM application bridge&lt;/b&gt; aktivieren, &lt;i&gt;Beim Start ausführen&lt;/i&gt; ankreuzen und starten.&lt;br&gt;&lt;b&gt;i2pd&lt;/b&gt;: SAM ist standardmäßig an; sonst &lt;tt&gt;enabled = true&lt;/tt&gt; unter &lt;tt&gt;[sam]&lt;/tt&gt; in &lt;tt&gt;i2pd.conf&lt;/tt&gt; setzen und i2pd neu starten.&lt;br&gt;Dann die Adresse testen, auf der die Brücke lauscht (standardmäßig 127.0.0.1:7656):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No I2P router answers yet</source>
        <translation>Noch antwortet kein I2P-Router</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The app needs an I2P router. It can run a private one just for itself, or use a router you already run.</source>
        <translation>Die App braucht einen I2P-Router. Sie kann einen privaten nur für sich betreiben oder einen Router verwenden, den Sie bereits betreiben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For a private router, install i2pd first: {0} (or ./scripts/setup.sh run).</source>
        <translation>Für einen privaten Router zuerst i2pd installieren: {0} (oder ./scripts/setup.sh run).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Starting the private router…</source>
        <translation>Der private Router startet…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ready: make your first tunnel</source>
        <translation>Bereit: legen Sie Ihren ersten Tunnel an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Router: {0}.
To put a local service on I2P (a web site, SSH…): New I2P server, give the local address, Save, Start; share the b32 address it gets.
To reach an I2P service: New I2P client with its address and a local port.</source>
        <translation>Router: {0}.
Um einen lokalen Dienst ins I2P zu stellen (eine Website, SSH…): Neuer I2P-Server, die lokale Adresse angeben, Speichern, Starten; die erhaltene b32-Adresse weitergeben.
Um einen I2P-Dienst zu erreichen: Neuer I2P-Client mit seiner Adresse und einem lokalen Port.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/import_dialog.py" line="+45"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen</source>
        <translation>Lauscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Fundort</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import tunnels</source>
        <translation>Tunnel importieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf or tunnels.d/</source>
        <translation>i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf oder tunnels.d/</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import from:</source>
        <translation>Importieren aus:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import the valid tunnels anyway (the entries with errors are left out)</source>
        <translation>Die gültigen Tunnel trotzdem importieren (die fehlerhaften Einträge werden ausgelassen)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a tunnel config</source>
        <translation>Eine Tunnel-Konfiguration wählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tunnel configs (*.config *.conf)</source>
        <translation>Tunnel-Konfigurationen (*.config *.conf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n tunnel(s) to add, {s} skipped</source>
        <translation>
            <numerusform>%n Tunnel wird hinzugefügt, {s} übersprungen</numerusform>
            <numerusform>%n Tunnel werden hinzugefügt, {s} übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n error(s): nothing is imported unless you confirm below</source>
        <translation>
            <numerusform>; %n Fehler: nichts wird importiert, solange Sie es unten nicht bestätigen</numerusform>
            <numerusform>; %n Fehler: nichts wird importiert, solange Sie es unten nicht bestätigen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nothing imported: {e}</source>
        <translation>Nichts importiert: {e}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Imported %n tunnel(s)</source>
        <translation>
            <numerusform>%n Tunnel importiert</numerusform>
            <numerusform>%n Tunnel importiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyAddress</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/key_address.py" line="+38"/>
        <source>The key file cannot be used: {why}</source>
        <translation>Die Schlüsseldatei ist nicht verwendbar: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key file unusable</source>
        <translation>Schlüsseldatei unbrauchbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No key file yet ({path}): the address is made at the first start.</source>
        <translation>Noch keine Schlüsseldatei ({path}): die Adresse entsteht beim ersten Start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no key file yet</source>
        <translation>noch keine Schlüsseldatei</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+37"/>
        <source>TCP forward…</source>
        <translation>TCP-Weiterleitung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P server…</source>
        <translation>I2P-Server…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P web site…</source>
        <translation>I2P-Website…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P client…</source>
        <translation>I2P-Client…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP proxy…</source>
        <translation>HTTP-Proxy…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS proxy…</source>
        <translation>SOCKS-Proxy…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client…</source>
        <translation>IRC-Client…</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window.py" line="+70"/>
        <source>SAM: checking…</source>
        <translation>SAM: prüfe…</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+35"/>
        <location line="+5"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start all</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop all</source>
        <translation>Alle stoppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart all</source>
        <translation>Alle neu starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close connection</source>
        <translation>Verbindung schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window.py" line="+20"/>
        <source>Tunnels</source>
        <translation>Tunnel</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tunnel</source>
        <translation>&amp;Tunnel</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n offene Verbindung</numerusform>
            <numerusform>%n offene Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SAM {address}: reachable, version {version}</source>
        <translation>SAM {address}: erreichbar, Version {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAM {address}: not reachable</source>
        <translation>SAM {address}: nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../i2ptunnel_gui/ui/main_window_actions.py" line="+100"/>
        <source>Delete the tunnel “{name}”?</source>
        <translation>Den Tunnel „{name}“ löschen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is running and will be stopped first.</source>
        <translation>Er läuft und wird zuerst gestoppt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete tunnel</source>
        <translation>Tunnel löschen</translation>
    </message>
</context>
<context>
    <name>OpenCardDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/open_card_dialog.py" line="+38"/>
        <source>Once it runs, open http://{address}/ in your browser.</source>
        <translation>Sobald er läuft, öffnen Sie http://{address}/ in Ihrem Browser.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs: ssh -p {port} USER@127.0.0.1</source>
        <translation>Sobald er läuft: ssh -p {port} BENUTZER@127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs, point your IRC client at {address}.</source>
        <translation>Sobald er läuft, verbinden Sie Ihr IRC-Programm mit {address}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once it runs, connect to {address}.</source>
        <translation>Sobald er läuft, verbinden Sie sich mit {address}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2P client tunnel</source>
        <translation>I2P-Client-Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client tunnel</source>
        <translation>IRC-Client-Tunnel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open share card</source>
        <translation>Freigabekarte öffnen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This share card creates the following client tunnel. Nothing is created until you press Create.</source>
        <translation>Diese Freigabekarte legt den folgenden Client-Tunnel an. Angelegt wird erst, wenn Sie „Anlegen“ drücken.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tunnel name</source>
        <translation>Tunnelname</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+26"/>
        <source>Local port</source>
        <translation>Lokaler Port</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The local port your programs connect to</source>
        <translation>Der lokale Port, mit dem sich Ihre Programme verbinden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start the tunnel now</source>
        <translation>Den Tunnel jetzt starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listens on</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2P port</source>
        <translation>I2P-Port</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Port {port} is used by the tunnel “{name}”.</source>
        <translation>Port {port} wird vom Tunnel „{name}“ benutzt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port {port} is in use by another program.</source>
        <translation>Port {port} wird von einem anderen Programm benutzt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the tunnel a name.</source>
        <translation>Geben Sie dem Tunnel einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a tunnel named “{name}”.</source>
        <translation>Es gibt bereits einen Tunnel namens „{name}“.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not a usable share card: {why}</source>
        <translation>Keine verwendbare Freigabekarte: {why}</translation>
    </message>
</context>
<context>
    <name>OptionLines</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/option_lines.py" line="+23"/>
        <source>Inbound hops</source>
        <translation>Eingehende Hops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hops</source>
        <translation>Ausgehende Hops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound tunnels</source>
        <translation>Eingehende Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound tunnels</source>
        <translation>Ausgehende Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound hop variance</source>
        <translation>Eingehende Hop-Varianz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound hop variance</source>
        <translation>Ausgehende Hop-Varianz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbound backup tunnels</source>
        <translation>Eingehende Reserve-Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound backup tunnels</source>
        <translation>Ausgehende Reserve-Tunnel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>moved {option} to {field}</source>
        <translation>{option} nach „{field}“ verschoben</translation>
    </message>
</context>
<context>
    <name>PortCheck</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/port_check.py" line="+94"/>
        <source>port {port} is in use by the running tunnel “{name}” (it still runs with its earlier settings): choose another port or restart that tunnel first</source>
        <translation>Port {port} wird vom laufenden Tunnel „{name}“ benutzt (er läuft noch mit seinen früheren Einstellungen): wählen Sie einen anderen Port oder starten Sie diesen Tunnel zuerst neu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>port {port} is in use by another program ({name}, process {pid}): choose another port or stop that program</source>
        <translation>Port {port} wird von einem anderen Programm benutzt ({name}, Prozess {pid}): wählen Sie einen anderen Port oder beenden Sie dieses Programm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port {port} is in use by another program: choose another port</source>
        <translation>Port {port} wird von einem anderen Programm benutzt: wählen Sie einen anderen Port</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/preferences.py" line="+65"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Notify when a tunnel fails or comes back</source>
        <translation>Benachrichtigen, wenn ein Tunnel ausfällt oder wiederkommt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start minimized to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start when I log in (minimized)</source>
        <translation>Beim Anmelden starten (minimiert)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each server tunnel&apos;s private key is its address: whoever holds the file can use the address, and without it the address is lost. Back the folder up.</source>
        <translation>Der private Schlüssel eines Server-Tunnels ist seine Adresse: Wer die Datei besitzt, kann die Adresse benutzen, und ohne sie ist die Adresse verloren. Sichern Sie den Ordner.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up…</source>
        <translation>Sichern…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Back up the keys folder</source>
        <translation>Den Schlüsselordner sichern</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n key file(s) saved to {0}</source>
        <translation>
            <numerusform>%n Schlüsseldatei gespeichert in {0}</numerusform>
            <numerusform>%n Schlüsseldateien gespeichert in {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out: {0}</source>
        <translation>Ausgelassen: {0}</translation>
    </message>
</context>
<context>
    <name>QrLabel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/qr.py" line="+103"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Enter to enlarge it and to save it</source>
        <translation>Eingabetaste drücken, um ihn zu vergrößern und zu speichern</translation>
    </message>
</context>
<context>
    <name>QrWindow</name>
    <message>
        <location line="+22"/>
        <location line="+5"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the QR code</source>
        <translation>Den QR-Code speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QR code not saved</source>
        <translation>QR-Code nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/quit_guard.py" line="+44"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tunnel(s) are running.</source>
        <translation>
            <numerusform>%n Tunnel läuft.</numerusform>
            <numerusform>%n Tunnel laufen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quitting stops them and closes every connection through them.</source>
        <translation>Beenden stoppt sie und schließt jede Verbindung, die durch sie läuft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit and stop them</source>
        <translation>Beenden und sie stoppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep running in the tray</source>
        <translation>Im Infobereich weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/refusal_labels.py" line="+10"/>
        <source>access list</source>
        <translation>Zugriffsliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other I2P port</source>
        <translation>anderer I2P-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max concurrent</source>
        <translation>max. gleichzeitig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per minute</source>
        <translation>pro Client und Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per hour</source>
        <translation>pro Client und Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client per day</source>
        <translation>pro Client und Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per minute</source>
        <translation>gesamt pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per hour</source>
        <translation>gesamt pro Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total per day</source>
        <translation>gesamt pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST limit</source>
        <translation>POST-Limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad request</source>
        <translation>fehlerhafte Anfrage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>RouterPanel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/router_panel.py" line="+45"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot start</source>
        <translation>Kann nicht starten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The router&apos;s own figures (I2PControl)</source>
        <translation>Die eigenen Zahlen des Routers (I2PControl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers (active / known)</source>
        <translation>Peers (aktiv / bekannt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transit tunnels</source>
        <translation>Transit-Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnel builds succeeding</source>
        <translation>Erfolgreiche Tunnelaufbauten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth in / out</source>
        <translation>Bandbreite ein / aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received / sent</source>
        <translation>Empfangen / gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Router log</source>
        <translation>Router-Protokoll</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Your router (SAM at {0})</source>
        <translation>Ihr Router (SAM auf {0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app uses a router you run. Its figures appear below when its I2PControl address is set in Preferences.</source>
        <translation>Die App verwendet einen Router, den Sie betreiben. Seine Zahlen erscheinen unten, sobald seine I2PControl-Adresse in den Einstellungen eingetragen ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, SAM at {0}</source>
        <translation>, SAM auf {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: {0}{1}</source>
        <translation>Privater Router: {0}{1}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Restarted %n time(s)</source>
        <translation>
            <numerusform>%n-mal neu gestartet</numerusform>
            <numerusform>%n-mal neu gestartet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Busy: {0}</source>
        <translation>Beschäftigt: {0}</translation>
    </message>
</context>
<context>
    <name>RouterPrefsForm</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/preferences_router.py" line="+58"/>
        <source>Use my router (i2pd or Java I2P)</source>
        <translation>Meinen Router verwenden (i2pd oder Java I2P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a private router for this app (i2pd)</source>
        <translation>Einen privaten Router für diese App betreiben (i2pd)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your router</source>
        <translation>Ihr Router</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SAM address</source>
        <translation>SAM-Adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only with SAM authentication on (Java I2P)</source>
        <translation>nur bei eingeschalteter SAM-Authentifizierung (Java I2P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM user</source>
        <translation>SAM-Benutzer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAM password</source>
        <translation>SAM-Passwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. 127.0.0.1:7650</source>
        <translation>optional, z. B. 127.0.0.1:7650</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2PControl address</source>
        <translation>I2PControl-Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I2PControl password</source>
        <translation>I2PControl-Passwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private router</source>
        <translation>Privater Router</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>i2pd on PATH</source>
        <translation>i2pd im PATH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>i2pd program</source>
        <translation>i2pd-Programm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another free port is used when this one is busy</source>
        <translation>Ist dieser Port belegt, wird ein anderer freier verwendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred SAM port</source>
        <translation>Bevorzugter SAM-Port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KB/s</source>
        <translation> KB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router default</source>
        <translation>Router-Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth limit</source>
        <translation>Bandbreitenlimit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How much of the bandwidth may carry other people&apos;s tunnels</source>
        <translation>Wie viel der Bandbreite die Tunnel anderer Leute tragen darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with the network</source>
        <translation>Mit dem Netz teilen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own i2pd.conf lines; they win over the settings above</source>
        <translation>Ihre eigenen i2pd.conf-Zeilen; sie haben Vorrang vor den Einstellungen oben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra i2pd.conf lines</source>
        <translation>Zusätzliche i2pd.conf-Zeilen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Found: {0}</source>
        <translation>Gefunden: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The i2pd program</source>
        <translation>Das i2pd-Programm</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Asking {0}…</source>
        <translation>Frage {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SAM answers (version {0})</source>
        <translation>SAM antwortet (Version {0})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No SAM bridge: {0}</source>
        <translation>Keine SAM-Brücke: {0}</translation>
    </message>
</context>
<context>
    <name>RouterUi</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/router_ui.py" line="+75"/>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the router&apos;s log folder</source>
        <translation>Den Protokollordner des Routers öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Starting i2pd…</source>
        <translation>i2pd startet…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+139"/>
        <source>Private router: {0}</source>
        <translation>Privater Router: {0}</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>No SAM bridge: {0}</source>
        <translation>Keine SAM-Brücke: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SAM answers (version {0})</source>
        <translation>SAM antwortet (Version {0})</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Preferences not saved: {0}</source>
        <translation>Einstellungen nicht gespeichert: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} {1}
I2P tunnels over SAM v3, with a router of its own (i2pd) or yours.</source>
        <translation>{0} {1}
I2P-Tunnel über SAM v3, mit einem eigenen Router (i2pd) oder Ihrem.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Private router: starting — tunnels wait for it</source>
        <translation>Privater Router: startet — Tunnel warten auf ihn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: running</source>
        <translation>Privater Router: läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: restarting — tunnels wait for it</source>
        <translation>Privater Router: startet neu — Tunnel warten auf ihn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: cannot start</source>
        <translation>Privater Router: kann nicht starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private router: stopped</source>
        <translation>Privater Router: gestoppt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Router: {0}</source>
        <translation>Router: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private router: {0} — tunnels wait for it</source>
        <translation>Privater Router: {0} — Tunnel warten auf ihn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>waiting for the router ({0})</source>
        <translation>wartet auf den Router ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restarting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for the router: {0}</source>
        <translation>wartet auf den Router: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>private router, SAM {0}</source>
        <translation>privater Router, SAM {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your router, SAM {0}</source>
        <translation>Ihr Router, SAM {0}</translation>
    </message>
</context>
<context>
    <name>ServerPolicy</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/details_server_policy.py" line="+25"/>
        <source>per client</source>
        <translation>pro Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in total</source>
        <translation>insgesamt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}/min</source>
        <translation>{0}/min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}/h</source>
        <translation>{0}/h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}/day</source>
        <translation>{0}/Tag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
</context>
<context>
    <name>ServerPolicyDetails</name>
    <message>
        <location line="+20"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Site:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access:</source>
        <translation>Zugriff:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P port:</source>
        <translation>I2P-Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused:</source>
        <translation>Abgewiesen:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>only port {0}</source>
        <translation>nur Port {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>destination port {0}</source>
        <translation>Zielport {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>everyone may connect</source>
        <translation>jeder darf sich verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only these {0} may connect:</source>
        <translation>nur diese {0} dürfen sich verbinden:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone but these {0} may connect:</source>
        <translation>alle außer diesen {0} dürfen sich verbinden:</translation>
    </message>
</context>
<context>
    <name>ServerPolicyFields</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_server_policy.py" line="+73"/>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone may connect</source>
        <translation>Jeder darf sich verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these destinations (allow list)</source>
        <translation>Nur diese Ziele (Erlaubnisliste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone but these (deny list)</source>
        <translation>Alle außer diesen (Sperrliste)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One per line: xxxx….b32.i2p, a base64 destination or name.i2p</source>
        <translation>Eines pro Zeile: xxxx….b32.i2p, ein base64-Ziel oder name.i2p</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access list</source>
        <translation>Zugriffsliste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who:</source>
        <translation>Wer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destinations:</source>
        <translation>Ziele:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection limits</source>
        <translation>Verbindungsgrenzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each client</source>
        <translation>Jeder Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All clients</source>
        <translation>Alle Clients</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HTTP server</source>
        <translation>HTTP-Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Host the caller sent</source>
        <translation>der Host, den der Aufrufer sandte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host header:</source>
        <translation>Host-Header:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POSTs per client:</source>
        <translation>POSTs pro Client:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POSTs in total:</source>
        <translation>POSTs insgesamt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted over:</source>
        <translation>Gezählt über:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ban:</source>
        <translation>Client-Sperre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone ban:</source>
        <translation>Sperre für alle:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I2P port</source>
        <translation>I2P-Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Accept only port:</source>
        <translation>Nur Port annehmen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Destination port:</source>
        <translation>Zielport:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The router&apos;s SAM bridge grants version {0}; I2P ports need SAM 3.2 or newer (Java I2P and newer i2pd grant it). This tunnel will not start with a port on this router.</source>
        <translation>Die SAM-Brücke des Routers gewährt Version {0}; I2P-Ports brauchen SAM 3.2 oder neuer (Java I2P und neuere i2pd gewähren sie). Mit einem Port startet dieser Tunnel auf diesem Router nicht.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/share_dialog.py" line="+40"/>
        <source>Web site</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC server</source>
        <translation>IRC-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other TCP service</source>
        <translation>Anderer TCP-Dienst</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Share…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A link, QR code or file with which another copy of this app creates the matching client tunnel in one step</source>
        <translation>Ein Link, QR-Code oder eine Datei, mit der eine andere Kopie dieser App den passenden Client-Tunnel in einem Schritt anlegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share this service</source>
        <translation>Diesen Dienst teilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Share “{name}”</source>
        <translation>„{name}“ teilen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Give this card to whoever should reach the service. Their I2P Tunnel Manager opens it (paste the link, drop the file, or scan the QR code) and creates the client tunnel after they confirm it. The card holds only the public address.</source>
        <translation>Geben Sie diese Karte allen, die den Dienst erreichen sollen. Ihr I2P Tunnel Manager öffnet sie (Link einfügen, Datei hineinziehen oder QR-Code scannen) und legt den Client-Tunnel an, nachdem sie bestätigt haben. Die Karte enthält nur die öffentliche Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service kind</source>
        <translation>Art des Dienstes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share card link</source>
        <translation>Link der Freigabekarte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web address for I2P browsers</source>
        <translation>Webadresse für I2P-Browser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the QR code holds</source>
        <translation>Was der QR-Code enthält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the share card</source>
        <translation>die Freigabekarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the web address</source>
        <translation>die Webadresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to enlarge, and to save as PNG or SVG</source>
        <translation>Klicken zum Vergrößern und zum Speichern als PNG oder SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save card file…</source>
        <translation>Kartendatei speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card link</source>
        <translation>Kartenlink</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code of</source>
        <translation>QR-Code für</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the share card</source>
        <translation>Die Freigabekarte speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share cards (*{suffix})</source>
        <translation>Freigabekarten (*{suffix})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card not saved</source>
        <translation>Karte nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {why}</source>
        <translation>{path}: {why}</translation>
    </message>
</context>
<context>
    <name>TrafficGraph</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/traffic_graph.py" line="+78"/>
        <source>Bandwidth of all tunnels</source>
        <translation>Bandbreite aller Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth of this tunnel</source>
        <translation>Bandbreite dieses Tunnels</translation>
    </message>
</context>
<context>
    <name>TrafficWindow</name>
    <message>
        <location line="+9"/>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic summary</source>
        <translation>Übersicht Datenverkehr</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tray.py" line="+63"/>
        <location line="+105"/>
        <source>{name} failed</source>
        <translation>{name} ist ausgefallen</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>{app}: {running} of {total} tunnels running</source>
        <translation>{app}: {running} von {total} Tunneln laufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — some failed</source>
        <translation> — einige ausgefallen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show/Hide window</source>
        <translation>Fenster zeigen/verbergen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic…</source>
        <translation>Datenverkehr…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Start all</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop all</source>
        <translation>Alle stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart all</source>
        <translation>Alle neu starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} is degraded</source>
        <translation>{name} ist beeinträchtigt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} recovered</source>
        <translation>{name} wieder da</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tunnel is running again.</source>
        <translation>Der Tunnel läuft wieder.</translation>
    </message>
</context>
<context>
    <name>TunnelController</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/controller.py" line="+90"/>
        <source>{name}: changes apply when the tunnel restarts</source>
        <translation>{name}: Änderungen gelten, wenn der Tunnel neu startet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (copy {n})</source>
        <translation>{name} (Kopie {n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name}: old key not deleted: {why}</source>
        <translation>{name}: alter Schlüssel nicht gelöscht: {why}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: a new identity is created on the next start</source>
        <translation>{name}: beim nächsten Start wird eine neue Identität erzeugt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tunnels not saved: {why}</source>
        <translation>Tunnel nicht gespeichert: {why}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{name}: not stopped: {why}</source>
        <translation>{name}: nicht gestoppt: {why}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{name}: reachability not checked: {why}</source>
        <translation>{name}: Erreichbarkeit nicht geprüft: {why}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>connection {id}: not closed: {why}</source>
        <translation>Verbindung {id}: nicht geschlossen: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection {id} had already closed</source>
        <translation>Verbindung {id} war bereits geschlossen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the engine did not answer in time</source>
        <translation>die Engine hat nicht rechtzeitig geantwortet</translation>
    </message>
</context>
<context>
    <name>TunnelEditor</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor.py" line="+58"/>
        <source>New tunnel</source>
        <translation>Neuer Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit tunnel “{0}”</source>
        <translation>Tunnel „{0}“ bearbeiten</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Create a new identity?</source>
        <translation>Eine neue Identität erzeugen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This tunnel will get a new private key when you save, so its .b32 address changes and the old address stops working for everyone who uses it.

This cannot be undone.</source>
        <translation>Dieser Tunnel erhält beim Speichern einen neuen privaten Schlüssel; damit ändert sich seine .b32-Adresse, und die alte Adresse funktioniert für niemanden mehr, der sie benutzt.

Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a tunnel named “{name}” already exists</source>
        <translation>ein Tunnel namens „{name}“ existiert bereits</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the tunnel “{other}” already listens on {address}; only one of them can run: choose another port</source>
        <translation>der Tunnel „{other}“ lauscht bereits auf {address}; nur einer von beiden kann laufen: wählen Sie einen anderen Port</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>⚠ {0} is not a loopback address: anyone who can reach this computer on that address can use this tunnel.</source>
        <translation>⚠ {0} ist keine Loopback-Adresse: Jeder, der diesen Rechner unter dieser Adresse erreicht, kann diesen Tunnel benutzen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new key will be created on save; the current .b32 address stops working.</source>
        <translation>Beim Speichern wird ein neuer Schlüssel erzeugt; die jetzige .b32-Adresse funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Still needed: {0}</source>
        <translation>Noch nötig: {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listen port</source>
        <translation>Lauschport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target host</source>
        <translation>Ziel-Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target port</source>
        <translation>Ziel-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max. connections</source>
        <translation>max. Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection lifetime</source>
        <translation>Verbindungs-Lebensdauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle timeout</source>
        <translation>Leerlauf-Zeitlimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-close timeout</source>
        <translation>Halbschluss-Zeitlimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect timeout</source>
        <translation>Verbindungs-Zeitlimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signature type</source>
        <translation>Signaturtyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAM address</source>
        <translation>SAM-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2CP options</source>
        <translation>I2CP-Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list</source>
        <translation>Zugriffsliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>access list entries</source>
        <translation>Einträge der Zugriffsliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection limits</source>
        <translation>Verbindungsgrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host override</source>
        <translation>Host-Ersatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POST limits</source>
        <translation>POST-Grenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P port</source>
        <translation>I2P-Port</translation>
    </message>
</context>
<context>
    <name>TunnelLog</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_log.py" line="+40"/>
        <source>State changes and errors (last {0}) appear here.</source>
        <translation>Zustandswechsel und Fehler (die letzten {0}) erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>TunnelOptions</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/editor_fields.py" line="-18"/>
        <source>line {0}: expected key=value, got {1}</source>
        <translation>Zeile {0}: Schlüssel=Wert erwartet, nicht {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>line {0}: {1}</source>
        <translation>Zeile {0}: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {0}: {1} is set twice</source>
        <translation>Zeile {0}: {1} ist doppelt gesetzt</translation>
    </message>
</context>
<context>
    <name>TunnelShape</name>
    <message>
        <location line="-111"/>
        <source>Hops (length)</source>
        <translation>Hops (Länge)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunnels (quantity)</source>
        <translation>Tunnel (Anzahl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hop variance</source>
        <translation>Hop-Varianz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup tunnels</source>
        <translation>Reserve-Tunnel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I2CP option {0}; &apos;default&apos; leaves it to the router</source>
        <translation>I2CP-Option {0}; „Standard“ überlässt sie dem Router</translation>
    </message>
</context>
<context>
    <name>TunnelState</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_states.py" line="+20"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standby</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>TunnelTableModel</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/tunnel_model.py" line="+43"/>
        <source>TCP forward</source>
        <translation>TCP-Weiterleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P server</source>
        <translation>I2P-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P client</source>
        <translation>I2P-Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P web site</source>
        <translation>I2P-Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP proxy</source>
        <translation>HTTP-Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS proxy</source>
        <translation>SOCKS-Proxy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IRC client</source>
        <translation>IRC-Client</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local endpoint</source>
        <translation>Lokaler Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I2P address</source>
        <translation>I2P-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Open connections over the last 5 minutes: now {0}, peak {1}</source>
        <translation>Offene Verbindungen der letzten 5 Minuten: jetzt {0}, Spitze {1}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/format.py" line="+23"/>
        <source>{0} B</source>
        <translation>{0} B</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} KiB</source>
        <translation>{0} KiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} MiB</source>
        <translation>{0} MiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} GiB</source>
        <translation>{0} GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} TiB</source>
        <translation>{0} TiB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}/s</source>
        <comment>a rate: {0} is an amount such as 1.5 MiB</comment>
        <translation>{0}/s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}s</source>
        <comment>seconds</comment>
        <translation>{0} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}m {1}s</source>
        <comment>minutes and seconds</comment>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}h {1}m</source>
        <comment>hours and minutes</comment>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}d {1}h</source>
        <comment>days and hours</comment>
        <translation>{0} d {1} h</translation>
    </message>
</context>
<context>
    <name>ZeroHopWarning</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/zero_hops.py" line="+46"/>
        <source>inbound and outbound</source>
        <translation>eingehend und ausgehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 hops ({which}): no anonymity — the other side can find this computer; use only for testing or when anonymity is not needed</source>
        <translation>0 Hops ({which}): keine Anonymität — die Gegenstelle kann diesen Rechner finden; nur zum Testen verwenden oder wenn Anonymität nicht nötig ist</translation>
    </message>
</context>
<context>
    <name>traffic</name>
    <message>
        <location filename="../../i2ptunnel_gui/ui/traffic_graph.py" line="-68"/>
        <source>In {0}, out {1} (total {2} in, {3} out)</source>
        <translation>Ein {0}, aus {1} (insgesamt {2} ein, {3} aus)</translation>
    </message>
</context>
</TS>
