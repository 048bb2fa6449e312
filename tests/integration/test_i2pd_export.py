"""The app's i2pd export, dropped into a real i2pd's data dir, keeps every address.

i2pd prefixes its data dir to every `keys =` value, so an export that named the app's
key files by absolute path gave every server a new b32 (and a new one on each restart).
Here the app's tunnels are exported as a bundle (`export --format i2pd --output DIR/`),
the files copied into an offline i2pd's data dir as the export says, and the router's
web console must list every server tunnel with the b32 the app shows for it — before
and after an i2pd restart — and i2pd must not have made a key of its own.
"""

from __future__ import annotations

import html
import re
import shutil
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from i2pd_helpers import ZERO_HOP, free_port, new_server_key
from i2pd_router import I2pdRouter, RouterError, check_isolated

from i2ptunnel_gui.commands.cli import main
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

CONSOLE_TIMEOUT = 60.0
# server tunnel rows of /?page=i2p_tunnels: <a href=...>NAME</a> &#8658; B32.b32.i2p:PORT
SERVER_ROW = re.compile(
    r'<a href="/\?page=local_destination&b32=[a-z2-7]+">([^<]*)</a> &#8658; '
    r"([a-z2-7]{52})\.b32\.i2p:(\d+)")
NAMES = ["web", "ssh in", "Wéb ★ site", "git", "mail-in", "irc/server"]


@pytest.fixture
def router(tmp_path: Path) -> Iterator[I2pdRouter]:
    """A router of our own: this test writes its tunnels.conf and restarts it."""
    try:
        check_isolated()
    except RouterError as e:
        pytest.fail(str(e), pytrace=False)
    r = I2pdRouter(tmp_path / "i2pd")
    try:
        r.start()
    except RouterError as e:
        pytest.fail(f"i2pd did not start: {e}", pytrace=False)
    try:
        yield r
    finally:
        r.stop()


def _server_rows(router: I2pdRouter) -> dict[str, tuple[str, int]]:
    url = f"http://127.0.0.1:{router.http_port}/?page=i2p_tunnels"
    with urllib.request.urlopen(url, timeout=5) as reply:
        page = reply.read().decode("utf-8", "replace")
    servers = page.split("Server Tunnels:", 1)[-1]
    return {html.unescape(m[1]): (f"{m[2]}.b32.i2p", int(m[3]))
            for m in SERVER_ROW.finditer(servers)}


def _wait_for_servers(router: I2pdRouter, n: int) -> dict[str, tuple[str, int]]:
    deadline = time.monotonic() + CONSOLE_TIMEOUT
    rows: dict[str, tuple[str, int]] = {}
    while time.monotonic() < deadline:
        rows = _server_rows(router)
        if len(rows) >= n:
            return rows
        time.sleep(0.5)
    pytest.fail(f"i2pd lists {len(rows)} of {n} server tunnels after {CONSOLE_TIMEOUT} s: "
                f"{sorted(rows)}; log: {router.log_tail(10)}")


def test_exported_servers_keep_their_addresses_in_i2pd(
        router: I2pdRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = KeyStore(tmp_path / "keys")
    servers = [TunnelSpec.new(name, TunnelKind.SERVER, target_port=9000 + i,
                              options=tuple(ZERO_HOP.items()))
               for i, name in enumerate(NAMES)]
    # one carries the app's own fields, exported as i2ptunnelgui.* options i2pd must ignore
    servers[1] = replace(servers[1], nconnect=5, idle_timeout=None, half_close_timeout=12.0,
                         lifetime=3600.0)
    # what the app shows for each server: the b32 of the key it keeps for it
    shown = {s.name: new_server_key(router.sam_address, keys.key_path(s)) for s in servers}
    others = [
        TunnelSpec.new("fresh", TunnelKind.SERVER, target_port=9100,
                       key_mode=KeyMode.TRANSIENT, options=tuple(ZERO_HOP.items())),
        TunnelSpec.new("to web", TunnelKind.CLIENT, listen_port=free_port(),
                       destination=shown["web"], options=tuple(ZERO_HOP.items())),
    ]
    settings_path = tmp_path / "app.ini"
    s = Settings.open(settings_path)
    s.keys_dir = keys.root
    s.save_tunnels([*servers, *others])

    bundle = tmp_path / "bundle"
    assert main(["--settings", str(settings_path), "export", "--format", "i2pd",
                 "--output", f"{bundle}/"]) == 0
    said = capsys.readouterr().err
    assert f"exported {len(servers) + len(others)} tunnel(s) to {bundle}" in said
    assert "copy the key files" in said and "i2pd's data dir" in said
    conf = (bundle / "tunnels.conf").read_text(encoding="utf-8")
    assert str(keys.root) not in conf  # no absolute key paths: i2pd would prefix its dir
    for option in ("i2ptunnelgui.halfCloseTimeout = 12.0", "i2ptunnelgui.idleTimeout = none",
                   "i2ptunnelgui.nconnect = 5"):
        assert option in conf, conf

    # as the export says: tunnels.conf to the tunnels config, key files into the data dir
    router.stop()
    shutil.copy(bundle / "tunnels.conf", router.workdir / "tunnels.conf")
    copied = [p for p in bundle.iterdir() if p.suffix == ".dat"]
    assert len(copied) == len(servers)  # the transient server and the client have none
    for key in copied:
        shutil.copy2(key, router.workdir / key.name)

    for start in ("first start", "after a restart"):
        if start == "after a restart":
            router.restart(graceful=True)
        else:
            router.start()
        rows = _wait_for_servers(router, len(servers) + 1)
        for s in servers:
            assert rows[s.name] == (shown[s.name], s.target_port), (start, s.name)
        assert rows["fresh"][0] not in shown.values()
    log = router.log_path.read_text(errors="replace").splitlines()
    assert [line for line in log if "Can't open file" in line
            and any(k.name in line for k in copied)] == []
    for key in copied:  # i2pd used the copies as they were, it did not write its own
        assert (router.workdir / key.name).read_bytes() == (bundle / key.name).read_bytes()
