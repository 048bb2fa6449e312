"""Save checks the listen port: held by another program (named when it can be known),
by one of the app's running tunnels, or free; the tunnel's own running port is skipped."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
from editor_driver import make, refuse_exec, save_button, type_into, w
from PySide6.QtWidgets import QLabel

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.port_check import binds, listening_process

HOLDER = """
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print(s.getsockname()[1], flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


@pytest.fixture
def held_port() -> Iterator[int]:
    """A loopback port another process listens on."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        yield int(proc.stdout.readline())
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(5)


@pytest.fixture
def own_socket() -> Iterator[int]:
    """A loopback port this process listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


def forward(port: int, name: str = "web") -> TunnelSpec:
    return TunnelSpec(name=name, kind=TunnelKind.FORWARD, listen_port=port, target_port=80)


def test_save_names_the_program_holding_the_port(qtbot, held_port) -> None:
    assert not binds("127.0.0.1", held_port)
    holder = listening_process(held_port)
    assert holder is not None and holder[0].startswith("python")
    dlg = make(qtbot, forward(held_port))
    saved: list[object] = []
    dlg.spec_saved.connect(saved.append)
    save_button(dlg).click()
    label = w(dlg, "listen_port_in_use", QLabel)
    assert saved == [] and dlg.isVisible()
    assert label.isVisible()
    assert label.text().startswith(f"port {held_port} is in use by another program (python")
    assert f"process {holder[1]}" in label.text()
    type_into(qtbot, dlg, "listen_port", str(free_port()))  # another port: message goes
    assert not label.isVisible()
    save_button(dlg).click()
    assert len(saved) == 1


def test_a_port_nobody_holds_saves(qtbot) -> None:
    dlg = make(qtbot, forward(free_port()))
    with qtbot.waitSignal(dlg.spec_saved):
        save_button(dlg).click()
    assert not w(dlg, "listen_port_in_use", QLabel).isVisible()


def test_the_tunnel_running_on_its_own_port_is_not_checked(qtbot, own_socket) -> None:
    spec = forward(own_socket)  # the socket stands in for its own running listener
    dlg = make(qtbot, spec)
    dlg.running_listeners = {spec.id: ("web", f"127.0.0.1:{own_socket}")}
    with qtbot.waitSignal(dlg.spec_saved):
        save_button(dlg).click()


def test_a_port_another_running_tunnel_still_holds_names_it(qtbot, own_socket) -> None:
    """"old" runs on the port with its earlier settings (edited, not restarted yet)."""
    old = forward(own_socket + 1 if own_socket < 65535 else 1024, name="old")
    dlg = make(qtbot, forward(own_socket, name="new"), others=[old])
    dlg.running_listeners = {old.id: ("old", f"127.0.0.1:{own_socket}")}
    save_button(dlg).click()
    label = w(dlg, "listen_port_in_use", QLabel)
    assert label.isVisible() and "the running tunnel “old”" in label.text()


def test_the_window_gives_the_editor_its_running_tunnels(qtbot, shell, fake_engine) -> None:
    from samples import WEB

    shell.window.select_tunnel(WEB.id)
    shell.window.start_action.trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(WEB.id), timeout=2000)
    editor = shell.window.open_editor(WEB, WEB.kind)
    assert editor.running_listeners == {WEB.id: ("web", f"127.0.0.1:{WEB.listen_port}")}
    editor.reject()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_holder_that_cannot_be_named_is_still_said(qtbot, own_socket) -> None:
    dlg = make(qtbot, forward(own_socket))  # held by this process: not "another program"
    save_button(dlg).click()
    assert w(dlg, "listen_port_in_use", QLabel).text() == (
        f"port {own_socket} is in use by another program: choose another port")
