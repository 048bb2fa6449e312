"""The engine's translatable texts (core/text.py), for the translation tools.

Written by scripts/core_catalogue.py from every literal Text("...") in core/: not
edited by hand (tests/ui/test_core_texts.py checks it is current). Nothing imports it;
it exists so that pyside6-lupdate files these templates under the context "Core",
which ui/core_texts.py looks them up in.
"""
# ruff: noqa: E501 -- one template per line, as long as the text is

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATES = (
    # core/i2p/client.py
    QT_TRANSLATE_NOOP("Core", 'destination is not a valid base64 destination: {why}'),
    QT_TRANSLATE_NOOP("Core", 'no I2P session within {seconds:g} s: the router is slow or unavailable'),
    QT_TRANSLATE_NOOP("Core", '{n} connections in a row to {destination} failed or got no answer (last: {why})'),
    QT_TRANSLATE_NOOP("Core", 'a connection got an answer from I2P'),
    QT_TRANSLATE_NOOP("Core", 'no answer within {seconds:g} s'),
    QT_TRANSLATE_NOOP("Core", 'connection from {peer}: no answer from I2P within {seconds:g} s'),
    # core/i2p/reachability.py
    QT_TRANSLATE_NOOP("Core", 'the stream closed before the echo came back'),
    QT_TRANSLATE_NOOP("Core", 'no echo within {seconds:g} s'),
    QT_TRANSLATE_NOOP("Core", 'the stream failed: {why}'),
    QT_TRANSLATE_NOOP("Core", 'something else answered at this address (wrong echo)'),
    # core/i2p/server.py
    QT_TRANSLATE_NOOP("Core", 'checking whether it is reachable now'),
    QT_TRANSLATE_NOOP("Core", 'access list: the router did not resolve its names in time'),
    QT_TRANSLATE_NOOP("Core", 'access list: {name} not resolved ({why}); it lets nobody in'),
    QT_TRANSLATE_NOOP("Core", 'access list: {n} destinations allowed'),
    QT_TRANSLATE_NOOP("Core", 'access list: {n} destinations denied'),
    QT_TRANSLATE_NOOP("Core", 'reachability not checked: the tunnel has no I2P session now'),
    QT_TRANSLATE_NOOP("Core", 'reachability not checked: router unavailable for a probe session: {why}'),
    QT_TRANSLATE_NOOP("Core", 'reachability not checked: router refused a probe session: {why}'),
    QT_TRANSLATE_NOOP("Core", 'not reachable from I2P: {why}'),
    QT_TRANSLATE_NOOP("Core", 'reachable from I2P (round trip {ms:.0f} ms)'),
    # core/i2p/session.py
    QT_TRANSLATE_NOOP("Core", 'no I2P session: the router is unavailable (reconnecting)'),
    QT_TRANSLATE_NOOP("Core", 'waiting for a connection to get through'),
    QT_TRANSLATE_NOOP("Core", '{reason}; re-creating the I2P session in {delay:g} s'),
    QT_TRANSLATE_NOOP("Core", '{reason}; re-creating the I2P session'),
    QT_TRANSLATE_NOOP("Core", '{why}; {running}'),
    QT_TRANSLATE_NOOP("Core", 'router unavailable (attempt {attempt}), retrying in {delay:g} s: {why}'),
    QT_TRANSLATE_NOOP("Core", 'I2P session re-created ({why}); {next}'),
    QT_TRANSLATE_NOOP("Core", 'session closed'),
    QT_TRANSLATE_NOOP("Core", 'router connection lost: {why}'),
    QT_TRANSLATE_NOOP("Core", 'the router answers again at {address}: reconnecting now'),
    QT_TRANSLATE_NOOP("Core", 'no I2P session'),
    QT_TRANSLATE_NOOP("Core", 'I2P address {b32} via {address} (SAM {version})'),
    QT_TRANSLATE_NOOP("Core", 'I2P address {b32} (SAM {version})'),
    QT_TRANSLATE_NOOP("Core", "connecting to the router's SAM bridge at {address}"),
    QT_TRANSLATE_NOOP("Core", 'waiting for the router to build tunnels'),
    QT_TRANSLATE_NOOP("Core", 'new I2P key {b32} saved to {path}'),
    QT_TRANSLATE_NOOP("Core", 'using I2P key {b32} from {path}'),
    QT_TRANSLATE_NOOP("Core", 'creating I2P session at {address}'),
    QT_TRANSLATE_NOOP("Core", 'creating I2P session… {seconds:.0f} s ({phase})'),
    QT_TRANSLATE_NOOP("Core", '{why} — {progress}'),
    # core/i2p/standby.py
    QT_TRANSLATE_NOOP("Core", 'listening on {address}; the I2P session opens on the first connection'),
    QT_TRANSLATE_NOOP("Core", 'a connection came: opening the I2P session'),
    QT_TRANSLATE_NOOP("Core", 'the I2P session could not be opened: {why}'),
    QT_TRANSLATE_NOOP("Core", 'no connection for {minutes:g} min: I2P session closed'),
    # core/listen.py
    QT_TRANSLATE_NOOP("Core", 'cannot listen on {where}: unknown host ({why})'),
    QT_TRANSLATE_NOOP("Core", 'address already in use (another program listens on this port)'),
    QT_TRANSLATE_NOOP("Core", 'permission denied (ports below 1024 need privileges)'),
    QT_TRANSLATE_NOOP("Core", 'cannot listen on {where}: {why}'),
    QT_TRANSLATE_NOOP("Core", 'listening on {address}'),
    # core/runtime.py
    QT_TRANSLATE_NOOP("Core", 'internal error: {error}'),
    QT_TRANSLATE_NOOP("Core", 'connection from {peer} failed: {why}'),
    QT_TRANSLATE_NOOP("Core", 'target did not answer within {seconds:g} s'),
    # core/sam/client.py
    QT_TRANSLATE_NOOP("Core", 'session {nickname}'),
    # core/sam/connection.py
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where} closed the connection ({context})'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: no answer to {context} within {seconds:g} s'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: {context} failed: {why}'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: no connection within {seconds:g} s'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where} unreachable: {why}'),
    QT_TRANSLATE_NOOP("Core", 'no address'),
    # core/sam/control.py
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: no answer to {context} on {label}'),
    QT_TRANSLATE_NOOP("Core", '{label} is closed'),
    QT_TRANSLATE_NOOP("Core", '{label} closed'),
    QT_TRANSLATE_NOOP("Core", 'send buffer full'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: {label}: {why}'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where} closed {label}'),
    QT_TRANSLATE_NOOP("Core", 'SAM bridge {where}: no PONG on {label}'),
    # core/sam/errors.py
    QT_TRANSLATE_NOOP("Core", 'no common SAM version'),
    QT_TRANSLATE_NOOP("Core", 'router error'),
    QT_TRANSLATE_NOOP("Core", 'peer unreachable'),
    QT_TRANSLATE_NOOP("Core", 'destination already in use'),
    QT_TRANSLATE_NOOP("Core", 'session nickname already in use'),
    QT_TRANSLATE_NOOP("Core", 'invalid key or destination'),
    QT_TRANSLATE_NOOP("Core", 'no such session'),
    QT_TRANSLATE_NOOP("Core", 'name not found'),
    QT_TRANSLATE_NOOP("Core", 'peer not found'),
    QT_TRANSLATE_NOOP("Core", 'router timed out'),
    QT_TRANSLATE_NOOP("Core", 'destination not published'),
    QT_TRANSLATE_NOOP("Core", 'unexpected RESULT={result}'),
    QT_TRANSLATE_NOOP("Core", '{context}: {what}'),
    QT_TRANSLATE_NOOP("Core", '{text} ({message})'),
)
